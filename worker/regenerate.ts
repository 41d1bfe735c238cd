/**
 * "Regenerate" on the review page: replace one question with another question generated from the
 * quiz's stored article that the quiz does not have yet. The generator is deterministic, so it is
 * asked for a bigger bank than the quiz holds and the first candidate not already used is taken.
 * The old question is marked removed (its responses stay for the report), the new one takes its
 * place in the order under a fresh id.
 */
import { and, eq } from "drizzle-orm";
import type { Question } from "../questions/bank.ts";
import { UnusableArticleError } from "../questions/errors.ts";
import { generateBank } from "../questions/generate.ts";
import { forgetQuiz } from "./db/quiz-cache.ts";
import { withD1Retry } from "./db/retry.ts";
import { type QuestionRow, type QuizRow, questions } from "./db/schema.ts";
import type { Database } from "./env.ts";
import { ApiError, notFound } from "./errors.ts";

/** How many questions to ask the generator for when looking for an unused one (its maximum). */
const candidateCount = 50;

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/** The first generated question that repeats neither a prompt of the quiz nor an active question's sentence. */
export function pickReplacement(
  candidates: readonly Question[],
  existing: readonly Pick<QuestionRow, "prompt" | "status" | "source">[],
): Question | undefined {
  const prompts = new Set(existing.map((q) => normalise(q.prompt)));
  const sentences = new Set(
    existing.filter((q) => q.status === "active").map((q) => q.source.start),
  );
  return candidates.find(
    (q) => !prompts.has(normalise(q.prompt)) && !sentences.has(q.source.start),
  );
}

/** A question id not used by any question of the quiz (removed ones included). */
export function freshQuestionId(taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `r${n}`;
    if (!taken.has(id)) return id;
  }
}

/** Replaces the active question `questionId` of `quiz`; returns the new question's row. */
export async function regenerateQuestion(
  db: Database,
  quiz: QuizRow,
  questionId: string,
): Promise<QuestionRow> {
  const all = await db.select().from(questions).where(eq(questions.quizId, quiz.id));
  const old = all.find((q) => q.id === questionId && q.status === "active");
  if (!old) throw notFound("Question");
  let candidates: Question[];
  try {
    candidates = generateBank(quiz.article, {
      title: quiz.title,
      locale: quiz.locale,
      count: candidateCount,
    }).questions;
  } catch (err) {
    if (err instanceof UnusableArticleError) candidates = [];
    else throw err;
  }
  const replacement = pickReplacement(candidates, all);
  if (!replacement) {
    throw new ApiError(
      409,
      "no_more_questions",
      "The article has no other question to offer. Edit this question by hand or remove it.",
    );
  }
  const row: QuestionRow = {
    quizId: quiz.id,
    id: freshQuestionId(new Set(all.map((q) => q.id))),
    position: old.position,
    type: replacement.type,
    prompt: replacement.prompt,
    choices: replacement.choices,
    answer: replacement.answer,
    explanation: replacement.explanation,
    source: replacement.source,
    status: "active",
  };
  await withD1Retry(() =>
    db.batch([
      db
        .update(questions)
        .set({ status: "removed" })
        .where(and(eq(questions.quizId, quiz.id), eq(questions.id, old.id))),
      // A retried batch finds the row already there and keeps it.
      db.insert(questions).values(row).onConflictDoNothing(),
    ]),
  );
  forgetQuiz(quiz.slug);
  return row;
}
