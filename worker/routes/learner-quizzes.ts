/** The learner's side of a quiz: read it (without the key) and start an attempt. */
import { Hono } from "hono";
import * as v from "valibot";
import type { StartedAttempt } from "../contract.ts";
import { quizBySlug } from "../db/lookups.ts";
import { publishedQuiz } from "../db/quiz-cache.ts";
import { assertPublished, toPublicQuiz } from "../db/quizzes.ts";
import { withD1Retry } from "../db/retry.ts";
import { attempts } from "../db/schema.ts";
import type { AppEnv } from "../env.ts";
import { notFound } from "../errors.ts";
import { enforceRateLimit } from "../security/rate-limit.ts";
import {
  jsonBody,
  learnerIdSchema,
  params,
  slugSchema,
  textField,
  urlField,
} from "../validation.ts";

const slugParams = v.strictObject({ slug: slugSchema });

const startAttemptBody = v.strictObject({
  /** Derived from the widget's secret, so the learner can prove it (worker/routes/learners.ts). */
  learnerId: v.optional(learnerIdSchema),
  learnerName: v.optional(textField(80)),
  group: v.optional(textField(64)),
  pageUrl: v.optional(urlField),
});

export const learnerQuizzes = new Hono<AppEnv>()
  .get("/api/quizzes/:slug", params(slugParams), async (c) => {
    const { slug } = c.req.valid("param");
    const view = await publishedQuiz(c.var.db, slug);
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
      await enforceRateLimit(c, "START_QUIZ_LIMITER", slug);
      const quiz = assertPublished(await quizBySlug(c, slug), slug);
      const attemptId = crypto.randomUUID();
      // A retry after a lost reply must not fail on the row the first try already wrote.
      await withD1Retry(() =>
        c.var.db
          .insert(attempts)
          .values({
            id: attemptId,
            quizId: quiz.id,
            learnerId: body.learnerId ?? null,
            learnerName: body.learnerName ?? null,
            group: body.group ?? null,
            pageUrl: body.pageUrl ? stripFragment(body.pageUrl) : null,
            startedAt: Date.now(),
          })
          .onConflictDoNothing(),
      );
      return c.json<StartedAttempt>({ attemptId }, 201);
    },
  );

/** The page a quiz sits on, without the fragment (which may carry the learner's own state). */
function stripFragment(url: string): string {
  const hash = url.indexOf("#");
  return hash === -1 ? url : url.slice(0, hash);
}
