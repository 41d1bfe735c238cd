/**
 * The report API for educators: the statistics as JSON (with the Retention section), CSV exports
 * (one row per response, one per attempt, or one per question's retention) and xAPI 1.0.3
 * statements. Each route needs a credential that opens the quiz
 * (its educator key, an educator session for it, or the admin token): 401 without one, 403 with
 * another quiz's, and nothing about the quiz is read before that check.
 */
import { Hono } from "hono";
import * as v from "valibot";
import type { QuizRow } from "../db/schema.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { type CsvValue, csvStream } from "../reports/csv.ts";
import {
  allAttemptPages,
  attemptPage,
  cursorPattern,
  type ExportAttempt,
  exportQuestions,
  formatCursor,
  parseCursor,
} from "../reports/exports.ts";
import { educatorReport } from "../reports/index.ts";
import { retentionCsvHeader, retentionCsvRows, retentionFor } from "../reports/retention.ts";
import { isoTime, type ReportFilters, type Rounds, roundKinds } from "../reports/statistics.ts";
import { statementsForAttempt } from "../reports/xapi.ts";
import { requireManagedQuiz } from "../services/access.ts";
import { params, query, slugParams, textField, urlField } from "../validation.ts";

const filterFields = {
  group: v.optional(textField(64)),
  page: v.optional(urlField),
  rounds: v.optional(v.picklist(roundKinds, 'must be "first", "retries" or "all"')),
};

const reportQuery = v.strictObject(filterFields);
const csvQuery = v.strictObject({
  ...filterFields,
  per: v.optional(v.picklist(["response", "attempt"], 'must be "response" or "attempt"')),
});
const xapiQuery = v.strictObject({
  ...filterFields,
  cursor: v.optional(v.pipe(v.string(), v.regex(cursorPattern, "must be a cursor from `more`"))),
});

/** Attempts per xAPI page (each brings one statement per answer plus one for completion). */
export const xapiPageSize = 100;

const requireReportableQuiz = (c: { var: AppEnv["Variables"] }, slug: string): Promise<QuizRow> =>
  requireManagedQuiz(c.var.db, c.var.credential, slug);

export const filtersFrom = (q: {
  group?: string;
  page?: string;
  rounds?: Rounds;
}): ReportFilters => ({
  ...(q.group !== undefined ? { group: q.group } : {}),
  ...(q.page !== undefined ? { pageUrl: q.page } : {}),
  ...(q.rounds !== undefined ? { rounds: q.rounds } : {}),
});

export const responseCsvHeader = [
  "attempt_id",
  "learner_id",
  "learner_name",
  "group",
  "page_url",
  "attempt_started_at",
  "question_id",
  "question_number",
  "question",
  "choice_id",
  "choice",
  "correct",
  "answered_at",
] as const;

export const attemptCsvHeader = [
  "attempt_id",
  "learner_id",
  "learner_name",
  "group",
  "page_url",
  "started_at",
  "finished_at",
  "score",
  "max_score",
  "answered",
] as const;

const csvHeaders = (filename: string) => ({
  "content-type": "text/csv; charset=utf-8",
  "content-disposition": `attachment; filename="${filename}"`,
  "cache-control": "no-store",
});

