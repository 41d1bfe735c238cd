// How answers and finishes meet the rate limits (worker/security/rate-limit.ts): the database
// already bounds a first answer (one per question of an attempt) and a first finish (one per
// attempt), so those ask no limiter; requests that store nothing are counted and refused over the
// limit with a 429 that changes nothing; an attempt's first answers are counted once it starts
// repeating itself; a refused key stays refused for the period without the limiter being asked.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import app from "../../worker/index.ts";
import { rateLimits } from "../../worker/security/rate-limit.ts";
import { expectError } from "./expect-error.ts";
import {
  countingLimiter,
  countRows,
  resetDatabase,
  seedQuiz,
  slug,
  startAttempt,
} from "./fixtures.ts";

/** The fixture quiz's three questions, each answered once (right, right, wrong). */
const firstAnswers = [
  ["q1", "b"],
  ["q2", "a"],
  ["q3", "c"],
] as const;

const address = "198.51.100.77";

function send(bindings: Partial<Env>, method: string, path: string, body?: unknown) {
  return app.fetch(
    new Request(`http://recall.test${path}`, {
      method,
      headers: { "content-type": "application/json", "cf-connecting-ip": address },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    { ...env, ...bindings },
  );
}

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz();
});

describe("the client's answer cap", () => {
  it("counts only answers that store nothing; over it, 429 and nothing changes", async () => {
    const client = countingLimiter(2);
    const bindings = { ANSWER_CLIENT_LIMITER: client.limiter };
    const attemptId = await startAttempt(slug);
    const put = (id: string, question: string, choice: string) =>
      send(bindings, "PUT", `/api/attempts/${id}/answers/${question}`, { choiceId: choice });
    const key = `ANSWER_CLIENT_LIMITER:${address}`;

    // Three first answers: bounded by the schema, the cap is not asked.
    for (const [question, choice] of firstAnswers) {
      expect((await put(attemptId, question, choice)).status).toBe(200);
    }
    expect(client.counts.size).toBe(0);

    // A repeat and a conflict store nothing and count; the third such request is refused.
    expect((await put(attemptId, "q1", "b")).status).toBe(200);
    expect((await put(attemptId, "q2", "b")).status).toBe(409);
    const refused = await put(attemptId, "q3", "c");
    expect(refused.headers.get("retry-after")).toBe(
      String(rateLimits.ANSWER_CLIENT_LIMITER.period),
    );
    await expectError(refused, 429, "rate_limited");
    expect(client.counts.get(key)).toBe(3);
    // Refused again for the period without asking the limiter.
    await expectError(await put(attemptId, "q1", "b"), 429, "rate_limited");
    expect(client.counts.get(key)).toBe(3);

    // Another reader behind the same address still gets their first answer stored.
    const neighbour = await startAttempt(slug);
    expect((await put(neighbour, "q1", "b")).status).toBe(200);
    expect(await countRows("responses")).toBe(4);
  });
});

describe("the per-attempt cap", () => {
  it("counts an attempt's first answers once it starts repeating itself", async () => {
    const perAttempt = countingLimiter(5);
    const bindings = { ANSWER_ATTEMPT_LIMITER: perAttempt.limiter };
    const attemptId = await startAttempt(slug);
    const put = (question: string, choice: string) =>
      send(bindings, "PUT", `/api/attempts/${attemptId}/answers/${question}`, { choiceId: choice });
    const key = `ANSWER_ATTEMPT_LIMITER:${attemptId}`;

    for (const [question, choice] of firstAnswers) {
      expect((await put(question, choice)).status).toBe(200);
    }
    // An ordinary visit asks no limiter at all.
    expect(perAttempt.counts.size).toBe(0);
    // The first repeat counts the three first answers, then itself: 4, then 5, then refused.
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await put("q1", "b")).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(perAttempt.counts.get(key)).toBe(6);
    expect(await countRows("responses")).toBe(3);
  });
});

describe("the finish cap", () => {
  it("holds up no first finish; repeats over the limit are refused", async () => {
    const perAttempt = countingLimiter(3);
    const bindings = { ANSWER_ATTEMPT_LIMITER: perAttempt.limiter };
    const attemptId = await startAttempt(slug);
    const finish = () => send(bindings, "POST", `/api/attempts/${attemptId}/finish`);
    const key = `ANSWER_ATTEMPT_LIMITER:${attemptId}`;

    expect((await finish()).status).toBe(200);
    expect(perAttempt.counts.size).toBe(0);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await finish()).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    // The first repeat counted the first finish too; the last was refused from memory.
    expect([...perAttempt.counts]).toEqual([[key, 4]]);
    const refused = await finish();
    expect(refused.headers.get("retry-after")).toBe(
      String(rateLimits.ANSWER_ATTEMPT_LIMITER.period),
    );
    await expectError(refused, 429, "rate_limited");
  });
});
