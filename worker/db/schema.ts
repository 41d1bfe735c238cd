/**
 * The database schema: the single source of truth for D1's tables (migrations are generated
 * from it by drizzle-kit) and for the row types the worker reads and writes.
 */
import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { Choice, SourcePassage } from "../../questions/bank.ts";
import type { QuestionKind } from "../contract.ts";

export const sitePolicies = ["publish", "review"] as const;
export type SitePolicy = (typeof sitePolicies)[number];

/**
 * A registered site (site mode): one snippet in its post template, and every post on its origin
 * gets a quiz made from the page itself the first time a reader opens it.
 */
export const sites = sqliteTable(
  "sites",
  {
    /** The public id the snippet names (`<recall-quiz site="…">`). */
    id: text("id").primaryKey(),
    /** Scheme, host and port, normalised (`https://blog.example`): the only origin fetched. */
    origin: text("origin").notNull().unique(),
    name: text("name").notNull(),
    /** `publish`: a post's quiz shows at once; `review`: only once an educator publishes it. */
    policy: text("policy", { enum: sitePolicies }).notNull().default("publish"),
    /** Questions per generated quiz; null for the generator's default. */
    questionCount: integer("question_count"),
    locale: text("locale").notNull().default("en"),
    /** SHA-256 hex of the site key, an educator key for every quiz of the site. */
    siteKeyHash: text("site_key_hash").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    check("sites_policy_check", sql`${t.policy} in ('publish', 'review')`),
    index("sites_site_key_hash").on(t.siteKeyHash),
  ],
);

export type SiteRow = typeof sites.$inferSelect;

export const quizStatuses = ["draft", "published"] as const;
export type QuizStatus = (typeof quizStatuses)[number];

export const quizzes = sqliteTable(
  "quizzes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    sourceUrl: text("source_url"),
    articleHash: text("article_hash").notNull(),
    /** The article the questions were generated from, kept for regeneration and the review page. */
    article: text("article").notNull().default(""),
    locale: text("locale").notNull().default("en"),
    status: text("status", { enum: quizStatuses }).notNull().default("draft"),
    /** SHA-256 hex of the educator key; null for quizzes only the admin token manages. */
    educatorKeyHash: text("educator_key_hash"),
    /** The client-made id of the request that created the quiz: a retried create finds it. */
    createRequestId: text("create_request_id").unique(),
    /** Exact origins allowed to call the learner API from a browser; empty means any (`*`). */
    allowedOrigins: text("allowed_origins", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    settings: text("settings", { mode: "json" })
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'`),
    createdAt: integer("created_at").notNull(),
    /** The site whose post this quiz was made from (site mode); null for a pasted article. */
    siteId: text("site_id").references(() => sites.id),
    /** The post's canonical URL (no query, no fragment), for a site's quiz. */
    pageUrl: text("page_url"),
    /** 1 for a post's first quiz, one more for each change of its text; null outside site mode. */
    pageVersion: integer("page_version"),
  },
  (t) => [
    check("quizzes_status_check", sql`${t.status} in ('draft', 'published')`),
    // Bearer educator keys are resolved to their quiz by hash, once per request.
    index("quizzes_educator_key_hash").on(t.educatorKeyHash),
    // One quiz per text of a post: concurrent first views insert one row, the rest read it.
    uniqueIndex("quizzes_site_page_article").on(t.siteId, t.pageUrl, t.articleHash),
    uniqueIndex("quizzes_site_page_version").on(t.siteId, t.pageUrl, t.pageVersion),
  ],
);

/** The quiz a row belongs to: deleting the quiz deletes the row. */
const quizOwned = () =>
  integer("quiz_id")
    .notNull()
    .references(() => quizzes.id, { onDelete: "cascade" });

export const questionStatuses = ["active", "removed"] as const;

export const questions = sqliteTable(
  "questions",
  {
    quizId: quizOwned(),
    /** The question's id within its quiz (from the bank), as used in learner URLs. */
    id: text("id").notNull(),
    position: integer("position").notNull(),
    type: text("type").$type<QuestionKind>().notNull(),
    prompt: text("prompt").notNull(),
    choices: text("choices", { mode: "json" }).$type<Choice[]>().notNull(),
    answer: text("answer").notNull(),
    explanation: text("explanation").notNull(),
    source: text("source", { mode: "json" }).$type<SourcePassage>().notNull(),
    status: text("status", { enum: questionStatuses }).notNull().default("active"),
  },
  (t) => [
    primaryKey({ columns: [t.quizId, t.id] }),
    index("questions_quiz_position").on(t.quizId, t.position),
  ],
);

