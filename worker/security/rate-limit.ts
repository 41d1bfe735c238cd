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
 * Where the database already bounds a write — a first answer (one per question of an attempt) or
 * a first finish (one per attempt); attempts per client are bounded by the start limits — the
 * write needs no limiter: worker/routes/attempts.ts learns from its batch whether it stored
 * something, and only a request that stored nothing (a repeat, a conflict, an unknown attempt)
 * is counted, and refused over the limit with a 429 that then still changes nothing. The
 * attempt's bounded writes are not forgotten: the isolate keeps their number
 * (`deferBoundedWrite`) and counts them into the binding before the attempt's next unbounded
 * request (`enforceRateLimit`), so the per-attempt limit still covers every write of an attempt
 * that starts repeating itself. The client's cap counts only unbounded answers (a classroom
 * behind one address never loses a first answer to it). A key seen over its limit is refused at
 * once, for the period its 429 asked it to wait, without asking the binding again
 * (`refuseIfRecentlyRefused`). So a learner's ordinary visit — ten first answers and a finish —
 * makes no limiter call at all.
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

/** Bounded writes per key not yet counted into the binding (per binding object, bounded). */
const deferred = new WeakMap<RateLimit, Map<string, number>>();
const maxDeferred = 20_000;

/**
 * Notes one write the database bounds for `key`, to be counted into the binding before the key's
 * next unbounded request (see the module comment). Makes no call now.
 */
export function deferBoundedWrite(c: Context<AppEnv>, name: LimiterName, key: string): void {
  const limiter = c.env[name] as RateLimit | undefined;
  if (!limiter) return;
  let pending = deferred.get(limiter);
  if (!pending) {
    pending = new Map();
    deferred.set(limiter, pending);
  }
  const fullKey = `${name}:${key}`;
  const count = (pending.get(fullKey) ?? 0) + 1;
  pending.delete(fullKey);
  if (pending.size >= maxDeferred) {
    const oldest = pending.keys().next();
    if (!oldest.done) pending.delete(oldest.value);
  }
  pending.set(fullKey, count);
}

/**
 * Asks the binding to count one action (after the key's deferred bounded writes): true within the
 * limit. A missing binding or a failing limiter lets the request through (logged): the limiter
 * protects capacity, and correctness never depends on it.
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
  const earlier = deferred.get(limiter)?.get(fullKey) ?? 0;
  deferred.get(limiter)?.delete(fullKey);
  try {
    let success = true;
    for (let i = 0; i <= earlier; i++) {
      success = (await limiter.limit({ key: fullKey })).success;
    }
    if (!success) rememberRefusal(limiter, name, fullKey);
    return success;
  } catch (err) {
    console.warn(`rate limiter ${name} failed; not limiting`, err);
    return true;
  }
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
