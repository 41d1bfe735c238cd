/**
 * Reads for the exports (CSV, xAPI): the quiz's filtered attempts in pages, each page with its
 * responses, walked with a keyset cursor over the (quiz_id, started_at) index so any size of
 * export runs in bounded memory and bounded queries. Each learner's reviews come with their first
 * attempt on the quiz (worker/reports/review-exports.ts).
 */
import { sql } from "drizzle-orm";
import type { Choice } from "../../questions/bank.ts";
import type { Database } from "../env.ts";
import { attachReviews, type ExportReview } from "./review-exports.ts";
import {
  type AttemptColumns,
  allQuestionsOf,
  attemptColumns,
  attemptFilter,
  type ReportFilters,
} from "./statistics.ts";

export interface ExportAttempt {
  id: string;
  learnerId: string | null;
  learnerName: string | null;
  group: string | null;
  pageUrl: string | null;
  startedAt: number;
  finishedAt: number | null;
  score: number | null;
  maxScore: number | null;
  responses: ExportResponse[];
  /** The learner's review answers on this quiz, when this is their first attempt on it. */
  reviews: ExportReview[];
}

export interface ExportResponse {
  questionId: string;
  choiceId: string;
  correct: boolean;
  answeredAt: number;
}

export interface ExportQuestion {
  id: string;
  position: number;
  prompt: string;
  choices: Choice[];
  answer: string;
}

/** Where the next page starts: after this attempt in (started_at, id) order. */
export interface ExportCursor {
  startedAt: number;
  id: string;
}

export const cursorPattern = /^(\d{1,15})\.([0-9a-f-]{36})$/;

export const formatCursor = (cursor: ExportCursor): string => `${cursor.startedAt}.${cursor.id}`;

export function parseCursor(text: string): ExportCursor | null {
  const match = cursorPattern.exec(text);
  if (!match?.[1] || !match[2]) return null;
  return { startedAt: Number(match[1]), id: match[2] };
}

/** Every question of the quiz, removed ones too (their responses are still exported). */
export async function exportQuestions(
  db: Database,
  quizId: number,
): Promise<Map<string, ExportQuestion>> {
  const rows = await allQuestionsOf(db, quizId);
  return new Map(rows.map((q) => [q.id, q]));
}

interface JoinedRow extends AttemptColumns {
  questionId: string | null;
  choiceId: string | null;
  correct: number | null;
  answeredAt: number | null;
}

/** One page of attempts (in start order) with their responses (in answer order). */
export async function attemptPage(
  db: Database,
  quizId: number,
  filters: ReportFilters,
  after: ExportCursor | null,
  pageSize: number,
): Promise<{ attempts: ExportAttempt[]; next: ExportCursor | null }> {
  const where = attemptFilter(quizId, filters);
  const afterCursor = after
    ? sql` and (a.started_at > ${after.startedAt} or (a.started_at = ${after.startedAt} and a.id > ${after.id}))`
    : sql``;
  const rows = await db.all<JoinedRow>(sql`
    select ${attemptColumns("p")},
      r.question_id as questionId, r.choice_id as choiceId, r.correct as correct,
      r.answered_at as answeredAt
    from (select a.* from attempts a where ${where}${afterCursor}
          order by a.started_at, a.id limit ${pageSize}) p
    left join responses r on r.attempt_id = p.id
    order by p.started_at, p.id, r.answered_at, r.question_id`);
  const attempts: ExportAttempt[] = [];
  for (const row of rows) {
    let current = attempts.at(-1);
    if (current?.id !== row.id) {
      current = {
        id: row.id,
        learnerId: row.learnerId,
        learnerName: row.learnerName,
        group: row.groupName,
        pageUrl: row.pageUrl,
        startedAt: row.startedAt,
        finishedAt: row.finishedAt,
        score: row.score,
        maxScore: row.maxScore,
        responses: [],
        reviews: [],
      };
      attempts.push(current);
    }
    if (row.questionId !== null && row.choiceId !== null && row.answeredAt !== null) {
      current.responses.push({
        questionId: row.questionId,
        choiceId: row.choiceId,
        correct: row.correct === 1,
        answeredAt: row.answeredAt,
      });
    }
  }
  await attachReviews(db, quizId, attempts);
  const last = attempts.at(-1);
  const next =
    attempts.length === pageSize && last ? { startedAt: last.startedAt, id: last.id } : null;
  return { attempts, next };
}

/** Every page of attempts, one after another. */
export async function* allAttemptPages(
  db: Database,
  quizId: number,
  filters: ReportFilters,
  pageSize = 250,
): AsyncGenerator<ExportAttempt[]> {
  let after: ExportCursor | null = null;
  do {
    const page = await attemptPage(db, quizId, filters, after, pageSize);
    if (page.attempts.length > 0) yield page.attempts;
    after = page.next;
  } while (after);
}
