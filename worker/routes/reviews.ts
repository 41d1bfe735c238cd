/**
 * Spaced review for learners: `GET /api/learners/:learnerId/reviews?site=…|quiz=…` lists what is
 * due, `PUT /api/learners/:learnerId/reviews/:questionId { choiceId }` answers one. The learner id
 * is the bearer of its own data (like an attempt id). Validation, CORS and rate limits at the
 * edge; the rules live in worker/services/reviews.ts, which gets the request's time as `now`.
 */
import { Hono } from "hono";
import * as v from "valibot";
import type { DueReviews, ReviewResult } from "../contract.ts";
import { quizBySlug } from "../db/lookups.ts";
import { assertPublished } from "../db/quizzes.ts";
import type { AppEnv } from "../env.ts";
import { reviewCors } from "../reviews/cors.ts";
import { clientAddress, enforceRateLimit } from "../security/rate-limit.ts";
import { answerReview, dueReviews, type ReviewScope } from "../services/reviews.ts";
import { requireSite } from "../services/sites.ts";
import {
  choiceIdSchema,
  jsonBody,
  learnerIdSchema,
  params,
  query,
  siteIdSchema,
  slugSchema,
} from "../validation.ts";

/** A review item: `<quiz slug>.<question id>`, as GET …/reviews lists it. */
const reviewItemSchema = v.pipe(
  v.string(),
  v.regex(
    /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?\.[a-z0-9-]{1,32}$/,
    "must be a review item id from the review list (<quiz slug>.<question id>)",
  ),
  v.transform((id) => {
    const dot = id.indexOf(".");
    return { slug: id.slice(0, dot), questionId: id.slice(dot + 1) };
  }),
);

const listParams = v.strictObject({ learnerId: learnerIdSchema });
const listQuery = v.pipe(
  v.strictObject({ site: v.optional(siteIdSchema), quiz: v.optional(slugSchema) }),
  v.check(
    (q) => (q.site === undefined) !== (q.quiz === undefined),
    "send exactly one of `site` and `quiz`",
  ),
);
const answerParams = v.strictObject({ learnerId: learnerIdSchema, questionId: reviewItemSchema });
const answerBody = v.strictObject({ choiceId: choiceIdSchema });

export const reviews = new Hono<AppEnv>()
  .use("/api/learners/:learnerId/reviews", reviewCors)
  .use("/api/learners/:learnerId/reviews/*", reviewCors)
  .get("/api/learners/:learnerId/reviews", params(listParams), query(listQuery), async (c) => {
    const { learnerId } = c.req.valid("param");
    const { site, quiz: slug } = c.req.valid("query");
    await enforceRateLimit(c, "ANSWER_CLIENT_LIMITER", clientAddress(c));
    let scope: ReviewScope;
    if (slug !== undefined) {
      scope = { kind: "quiz", quiz: assertPublished(await quizBySlug(c, slug), slug) };
    } else {
      scope = { kind: "site", siteId: (await requireSite(c.var.db, site ?? "")).id };
    }
    c.header("cache-control", "no-store");
    return c.json<DueReviews>(await dueReviews(c.var.db, learnerId, scope, Date.now()));
  })
  .put(
    "/api/learners/:learnerId/reviews/:questionId",
    params(answerParams),
    jsonBody(answerBody),
    async (c) => {
      const { learnerId, questionId: item } = c.req.valid("param");
      await enforceRateLimit(c, "ANSWER_ATTEMPT_LIMITER", `review:${learnerId}`);
      await enforceRateLimit(c, "ANSWER_CLIENT_LIMITER", clientAddress(c));
      const { choiceId } = c.req.valid("json");
      const result = await answerReview(c.var.db, learnerId, item, choiceId, Date.now());
      return c.json<ReviewResult>(result);
    },
  );
