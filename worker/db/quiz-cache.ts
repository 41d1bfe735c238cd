/**
 * The learner's view of published quizzes, kept in this isolate for two seconds. Every page view
 * of an embedded quiz reads it (and the CORS check reads its allowed origins), while it changes
 * only when an educator edits or publishes — which clears it here at once; other isolates catch
 * up within the two seconds. Grading never uses it: answers are checked against the stored key.
 */
import type { Database } from "../env.ts";
import { activeQuestionsBySlug, findQuiz } from "./quizzes.ts";
import type { QuestionRow, QuizRow } from "./schema.ts";

export interface PublishedQuiz {
  quiz: QuizRow;
  questions: QuestionRow[];
}

const ttlMs = 2_000;
const maxEntries = 256;
const entries = new Map<string, PublishedQuiz & { expires: number }>();

/** A fresh cached view, without reading the database. */
export function peekPublishedQuiz(slug: string): PublishedQuiz | undefined {
  const entry = entries.get(slug);
  if (entry && entry.expires > Date.now()) return entry;
  return undefined;
}

/** The published quiz and its active questions; undefined for drafts and unknown slugs. */
export async function publishedQuiz(
  db: Database,
  slug: string,
): Promise<PublishedQuiz | undefined> {
  const cached = peekPublishedQuiz(slug);
  if (cached) return cached;
  const [quiz, questions] = await Promise.all([
    findQuiz(db, slug),
    activeQuestionsBySlug(db, slug),
  ]);
  if (quiz?.status !== "published") {
    entries.delete(slug);
    return undefined;
  }
  if (entries.size >= maxEntries) {
    const oldest = entries.keys().next();
    if (!oldest.done) entries.delete(oldest.value);
  }
  const entry = { quiz, questions, expires: Date.now() + ttlMs };
  entries.set(slug, entry);
  return entry;
}

/** Called after every write to a quiz or its questions. */
export function forgetQuiz(slug: string): void {
  entries.delete(slug);
}