export const attempts = sqliteTable(
  "attempts",
  {
    /** A random UUID made by the widget (so a retried start finds its attempt) or the server. */
    id: text("id").primaryKey(),
    quizId: quizOwned(),
    /** The random anonymous id the widget keeps for its learner; never an IP or a cookie. */
    learnerId: text("learner_id"),
    learnerName: text("learner_name"),
    group: text("group_name"),
    pageUrl: text("page_url"),
    startedAt: integer("started_at").notNull(),
    finishedAt: integer("finished_at"),
    score: integer("score"),
    maxScore: integer("max_score"),
    /**
     * The ids of the questions this attempt asked, in order, fixed when it starts: a retry round
     * asks only the missed ones. Score, maxScore and every report figure count only these. An
     * empty list (attempts stored before this column existed) means every question of the quiz.
     */
    questionIds: text("question_ids", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** For a retry round: the attempt whose missed questions it asks again; null for a first attempt. */
    retryOf: text("retry_of"),
  },
  (t) => [
    index("attempts_quiz_started").on(t.quizId, t.startedAt),
    index("attempts_learner").on(t.learnerId),
  ],
);

export const responses = sqliteTable(
  "responses",
  {
    attemptId: text("attempt_id")
      .notNull()
      .references(() => attempts.id, { onDelete: "cascade" }),
    quizId: integer("quiz_id").notNull(),
    questionId: text("question_id").notNull(),
    choiceId: text("choice_id").notNull(),
    correct: integer("correct", { mode: "boolean" }).notNull(),
    answeredAt: integer("answered_at").notNull(),
  },
  (t) => [
    // One response per attempt and question: the database, not the handler, makes answers idempotent.
    primaryKey({ columns: [t.attemptId, t.questionId] }),
    foreignKey({
      columns: [t.quizId, t.questionId],
      foreignColumns: [questions.quizId, questions.id],
    }).onDelete("cascade"),
    index("responses_quiz_question").on(t.quizId, t.questionId),
    // The report's time-to-answer walks each attempt's responses in order.
    index("responses_quiz_attempt_answered").on(t.quizId, t.attemptId, t.answeredAt),
  ],
);

/**
 * What the worker knows of one post of a site: the quiz of its text as last fetched, when it was
 * last fetched (the page is fetched again to notice a changed text at most once per recheck
 * interval), and the last failure, remembered briefly so a broken page is not fetched on every view.
 */
export const sitePages = sqliteTable(
  "site_pages",
  {
    siteId: text("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** The quiz of the text last fetched; null until one is made (or after a failure). */
    quizId: integer("quiz_id").references(() => quizzes.id, { onDelete: "set null" }),
    /** When the page was last fetched and read successfully (ms since the epoch). */
    checkedAt: integer("checked_at"),
    /** The last failure's HTTP status, code and message, and when it happened. */
    failureStatus: integer("failure_status"),
    failureCode: text("failure_code"),
    failureMessage: text("failure_message"),
    failedAt: integer("failed_at"),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.url] })],
);

export type SitePageRow = typeof sitePages.$inferSelect;

export type QuizRow = typeof quizzes.$inferSelect;
export type NewQuizRow = typeof quizzes.$inferInsert;
export type QuestionRow = typeof questions.$inferSelect;
export type NewQuestionRow = typeof questions.$inferInsert;
export type AttemptRow = typeof attempts.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;

export const educatorSessions = sqliteTable(
  "educator_sessions",
  {
    /** SHA-256 hex of the session cookie's random value; the value itself is never stored. */
    idHash: text("id_hash").primaryKey(),
    /** The quiz an educator key opened; null for an admin or a site session. */
    quizId: integer("quiz_id").references(() => quizzes.id, { onDelete: "cascade" }),
    /** The site a site key opened (every quiz of the site); null otherwise. */
    siteId: text("site_id").references(() => sites.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("educator_sessions_expires").on(t.expiresAt)],
);

export type EducatorSessionRow = typeof educatorSessions.$inferSelect;
