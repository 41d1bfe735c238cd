/**
 * Per-request memos of the rows several layers need: the CORS check reads a quiz's allowed
 * origins, and the handler then needs the same quiz or attempt. Each is read once per request
 * (never cached across requests, so nothing can go stale).
 */
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { type AttemptRow, attempts, type QuizRow, quizzes } from "./schema.ts";

export type AttemptWithOrigins = AttemptRow & { allowedOrigins: string[] };

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

/** An attempt with its quiz's allowed origins, in one query. */
export function attemptById(
  c: Context<AppEnv>,
  attemptId: string,
): Promise<AttemptWithOrigins | undefined> {
  return memo(c, `attempt:${attemptId}`, async () => {
    const row = await c.var.db
      .select({ attempt: attempts, allowedOrigins: quizzes.allowedOrigins })
      .from(attempts)
      .innerJoin(quizzes, eq(quizzes.id, attempts.quizId))
      .where(eq(attempts.id, attemptId))
      .get();
    return row ? { ...row.attempt, allowedOrigins: row.allowedOrigins } : undefined;
  });
}
