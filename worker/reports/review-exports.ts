/**
 * Reviews for the exports: each learner's review answers on a quiz ride with that learner's first
 * attempt on the quiz (its earliest start), so paging over attempts exports every review once.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../env.ts";

export interface ExportReview {
  questionId: string;
  /** 1 for the learner's first review of the question, 2 for the next, and so on. */
  reviewNumber: number;
  choiceId: string;
  correct: boolean;
  reviewedAt: number;
}

interface ReviewRow extends Omit<ExportReview, "correct"> {
  attemptId: string;
  correct: number;
}

/** Fills `reviews` of the attempts that are their learner's first attempt on the quiz. */
export async function attachReviews(
  db: Database,
  quizId: number,
  attempts: { id: string; learnerId: string | null; reviews: ExportReview[] }[],
): Promise<void> {
  const ids = attempts.filter((a) => a.learnerId !== null).map((a) => a.id);
  if (ids.length === 0) return;
  const rows = await db.all<ReviewRow>(sql`
    select a.id as attemptId, v.question_id as questionId, v.review_number as reviewNumber,
      v.choice_id as choiceId, v.correct as correct, v.reviewed_at as reviewedAt
    from attempts a join review_answers v on v.learner_id = a.learner_id and v.quiz_id = a.quiz_id
    where a.id in (select value from json_each(${JSON.stringify(ids)}))
      and a.id = (select f.id from attempts f where f.quiz_id = ${quizId}
        and f.learner_id = a.learner_id order by f.started_at, f.id limit 1)
    order by v.reviewed_at, v.question_id, v.review_number`);
  const byAttempt = new Map(attempts.map((a) => [a.id, a]));
  for (const { attemptId, correct, ...review } of rows) {
    byAttempt.get(attemptId)?.reviews.push({ ...review, correct: correct === 1 });
  }
}
