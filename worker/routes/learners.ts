/**
 * A learner erases everything stored about them: `DELETE /api/learners/:learnerId` removes their
 * attempts and responses, and their review schedule and review answers. The learner id is derived from a random secret only the widget holds
 * (learnerId = the first 32 hex digits of SHA-256(secret)), so the request proves itself by
 * sending that secret as `Authorization: Bearer <secret>`; the server recomputes the id and
 * compares in constant time. Nobody else can erase a learner, not even with the learner id
 * (which educators see in reports).
 */
import { eq, inArray } from "drizzle-orm";
import { Hono } from "hono";
import * as v from "valibot";
import { bearerToken } from "../auth.ts";
import { withD1Retry } from "../db/retry.ts";
import { attempts, responses, reviewAnswers, reviewCards } from "../db/schema.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { enforceRateLimit } from "../security/rate-limit.ts";
import { sha256Hex } from "../security/secrets.ts";
import { learnerIdSchema, params } from "../validation.ts";

const learnerParams = v.strictObject({ learnerId: learnerIdSchema });

/** What the widget keeps: 64 lowercase hex digits (256 random bits); any 32-128 url-safe chars pass. */
const secretPattern = /^[A-Za-z0-9_-]{32,128}$/;

const encoder = new TextEncoder();

/** The learner id a secret stands for. */
export async function learnerIdFor(secret: string): Promise<string> {
  return (await sha256Hex(secret)).slice(0, 32);
}

function sameId(a: string, b: string): boolean {
  const ea = encoder.encode(a);
  const eb = encoder.encode(b);
  return ea.byteLength === eb.byteLength && crypto.subtle.timingSafeEqual(ea, eb);
}

const missingSecret = () =>
  new ApiError(
    401,
    "unauthorized",
    "Prove it is you: send `Authorization: Bearer <the learner secret kept by the widget>`.",
    { "WWW-Authenticate": 'Bearer realm="recall-learner"' },
  );

export const learners = new Hono<AppEnv>().delete(
  "/api/learners/:learnerId",
  params(learnerParams),
  async (c) => {
    const { learnerId } = c.req.valid("param");
    const secret = bearerToken(c);
    if (!secret || !secretPattern.test(secret)) throw missingSecret();
    if (!sameId(await learnerIdFor(secret), learnerId)) {
      throw new ApiError(403, "forbidden", "This secret does not belong to this learner.");
    }
    await enforceRateLimit(c, "START_LEARNER_LIMITER", `erase:${learnerId}`);
    // Reviews, responses, then attempts, in one transaction; deleting nothing is fine (idempotent).
    const db = c.var.db;
    const theirAttempts = db
      .select({ id: attempts.id })
      .from(attempts)
      .where(eq(attempts.learnerId, learnerId));
    await withD1Retry(() =>
      db.batch([
        db.delete(reviewAnswers).where(eq(reviewAnswers.learnerId, learnerId)),
        db.delete(reviewCards).where(eq(reviewCards.learnerId, learnerId)),
        db.delete(responses).where(inArray(responses.attemptId, theirAttempts)),
        db.delete(attempts).where(eq(attempts.learnerId, learnerId)),
      ]),
    );
    return c.body(null, 204);
  },
);
