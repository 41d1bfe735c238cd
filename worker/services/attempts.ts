/**
 * Attempts: start (idempotent on a client-made id), answer, finish, progress. Plain functions over
 * the database that own every invariant of a learner's score; the JSON routes call them.
 *
 * The grading rule, in one place: an answer is correct when its choice is the question's stored
 * key at the moment the response row is inserted (`gradeInSql` below, inside that INSERT). The
 * grade is stored with the response, and everything after it (the reply, finish's score, the
 * review, the reports) reads the stored grade; a key can no longer change once a response exists
 * (worker/services/quizzes.ts guards the edit in the same statement).
 */
import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type {
  AnsweredItem,
  AnswerResult,
  AttemptProgress,
  FinishResult,
  ReviewItem,
} from "../contract.ts";
import { activeQuestions } from "../db/quizzes.ts";
import { withD1Retry } from "../db/retry.ts";
import {
  type AttemptRow,
  attempts,
  type QuestionRow,
  type QuizRow,
  questions,
  type ResponseRow,
  responses,
} from "../db/schema.ts";
import type { Database } from "../env.ts";
import { ApiError } from "../errors.ts";

export interface StartAttemptInput {
  /** Made by the widget, so a start retried after a lost reply finds the same attempt. */
  attemptId?: string | undefined;
  learnerId?: string | undefined;
  learnerName?: string | undefined;
  group?: string | undefined;
  pageUrl?: string | undefined;
  /** A retry round: the attempt whose missed questions it asks again. */
  retryOf?: string | undefined;
  /** The questions this attempt asks (a retry round's subset); every active question by default. */
  questionIds?: string[] | undefined;
}

/** Does the attempt's recorded question list (a JSON column) include `questionId`? */
export function asks(questionIdsColumn: SQL | typeof attempts.questionIds, questionId: SQL): SQL {
  return sql`(json_array_length(${questionIdsColumn}) = 0
    or exists (select 1 from json_each(${questionIdsColumn}) where value = ${questionId}))`;
}

/** The questions an attempt asked that are still in the quiz, in quiz order. */
export async function askedQuestions(db: Database, attempt: AttemptRow): Promise<QuestionRow[]> {
  const active = await activeQuestions(db, attempt.quizId);
  if (attempt.questionIds.length === 0) return active;
  const asked = new Set(attempt.questionIds);
  return active.filter((q) => asked.has(q.id));
}

