/**
 * The authoring API: generate a quiz from posted text (admin token), review its questions,
 * edit or remove them, publish. Generation runs here, inside the worker, on the spot.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import * as v from "valibot";
import type { Question } from "../../questions/bank.ts";
import { UnusableArticleError } from "../../questions/errors.ts";
import { generateBank } from "../../questions/generate.ts";
import { newEducatorKey, requireAdmin, requireManage, sha256Hex, unauthorized } from "../auth.ts";
import { storeBankStatements } from "../db/banks.ts";
import { forgetQuiz } from "../db/quiz-cache.ts";
import { findQuiz } from "../db/quizzes.ts";
import { withD1Retry } from "../db/retry.ts";
import { type QuestionRow, type QuizRow, questions, quizzes, responses } from "../db/schema.ts";
import type { AppEnv, Database } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import {
  choiceIdSchema,
  jsonBody,
  params,
  questionIdSchema,
  slugSchema,
  textField,
  urlField,
} from "../validation.ts";

/** Articles are capped at 200 KB, like the CLI. */
const maxArticleChars = 200_000;

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

const choiceSchema = v.strictObject({ id: choiceIdSchema, text: textField(300) });

const editQuestionBody = v.pipe(
  v.strictObject({
    prompt: v.optional(textField(1000)),
    choices: v.optional(v.pipe(v.array(choiceSchema), v.minLength(3), v.maxLength(4))),
    answer: v.optional(choiceIdSchema),
    explanation: v.optional(textField(2000)),
  }),
  v.check((body) => Object.keys(body).length > 0, "send at least one field to change"),
);

const slugParams = v.strictObject({ slug: slugSchema });
const questionParams = v.strictObject({ slug: slugSchema, id: questionIdSchema });

/** The educator's view of a question: everything, key included. */
export interface EducatorQuestion extends Question {
  position: number;
}

const toEducatorQuestion = (row: QuestionRow): EducatorQuestion => ({
  id: row.id,
  type: row.type,
  prompt: row.prompt,
  choices: row.choices,
  answer: row.answer,
  explanation: row.explanation,
  source: row.source,
  position: row.position,
});

export function slugify(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return base || "quiz";
}

/** 401 before anything else, so an anonymous caller learns nothing about which quizzes exist. */
async function requireManagedQuiz(c: { var: AppEnv["Variables"] }, slug: string): Promise<QuizRow> {
  if (!c.var.credential) throw unauthorized();
  const quiz = await findQuiz(c.var.db, slug);
  if (!quiz) throw notFound(`Quiz "${slug}"`);
  requireManage(c.var.credential, quiz);
  return quiz;
}

async function questionsOf(db: Database, quizId: number): Promise<EducatorQuestion[]> {
  const rows = await db
    .select()
    .from(questions)
    .where(and(eq(questions.quizId, quizId), eq(questions.status, "active")))
    .orderBy(asc(questions.position));
  return rows.map(toEducatorQuestion);
}

