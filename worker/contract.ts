/**
 * The payloads of the public learner API (README's "The API at a glance"). The widget imports these
 * as types only, so the contract is checked on both sides of the wire.
 */
import type { Choice, QuestionType, SourcePassage } from "../questions/bank.ts";

/** A generated question's type, or "own": written by an educator (POST /api/quizzes/:slug/questions). */
export type QuestionKind = QuestionType | "own";

export interface ApiError {
  error: { code: string; message: string };
}

/** GET /api/quizzes/:slug: no answer key, no explanation, no source passage. */
export interface PublicQuiz {
  slug: string;
  title: string;
  sourceUrl: string | null;
  locale: string;
  questions: PublicQuestion[];
}

export interface PublicQuestion {
  id: string;
  type: QuestionKind;
  prompt: string;
  choices: Choice[];
}

/** POST /api/quizzes/:slug/attempts body. */
export interface StartAttemptBody {
  /** A random UUID the widget makes, so a start retried after a lost reply stores one attempt. */
  attemptId?: string;
  /** A retry round: the attempt whose missed questions it asks again (reports tell them apart). */
  retryOf?: string;
  /** The questions this attempt asks (a retry round's); every question of the quiz by default. */
  questionIds?: string[];
  learnerId?: string;
  learnerName?: string;
  group?: string;
  pageUrl?: string;
}

/** 201 from POST /api/quizzes/:slug/attempts. */
export interface StartedAttempt {
  attemptId: string;
}

/** PUT /api/attempts/:attemptId/answers/:questionId body. */
export interface AnswerBody {
  choiceId: string;
}

/** The grade of one answer, only ever sent after that question was answered in that attempt. */
export interface AnswerResult {
  correct: boolean;
  correctChoiceId: string;
  explanation: string;
  source: SourcePassage;
}

/** A graded answer: the learner's choice and what the server revealed for it. */
export interface AnsweredItem extends AnswerResult {
  questionId: string;
  choiceId: string;
}

/** A question left unanswered: its key stays secret, even after finishing. */
export interface UnansweredItem {
  questionId: string;
  choiceId: null;
  correct: false;
}

export type ReviewItem = AnsweredItem | UnansweredItem;

/** POST /api/attempts/:attemptId/finish: every question of the quiz, in quiz order. */
export interface FinishResult {
  score: number;
  maxScore: number;
  review: ReviewItem[];
}

/** GET /api/attempts/:attemptId: enough to resume where the learner left off. */
export interface AttemptProgress {
  attemptId: string;
  quiz: string;
  startedAt: string;
  finishedAt: string | null;
  score: number | null;
  maxScore: number;
  /** The questions this attempt asks that are still in the quiz, in quiz order. */
  questionIds: string[];
  /** The answers given so far, each with its grade (they were already revealed to this learner). */
  answers: AnsweredItem[];
}

/**
 * One question due for spaced review (GET /api/learners/:learnerId/reviews): like a public
 * question, no key, explanation or source. `questionId` names the review item,
 * `<quiz slug>.<question id>` (a question's own id is unique only within its quiz); send it back
 * as is in PUT /api/learners/:learnerId/reviews/:questionId.
 */
export interface DueReview {
  questionId: string;
  prompt: string;
  choices: Choice[];
  quiz: { slug: string; title: string; sourceUrl: string | null };
}

/** GET /api/learners/:learnerId/reviews: what is due now, and how many are scheduled later. */
export interface DueReviews {
  due: DueReview[];
  dueLater: number;
}

/** PUT /api/learners/:learnerId/reviews/:questionId body. */
export interface ReviewAnswerBody {
  choiceId: string;
}

/** The grade of a review, like an answer's, and when the question comes back (ISO time). */
export interface ReviewResult extends AnswerResult {
  nextDueAt: string;
}
