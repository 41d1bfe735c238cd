/**
 * A post's quiz in site mode: `GET /api/sites/:siteId/quiz?url=…`. The first view of a post
 * fetches the page (worker/sites/read-post.ts), generates the quiz and stores it; later views read
 * it. What is fetched when:
 *
 * - **First view** of a URL: fetched at once, while that reader waits (≤ 5 s). Concurrent first
 *   views in one isolate share that one fetch; across isolates each may fetch, but the unique key
 *   (site, URL, article hash) keeps exactly one quiz row, and every request reads that row.
 * - **Later views**: no fetch, except that a view finding the last check older than
 *   `RECHECK_MS` (10 minutes) claims the next check (one guarded UPDATE: one claimant per URL
 *   and interval, in every isolate together) and fetches the page again after its response
 *   (`waitUntil`), so no reader waits for it. A changed text (its hash differs) becomes a new quiz
 *   version, which the views after it get; attempts on the old version keep its questions and
 *   scores. Text that changes back to an earlier version's finds that version again.
 * - **Failures** (unreachable, not HTML, too large, off-origin redirect, too short to quiz) are
 *   remembered for `FAILURE_MEMORY_MS` (60 s) in `site_pages`: views of a broken page in that
 *   time get the same error without a fetch. A failed recheck keeps the current quiz.
 *
 * Policy `review`: new quizzes are drafts; readers get `404 quiz_pending` until an educator
 * publishes one in the console, and while a newer version waits for review they keep the newest
 * published version of the post.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Bank } from "../../questions/bank.ts";
import { UnusableArticleError } from "../../questions/errors.ts";
import { generateBank } from "../../questions/generate.ts";
import { type PublishedQuiz, publishedQuiz } from "../db/quiz-cache.ts";
import { withD1Retry } from "../db/retry.ts";
import {
  type QuizRow,
  questions,
  quizzes,
  type SitePageRow,
  type SiteRow,
  sitePages,
} from "../db/schema.ts";
import type { Database } from "../env.ts";
import { ApiError } from "../errors.ts";
import { sha256Hex } from "../security/secrets.ts";
import type { FetchPageOptions } from "../sites/fetch-page.ts";
import { type Post, readPost } from "../sites/read-post.ts";
import { slugify } from "./quizzes.ts";

/** A post is fetched again, to notice a changed text, at most once per this long. */
export const RECHECK_MS = 10 * 60_000;
/** A failed fetch or extraction is answered from memory for this long. */
export const FAILURE_MEMORY_MS = 60_000;

export interface PageContext {
  db: Database;
  fetchOptions: FetchPageOptions;
  /** Keeps a recheck running after the response (the request's `waitUntil`). */
  waitUntil: (work: Promise<unknown>) => void;
  /** Runs before a reader's view fetches a page (the route's per-client limit on fetches). */
  beforeFetch?: () => Promise<void>;
}

type StoredQuiz = Pick<QuizRow, "id" | "slug" | "status" | "articleHash">;

const storedColumns = {
  id: quizzes.id,
  slug: quizzes.slug,
  status: quizzes.status,
  articleHash: quizzes.articleHash,
};

const quizPending = () =>
  new ApiError(404, "quiz_pending", "This post's quiz is waiting for review.");

/** The quiz readers of this post get: its current quiz, made now if it has none. */
export async function quizForPage(
  ctx: PageContext,
  site: SiteRow,
  url: string,
): Promise<PublishedQuiz> {
  const state = await pageState(ctx.db, site.id, url);
  const now = Date.now();
  if (state?.quiz) {
    await claimRecheck(ctx, site, url, state.page, state.quiz, now);
    return served(ctx.db, site, url, state.quiz);
  }
  if (state) throwRemembered(state.page, now);
  const made = await makeOnce(ctx, site, url);
  return served(ctx.db, site, url, made);
}

/**
 * The post's current quiz, made now if it has none (the console's "prepare a post's quiz"): the
 * same path as a reader's first view, without serving it.
 */
export async function preparePageQuiz(
  ctx: PageContext,
  site: SiteRow,
  url: string,
): Promise<StoredQuiz> {
  const state = await pageState(ctx.db, site.id, url);
  if (state?.quiz) return state.quiz;
  return makeOnce(ctx, site, url);
}

async function pageState(db: Database, siteId: string, url: string) {
  return db
    .select({ page: sitePages, quiz: storedColumns })
    .from(sitePages)
    .leftJoin(quizzes, eq(quizzes.id, sitePages.quizId))
    .where(and(eq(sitePages.siteId, siteId), eq(sitePages.url, url)))
    .get();
}

