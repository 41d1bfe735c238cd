/**
 * The database schema: the single source of truth for D1's tables (migrations are generated
 * from it by drizzle-kit) and for the row types the worker reads and writes.
 */
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { Card } from "ts-fsrs";
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
    /**
     * Milliseconds from the attempt's previous answer (or its start) to this one, when it was
     * stored; the report's time to answer (a trigger fills it for rows inserted without it).
     */
    msToAnswer: integer("ms_to_answer"),
  },
  (t) => [
    // One response per attempt and question: the database, not the handler, makes answers idempotent.
    primaryKey({ columns: [t.attemptId, t.questionId] }),
    foreignKey({
      columns: [t.quizId, t.questionId],
      foreignColumns: [questions.quizId, questions.id],
    }).onDelete("cascade"),
    // Per question, in time-to-answer order: the report's exact median reads a few of these.
    index("responses_quiz_question_time").on(t.quizId, t.questionId, t.msToAnswer),
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

/*
 * Report counters: what a quiz's report shows over all its attempts, kept by triggers
 * (migrations/0006_report_counter_triggers.sql) on every insert, update and delete of attempts
 * and responses, in the same transaction as the write, so the report reads a few hundred rows
 * whatever the number of responses (worker/reports/counters.ts). `retry` is 0 for first attempts
 * and 1 for retry rounds; a missing score or max score is counted as -1.
 */

/** Responses per question and choice (facility, distractor picks). */
export const reportChoiceCounts = sqliteTable(
  "report_choice_counts",
  {
    quizId: quizOwned(),
    retry: integer("retry").notNull(),
    questionId: text("question_id").notNull(),
    choiceId: text("choice_id").notNull(),
    responses: integer("responses").notNull(),
    correct: integer("correct").notNull(),
  },
  (t) => [primaryKey({ columns: [t.quizId, t.retry, t.questionId, t.choiceId] })],
);

/** Responses per question and whole second of `ms_to_answer` (the median's neighbourhood). */
export const reportAnswerSeconds = sqliteTable(
  "report_answer_seconds",
  {
    quizId: quizOwned(),
    retry: integer("retry").notNull(),
    questionId: text("question_id").notNull(),
    second: integer("second").notNull(),
    responses: integer("responses").notNull(),
  },
  (t) => [primaryKey({ columns: [t.quizId, t.retry, t.questionId, t.second] })],
);

/**
 * Responses of finished attempts per attempt score, start day and question (discrimination,
 * point-biserial): the day lets the discrimination's 27% cut read only one day's attempts.
 */
export const reportScoreItems = sqliteTable(
  "report_score_items",
  {
    quizId: quizOwned(),
    retry: integer("retry").notNull(),
    score: integer("score").notNull(),
    /** The attempt's started_at in whole UTC days since 1970. */
    day: integer("day").notNull(),
    questionId: text("question_id").notNull(),
    responses: integer("responses").notNull(),
    correct: integer("correct").notNull(),
  },
  (t) => [primaryKey({ columns: [t.quizId, t.retry, t.score, t.day, t.questionId] })],
);

/** Attempts per start day, finished or not, and score (summary, histogram, timeline). */
export const reportAttemptCounts = sqliteTable(
  "report_attempt_counts",
  {
    quizId: quizOwned(),
    retry: integer("retry").notNull(),
    /** started_at in whole UTC days since 1970. */
    day: integer("day").notNull(),
    finished: integer("finished").notNull(),
    score: integer("score").notNull(),
    maxScore: integer("max_score").notNull(),
    attempts: integer("attempts").notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.quizId, t.retry, t.day, t.finished, t.score, t.maxScore],
    }),
  ],
);

/** Attempts per group and per page (the report's filter choices); `value_key` '' is none, else '=' + value. */
export const reportFilterCounts = sqliteTable(
  "report_filter_counts",
  {
    quizId: quizOwned(),
    kind: text("kind", { enum: ["group", "page"] }).notNull(),
    valueKey: text("value_key").notNull(),
    attempts: integer("attempts").notNull(),
  },
  (t) => [primaryKey({ columns: [t.quizId, t.kind, t.valueKey] })],
);

