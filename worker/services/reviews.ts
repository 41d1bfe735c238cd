/**
 * Spaced review across visits: which questions are due for a learner, and answering one. The
 * rules, in one place (the JSON routes call these with the time of the request):
 *
 * - A question is on a learner's schedule when their first response to it (the earliest over all
 *   their attempts) was wrong. Until its first review it is due `firstMissDelayMs` (a day) after
 *   that response: computed here from `responses`, so answering a quiz writes nothing extra.
 * - A review card (FSRS state, due time, the last review's choice and grade) is written only when
 *   a review is answered, with a row in `review_answers` for the report; both in one batch whose
 *   write is guarded by the card it was computed from, so two concurrent reviews store one.
 * - Only a due question can be reviewed. The same choice sent again before the question is due
 *   again (a retried request) gets the stored result; another choice gets `409 already_reviewed`.
 * - Only published quizzes' active questions are offered or reviewed.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Choice } from "../../questions/bank.ts";
import type { DueReview, DueReviews, ReviewResult } from "../contract.ts";
import { withD1Retry } from "../db/retry.ts";
import {
  type QuestionRow,
  type QuizRow,
  questions,
  quizzes,
  type ReviewCardRow,
  reviewAnswers,
  reviewCards,
} from "../db/schema.ts";
import type { Database } from "../env.ts";
import { ApiError } from "../errors.ts";
import { cardAfterFirstMiss, cardAfterReview, firstMissDelayMs } from "../reviews/schedule.ts";

/** At most this many due questions in one reply, the most overdue first; the rest come next time. */
export const dueLimit = 50;

/** Whose quizzes a review list draws from: a site's, or those of the same site as one quiz. */
export type ReviewScope = { kind: "site"; siteId: string } | { kind: "quiz"; quiz: QuizRow };

/** A review item: a question of a quiz, named `<slug>.<question id>` in the API. */
export interface ReviewItemId {
  slug: string;
  questionId: string;
}

export const reviewItemId = (slug: string, questionId: string): string => `${slug}.${questionId}`;

/** The published quizzes of the scope, as a condition on the quizzes alias `z`. */
function scopeCondition(scope: ReviewScope): SQL {
  const site =
    scope.kind === "site"
      ? sql`z.site_id = ${scope.siteId}`
      : scope.quiz.siteId === null
        ? sql`z.site_id is null`
        : sql`z.site_id = ${scope.quiz.siteId}`;
  return sql`z.status = 'published' and ${site}`;
}

/**
 * The learner's scheduled questions in the scope with their due times: the first response to each
 * question, and its card where a review was answered. Rows with `z` (quiz) and `q` (question).
 */
function scheduled(learnerId: string, scope: ReviewScope): SQL {
  return sql`
    with mine as (
      select r.quiz_id as quiz_id, r.question_id as question_id, r.correct as correct,
        r.answered_at as answered_at,
        row_number() over (partition by r.quiz_id, r.question_id
          order by r.answered_at, a.started_at, r.attempt_id) as rn
      from attempts a join responses r on r.attempt_id = a.id
      where a.learner_id = ${learnerId}
        and a.quiz_id in (select z.id from quizzes z where ${scopeCondition(scope)})),
    items as (
      select m.quiz_id as quiz_id, m.question_id as question_id,
        coalesce(c.due_at, m.answered_at + ${firstMissDelayMs}) as due_at
      from mine m left join review_cards c on c.learner_id = ${learnerId}
        and c.quiz_id = m.quiz_id and c.question_id = m.question_id
      where m.rn = 1 and (m.correct = 0 or c.due_at is not null))
    select i.due_at as dueAt, q.id as questionId, q.prompt as prompt, q.choices as choices,
      z.slug as slug, z.title as title, coalesce(z.source_url, z.page_url) as sourceUrl
    from items i
      join questions q on q.quiz_id = i.quiz_id and q.id = i.question_id and q.status = 'active'
      join quizzes z on z.id = i.quiz_id`;
}

interface DueRow {
  dueAt: number;
  questionId: string;
  prompt: string;
  choices: string;
  slug: string;
  title: string;
  sourceUrl: string | null;
}

/** What is due for the learner at `now` in the scope (oldest first), and how many come later. */
export async function dueReviews(
  db: Database,
  learnerId: string,
  scope: ReviewScope,
  now: number,
): Promise<DueReviews> {
  const items = scheduled(learnerId, scope);
  const [due, later] = await Promise.all([
    db.all<DueRow>(sql`select * from (${items}) where dueAt <= ${now}
      order by dueAt, slug, questionId limit ${dueLimit}`),
    db.get<{ n: number }>(sql`select count(*) as n from (${items}) where dueAt > ${now}`),
  ]);
  return {
    due: due.map(
      (row): DueReview => ({
        questionId: reviewItemId(row.slug, row.questionId),
        prompt: row.prompt,
        choices: JSON.parse(row.choices) as Choice[],
        quiz: { slug: row.slug, title: row.title, sourceUrl: row.sourceUrl },
      }),
    ),
    dueLater: later?.n ?? 0,
  };
}

const questionNotFound = () =>
  new ApiError(404, "question_not_found", "No published quiz has this question (any more).");

