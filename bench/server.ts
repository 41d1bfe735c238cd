/**
 * The bench's server: the real worker in workerd through miniflare (scripts/lib/miniflare.ts) on a
 * free loopback port over its own local D1 in a temporary folder, with the real migrations and
 * every bank seeded as `npm start` seeds them, plus bench data written with set-based SQL
 * (recursive CTEs, 5,000 attempts to a statement): attempt pools for fresh answer and finish
 * writes, ten-question copies of the seed quiz holding 100k, 300k and 1M generated responses for
 * the report, and empty ten-question copies for the load run's readers.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { type LocalD1, startLocalWorker } from "../scripts/lib/miniflare.ts";
import { readBanks } from "../scripts/lib/seed.ts";
import { attemptId as attemptIdOf } from "./lib/load.ts";

export const seedSlug = "pakistan-russia-75-years";
export const answerPrefix = "a0000000";
export const finishPrefix = "f0000000";

export interface ReportQuiz {
  slug: string;
  responses: number;
}

export interface BenchServer {
  origin: string;
  adminToken: string;
  slug: string;
  questionIds: string[];
  answerAttempts: number;
  finishAttempts: number;
  reportQuizzes: ReportQuiz[];
  /** Published ten-question quizzes with no attempts, for the load run's readers. */
  loadQuizzes: string[];
  /** The local D1, for recounting after a run. */
  db: LocalD1;
  /** The database file's size once seeded (D1's `size_after`). */
  databaseBytes: number;
  /** Seconds spent preparing the database and starting the server. */
  setupSeconds: number;
  stop(): Promise<void>;
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Attempts `<prefix>-0000-4000-8000-<n hex>` for n in [0, count) on the seed quiz. */
function poolSql(prefix: string, count: number, now: number): string {
  return `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${count})
INSERT INTO attempts (id, quiz_id, learner_id, group_name, started_at)
SELECT printf('${prefix}-0000-4000-8000-%012x', i), (SELECT id FROM quizzes WHERE slug = ${q(seedSlug)}),
  printf('bench-%08d', i), 'bench', ${now}
FROM n`;
}

/**
 * Answers every active question of the attempts whose id starts with `prefix` (at most `limit`
 * responses): mostly right for early questions, less so later, the wrong picks spread over the
 * other choices, times spread over the attempt.
 */
function responsesSql(where: string, limit: number): string {
  return `INSERT INTO responses (attempt_id, quiz_id, question_id, choice_id, correct, answered_at)
SELECT attempt_id, quiz_id, question_id, choice_id, choice_id = answer, answered_at FROM (
  SELECT a.id AS attempt_id, a.quiz_id AS quiz_id, k.id AS question_id, k.answer AS answer,
    CASE WHEN (a.rowid * 7919 + k.position * 104729) % 100 < 85 - k.position * 7 THEN k.answer
      ELSE json_extract(k.choices, '$[' || ((a.rowid * 31 + k.position * 17) % json_array_length(k.choices)) || '].id')
    END AS choice_id,
    a.started_at + (k.position + 1) * 20000 + (a.rowid * 37) % 15000 AS answered_at
  FROM attempts a JOIN questions k ON k.quiz_id = a.quiz_id AND k.status = 'active'
  WHERE ${where}
  ORDER BY a.rowid, k.position
  LIMIT ${limit}
)`;
}

/** [first, end) ranges of `count` items, `size` at a time. */
function ranges(count: number, size: number): [number, number][] {
  return Array.from({ length: Math.ceil(count / size) }, (_, i) => [
    i * size,
    Math.min(count, (i + 1) * size),
  ]);
}

/**
 * Attempts, and then responses, in statements of this many attempts: every row runs the report
 * counters' triggers, and one statement over a million rows would outlast the local D1's limit.
 */
const attemptsPerStatement = 5000;

/** Questions of the report quizzes: the seed quiz's active ones and, if short of ten, copies. */
export const reportQuestionCount = 10;

/** A published copy of the seed quiz with ten questions (its active ones, then copies). */
function quizCopySql(slug: string): string[] {
  const id = `(SELECT id FROM quizzes WHERE slug = ${q(slug)})`;
  return [
    `INSERT INTO quizzes (slug, title, source_url, article_hash, locale, status, allowed_origins, settings, created_at)
SELECT ${q(slug)}, title, source_url, article_hash, locale, 'published', allowed_origins, settings, created_at
FROM quizzes WHERE slug = ${q(seedSlug)}`,
    `WITH RECURSIVE seed AS (SELECT * FROM questions
  WHERE quiz_id = (SELECT id FROM quizzes WHERE slug = ${q(seedSlug)}) AND status = 'active'),
copies(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM copies WHERE n < ${reportQuestionCount})
INSERT INTO questions (quiz_id, id, position, type, prompt, choices, answer, explanation, source, status)
SELECT ${id}, CASE WHEN c.n = 0 THEN s.id ELSE s.id || '-' || c.n END,
  c.n * (SELECT count(*) FROM seed) + s.position, s.type, s.prompt, s.choices, s.answer,
  s.explanation, s.source, 'active'
FROM seed s, copies c
ORDER BY c.n, s.position LIMIT ${reportQuestionCount}`,
  ];
}

/**
 * A ten-question copy of the seed quiz with `responses` generated responses over its attempts (a
 * million is 100k attempts × 10 questions). As a real quiz fills: attempts start, their
 * responses come in, then 90% of them finish (so the report counters' triggers run as they do
 * for learners, each attempt moved once when it finishes).
 */
