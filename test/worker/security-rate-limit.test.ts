// Rate limits through Cloudflare's rate-limiting binding (configured in wrangler.toml): over the
// limit a request gets 429 in the error shape with Retry-After, and changes nothing. The real
// binding's windows are fixed, so a burst that straddles a window boundary may pass up to twice
// the limit: such tests send until the first 429 and check that at least the limit passed first.
// Limits too large to reach quickly are checked with a small stand-in limiter of the same shape.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import app from "../../worker/index.ts";
import { rateLimits } from "../../worker/security/rate-limit.ts";
import wranglerToml from "../../wrangler.toml?raw";
import { expectError } from "./expect-error.ts";
import {
  call,
  countingLimiter,
  countRows,
  resetDatabase,
  seedQuiz,
  startAttempt,
} from "./fixtures.ts";

const quiz = "rate-limited";

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz({ slug: quiz });
});

const randomLearnerId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");

/** Sends requests (in small concurrent waves) until one is refused; returns how many passed. */
async function passedBeforeRefusal(
  send: () => Promise<Response>,
  max: number,
): Promise<{ passed: number; refused: Response | null }> {
  let passed = 0;
  while (passed < max) {
    const wave = await Promise.all(Array.from({ length: 10 }, send));
    const refused = wave.find((res) => res.status === 429);
    passed += wave.filter((res) => res.status !== 429).length;
    if (refused) return { passed, refused };
  }
  return { passed, refused: null };
}

describe("starting attempts", () => {
  it("limits attempts per learner id and answers 429 with Retry-After", async () => {
    const learnerId = randomLearnerId();
    const { limit, period } = rateLimits.START_LEARNER_LIMITER;
    const { passed, refused } = await passedBeforeRefusal(
      () => call("POST", `/api/quizzes/${quiz}/attempts`, { learnerId }),
      limit * 3,
    );
    expect(refused).not.toBeNull();
    if (!refused) return;
    expect(passed).toBeGreaterThanOrEqual(limit);
    expect(refused.headers.get("retry-after")).toBe(String(period));
    await expectError(refused, 429, "rate_limited");
    expect(await countRows("attempts")).toBe(passed);

    // Another learner is not affected.
    const other = await call("POST", `/api/quizzes/${quiz}/attempts`, {
      learnerId: randomLearnerId(),
    });
    expect(other.status).toBe(201);
  });
});

describe("answering", () => {
  it("limits writes per attempt (key: the attempt); the stored answer stays exactly one", async () => {
    const attemptId = await startAttempt(quiz);
    const other = await startAttempt(quiz);
    const { limiter, counts } = countingLimiter(5);
    const withLimiter = { ...env, ANSWER_ATTEMPT_LIMITER: limiter };
    const put = (id: string) =>
      app.fetch(
        new Request(`http://recall.test/api/attempts/${id}/answers/q1`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ choiceId: "b" }),
        }),
        withLimiter,
      );
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await put(attemptId)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await put(attemptId);
    expect(refused.headers.get("retry-after")).toBe(
      String(rateLimits.ANSWER_ATTEMPT_LIMITER.period),
    );
    await expectError(refused, 429, "rate_limited");
    expect([...counts.keys()]).toEqual([`ANSWER_ATTEMPT_LIMITER:${attemptId}`]);
    expect(await countRows("responses")).toBe(1);
    // Another attempt of the same quiz has its own budget.
    expect((await put(other)).status).toBe(200);
  });
});

describe("one client cannot lock others out", () => {
  it("a client that uses up its starts leaves other clients theirs (no learnerId sent)", async () => {
    const small = countingLimiter(5);
    const learnerLimiter = countingLimiter(1000);
    // Both the per-client limiter and any quiz-wide one are small: only per-client keys pass this.
    const withLimiters = {
      ...env,
      START_CLIENT_LIMITER: small.limiter,
      START_QUIZ_LIMITER: small.limiter,
      START_LEARNER_LIMITER: learnerLimiter.limiter,
    };
    const start = (address: string) =>
      app.fetch(
        new Request(`http://recall.test/api/quizzes/${quiz}/attempts`, {
          method: "POST",
          headers: { "content-type": "application/json", "cf-connecting-ip": address },
          body: "{}",
        }),
        withLimiters,
      );
    const greedy: number[] = [];
    for (let i = 0; i < 8; i++) greedy.push((await start("198.51.100.1")).status);
    expect(greedy.filter((s) => s === 429).length).toBe(3);
    expect((await start("198.51.100.2")).status).toBe(201);
  });
});

describe("bearer credentials", () => {
  it("30 wrong bearer tokens from one client end in 429 with Retry-After", async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 30; i++) {
      const res = await call("GET", `/api/quizzes/${quiz}/report`, undefined, {
        authorization: `Bearer rk_guess-${i}-${crypto.randomUUID()}`,
        "cf-connecting-ip": "203.0.113.9",
      });
      statuses.push(res.status);
      if (res.status === 429) refused = res;
    }
    expect(statuses.slice(0, rateLimits.BEARER_FAILURE_LIMITER.limit)).toEqual(
      Array(rateLimits.BEARER_FAILURE_LIMITER.limit).fill(401),
    );
    expect(statuses.at(-1)).toBe(429);
    expect(refused?.headers.get("retry-after")).toBe(
      String(rateLimits.BEARER_FAILURE_LIMITER.period),
    );
    // The admin token from another client is not affected.
    const admin = await call("GET", `/api/quizzes/${quiz}/report`, undefined, {
      authorization: `Bearer ${env.ADMIN_TOKEN}`,
      "cf-connecting-ip": "203.0.113.10",
    });
    expect(admin.status).toBe(200);
  });
});

/** The `[[ratelimits]]` sections of wrangler.toml, as the binding is configured. */
function configuredLimits(): Map<string, { limit: number; period: number }> {
  const sections = wranglerToml.split("[[ratelimits]]").slice(1);
  const found = new Map<string, { limit: number; period: number }>();
  for (const section of sections) {
    const name = /name\s*=\s*"([A-Z_]+)"/.exec(section)?.[1];
    const simple = /simple\s*=\s*\{\s*limit\s*=\s*(\d+)\s*,\s*period\s*=\s*(\d+)\s*\}/.exec(
      section,
    );
    if (name && simple) found.set(name, { limit: Number(simple[1]), period: Number(simple[2]) });
  }
  return found;
}

describe("configuration", () => {
  it("the mirror in worker/security/rate-limit.ts says what wrangler.toml configures", () => {
    const configured = configuredLimits();
    expect(configured.size).toBeGreaterThan(0);
    const mirrored = Object.fromEntries(
      Object.entries(rateLimits).map(([name, { limit, period }]) => [name, { limit, period }]),
    );
    expect(Object.fromEntries(configured)).toEqual(mirrored);
  });

  it("uses only periods Cloudflare accepts", () => {
    for (const setting of Object.values(rateLimits)) {
      expect([10, 60]).toContain(setting.period);
      expect(setting.limit).toBeGreaterThan(0);
    }
  });
});
