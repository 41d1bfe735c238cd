/**
 * Attempts: start (idempotent on a client-made id), answer, finish, progress. Plain functions over
 * the database that own every invariant of a learner's score; the JSON routes call them.
 *
 * The grading rule, in one place: an answer is correct when its choice is the question's stored
 * key at the moment the response row is inserted (`insertFirstAnswerSql` below: `k.answer = ?3`
inside that INSERT). The
 * grade is stored with the response, and everything after it (the reply, finish's score, the
 * review, the reports) reads the stored grade; a key can no longer change once a response exists
 * (worker/services/quizzes.ts guards the edit in the same statement).
 *
 * Answering and finishing run on every learner's every click, so they are plain SQL on the D1
 * binding, each one batch (one round trip, one transaction) with no read before it.
 */
import { asc, eq } from "drizzle-orm";
import type { SourcePassage } from "../../questions/bank.ts";
import type {
  AnsweredItem,
  AnswerResult,
  AttemptProgress,
  FinishResult,
  ReviewItem,
} from "../contract.ts";
import { rememberAttemptQuiz } from "../db/lookups.ts";
import { rememberOrigins } from "../db/quiz-cache.ts";
import { activeQuestions } from "../db/quizzes.ts";
import { withD1Retry } from "../db/retry.ts";
import {
  type AttemptRow,
  attempts,
  type QuestionRow,
  type QuizRow,
  type ResponseRow,
  responses,
} from "../db/schema.ts";
import type { Database } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";

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
  // The learner's answers will likely come to this isolate: their CORS check needs no read.
  rememberAttemptQuiz(id, quiz.id);
  rememberOrigins(quiz.id, quiz.slug, quiz.allowedOrigins);
  return id;
}

/** SQL: does the recorded question list `list` (empty means every question) include `question`? */
const asksSql = (list: string, question: string) => `(json_array_length(${list}) = 0
  or exists (select 1 from json_each(${list}) where value = ${question}))`;

/**
 * The first answer, graded as it is stored (the one grading rule: the choice equals the stored
 * key): only while the attempt is open, asks the question and the choice is one of the active
 * question's; a second answer does nothing. Its time to answer is measured from the attempt's
 * latest earlier answer, or its start (the same rule as the insert trigger of
 * migrations/0006_report_counter_triggers.sql). ?1 attempt, ?2 question, ?3 choice, ?4 now.
 */
const insertFirstAnswerSql = `insert into responses
  (attempt_id, quiz_id, question_id, choice_id, correct, answered_at, ms_to_answer)
select a.id, a.quiz_id, k.id, ?3, k.answer = ?3, ?4, max(0, ?4 - coalesce(
    (select max(p.answered_at) from responses p where p.quiz_id = a.quiz_id and p.attempt_id = a.id
      and (p.answered_at < ?4 or (p.answered_at = ?4 and p.question_id < ?2))),
    a.started_at))
from attempts a join questions k on k.quiz_id = a.quiz_id and k.id = ?2 and k.status = 'active'
where a.id = ?1 and a.finished_at is null and ${asksSql("a.question_ids", "?2")}
  and exists (select 1 from json_each(k.choices) where json_extract(value, '$.id') = ?3)
on conflict do nothing`;

/** What is stored after the insert, and what the reply needs: one row when the attempt exists. */
const storedAnswerSql = `select k.id is not null as active, ${asksSql("a.question_ids", "?2")} as asked,
  exists (select 1 from json_each(k.choices) where json_extract(value, '$.id') = ?3) as knownChoice,
  r.choice_id as storedChoice, r.correct as correct,
  k.answer as answer, k.explanation as explanation, k.source as source
from attempts a
left join questions k on k.quiz_id = a.quiz_id and k.id = ?2 and k.status = 'active'
left join responses r on r.attempt_id = a.id and r.question_id = ?2
where a.id = ?1`;

interface StoredAnswer {
  active: number;
  asked: number;
  knownChoice: number;
  storedChoice: string | null;
  correct: number | null;
  answer: string | null;
  explanation: string | null;
  source: string | null;
}

/**
 * Stores the first answer to a question of an open attempt, graded in the same statement; the
 * same answer again gets the same result, another one a 409. One batch, two statements on the
 * binding itself (this runs on every answer): the guarded insert, then what is stored and the
 * question. Concurrent submissions all see the one stored row. `stored` says whether this call
 * stored the answer (or may have: a retried batch); the rest changed nothing.
 */
