/** Reads of quizzes and their questions shared by the learner and educator routes. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { PublicQuestion, PublicQuiz } from "../contract.ts";
import type { Database } from "../env.ts";
import { notFound } from "../errors.ts";
import { type QuestionRow, type QuizRow, questions, quizzes } from "./schema.ts";

export async function findQuiz(db: Database, slug: string): Promise<QuizRow | undefined> {
  return db.query.quizzes.findFirst({ where: eq(quizzes.slug, slug) });
}

/** A quiz learners may see; drafts are invisible to them. */
export function assertPublished(quiz: QuizRow | undefined, slug: string): QuizRow {
  if (quiz?.status !== "published") throw notFound(`Quiz "${slug}"`);
  return quiz;
}

export async function requirePublishedQuiz(db: Database, slug: string): Promise<QuizRow> {
  return assertPublished(await findQuiz(db, slug), slug);
}

export async function activeQuestions(db: Database, quizId: number): Promise<QuestionRow[]> {
  return db
    .select()
    .from(questions)
    .where(and(eq(questions.quizId, quizId), eq(questions.status, "active")))
    .orderBy(asc(questions.position));
}

/** The active questions of the quiz with this slug, without first reading the quiz. */
export async function activeQuestionsBySlug(db: Database, slug: string): Promise<QuestionRow[]> {
  return db
    .select()
    .from(questions)
    .where(
      and(
        eq(
          questions.quizId,
          sql`(select ${quizzes.id} from ${quizzes} where ${quizzes.slug} = ${slug})`,
        ),
        eq(questions.status, "active"),
      ),
    )
    .orderBy(asc(questions.position));
}

/** The learner's view of a quiz: everything but the key, the explanations and the sources. */
export function toPublicQuiz(quiz: QuizRow, rows: QuestionRow[]): PublicQuiz {
  return {
    slug: quiz.slug,
    title: quiz.title,
    sourceUrl: quiz.sourceUrl,
    locale: quiz.locale,
    questions: rows.map(
      (q): PublicQuestion => ({ id: q.id, type: q.type, prompt: q.prompt, choices: q.choices }),
    ),
  };
}
