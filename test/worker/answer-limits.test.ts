// How answers and finishes meet the rate limits (worker/security/rate-limit.ts): every one counts,
// but the database already bounds a first answer (one per question of an attempt) and a first
// finish (one per attempt), so those are never refused; requests that store nothing are refused
// over the limit with a 429 that changes nothing, and a refused key stays refused for the period
// without the limiter being asked again.
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
  it("counts every answer but refuses only those that store nothing; they change nothing", async () => {
    const client = countingLimiter(2);
    const bindings = { ANSWER_CLIENT_LIMITER: client.limiter };
    const attemptId = await startAttempt(slug);
    const put = (id: string, question: string, choice: string) =>
      send(bindings, "PUT", `/api/attempts/${id}/answers/${question}`, { choiceId: choice });
    const key = `ANSWER_CLIENT_LIMITER:${address}`;

    // Three first answers: counted (past the limit of 2), never refused.
    for (const [question, choice] of [
      ["q1", "b"],
      ["q2", "a"],
      ["q3", "c"],
    ] as const) {
      expect((await put(attemptId, question, choice)).status).toBe(200);
    }
    expect(client.counts.get(key)).toBe(3);

    // A repeat stores nothing: the client is over the limit, so it is refused (without asking
    // the limiter again: the third count already said so) and nothing changes.
    const refused = await put(attemptId, "q1", "b");
    expect(refused.headers.get("retry-after")).toBe(
      String(rateLimits.ANSWER_CLIENT_LIMITER.period),
    );
    await expectError(refused, 429, "rate_limited");
    await expectError(await put(attemptId, "q2", "b"), 429, "rate_limited");
    expect(client.counts.get(key)).toBe(3);

    // Another reader behind the same address still gets their first answer stored.
    const neighbour = await startAttempt(slug);
    expect((await put(neighbour, "q1", "b")).status).toBe(200);
    expect(await countRows("responses")).toBe(4);
  });
});

describe("the finish cap", () => {
  it("counts the first finish without holding it up; repeats over the limit are refused", async () => {
    const perAttempt = countingLimiter(3);
    const bindings = { ANSWER_ATTEMPT_LIMITER: perAttempt.limiter };
    const attemptId = await startAttempt(slug);
    const finish = () => send(bindings, "POST", `/api/attempts/${attemptId}/finish`);
    const key = `ANSWER_ATTEMPT_LIMITER:${attemptId}`;

    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await finish()).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // The fifth was refused from memory: the limiter was asked four times.
    expect([...perAttempt.counts]).toEqual([[key, 4]]);
    const refused = await finish();
    expect(refused.headers.get("retry-after")).toBe(
      String(rateLimits.ANSWER_ATTEMPT_LIMITER.period),
    );
    await expectError(refused, 429, "rate_limited");
  });
});
