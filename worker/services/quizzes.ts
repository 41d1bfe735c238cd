/**
 * Quizzes and their questions, for educators: create (idempotent on a client-made request id),
 * read, edit a question (one guarded statement), remove, publish, rotate the educator key, delete.
 * The JSON authoring API and the console pages both call these; neither has rules of its own.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Question } from "../../questions/bank.ts";
import { UnusableArticleError } from "../../questions/errors.ts";
import { generateBank } from "../../questions/generate.ts";
import type { QuestionKind } from "../contract.ts";
import { storeBankStatements } from "../db/banks.ts";
import { forgetQuiz } from "../db/quiz-cache.ts";
import { findQuiz } from "../db/quizzes.ts";
import { withD1Retry } from "../db/retry.ts";
import {
  educatorSessions,
  type QuestionRow,
  type QuizRow,
  questions,
  quizzes,
  responses,
} from "../db/schema.ts";
import type { Database } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { derivedToken, randomToken, sha256Hex } from "../security/secrets.ts";

/** The educator's view of a question: everything, key included. */
export interface EducatorQuestion extends Omit<Question, "type"> {
  type: QuestionKind;
  position: number;
}

export const toEducatorQuestion = (row: QuestionRow): EducatorQuestion => ({
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

export async function questionsOf(db: Database, quizId: number): Promise<EducatorQuestion[]> {
  const rows = await db
    .select()
    .from(questions)
    .where(and(eq(questions.quizId, quizId), eq(questions.status, "active")))
    .orderBy(asc(questions.position));
  return rows.map(toEducatorQuestion);
}

export interface CreateQuizInput {
  title: string;
  article: string;
  /** Made by the client: the same id again returns the same quiz and key instead of a second quiz. */
  requestId?: string | undefined;
  sourceUrl?: string | undefined;
  locale?: string | undefined;
  count?: number | undefined;
  allowedOrigins?: string[] | undefined;
}

export interface CreatedQuiz {
  slug: string;
  educatorKey: string;
  status: QuizRow["status"];
  title: string;
  questions: EducatorQuestion[];
}

function generate(input: CreateQuizInput) {
  try {
    const bank = generateBank(input.article, {
      title: input.title,
      ...(input.count !== undefined && { count: input.count }),
      ...(input.locale !== undefined && { locale: input.locale }),
    });
    if (bank.questions.length > 0) return bank;
  } catch (err) {
    if (!(err instanceof UnusableArticleError)) throw err;
    throw new ApiError(422, "unusable_article", err.message);
  }
  throw new ApiError(422, "unusable_article", "No good questions could be made from this article.");
}

/**
 * Creates a draft quiz from an article. Safe to retry: the slug and the educator key are derived
 * from the request id (the key as an HMAC under the admin token, so it is never stored, only its
 * hash), the quiz row is inserted with ON CONFLICT DO NOTHING, and a retry finds the row its
 * first try wrote and answers with the same slug and key.
 */
export async function createQuiz(
  db: Database,
  adminToken: string,
  input: CreateQuizInput,
): Promise<CreatedQuiz> {
  const bank = generate(input);
  const requestId = input.requestId ?? crypto.randomUUID();
  const educatorKey = `rk_${await derivedToken(adminToken, `educator-key:${requestId}`, 24)}`;
  const educatorKeyHash = await sha256Hex(educatorKey);
  // A short suffix from the request id keeps slugs unique without revealing how many quizzes exist.
  const slug = `${slugify(input.title)}-${(await sha256Hex(requestId)).slice(0, 6)}`;
  await withD1Retry(() =>
    db.batch(
      storeBankStatements(db, {
        slug,
        bank,
        article: input.article,
        status: "draft",
        mode: "create",
        createRequestId: requestId,
        sourceUrl: input.sourceUrl ?? null,
        educatorKeyHash,
        allowedOrigins: input.allowedOrigins ?? [],
        now: Date.now(),
      }),
    ),
  );
  const quiz = await findQuiz(db, slug);
  if (quiz?.createRequestId !== requestId) {
    throw new ApiError(409, "slug_taken", "Please try again with a new request id.");
  }
  if (quiz.educatorKeyHash !== educatorKeyHash) {
    throw new ApiError(409, "already_created", "This quiz was created and its key rotated since.");
  }
  const created = await questionsOf(db, quiz.id);
  return { slug, educatorKey, status: quiz.status, title: quiz.title, questions: created };
}

export interface QuestionEdit {
  prompt?: string | undefined;
  choices?: { id: string; text: string }[] | undefined;
  answer?: string | undefined;
  explanation?: string | undefined;
}

function checkChoices(choices: { id: string; text: string }[], answer: string): void {
  const ids = choices.map((choice) => choice.id);
  if (new Set(ids).size !== ids.length) {
    throw new ApiError(400, "invalid_request", "Choice ids must be unique.");
  }
  if (new Set(choices.map((choice) => choice.text.toLowerCase())).size !== choices.length) {
    throw new ApiError(400, "invalid_request", "Two choices have the same text.");
  }
  if (!ids.includes(answer)) {
    throw new ApiError(400, "unknown_choice", `The answer "${answer}" is not one of the choices.`);
  }
}

const answeredError = () =>
  new ApiError(
    409,
    "question_answered",
    "Learners have answered this question; its choices and key can no longer change. Remove it and add a new one instead.",
  );

async function activeQuestion(db: Database, quizId: number, id: string) {
  return db.query.questions.findFirst({
    where: and(eq(questions.quizId, quizId), eq(questions.id, id), eq(questions.status, "active")),
  });
}

/**
 * Edits a question. A change to its choices or key is one guarded UPDATE: it applies only while
 * no response to the question exists and the key is still the one this edit was checked against,
 * so an answer landing at the same moment is either graded against the new key or stops the edit.
 */
export async function editQuestion(
  db: Database,
  quiz: QuizRow,
  id: string,
  edit: QuestionEdit,
): Promise<EducatorQuestion> {
  const current = await activeQuestion(db, quiz.id, id);
  if (!current) throw notFound("Question");
  const choices = edit.choices ?? current.choices;
  const answer = edit.answer ?? current.answer;
  checkChoices(choices, answer);
  const grading =
    answer !== current.answer || JSON.stringify(choices) !== JSON.stringify(current.choices);
  const texts = {
    ...(edit.prompt !== undefined && { prompt: edit.prompt }),
    ...(edit.explanation !== undefined && { explanation: edit.explanation }),
  };
  const guard = grading
    ? and(
        eq(questions.answer, current.answer),
        sql`${questions.choices} = ${JSON.stringify(current.choices)}`,
        sql`not exists (select 1 from ${responses} r where r.quiz_id = ${quiz.id} and r.question_id = ${id})`,
      )
    : undefined;
  const [updated] = await withD1Retry(() =>
    db
      .update(questions)
      .set(
        grading
          ? { ...texts, choices, answer }
          : { ...texts, prompt: texts.prompt ?? current.prompt },
      )
      .where(
        and(
          eq(questions.quizId, quiz.id),
          eq(questions.id, id),
          eq(questions.status, "active"),
          guard,
        ),
      )
      .returning(),
  );
  forgetQuiz(quiz.slug);
  if (updated) return toEducatorQuestion(updated);
  if (!(await activeQuestion(db, quiz.id, id))) throw notFound("Question");
  throw answeredError();
}

export interface OwnQuestion {
  prompt: string;
  choices: { id: string; text: string }[];
  answer: string;
  explanation: string;
  /** The sentence or passage of the article the question rests on, quoted exactly. */
  passage?: string | undefined;
}

/** Where the passage stands in the article; an empty source when there is none. */
function sourceOf(article: string, passage: string | undefined) {
  if (!passage) return { start: 0, end: 0, text: "" };
  const start = article.indexOf(passage);
  if (start < 0) {
    throw new ApiError(
      400,
      "passage_not_found",
      "The passage must be quoted exactly from the article.",
    );
  }
  return { start, end: start + passage.length, text: passage };
}

/** Adds a question of the educator's own at the end of the quiz. */
export async function addQuestion(
  db: Database,
  quiz: QuizRow,
  own: OwnQuestion,
): Promise<EducatorQuestion> {
  checkChoices(own.choices, own.answer);
  const source = sourceOf(quiz.article, own.passage);
  const id = `own-${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")}`;
  const [added] = await db
    .insert(questions)
    .values({
      quizId: quiz.id,
      id,
      position: sql`(select coalesce(max(position), -1) + 1 from ${questions} where quiz_id = ${quiz.id})`,
      type: "own",
      prompt: own.prompt,
      choices: own.choices,
      answer: own.answer,
      explanation: own.explanation,
      source,
    })
    .returning();
  forgetQuiz(quiz.slug);
  if (!added) throw new Error("question vanished after insert");
  return toEducatorQuestion(added);
}

/** Removed, not deleted: learners' stored responses to it stay intact for the report. */
export async function removeQuestion(db: Database, quiz: QuizRow, id: string): Promise<void> {
  const removed = await withD1Retry(() =>
    db
      .update(questions)
      .set({ status: "removed" })
      .where(
        and(eq(questions.quizId, quiz.id), eq(questions.id, id), eq(questions.status, "active")),
      )
      .returning({ id: questions.id }),
  );
  forgetQuiz(quiz.slug);
  if (removed.length === 0) throw notFound("Question");
}

export async function publishQuiz(db: Database, quiz: QuizRow): Promise<number> {
  const remaining = await questionsOf(db, quiz.id);
  if (remaining.length === 0) {
    throw new ApiError(409, "no_questions", "A quiz needs at least one question to be published.");
  }
  await withD1Retry(() =>
    db.update(quizzes).set({ status: "published" }).where(eq(quizzes.id, quiz.id)),
  );
  forgetQuiz(quiz.slug);
  return remaining.length;
}

/**
 * Moves the questions into the given order (every active question, each once). One batch of
 * guarded updates, so a reorder is never half-applied.
 */
export async function reorderQuestions(db: Database, quiz: QuizRow, order: string[]) {
  const active = (await questionsOf(db, quiz.id)).map((q) => q.id);
  if (
    order.length !== active.length ||
    new Set(order).size !== order.length ||
    !order.every((id) => active.includes(id))
  ) {
    throw new ApiError(400, "invalid_request", "Send every question of the quiz, each once.");
  }
  const [first, ...rest] = order.map((id, position) =>
    db
      .update(questions)
      .set({ position })
      .where(and(eq(questions.quizId, quiz.id), eq(questions.id, id))),
  );
  if (first) await withD1Retry(() => db.batch([first, ...rest]));
  forgetQuiz(quiz.slug);
  return questionsOf(db, quiz.id);
}

/** A new educator key for the quiz: the old one and every session opened with it stop working. */
export async function rotateEducatorKey(db: Database, quiz: QuizRow): Promise<string> {
  const educatorKey = `rk_${randomToken(24)}`;
  await db.batch([
    db
      .update(quizzes)
      .set({ educatorKeyHash: await sha256Hex(educatorKey) })
      .where(eq(quizzes.id, quiz.id)),
    db.delete(educatorSessions).where(eq(educatorSessions.quizId, quiz.id)),
  ]);
  return educatorKey;
}

/** Deletes the quiz with its questions, attempts, responses and sessions (one batch). */
export async function deleteQuiz(db: Database, quiz: QuizRow): Promise<void> {
  // Questions, attempts and sessions go with the quiz (ON DELETE CASCADE in the schema).
  await withD1Retry(() =>
    db.batch([
      db.delete(responses).where(eq(responses.quizId, quiz.id)),
      db.delete(quizzes).where(eq(quizzes.id, quiz.id)),
    ]),
  );
  forgetQuiz(quiz.slug);
}
