// Which answers and finishes count towards the rate limits (worker/security/rate-limit.ts): the
// database already bounds a first answer (one per question of an attempt) and a first finish (one
// per attempt), so the client's answer cap and the finish's per-attempt cap count only requests
// that stored nothing; over the cap they get a 429 that changes nothing, and the client stays
// refused for the period without the limiter being asked again.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import app from "../../worker/index.ts";
import { rateLimits } from "../../worker/security/rate-limit.ts";
import { expectError } from "./expect-error.ts";
import { countRows, resetDatabase, seedQuiz, slug, startAttempt } from "./fixtures.ts";

/** A limiter like Cloudflare's with a small limit, counting the calls per key. */
function countingLimiter(limit: number) {
  const counts = new Map<string, number>();
  const limiter: RateLimit = {
    async limit({ key }) {
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return { success: count <= limit };
    },
  };
  return { limiter, counts };
}

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

    // Three first answers: the schema bounds them, the cap is not asked.
    for (const [question, choice] of [
      ["q1", "b"],
      ["q2", "a"],
      ["q3", "c"],
    ] as const) {
      expect((await put(attemptId, question, choice)).status).toBe(200);
    }
    expect(client.counts.size).toBe(0);

    // Repeats store nothing and count: two pass, the third is refused.
    expect((await put(attemptId, "q1", "b")).status).toBe(200);
    expect((await put(attemptId, "q2", "b")).status).toBe(409);
    const refused = await put(attemptId, "q3", "c");
    expect(refused.headers.get("retry-after")).toBe(
      String(rateLimits.ANSWER_CLIENT_LIMITER.period),
    );
    await expectError(refused, 429, "rate_limited");
    expect([...client.counts]).toEqual([[`ANSWER_CLIENT_LIMITER:${address}`, 3]]);

    // The client stays refused for the period, first answers included, without asking again.
    const other = await startAttempt(slug);
    await expectError(await put(other, "q1", "b"), 429, "rate_limited");
    expect(client.counts.get(`ANSWER_CLIENT_LIMITER:${address}`)).toBe(3);
    expect(await countRows("responses")).toBe(3);
  });
});

describe("the finish cap", () => {
  it("does not count the first finish; repeats count per attempt", async () => {
    const perAttempt = countingLimiter(3);
    const bindings = { ANSWER_ATTEMPT_LIMITER: perAttempt.limiter };
    const attemptId = await startAttempt(slug);
    const finish = () => send(bindings, "POST", `/api/attempts/${attemptId}/finish`);

    expect((await finish()).status).toBe(200);
    expect(perAttempt.counts.size).toBe(0);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await finish()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect([...perAttempt.counts]).toEqual([[`ANSWER_ATTEMPT_LIMITER:${attemptId}`, 4]]);
    // Still refused, and the limiter is not asked again.
    await expectError(await finish(), 429, "rate_limited");
    expect(perAttempt.counts.get(`ANSWER_ATTEMPT_LIMITER:${attemptId}`)).toBe(4);
  });
});
