/**
 * Answering and finishing an attempt, and reading its progress: validation and rate limits at
 * the edge; the rules (grading, idempotency, the score) live in worker/services/attempts.ts.
 * Answer and finish make no read of their own before their one batch (which finds out whether
 * the attempt exists), and ask their limiters only when the batch stored nothing: a first answer
 * or finish is bounded by the schema, and its count is deferred to the attempt's next repeat
 * (worker/security/rate-limit.ts).
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import * as v from "valibot";
import type { AnswerResult, AttemptProgress, FinishResult } from "../contract.ts";
import { attempts, quizzes } from "../db/schema.ts";
import type { AppEnv } from "../env.ts";
import { notFound } from "../errors.ts";
import {
  clientAddress,
  deferBoundedWrite,
  enforceRateLimit,
  refuseIfRecentlyRefused,
} from "../security/rate-limit.ts";
import { answerQuestion, attemptProgress, finishAttempt } from "../services/attempts.ts";
import { choiceIdSchema, jsonBody, params, questionIdSchema, uuidSchema } from "../validation.ts";

const attemptParams = v.strictObject({ attemptId: uuidSchema });
const answerParams = v.strictObject({ attemptId: uuidSchema, questionId: questionIdSchema });
const answerBody = v.strictObject({ choiceId: choiceIdSchema });

export const attemptRoutes = new Hono<AppEnv>()
  .put(
    "/api/attempts/:attemptId/answers/:questionId",
    params(answerParams),
    jsonBody(answerBody),
    async (c) => {
      const { attemptId, questionId } = c.req.valid("param");
      refuseIfRecentlyRefused(c, "ANSWER_ATTEMPT_LIMITER", attemptId);
      let stored = false;
      try {
        const { choiceId } = c.req.valid("json");
        const answered = await answerQuestion(c.env.DB, attemptId, questionId, choiceId);
        stored = answered.stored;
        return c.json<AnswerResult>(answered.result);
      } finally {
        if (stored) deferBoundedWrite(c, "ANSWER_ATTEMPT_LIMITER", attemptId);
        else {
          await enforceRateLimit(c, "ANSWER_ATTEMPT_LIMITER", attemptId);
          await enforceRateLimit(c, "ANSWER_CLIENT_LIMITER", clientAddress(c));
        }
      }
    },
  )
  .post("/api/attempts/:attemptId/finish", params(attemptParams), async (c) => {
    const { attemptId } = c.req.valid("param");
    refuseIfRecentlyRefused(c, "ANSWER_ATTEMPT_LIMITER", attemptId);
    let finished = false;
    try {
      const done = await finishAttempt(c.env.DB, attemptId);
      finished = done.finished;
      return c.json<FinishResult>(done.result);
    } finally {
      if (finished) deferBoundedWrite(c, "ANSWER_ATTEMPT_LIMITER", attemptId);
      else await enforceRateLimit(c, "ANSWER_ATTEMPT_LIMITER", attemptId);
    }
  })
  .get("/api/attempts/:attemptId", params(attemptParams), async (c) => {
    const { attemptId } = c.req.valid("param");
    const found = await c.var.db
      .select({ attempt: attempts, slug: quizzes.slug })
      .from(attempts)
      .innerJoin(quizzes, eq(quizzes.id, attempts.quizId))
      .where(eq(attempts.id, attemptId))
      .get();
    if (!found) throw notFound("Attempt");
    return c.json<AttemptProgress>(await attemptProgress(c.var.db, found.attempt, found.slug));
  });
