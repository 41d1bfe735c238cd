/**
 * Answering and finishing an attempt. Grading happens here, on the server; the database's
 * one-response-per-question key makes answers idempotent, and the score is always a recount of
 * the stored responses.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Context, Hono } from "hono";
import * as v from "valibot";
import type {
  AnsweredItem,
  AnswerResult,
  AttemptProgress,
  FinishResult,
  ReviewItem,
} from "../contract.ts";
import { attemptById } from "../db/lookups.ts";
import { activeQuestions } from "../db/quizzes.ts";
import { withD1Retry } from "../db/retry.ts";
import {
  type AttemptRow,
  attempts,
  type QuestionRow,
  questions,
  quizzes,
  type ResponseRow,
  responses,
} from "../db/schema.ts";
import type { AppEnv, Database } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { enforceRateLimit } from "../security/rate-limit.ts";
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

function grade(question: QuestionRow, choiceId: string): AnswerResult {
  return {
    correct: question.answer === choiceId,
    correctChoiceId: question.answer,
    explanation: question.explanation,
    source: question.source,
  };
}

function answeredItem(question: QuestionRow, response: ResponseRow): AnsweredItem {
  return {
    questionId: question.id,
    choiceId: response.choiceId,
    ...grade(question, response.choiceId),
  };
}

/** The stored responses of an attempt, keyed by question id. */
async function responsesOf(db: Database, attemptId: string): Promise<Map<string, ResponseRow>> {
  const rows = await db
    .select()
    .from(responses)
    .where(eq(responses.attemptId, attemptId))
    .orderBy(asc(responses.answeredAt));
  return new Map(rows.map((r) => [r.questionId, r]));
}

export const attemptRoutes = new Hono<AppEnv>()
  .put(
    "/api/attempts/:attemptId/answers/:questionId",
    params(answerParams),
    jsonBody(answerBody),
    async (c) => {
      const { attemptId, questionId } = c.req.valid("param");
      const { choiceId } = c.req.valid("json");
      const db = c.var.db;
      await enforceRateLimit(c, "ANSWER_ATTEMPT_LIMITER", attemptId);
      const attempt = await requireAttempt(c, attemptId);
      await enforceRateLimit(c, "ANSWER_QUIZ_LIMITER", String(attempt.quizId));

      // One round trip: insert only while the attempt is open and the choice is one of the active
      // question's (graded in SQL against the stored key), keep the first answer, then read back
      // what is stored and the question itself. Concurrent submissions all see the one stored row.
      const ofThisQuestion = and(
        eq(questions.quizId, attempt.quizId),
        eq(questions.id, questionId),
        eq(questions.status, "active"),
      );
      const [, stored, found] = await withD1Retry(() =>
        db.batch([
          db
            .insert(responses)
            .select(
              db
                .select({
                  attemptId: attempts.id,
                  quizId: attempts.quizId,
                  questionId: sql<string>`${questionId}`.as("question_id"),
                  choiceId: sql<string>`${choiceId}`.as("choice_id"),
                  correct: sql<boolean>`(select ${questions.answer} = ${choiceId} from ${questions}
                    where ${ofThisQuestion})`.as("correct"),
                  answeredAt: sql<number>`${Date.now()}`.as("answered_at"),
                })
                .from(attempts)
                .where(
                  and(
                    eq(attempts.id, attemptId),
                    isNull(attempts.finishedAt),
                    sql`exists (select 1 from ${questions}, json_each(${questions.choices}) as choice
                      where ${ofThisQuestion} and json_extract(choice.value, '$.id') = ${choiceId})`,
                  ),
                ),
            )
            .onConflictDoNothing(),
          db
            .select()
            .from(responses)
            .where(and(eq(responses.attemptId, attemptId), eq(responses.questionId, questionId))),
          db.select().from(questions).where(ofThisQuestion),
        ]),
      );
      const question = found[0];
      if (!question) throw notFound("Question");
      if (!question.choices.some((choice) => choice.id === choiceId)) {
        throw new ApiError(400, "unknown_choice", `Question has no choice "${choiceId}".`);
      }
      const response = stored[0];
      if (!response) {
        throw new ApiError(409, "attempt_finished", "This attempt is finished; start a new one.");
      }
      if (response.choiceId !== choiceId) {
        throw new ApiError(
          409,
          "already_answered",
          "This question was already answered with another choice; the first answer counts.",
        );
      }
      return c.json<AnswerResult>(grade(question, choiceId));
    },
  )
  .post("/api/attempts/:attemptId/finish", params(attemptParams), async (c) => {
    const { attemptId } = c.req.valid("param");
    const db = c.var.db;
    await enforceRateLimit(c, "ANSWER_ATTEMPT_LIMITER", attemptId);
    const attempt = await requireAttempt(c, attemptId);
    // The score is a recount of stored responses to active questions, written once: a second
    // finish changes nothing and returns the same score.
    const [, finished] = await withD1Retry(() =>
      db.batch([
        db
          .update(attempts)
          .set({
            finishedAt: Date.now(),
            score: sql`(select count(*) from ${responses} r join ${questions} q
              on q.quiz_id = r.quiz_id and q.id = r.question_id
              where r.attempt_id = ${attemptId} and r.correct = 1 and q.status = 'active')`,
            maxScore: sql`(select count(*) from ${questions} q
              where q.quiz_id = ${attempt.quizId} and q.status = 'active')`,
          })
          .where(and(eq(attempts.id, attemptId), isNull(attempts.finishedAt))),
        db.select().from(attempts).where(eq(attempts.id, attemptId)),
      ]),
    );
    const [rows, stored] = await Promise.all([
      activeQuestions(db, attempt.quizId),
      responsesOf(db, attemptId),
    ]);
    const review = rows.map((question): ReviewItem => {
      const response = stored.get(question.id);
      return response
        ? answeredItem(question, response)
        : { questionId: question.id, choiceId: null, correct: false };
    });
    const final = finished[0];
    return c.json<FinishResult>({
      score: final?.score ?? 0,
      maxScore: final?.maxScore ?? rows.length,
      review,
    });
  })
  .get("/api/attempts/:attemptId", params(attemptParams), async (c) => {
    const { attemptId } = c.req.valid("param");
    const db = c.var.db;
    const attempt = await requireAttempt(c, attemptId);
    const [quiz, rows, stored] = await Promise.all([
      db.query.quizzes.findFirst({ where: eq(quizzes.id, attempt.quizId) }),
      activeQuestions(db, attempt.quizId),
      responsesOf(db, attemptId),
    ]);
    const answers = rows.flatMap((question) => {
      const response = stored.get(question.id);
      return response ? [answeredItem(question, response)] : [];
    });
    return c.json<AttemptProgress>({
      attemptId,
      quiz: quiz?.slug ?? "",
      startedAt: new Date(attempt.startedAt).toISOString(),
      finishedAt: attempt.finishedAt ? new Date(attempt.finishedAt).toISOString() : null,
      score: attempt.score,
      maxScore: attempt.maxScore ?? rows.length,
      answers,
    });
  });
