/** The learner's side of a quiz: read it (without the key) and start an attempt. */
import { Hono } from "hono";
import * as v from "valibot";
import type { StartedAttempt } from "../contract.ts";
import { replicaReads } from "../db/client.ts";
import { quizBySlug } from "../db/lookups.ts";
import { peekPublishedQuiz, publishedQuiz } from "../db/quiz-cache.ts";
import { assertPublished, toPublicQuiz } from "../db/quizzes.ts";
import type { AppEnv } from "../env.ts";
import { notFound } from "../errors.ts";
import { clientAddress, enforceRateLimit } from "../security/rate-limit.ts";
import { startAttempt } from "../services/attempts.ts";
import {
  jsonBody,
  learnerIdSchema,
  params,
  questionIdSchema,
  slugParams,
  textField,
  urlField,
  uuidSchema,
} from "../validation.ts";

const startAttemptBody = v.strictObject({
  /** Made by the widget: a start retried after a lost reply finds this attempt. */
  attemptId: v.optional(uuidSchema),
  /** Derived from the widget's secret, so the learner can prove it (worker/routes/learners.ts). */
  learnerId: v.optional(learnerIdSchema),
  learnerName: v.optional(textField(80)),
  group: v.optional(textField(64)),
  pageUrl: v.optional(urlField),
  /** A retry round: the attempt whose missed questions it asks again. */
  retryOf: v.optional(uuidSchema),
  questionIds: v.optional(v.pipe(v.array(questionIdSchema), v.minLength(1), v.maxLength(100))),
});

export const learnerQuizzes = new Hono<AppEnv>()
  .get("/api/quizzes/:slug", params(slugParams), async (c) => {
    const { slug } = c.req.valid("param");
    // From this isolate's memory, else from any copy of the database (read replicas).
    const view = peekPublishedQuiz(slug) ?? (await publishedQuiz(replicaReads(c.env.DB), slug));
    if (!view) throw notFound(`Quiz "${slug}"`);
    return c.json(toPublicQuiz(view.quiz, view.questions));
  })
  .post(
    "/api/quizzes/:slug/attempts",
    params(slugParams),
    jsonBody(startAttemptBody),
    async (c) => {
      const { slug } = c.req.valid("param");
      const body = c.req.valid("json");
      if (body.learnerId) await enforceRateLimit(c, "START_LEARNER_LIMITER", body.learnerId);
      await enforceRateLimit(c, "START_CLIENT_LIMITER", clientAddress(c));
      const quiz = assertPublished(await quizBySlug(c, slug), slug);
      const attemptId = await startAttempt(c.var.db, quiz, body);
      return c.json<StartedAttempt>({ attemptId }, 201);
    },
  );
