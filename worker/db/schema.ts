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
} from "drizzle-orm/sqlite-core";
import type { Choice, SourcePassage } from "../../questions/bank.ts";
import type { QuestionKind } from "../contract.ts";

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
  },
  (t) => [
    check("quizzes_status_check", sql`${t.status} in ('draft', 'published')`),
    // Bearer educator keys are resolved to their quiz by hash, once per request.
    index("quizzes_educator_key_hash").on(t.educatorKeyHash),
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

/*
 * Report counters: what a quiz's report shows over all its attempts, kept by triggers
 * (migrations/0004_report_counter_triggers.sql) on every insert, update and delete of attempts
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
    /** The quiz an educator key opened; null for an admin session (every quiz). */
    quizId: integer("quiz_id").references(() => quizzes.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("educator_sessions_expires").on(t.expiresAt)],
);

export type EducatorSessionRow = typeof educatorSessions.$inferSelect;