export const authoring = new Hono<AppEnv>()
  .post("/api/quizzes", jsonBody(createQuizBody), async (c) => {
    requireAdmin(c.var.credential);
    const body = c.req.valid("json");
    let bank: ReturnType<typeof generateBank>;
    try {
      bank = generateBank(body.article, {
        title: body.title,
        ...(body.count !== undefined && { count: body.count }),
        ...(body.locale !== undefined && { locale: body.locale }),
      });
    } catch (err) {
      if (err instanceof UnusableArticleError)
        throw new ApiError(422, "unusable_article", err.message);
      throw err;
    }
    if (bank.questions.length === 0) {
      throw new ApiError(
        422,
        "unusable_article",
        "No good questions could be made from this article.",
      );
    }
    const educatorKey = newEducatorKey();
    const educatorKeyHash = await sha256Hex(educatorKey);
    // A short random suffix keeps slugs unique without revealing how many quizzes exist.
    const suffix = crypto.getRandomValues(new Uint32Array(1))[0]?.toString(36).slice(0, 5) ?? "0";
    const slug = `${slugify(body.title)}-${suffix}`;
    const db = c.var.db;
    if (await findQuiz(db, slug)) throw new ApiError(409, "slug_taken", "Please try again.");
    await withD1Retry(() =>
      db.batch(
        storeBankStatements(db, {
          slug,
          bank,
          article: body.article,
          status: "draft",
          mode: "create",
          sourceUrl: body.sourceUrl ?? null,
          educatorKeyHash,
          allowedOrigins: body.allowedOrigins ?? [],
          now: Date.now(),
        }),
      ),
    );
    const quiz = await findQuiz(db, slug);
    if (!quiz) throw new Error("quiz vanished after insert");
    return c.json(
      {
        slug,
        educatorKey,
        status: quiz.status,
        title: quiz.title,
        questions: await questionsOf(db, quiz.id),
      },
      201,
    );
  })
  .get("/api/quizzes/:slug/questions", params(slugParams), async (c) => {
    const quiz = await requireManagedQuiz(c, c.req.valid("param").slug);
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
  .patch(
    "/api/quizzes/:slug/questions/:id",
    params(questionParams),
    jsonBody(editQuestionBody),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const edit = c.req.valid("json");
      const quiz = await requireManagedQuiz(c, slug);
      const db = c.var.db;
      const current = await db.query.questions.findFirst({
        where: and(
          eq(questions.quizId, quiz.id),
          eq(questions.id, id),
          eq(questions.status, "active"),
        ),
      });
      if (!current) throw notFound("Question");
      const choices = edit.choices ?? current.choices;
      const answer = edit.answer ?? current.answer;
      const ids = choices.map((choice) => choice.id);
      if (new Set(ids).size !== ids.length) {
        throw new ApiError(400, "invalid_request", "Choice ids must be unique.");
      }
      if (new Set(choices.map((choice) => choice.text.toLowerCase())).size !== choices.length) {
        throw new ApiError(400, "invalid_request", "Two choices have the same text.");
      }
      if (!ids.includes(answer)) {
        throw new ApiError(
          400,
          "unknown_choice",
          `The answer "${answer}" is not one of the choices.`,
        );
      }
      const gradingChanges =
        answer !== current.answer || JSON.stringify(choices) !== JSON.stringify(current.choices);
      if (gradingChanges) {
        // Stored responses were graded against the current key; changing it would rewrite history.
        const [answered] = await db
          .select({ n: sql<number>`count(*)` })
          .from(responses)
          .where(and(eq(responses.quizId, quiz.id), eq(responses.questionId, id)));
        if ((answered?.n ?? 0) > 0) {
          throw new ApiError(
            409,
            "question_answered",
            "Learners have answered this question; its choices and key can no longer change. Remove it and add a new one instead.",
          );
        }
      }
      const [updated] = await withD1Retry(() =>
        db
          .update(questions)
          .set({
            prompt: edit.prompt ?? current.prompt,
            explanation: edit.explanation ?? current.explanation,
            choices,
            answer,
          })
          .where(and(eq(questions.quizId, quiz.id), eq(questions.id, id)))
          .returning(),
      );
      if (!updated) throw notFound("Question");
      forgetQuiz(quiz.slug);
      return c.json(toEducatorQuestion(updated));
    },
  )
  .delete("/api/quizzes/:slug/questions/:id", params(questionParams), async (c) => {
    const { slug, id } = c.req.valid("param");
    const quiz = await requireManagedQuiz(c, slug);
    // Removed, not deleted: learners' stored responses to it stay intact for the report.
    const removed = await withD1Retry(() =>
      c.var.db
        .update(questions)
        .set({ status: "removed" })
        .where(
          and(eq(questions.quizId, quiz.id), eq(questions.id, id), eq(questions.status, "active")),
        )
        .returning({ id: questions.id }),
    );
    if (removed.length === 0) throw notFound("Question");
    forgetQuiz(quiz.slug);
    return c.body(null, 204);
  })
  .post("/api/quizzes/:slug/publish", params(slugParams), async (c) => {
    const quiz = await requireManagedQuiz(c, c.req.valid("param").slug);
    const remaining = await questionsOf(c.var.db, quiz.id);
    if (remaining.length === 0) {
      throw new ApiError(
        409,
        "no_questions",
        "A quiz needs at least one question to be published.",
      );
    }
    await withD1Retry(() =>
      c.var.db.update(quizzes).set({ status: "published" }).where(eq(quizzes.id, quiz.id)),
    );
    forgetQuiz(quiz.slug);
    return c.json({ slug: quiz.slug, status: "published" as const, questions: remaining.length });
  });
