/**
 * The educator console: HTML pages under /educator that work without client-side JavaScript.
 * Sign in with a key (posted in a form body, never in a URL) to get a session cookie
 * (worker/sessions.ts); list quizzes; create a quiz from a pasted article; review, edit, remove,
 * regenerate and publish its questions; copy the embed snippets; read the report.
 *
 * Changes go through the authoring API's own handlers, called in-process with the session's
 * credential, so the pages and the JSON API share one set of rules (validation, "answered
 * questions keep their key", publish needs a question). Every POST must come from one of our own
 * pages (Origin check, on top of the SameSite=Strict cookie).
 */
import { asc, count, desc, eq, sql } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { html } from "hono/html";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { validator } from "hono/validator";
import * as v from "valibot";
import { canManage, secretsEqual, sha256Hex } from "../auth.ts";
import { dbProvider } from "../db/client.ts";
import { activeQuestions, findQuiz } from "../db/quizzes.ts";
import { attempts, type QuizRow, quizzes } from "../db/schema.ts";
import type { AppEnv, Credential } from "../env.ts";
import { ApiError, handleError } from "../errors.ts";
import { educatorPage } from "../pages/educator-layout.ts";
import { type NewQuizValues, newQuizPage, quizListPage } from "../pages/educator-quizzes.ts";
import { reportPage } from "../pages/educator-report.ts";
import { embedPage, reviewPage } from "../pages/educator-review.ts";
import { signInPage } from "../pages/educator-sign-in.ts";
import { regenerateQuestion } from "../regenerate.ts";
import { reportFor } from "../reports/statistics.ts";
import { enforceSignInLimit } from "../security/rate-limit.ts";
import { endSession, isSameOriginRequest, startSession } from "../sessions.ts";
import { questionIdSchema, slugSchema, textField, urlField } from "../validation.ts";
import { authoring } from "./authoring.ts";
import { filtersFrom } from "./reports.ts";

type Ctx = Context<AppEnv>;

const slugParams = v.strictObject({ slug: slugSchema });
const questionParams = v.strictObject({ slug: slugSchema, id: questionIdSchema });
const reportQuery = v.object({
  group: v.optional(v.union([v.literal(""), textField(64)])),
  page: v.optional(v.union([v.literal(""), urlField])),
});

const htmlParams = <S extends v.GenericSchema>(schema: S) =>
  validator("param", (value) => {
    const result = v.safeParse(schema, value);
    if (!result.success) throw new ApiError(404, "not_found", "There is no such page.");
    return result.output as v.InferOutput<S>;
  });

const htmlQuery = <S extends v.GenericSchema>(schema: S) =>
  validator("query", (value) => {
    const result = v.safeParse(schema, value);
    if (!result.success) throw new ApiError(400, "invalid_request", "Those filters are not valid.");
    return result.output as v.InferOutput<S>;
  });

/** Form fields as plain strings (repeated fields and files are refused). */
const formFields = <S extends v.GenericSchema>(schema: S) =>
  validator("form", (value) => {
    const result = v.safeParse(schema, value);
    if (!result.success)
      throw new ApiError(400, "invalid_request", "The form was not filled in as expected.");
    return result.output as v.InferOutput<S>;
  });

const optionalText = v.optional(v.pipe(v.string(), v.maxLength(200_000)));
const signInForm = v.object({ key: v.pipe(v.string(), v.minLength(1), v.maxLength(512)) });
const newQuizForm = v.object({
  title: optionalText,
  article: optionalText,
  sourceUrl: optionalText,
  locale: optionalText,
  count: optionalText,
  allowedOrigins: optionalText,
});
const questionForm = v.object({
  prompt: v.pipe(v.string(), v.maxLength(1000)),
  explanation: v.pipe(v.string(), v.maxLength(2000)),
  answer: v.optional(v.pipe(v.string(), v.maxLength(1))),
  "choice-a": v.optional(v.pipe(v.string(), v.maxLength(300))),
  "choice-b": v.optional(v.pipe(v.string(), v.maxLength(300))),
  "choice-c": v.optional(v.pipe(v.string(), v.maxLength(300))),
  "choice-d": v.optional(v.pipe(v.string(), v.maxLength(300))),
});

