/**
 * A whole quiz's report figures from the report counters (worker/db/schema.ts, kept by the
 * triggers of migrations/0006_report_counter_triggers.sql), so a report over a million responses
 * reads a few hundred counter rows instead of the responses: two D1 batches, whatever the size.
 *
 * Two figures need a few rows beyond the counters, and read only those:
 * - discrimination: the counters give correct answers per attempt score and start day, so whole
 *   score bands (and, in the band the 27% boundary cuts, whole days) are summed; only the
 *   attempts of the one day the cut falls in (ties ranked by start time, then id) are read.
 * - the median time to answer: the counters give responses per whole second, which locate the
 *   middle responses; the exact values are then read at that offset of the
 *   (quiz, question, ms_to_answer) index, within that second.
 */
import { type SQL, sql } from "drizzle-orm";
import { readBatch } from "../db/client.ts";
import type { Database } from "../env.ts";
import {
  type BiserialAggregate,
  type FilterOption,
  groupSize,
  type ItemAggregate,
  medianOfCounts,
  num,
  type ReportFigures,
  type Rounds,
  type UpperLower,
} from "./figures.ts";

const dayMs = 86_400_000;

const retryValues: Record<Rounds, string> = { first: "(0)", retries: "(1)", all: "(0, 1)" };

/** The rounds as a condition on the attempts table under the alias `a`. */
const roundCondition: Record<Rounds, SQL> = {
  first: sql`a.retry_of is null`,
  retries: sql`a.retry_of is not null`,
  all: sql`1`,
};

interface ScoreRow {
  finished: number;
  score: number;
  maxScore: number;
  attempts: number;
}

interface DayRow {
  day: number;
  started: number;
  finished: number;
}

interface ChoiceRow {
  questionId: string;
  choiceId: string;
  responses: number;
  correct: number;
}

interface ScoreItemRow {
  score: number;
  questionId: string;
  responses: number;
  correct: number;
}

/** A second holding one of a question's middle responses: `before` responses come earlier. */
interface MiddleSecond {
  questionId: string;
  second: number;
  before: number;
  total: number;
}

/** Filter choices over all of the quiz's attempts (not only the filtered ones), most used first. */
export async function filterOptionsOf(
  db: Database,
  quizId: number,
): Promise<{ groups: FilterOption[]; pages: FilterOption[] }> {
  const options = (kind: "group" | "page") => sql`
      select value_key as valueKey, attempts from report_filter_counts
      where quiz_id = ${quizId} and kind = ${kind} and attempts > 0
      order by attempts desc, value_key limit 100`;
  const [groups = [], pages = []] = (await readBatch(db, [options("group"), options("page")])) as {
    valueKey: string;
    attempts: number;
  }[][];
  const decode = (rows: { valueKey: string; attempts: number }[]): FilterOption[] =>
    rows.map((r) => ({
      value: r.valueKey === "" ? null : r.valueKey.slice(1),
      attempts: num(r.attempts),
    }));
  return { groups: decode(groups), pages: decode(pages) };
}

/** A score band's correct answers per question (score items), keyed by question id. */
type BandCorrect = Map<string, number>;