export const reports = new Hono<AppEnv>()
  .get("/api/quizzes/:slug/report", params(slugParams), query(reportQuery), async (c) => {
    const quiz = await requireReportableQuiz(c, c.req.valid("param").slug);
    const report = await educatorReport(c.var.db, quiz.id, filtersFrom(c.req.valid("query")));
    c.header("cache-control", "no-store");
    return c.json({ slug: quiz.slug, title: quiz.title, status: quiz.status, ...report });
  })
  .get("/api/quizzes/:slug/report.csv", params(slugParams), query(csvQuery), async (c) => {
    const quiz = await requireReportableQuiz(c, c.req.valid("param").slug);
    const { per, ...filterQuery } = c.req.valid("query");
    return perAttempt(per)
      ? attemptsCsv(c.var.db, quiz, filtersFrom(filterQuery))
      : responsesCsv(c.var.db, quiz, filtersFrom(filterQuery));
  })
  .get("/api/quizzes/:slug/attempts.csv", params(slugParams), query(reportQuery), async (c) => {
    const quiz = await requireReportableQuiz(c, c.req.valid("param").slug);
    return attemptsCsv(c.var.db, quiz, filtersFrom(c.req.valid("query")));
  })
  .get("/api/quizzes/:slug/retention.csv", params(slugParams), query(reportQuery), async (c) => {
    const quiz = await requireReportableQuiz(c, c.req.valid("param").slug);
    const retention = await retentionFor(c.var.db, quiz.id, filtersFrom(c.req.valid("query")));
    async function* rows() {
      yield retentionCsvRows(retention);
    }
    return new Response(csvStream(retentionCsvHeader, rows()), {
      headers: csvHeaders(`${quiz.slug}-retention.csv`),
    });
  })
  .get("/api/quizzes/:slug/xapi", params(slugParams), query(xapiQuery), async (c) => {
    const quiz = await requireReportableQuiz(c, c.req.valid("param").slug);
    const { cursor, ...filterQuery } = c.req.valid("query");
    const filters = filtersFrom(filterQuery);
    const after = cursor ? parseCursor(cursor) : null;
    if (cursor && !after) throw new ApiError(400, "invalid_request", "Invalid cursor.");
    const origin = new URL(c.req.url).origin;
    const [questionMap, page] = await Promise.all([
      exportQuestions(c.var.db, quiz.id),
      attemptPage(c.var.db, quiz.id, filters, after, xapiPageSize),
    ]);
    const statements = (
      await Promise.all(
        page.attempts.map((attempt) => statementsForAttempt(origin, quiz, attempt, questionMap)),
      )
    ).flat();
    let more = "";
    if (page.next) {
      const nextQuery = new URLSearchParams({
        ...(filterQuery.group !== undefined ? { group: filterQuery.group } : {}),
        ...(filterQuery.page !== undefined ? { page: filterQuery.page } : {}),
        ...(filterQuery.rounds !== undefined ? { rounds: filterQuery.rounds } : {}),
        cursor: formatCursor(page.next),
      });
      more = `/api/quizzes/${quiz.slug}/xapi?${nextQuery}`;
    }
    c.header("cache-control", "no-store");
    c.header("x-experience-api-version", "1.0.3");
    // The shape of an LRS's StatementResult: statements plus a relative `more` link ("" at the end).
    return c.json({ statements, more });
  });

/** The first cells of both CSVs: the attempt, its learner, group, page and start. */
const whoAndWhere = (a: ExportAttempt): CsvValue[] => [
  a.id,
  a.learnerId,
  a.learnerName,
  a.group,
  a.pageUrl,
  isoTime(a.startedAt),
];

const perAttempt = (per: string | undefined) => per === "attempt";

async function responsesCsv(
  db: AppEnv["Variables"]["db"],
  quiz: QuizRow,
  filters: ReportFilters,
): Promise<Response> {
  const questionMap = await exportQuestions(db, quiz.id);
  async function* rows(): AsyncGenerator<CsvValue[][]> {
    for await (const attempts of allAttemptPages(db, quiz.id, filters)) {
      const batch: CsvValue[][] = [];
      for (const a of attempts) {
        for (const r of a.responses) {
          const question = questionMap.get(r.questionId);
          batch.push([
            ...whoAndWhere(a),
            r.questionId,
            question ? question.position + 1 : null,
            question?.prompt,
            r.choiceId,
            question?.choices.find((choice) => choice.id === r.choiceId)?.text,
            r.correct ? 1 : 0,
            isoTime(r.answeredAt),
          ]);
        }
      }
      yield batch;
    }
  }
  return new Response(csvStream(responseCsvHeader, rows()), {
    headers: csvHeaders(`${quiz.slug}-responses.csv`),
  });
}

function attemptsCsv(
  db: AppEnv["Variables"]["db"],
  quiz: QuizRow,
  filters: ReportFilters,
): Response {
  async function* rows(): AsyncGenerator<CsvValue[][]> {
    for await (const attempts of allAttemptPages(db, quiz.id, filters)) {
      yield attempts.map((a) => [
        ...whoAndWhere(a),
        a.finishedAt === null ? null : isoTime(a.finishedAt),
        a.score,
        a.maxScore,
        a.responses.length,
      ]);
    }
  }
  return new Response(csvStream(attemptCsvHeader, rows()), {
    headers: csvHeaders(`${quiz.slug}-attempts.csv`),
  });
}
