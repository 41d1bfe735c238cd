/**
 * The educator console: HTML pages under /educator that work without client-side JavaScript.
 * Sign in with a key (posted in a form body, never in a URL) to get a session cookie
 * (worker/sessions.ts); list quizzes; create a quiz from a pasted article; review, edit, remove,
 * regenerate and publish its questions; copy the embed snippets; read the report.
 *
 * Changes go through the same services as the JSON API (worker/services/), so the pages and the
 * API share one set of rules ("answered questions keep their key", publish needs a question, one
 * access guard). Every POST must come from one of our own pages (Origin check, on top of the
 * SameSite=Strict cookie).
 */
import { asc, desc, eq, sql } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { csrf } from "hono/csrf";
import { createMiddleware } from "hono/factory";
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { validator } from "hono/validator";
import * as v from "valibot";
import { activeQuestions } from "../db/quizzes.ts";
import { attempts, type QuizRow, quizzes } from "../db/schema.ts";
import type { AppEnv, Credential } from "../env.ts";
import { ApiError } from "../errors.ts";
import { educatorPage } from "../pages/educator-layout.ts";
import { type NewQuizValues, newQuizPage, quizListPage } from "../pages/educator-quizzes.ts";
import { reportPage } from "../pages/educator-report.ts";
import { embedPage, reviewPage } from "../pages/educator-review.ts";
import { signInPage } from "../pages/educator-sign-in.ts";
import { regenerateQuestion } from "../regenerate.ts";
import { educatorReport } from "../reports/index.ts";
import { roundKinds } from "../reports/statistics.ts";
import { enforceSignInLimit } from "../security/rate-limit.ts";
import {
  canManageSite,
  credentialForSecret,
  requireManagedQuiz,
  usableAdminToken,
} from "../services/access.ts";
import * as quizService from "../services/quizzes.ts";
import { endSession, isSameOriginRequest, startSession } from "../sessions.ts";
import {
  questionIdSchema,
  questionParams,
  slugParams,
  slugSchema,
  textField,
  urlField,
  validate,
} from "../validation.ts";
import { createQuizBody, editQuestionBody, ownQuestionBody } from "./authoring.ts";
import { filtersFrom } from "./reports.ts";

type Ctx = Context<AppEnv>;

const questionActionParams = v.strictObject({
  slug: slugSchema,
  id: questionIdSchema,
  action: v.picklist(["remove", "regenerate", "move-up"]),
});
const reportQuery = v.object({
  group: v.optional(v.union([v.literal(""), textField(64)])),
  page: v.optional(v.union([v.literal(""), urlField])),
  rounds: v.optional(v.picklist(roundKinds)),
});

export const htmlParams = <S extends v.GenericSchema>(schema: S) =>
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
export const formFields = <S extends v.GenericSchema>(schema: S) =>
  validator("form", (value) => {
    const result = v.safeParse(schema, value);
    if (!result.success)
      throw new ApiError(400, "invalid_request", "The form was not filled in as expected.");
    return result.output as v.InferOutput<S>;
  });

/** Generous, so an over-long article comes back in the form with a reason, not as an error page. */
const optionalText = v.optional(v.pipe(v.string(), v.maxLength(1_000_000)));
const deleteForm = v.object({ confirm: v.literal("delete") });
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
const ownQuestionForm = v.object({
  ...questionForm.entries,
  passage: v.optional(v.pipe(v.string(), v.maxLength(2000))),
});

/**
 * Refuses form posts that did not come from one of our pages (CSRF): Hono's csrf middleware
 * (same-origin `Origin`, or `Sec-Fetch-Site: same-origin` where a browser sends `Origin: null`),
 * plus the same rule for posts of any other content type (worker/sessions.ts).
 */
const honoCsrf = csrf();
const crossSite = () =>
  new ApiError(403, "cross_site", "This form must be sent from Recall's own pages.");
export const sameOriginPosts = createMiddleware<AppEnv>(async (c, next) => {
  try {
    await honoCsrf(c, async () => {});
  } catch (err) {
    if (err instanceof HTTPException && err.status === 403) throw crossSite();
    throw err;
  }
  if (!isSameOriginRequest(c)) throw crossSite();
  await next();
});

export const signedInAs = (c: Ctx) => {
  const credential = c.var.credential;
  if (!credential) return undefined;
  return {
    admin: credential.kind === "admin",
    siteId: credential.kind === "site" ? credential.siteId : undefined,
  };
};

