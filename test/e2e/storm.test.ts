// Storm: hundreds of concurrent answer submissions on one attempt of the real worker in workerd (miniflare), with
// duplicates and conflicting choices → exactly one stored response per question, every reply
// consistent with what was stored, and the score equal to a recount. A second storm races finish
// against answers: whatever was stored before the attempt closed is exactly what was scored.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AnswerResult, FinishResult, PublicQuiz } from "../../worker/contract.ts";
import { type ServerWithDatabase, startServerWithDatabase } from "./database.ts";
import { seedSlug } from "./harness.ts";

let server: ServerWithDatabase;
let quiz: PublicQuiz;

beforeAll(async () => {
  server = await startServerWithDatabase();
  quiz = (await (await fetch(`${server.origin}/api/quizzes/${seedSlug}`)).json()) as PublicQuiz;
});

afterAll(async () => {
  await server?.stop();
});

interface Submission {
  questionId: string;
  choiceId: string;
}

interface Outcome extends Submission {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

const learnerId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");

async function startAttempt(): Promise<string> {
  const res = await fetch(`${server.origin}/api/quizzes/${seedSlug}/attempts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ learnerId: learnerId() }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { attemptId: string }).attemptId;
}

/** `count` submissions spread over every question: repeats of one choice and rival choices. */
function submissions(count: number): Submission[] {
  return Array.from({ length: count }, (_, i) => {
    const question = quiz.questions[i % quiz.questions.length];
    if (!question) throw new Error("quiz without questions");
    // Mostly the first choice (duplicates), now and then a rival one (conflicts).
    const round = Math.floor(i / quiz.questions.length);
    const choice = question.choices[round % 3 === 2 ? round % question.choices.length : 0];
    return { questionId: question.id, choiceId: choice?.id ?? "a" };
  });
}

async function submit(attemptId: string, s: Submission): Promise<Outcome> {
  const res = await fetch(`${server.origin}/api/attempts/${attemptId}/answers/${s.questionId}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ choiceId: s.choiceId }),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // kept as text; the assertions below will show it
  }
  return { ...s, status: res.status, body, retryAfter: res.headers.get("retry-after") };
}

function storedResponses(attemptId: string) {
  return server.query<{ question_id: string; choice_id: string; correct: number }>(
    "select question_id, choice_id, correct from responses where attempt_id = ?",
    attemptId,
  );
}

/** Score recomputed from the database alone: stored choices against the stored key. */
function recount(attemptId: string): number {
  const [row] = server.query<{ n: number }>(
    `select count(*) as n from responses r
       join questions q on q.quiz_id = r.quiz_id and q.id = r.question_id
      where r.attempt_id = ? and r.choice_id = q.answer and q.status = 'active'`,
    attemptId,
  );
  return row?.n ?? -1;
}

function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o.status] = (counts[o.status] ?? 0) + 1;
  return counts;
}

