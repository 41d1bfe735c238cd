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
 * review figures say how much of what was missed came back. Aggregated in SQL, one row per
 * question.
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

interface Row {
  questionId: string;
  learners: number;
  correct: number;
  cameBack: number;
  reviews: number;
  reviewLearners: number;
  reviewCorrect: number;
  weekLearners: number;
  weekCorrect: number;
}

/** The first tries of the quiz's learners in the filter (`f`) and their reviews (`rv`). */
function pairs(quizId: number, filters: ReportFilters): SQL {
  const wanted: SQL[] = [sql`rn = 1`];
  if (filters.group !== undefined) wanted.push(sql`group_name = ${filters.group}`);
  if (filters.pageUrl !== undefined) wanted.push(sql`page_url = ${filters.pageUrl}`);
  return sql`
    with firsts as (
      select a.learner_id as learner, r.question_id as q, r.correct as correct,
        r.answered_at as at, a.group_name as group_name, a.page_url as page_url,
        row_number() over (partition by a.learner_id, r.question_id
          order by r.answered_at, r.attempt_id) as rn
      from responses r join attempts a on a.id = r.attempt_id
      where r.quiz_id = ${quizId} and a.learner_id is not null),
    f as (select learner, q, correct, at from firsts where ${sql.join(wanted, sql` and `)}),
    rv as (
      select f.learner as learner, f.q as q, v.review_number as n, v.correct as correct,
        v.reviewed_at - f.at as after
      from f join review_answers v
        on v.quiz_id = ${quizId} and v.learner_id = f.learner and v.question_id = f.q),
    firstAfter as (
      select learner, q, correct, after,
        row_number() over (partition by learner, q order by n) as k
      from rv where after >= ${dayMs}),
    weekAfter as (
      select learner, q, correct,
        row_number() over (partition by learner, q order by n) as k
      from rv where after >= ${weekMs})`;
}

async function rowsOf(db: Database, quizId: number, filters: ReportFilters) {
  const base = pairs(quizId, filters);
  const [perQuestion, totals] = await Promise.all([
    db.all<Row>(sql`${base}
      select f.q as questionId, count(*) as learners, sum(f.correct) as correct,
        coalesce(b.cameBack, 0) as cameBack, coalesce(b.reviews, 0) as reviews,
        coalesce(d.n, 0) as reviewLearners, coalesce(d.c, 0) as reviewCorrect,
        coalesce(w.n, 0) as weekLearners, coalesce(w.c, 0) as weekCorrect
      from f
        left join (select q, count(distinct learner) as cameBack, count(*) as reviews
          from rv group by q) b on b.q = f.q
        left join (select q, count(*) as n, sum(correct) as c from firstAfter where k = 1
          group by q) d on d.q = f.q
        left join (select q, count(*) as n, sum(correct) as c from weekAfter where k = 1
          group by q) w on w.q = f.q
      group by f.q`),
    db.get<{ learners: number; cameBack: number }>(sql`${base}
      select (select count(distinct learner) from f) as learners,
        (select count(distinct learner) from rv) as cameBack`),
  ]);
  return { perQuestion: new Map(perQuestion.map((r) => [r.questionId, r])), totals };
}

/** The Retention section of one quiz's report. */
export async function retentionFor(
  db: Database,
  quizId: number,
  filters: ReportFilters = {},
): Promise<QuizRetention> {
  const [questionRows, { perQuestion, totals }] = await Promise.all([
    allQuestionsOf(db, quizId),
    rowsOf(db, quizId, filters),
  ]);
  const questions = questionRows
    .filter((q) => q.status === "active" || perQuestion.has(q.id))
    .map((q): QuestionRetention => {
      const r = perQuestion.get(q.id);
      const learners = r?.learners ?? 0;
      const correct = r?.correct ?? 0;
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
    learners: totals?.learners ?? 0,
    learnersCameBack: totals?.cameBack ?? 0,
    reviews: [...perQuestion.values()].reduce((total, r) => total + r.reviews, 0),
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