/** A published current quiz; otherwise the post's newest published version, else pending. */
async function served(
  db: Database,
  site: SiteRow,
  url: string,
  quiz: StoredQuiz,
): Promise<PublishedQuiz> {
  if (quiz.status === "published") {
    const view = await publishedQuiz(db, quiz.slug);
    if (view) return view;
  }
  const older = await db
    .select({ slug: quizzes.slug })
    .from(quizzes)
    .where(
      and(eq(quizzes.siteId, site.id), eq(quizzes.pageUrl, url), eq(quizzes.status, "published")),
    )
    .orderBy(desc(quizzes.pageVersion))
    .get();
  const view = older ? await publishedQuiz(db, older.slug) : undefined;
  if (!view) throw quizPending();
  return view;
}

function throwRemembered(page: SitePageRow, now: number): void {
  if (page.failedAt === null || page.failureCode === null) return;
  const left = page.failedAt + FAILURE_MEMORY_MS - now;
  if (left <= 0) return;
  throw new ApiError(
    (page.failureStatus ?? 502) as 400 | 403 | 422 | 502,
    page.failureCode,
    page.failureMessage ?? "The page could not be read.",
    { "Retry-After": String(Math.ceil(left / 1000)) },
  );
}

/** First views of one URL in this isolate share one fetch and one generation. */
const making = new Map<string, Promise<StoredQuiz>>();

function makeOnce(ctx: PageContext, site: SiteRow, url: string): Promise<StoredQuiz> {
  const key = `${site.id} ${url}`;
  let pending = making.get(key);
  if (!pending) {
    pending = makeFirstQuiz(ctx, site, url).finally(() => making.delete(key));
    making.set(key, pending);
  }
  return pending;
}

/** Fetches, reads and generates the post's quiz and stores it; a failure is remembered, then thrown. */
export async function makeFirstQuiz(
  ctx: PageContext,
  site: SiteRow,
  url: string,
): Promise<StoredQuiz> {
  await ctx.beforeFetch?.();
  const read = await readPost(url, site.origin, ctx.fetchOptions);
  if (!read.ok) {
    await rememberFailure(ctx.db, site, url, read.error);
    throw read.error;
  }
  let bank: Bank;
  try {
    bank = bankFor(site, read.post);
  } catch (err) {
    if (err instanceof ApiError) await rememberFailure(ctx.db, site, url, err);
    throw err;
  }
  return storeVersion(ctx.db, site, url, read.post, bank);
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The post's bank; 422 `article_too_short` when the article is too short to quiz. */
export function bankFor(site: SiteRow, post: Post): Bank {
  try {
    const bank = generateBank(post.text, {
      title: post.title,
      locale: site.locale,
      ...(site.questionCount !== null && { count: site.questionCount }),
    });
    if (bank.questions.length > 0) return bank;
  } catch (err) {
    if (!(err instanceof UnusableArticleError)) throw err;
    if (err.reason === "empty" || err.reason === "not-an-article") {
      throw new ApiError(
        422,
        "article_too_short",
        `The post's article is too short to make a quiz from: it has ${wordCount(post.text)} words, and a quiz needs a few paragraphs of prose (80 words or more).`,
      );
    }
    throw new ApiError(422, "unusable_article", err.message);
  }
  throw new ApiError(422, "unusable_article", "No good questions could be made from this post.");
}

/**
 * Stores a version of the post's quiz and makes it the post's current one, in one batch: the
 * quiz row (version = the post's last + 1) with ON CONFLICT DO NOTHING, its questions only when
 * this batch's row went in (selected by this try's own request id), and the page's state. When
 * another request stored the same text first, its row is the one returned; a lost race for the
 * version number (another text stored at the same moment) tries once more.
 */
export async function storeVersion(
  db: Database,
  site: SiteRow,
  url: string,
  post: Post,
  bank: Bank,
): Promise<StoredQuiz> {
  for (let tries = 0; tries < 3; tries++) {
    const requestId = crypto.randomUUID();
    const slug = `${slugify(bank.title)}-${(await sha256Hex(requestId)).slice(0, 8)}`;
    const now = Date.now();
    const samePage = and(eq(quizzes.siteId, site.id), eq(quizzes.pageUrl, url));
    const insertQuiz = db
      .insert(quizzes)
      .values({
        slug,
        title: bank.title,
        sourceUrl: url,
        articleHash: bank.articleHash,
        article: post.text,
        locale: bank.locale,
        status: site.policy === "publish" ? "published" : "draft",
        educatorKeyHash: null,
        createRequestId: requestId,
        allowedOrigins: [site.origin],
        createdAt: now,
        siteId: site.id,
        pageUrl: url,
        pageVersion: sql`(select coalesce(max(${quizzes.pageVersion}), 0) + 1 from ${quizzes} where ${samePage})`,
      })
      .onConflictDoNothing();
    const value = (v: string | number, name: string) => sql`${v}`.as(name);
    const insertQuestions = bank.questions.map((q, position) =>
      db.insert(questions).select(
        db
          .select({
            quizId: quizzes.id,
            id: value(q.id, "id"),
            position: value(position, "position"),
            type: value(q.type, "type"),
            prompt: value(q.prompt, "prompt"),
            choices: value(JSON.stringify(q.choices), "choices"),
            answer: value(q.answer, "answer"),
            explanation: value(q.explanation, "explanation"),
            source: value(JSON.stringify(q.source), "source"),
            status: value("active", "status"),
          })
          .from(quizzes)
          .where(eq(quizzes.createRequestId, requestId)),
      ),
    );
    const statements: [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]] = [
      insertQuiz,
      ...insertQuestions,
      pointPageAt(db, site.id, url, bank.articleHash, now),
    ];
    await withD1Retry(() => db.batch(statements));
    const stored = await db
      .select(storedColumns)
      .from(quizzes)
      .where(and(samePage, eq(quizzes.articleHash, bank.articleHash)))
      .get();
    if (stored) return stored;
  }
  throw new ApiError(503, "unavailable", "The post's quiz could not be stored. Please retry.", {
    "Retry-After": "1",
  });
}