export async function counterFigures(
  db: Database,
  quizId: number,
  rounds: Rounds,
): Promise<ReportFigures> {
  const inRounds = sql.raw(retryValues[rounds]);
  const [scoreRows, dayRows, choiceRows, itemRows, middles, excludedRows] = (await readBatch(db, [
    sql`
      select finished, score, max_score as maxScore, sum(attempts) as attempts
      from report_attempt_counts where quiz_id = ${quizId} and retry in ${inRounds}
      group by finished, score, max_score having sum(attempts) > 0`,
    sql`
      select day, sum(attempts) as started, sum(finished * attempts) as finished
      from report_attempt_counts where quiz_id = ${quizId} and retry in ${inRounds}
      group by day having sum(attempts) > 0 order by day`,
    sql`
      select question_id as questionId, choice_id as choiceId,
        sum(responses) as responses, sum(correct) as correct
      from report_choice_counts where quiz_id = ${quizId} and retry in ${inRounds}
      group by question_id, choice_id having sum(responses) > 0`,
    sql`
      select score, question_id as questionId, sum(responses) as responses, sum(correct) as correct
      from report_score_items where quiz_id = ${quizId} and retry in ${inRounds}
      group by score, question_id having sum(responses) > 0`,
    sql`
      with s as (
        select question_id as q, second, sum(responses) as n from report_answer_seconds
        where quiz_id = ${quizId} and retry in ${inRounds}
        group by question_id, second having sum(responses) > 0),
      c as (
        select q, second, n, sum(n) over (partition by q order by second) as upto,
          sum(n) over (partition by q) as total from s)
      select q as questionId, second, upto - n as before, total from c
      where upto - n < (total + 2) / 2 and upto >= (total + 1) / 2
      order by q, second`,
    sql`
      select coalesce(sum(responses), 0) as n from report_choice_counts
      where quiz_id = ${quizId} and retry not in ${inRounds}`,
  ])) as [ScoreRow[], DayRow[], ChoiceRow[], ScoreItemRow[], MiddleSecond[], { n: number }[]];

  const finishedByScore = new Map<number, number>();
  let started = 0;
  let finished = 0;
  let scoreSum = 0;
  let scored = 0;
  let percentSum = 0;
  let percented = 0;
  let maxSeen: number | null = null;
  for (const row of scoreRows) {
    const n = num(row.attempts);
    started += n;
    if (!row.finished) continue;
    finished += n;
    finishedByScore.set(row.score, (finishedByScore.get(row.score) ?? 0) + n);
    if (row.maxScore >= 0) maxSeen = Math.max(maxSeen ?? 0, row.maxScore);
    if (row.score < 0) continue;
    scoreSum += row.score * n;
    scored += n;
    if (row.maxScore > 0) {
      percentSum += (row.score / row.maxScore) * n;
      percented += n;
    }
  }
  const scoreCounts = new Map([...finishedByScore].filter(([score]) => score >= 0));

  const items = new Map<string, ItemAggregate>();
  const picks = new Map<string, number>();
  for (const row of choiceRows) {
    const item = items.get(row.questionId) ?? { questionId: row.questionId, n: 0, correct: 0 };
    item.n += num(row.responses);
    item.correct += num(row.correct);
    items.set(row.questionId, item);
    picks.set(`${row.questionId}\n${row.choiceId}`, num(row.responses));
  }

  const biserial = new Map<string, BiserialAggregate>();
  const bandCorrect = new Map<number, BandCorrect>();
  for (const row of itemRows) {
    const n = num(row.responses);
    const x = num(row.correct);
    const agg = biserial.get(row.questionId) ?? {
      questionId: row.questionId,
      n: 0,
      sx: 0,
      sy: 0,
      syy: 0,
      sxy: 0,
    };
    agg.n += n;
    agg.sx += x;
    // A missing score (-1) counts in n and Σx only, as SQL's sums skip a NULL score.
    if (row.score >= 0) {
      agg.sy += row.score * n;
      agg.syy += row.score * row.score * n;
      agg.sxy += row.score * x;
    }
    biserial.set(row.questionId, agg);
    const band = bandCorrect.get(row.score) ?? new Map<string, number>();
    band.set(row.questionId, x);
    bandCorrect.set(row.score, band);
  }

  const excluded = num(excludedRows[0]?.n);
  const [upperLower, times] = await Promise.all([
    upperLowerOf(db, quizId, rounds, finishedByScore, bandCorrect),
    medianTimesOf(db, quizId, rounds, middles, excluded > 0),
  ]);

  return {
    summary: {
      started,
      finished,
      meanScore: scored > 0 ? scoreSum / scored : null,
      meanPercent: percented > 0 ? percentSum / percented : null,
      maxSeen,
    },
    medianScore: medianOfCounts([...scoreCounts]),
    scoreCounts,
    days: dayRows.map((r) => ({
      day: num(r.day),
      started: num(r.started),
      finished: num(r.finished),
    })),
    items,
    picks,
    upperLower,
    biserial,
    times,
  };
}

/** The part of a score band the 27% boundary cuts off: its first or last `count` attempts. */
interface BandCut {
  score: number;
  /** Attempts of the band that fall in the group. */
  count: number;
  /** In rank order (start time, then id) the group takes the band's first or its last attempts. */
  end: "first" | "last";
}

/**
 * Correct answers per question in a band's first (or last) `count` attempts: whole start days
 * from the score items, and the attempts of the one day the cut falls in from the rows.
 */
