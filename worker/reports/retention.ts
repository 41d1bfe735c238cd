/**
 * The report's Retention section: what learners still knew when they came back to review.
 * Counted over (learner, question) pairs of one quiz, for learners with a learner id:
 *
 * - first try: the learner's earliest response to the question, over all their attempts (the
 *   group and page filters apply to the attempt holding it; rounds do not: a retry round is
 *   never a first try).
 * - came back: learners who answered at least one review of the question.
 * - first review: the pair's first review answered one day or more after the first try.
 * - remembered after a week: over the pairs with a review answered seven days or more after the
 *   first try, the share whose first such review was right (the quiz figure counts every
 *   question's pairs together).
 *
 * Only missed questions are scheduled, so every reviewed pair began with a wrong first try: the
 * review figures say how much of what was missed came back. The first tries are kept as answers
 * arrive (first_tries, with its counters first_try_counts and first_try_learners, by the triggers
 * of migrations/0008_first_try_triggers.sql): the whole quiz reads the counters, a group or page
 * the first tries of its attempts. The review figures are aggregated in SQL from the reviewed
 * pairs only (few, beside the responses).
 */
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../env.ts";
import type { CsvValue } from "./csv.ts";
import { allQuestionsOf, type ReportFilters } from "./statistics.ts";

const dayMs = 86_400_000;
/** Reviews this long after the first try or later count for "remembered after a week". */
export const weekMs = 7 * dayMs;

export interface RetentionFigure {
  /** (learner, question) pairs counted. */
  learners: number;
  correct: number;
  /** correct / learners; null without pairs. */
  rate: number | null;
}

export interface QuestionRetention {
  id: string;
  position: number;
  prompt: string;
  status: "active" | "removed";
  firstTry: RetentionFigure;
  missedFirstTry: number;
  cameBack: number;
  firstReview: RetentionFigure;
  afterWeek: RetentionFigure;
}

export interface QuizRetention {
  /** Learners with a first try at any question of the quiz (in the filter). */
  learners: number;
  /** Of them, learners who answered at least one review. */
  learnersCameBack: number;
  reviews: number;
  rememberedAfterWeek: RetentionFigure;
  questions: QuestionRetention[];
}

const figure = (learners: number, correct: number): RetentionFigure => ({
  learners,
  correct,
  rate: learners > 0 ? correct / learners : null,
});

interface FirstTryRow {
  /** null on the totals row. */
  questionId: string | null;
  learners: number;
  correct: number;
}

interface ReviewRow {
  /** null on the totals row (whose `cameBack` counts distinct learners over all questions). */
  questionId: string | null;
  cameBack: number;
  reviews: number;
  reviewLearners: number;
  reviewCorrect: number;
  weekLearners: number;
  weekCorrect: number;
}

/** The group and page filters, on a first try's attempt columns `group_name` and `page_url`. */
function filterCondition(filters: ReportFilters): SQL {
  const wanted: SQL[] = [sql`1 = 1`];
  if (filters.group !== undefined) wanted.push(sql`group_name = ${filters.group}`);
  if (filters.pageUrl !== undefined) wanted.push(sql`page_url = ${filters.pageUrl}`);
  return sql.join(wanted, sql` and `);
}

/** The whole quiz's first tries, from the counters: a few rows whatever the number of responses. */
function countedFirstTriesOf(db: Database, quizId: number) {
  return db.all<FirstTryRow>(sql`
    select question_id as questionId, learners, correct from first_try_counts
    where quiz_id = ${quizId} and learners > 0
    union all
    select null, learners, 0 from first_try_learners where quiz_id = ${quizId}`);
}

/** The first tries kept in first_tries, in the group and page filters. */
function keptFirstTriesOf(db: Database, quizId: number, filters: ReportFilters) {
  return db.all<FirstTryRow>(sql`
    with f as materialized (
      select t.learner_id as learner, t.question_id as q, t.correct as correct
      from first_tries t join attempts a on a.id = t.attempt_id
      where t.quiz_id = ${quizId} and ${filterCondition(filters)})
    select q as questionId, count(*) as learners, sum(correct) as correct from f group by q
    union all
    select null, count(distinct learner), 0 from f`);
}

/**
 * The first try of every (learner, question) pair worked out from the responses alone (their
 * earliest by answer time, then storage order), without first_tries: the reference the counters
 * and first_tries are checked against (test/worker/report-counters.test.ts).
 */
function recomputedFirstTriesOf(db: Database, quizId: number, filters: ReportFilters) {
  return db.all<FirstTryRow>(sql`
    with f as materialized (
      select * from (
        select a.learner_id as learner, r.question_id as q, r.correct as correct,
          a.group_name as group_name, a.page_url as page_url,
          row_number() over (
            partition by a.learner_id, r.question_id order by r.answered_at, r.rowid) as k
        from responses r join attempts a on a.id = r.attempt_id
        where r.quiz_id = ${quizId} and a.learner_id is not null)
      where k = 1 and ${filterCondition(filters)})
    select q as questionId, count(*) as learners, sum(correct) as correct from f group by q
    union all
    select null, count(distinct learner), 0 from f`);
}

/** Where the first tries come from: see `retentionFor`. */
export type RetentionSource = "auto" | "kept" | "rows";