/** Refuses form posts that did not come from one of our pages (CSRF). */
const sameOriginPosts = createMiddleware<AppEnv>(async (c, next) => {
  if (!isSameOriginRequest(c)) {
    throw new ApiError(403, "cross_site", "This form must be sent from Recall's own pages.");
  }
  await next();
});

const signedInAs = (c: Ctx) =>
  c.var.credential ? { admin: c.var.credential.kind === "admin" } : undefined;

/** The credential of a signed-in educator; anyone else is sent to the sign-in page. */
function requireSignedIn(c: Ctx): Credential {
  if (!c.var.credential) throw new SignInRequired();
  return c.var.credential;
}

class SignInRequired extends Error {}

async function requireQuiz(c: Ctx, slug: string): Promise<QuizRow> {
  const credential = requireSignedIn(c);
  const quiz = await findQuiz(c.var.db, slug);
  if (!quiz) throw new ApiError(404, "not_found", "There is no such quiz.");
  if (!canManage(credential, quiz))
    throw new ApiError(
      403,
      "forbidden",
      "You are signed in for another quiz. Sign out and sign in with this quiz's key.",
    );
  return quiz;
}

/** Runs a request through the authoring API in-process, as the signed-in educator. */
async function callAuthoring(
  c: Ctx,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; data: unknown }> {
  const credential = requireSignedIn(c);
  const api = new Hono<AppEnv>()
    .use(dbProvider)
    .use(
      createMiddleware<AppEnv>(async (inner, next) => {
        inner.set("credential", credential);
        await next();
      }),
    )
    .route("/", authoring)
    .onError(handleError);
  const res = await api.request(
    new URL(path, c.req.url).toString(),
    {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
    c.env,
  );
  const text = await res.text();
  return { status: res.status, data: text ? JSON.parse(text) : null };
}

function apiErrorMessage(data: unknown): string {
  const message = (data as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === "string" ? message : "That did not work. Please try again.";
}

function logSignIn(outcome: "success" | "failure", details: Record<string, unknown> = {}) {
  // Never the key: only what happened, and to which quiz.
  console.log(
    JSON.stringify({
      event: "educator.sign_in",
      outcome,
      at: new Date().toISOString(),
      ...details,
    }),
  );
}

/** Sign-in attempts per client address (worker/security/rate-limit.ts); false when over the limit. */
async function signInAllowed(c: Ctx): Promise<boolean> {
  try {
    await enforceSignInLimit(c);
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 429) return false;
    throw err;
  }
}

const noStore = (c: Ctx) => c.header("cache-control", "no-store");

function reviewPath(slug: string, notice?: string) {
  return `/educator/quizzes/${slug}/review${notice ? `?done=${notice}` : ""}`;
}

const notices: Record<string, string> = {
  saved: "Question saved.",
  removed: "Question removed.",
  replaced: "Question replaced with a new one from the article.",
};

async function renderReview(
  c: Ctx,
  quiz: QuizRow,
  extra: {
    notice?: string;
    error?: string;
    educatorKey?: string;
    status?: ContentfulStatusCode;
  } = {},
) {
  const questions = await activeQuestions(c.var.db, quiz.id);
  noStore(c);
  return c.html(
    reviewPage({
      quiz,
      questions,
      admin: c.var.credential?.kind === "admin",
      educatorKey: extra.educatorKey,
      notice: extra.notice,
      error: extra.error,
    }),
    extra.status ?? 200,
  );
}

function splitOrigins(text: string | undefined): string[] {
  return (text ?? "")
    .split(/[\s,]+/)
    .map((o) => o.trim().replace(/\/+$/, ""))
    .filter((o) => o !== "");
}

export const educator = new Hono<AppEnv>()
  .get("/educator", (c) => {
    if (c.var.credential) return c.redirect("/educator/quizzes", 303);
    noStore(c);
    return c.html(signInPage());
  })
  .post("/educator/sign-in", sameOriginPosts, formFields(signInForm), async (c) => {
    noStore(c);
    if (!(await signInAllowed(c))) {
      logSignIn("failure", { reason: "rate_limited" });
      c.header("retry-after", "60");
      return c.html(
        signInPage({ error: "Too many sign-in attempts. Wait a minute and try again." }),
        429,
      );
    }
    const { key } = c.req.valid("form");
    const admin = c.env.ADMIN_TOKEN;
    if (admin && (await secretsEqual(key, admin))) {
      await startSession(c, null);
      logSignIn("success", { kind: "admin" });
      return c.redirect("/educator/quizzes", 303);
    }
    const quiz = await c.var.db.query.quizzes.findFirst({
      where: eq(quizzes.educatorKeyHash, await sha256Hex(key)),
    });
    if (!quiz) {
      logSignIn("failure", { reason: "unknown_key" });
      return c.html(signInPage({ error: "That key did not work. Check it and try again." }), 401);
    }
    await startSession(c, quiz.id);
    logSignIn("success", { kind: "educator", quiz: quiz.slug });
    return c.redirect(`/educator/quizzes/${quiz.slug}`, 303);
  })
  .post("/educator/sign-out", sameOriginPosts, async (c) => {
    await endSession(c);
    noStore(c);
    return c.html(signInPage({ notice: "You are signed out." }));
  })
  .get("/educator/quizzes", async (c) => {
    const credential = requireSignedIn(c);
    const db = c.var.db;
    const where =
      credential.kind === "admin"
        ? undefined
        : credential.kind === "session"
          ? eq(quizzes.id, credential.quizId)
          : eq(quizzes.educatorKeyHash, credential.keyHash);
    const rows = await db
      .select({
        slug: quizzes.slug,
        title: quizzes.title,
        status: quizzes.status,
        createdAt: quizzes.createdAt,
        attempts: sql<number>`(select ${count()} from ${attempts} where ${attempts.quizId} = ${quizzes.id})`,
      })
      .from(quizzes)
      .where(where)
      .orderBy(desc(quizzes.createdAt), asc(quizzes.slug))
      .limit(500);
    noStore(c);
    return c.html(quizListPage({ admin: credential.kind === "admin", quizzes: rows }));
  })
  .get("/educator/new", (c) => {
    if (requireSignedIn(c).kind !== "admin")
      throw new ApiError(403, "forbidden", "Only the admin can create quizzes.");
    noStore(c);
    return c.html(newQuizPage());
  })
  .post("/educator/new", sameOriginPosts, formFields(newQuizForm), async (c) => {
    if (requireSignedIn(c).kind !== "admin")
      throw new ApiError(403, "forbidden", "Only the admin can create quizzes.");
    const form = c.req.valid("form") as NewQuizValues;
    const count = form.count?.trim() ? Number(form.count) : undefined;
    const body = {
      title: form.title ?? "",
      article: form.article ?? "",
      ...(form.sourceUrl?.trim() ? { sourceUrl: form.sourceUrl.trim() } : {}),
      ...(form.locale?.trim() ? { locale: form.locale.trim() } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(form.allowedOrigins?.trim() ? { allowedOrigins: splitOrigins(form.allowedOrigins) } : {}),
    };
    const { status, data } = await callAuthoring(c, "POST", "/api/quizzes", body);
    noStore(c);
    if (status !== 201) {
      return c.html(
        newQuizPage({ values: form, error: apiErrorMessage(data) }),
        status === 422 ? 422 : 400,
      );
    }
    const created = data as { slug: string; educatorKey: string };
    const quiz = await findQuiz(c.var.db, created.slug);
    if (!quiz) throw new Error("created quiz not found");
    // The key is shown once, in this response: never in a URL, never again.
    return renderReview(c, quiz, {
      educatorKey: created.educatorKey,
      notice: "Draft created. Review the questions below, then publish.",
      status: 201,
    });
  })
  .get("/educator/quizzes/:slug", htmlParams(slugParams), htmlQuery(reportQuery), async (c) => {
    const quiz = await requireQuiz(c, c.req.valid("param").slug);
    const q = c.req.valid("query");
    const filters = filtersFrom({
      ...(q.group ? { group: q.group } : {}),
      ...(q.page ? { page: q.page } : {}),
    });
    const report = await reportFor(c.var.db, quiz.id, filters);
    noStore(c);
    return c.html(reportPage({ quiz, report, admin: c.var.credential?.kind === "admin" }));
  })
  .get("/educator/quizzes/:slug/review", htmlParams(slugParams), async (c) => {
    const quiz = await requireQuiz(c, c.req.valid("param").slug);
    const done = c.req.query("done");
    return renderReview(c, quiz, { ...(done && notices[done] ? { notice: notices[done] } : {}) });
  })
  .post(
    "/educator/quizzes/:slug/questions/:id",
    sameOriginPosts,
    htmlParams(questionParams),
    formFields(questionForm),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const quiz = await requireQuiz(c, slug);
      const form = c.req.valid("form");
      const current = (await activeQuestions(c.var.db, quiz.id)).find((q) => q.id === id);
      if (!current) throw new ApiError(404, "not_found", "That question is no longer in the quiz.");
      const choices = current.choices.map((choice) => ({
        id: choice.id,
        text: form[`choice-${choice.id}` as "choice-a"] ?? choice.text,
      }));
      const { status, data } = await callAuthoring(
        c,
        "PATCH",
        `/api/quizzes/${quiz.slug}/questions/${id}`,
        {
          prompt: form.prompt,
          explanation: form.explanation,
          choices,
          answer: form.answer ?? current.answer,
        },
      );
      if (status !== 200) {
        return renderReview(c, quiz, {
          error: apiErrorMessage(data),
          status: status === 409 ? 409 : 400,
        });
      }
      return c.redirect(reviewPath(quiz.slug, "saved"), 303);
    },
  )
  .post(
    "/educator/quizzes/:slug/questions/:id/remove",
    sameOriginPosts,
    htmlParams(questionParams),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const quiz = await requireQuiz(c, slug);
      const { status, data } = await callAuthoring(
        c,
        "DELETE",
        `/api/quizzes/${quiz.slug}/questions/${id}`,
      );
      if (status !== 204)
        return renderReview(c, quiz, { error: apiErrorMessage(data), status: 404 });
      return c.redirect(reviewPath(quiz.slug, "removed"), 303);
    },
  )
  .post(
    "/educator/quizzes/:slug/questions/:id/regenerate",
    sameOriginPosts,
    htmlParams(questionParams),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const quiz = await requireQuiz(c, slug);
      try {
        await regenerateQuestion(c.var.db, quiz, id);
      } catch (err) {
        if (err instanceof ApiError)
          return renderReview(c, quiz, { error: err.message, status: err.status });
        throw err;
      }
      return c.redirect(reviewPath(quiz.slug, "replaced"), 303);
    },
  )
  .post("/educator/quizzes/:slug/publish", sameOriginPosts, htmlParams(slugParams), async (c) => {
    const quiz = await requireQuiz(c, c.req.valid("param").slug);
    const { status, data } = await callAuthoring(c, "POST", `/api/quizzes/${quiz.slug}/publish`);
    if (status !== 200) return renderReview(c, quiz, { error: apiErrorMessage(data), status: 409 });
    return c.redirect(`/educator/quizzes/${quiz.slug}/embed?published=1`, 303);
  })
  .get("/educator/quizzes/:slug/embed", htmlParams(slugParams), async (c) => {
    const quiz = await requireQuiz(c, c.req.valid("param").slug);
    noStore(c);
    return c.html(
      embedPage({
        quiz,
        origin: new URL(c.req.url).origin,
        admin: c.var.credential?.kind === "admin",
        notice:
          c.req.query("published") === "1"
            ? "Published. Readers can take the quiz now."
            : undefined,
      }),
    );
  })
  .onError((err, c) => {
    if (err instanceof SignInRequired) {
      // Forms re-posted after the session ended land on the sign-in page, not on an error.
      return c.redirect("/educator", 303);
    }
    const status: ContentfulStatusCode = err instanceof ApiError ? err.status : 500;
    if (!(err instanceof ApiError))
      console.error("educator page error", c.req.method, c.req.path, err);
    const message =
      err instanceof ApiError ? err.message : "Something went wrong on our side. Please try again.";
    c.header("cache-control", "no-store");
    return c.html(
      educatorPage({
        title: status === 404 ? "Not found" : "Error",
        signedIn: signedInAs(c),
        error: message,
        body: html`<p><a href="/educator/quizzes">Back to your quizzes</a></p>`,
      }),
      status,
    );
  });
