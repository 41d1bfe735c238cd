/**
 * Rows several layers of one request need: the CORS check reads a quiz's allowed origins, and the
 * handler may then need the same quiz. A quiz is read once per request.
 *
 * An attempt's quiz never changes, so which quiz an attempt belongs to is kept in this isolate
 * (bounded, oldest dropped first); the quiz's allowed origins come from worker/db/quiz-cache.ts
 * (two seconds, cleared on every edit). So the answers and finish of an attempt this isolate has
 * seen need no read before their own write, nor do any while no quiz restricts its origins.
 * Nothing here decides whether an attempt exists or is open: the handlers' own statements do.
 */
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { anyQuizRestrictsOrigins, peekQuizOrigins, rememberOrigins } from "./quiz-cache.ts";
import { type QuizRow, quizzes } from "./schema.ts";

/** What the CORS check of an attempt route needs: the allowed origins of the attempt's quiz. */
export interface AttemptAccess {
  id: string;
  allowedOrigins: string[];
}

const memos = new WeakMap<Request, Map<string, Promise<unknown>>>();

function memo<T>(c: Context<AppEnv>, key: string, load: () => Promise<T>): Promise<T> {
  let forRequest = memos.get(c.req.raw);
  if (!forRequest) {
    forRequest = new Map();
    memos.set(c.req.raw, forRequest);
  }
  const known = forRequest.get(key) as Promise<T> | undefined;
  if (known) return known;
  const loading = load();
  forRequest.set(key, loading);
  return loading;
}

export function quizBySlug(c: Context<AppEnv>, slug: string): Promise<QuizRow | undefined> {
  return memo(c, `quiz:${slug}`, () =>
    c.var.db.query.quizzes.findFirst({ where: eq(quizzes.slug, slug) }),
  );
}

const maxKnownAttempts = 20_000;
/** Attempt id -> its quiz id, for attempts this isolate has started or read. */
const quizOfAttempt = new Map<string, number>();

/** Notes an attempt's quiz (it never changes), dropping the oldest note when full. */
export function rememberAttemptQuiz(attemptId: string, quizId: number): void {
  if (quizOfAttempt.has(attemptId)) return;
  if (quizOfAttempt.size >= maxKnownAttempts) {
    const oldest = quizOfAttempt.keys().next();
    if (!oldest.done) quizOfAttempt.delete(oldest.value);
  }
  quizOfAttempt.set(attemptId, quizId);
}

const attemptAccessSql = `select z.id as quizId, z.slug as slug, z.allowed_origins as origins
  from attempts a join quizzes z on z.id = a.quiz_id where a.id = ?`;

/**
 * The allowed origins of the attempt's quiz (named for what it looks up); undefined for an unknown
 * attempt. No read when this isolate knows the attempt's quiz and its origins, or when no quiz
 * restricts origins at all.
 */
export async function attemptById(
  c: Context<AppEnv>,
  attemptId: string,
): Promise<AttemptAccess | undefined> {
  const known = quizOfAttempt.get(attemptId);
  const origins = known === undefined ? undefined : peekQuizOrigins(known);
  if (origins) return { id: attemptId, allowedOrigins: origins };
  if (!(await anyQuizRestrictsOrigins(c.env.DB))) return { id: attemptId, allowedOrigins: [] };
  const row = await c.env.DB.prepare(attemptAccessSql)
    .bind(attemptId)
    .first<{ quizId: number; slug: string; origins: string }>();
  if (!row) return undefined;
  const allowedOrigins = JSON.parse(row.origins) as string[];
  rememberAttemptQuiz(attemptId, row.quizId);
  rememberOrigins(row.quizId, row.slug, allowedOrigins);
  return { id: attemptId, allowedOrigins };
}
