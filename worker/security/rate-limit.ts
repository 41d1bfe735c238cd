/**
 * Rate limiting with Cloudflare's rate-limiting binding (`[[ratelimits]]` in wrangler.toml; it
 * also runs in `wrangler dev` and the workerd tests). Each limiter counts one kind of action per
 * key; over the limit, the request gets a 429 in the error shape with `Retry-After`.
 *
 * Every key belongs to one client: the attempt, the learner id (already a hash) or the client's
 * address as Cloudflare reports it (counted by the limiter, never stored). No bucket is shared by
 * all clients of a quiz, so one client can only use up its own allowance, never lock readers
 * out. Counts are per Cloudflare location and approximate (Cloudflare's documentation), so limits
 * are set well above what a classroom behind one address needs; exact caps (one response per
 * question) are enforced by database constraints instead.
 *
 * Usage in a handler, after validation and before any database work:
 *   await enforceRateLimit(c, "ANSWER_ATTEMPT_LIMITER", attemptId);
 * Educator sign-in (the educator routes call it): `await enforceSignInLimit(c)`.
 *
 * Where the database already bounds a write (a first answer: one per question of an attempt; a
 * first finish: one per attempt; attempts per client are bounded by the start limits), the write
 * is counted but never refused for it: worker/routes/attempts.ts asks the limiter as the request
 * starts (`countBoundedWrite`), and only once its batch says it stored nothing does the request
 * wait for the answer and get a 429 over the limit — which then still changes nothing. So no
 * learner's first answer waits for, or is lost to, a limiter (readers behind one school address
 * included). A key seen over its limit is refused at once for the rest of the period it was told
 * to wait, without asking the binding again (`refuseIfRecentlyRefused`).
 *
 * Changing a limit in production: edit `limit` (and `period`: 10 or 60 seconds only) of the
 * section in wrangler.toml, mirror it in `rateLimits` below (it sets Retry-After; a test reads
 * wrangler.toml and fails when they disagree), then deploy.
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
  ANSWER_CLIENT_LIMITER: { limit: 1200, period: 60, per: "client address" },
  START_LEARNER_LIMITER: { limit: 20, period: 60, per: "learner id" },
  START_CLIENT_LIMITER: { limit: 120, period: 60, per: "client address" },
  SIGNIN_LIMITER: { limit: 10, period: 60, per: "client address (educators only)" },
  BEARER_FAILURE_LIMITER: { limit: 20, period: 60, per: "client address (failed credentials)" },
};

/** The client's address as Cloudflare reports it; only ever a limiter key, never stored. */
export const clientAddress = (c: Context): string => c.req.header("cf-connecting-ip") ?? "unknown";

let warnedMissing = false;

const tooMany = (name: LimiterName) => {
  const { period } = rateLimits[name];
  return new ApiError(
    429,
    "rate_limited",
    `Too many requests. Please wait ${period} seconds and try again.`,
    { "Retry-After": String(period) },
  );
};

/**
 * Keys each limiter refused in this isolate, until the end of the wait their 429 asked for
 * (per binding object, so a stand-in limiter in a test keeps its own). Bounded: oldest first out.
 */
const refusals = new WeakMap<RateLimit, Map<string, number>>();
const maxRefusals = 10_000;

function refusedUntil(limiter: RateLimit, key: string): number {
  return refusals.get(limiter)?.get(key) ?? 0;
}

function rememberRefusal(limiter: RateLimit, name: LimiterName, key: string): void {
  let refused = refusals.get(limiter);
  if (!refused) {
    refused = new Map();
    refusals.set(limiter, refused);
  }
  refused.delete(key);
  if (refused.size >= maxRefusals) {
    const oldest = refused.keys().next();
    if (!oldest.done) refused.delete(oldest.value);
  }
  refused.set(key, Date.now() + rateLimits[name].period * 1000);
}

/** Throws the 429 again, without asking the binding, while a refusal of `key` is recent. */
export function refuseIfRecentlyRefused(c: Context<AppEnv>, name: LimiterName, key: string): void {
  const limiter = c.env[name] as RateLimit | undefined;
  if (limiter && refusedUntil(limiter, `${name}:${key}`) > Date.now()) throw tooMany(name);
}

/**
 * Asks the binding to count one action: true within the limit. A missing binding or a failing
 * limiter lets the request through (logged): the limiter protects capacity, and correctness never
 * depends on it.
 */
async function withinLimit(c: Context<AppEnv>, name: LimiterName, key: string): Promise<boolean> {
  const limiter = c.env[name] as RateLimit | undefined;
  if (!limiter) {
    if (!warnedMissing) console.warn(`rate limiter ${name} is not bound; not limiting`);
    warnedMissing = true;
    return true;
  }
  const fullKey = `${name}:${key}`;
  if (refusedUntil(limiter, fullKey) > Date.now()) return false;
  let outcome: RateLimitOutcome;
  try {
    outcome = await limiter.limit({ key: fullKey });
  } catch (err) {
    console.warn(`rate limiter ${name} failed; not limiting`, err);
    return true;
  }
  if (!outcome.success) rememberRefusal(limiter, name, fullKey);
  return outcome.success;
}

/** Counts one action for `key` on `name`; throws 429 with Retry-After when over the limit. */
export async function enforceRateLimit(
  c: Context<AppEnv>,
  name: LimiterName,
  key: string,
): Promise<void> {
  if (!(await withinLimit(c, name, key))) throw tooMany(name);
}

/**
 * Counts a request whose write the database may bound, from its start; call the result once the
 * request knows whether it stored something. Stored: the count finishes in the background and
 * never refuses it. Stored nothing: waits for the count and throws 429 over the limit.
 */
export function countBoundedWrite(
  c: Context<AppEnv>,
  name: LimiterName,
  key: string,
): (stored: boolean) => Promise<void> {
  const counted = withinLimit(c, name, key);
  return async (stored) => {
    if (stored) {
      keepRunning(c, counted);
      return;
    }
    if (!(await counted)) throw tooMany(name);
  };
}

/** Lets a promise finish after the response (waitUntil), where the request has a context. */
function keepRunning(c: Context<AppEnv>, work: Promise<unknown>): void {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // No execution context (app.fetch called directly, as some tests do): it runs on regardless.
  }
}

/**
 * Educator sign-in attempts, keyed by the client address. Educator keys have 192 bits, so this is
 * about load, not guessing.
 */
export function enforceSignInLimit(c: Context<AppEnv>): Promise<void> {
  return enforceRateLimit(c, "SIGNIN_LIMITER", clientAddress(c));
}

/** Counts a bearer credential that opened nothing; a client sending many gets 429s. */
export function countBearerFailure(c: Context<AppEnv>): Promise<void> {
  return enforceRateLimit(c, "BEARER_FAILURE_LIMITER", clientAddress(c));
}