/**
 * Each learner's first try at each question of a quiz (the report's Retention section): their
 * earliest response to it over all their attempts of the quiz, by answer time, then storage
 * order. Kept by the triggers of migrations/0008_first_try_triggers.sql on every write to
 * responses and attempts, with its counters below; attempts without a learner have none.
 */
export const firstTries = sqliteTable(
  "first_tries",
  {
    quizId: quizOwned(),
    learnerId: text("learner_id").notNull(),
    questionId: text("question_id").notNull(),
    /** The attempt holding the response (its group and page filter the section). */
    attemptId: text("attempt_id").notNull(),
    answeredAt: integer("answered_at").notNull(),
    correct: integer("correct").notNull(),
  },
  (t) => [primaryKey({ columns: [t.quizId, t.learnerId, t.questionId] })],
);

/** First tries per question, counted and summed (the Retention section over the whole quiz). */
export const firstTryCounts = sqliteTable(
  "first_try_counts",
  {
    quizId: quizOwned(),
    questionId: text("question_id").notNull(),
    learners: integer("learners").notNull(),
    correct: integer("correct").notNull(),
  },
  (t) => [primaryKey({ columns: [t.quizId, t.questionId] })],
);

/** Learners with a first try at any of the quiz's questions. */
export const firstTryLearners = sqliteTable("first_try_learners", {
  quizId: quizOwned().primaryKey(),
  learners: integer("learners").notNull(),
});

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

/** A ts-fsrs card as stored in a review card: its two dates as milliseconds since the epoch. */
export type StoredCard = Omit<Card, "due" | "last_review"> & { due: number; last_review: number };

/** The question a review row is about: deleting (not removing) the question deletes the row. */
const reviewedQuestion = (t: { quizId: AnySQLiteColumn; questionId: AnySQLiteColumn }) =>
  foreignKey({
    columns: [t.quizId, t.questionId],
    foreignColumns: [questions.quizId, questions.id],
  }).onDelete("cascade");

/**
 * A learner's spaced-review schedule for one question (worker/reviews/). Written only when a
 * review is answered: before the first review, a question the learner missed on the first try is
 * due a day after that response (computed from `responses` when reviews are read), so answering a
 * quiz writes nothing here.
 */
export const reviewCards = sqliteTable(
  "review_cards",
  {
    /** The anonymous learner id of the attempts (32 hex digits); never an IP or a cookie. */
    learnerId: text("learner_id").notNull(),
    quizId: integer("quiz_id").notNull(),
    questionId: text("question_id").notNull(),
    /** The FSRS memory state after the last review. */
    card: text("card", { mode: "json" }).$type<StoredCard>().notNull(),
    dueAt: integer("due_at").notNull(),
    /** Reviews answered so far (the first try is not one). */
    reviews: integer("reviews").notNull(),
    lastReviewedAt: integer("last_reviewed_at").notNull(),
    /** The last review's choice and grade, so the same answer sent again gets the same reply. */
    lastChoiceId: text("last_choice_id").notNull(),
    lastCorrect: integer("last_correct", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.learnerId, t.quizId, t.questionId] }), reviewedQuestion(t)],
);

/** Every review answered, in order, for the educator's Retention section and the exports. */
export const reviewAnswers = sqliteTable(
  "review_answers",
  {
    learnerId: text("learner_id").notNull(),
    quizId: integer("quiz_id").notNull(),
    questionId: text("question_id").notNull(),
    /** 1 for the learner's first review of the question, 2 for the next, and so on. */
    reviewNumber: integer("review_number").notNull(),
    choiceId: text("choice_id").notNull(),
    correct: integer("correct", { mode: "boolean" }).notNull(),
    reviewedAt: integer("reviewed_at").notNull(),
    /** When the question is due again after this review. */
    nextDueAt: integer("next_due_at").notNull(),
  },
  (t) => [
    // One row per review number: a review stored twice (a retried request) is stored once.
    primaryKey({ columns: [t.learnerId, t.quizId, t.questionId, t.reviewNumber] }),
    reviewedQuestion(t),
    index("review_answers_quiz_question").on(t.quizId, t.questionId),
  ],
);

export type ReviewCardRow = typeof reviewCards.$inferSelect;
export type ReviewAnswerRow = typeof reviewAnswers.$inferSelect;
