/**
 * Rate limiting with Cloudflare's rate-limiting binding (`[[ratelimits]]` in wrangler.toml; it
 * also runs in `wrangler dev` and the workerd tests). Each limiter counts one kind of action per
 * key; over the limit, the request gets a 429 in the error shape with `Retry-After`.
 *
 * Keys never hold an IP address for learners: learner routes key on the attempt, the learner id
 * (already a hash) or the quiz. Counts are per Cloudflare location and approximate (Cloudflare's
 * documentation), so limits are set well above what any honest reader needs; exact caps (one
 * response per question) are enforced by database constraints instead.
 *
 * Usage in a handler, after validation and before any database work:
 *   await enforceRateLimit(c, "ANSWER_ATTEMPT_LIMITER", attemptId);
 * Educator sign-in (the educator routes call it): `await enforceSignInLimit(c)`.
 *
 * Changing a limit in production: edit `limit` (and `period`: 10 or 60 seconds only) of the
 * section in wrangler.toml, mirror it in `rateLimits` below (it sets Retry-After), then deploy.
 */
import type { Context } from "hono";
import type { AppEnv, Bindings } from "../env.ts";
import { ApiError } from "../errors.ts";

export type LimiterName = {
  [K in keyof Bindings]: Bindings[K] extends RateLimit ? K : never;
}[keyof Bindings];

export interface LimitSetting {
  limit: number;
  period: 10 | 60;
  /** What one key stands for. */
  per: string;
}

/** Mirror of the `[[ratelimits]]` sections in wrangler.toml (the binding cannot report its own). */
export const rateLimits: Record<LimiterName, LimitSetting> = {
  ANSWER_ATTEMPT_LIMITER: { limit: 300, period: 60, per: "attempt" },
  ANSWER_QUIZ_LIMITER: { limit: 6000, period: 60, per: "quiz" },
  START_LEARNER_LIMITER: { limit: 20, period: 60, per: "learner id" },
  START_QUIZ_LIMITER: { limit: 600, period: 60, per: "quiz" },
  SIGNIN_LIMITER: { limit: 10, period: 60, per: "client address (educators only)" },
};

let warnedMissing = false;

/**
 * Counts one action for `key` on `name`; throws 429 with Retry-After when over the limit.
 * A missing binding or a failing limiter lets the request through (logged): the limiter protects
 * capacity, and correctness never depends on it.
 */
export async function enforceRateLimit(
  c: Context<AppEnv>,
  name: LimiterName,
  key: string,
): Promise<void> {
  const limiter = c.env[name] as RateLimit | undefined;
  if (!limiter) {
    if (!warnedMissing) console.warn(`rate limiter ${name} is not bound; not limiting`);
    warnedMissing = true;
    return;
  }
  let outcome: RateLimitOutcome;
  try {
    outcome = await limiter.limit({ key: `${name}:${key}` });
  } catch (err) {
    console.warn(`rate limiter ${name} failed; not limiting`, err);
    return;
  }
  if (outcome.success) return;
  const { period } = rateLimits[name];
  throw new ApiError(
    429,
    "rate_limited",
    `Too many requests. Please wait ${period} seconds and try again.`,
    { "Retry-After": String(period) },
  );
}

/**
 * Educator sign-in attempts, keyed by the client address Cloudflare reports (counted by the
 * limiter only, never stored). Educator keys have 192 bits, so this is about load, not guessing.
 */
export function enforceSignInLimit(c: Context<AppEnv>): Promise<void> {
  const address = c.req.header("cf-connecting-ip") ?? "unknown";
  return enforceRateLimit(c, "SIGNIN_LIMITER", address);
}
