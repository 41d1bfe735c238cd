/**
 * Answering and finishing an attempt, and reading its progress: validation and rate limits at
 * the edge; the rules (grading, idempotency, the score) live in worker/services/attempts.ts.
 */
import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import * as v from "valibot";
import type { AnswerResult, AttemptProgress, FinishResult } from "../contract.ts";
import { attemptById } from "../db/lookups.ts";
import { type AttemptRow, quizzes } from "../db/schema.ts";
import type { AppEnv } from "../env.ts";
import { notFound } from "../errors.ts";
import { clientAddress, enforceRateLimit } from "../security/rate-limit.ts";
import { answerQuestion, attemptProgress, finishAttempt } from "../services/attempts.ts";
import { choiceIdSchema, jsonBody, params, questionIdSchema, uuidSchema } from "../validation.ts";

const attemptParams = v.strictObject({ attemptId: uuidSchema });
const answerParams = v.strictObject({ attemptId: uuidSchema, questionId: questionIdSchema });
const answerBody = v.strictObject({ choiceId: choiceIdSchema });

/** The attempt, usually already read (with its quiz's origins) by the CORS check. */
async function requireAttempt(c: Context<AppEnv>, attemptId: string): Promise<AttemptRow> {
  const attempt = await attemptById(c, attemptId);
  if (!attempt) throw notFound("Attempt");
  return attempt;
}

export const attemptRoutes = new Hono<AppEnv>()
  .put(
    "/api/attempts/:attemptId/answers/:questionId",
    params(answerParams),
    jsonBody(answerBody),
    async (c) => {
      const { attemptId, questionId } = c.req.valid("param");
      await enforceRateLimit(c, "ANSWER_ATTEMPT_LIMITER", attemptId);
      await enforceRateLimit(c, "ANSWER_CLIENT_LIMITER", clientAddress(c));
      const attempt = await requireAttempt(c, attemptId);
      const graded = await answerQuestion(
        c.var.db,
        attempt,
        questionId,
        c.req.valid("json").choiceId,
      );
      return c.json<AnswerResult>(graded);
    },
  )
  .post("/api/attempts/:attemptId/finish", params(attemptParams), async (c) => {
    const { attemptId } = c.req.valid("param");
    await enforceRateLimit(c, "ANSWER_ATTEMPT_LIMITER", attemptId);
    const attempt = await requireAttempt(c, attemptId);
    return c.json<FinishResult>(await finishAttempt(c.var.db, attempt));
  })
  .get("/api/attempts/:attemptId", params(attemptParams), async (c) => {
    const attempt = await requireAttempt(c, c.req.valid("param").attemptId);
    const quiz = await c.var.db.query.quizzes.findFirst({ where: eq(quizzes.id, attempt.quizId) });
    return c.json<AttemptProgress>(await attemptProgress(c.var.db, attempt, quiz?.slug ?? ""));
  });