function cutSql(quizId: number, rounds: Rounds, cut: BandCut): SQL {
  const inRounds = sql.raw(retryValues[rounds]);
  const first = cut.end === "first";
  const dir = sql.raw(first ? "asc" : "desc");
  const beforeCut = sql.raw(first ? "<" : ">");
  return sql`
    with d as (
      select day, sum(attempts) as n from report_attempt_counts
      where quiz_id = ${quizId} and retry in ${inRounds} and finished = 1 and score = ${cut.score}
      group by day having sum(attempts) > 0),
    c as (select day, n, sum(n) over (order by day ${dir}) as upto from d),
    cut as (select day, ${cut.count} - (upto - n) as take from c
      where upto >= ${cut.count} and upto - n < ${cut.count})
    select s.question_id as questionId, sum(s.correct) as correct from report_score_items s
    where s.quiz_id = ${quizId} and s.retry in ${inRounds} and s.score = ${cut.score}
      and s.day ${beforeCut} (select day from cut)
    group by s.question_id
    union all
    select r.question_id as questionId, sum(r.correct) as correct
    from (select a.id from attempts a
          where a.quiz_id = ${quizId} and ${roundCondition[rounds]} and a.finished_at is not null
            and a.score is ${cut.score < 0 ? null : cut.score}
            and a.started_at >= (select day from cut) * ${dayMs}
            and a.started_at < ((select day from cut) + 1) * ${dayMs}
          order by a.started_at ${dir}, a.id ${dir} limit (select take from cut)) p
    join responses r on r.attempt_id = p.id group by r.question_id`;
}

/**
 * Correct answers per question in the upper and lower groups: the finished attempts ranked by
 * score (ties by start time, then id), the first and last k = round(27% × n).
 */
async function upperLowerOf(
  db: Database,
  quizId: number,
  rounds: Rounds,
  finishedByScore: Map<number, number>,
  bandCorrect: Map<number, BandCorrect>,
): Promise<Map<string | null, UpperLower>> {
  const bands = [...finishedByScore].sort(([a], [b]) => b - a);
  const n = bands.reduce((sum, [, count]) => sum + count, 0);
  const k = groupSize(n);
  const result = new Map<string | null, UpperLower>();
  if (k === 0) return result;
  const add = (correct: Iterable<[string, number]>, side: "upper" | "lower") => {
    for (const [questionId, x] of correct) {
      const entry = result.get(questionId) ?? { questionId, upper: 0, lower: 0 };
      entry[side] += x;
      result.set(questionId, entry);
    }
  };
  const cuts: [BandCut, "upper" | "lower"][] = [];
  const walk = (ordered: [number, number][], side: "upper" | "lower", end: BandCut["end"]) => {
    let left = k;
    for (const [score, count] of ordered) {
      if (left === 0) break;
      if (count <= left) {
        add(bandCorrect.get(score) ?? [], side);
        left -= count;
      } else {
        cuts.push([{ score, count: left, end }, side]);
        left = 0;
      }
    }
  };
  walk(bands, "upper", "first");
  walk([...bands].reverse(), "lower", "last");
  const read = (await readBatch(
    db,
    cuts.map(([cut]) => cutSql(quizId, rounds, cut)),
  )) as { questionId: string; correct: number }[][];
  cuts.forEach(([, side], i) => {
    add(
      (read[i] ?? []).map((r): [string, number] => [r.questionId, num(r.correct)]),
      side,
    );
  });
  return result;
}

/** Each question's median ms_to_answer, read at its middle offset within the second holding it. */
async function medianTimesOf(
  db: Database,
  quizId: number,
  rounds: Rounds,
  middles: MiddleSecond[],
  otherRoundsAnswered: boolean,
): Promise<Map<string, number>> {
  const byQuestion = new Map<string, MiddleSecond[]>();
  for (const row of middles) {
    const list = byQuestion.get(row.questionId) ?? [];
    list.push(row);
    byQuestion.set(row.questionId, list);
  }
  // Only when other rounds answered too do the rows need their attempt's round.
  const join = otherRoundsAnswered
    ? sql`join attempts a on a.id = r.attempt_id and ${roundCondition[rounds]}`
    : sql``;
  const reads = [...byQuestion].map(([questionId, seconds]) => {
    const first = seconds[0] as MiddleSecond;
    const last = seconds.at(-1) as MiddleSecond;
    const low = Math.floor((first.total + 1) / 2);
    const high = Math.floor((first.total + 2) / 2);
    const query = sql`
      select r.ms_to_answer as v from responses r ${join}
      where r.quiz_id = ${quizId} and r.question_id = ${questionId}
        and r.ms_to_answer >= ${first.second * 1000} and r.ms_to_answer < ${(last.second + 1) * 1000}
      order by r.ms_to_answer limit ${high - low + 1} offset ${low - first.before - 1}`;
    return { questionId, query };
  });
  const times = new Map<string, number>();
  const values = (await readBatch(
    db,
    reads.map((r) => r.query),
  )) as { v: number }[][];
  reads.forEach(({ questionId }, i) => {
    const found = (values[i] ?? []).map((r) => num(r.v));
    if (found.length > 0) times.set(questionId, found.reduce((a, b) => a + b, 0) / found.length);
  });
  return times;
}
