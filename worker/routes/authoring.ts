/**
 * The authoring API: generate a quiz from posted text (admin token) or from a post's URL (admin
 * token or the site key of the post's site; the worker fetches the page), review its questions, edit,
 * remove or reorder them, publish, rotate the educator key, delete the quiz. Validation happens
 * here; every rule lives in worker/services/quizzes.ts and worker/services/access.ts.
 */
import { type Context, Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../env.ts";
import { maxArticleChars } from "../security/body-limit.ts";
import {
  requireAdmin,
  requireManagedQuiz,
  unauthorized,
  usableAdminToken,
} from "../services/access.ts";
import {
  addQuestion,
  createQuiz,
  deleteQuiz,
  editQuestion,
  publishQuiz,
  questionsOf,
  removeQuestion,
  reorderQuestions,
  rotateEducatorKey,
} from "../services/quizzes.ts";
import { createQuizFromUrl } from "../services/sites.ts";
import { fetchOptions } from "../sites/read-post.ts";
import {
  choiceIdSchema,
  jsonBody,
  params,
  questionIdSchema,
  questionParams,
  slugParams,
  textField,
  urlField,
  uuidSchema,
} from "../validation.ts";

const originSchema = v.pipe(
  v.string(),
  v.maxLength(200),
  v.check((value) => {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) && url.origin === value;
    } catch {
      return false;
    }
  }, "must be an exact origin such as https://blog.example"),
);

export const createQuizBody = v.strictObject({
  /** A random UUID made by the client: sending the same request again returns the same quiz. */
  requestId: v.optional(uuidSchema),
  title: textField(200),
  article: v.pipe(
    v.string(),
    v.minLength(1, "must not be empty"),
    v.maxLength(maxArticleChars, `must be at most ${maxArticleChars} characters`),
  ),
  sourceUrl: v.optional(urlField),
  locale: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/, "must be a language tag")),
  ),
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20))),
  allowedOrigins: v.optional(v.pipe(v.array(originSchema), v.maxLength(20))),
});

/** `POST /api/quizzes { url }`: the article is the post the worker fetches (worker/services/sites.ts). */
export const createFromUrlBody = v.strictObject({
  ...v.omit(createQuizBody, ["title", "article", "sourceUrl"]).entries,
  url: urlField,
  title: v.optional(textField(200)),
});

/** An article or a URL: a body with `url` is read as the second, so errors name its fields. */
const createRequestBody = v.lazy((input) =>
  typeof input === "object" && input !== null && "url" in input
    ? createFromUrlBody
    : createQuizBody,
);

const choiceSchema = v.strictObject({ id: choiceIdSchema, text: textField(300) });

export const ownQuestionBody = v.strictObject({
  prompt: textField(1000),
  choices: v.pipe(v.array(choiceSchema), v.minLength(3), v.maxLength(4)),
  answer: choiceIdSchema,
  explanation: textField(2000),
  passage: v.optional(textField(2000)),
});

export const editQuestionBody = v.pipe(
  v.strictObject({
    prompt: v.optional(textField(1000)),
    choices: v.optional(v.pipe(v.array(choiceSchema), v.minLength(3), v.maxLength(4))),
    answer: v.optional(choiceIdSchema),
    explanation: v.optional(textField(2000)),
  }),
  v.check((body) => Object.keys(body).length > 0, "send at least one field to change"),
);

const orderBody = v.strictObject({
  order: v.pipe(v.array(questionIdSchema), v.minLength(1), v.maxLength(100)),
});

const managed = (c: Context<AppEnv>, slug: string) =>
  requireManagedQuiz(c.var.db, c.var.credential, slug);

export const authoring = new Hono<AppEnv>()
  .post("/api/quizzes", jsonBody(createRequestBody), async (c) => {
    const body = c.req.valid("json");
    const credential = c.var.credential;
    const admin = usableAdminToken(c.env.ADMIN_TOKEN) ?? "";
    if ("url" in body) {
      // A site key may make quizzes from its own site's pages; otherwise only the admin.
      if (!credential) throw unauthorized();
      if (credential.kind !== "site") requireAdmin(credential);
      const created = await createQuizFromUrl(
        c.var.db,
        admin,
        credential,
        body,
        fetchOptions(c.env),
      );
      return c.json(created, 201);
    }
    requireAdmin(credential);
    return c.json(await createQuiz(c.var.db, admin, body), 201);
  })
  .get("/api/quizzes/:slug/questions", params(slugParams), async (c) => {
    const quiz = await managed(c, c.req.valid("param").slug);
    return c.json({
      slug: quiz.slug,
      title: quiz.title,
      status: quiz.status,
      sourceUrl: quiz.sourceUrl,
      locale: quiz.locale,
      allowedOrigins: quiz.allowedOrigins,
      questions: await questionsOf(c.var.db, quiz.id),
    });
  })
  .post(
    "/api/quizzes/:slug/questions",
    params(slugParams),
    jsonBody(ownQuestionBody),
    async (c) => {
      const quiz = await managed(c, c.req.valid("param").slug);
      return c.json(await addQuestion(c.var.db, quiz, c.req.valid("json")), 201);
    },
  )
  .put("/api/quizzes/:slug/questions", params(slugParams), jsonBody(orderBody), async (c) => {
    const quiz = await managed(c, c.req.valid("param").slug);
    const reordered = await reorderQuestions(c.var.db, quiz, c.req.valid("json").order);
    return c.json({ slug: quiz.slug, questions: reordered });
  })
  .patch(
    "/api/quizzes/:slug/questions/:id",
    params(questionParams),
    jsonBody(editQuestionBody),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const quiz = await managed(c, slug);
      return c.json(await editQuestion(c.var.db, quiz, id, c.req.valid("json")));
    },
  )
  .delete("/api/quizzes/:slug/questions/:id", params(questionParams), async (c) => {
    const { slug, id } = c.req.valid("param");
    await removeQuestion(c.var.db, await managed(c, slug), id);
    return c.body(null, 204);
  })
  .post("/api/quizzes/:slug/publish", params(slugParams), async (c) => {
    const quiz = await managed(c, c.req.valid("param").slug);
    const count = await publishQuiz(c.var.db, quiz);
    return c.json({ slug: quiz.slug, status: "published" as const, questions: count });
  })
  .post("/api/quizzes/:slug/key", params(slugParams), async (c) => {
    const quiz = await managed(c, c.req.valid("param").slug);
    return c.json({ slug: quiz.slug, educatorKey: await rotateEducatorKey(c.var.db, quiz) });
  })
  .delete("/api/quizzes/:slug", params(slugParams), async (c) => {
    await deleteQuiz(c.var.db, await managed(c, c.req.valid("param").slug));
    return c.body(null, 204);
  });
