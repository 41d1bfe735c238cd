/**
 * The learner's view of published quizzes, kept in this isolate for two seconds. Every page view
 * of an embedded quiz reads it (and the CORS check reads its allowed origins), while it changes
 * only when an educator edits or publishes — which clears it here at once; other isolates catch
 * up within the two seconds. Grading never uses it: answers are checked against the stored key.
 *
 * Beside it, for the attempt routes' CORS check, each quiz's allowed origins by quiz id, and
 * whether any quiz restricts its origins at all, under the same two-second rule and cleared by
 * the same `forgetQuiz`.
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

interface OriginsEntry {
  slug: string;
  origins: string[];
  expires: number;
}
const originsById = new Map<number, OriginsEntry>();

/** Adds to a bounded map, dropping the oldest entry when it is full. */
function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  if (map.size >= maxEntries) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

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
  const entry = { quiz, questions, expires: Date.now() + ttlMs };
  remember(entries, slug, entry);
  rememberOrigins(quiz.id, quiz.slug, quiz.allowedOrigins);
  return entry;
}

/** A quiz's allowed origins read within the last two seconds, by quiz id. */
export function peekQuizOrigins(quizId: number): string[] | undefined {
  const entry = originsById.get(quizId);
  if (entry && entry.expires > Date.now()) return entry.origins;
  return undefined;
}

/** Keeps the allowed origins just read for quiz `quizId` (any status) for two seconds. */
export function rememberOrigins(quizId: number, slug: string, origins: string[]): void {
  remember(originsById, quizId, { slug, origins, expires: Date.now() + ttlMs });
}

let restricted: { any: boolean; expires: number } | undefined;

/**
 * Does any quiz list allowed origins? When none does, every learner route allows any origin and
 * the attempt routes' CORS check needs no read of the attempt's quiz.
 */
export async function anyQuizRestrictsOrigins(d1: D1Database): Promise<boolean> {
  if (restricted && restricted.expires > Date.now()) return restricted.any;
  const row = await d1
    .prepare("select 1 as found from quizzes where allowed_origins <> '[]' limit 1")
    .first<{ found: number }>();
  restricted = { any: row !== null, expires: Date.now() + ttlMs };
  return restricted.any;
}

/** Called after every write to a quiz or its questions. */
export function forgetQuiz(slug: string): void {
  entries.delete(slug);
  for (const [id, entry] of originsById) if (entry.slug === slug) originsById.delete(id);
  restricted = undefined;
}
