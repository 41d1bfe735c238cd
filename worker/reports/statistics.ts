/**
 * The quiz report: attempt summary, score histogram, attempts over time, per-question item
 * statistics with automatic flags, and the latest learners. A whole quiz's figures come from
 * the report counters (worker/reports/counters.ts), which triggers keep in step with every write,
 * so the report costs the same over a thousand responses or a million; a report narrowed to a
 * group or a page aggregates the rows themselves in SQL here (window functions for ranks and
 * medians). Either way the Worker receives one row per question, per choice, per score or per
 * day — never every response — and both give the same figures for the same attempts.
 *
 * Definitions (also in docs/educators.md):
 * - facility: share of the question's responses that are correct (all responses of the
 *   filtered attempts, finished or not).
 * - discrimination (Kelley's D): finished attempts are ranked by score (ties broken by start
 *   time, then id); the top and bottom k = round(27% × n) form the upper and lower groups;
 *   D = (correct in upper − correct in lower) / k. A learner who skipped the question counts as
 *   not correct.
 * - point-biserial: Pearson correlation, over the finished attempts that answered the question,
 *   between answering it correctly (1/0) and the rest score (the attempt's score minus this
 *   question), so an item does not correlate with itself.
 * - time to answer: answered_at minus the attempt's previous answer (or its start, for the first
 *   answer), as stored with the response (ms_to_answer); the median over the question's
 *   responses, in seconds.
 */
import { asc, eq, type SQL, sql } from "drizzle-orm";
import { questions } from "../db/schema.ts";
import type { Database } from "../env.ts";
import { counterFigures, filterOptionsOf } from "./counters.ts";
import {
  type BiserialAggregate,
  type FilterOption,
  groupSize,
  type ItemAggregate,
  num,
  type ReportFigures,
  type Rounds,
  type SummaryFigures,
  thresholds,
  type UpperLower,
} from "./figures.ts";

export { type FilterOption, groupSize, type Rounds, roundKinds, thresholds } from "./figures.ts";

export interface ReportFilters {
  /** Only attempts started with this `group`. */
  group?: string | undefined;
  /** Only attempts started from this embedding page (URL without its fragment). */
  pageUrl?: string | undefined;
  /** Which rounds count (worker/reports/figures.ts): first attempts unless it says otherwise. */
  rounds?: Rounds | undefined;
}

export const flagKinds = [
  "too-easy",
  "too-hard",
  "negative-discrimination",
  "weak-discrimination",
  "unused-distractor",
] as const;
export type FlagKind = (typeof flagKinds)[number];

export interface Flag {
  kind: FlagKind;
  message: string;
}

export interface ChoiceStats {
  id: string;
  text: string;
  correct: boolean;
  picked: number;
  /** picked / responses; null without responses. */
  share: number | null;
}

export interface QuestionStats {
  id: string;
  position: number;
  prompt: string;
  status: "active" | "removed";
  answer: string;
  responses: number;
  correct: number;
  facility: number | null;
  discrimination: number | null;
  pointBiserial: number | null;
  medianSecondsToAnswer: number | null;
  choices: ChoiceStats[];
  flags: Flag[];
}

export interface LearnerAnswer {
  questionId: string;
  choiceId: string;
  correct: boolean;
}

export interface LearnerRow {
  attemptId: string;
  learnerId: string | null;
  learnerName: string | null;
  group: string | null;
  pageUrl: string | null;
  startedAt: string;
  finishedAt: string | null;
  score: number | null;
  maxScore: number | null;
  answers: LearnerAnswer[];
}

export interface QuizReport {
  filters: ReportFilters;
  summary: {
    attemptsStarted: number;
    attemptsFinished: number;
    completionRate: number | null;
    meanScore: number | null;
    medianScore: number | null;
    /** The score a finished attempt can reach (the largest seen, or today's question count). */
    maxScore: number;
    /** Mean of score / maxScore over finished attempts. */
    meanPercent: number | null;
  };
  /** Finished attempts per score, for every score from 0 to maxScore. */
  histogram: { score: number; attempts: number }[];
  /** Attempts started and finished per UTC day (days with none are left out). */
  timeline: { day: string; started: number; finished: number }[];
  /** Discrimination groups: finished attempts ranked, and the size k of each group. */
  discriminationGroups: { finishedAttempts: number; groupSize: number };
  questions: QuestionStats[];
  /** The latest attempts, newest first (at most `learnerLimit`; the CSV export has them all). */
  learners: LearnerRow[];
  /** Filter choices over all of the quiz's attempts, most used first. */
  options: { groups: FilterOption[]; pages: FilterOption[] };
}

