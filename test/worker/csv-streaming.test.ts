// The CSV exports stream: the body is a ReadableStream whose rows are read from D1 a page at a
// time as the client reads, so the first bytes leave before the last attempts are even read and
// an export of any size never sits whole in the Worker's memory. No timing: the test counts the
// page queries made when the first chunk arrives, and shows the tail is read after it (an attempt
// stored after the first chunk still appears at the end).
import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import app from "../../worker/index.ts";
import { resetDatabase, seedQuiz, slug } from "./fixtures.ts";

const admin = { authorization: `Bearer ${env.ADMIN_TOKEN}` };
const attempts = 800;
/** Attempts per export page (worker/reports/exports.ts `allAttemptPages`). */
const pageSize = 250;

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz();
});

async function quizId(): Promise<number> {
  const row = await env.DB.prepare("select id from quizzes where slug = ?")
    .bind(slug)
    .first<{ id: number }>();
  return row?.id ?? 0;
}

const attemptId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;

/** `count` finished attempts with one response each, started a minute apart from `from`. */
async function storeAttempts(id: number, from: number, count: number) {
  const statements: D1PreparedStatement[] = [];
  for (let i = from; i < from + count; i++) {
    const startedAt = 1_700_000_000_000 + i * 60_000;
    statements.push(
      env.DB.prepare(
        "insert into attempts (id, quiz_id, started_at, finished_at, score, max_score) values (?, ?, ?, ?, 1, 3)",
      ).bind(attemptId(i), id, startedAt, startedAt + 30_000),
      env.DB.prepare(
        "insert into responses (attempt_id, quiz_id, question_id, choice_id, correct, answered_at) values (?, ?, 'q1', 'b', 1, ?)",
      ).bind(attemptId(i), id, startedAt + 10_000),
    );
  }
  await env.DB.batch(statements);
}

/** env.DB, counting the export's page queries. */
function countingPages(real: D1Database) {
  const seen = { pages: 0 };
  const db = new Proxy(real, {
    get(target, property) {
      if (property === "prepare") {
        return (query: string) => {
          if (/left join responses r on r\.attempt_id = p\.id/.test(query)) seen.pages++;
          return target.prepare(query);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" && property !== "constructor" ? value.bind(target) : value;
    },
  });
  return { db, seen };
}

describe.each([
  ["report.csv", "one row per response"],
  ["attempts.csv", "one row per attempt"],
])("GET /api/quizzes/:slug/%s (%s)", (file) => {
  it("streams: the first chunk comes before the last page is read", async () => {
    const id = await quizId();
    await storeAttempts(id, 0, attempts);
    const { db, seen } = countingPages(env.DB);
    const res = await app.fetch(
      new Request(`http://recall.test/api/quizzes/${slug}/${file}`, { headers: admin }),
      { ...env, DB: db },
    );
    expect(res.status).toBe(200);
    expect(res.body).toBeInstanceOf(ReadableStream);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const pages = Math.ceil(attempts / pageSize);
    // The header is out; at most the next page has been asked for, not the whole export.
    expect(seen.pages).toBeLessThan(pages);

    // An attempt stored now, started after all the others, lands on the last page: it can only
    // be in the file if that page is read after the first chunk left.
    await storeAttempts(id, attempts, 1);
    let text = decoder.decode(first.value, { stream: true });
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
    const rows = parse(text.replace(/^\uFEFF/, ""), { columns: true }) as { attempt_id: string }[];
    expect(rows).toHaveLength(attempts + 1);
    expect(rows.at(-1)?.attempt_id).toBe(attemptId(attempts));
    expect(seen.pages).toBe(Math.ceil((attempts + 1) / pageSize));
  });
});