/** The active question of a published quiz; 404 otherwise. */
async function reviewableQuestion(db: Database, item: ReviewItemId): Promise<QuestionRow> {
  const row = await db
    .select({ question: questions })
    .from(questions)
    .innerJoin(quizzes, eq(quizzes.id, questions.quizId))
    .where(
      and(
        eq(quizzes.slug, item.slug),
        eq(quizzes.status, "published"),
        eq(questions.id, item.questionId),
        eq(questions.status, "active"),
      ),
    )
    .get();
  if (!row) throw questionNotFound();
  return row.question;
}

/** The learner's first response to the question (over all their attempts), if any. */
function firstResponse(db: Database, learnerId: string, question: QuestionRow) {
  return db.get<{ correct: number; answeredAt: number }>(sql`
    select r.correct as correct, r.answered_at as answeredAt
    from attempts a join responses r on r.attempt_id = a.id
    where a.learner_id = ${learnerId} and r.quiz_id = ${question.quizId}
      and r.question_id = ${question.id}
    order by r.answered_at, a.started_at, r.attempt_id limit 1`);
}

const cardKey = (learnerId: string, question: QuestionRow) =>
  and(
    eq(reviewCards.learnerId, learnerId),
    eq(reviewCards.quizId, question.quizId),
    eq(reviewCards.questionId, question.id),
  );

function notDue(dueAt: number | null): ApiError {
  const when = dueAt === null ? "" : ` It is due at ${new Date(dueAt).toISOString()}.`;
  return new ApiError(
    409,
    "not_due",
    `This question is not due for review for this learner.${when}`,
  );
}

const resultOf = (question: QuestionRow, card: ReviewCardRow): ReviewResult => ({
  correct: card.lastCorrect,
  correctChoiceId: question.answer,
  explanation: question.explanation,
  source: question.source,
  nextDueAt: new Date(card.dueAt).toISOString(),
});

/** The stored review answers `choiceId` again: the same reply; another choice is a 409. */
function replay(question: QuestionRow, card: ReviewCardRow, choiceId: string): ReviewResult {
  if (card.lastChoiceId !== choiceId) {
    throw new ApiError(
      409,
      "already_reviewed",
      "This review was already answered with another choice; the first answer counts.",
    );
  }
  return resultOf(question, card);
}

/**
 * The card and review-log writes of one review, in one batch: the card is inserted, or updated
 * only while it is still the card this review was computed from (same count, still due); the log
 * row is copied from the card only when this review's write is the one stored.
 */
function storeReview(
  db: Database,
  learnerId: string,
  question: QuestionRow,
  prior: ReviewCardRow | undefined,
  next: Omit<ReviewCardRow, "learnerId" | "quizId" | "questionId">,
  now: number,
) {
  const key = { learnerId, quizId: question.quizId, questionId: question.id };
  const priorReviews = prior?.reviews ?? 0;
  return db.batch([
    db
      .insert(reviewCards)
      .values({ ...key, ...next })
      .onConflictDoUpdate({
        target: [reviewCards.learnerId, reviewCards.quizId, reviewCards.questionId],
        set: next,
        setWhere: sql`${reviewCards.reviews} = ${priorReviews} and ${reviewCards.dueAt} <= ${now}`,
      }),
    db
      .insert(reviewAnswers)
      .select(
        db
          .select({
            learnerId: reviewCards.learnerId,
            quizId: reviewCards.quizId,
            questionId: reviewCards.questionId,
            reviewNumber: reviewCards.reviews,
            choiceId: reviewCards.lastChoiceId,
            correct: reviewCards.lastCorrect,
            reviewedAt: reviewCards.lastReviewedAt,
            nextDueAt: reviewCards.dueAt,
          })
          .from(reviewCards)
          .where(
            and(
              cardKey(learnerId, question),
              eq(reviewCards.reviews, next.reviews),
              eq(reviewCards.lastReviewedAt, now),
              eq(reviewCards.lastChoiceId, next.lastChoiceId),
            ),
          ),
      )
      .onConflictDoNothing(),
    db.select().from(reviewCards).where(cardKey(learnerId, question)),
  ]);
}

/** Answers a due review at `now`: graded, rescheduled and stored once (see the module comment). */
export async function answerReview(
  db: Database,
  learnerId: string,
  item: ReviewItemId,
  choiceId: string,
  now: number,
): Promise<ReviewResult> {
  const question = await reviewableQuestion(db, item);
  if (!question.choices.some((choice) => choice.id === choiceId)) {
    throw new ApiError(400, "unknown_choice", `Question has no choice "${choiceId}".`);
  }
  const [card, first] = await Promise.all([
    db.query.reviewCards.findFirst({ where: cardKey(learnerId, question) }),
    firstResponse(db, learnerId, question),
  ]);
  if (card && card.dueAt > now) return replay(question, card, choiceId);
  if (!card && (!first || first.correct === 1)) throw notDue(null);
  const prior = card?.card ?? cardAfterFirstMiss(first?.answeredAt ?? now);
  if (prior.due > now) throw notDue(prior.due);
  const correct = choiceId === question.answer;
  const nextCard = cardAfterReview(prior, now, correct);
  const next = {
    card: nextCard,
    dueAt: nextCard.due,
    reviews: (card?.reviews ?? 0) + 1,
    lastReviewedAt: now,
    lastChoiceId: choiceId,
    lastCorrect: correct,
  };
  const [, , stored] = await withD1Retry(() =>
    storeReview(db, learnerId, question, card, next, now),
  );
  const final = stored[0];
  if (!final) throw new Error("review card vanished after its write");
  return replay(question, final, choiceId);
}
