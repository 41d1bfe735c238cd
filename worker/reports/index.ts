/** The educator reports: statistics (`reportFor`, timed by `npm run bench`), CSV and xAPI exports. */
export { csvCell, csvLine, csvStream } from "./csv.ts";
export { allAttemptPages, attemptPage, exportQuestions } from "./exports.ts";
export {
  type QuizReport,
  type ReportFilters,
  reportFor,
  thresholds,
} from "./statistics.ts";
export { statementsForAttempt, type XapiStatement } from "./xapi.ts";
