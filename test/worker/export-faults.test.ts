// Exports that fail part-way (issue 16, defect 9): a D1 error while the CSV is streaming must not
// end in what looks like a complete 200 file; and xAPI statement ids do not depend on the hostname.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import app from "../../worker/index.ts";
import { resetDatabase, seedQuiz, slug } from "./fixtures.ts";

const admin = { authorization: `Bearer ${env.ADMIN_TOKEN}` };

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz();
});

/** `n` finished attempts of the fixture quiz, stored directly. */
async function storeAttempts(n: number) {
  const quiz = await env.DB.prepare("select id from quizzes where slug = ?")
    .bind(slug)
    .first<{ id: number }>();
  const statements = Array.from({ length: n }, (_, i) =>
    env.DB.prepare(
      "insert into attempts (id, quiz_id, started_at, finished_at, score, max_score) values (?, ?, ?, ?, 1, 3)",
    ).bind(crypto.randomUUID(), quiz?.id, 1_700_000_000_000 + i, 1_700_000_060_000 + i),
  );
  await env.DB.batch(statements);
}

/** env.DB, failing every export page query after the first. */
function failingAfterFirstPage(real: D1Database): D1Database {
  let pages = 0;
  return new Proxy(real, {
    get(target, property) {
      if (property === "prepare") {
        return (query: string) => {
          const statement = target.prepare(query);
          if (!/left join responses r on r\.attempt_id = p\.id/.test(query)) return statement;
          pages++;
          if (pages === 1) return statement;
          const error = new Error("D1_ERROR: Internal error while reading.");
          const fail = () => Promise.reject(error);
          const failing = { bind: () => failing, all: fail, raw: fail, run: fail, first: fail };
          return failing as unknown as D1PreparedStatement;
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" && property !== "constructor" ? value.bind(target) : value;
    },
  });
}

describe("CSV export", () => {
  it("a D1 error after the first page is not a complete-looking 200", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    await storeAttempts(260);
    const res = await app.fetch(
      new Request(`http://recall.test/api/quizzes/${slug}/attempts.csv`, { headers: admin }),
      { ...env, DB: failingAfterFirstPage(env.DB) },
    );
    let body = "";
    let failed = res.status !== 200;
    try {
      body = await res.text();
    } catch {
      failed = true;
    }
    // Either the status says so, or the body itself fails to complete (the stream errors).
    expect(failed).toBe(true);
    expect(body.split("\r\n").length).toBeLessThan(262);
  });
});

describe("xAPI statement ids", () => {
  it("are the same whichever hostname the export was asked for on", async () => {
    await storeAttempts(2);
    const ids = async (host: string) => {
      const res = await app.fetch(
        new Request(`${host}/api/quizzes/${slug}/xapi`, { headers: admin }),
        env,
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as { statements: { id: string }[] };
      return body.statements.map((s) => s.id);
    };
    const one = await ids("https://recall.example");
    expect(one.length).toBeGreaterThan(0);
    expect(await ids("https://recall-mirror.example")).toEqual(one);
  });
});