it("keeps exactly one response per question under 250 concurrent submissions", async () => {
  const attemptId = await startAttempt();
  const planned = submissions(250);
  const started = performance.now();
  const outcomes = await Promise.all(planned.map((s) => submit(attemptId, s)));
  const stormMs = performance.now() - started;

  const stored = storedResponses(attemptId);
  const storedChoice = new Map(stored.map((r) => [r.question_id, r.choice_id]));
  const fiveXx = outcomes.filter((o) => o.status >= 500).length;
  const statuses = tally(outcomes);

  const finishRes = await fetch(`${server.origin}/api/attempts/${attemptId}/finish`, {
    method: "POST",
  });
  expect(finishRes.status).toBe(200);
  const finish = (await finishRes.json()) as FinishResult;
  const recounted = recount(attemptId);
  const [attemptRow] = server.query<{ score: number }>(
    "select score from attempts where id = ?",
    attemptId,
  );

  console.info(
    [
      "storm figures (answers on one attempt):",
      `  requests sent: ${outcomes.length} concurrent PUTs over ${quiz.questions.length} questions in ${stormMs.toFixed(0)} ms`,
      `  statuses: ${JSON.stringify(statuses)}; 5xx seen: ${fiveXx}`,
      `  responses rows expected: ${quiz.questions.length}, stored: ${stored.length}`,
      `  score from finish: ${finish.score}/${finish.maxScore}, stored: ${attemptRow?.score}, recount from rows: ${recounted}`,
    ].join("\n"),
  );

  expect(fiveXx).toBe(0);
  expect(stored).toHaveLength(quiz.questions.length);
  expect(new Set(stored.map((r) => r.question_id)).size).toBe(quiz.questions.length);
  for (const o of outcomes) {
    const winner = storedChoice.get(o.questionId);
    if (o.status === 200) {
      // Every accepted submission is the stored one, graded the same way.
      expect(o.choiceId).toBe(winner);
      const result = o.body as AnswerResult;
      const row = stored.find((r) => r.question_id === o.questionId);
      expect(result.correct).toBe(row?.correct === 1);
    } else if (o.status === 409) {
      expect(o.choiceId).not.toBe(winner);
      expect(o.body).toMatchObject({ error: { code: "already_answered" } });
    } else {
      // Only the rate limiter may refuse, and it says when to come back.
      expect(o.status).toBe(429);
      expect(o.retryAfter).toMatch(/^\d+$/);
    }
  }
  expect(finish.score).toBe(recounted);
  expect(attemptRow?.score).toBe(recounted);
});

it("scores exactly what was stored when finish races 200 answers", async () => {
  const attemptId = await startAttempt();
  const planned = submissions(200);
  const started = performance.now();
  const finishing = Array.from({ length: 10 }, (_, i) =>
    new Promise((resolve) => setTimeout(resolve, i * 5)).then(() =>
      fetch(`${server.origin}/api/attempts/${attemptId}/finish`, { method: "POST" }),
    ),
  );
  const [outcomes, finishes] = await Promise.all([
    Promise.all(planned.map((s) => submit(attemptId, s))),
    Promise.all(finishing),
  ]);
  const raceMs = performance.now() - started;

  const finishStatuses = finishes.map((r) => r.status);
  const results = (await Promise.all(
    finishes.filter((r) => r.status === 200).map((r) => r.json()),
  )) as FinishResult[];
  const stored = storedResponses(attemptId);
  const recounted = recount(attemptId);
  const fiveXx =
    outcomes.filter((o) => o.status >= 500).length + finishStatuses.filter((s) => s >= 500).length;

  console.info(
    [
      "storm figures (finish racing answers):",
      `  requests sent: ${outcomes.length} PUTs + ${finishes.length} finishes concurrently in ${raceMs.toFixed(0)} ms`,
      `  answer statuses: ${JSON.stringify(tally(outcomes))}; finish statuses: ${JSON.stringify(finishStatuses)}; 5xx seen: ${fiveXx}`,
      `  responses rows stored: ${stored.length} (at most one per question: ${quiz.questions.length})`,
      `  scores returned: ${[...new Set(results.map((r) => r.score))].join(", ")}, recount from rows: ${recounted}`,
    ].join("\n"),
  );

  expect(fiveXx).toBe(0);
  expect(stored.length).toBeLessThanOrEqual(quiz.questions.length);
  expect(new Set(stored.map((r) => r.question_id)).size).toBe(stored.length);
  expect(results.length).toBeGreaterThan(0);
  // Every finish returns the one score written, and it is the recount of what was stored.
  for (const r of results) expect(r.score).toBe(recounted);
  const storedChoice = new Map(stored.map((r) => [r.question_id, r.choice_id]));
  for (const o of outcomes) {
    if (o.status === 200) {
      expect(o.choiceId).toBe(storedChoice.get(o.questionId));
    } else if (o.status === 409) {
      const code = (o.body as { error?: { code?: string } }).error?.code;
      expect(["already_answered", "attempt_finished"]).toContain(code);
    } else {
      expect([200, 429]).toContain(o.status);
    }
  }
});
