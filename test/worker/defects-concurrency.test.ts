// Defects found by the independent review (issue 16), each driven by many parallel requests inside
// workerd against the real local D1: a key edit racing an answer (1), a start-attempt retried after
// a lost reply (3), a create-quiz retried after a lost reply (7), and retry rounds counted as full
// attempts (2).
import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { beforeEach, describe, expect, it } from "vitest";
import type { Bank } from "../../questions/bank.ts";
import type { FinishResult } from "../../worker/contract.ts";
import { storeBankStatements } from "../../worker/db/banks.ts";
import * as schema from "../../worker/db/schema.ts";
import app from "../../worker/index.ts";
import { harbourBridge } from "../fixtures/articles.ts";
import { answer, bank, call, countRows, resetDatabase, seedQuiz, slug } from "./fixtures.ts";

const admin = { authorization: `Bearer ${env.ADMIN_TOKEN}` };

beforeEach(async () => {
  await resetDatabase();
});

/** A published quiz of `n` copies of the fixture's first question (key "b"), ids r0…r(n-1). */
async function seedWideQuiz(quizSlug: string, n: number) {
  const first = bank.questions[0];
  if (!first) throw new Error("fixture bank is empty");
  const wide: Bank = {
    ...bank,
    questions: Array.from({ length: n }, (_, i) => ({ ...first, id: `r${i}` })),
  };
  const db = drizzle(env.DB, { schema });
  await db.batch(
    storeBankStatements(db, {
      slug: quizSlug,
      bank: wide,
      article: "",
      status: "published",
      mode: "upsert",
      now: Date.now(),
    }),
  );
}

const uuid = () => crypto.randomUUID();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One round: `pairs` concurrent pairs over a fresh quiz; returns how many finishes disagree. */
async function raceRound(round: number, pairs: number): Promise<number> {
  const race = `race-${round}`;
  // Each round is its own client, so the per-client rate limits never refuse the test's requests.
  const client = { "cf-connecting-ip": `192.0.2.${round + 1}` };
  await seedWideQuiz(race, pairs);
  const attemptIds = await Promise.all(
    Array.from({ length: pairs }, async () => {
      const res = await call("POST", `/api/quizzes/${race}/attempts`, {}, client);
      expect(res.status).toBe(201);
      return ((await res.json()) as { attemptId: string }).attemptId;
    }),
  );
  // Each pair: the educator moves question q's key from "b" to "a" while a learner answers "b",
  // a few milliseconds apart either way, so that some answers land inside the edit's own work.
  await Promise.all(
    attemptIds.map(async (attemptId, i) => {
      const q = `r${i}`;
      // Offsets from -4 to +4 ms: negative sends the answer first, positive the edit first.
      const offset = (i % 9) - 4;
      const [edit, given] = await Promise.all([
        sleep(Math.max(0, -offset)).then(() =>
          call("PATCH", `/api/quizzes/${race}/questions/${q}`, { answer: "a" }, admin),
        ),
        sleep(Math.max(0, offset)).then(() =>
          call("PUT", `/api/attempts/${attemptId}/answers/${q}`, { choiceId: "b" }, client),
        ),
      ]);
      expect([200, 409]).toContain(edit.status);
      expect(given.status).toBe(200);
    }),
  );
  let mismatches = 0;
  for (const [i, attemptId] of attemptIds.entries()) {
    const res = await call("POST", `/api/attempts/${attemptId}/finish`, undefined, client);
    expect(res.status).toBe(200);
    const fin = (await res.json()) as FinishResult;
    const item = fin.review.find((r) => r.questionId === `r${i}`);
    const reviewed = fin.review.filter(
      (r) => r.choiceId !== null && r.correct && r.correctChoiceId === r.choiceId,
    ).length;
    const consistent =
      fin.score === reviewed &&
      item?.choiceId !== null &&
      item !== undefined &&
      item.correct === (item.correctChoiceId === item.choiceId);
    if (!consistent) mismatches++;
  }
  return mismatches;
}

describe("defect 1: a key edit racing an answer", () => {
  it("rounds of 40 concurrent edit+answer pairs: every finish score equals its review", async () => {
    const pairs = 40;
    const rounds = 5;
    const mismatches: number[] = [];
    for (let round = 0; round < rounds; round++) mismatches.push(await raceRound(round, pairs));
    expect(mismatches).toEqual(Array(rounds).fill(0));
  }, 60_000);
});

/**
 * env.DB, running `hook` once just before the first UPDATE of the questions table goes out: the
 * exact moment at which an answer landing makes a check-then-update edit grade against a
 * replaced key.
 */