/** The page a quiz sits on, without the fragment (which may carry the learner's own state). */
const stripFragment = (url: string): string => url.replace(/#.*/s, "");

async function askedIds(db: Database, quiz: QuizRow, input: StartAttemptInput): Promise<string[]> {
  const active = (await activeQuestions(db, quiz.id)).map((q) => q.id);
  const wanted = input.questionIds ?? active;
  const unknown = wanted.find((id) => !active.includes(id));
  if (unknown !== undefined) {
    throw new ApiError(400, "unknown_question", `The quiz has no question "${unknown}".`);
  }
  if (new Set(wanted).size !== wanted.length) {
    throw new ApiError(400, "invalid_request", "questionIds must not repeat a question.");
  }
  if (input.retryOf !== undefined) {
    const original = await db.query.attempts.findFirst({ where: eq(attempts.id, input.retryOf) });
    if (original?.quizId !== quiz.id) {
      throw new ApiError(400, "unknown_attempt", "retryOf must be an attempt of this quiz.");
    }
  }
  return wanted;
}

/**
 * Starts an attempt, or finds the one a previous try of the same request stored: the id is the
 * primary key, the insert does nothing on conflict, and what is stored is read back in the same
 * batch. An id already used for another quiz or learner is refused.
 */
export async function startAttempt(
  db: Database,
  quiz: QuizRow,
  input: StartAttemptInput,
): Promise<string> {
  const id = input.attemptId ?? crypto.randomUUID();
  const questionIds = await askedIds(db, quiz, input);
  const [, found] = await withD1Retry(() =>
    db.batch([
      db
        .insert(attempts)
        .values({
          id,
          quizId: quiz.id,
          learnerId: input.learnerId ?? null,
          learnerName: input.learnerName ?? null,
          group: input.group ?? null,
          pageUrl: input.pageUrl ? stripFragment(input.pageUrl) : null,
          startedAt: Date.now(),
          questionIds,
          retryOf: input.retryOf ?? null,
        })
        .onConflictDoNothing(),
      db.select().from(attempts).where(eq(attempts.id, id)),
    ]),
  );
  const stored = found[0];
  if (stored?.quizId !== quiz.id || stored.learnerId !== (input.learnerId ?? null)) {
    throw new ApiError(409, "attempt_id_taken", "This attempt id is taken; make a new one.");
  }
  return id;
}

/** The one grading rule (see the module comment): the choice equals the stored key. */
const gradeInSql = (ofThisQuestion: SQL, choiceId: string) =>
  sql<boolean>`(select ${questions.answer} = ${choiceId} from ${questions} where ${ofThisQuestion})`;

const result = (question: QuestionRow, response: ResponseRow): AnswerResult => ({
  correct: response.correct,
  correctChoiceId: question.answer,
  explanation: question.explanation,
  source: question.source,
});

const answeredItem = (question: QuestionRow, response: ResponseRow): AnsweredItem => ({
  questionId: question.id,
  choiceId: response.choiceId,
  ...result(question, response),
});

/**
 * The INSERT of a first answer, graded as it is stored: only while the attempt is open, asks the
 * question and the choice is one of the active question's; a second answer does nothing.
 */
function insertFirstAnswer(
  db: Database,
  attempt: AttemptRow,
  questionId: string,
  choiceId: string,
  ofThisQuestion: SQL,
) {
  return db
    .insert(responses)
    .select(
      db
        .select({
          attemptId: attempts.id,
          quizId: attempts.quizId,
          questionId: sql<string>`${questionId}`.as("question_id"),
          choiceId: sql<string>`${choiceId}`.as("choice_id"),
          correct: gradeInSql(ofThisQuestion, choiceId).as("correct"),
          answeredAt: sql<number>`${Date.now()}`.as("answered_at"),
        })
        .from(attempts)
        .where(
          and(
            eq(attempts.id, attempt.id),
            isNull(attempts.finishedAt),
            asks(attempts.questionIds, sql`${questionId}`),
            sql`exists (select 1 from ${questions}, json_each(${questions.choices}) as choice
              where ${ofThisQuestion} and json_extract(choice.value, '$.id') = ${choiceId})`,
          ),
        ),
    )
    .onConflictDoNothing();
}

/**
 * Stores the first answer to a question of an open attempt, graded in the same statement; the
 * same answer again gets the same result, another one a 409. One batch: insert only while the
 * attempt is open, asks the question and the choice is one of the active question's; then read
 * back what is stored and the question. Concurrent submissions all see the one stored row.
 */
export async function answerQuestion(
  db: Database,
  attempt: AttemptRow,
  questionId: string,
  choiceId: string,
): Promise<AnswerResult> {
  const ofThisQuestion = and(
    eq(questions.quizId, attempt.quizId),
    eq(questions.id, questionId),
    eq(questions.status, "active"),
  ) as SQL;
  const [, stored, found] = await withD1Retry(() =>
    db.batch([
      insertFirstAnswer(db, attempt, questionId, choiceId, ofThisQuestion),
      db
        .select()
        .from(responses)
        .where(and(eq(responses.attemptId, attempt.id), eq(responses.questionId, questionId))),
      db.select().from(questions).where(ofThisQuestion),
    ]),
  );
  const question = found[0];
  const response = stored[0];
  const asked = attempt.questionIds.length === 0 || attempt.questionIds.includes(questionId);
  if (!question || !asked) {
    throw new ApiError(
      404,
      "question_not_found",
      "This question is not in the attempt (any more).",
    );
  }
  if (!question.choices.some((choice) => choice.id === choiceId)) {
    throw new ApiError(400, "unknown_choice", `Question has no choice "${choiceId}".`);
  }
  if (!response) {
    throw new ApiError(409, "attempt_finished", "This attempt is finished; start a new one.");
  }
  if (response.choiceId !== choiceId) {
    throw new ApiError(
      409,
      "already_answered",
      "This question was already answered with another choice; the first answer counts.",
    );
  }
  return result(question, response);
}

/** The stored responses of an attempt, keyed by question id. */
async function responsesOf(db: Database, attemptId: string): Promise<Map<string, ResponseRow>> {
  const rows = await db
    .select()
    .from(responses)
    .where(eq(responses.attemptId, attemptId))
    .orderBy(asc(responses.answeredAt));
  return new Map(rows.map((r) => [r.questionId, r]));
}

/**
 * Finishes an attempt once: score and maxScore are recounts over the questions it asked that are
 * still in the quiz, written by one guarded UPDATE; a second finish changes nothing.
 */
export async function finishAttempt(db: Database, attempt: AttemptRow): Promise<FinishResult> {
  const [, finished] = await withD1Retry(() =>
    db.batch([
      db
        .update(attempts)
        .set({
          finishedAt: Date.now(),
          score: sql`(select count(*) from ${responses} r join ${questions} q
            on q.quiz_id = r.quiz_id and q.id = r.question_id
            where r.attempt_id = ${attempt.id} and r.correct = 1 and q.status = 'active')`,
          maxScore: sql`(select count(*) from ${questions} q
            where q.quiz_id = ${attempt.quizId} and q.status = 'active'
            and ${asks(sql`${attempts.questionIds}`, sql`q.id`)})`,
        })
        .where(and(eq(attempts.id, attempt.id), isNull(attempts.finishedAt))),
      db.select().from(attempts).where(eq(attempts.id, attempt.id)),
    ]),
  );
  const [asked, stored] = await Promise.all([
    askedQuestions(db, attempt),
    responsesOf(db, attempt.id),
  ]);
  const review = asked.map((question): ReviewItem => {
    const response = stored.get(question.id);
    return response
      ? answeredItem(question, response)
      : { questionId: question.id, choiceId: null, correct: false };
  });
  const final = finished[0];
  return { score: final?.score ?? 0, maxScore: final?.maxScore ?? asked.length, review };
}

/** Enough to resume: the answers so far (already revealed to this learner) and the questions asked. */
export async function attemptProgress(
  db: Database,
  attempt: AttemptRow,
  quizSlug: string,
): Promise<AttemptProgress> {
  const [asked, stored] = await Promise.all([
    askedQuestions(db, attempt),
    responsesOf(db, attempt.id),
  ]);
  const answers = asked.flatMap((question) => {
    const response = stored.get(question.id);
    return response ? [answeredItem(question, response)] : [];
  });
  return {
    attemptId: attempt.id,
    quiz: quizSlug,
    startedAt: new Date(attempt.startedAt).toISOString(),
    finishedAt: attempt.finishedAt ? new Date(attempt.finishedAt).toISOString() : null,
    score: attempt.score,
    maxScore: attempt.maxScore ?? asked.length,
    questionIds: asked.map((q) => q.id),
    answers,
  };
}