/** The page's state: its current quiz is the one of this text; checked now; no failure. */
function pointPageAt(db: Database, siteId: string, url: string, articleHash: string, now: number) {
  const quizId = sql`(select ${quizzes.id} from ${quizzes} where ${quizzes.siteId} = ${siteId} and ${quizzes.pageUrl} = ${url} and ${quizzes.articleHash} = ${articleHash})`;
  const cleared = { failureStatus: null, failureCode: null, failureMessage: null, failedAt: null };
  return db
    .insert(sitePages)
    .values({ siteId, url, quizId, checkedAt: now, ...cleared })
    .onConflictDoUpdate({
      target: [sitePages.siteId, sitePages.url],
      set: { quizId, checkedAt: now, ...cleared },
    });
}

/** Remembers a failure for the page, keeping its current quiz (if any) and last check. */
async function rememberFailure(db: Database, site: SiteRow, url: string, error: ApiError) {
  const failure = {
    failureStatus: error.status,
    failureCode: error.code,
    failureMessage: error.message,
    failedAt: Date.now(),
  };
  await withD1Retry(() =>
    db
      .insert(sitePages)
      .values({ siteId: site.id, url, quizId: null, checkedAt: null, ...failure })
      .onConflictDoUpdate({ target: [sitePages.siteId, sitePages.url], set: failure }),
  );
}

/**
 * When the last check is older than `RECHECK_MS` (and no failure is being remembered), claims
 * the next check with one guarded UPDATE — only the request that moves `checked_at` wins — and
 * runs it after the response.
 */
async function claimRecheck(
  ctx: PageContext,
  site: SiteRow,
  url: string,
  page: SitePageRow,
  current: StoredQuiz,
  now: number,
): Promise<void> {
  if (page.checkedAt !== null && now - page.checkedAt < RECHECK_MS) return;
  if (page.failedAt !== null && now - page.failedAt < FAILURE_MEMORY_MS) return;
  const claimed = await ctx.db
    .update(sitePages)
    .set({ checkedAt: now })
    .where(
      and(
        eq(sitePages.siteId, site.id),
        eq(sitePages.url, url),
        page.checkedAt === null
          ? sql`${sitePages.checkedAt} is null`
          : eq(sitePages.checkedAt, page.checkedAt),
      ),
    )
    .returning({ url: sitePages.url });
  if (claimed.length === 0) return;
  ctx.waitUntil(
    recheck(ctx, site, url, current).catch((err) => console.error("post recheck failed", url, err)),
  );
}

/** Fetches the post again; a changed text becomes the post's new current quiz. */
export async function recheck(
  ctx: PageContext,
  site: SiteRow,
  url: string,
  current: StoredQuiz,
): Promise<void> {
  const read = await readPost(url, site.origin, ctx.fetchOptions);
  if (!read.ok) return rememberFailure(ctx.db, site, url, read.error);
  const articleHash = await sha256Hex(read.post.text);
  if (articleHash === current.articleHash) return;
  const earlier = await ctx.db
    .select({ id: quizzes.id })
    .from(quizzes)
    .where(
      and(
        eq(quizzes.siteId, site.id),
        eq(quizzes.pageUrl, url),
        eq(quizzes.articleHash, articleHash),
      ),
    )
    .get();
  if (earlier) {
    await withD1Retry(() => pointPageAt(ctx.db, site.id, url, articleHash, Date.now()));
    return;
  }
  let bank: Bank;
  try {
    bank = bankFor(site, read.post);
  } catch (err) {
    if (err instanceof ApiError) return rememberFailure(ctx.db, site, url, err);
    throw err;
  }
  await storeVersion(ctx.db, site, url, read.post, bank);
}
