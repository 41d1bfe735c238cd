// Faults: the real route handlers run through the app with a D1 binding that fails the way D1
// documents it can. Transient errors (also the worst kind: the write committed but its reply was
// lost) are retried and the write is stored exactly once; "overloaded" becomes a 503 with
// Retry-After and is not retried; other errors are not retried and become the generic 500.
import { env } from "cloudflare:workers";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import app from "../../worker/index.ts";
import { harbourBridge } from "../fixtures/articles.ts";
import { expectError } from "./expect-error.ts";
import { countRows, resetDatabase, seedQuiz, slug } from "./fixtures.ts";

interface Fault {
  message: string;
  /** Before: the write never ran. After: it committed, then the reply was lost. */
  when: "before" | "after";
}

const networkLost = "D1_ERROR: Network connection lost.";
const codeUpdated = "D1_ERROR: D1 DB reset because its code was updated.";
const storageReset = "D1_ERROR: Internal error in D1 DB storage caused object to be reset.";
const overloaded = "D1_ERROR: D1 DB is overloaded. Too many requests queued.";

const writePattern = /^\s*(?:insert|update|delete|replace)\b/i;

/**
 * env.DB, failing its next writes (single write statements and batches holding a write) with the
 * planned faults, in order. Reads pass through: D1 retries read-only queries itself.
 */
function flakyD1(real: D1Database, faults: Fault[]) {
  const plan = [...faults];
  const stats = { writeCalls: 0, injected: 0 };
  const d1Error = (message: string) => new Error(message, { cause: new Error(message) });

  async function guarded<T>(run: () => Promise<T>): Promise<T> {
    stats.writeCalls++;
    const fault = plan.shift();
    if (!fault) return run();
    stats.injected++;
    if (fault.when === "before") throw d1Error(fault.message);
    await run();
    throw d1Error(fault.message);
  }

  function wrapWrite(statement: D1PreparedStatement): D1PreparedStatement {
    const bind = statement.bind.bind(statement);
    statement.bind = (...values: unknown[]) => wrapWrite(bind(...values));
    for (const method of ["run", "all", "raw", "first"] as const) {
      const original = statement[method].bind(statement) as () => Promise<unknown>;
      Object.assign(statement, { [method]: () => guarded(original) });
    }
    return statement;
  }

  const db = new Proxy(real, {
    get(target, property) {
      if (property === "prepare") {
        return (sql: string) => {
          const statement = target.prepare(sql);
          return writePattern.test(sql) ? wrapWrite(statement) : statement;
        };
      }
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) => guarded(() => target.batch(statements));
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" && property !== "constructor" ? value.bind(target) : value;
    },
  });
  return { db, stats, pending: () => plan.length };
}

function send(db: D1Database, method: string, path: string, body?: unknown) {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  return app.fetch(new Request(`http://recall.test${path}`, init), { ...env, DB: db });
}

async function startAttemptDirectly(): Promise<string> {
  const res = await send(env.DB, "POST", `/api/quizzes/${slug}/attempts`, {});
  return ((await res.json()) as { attemptId: string }).attemptId;
}

const figures: string[] = [];
const report = (line: string) => figures.push(line);

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz();
  // Keep "expected" error logs from the 500 and exhausted-retry cases out of the test output.
  vi.spyOn(console, "error").mockImplementation(() => {});
});

afterAll(() => {
  console.info(`faults figures:\n  ${figures.join("\n  ")}`);
});

describe("transient errors are retried and the write is stored exactly once", () => {
  it("starting an attempt survives a lost connection and a lost reply after the commit", async () => {
    const { db, stats, pending } = flakyD1(env.DB, [
      { message: networkLost, when: "before" },
      { message: storageReset, when: "after" },
    ]);
    const res = await send(db, "POST", `/api/quizzes/${slug}/attempts`, { learnerName: "Ada" });
    expect(res.status).toBe(201);
    const { attemptId } = (await res.json()) as { attemptId: string };
    expect(pending()).toBe(0);
    expect(stats.writeCalls).toBe(3);
    expect(await countRows("attempts")).toBe(1);
    const row = await env.DB.prepare("select learner_name from attempts where id = ?")
      .bind(attemptId)
      .first<{ learner_name: string }>();
    expect(row?.learner_name).toBe("Ada");
    report(
      `start attempt: ${stats.injected} faults injected, ${stats.writeCalls} write calls, attempts rows expected 1, stored ${await countRows("attempts")}`,
    );
  });

  it("an answer whose reply was lost twice is graded once and stored once", async () => {
    const attemptId = await startAttemptDirectly();
    const { db, stats } = flakyD1(env.DB, [
      { message: codeUpdated, when: "after" },
      { message: networkLost, when: "after" },
      { message: networkLost, when: "before" },
    ]);
    const res = await send(db, "PUT", `/api/attempts/${attemptId}/answers/q1`, { choiceId: "b" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ correct: true, correctChoiceId: "b" });
    expect(stats.writeCalls).toBe(4);
    const stored = await env.DB.prepare("select choice_id from responses where attempt_id = ?")
      .bind(attemptId)
      .all<{ choice_id: string }>();
    expect(stored.results).toEqual([{ choice_id: "b" }]);
    report(
      `answer: ${stats.injected} faults injected, ${stats.writeCalls} write calls, responses expected 1, stored ${stored.results.length}`,
    );
  });

  it("finish after a lost reply returns the score it stored, once", async () => {
    const attemptId = await startAttemptDirectly();
    await send(env.DB, "PUT", `/api/attempts/${attemptId}/answers/q1`, { choiceId: "b" });
    await send(env.DB, "PUT", `/api/attempts/${attemptId}/answers/q2`, { choiceId: "c" });
    const { db, stats } = flakyD1(env.DB, [{ message: storageReset, when: "after" }]);
    const res = await send(db, "POST", `/api/attempts/${attemptId}/finish`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ score: 1, maxScore: 3 });
    const row = await env.DB.prepare("select score, finished_at from attempts where id = ?")
      .bind(attemptId)
      .first<{ score: number; finished_at: number }>();
    expect(row?.score).toBe(1);
    expect(row?.finished_at).toBeGreaterThan(0);
    report(
      `finish: ${stats.injected} faults injected, ${stats.writeCalls} write calls, score expected 1, stored ${row?.score}`,
    );
  });
});

