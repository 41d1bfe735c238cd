// The report counters (kept by the triggers of migrations/0006_report_counter_triggers.sql) and the
// Retention section's first tries and their counters (0008_first_try_triggers.sql) give the
// same report as aggregating the rows themselves, after every kind of write the worker and its
// operators make: answers and finishes through the API, retry rounds, rows inserted directly in
// SQL (without a time to answer, or earlier than an answer already stored), a group edited, an
// answer's time moved, an attempt made anonymous, a learner's erasure, a deleted attempt and a
// deleted question; and a deleted quiz takes its counters with it.
import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { beforeEach, describe, expect, it } from "vitest";
import * as schema from "../../worker/db/schema.ts";
import { type RetentionSource, retentionFor } from "../../worker/reports/retention.ts";
import type { QuizReport, Rounds } from "../../worker/reports/statistics.ts";
import { reportFor } from "../../worker/reports/statistics.ts";
import { learnerIdFor } from "../../worker/routes/learners.ts";
import { bank, call, resetDatabase, seedQuiz, slug } from "./fixtures.ts";

const admin = { authorization: `Bearer ${env.ADMIN_TOKEN}` };
const db = drizzle(env.DB, { schema });
const counterTables = [
  "report_choice_counts",
  "report_answer_seconds",
  "report_score_items",
  "report_attempt_counts",
  "report_filter_counts",
  "first_tries",
  "first_try_counts",
  "first_try_learners",
];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function quizId(): Promise<number> {
  const row = await env.DB.prepare("select id from quizzes where slug = ?")
    .bind(slug)
    .first<{ id: number }>();
  if (!row) throw new Error("no quiz");
  return row.id;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

interface Learner {
  secret: string;
  learnerId: string;
  address: string;
}

async function learner(i: number): Promise<Learner> {
  const secret = `learner-secret-${hex(i, 8)}-${"x".repeat(24)}`;
  return { secret, learnerId: await learnerIdFor(secret), address: `198.18.${i >> 8}.${i & 255}` };
}

async function start(who: Learner, body: Record<string, unknown>): Promise<string> {
  const res = await call(
    "POST",
    `/api/quizzes/${slug}/attempts`,
    { learnerId: who.learnerId, ...body },
    { "cf-connecting-ip": who.address },
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { attemptId: string }).attemptId;
}

const put = (who: Learner, attemptId: string, questionId: string, choiceId: string) =>
  call(
    "PUT",
    `/api/attempts/${attemptId}/answers/${questionId}`,
    { choiceId },
    {
      "cf-connecting-ip": who.address,
    },
  );

const finish = (who: Learner, attemptId: string) =>
  call("POST", `/api/attempts/${attemptId}/finish`, undefined, { "cf-connecting-ip": who.address });

/** Learners answering through the API, some in retry rounds, in groups and on two pages. */
async function simulate(seed: number, learners: number): Promise<Learner[]> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const people: Learner[] = [];
  for (let i = 0; i < learners; i++) {
    const who = await learner(seed * 1000 + i);
    people.push(who);
    const group = pick(["class-a", "class-b", undefined]);
    const pageUrl = pick(["https://blog.example/a", "https://blog.example/b#p3"]);
    const attemptId = await start(who, { ...(group ? { group } : {}), pageUrl });
    const missed: string[] = [];
    for (const question of bank.questions) {
      if (next() < 0.15) continue; // skipped
      // Mostly right for stronger learners, so scores spread and ties straddle the 27% cut.
      const right = next() < 0.25 + 0.6 * (i / learners);
      const choiceId = right
        ? question.answer
        : pick(question.choices.filter((c) => c.id !== question.answer)).id;
      expect((await put(who, attemptId, question.id, choiceId)).status).toBe(200);
      if (!right) missed.push(question.id);
    }
    if (next() < 0.2) continue; // never finished
    expect((await finish(who, attemptId)).status).toBe(200);
    if (missed.length > 0 && next() < 0.5) {
      const retry = await start(who, { retryOf: attemptId, questionIds: missed });
      for (const questionId of missed) {
        const question = bank.questions.find((q) => q.id === questionId);
        expect((await put(who, retry, questionId, question?.answer ?? "a")).status).toBe(200);
      }
      if (next() < 0.7) expect((await finish(who, retry)).status).toBe(200);
    }
  }
  return people;
}