/** Rows per learner table on the report; exports are not limited. */
export const learnerLimit = 200;

const dayMs = 86_400_000;

/** Filtered attempts of one quiz, as a WHERE condition on the alias `a`. */
export function attemptFilter(quizId: number, filters: ReportFilters): SQL {
  const parts: SQL[] = [sql`a.quiz_id = ${quizId}`];
  if (filters.group !== undefined) parts.push(sql`a.group_name = ${filters.group}`);
  if (filters.pageUrl !== undefined) parts.push(sql`a.page_url = ${filters.pageUrl}`);
  if (filters.rounds === "first") parts.push(sql`a.retry_of is null`);
  if (filters.rounds === "retries") parts.push(sql`a.retry_of is not null`);
  return sql.join(parts, sql` and `);
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
export const isoTime = (ms: number): string => new Date(ms).toISOString();

/**
 * Point-biserial of correctness against the rest score, from sums computed in SQL:
 * x = correct (0/1, so Σx² = Σx), y = score, rest = y − x for questions that count in the score.
 */
export function pointBiserial(agg: BiserialAggregate, countsInScore: boolean): number | null {
  const { n, sx } = agg;
  if (n < 2) return null;
  const sr = countsInScore ? agg.sy - sx : agg.sy;
  const srr = countsInScore ? agg.syy - 2 * agg.sxy + sx : agg.syy;
  const sxr = countsInScore ? agg.sxy - sx : agg.sxy;
  const varianceX = n * sx - sx * sx;
  const varianceR = n * srr - sr * sr;
  if (varianceX <= 0 || varianceR <= 0) return null;
  return (n * sxr - sx * sr) / Math.sqrt(varianceX * varianceR);
}

function flagsFor(q: Omit<QuestionStats, "flags">, finishedAttempts: number): Flag[] {
  const flags: Flag[] = [];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  if (q.facility !== null && q.responses >= thresholds.minResponses) {
    if (q.facility > thresholds.tooEasyAbove)
      flags.push({
        kind: "too-easy",
        message: `Too easy: ${pct(q.facility)} answered correctly (over ${pct(thresholds.tooEasyAbove)}).`,
      });
    if (q.facility < thresholds.tooHardBelow)
      flags.push({
        kind: "too-hard",
        message: `Too hard: only ${pct(q.facility)} answered correctly (under ${pct(thresholds.tooHardBelow)}).`,
      });
  }
  if (q.discrimination !== null && finishedAttempts >= thresholds.minFinishedAttempts) {
    if (q.discrimination < 0)
      flags.push({
        kind: "negative-discrimination",
        message: `Negative discrimination (D = ${q.discrimination.toFixed(2)}): weaker learners got it right more often than stronger ones. Check the key.`,
      });
    else if (q.discrimination < thresholds.weakDiscriminationBelow)
      flags.push({
        kind: "weak-discrimination",
        message: `Weak discrimination (D = ${q.discrimination.toFixed(2)}): it barely separates stronger from weaker learners.`,
      });
  }
  if (q.responses >= thresholds.minResponses) {
    for (const choice of q.choices) {
      if (!choice.correct && choice.picked === 0)
        flags.push({
          kind: "unused-distractor",
          message: `Nobody picked distractor ${choice.id.toUpperCase()} ("${choice.text}").`,
        });
    }
  }
  return flags;
}

async function medianOf(db: Database, values: SQL): Promise<number | null> {
  // `values` selects one column `v`; the median is the middle value, or the mean of the two middle ones.
  const rows = await db.all<{ m: number | null }>(sql`
    with vals as (select v from (${values}) where v is not null),
    ranked as (select v, row_number() over (order by v) as rn, count(*) over () as n from vals)
    select avg(v) as m from ranked where rn in ((n + 1) / 2, (n + 2) / 2)`);
  const m = rows[0]?.m;
  return m === null || m === undefined ? null : num(m);
}

/** The filtered attempts of one report, as SQL conditions every figure's query shares. */
interface Scope {
  db: Database;
  quizId: number;
  /** The filtered attempts (alias `a`). */
  where: SQL;
  /** The filtered attempts that are finished. */
  finished: SQL;
  /** The responses of the filtered attempts (alias `r`), as a FROM … WHERE clause. */
  responses: SQL;
}

function scopeOf(db: Database, quizId: number, filters: ReportFilters): Scope {
  const where = attemptFilter(quizId, filters);
  // Without filters (every round, any group and page), the attempts join is not needed at all.
  const filtered =
    filters.group !== undefined || filters.pageUrl !== undefined || filters.rounds !== "all";
  return {
    db,
    quizId,
    where,
    finished: sql`${where} and a.finished_at is not null`,
    responses: filtered
      ? sql`responses r join attempts a on a.id = r.attempt_id where r.quiz_id = ${quizId} and ${where}`
      : sql`responses r where r.quiz_id = ${quizId}`,
  };
}

/** Every question of the quiz, removed ones too (their responses still count in reports). */
export function allQuestionsOf(db: Database, quizId: number) {
  return db
    .select({
      id: questions.id,
      position: questions.position,
      prompt: questions.prompt,
      choices: questions.choices,
      answer: questions.answer,
      status: questions.status,
    })
    .from(questions)
    .where(eq(questions.quizId, quizId))
    .orderBy(asc(questions.position), asc(questions.id));
}
type ReportQuestion = Awaited<ReturnType<typeof allQuestionsOf>>[number];

async function summaryOf({ db, where }: Scope): Promise<SummaryFigures> {
  const rows = await db.all<SummaryFigures>(sql`
    select count(*) as started, count(a.finished_at) as finished,
      avg(case when a.finished_at is not null then a.score end) as meanScore,
      avg(case when a.finished_at is not null and a.max_score > 0
        then cast(a.score as real) / a.max_score end) as meanPercent,
      max(case when a.finished_at is not null then a.max_score end) as maxSeen
    from attempts a where ${where}`);
  const row = rows[0];
  return {
    started: num(row?.started),
    finished: num(row?.finished),
    meanScore: row?.meanScore == null ? null : num(row.meanScore),
    meanPercent: row?.meanPercent == null ? null : num(row.meanPercent),
    maxSeen: row?.maxSeen == null ? null : num(row.maxSeen),
  };
}

const medianScoreOf = ({ db, finished }: Scope) =>
  medianOf(db, sql`select a.score as v from attempts a where ${finished}`);

async function scoreCountsOf({ db, finished }: Scope): Promise<Map<number, number>> {
  const rows = await db.all<{ score: number; attempts: number }>(sql`
    select a.score as score, count(*) as attempts from attempts a
    where ${finished} and a.score is not null group by a.score order by a.score`);
  return new Map(rows.map((r) => [num(r.score), num(r.attempts)]));
}

/** Every score from 0 to the highest possible, with how many finished attempts have it. */
function histogramOf(counts: Map<number, number>, maxScore: number) {
  const top = Math.max(maxScore, ...counts.keys());
  return Array.from({ length: top + 1 }, (_, score) => ({
    score,
    attempts: counts.get(score) ?? 0,
  }));
}

async function daysOf({ db, where }: Scope): Promise<ReportFigures["days"]> {
  const rows = await db.all<{ day: number; started: number; finished: number }>(sql`
    select a.started_at / ${sql.raw(String(dayMs))} as day, count(*) as started,
      count(a.finished_at) as finished
    from attempts a where ${where} group by day order by day`);
  return rows.map((r) => ({ day: num(r.day), started: num(r.started), finished: num(r.finished) }));
}

async function itemsOf({ db, responses }: Scope): Promise<Map<string, ItemAggregate>> {
  const rows = await db.all<ItemAggregate>(sql`
    select r.question_id as questionId, count(*) as n, sum(r.correct) as correct
    from ${responses} group by r.question_id`);
  return new Map(rows.map((r) => [r.questionId, { ...r, n: num(r.n), correct: num(r.correct) }]));
}

/** How often each choice was picked, keyed by question id and choice id. */
async function picksOf({ db, responses }: Scope): Promise<Map<string, number>> {
  const rows = await db.all<{ questionId: string; choiceId: string; picked: number }>(sql`
    select r.question_id as questionId, r.choice_id as choiceId, count(*) as picked
    from ${responses} group by r.question_id, r.choice_id`);
  return new Map(rows.map((r) => [`${r.questionId}\n${r.choiceId}`, num(r.picked)]));
}

/** Correct answers per question in the upper and lower 27% of finished attempts by score. */
async function upperLowerOf({ db, finished }: Scope): Promise<Map<string | null, UpperLower>> {
  const rows = await db.all<UpperLower>(sql`
    with scored as (
      select a.id as id,
        row_number() over (order by a.score desc, a.started_at, a.id) as rk,
        count(*) over () as n
      from attempts a where ${finished}),
    banded as (
      select id, n, max(1, cast(${thresholds.groupShare} * n + 0.5 as integer)) as k, rk from scored),
    grouped as (
      select id, n, k, case when rk <= k then 1 when rk > n - k then -1 else 0 end as band
      from banded where n >= 2)
    select r.question_id as questionId,
      coalesce(sum(case when g.band = 1 then r.correct else 0 end), 0) as upper,
      coalesce(sum(case when g.band = -1 then r.correct else 0 end), 0) as lower
    from grouped g left join responses r on r.attempt_id = g.id
    where g.band <> 0 group by r.question_id`);
  return new Map(rows.map((r) => [r.questionId, r]));
}

async function biserialOf({ db, quizId, finished }: Scope) {
  const rows = await db.all<BiserialAggregate>(sql`
    select r.question_id as questionId, count(*) as n, sum(r.correct) as sx,
      sum(a.score) as sy, sum(a.score * a.score) as syy, sum(r.correct * a.score) as sxy
    from responses r join attempts a on a.id = r.attempt_id
    where r.quiz_id = ${quizId} and ${finished} group by r.question_id`);
  return new Map(
    rows.map((r) => [
      r.questionId,
      { ...r, n: num(r.n), sx: num(r.sx), sy: num(r.sy), syy: num(r.syy), sxy: num(r.sxy) },
    ]),
  );
}

/** Median milliseconds from the attempt's previous answer (or its start) to this one. */
async function answerTimesOf({ db, quizId, where }: Scope): Promise<Map<string, number>> {
  const rows = await db.all<{ questionId: string; medianMs: number }>(sql`
    with d as (
      select r.question_id as q, r.ms_to_answer as dt
      from responses r join attempts a on a.id = r.attempt_id
      where r.quiz_id = ${quizId} and ${where} and r.ms_to_answer is not null),
    ranked as (
      select q, dt, row_number() over (partition by q order by dt) as rn,
        count(*) over (partition by q) as n from d)
    select q as questionId, avg(dt) as medianMs from ranked
    where rn in ((n + 1) / 2, (n + 2) / 2) group by q`);
  return new Map(rows.map((r) => [r.questionId, num(r.medianMs)]));
}

/** A narrowed report's figures, aggregated from the rows (each figure its own query). */
async function rowFigures(scope: Scope): Promise<ReportFigures> {
  const [summary, medianScore, scoreCounts, days, items, picks, upperLower, biserial, times] =
    await Promise.all([
      summaryOf(scope),
      medianScoreOf(scope),
      scoreCountsOf(scope),
      daysOf(scope),
      itemsOf(scope),
      picksOf(scope),
      upperLowerOf(scope),
      biserialOf(scope),
      answerTimesOf(scope),
    ]);
  return { summary, medianScore, scoreCounts, days, items, picks, upperLower, biserial, times };
}

/** An attempt's own columns, as the report and the exports select them (`attemptColumns`). */
export interface AttemptColumns {
  id: string;
  learnerId: string | null;
  learnerName: string | null;
  groupName: string | null;
  pageUrl: string | null;
  startedAt: number;
  finishedAt: number | null;
  score: number | null;
  maxScore: number | null;
}

/** The select list for `AttemptColumns` from the attempts table under `alias`. */
export const attemptColumns = (alias: string): SQL => {
  const a = sql.raw(alias);
  return sql`${a}.id as id, ${a}.learner_id as learnerId, ${a}.learner_name as learnerName,
    ${a}.group_name as groupName, ${a}.page_url as pageUrl, ${a}.started_at as startedAt,
    ${a}.finished_at as finishedAt, ${a}.score as score, ${a}.max_score as maxScore`;
};

type LearnerQueryRow = AttemptColumns & { answers: string | null };

async function learnersOf({ db, where }: Scope): Promise<LearnerRow[]> {
  const rows = await db.all<LearnerQueryRow>(sql`
    select ${attemptColumns("a")},
      (select group_concat(r.question_id || ':' || r.choice_id || ':' || r.correct, ';')
        from responses r where r.attempt_id = a.id) as answers
    from attempts a where ${where}
    order by a.started_at desc, a.id desc limit ${learnerLimit}`);
  return rows.map((r) => ({
    attemptId: r.id,
    learnerId: r.learnerId,
    learnerName: r.learnerName,
    group: r.groupName,
    pageUrl: r.pageUrl,
    startedAt: isoTime(num(r.startedAt)),
    finishedAt: r.finishedAt === null ? null : isoTime(num(r.finishedAt)),
    score: r.score,
    maxScore: r.maxScore,
    answers: parseAnswers(r.answers),
  }));
}

interface ItemFigures extends ReportFigures {
  /** Size of the upper and lower groups (0: too few finished attempts). */
  k: number;
  finishedAttempts: number;
}

function questionStatsOf(q: ReportQuestion, f: ItemFigures): QuestionStats {
  const item = f.items.get(q.id);
  const responses = num(item?.n);
  const correct = num(item?.correct);
  const ul = f.upperLower.get(q.id);
  const bis = f.biserial.get(q.id);
  const medianMs = f.times.get(q.id);
  const stats: Omit<QuestionStats, "flags"> = {
    id: q.id,
    position: q.position,
    prompt: q.prompt,
    status: q.status,
    answer: q.answer,
    responses,
    correct,
    facility: ratio(correct, responses),
    discrimination: f.k > 0 ? (num(ul?.upper) - num(ul?.lower)) / f.k : null,
    pointBiserial: bis ? pointBiserial(bis, q.status === "active") : null,
    medianSecondsToAnswer: medianMs === undefined ? null : medianMs / 1000,
    choices: q.choices.map((choice) => {
      const picked = f.picks.get(`${q.id}\n${choice.id}`) ?? 0;
      return {
        id: choice.id,
        text: choice.text,
        correct: choice.id === q.answer,
        picked,
        share: ratio(picked, responses),
      };
    }),
  };
  return { ...stats, flags: flagsFor(stats, f.finishedAttempts) };
}

/**
 * The whole report for one quiz, narrowed by the filters (first attempts unless `rounds` says
 * otherwise): from the counters for the whole quiz, from the rows when narrowed to a group or
 * page. `source: "rows"` aggregates the rows in any case: the reference the counters are checked
 * against (test/worker/report-counters.test.ts).
 */
export async function reportFor(
  db: Database,
  quizId: number,
  requested: ReportFilters = {},
  source: "auto" | "rows" = "auto",
): Promise<QuizReport> {
  const filters: ReportFilters = { ...requested, rounds: requested.rounds ?? "first" };
  const rounds = filters.rounds ?? "first";
  const scope = scopeOf(db, quizId, filters);
  const whole = source === "auto" && filters.group === undefined && filters.pageUrl === undefined;
  const [questionRows, learners, options, figures] = await Promise.all([
    allQuestionsOf(scope.db, scope.quizId),
    learnersOf(scope),
    filterOptionsOf(db, quizId),
    whole ? counterFigures(db, quizId, rounds) : rowFigures(scope),
  ]);
  const { started, finished } = figures.summary;
  const activeCount = questionRows.filter((q) => q.status === "active").length;
  const maxScore = Math.max(activeCount, figures.summary.maxSeen ?? 0);
  const itemFigures = { ...figures, k: groupSize(finished), finishedAttempts: finished };
  return {
    filters,
    summary: {
      attemptsStarted: started,
      attemptsFinished: finished,
      completionRate: ratio(finished, started),
      meanScore: figures.summary.meanScore,
      medianScore: figures.medianScore,
      maxScore,
      meanPercent: figures.summary.meanPercent,
    },
    histogram: histogramOf(figures.scoreCounts, maxScore),
    timeline: figures.days.map((d) => ({
      day: isoTime(d.day * dayMs).slice(0, 10),
      started: d.started,
      finished: d.finished,
    })),
    discriminationGroups: { finishedAttempts: finished, groupSize: itemFigures.k },
    // Removed questions stay in the report only while they have responses to show.
    questions: questionRows
      .filter((q) => q.status === "active" || figures.items.has(q.id))
      .map((q) => questionStatsOf(q, itemFigures)),
    learners,
    options,
  };
}

function parseAnswers(packed: string | null): LearnerAnswer[] {
  if (!packed) return [];
  return packed.split(";").map((part) => {
    const [questionId = "", choiceId = "", correct = "0"] = part.split(":");
    return { questionId, choiceId, correct: correct === "1" };
  });
}