function beforeQuestionUpdate(real: D1Database, hook: () => Promise<unknown>): D1Database {
  let fired = false;
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const bind = statement.bind.bind(statement);
    statement.bind = (...values: unknown[]) => wrap(bind(...values));
    for (const method of ["run", "all", "raw", "first"] as const) {
      const original = statement[method].bind(statement) as () => Promise<unknown>;
      Object.assign(statement, {
        [method]: async () => {
          if (!fired) {
            fired = true;
            await hook();
          }
          return original();
        },
      });
    }
    return statement;
  };
  return new Proxy(real, {
    get(target, property) {
      if (property === "prepare") {
        return (query: string) => {
          const statement = target.prepare(query);
          return /^\s*update\s+"questions"/i.test(query) ? wrap(statement) : statement;
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" && property !== "constructor" ? value.bind(target) : value;
    },
  });
}

describe("defect 1, the interleaving itself", () => {
  it("an answer stored between an edit's checks and its UPDATE: finish still equals the review", async () => {
    await seedQuiz();
    const attemptId = uuid();
    await call("POST", `/api/quizzes/${slug}/attempts`, { attemptId });
    const db = beforeQuestionUpdate(env.DB, () => answer(attemptId, "q1", "b"));
    const edit = await app.fetch(
      new Request(`http://recall.test/api/quizzes/${slug}/questions/q1`, {
        method: "PATCH",
        headers: { "content-type": "application/json", ...admin },
        body: JSON.stringify({ answer: "a" }),
      }),
      { ...env, DB: db },
    );
    // The answer came first, so the key it was graded against must stay.
    expect(edit.status).toBe(409);
    const fin = (await (
      await call("POST", `/api/attempts/${attemptId}/finish`)
    ).json()) as FinishResult;
    const item = fin.review.find((r) => r.questionId === "q1");
    expect(item?.choiceId).toBe("b");
    expect(item?.correct).toBe(true);
    expect(item?.choiceId !== null && item?.correctChoiceId).toBe("b");
    expect(fin.score).toBe(1);
  });
});

describe("defect 3: starting an attempt is idempotent on a client-made id", () => {
  it("ten parallel starts with one attemptId store one attempt and all get it", async () => {
    await seedQuiz();
    const attemptId = uuid();
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        call("POST", `/api/quizzes/${slug}/attempts`, { attemptId, group: "class-a" }),
      ),
    );
    for (const res of replies) {
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ attemptId });
    }
    expect(await countRows("attempts")).toBe(1);
  });

  it("refuses an attemptId that belongs to another quiz", async () => {
    await seedQuiz();
    await seedQuiz({ slug: "other-quiz" });
    const attemptId = uuid();
    expect((await call("POST", `/api/quizzes/${slug}/attempts`, { attemptId })).status).toBe(201);
    const res = await call("POST", "/api/quizzes/other-quiz/attempts", { attemptId });
    expect(res.status).toBe(409);
    expect(await countRows("attempts")).toBe(1);
  });
});

describe("defect 7: creating a quiz is safe to retry", () => {
  it("ten parallel creates with one requestId make one quiz and return one key", async () => {
    const requestId = uuid();
    const body = { title: "The Harbour Bridge", article: harbourBridge, requestId };
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => call("POST", "/api/quizzes", body, admin)),
    );
    const created = await Promise.all(
      replies.map(async (res) => {
        expect(res.status).toBe(201);
        return (await res.json()) as { slug: string; educatorKey: string };
      }),
    );
    expect(new Set(created.map((c) => c.slug)).size).toBe(1);
    expect(new Set(created.map((c) => c.educatorKey)).size).toBe(1);
    expect(await countRows("quizzes")).toBe(1);
    const first = created[0];
    if (!first) return;
    const opened = await call("GET", `/api/quizzes/${first.slug}/questions`, undefined, {
      authorization: `Bearer ${first.educatorKey}`,
    });
    expect(opened.status).toBe(200);
  });
});

describe("defect 2: an attempt records the questions it asked", () => {
  it("a retry round of one question scores out of one, and reports count first attempts", async () => {
    await seedQuiz();
    const first = uuid();
    expect((await call("POST", `/api/quizzes/${slug}/attempts`, { attemptId: first })).status).toBe(
      201,
    );
    await answer(first, "q1", "b"); // right
    await answer(first, "q2", "b"); // wrong (key "a")
    await answer(first, "q3", "d"); // right
    const fin1 = (await (
      await call("POST", `/api/attempts/${first}/finish`)
    ).json()) as FinishResult;
    expect([fin1.score, fin1.maxScore]).toEqual([2, 3]);

    const retry = uuid();
    const started = await call("POST", `/api/quizzes/${slug}/attempts`, {
      attemptId: retry,
      retryOf: first,
      questionIds: ["q2"],
    });
    expect(started.status).toBe(201);
    // A question the round did not ask cannot be answered in it.
    expect((await answer(retry, "q1", "b")).status).toBe(404);
    expect((await answer(retry, "q2", "a")).status).toBe(200);
    const fin2 = (await (
      await call("POST", `/api/attempts/${retry}/finish`)
    ).json()) as FinishResult;
    expect([fin2.score, fin2.maxScore]).toEqual([1, 1]);
    expect(fin2.review.map((r) => r.questionId)).toEqual(["q2"]);

    const report = (await (
      await call("GET", `/api/quizzes/${slug}/report`, undefined, admin)
    ).json()) as { summary: { attemptsStarted: number; meanPercent: number } };
    expect(report.summary.attemptsStarted).toBe(1);
    expect(report.summary.meanPercent).toBeCloseTo(2 / 3);
    const all = (await (
      await call("GET", `/api/quizzes/${slug}/report?rounds=all`, undefined, admin)
    ).json()) as { summary: { attemptsStarted: number } };
    expect(all.summary.attemptsStarted).toBe(2);
  });

  it("refuses a retry round over a question the quiz does not have", async () => {
    await seedQuiz();
    const res = await call("POST", `/api/quizzes/${slug}/attempts`, { questionIds: ["zz"] });
    expect(res.status).toBe(400);
    expect(await countRows("attempts")).toBe(0);
  });
});