describe("creating a quiz after a lost reply (issue 16, defect 7)", () => {
  it("the retried create finds the quiz its first try stored: one quiz, 201, a key that opens it", async () => {
    const { db, stats } = flakyD1(env.DB, [{ message: networkLost, when: "after" }]);
    const res = await app.fetch(
      new Request("http://recall.test/api/quizzes", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${env.ADMIN_TOKEN}`,
        },
        body: JSON.stringify({ title: "Lost reply", article: harbourBridge }),
      }),
      { ...env, DB: db },
    );
    expect(stats.injected).toBe(1);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { slug: string; educatorKey: string };
    // The quiz seeded for every test, and this one, once.
    expect(await countRows("quizzes")).toBe(2);
    const opened = await send(env.DB, "GET", `/api/quizzes/${created.slug}/questions`);
    expect(opened.status).toBe(401);
    const withKey = await app.fetch(
      new Request(`http://recall.test/api/quizzes/${created.slug}/questions`, {
        headers: { authorization: `Bearer ${created.educatorKey}` },
      }),
      env,
    );
    expect(withKey.status).toBe(200);
  });
});

describe("errors that must not be retried", () => {
  it("an overloaded database gets a 503 with Retry-After, at once, and nothing is stored", async () => {
    const attemptId = await startAttemptDirectly();
    const { db, stats } = flakyD1(env.DB, [{ message: overloaded, when: "before" }]);
    const res = await send(db, "PUT", `/api/attempts/${attemptId}/answers/q1`, { choiceId: "a" });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await expectError(res, 503, "overloaded");
    expect(stats.writeCalls).toBe(1);
    expect(await countRows("responses")).toBe(0);
    report(
      `overloaded: 1 fault injected, ${stats.writeCalls} write call (no retry), status 503, responses stored 0`,
    );
  });

  it("a transient error that outlasts the retries gets a 503 with Retry-After", async () => {
    const { db, stats } = flakyD1(
      env.DB,
      Array.from({ length: 10 }, () => ({ message: networkLost, when: "before" as const })),
    );
    const res = await send(db, "POST", `/api/quizzes/${slug}/attempts`, {});
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    await expectError(res, 503, "unavailable");
    expect(stats.writeCalls).toBe(4);
    expect(await countRows("attempts")).toBe(0);
    report(`persistent transient: ${stats.writeCalls} write calls then 503, attempts stored 0`);
  });

  it("any other database error is not retried and becomes the generic 500", async () => {
    const attemptId = await startAttemptDirectly();
    const { db, stats } = flakyD1(env.DB, [
      { message: "D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT", when: "before" },
    ]);
    const res = await send(db, "PUT", `/api/attempts/${attemptId}/answers/q1`, { choiceId: "a" });
    expect(await res.clone().text()).not.toMatch(/SQLITE|constraint|insert/i);
    await expectError(res, 500, "internal");
    expect(stats.writeCalls).toBe(1);
    expect(await countRows("responses")).toBe(0);
  });

  it("request data that looks like a D1 error is not mistaken for one", async () => {
    const { db, stats } = flakyD1(env.DB, [
      { message: "D1_ERROR: CHECK constraint failed", when: "before" },
    ]);
    // The name lands in Drizzle's "Failed query … params" text, never in D1's own message.
    const res = await send(db, "POST", `/api/quizzes/${slug}/attempts`, {
      learnerName: "D1 DB is overloaded Network connection lost",
    });
    await expectError(res, 500, "internal");
    expect(stats.writeCalls).toBe(1);
  });
});