/** Numbers equal to 12 digits, everything else exactly. */
function expectSame(actual: unknown, expected: unknown, path = "report"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    expect(actual, path).toBeCloseTo(expected, 12);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((item, i) => {
      expectSame((actual as unknown[])[i], item, `${path}[${i}]`);
    });
  } else if (expected && typeof expected === "object") {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      expectSame((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

async function expectCountersMatchRows(): Promise<QuizReport[]> {
  const id = await quizId();
  const reports: QuizReport[] = [];
  for (const rounds of ["first", "retries", "all"] as Rounds[]) {
    const fromCounters = await reportFor(db, id, { rounds });
    const fromRows = await reportFor(db, id, { rounds }, "rows");
    expectSame(fromCounters, fromRows, `report(${rounds})`);
    reports.push(fromCounters);
  }
  // The filter choices always come from the counters: check them against the attempts.
  const { results: groups } = await env.DB.prepare(
    `select group_name as value, count(*) as attempts from attempts where quiz_id = ?
     group by group_name order by attempts desc, value`,
  )
    .bind(id)
    .all();
  expect(reports[0]?.options.groups).toEqual(groups);
  await expectRetentionMatchesRows(id);
  return reports;
}

/** The Retention section from the counters and from first_tries, against the responses alone. */
async function expectRetentionMatchesRows(id: number): Promise<void> {
  const narrowed = [{}, { group: "class-a" }, { pageUrl: "https://blog.example/b#p3" }];
  for (const filters of narrowed) {
    const fromRows = await retentionFor(db, id, filters, "rows");
    for (const source of ["auto", "kept"] as RetentionSource[]) {
      const label = `retention(${source}, ${JSON.stringify(filters)})`;
      expectSame(await retentionFor(db, id, filters, source), fromRows, label);
    }
  }
}

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz();
});

// Each simulation makes a few hundred requests, one after another.
const simulated = { timeout: 60_000 };

describe("report counters", () => {
  it(
    "match the rows after learners answer, finish and retry through the API",
    simulated,
    async () => {
      await simulate(1, 30);
      const [first, retries] = await expectCountersMatchRows();
      // The data exercised what it should: finished attempts, retry rounds, timed answers.
      expect(first?.summary.attemptsFinished).toBeGreaterThan(10);
      expect(retries?.summary.attemptsStarted).toBeGreaterThan(0);
      expect(first?.questions.every((q) => q.medianSecondsToAnswer !== null)).toBe(true);
      expect(first?.questions.some((q) => q.discrimination !== null)).toBe(true);
    },
  );

  it("match on other data too (other ties at the 27% cut)", simulated, async () => {
    await simulate(2, 23);
    await expectCountersMatchRows();
  });

  it(
    "follow direct SQL writes: inserts without a time to answer, a group edit, deletes",
    simulated,
    async () => {
      const people = await simulate(3, 20);
      const id = await quizId();
      // A finished attempt stored directly, its responses after it (as a data import would).
      const startedAt = Date.UTC(2026, 0, 5, 9);
      const imported = "00000000-0000-4000-8000-00000000beef";
      await env.DB.batch([
        env.DB.prepare(
          `insert into attempts (id, quiz_id, learner_id, group_name, started_at, finished_at, score, max_score)
         values (?, ?, 'imported', 'class-c', ?, ?, 2, 3)`,
        ).bind(imported, id, startedAt, startedAt + 90_000),
        ...[
          ["q1", "b", 1, 20_000],
          ["q2", "a", 1, 45_000],
          ["q3", "a", 0, 80_000],
        ].map(([question, choice, correct, at]) =>
          env.DB.prepare(
            `insert into responses (attempt_id, quiz_id, question_id, choice_id, correct, answered_at)
           values (?, ?, ?, ?, ?, ?)`,
          ).bind(imported, id, question, choice, correct, startedAt + Number(at)),
        ),
      ]);
      const times = await env.DB.prepare(
        "select ms_to_answer as ms from responses where attempt_id = ? order by answered_at",
      )
        .bind(imported)
        .all<{ ms: number }>();
      expect(times.results.map((r) => r.ms)).toEqual([20_000, 25_000, 35_000]);
      await expectCountersMatchRows();

      // An earlier answer stored after a later one (an import out of order) becomes the first
      // try; an answer's time moved back does too; an attempt made anonymous leaves its learner.
      const late = "00000000-0000-4000-8000-00000000cafe";
      await env.DB.batch([
        env.DB.prepare(
          "insert into attempts (id, quiz_id, learner_id, started_at) values (?, ?, 'imported', ?)",
        ).bind(late, id, startedAt - 86_400_000),
        env.DB.prepare(
          `insert into responses (attempt_id, quiz_id, question_id, choice_id, correct, answered_at)
           values (?, ?, 'q1', 'a', 0, ?)`,
        ).bind(late, id, startedAt - 86_000_000),
      ]);
      const firstTryOfQ1 = async () =>
        (
          await env.DB.prepare(
            "select attempt_id as attempt from first_tries where learner_id = 'imported' and question_id = 'q1'",
          ).all<{ attempt: string }>()
        ).results.map((r) => r.attempt);
      expect(await firstTryOfQ1()).toEqual([late]);
      await expectCountersMatchRows();
      // Moved after the other attempt's answer, the late one is no longer the first try.
      await env.DB.prepare(
        "update responses set answered_at = answered_at + 90000000 where attempt_id = ? and question_id = 'q1'",
      )
        .bind(late)
        .run();
      expect(await firstTryOfQ1()).toEqual([imported]);
      await expectCountersMatchRows();
      // The attempt holding it deleted, the learner's other answer becomes the first try.
      await env.DB.prepare("delete from attempts where id = ?").bind(imported).run();
      expect(await firstTryOfQ1()).toEqual([late]);
      await expectCountersMatchRows();
      await env.DB.prepare("update attempts set learner_id = null where id = ?").bind(late).run();
      expect(await firstTryOfQ1()).toEqual([]);
      await expectCountersMatchRows();
      const retention = await retentionFor(db, id);
      expect(retention.learners).toBeGreaterThan(10);
      expect(retention.questions.every((q) => q.firstTry.learners > 0)).toBe(true);
      await env.DB.prepare(
        "update attempts set group_name = 'class-z' where quiz_id = ? and group_name = 'class-b'",
      )
        .bind(id)
        .run();
      const erased = people[0] as Learner;
      const res = await call("DELETE", `/api/learners/${erased.learnerId}`, undefined, {
        authorization: `Bearer ${erased.secret}`,
      });
      expect(res.status).toBe(204);
      // An attempt deleted on its own: its responses go by the cascade.
      await env.DB.prepare(
        "delete from attempts where id = (select id from attempts where quiz_id = ? and finished_at is not null order by started_at limit 1)",
      )
        .bind(id)
        .run();
      await expectCountersMatchRows();
      // A question deleted outright (its responses go with it).
      await env.DB.prepare("delete from questions where quiz_id = ? and id = 'q3'").bind(id).run();
      await expectCountersMatchRows();
    },
  );

  it("match when the tied attempts at the 27% cut span several days", simulated, async () => {
    const id = await quizId();
    const next = random(5);
    const day0 = Date.UTC(2026, 2, 1, 8);
    const statements: D1PreparedStatement[] = [];
    // 60 attempts over six days, mostly scoring 2 of 3, so each cut falls inside a band of ties.
    for (let i = 0; i < 60; i++) {
      const attemptId = `00000000-0000-4000-8000-${hex(i, 12)}`;
      const startedAt = day0 + Math.floor(i / 10) * 86_400_000 + (i % 10) * 600_000;
      statements.push(
        env.DB.prepare(
          "insert into attempts (id, quiz_id, learner_id, started_at) values (?, ?, ?, ?)",
        ).bind(attemptId, id, `imported-${i}`, startedAt),
      );
      bank.questions.forEach((question, q) => {
        const right = next() < 0.7;
        const choice = right
          ? question.answer
          : (question.choices.find((c) => c.id !== question.answer)?.id ?? "a");
        statements.push(
          env.DB.prepare(
            `insert into responses (attempt_id, quiz_id, question_id, choice_id, correct, answered_at)
             values (?, ?, ?, ?, ?, ?)`,
          ).bind(attemptId, id, question.id, choice, right ? 1 : 0, startedAt + (q + 1) * 15_000),
        );
      });
    }
    await env.DB.batch(statements);
    await env.DB.prepare(
      `update attempts set finished_at = started_at + 60000, max_score = 3,
         score = (select count(*) from responses r where r.attempt_id = attempts.id and r.correct = 1)
       where quiz_id = ?`,
    )
      .bind(id)
      .run();
    const [first] = await expectCountersMatchRows();
    expect(first?.discriminationGroups).toEqual({ finishedAttempts: 60, groupSize: 16 });
  });

  it("refuse to change a stored answer or move an attempt to another quiz", async () => {
    const who = await learner(7);
    const attemptId = await start(who, {});
    expect((await put(who, attemptId, "q1", "a")).status).toBe(200);
    await expect(
      env.DB.prepare("update responses set choice_id = 'b' where attempt_id = ?")
        .bind(attemptId)
        .run(),
    ).rejects.toThrow(/a stored answer never changes/);
    await expect(
      env.DB.prepare("update attempts set quiz_id = quiz_id + 1 where id = ?")
        .bind(attemptId)
        .run(),
    ).rejects.toThrow(/an attempt keeps its quiz/);
    await expect(
      env.DB.prepare("update attempts set learner_id = 'someone-else' where id = ?")
        .bind(attemptId)
        .run(),
    ).rejects.toThrow(/an attempt keeps its learner/);
  });

  it("go with their quiz when it is deleted", simulated, async () => {
    await simulate(4, 6);
    const id = await quizId();
    const res = await call("DELETE", `/api/quizzes/${slug}`, undefined, admin);
    expect(res.status).toBe(204);
    for (const table of counterTables) {
      const row = await env.DB.prepare(`select count(*) as n from ${table} where quiz_id = ?`)
        .bind(id)
        .first<{ n: number }>();
      expect(row?.n, table).toBe(0);
    }
  });
});