function firstTriesOf(
  db: Database,
  quizId: number,
  filters: ReportFilters,
  source: RetentionSource,
) {
  if (source === "rows") return recomputedFirstTriesOf(db, quizId, filters);
  const whole = filters.group === undefined && filters.pageUrl === undefined;
  return whole && source === "auto"
    ? countedFirstTriesOf(db, quizId)
    : keptFirstTriesOf(db, quizId, filters);
}

/**
 * The review figures, from the pairs that have reviews (few, beside the responses): each pair's
 * first try is read from first_tries (its time, and its attempt for the filters), then its
 * reviews in order.
 */
function reviewsOf(db: Database, quizId: number, filters: ReportFilters) {
  return db.all<ReviewRow>(sql`
    with pairs as (
      select distinct learner_id, question_id from review_answers where quiz_id = ${quizId}),
    ft as (
      select t.learner_id as learner, t.question_id as q, t.answered_at as at
      from pairs p
        join first_tries t on t.quiz_id = ${quizId} and t.learner_id = p.learner_id
          and t.question_id = p.question_id
        join attempts a on a.id = t.attempt_id
      where ${filterCondition(filters)}),
    rv as materialized (
      select ft.learner as learner, ft.q as q, v.review_number as n, v.correct as correct,
        v.reviewed_at - ft.at as after
      from ft join review_answers v
        on v.quiz_id = ${quizId} and v.learner_id = ft.learner and v.question_id = ft.q),
    firstAfter as (
      select q, correct, row_number() over (partition by learner, q order by n) as k
      from rv where after >= ${dayMs}),
    weekAfter as (
      select q, correct, row_number() over (partition by learner, q order by n) as k
      from rv where after >= ${weekMs}),
    b as (select q, count(distinct learner) as cameBack, count(*) as reviews from rv group by q),
    d as (select q, count(*) as n, sum(correct) as c from firstAfter where k = 1 group by q),
    w as (select q, count(*) as n, sum(correct) as c from weekAfter where k = 1 group by q)
    select b.q as questionId, b.cameBack as cameBack, b.reviews as reviews,
      coalesce(d.n, 0) as reviewLearners, coalesce(d.c, 0) as reviewCorrect,
      coalesce(w.n, 0) as weekLearners, coalesce(w.c, 0) as weekCorrect
    from b left join d on d.q = b.q left join w on w.q = b.q
    union all
    select null, count(distinct learner), count(*), 0, 0, 0, 0 from rv`);
}

/**
 * The Retention section of one quiz's report. Its first tries come from the counters for the
 * whole quiz and from first_tries when narrowed to a group or page; `"kept"` reads first_tries in
 * any case and `"rows"` works them out from the responses alone (the reference the tests check
 * the others against).
 */
export async function retentionFor(
  db: Database,
  quizId: number,
  filters: ReportFilters = {},
  source: RetentionSource = "auto",
): Promise<QuizRetention> {
  const [questionRows, firstTries, reviewRows] = await Promise.all([
    allQuestionsOf(db, quizId),
    firstTriesOf(db, quizId, filters, source),
    reviewsOf(db, quizId, filters),
  ]);
  const tries = new Map(firstTries.map((r) => [r.questionId, r]));
  const reviews = new Map(reviewRows.map((r) => [r.questionId, r]));
  const questions = questionRows
    .filter((q) => q.status === "active" || tries.has(q.id))
    .map((q): QuestionRetention => {
      const t = tries.get(q.id);
      const r = reviews.get(q.id);
      const learners = t?.learners ?? 0;
      const correct = t?.correct ?? 0;
      return {
        id: q.id,
        position: q.position,
        prompt: q.prompt,
        status: q.status,
        firstTry: figure(learners, correct),
        missedFirstTry: learners - correct,
        cameBack: r?.cameBack ?? 0,
        firstReview: figure(r?.reviewLearners ?? 0, r?.reviewCorrect ?? 0),
        afterWeek: figure(r?.weekLearners ?? 0, r?.weekCorrect ?? 0),
      };
    });
  const sum = (pick: (q: QuestionRetention) => number) =>
    questions.reduce((total, q) => total + pick(q), 0);
  return {
    learners: tries.get(null)?.learners ?? 0,
    learnersCameBack: reviews.get(null)?.cameBack ?? 0,
    reviews: reviews.get(null)?.reviews ?? 0,
    rememberedAfterWeek: figure(
      sum((q) => q.afterWeek.learners),
      sum((q) => q.afterWeek.correct),
    ),
    questions,
  };
}

export const retentionCsvHeader = [
  "question_id",
  "question_number",
  "question",
  "status",
  "first_try_learners",
  "first_try_correct",
  "first_try_rate",
  "missed_first_try",
  "came_back",
  "first_review_learners",
  "first_review_correct",
  "first_review_rate",
  "after_week_learners",
  "after_week_correct",
  "after_week_rate",
] as const;

/** One CSV row per question, in the order of `retentionCsvHeader`. */
export const retentionCsvRows = (retention: QuizRetention): CsvValue[][] =>
  retention.questions.map((q) => [
    q.id,
    q.position + 1,
    q.prompt,
    q.status,
    q.firstTry.learners,
    q.firstTry.correct,
    q.firstTry.rate,
    q.missedFirstTry,
    q.cameBack,
    q.firstReview.learners,
    q.firstReview.correct,
    q.firstReview.rate,
    q.afterWeek.learners,
    q.afterWeek.correct,
    q.afterWeek.rate,
  ]);