/** The credential of a signed-in educator; anyone else is sent to the sign-in page. */
export function requireSignedIn(c: Ctx): Credential {
  if (!c.var.credential) throw new SignInRequired();
  return c.var.credential;
}

class SignInRequired extends Error {}

/** The quiz when the signed-in educator may manage it; the same 404 as an unknown quiz otherwise. */
async function requireQuiz(c: Ctx, slug: string): Promise<QuizRow> {
  return requireManagedQuiz(c.var.db, requireSignedIn(c), slug);
}

/** A service's refusal (ApiError) as the message to show on the page; anything else is thrown. */
export async function refusal(work: () => Promise<unknown>): Promise<ApiError | null> {
  try {
    await work();
    return null;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
}

/** A change to one question from the review page: back to the review, saying what happened. */
async function onQuestion(
  c: Ctx,
  slug: string,
  change: (quiz: QuizRow) => Promise<unknown>,
  done: string,
) {
  const quiz = await requireQuiz(c, slug);
  const refused = await refusal(() => change(quiz));
  if (refused) return renderReview(c, quiz, { error: refused.message, status: refused.status });
  return c.redirect(reviewPath(quiz.slug, done), 303);
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

export const noStore = (c: Ctx) => c.header("cache-control", "no-store");

function reviewPath(slug: string, notice?: string) {
  return `/educator/quizzes/${slug}/review${notice ? `?done=${notice}` : ""}`;
}

const notices: Record<string, string> = {
  saved: "Question saved.",
  removed: "Question removed.",
  replaced: "Question replaced with a new one from the article.",
  moved: "Question moved up.",
  added: "Question added at the end of the quiz.",
};

type Db = AppEnv["Variables"]["db"];

/** Moves one question a place up, through the same reorder the API uses. */
async function moveUp(db: Db, quiz: QuizRow, id: string) {
  const order = (await quizService.questionsOf(db, quiz.id)).map((q) => q.id);
  const at = order.indexOf(id);
  if (at < 0) throw new ApiError(404, "not_found", "That question is no longer in the quiz.");
  if (at > 0) order.splice(at - 1, 2, id, order[at - 1] ?? id);
  await quizService.reorderQuestions(db, quiz, order);
}

/** The buttons under each question on the review page: what they do and what the page says after. */
const questionActions: Record<
  "remove" | "regenerate" | "move-up",
  { change: (db: Db, quiz: QuizRow, id: string) => Promise<unknown>; done: string }
> = {
  remove: { change: quizService.removeQuestion, done: "removed" },
  regenerate: { change: regenerateQuestion, done: "replaced" },
  "move-up": { change: moveUp, done: "moved" },
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
    const credential = await credentialForSecret(c.var.db, c.env.ADMIN_TOKEN, key);
    if (!credential) {
      logSignIn("failure", { reason: "unknown_key" });
      return c.html(signInPage({ error: "That key did not work. Check it and try again." }), 401);
    }
    await startSession(c, credential);
    if (credential.kind === "admin") {
      logSignIn("success", { kind: "admin" });
      return c.redirect("/educator/quizzes", 303);
    }
    if (credential.kind === "site") {
      logSignIn("success", { kind: "site", site: credential.siteId });
      return c.redirect(`/educator/sites/${credential.siteId}`, 303);
    }
    const quiz = await c.var.db.query.quizzes.findFirst({
      where: eq(quizzes.id, credential.quizId),
    });
    logSignIn("success", { kind: "educator", quiz: quiz?.slug });
    return c.redirect(quiz ? `/educator/quizzes/${quiz.slug}` : "/educator/quizzes", 303);
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
        : credential.kind === "site"
          ? eq(quizzes.siteId, credential.siteId)
          : eq(quizzes.id, credential.quizId);
    const rows = await db
      .select({
        slug: quizzes.slug,
        title: quizzes.title,
        status: quizzes.status,
        createdAt: quizzes.createdAt,
        // Table-qualified: Drizzle writes bare column names in a select list, and a bare "id" here
        // would be the attempt's own id (the count was always 0).
        attempts: sql<number>`(select count(*) from ${attempts} where ${attempts}.quiz_id = ${quizzes}.id)`,
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
    noStore(c);
    let created: { slug: string; educatorKey: string } | undefined;
    const refused = await refusal(async () => {
      const input = validate(createQuizBody, body, "form");
      created = await quizService.createQuiz(
        c.var.db,
        usableAdminToken(c.env.ADMIN_TOKEN) ?? "",
        input,
      );
    });
    // A refused form comes back filled in as it was sent, with the reason.
    if (refused || !created) {
      return c.html(
        newQuizPage({ values: form, error: refused?.message ?? "Please try again." }),
        refused?.status === 422 ? 422 : 400,
      );
    }
    const quiz = await requireQuiz(c, created.slug);
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
      ...(q.rounds ? { rounds: q.rounds } : {}),
    });
    const report = await educatorReport(c.var.db, quiz.id, filters);
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
      const refused = await refusal(async () => {
        const edit = validate(
          editQuestionBody,
          {
            prompt: form.prompt,
            explanation: form.explanation,
            choices,
            answer: form.answer ?? current.answer,
          },
          "form",
        );
        await quizService.editQuestion(c.var.db, quiz, id, edit);
      });
      if (refused) {
        return renderReview(c, quiz, {
          error: refused.message,
          status: refused.status === 409 ? 409 : 400,
        });
      }
      return c.redirect(reviewPath(quiz.slug, "saved"), 303);
    },
  )
  .post(
    "/educator/quizzes/:slug/questions/:id/:action",
    sameOriginPosts,
    htmlParams(questionActionParams),
    async (c) => {
      const { slug, id, action } = c.req.valid("param");
      const { change, done } = questionActions[action];
      return onQuestion(c, slug, (quiz) => change(c.var.db, quiz, id), done);
    },
  )
  .post(
    "/educator/quizzes/:slug/questions",
    sameOriginPosts,
    htmlParams(slugParams),
    formFields(ownQuestionForm),
    async (c) => {
      const form = c.req.valid("form");
      const choices = (["a", "b", "c", "d"] as const).flatMap((id) => {
        const text = form[`choice-${id}`]?.trim();
        return text ? [{ id, text }] : [];
      });
      const body = {
        prompt: form.prompt,
        explanation: form.explanation,
        answer: form.answer ?? "a",
        choices,
        ...(form.passage?.trim() ? { passage: form.passage.trim() } : {}),
      };
      return onQuestion(
        c,
        c.req.valid("param").slug,
        (quiz) => quizService.addQuestion(c.var.db, quiz, validate(ownQuestionBody, body, "form")),
        "added",
      );
    },
  )
  .post("/educator/quizzes/:slug/key", sameOriginPosts, htmlParams(slugParams), async (c) => {
    const quiz = await requireQuiz(c, c.req.valid("param").slug);
    const educatorKey = await quizService.rotateEducatorKey(c.var.db, quiz);
    // Shown once, in this response, like a new quiz's key.
    return renderReview(c, quiz, { educatorKey, notice: "New educator key made." });
  })
  .post(
    "/educator/quizzes/:slug/delete",
    sameOriginPosts,
    htmlParams(slugParams),
    formFields(deleteForm),
    async (c) => {
      const quiz = await requireQuiz(c, c.req.valid("param").slug);
      await quizService.deleteQuiz(c.var.db, quiz);
      // An educator session for this quiz went with it; the admin and a site go back to a list.
      if (c.var.credential?.kind === "site")
        return c.redirect(`/educator/sites/${c.var.credential.siteId}`, 303);
      if (c.var.credential?.kind === "quiz") {
        await endSession(c);
        return c.html(signInPage({ notice: `Quiz "${quiz.title}" deleted.` }));
      }
      return c.redirect("/educator/quizzes", 303);
    },
  )
  .post("/educator/quizzes/:slug/publish", sameOriginPosts, htmlParams(slugParams), async (c) => {
    const quiz = await requireQuiz(c, c.req.valid("param").slug);
    const refused = await refusal(() => quizService.publishQuiz(c.var.db, quiz));
    if (refused) return renderReview(c, quiz, { error: refused.message, status: 409 });
    // A site's post quiz needs no snippet of its own: back to the site's posts.
    if (quiz.siteId && canManageSite(c.var.credential, quiz.siteId))
      return c.redirect(`/educator/sites/${quiz.siteId}?published=${quiz.slug}`, 303);
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
  .onError(consolePageError);

/** Errors on console pages: an HTML page in the console's layout, or the sign-in page. */
export function consolePageError(err: Error, c: Ctx) {
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
}
