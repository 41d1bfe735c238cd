/**
 * The raw figures of a report before they become its JSON (worker/reports/statistics.ts): one
 * shape whether they were read from the report counters (worker/reports/counters.ts, a whole
 * quiz) or aggregated from the rows (a report narrowed to a group or page). A leaf: both import
 * it, it imports neither.
 */

export const roundKinds = ["first", "retries", "all"] as const;
/**
 * Which rounds a report counts: first attempts (the report's default), retry rounds ("retry the
 * ones I missed", which ask only the missed questions), or all (the exports' default).
 */
export type Rounds = (typeof roundKinds)[number];

/** Thresholds for the automatic flags, and the least data they need before they speak. */
export const thresholds = {
  tooEasyAbove: 0.9,
  tooHardBelow: 0.2,
  weakDiscriminationBelow: 0.2,
  /** Facility and distractor flags need this many responses to the question. */
  minResponses: 5,
  /** Discrimination flags need this many finished attempts. */
  minFinishedAttempts: 10,
  /** Share of finished attempts in each of the upper and lower groups. */
  groupShare: 0.27,
} as const;

/** Group size for the upper and lower groups: round(27% of n), at least 1. */
export function groupSize(finishedAttempts: number): number {
  if (finishedAttempts < 2) return 0;
  return Math.max(1, Math.floor(thresholds.groupShare * finishedAttempts + 0.5));
}

export const num = (value: unknown): number =>
  typeof value === "number" ? value : Number(value ?? 0);

export interface SummaryFigures {
  started: number;
  finished: number;
  meanScore: number | null;
  meanPercent: number | null;
  /** The largest max score among finished attempts; null without one. */
  maxSeen: number | null;
}

export interface ItemAggregate {
  questionId: string;
  n: number;
  correct: number;
}

export interface BiserialAggregate {
  questionId: string;
  n: number;
  sx: number;
  sy: number;
  syy: number;
  sxy: number;
}

export interface UpperLower {
  questionId: string | null;
  upper: number;
  lower: number;
}

export interface FilterOption {
  /** null: attempts started without one. */
  value: string | null;
  attempts: number;
}

/** Everything the report is computed from, apart from the questions and the latest learners. */
export interface ReportFigures {
  summary: SummaryFigures;
  medianScore: number | null;
  /** Finished attempts with a score, per score. */
  scoreCounts: Map<number, number>;
  /** Attempts started and finished per UTC day (days since 1970), in day order. */
  days: { day: number; started: number; finished: number }[];
  /** Responses per question (questions without any are absent). */
  items: Map<string, ItemAggregate>;
  /** Picks per question and choice, keyed `${questionId}\n${choiceId}`. */
  picks: Map<string, number>;
  /** Correct answers in the upper and lower 27% of finished attempts, per question. */
  upperLower: Map<string | null, UpperLower>;
  /** Point-biserial sums over finished attempts, per question. */
  biserial: Map<string, BiserialAggregate>;
  /** Median milliseconds to answer, per question. */
  times: Map<string, number>;
}

/** The median of a distribution given as (value, count) pairs; null when it is empty. */
export function medianOfCounts(counts: readonly (readonly [number, number])[]): number | null {
  const sorted = [...counts].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  // The same middle ranks the SQL medians use: (n + 1) / 2 and (n + 2) / 2, 1-based.
  const ranks = [Math.floor((total + 1) / 2), Math.floor((total + 2) / 2)];
  const values = ranks.map((rank) => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (seen >= rank) return value;
    }
    return Number.NaN;
  });
  return ((values[0] ?? 0) + (values[1] ?? 0)) / 2;
}
