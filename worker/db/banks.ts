/**
 * Stores a question bank as a quiz: one batch of statements, so a quiz is never half-stored.
 * Used by the authoring API and by `npm start`'s seeding (which renders the same statements to SQL).
 */
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type { Bank } from "../../questions/bank.ts";
import { type QuizStatus, questions, quizzes } from "./schema.ts";

/** Any Drizzle SQLite database: D1 in the worker, a recording proxy in the seed script. */
// biome-ignore lint/suspicious/noExplicitAny: the schema and result kinds differ between drivers.
type AnySqliteDb = BaseSQLiteDatabase<"async", any, any>;

export interface StoredQuiz {
  slug: string;
  bank: Bank;
  article: string;
  status: QuizStatus;
  /**
   * "create" leaves an existing slug's quiz row alone (a retried create finds the row its first
   * try wrote, by `createRequestId`); "upsert" (seeding) refreshes the quiz in place.
   */
  mode: "create" | "upsert";
  /** The client-made id of the create request (worker/services/quizzes.ts). */
  createRequestId?: string | null;
  sourceUrl?: string | null;
  educatorKeyHash?: string | null;
  allowedOrigins?: string[];
  now: number;
}

/**
 * Inserts the quiz or, when the slug exists, refreshes it: questions of the bank are upserted by
 * id and questions no longer in the bank are marked removed (stored responses keep their rows).
 */
export function storeBankStatements(
  db: AnySqliteDb,
  quiz: StoredQuiz,
): [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]] {
  const { bank } = quiz;
  const quizId = sql`(select ${quizzes.id} from ${quizzes} where ${quizzes.slug} = ${quiz.slug})`;
  const insertQuiz = db.insert(quizzes).values({
    slug: quiz.slug,
    title: bank.title,
    sourceUrl: quiz.sourceUrl ?? null,
    articleHash: bank.articleHash,
    article: quiz.article,
    locale: bank.locale,
    status: quiz.status,
    educatorKeyHash: quiz.educatorKeyHash ?? null,
    allowedOrigins: quiz.allowedOrigins ?? [],
    createRequestId: quiz.createRequestId ?? null,
    createdAt: quiz.now,
  });
  const upsertQuiz =
    quiz.mode === "create"
      ? insertQuiz.onConflictDoNothing()
      : insertQuiz.onConflictDoUpdate({
          target: quizzes.slug,
          set: {
            title: bank.title,
            articleHash: bank.articleHash,
            article: quiz.article,
            locale: bank.locale,
            status: quiz.status,
          },
        });
  const upsertQuestions = bank.questions.map((q, position) => {
    const content = {
      position,
      type: q.type,
      prompt: q.prompt,
      choices: q.choices,
      answer: q.answer,
      explanation: q.explanation,
      source: q.source,
      status: "active" as const,
    };
    return db
      .insert(questions)
      .values({ quizId, id: q.id, ...content })
      .onConflictDoUpdate({ target: [questions.quizId, questions.id], set: content });
  });
  const retireMissing = db
    .update(questions)
    .set({ status: "removed" })
    .where(
      and(
        eq(questions.quizId, quizId),
        notInArray(
          questions.id,
          bank.questions.map((q) => q.id),
        ),
      ),
    );
  return [upsertQuiz, ...upsertQuestions, retireMissing];
}
