/** The educator reports: statistics (`reportFor`, timed by `npm run bench`), CSV and xAPI exports. */

import type { Database } from "../env.ts";
import { type QuizRetention, retentionFor } from "./retention.ts";
import { type QuizReport, type ReportFilters, reportFor } from "./statistics.ts";

export { csvCell, csvLine, csvStream } from "./csv.ts";
export { allAttemptPages, attemptPage, exportQuestions } from "./exports.ts";
export {
  type QuizRetention,
  retentionCsvHeader,
  retentionCsvRows,
  retentionFor,
} from "./retention.ts";
export {
  type QuizReport,
  type ReportFilters,
  reportFor,
  thresholds,
} from "./statistics.ts";
export { statementsForAttempt, type XapiStatement } from "./xapi.ts";

/** The report JSON and page: the statistics plus the Retention section, computed side by side. */
export type EducatorReport = QuizReport & { retention: QuizRetention };

export async function educatorReport(
  db: Database,
  quizId: number,
  filters: ReportFilters = {},
): Promise<EducatorReport> {
  const [report, retention] = await Promise.all([
    reportFor(db, quizId, filters),
    retentionFor(db, quizId, filters),
  ]);
  return { ...report, retention };
}