function reportQuizSql(quiz: ReportQuiz, now: number): string[] {
  const attempts = Math.ceil(quiz.responses / reportQuestionCount);
  const id = `(SELECT id FROM quizzes WHERE slug = ${q(quiz.slug)})`;
  const t0 = now - attempts * 60_000;
  // The quiz's attempts are inserted together, so their rowids are consecutive from `firstRow`.
  const firstRow = `(SELECT min(rowid) FROM attempts WHERE quiz_id = ${id})`;
  const rowRange = ([from, to]: [number, number]) =>
    `a.quiz_id = ${id} AND a.rowid >= ${firstRow} + ${from} AND a.rowid < ${firstRow} + ${to}`;
  const chunks = ranges(attempts, attemptsPerStatement);
  return [
    ...quizCopySql(quiz.slug),
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${attempts})
INSERT INTO attempts (id, quiz_id, learner_id, learner_name, group_name, page_url, started_at)
SELECT printf('%08x-0000-4000-9000-%012x', z.id, i), z.id, printf('learner-%08d', i),
  CASE WHEN i % 3 = 0 THEN printf('Learner %d', i) END, printf('group-%d', i % 4),
  printf('https://blog.example/post-%d', i % 3), ${t0} + i * 60000
FROM n, (SELECT id FROM quizzes WHERE slug = ${q(quiz.slug)}) z`,
    ...chunks.map(([from, to]) =>
      responsesSql(
        rowRange([from, to]),
        Math.min(quiz.responses - from * reportQuestionCount, (to - from) * reportQuestionCount),
      ),
    ),
    ...chunks.map(
      (range) => `UPDATE attempts AS a SET finished_at = started_at + 240000,
  score = (SELECT count(*) FROM responses r WHERE r.attempt_id = a.id AND r.correct = 1),
  max_score = ${reportQuestionCount}
WHERE ${rowRange(range)} AND CAST(substr(learner_id, 9) AS INTEGER) % 10 < 9`,
    ),
  ];
}

/**
 * A copy of the responses table with its keys and indexes but none of the report counters'
 * triggers: the floor's answer write into it prices the counters (bench/floors/worker.ts).
 */
const plainResponsesSql = [
  `CREATE TABLE responses_plain (
  attempt_id text NOT NULL REFERENCES attempts(id) ON DELETE cascade,
  quiz_id integer NOT NULL,
  question_id text NOT NULL,
  choice_id text NOT NULL,
  correct integer NOT NULL,
  answered_at integer NOT NULL,
  ms_to_answer integer,
  PRIMARY KEY (attempt_id, question_id),
  FOREIGN KEY (quiz_id, question_id) REFERENCES questions(quiz_id, id) ON DELETE cascade
)`,
  "CREATE INDEX responses_plain_quiz_question_time ON responses_plain (quiz_id, question_id, ms_to_answer)",
  "CREATE INDEX responses_plain_quiz_attempt_answered ON responses_plain (quiz_id, attempt_id, answered_at)",
];

/** The finish pool's responses, a range of its attempts (by id) at a time. */
function finishPoolResponsesSql(attempts: number, questionCount: number): string[] {
  return ranges(attempts, attemptsPerStatement).map(([from, to]) =>
    responsesSql(
      `a.id >= '${attemptIdOf(finishPrefix, from)}' AND a.id < '${attemptIdOf(finishPrefix, to)}'`,
      (to - from) * questionCount,
    ),
  );
}

export async function startBenchServer(options: {
  tmp: string;
  /** Attempt pools for the fresh writes, sized from the seed quiz's question count. */
  pools: (questionCount: number) => { answerAttempts: number; finishAttempts: number };
  reportSizes: number[];
  /** How many quizzes the load run spreads its readers over (none: no load run). */
  loadQuizzes?: number;
}): Promise<BenchServer> {
  const t0 = performance.now();
  const adminToken = randomBytes(24).toString("base64url");
  const worker = await startLocalWorker({
    persistTo: path.join(options.tmp, "d1"),
    vars: { ADMIN_TOKEN: adminToken },
    floors: true,
  });
  const banks = await readBanks();
  const seed = banks.find((b) => b.slug === seedSlug);
  if (!seed) throw new Error(`questions/banks/${seedSlug}.json is missing`);
  const questionIds = seed.bank.questions.map((x) => x.id);
  const { answerAttempts, finishAttempts } = options.pools(questionIds.length);
  const now = Date.now();
  const reportQuizzes = options.reportSizes.map((responses) => ({
    slug: `bench-report-${responses >= 1000 ? `${responses / 1000}k` : responses}`,
    responses,
  }));
  const loadQuizzes = Array.from(
    { length: options.loadQuizzes ?? 0 },
    (_, i) => `bench-load-${String(i + 1).padStart(2, "0")}`,
  );
  const statements = [
    ...plainResponsesSql,
    poolSql(answerPrefix, answerAttempts, now),
    poolSql(finishPrefix, finishAttempts, now),
    // Finishing scores an attempt from its responses, so the finish pool has them all.
    ...finishPoolResponsesSql(finishAttempts, questionIds.length),
    ...reportQuizzes.flatMap((quiz) => reportQuizSql(quiz, now)),
    ...loadQuizzes.flatMap((slug) => quizCopySql(slug)),
  ];
  // Through the worker's own D1 binding, in order (each statement sees the ones before it).
  let databaseBytes = 0;
  for (const statement of statements) {
    databaseBytes = (await worker.db.prepare(statement).run()).meta.size_after;
  }
  return {
    origin: worker.origin,
    adminToken,
    slug: seedSlug,
    questionIds,
    answerAttempts,
    finishAttempts,
    reportQuizzes,
    loadQuizzes,
    db: worker.db,
    databaseBytes,
    setupSeconds: (performance.now() - t0) / 1000,
    stop: () => worker.stop(),
  };
}