export async function answerQuestion(
  d1: D1Database,
  attemptId: string,
  questionId: string,
  choiceId: string,
): Promise<{ result: AnswerResult; stored: boolean }> {
  let tries = 0;
  const [inserted, read] = await withD1Retry(() => {
    tries++;
    return d1.batch([
      d1.prepare(insertFirstAnswerSql).bind(attemptId, questionId, choiceId, Date.now()),
      d1.prepare(storedAnswerSql).bind(attemptId, questionId, choiceId),
    ]);
  });
  const row = (read?.results as StoredAnswer[] | undefined)?.[0];
  if (!row) throw notFound("Attempt");
  if (!row.active || !row.asked) {
    throw new ApiError(
      404,
      "question_not_found",
      "This question is not in the attempt (any more).",
    );
  }
  if (!row.knownChoice) {
    throw new ApiError(400, "unknown_choice", `Question has no choice "${choiceId}".`);
  }
  if (row.storedChoice === null) {
    throw new ApiError(409, "attempt_finished", "This attempt is finished; start a new one.");
  }
  if (row.storedChoice !== choiceId) {
    throw new ApiError(
      409,
      "already_answered",
      "This question was already answered with another choice; the first answer counts.",
    );
  }
  return {
    result: {
      correct: row.correct === 1,
      correctChoiceId: row.answer ?? "",
      explanation: row.explanation ?? "",
      source: JSON.parse(row.source ?? "null") as SourcePassage,
    },
    // A batch retried after a lost reply may have stored the row on its first try.
    stored: (inserted?.meta.changes ?? 0) > 0 || tries > 1,
  };
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
 * Finishing, once: score and maxScore are recounts over the questions the attempt asked that are
 * still in the quiz, written by one guarded UPDATE; a second finish changes nothing. ?1 attempt,
 * ?2 now.
 */
const finishSql = `update attempts set finished_at = ?2,
  score = (select count(*) from responses r join questions q
    on q.quiz_id = r.quiz_id and q.id = r.question_id
    where r.attempt_id = ?1 and r.correct = 1 and q.status = 'active'),
  max_score = (select count(*) from questions q
    where q.quiz_id = attempts.quiz_id and q.status = 'active'
      and ${asksSql("attempts.question_ids", "q.id")})
where id = ?1 and finished_at is null`;

/**
 * The score as stored, and the review: every question the attempt asked that is still in the
 * quiz, in quiz order (one row with no question when none is left; no row: no such attempt).
 */
const reviewSql = `select a.score as score, a.max_score as maxScore, k.id as questionId,
  r.choice_id as choiceId, r.correct as correct,
  k.answer as answer, k.explanation as explanation, k.source as source
from attempts a
left join questions k on k.quiz_id = a.quiz_id and k.status = 'active'
  and ${asksSql("a.question_ids", "k.id")}
left join responses r on r.attempt_id = a.id and r.question_id = k.id
where a.id = ?1
order by k.position`;

interface ReviewRow {
  score: number | null;
  maxScore: number | null;
  questionId: string | null;
  choiceId: string | null;
  correct: number | null;
  answer: string;
  explanation: string;
  source: string;
}

/**
 * Finishes an attempt (see `finishSql`) and returns its score and review, in one batch;
 * `finished` says whether this call finished it (or may have: a retried batch).
 */
export async function finishAttempt(
  d1: D1Database,
  attemptId: string,
): Promise<{ result: FinishResult; finished: boolean }> {
  const now = Date.now();
  let tries = 0;
  const [updated, reviewed] = await withD1Retry(() => {
    tries++;
    return d1.batch([
      d1.prepare(finishSql).bind(attemptId, now),
      d1.prepare(reviewSql).bind(attemptId),
    ]);
  });
  const rows = (reviewed?.results ?? []) as ReviewRow[];
  const final = rows[0];
  if (!final) throw notFound("Attempt");
  const review: ReviewItem[] = [];
  for (const row of rows) {
    if (row.questionId === null) continue;
    review.push(
      row.choiceId === null
        ? { questionId: row.questionId, choiceId: null, correct: false }
        : {
            questionId: row.questionId,
            choiceId: row.choiceId,
            correct: row.correct === 1,
            correctChoiceId: row.answer,
            explanation: row.explanation,
            source: JSON.parse(row.source) as SourcePassage,
          },
    );
  }
  return {
    result: { score: final.score ?? 0, maxScore: final.maxScore ?? review.length, review },
    finished: (updated?.meta.changes ?? 0) > 0 || tries > 1,
  };
}

/** An answered question as the progress shows it (already revealed to this learner). */
const answeredItem = (question: QuestionRow, response: ResponseRow): AnsweredItem => ({
  questionId: question.id,
  choiceId: response.choiceId,
  correct: response.correct,
  correctChoiceId: question.answer,
  explanation: question.explanation,
  source: question.source,
});

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
