/**
 * xAPI 1.0.3 statements for a quiz: one `answered` statement per response, one `completed`
 * statement per finished attempt, and one `answered` statement per spaced review, marked by the
 * context extension `…/xapi/extensions/review` (the review's number: 1 for the first review of
 * that question by that learner) and sent with the learner's first attempt on the quiz. Learners are identified only by the widget's anonymous id (or
 * the attempt, when there is none) as an account on this deployment's origin — never by e-mail.
 * Statement ids are name-based UUIDs (v5) of the attempt and question, so exporting twice gives
 * the same ids and a Learning Record Store can deduplicate.
 */
import { v5 as uuidv5 } from "uuid";
import type { ExportAttempt, ExportQuestion, ExportResponse } from "./exports.ts";
import type { ExportReview } from "./review-exports.ts";

export const verbs = {
  answered: "http://adlnet.gov/expapi/verbs/answered",
  completed: "http://adlnet.gov/expapi/verbs/completed",
} as const;

const activityTypes = {
  assessment: "http://adlnet.gov/expapi/activities/assessment",
  interaction: "http://adlnet.gov/expapi/activities/cmi.interaction",
} as const;

/** Share of the maximum score that counts as success for `completed` (no quiz sets its own yet). */
export const passingScaledScore = 0.5;

type LanguageMap = Record<string, string>;

export interface XapiStatement {
  id: string;
  actor: {
    objectType: "Agent";
    name?: string;
    account: { homePage: string; name: string };
  };
  verb: { id: string; display: LanguageMap };
  object: {
    objectType: "Activity";
    id: string;
    definition: {
      type: string;
      name: LanguageMap;
      interactionType?: "choice";
      correctResponsesPattern?: string[];
      choices?: { id: string; description: LanguageMap }[];
    };
  };
  result: {
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
    score: { scaled: number; raw: number; min: number; max: number };
  };
  context: {
    registration: string;
    language?: string;
    contextActivities?: { parent: { objectType: "Activity"; id: string }[] };
    extensions?: Record<string, string | number>;
  };
  timestamp: string;
  version: "1.0.3";
}

export interface XapiQuiz {
  slug: string;
  title: string;
  locale: string;
}

/** Activity IRIs under the deployment's origin. */
export const quizActivityId = (origin: string, slug: string) =>
  `${origin}/quizzes/${encodeURIComponent(slug)}`;
export const questionActivityId = (origin: string, slug: string, questionId: string) =>
  `${quizActivityId(origin, slug)}/questions/${encodeURIComponent(questionId)}`;

/** Context extensions carrying the group and embedding page, keyed by IRIs on the origin. */
export const extensionIds = (origin: string) => ({
  group: `${origin}/xapi/extensions/group`,
  pageUrl: `${origin}/xapi/extensions/page-url`,
  /** On a review's statement: the review's number (1, 2, …); absent on a quiz answer. */
  review: `${origin}/xapi/extensions/review`,
});

/**
 * Statement ids are version-5 UUIDs of what the statement says ("answered", the attempt, the
 * question) in Recall's own namespace, never of the request's hostname: the same statement gets
 * the same id from any address of the deployment, so an LRS de-duplicates re-sent exports.
 */
const statementNamespace = uuidv5("https://recall.invalid/xapi/statements", uuidv5.URL);

export const statementId = (...parts: string[]): string =>
  uuidv5(parts.join("/"), statementNamespace);

/** ISO 8601 duration with up to two decimals of seconds, e.g. PT12.5S. */
export function isoDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  return `PT${Number(seconds.toFixed(2))}S`;
}

function actorOf(origin: string, attempt: ExportAttempt): XapiStatement["actor"] {
  return {
    objectType: "Agent",
    ...(attempt.learnerName ? { name: attempt.learnerName } : {}),
    account: { homePage: origin, name: attempt.learnerId ?? `anonymous-${attempt.id}` },
  };
}

function contextOf(origin: string, quiz: XapiQuiz, attempt: ExportAttempt, withParent: boolean) {
  const ext = extensionIds(origin);
  const extensions: Record<string, string | number> = {};
  if (attempt.group) extensions[ext.group] = attempt.group;
  if (attempt.pageUrl) extensions[ext.pageUrl] = attempt.pageUrl;
  return {
    registration: attempt.id,
    language: quiz.locale,
    ...(withParent
      ? {
          contextActivities: {
            parent: [{ objectType: "Activity" as const, id: quizActivityId(origin, quiz.slug) }],
          },
        }
      : {}),
    ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
  };
}

/** The question as an xAPI choice interaction (with its key and choices when it still exists). */
function questionObject(
  origin: string,
  quiz: XapiQuiz,
  questionId: string,
  question: ExportQuestion | undefined,
): XapiStatement["object"] {
  const lang = quiz.locale;
  return {
    objectType: "Activity",
    id: questionActivityId(origin, quiz.slug, questionId),
    definition: {
      type: activityTypes.interaction,
      name: { [lang]: question?.prompt ?? questionId },
      interactionType: "choice",
      ...(question
        ? {
            correctResponsesPattern: [question.answer],
            choices: question.choices.map((c) => ({ id: c.id, description: { [lang]: c.text } })),
          }
        : {}),
    },
  };
}

const answeredVerb = { id: verbs.answered, display: { "en-US": "answered" } };

const pointsOf = (correct: boolean) => {
  const points = correct ? 1 : 0;
  return { scaled: points, raw: points, min: 0, max: 1 };
};

async function answeredStatement(
  origin: string,
  quiz: XapiQuiz,
  attempt: ExportAttempt,
  response: ExportResponse,
  previousAt: number,
  question: ExportQuestion | undefined,
): Promise<XapiStatement> {
  return {
    id: statementId("answered", attempt.id, response.questionId),
    actor: actorOf(origin, attempt),
    verb: answeredVerb,
    object: questionObject(origin, quiz, response.questionId, question),
    result: {
      success: response.correct,
      response: response.choiceId,
      duration: isoDuration(response.answeredAt - previousAt),
      score: pointsOf(response.correct),
    },
    context: contextOf(origin, quiz, attempt, true),
    timestamp: new Date(response.answeredAt).toISOString(),
    version: "1.0.3",
  };
}

/** A spaced review of a question, answered days after the attempt: `answered`, marked a review. */
function reviewStatement(
  origin: string,
  quiz: XapiQuiz,
  attempt: ExportAttempt,
  review: ExportReview,
  question: ExportQuestion | undefined,
): XapiStatement {
  const context = contextOf(origin, quiz, attempt, true);
  return {
    id: statementId("reviewed", attempt.id, review.questionId, String(review.reviewNumber)),
    actor: actorOf(origin, attempt),
    verb: answeredVerb,
    object: questionObject(origin, quiz, review.questionId, question),
    result: {
      success: review.correct,
      response: review.choiceId,
      score: pointsOf(review.correct),
    },
    context: {
      ...context,
      extensions: { ...context.extensions, [extensionIds(origin).review]: review.reviewNumber },
    },
    timestamp: new Date(review.reviewedAt).toISOString(),
    version: "1.0.3",
  };
}

async function completedStatement(
  origin: string,
  quiz: XapiQuiz,
  attempt: ExportAttempt & { finishedAt: number },
): Promise<XapiStatement> {
  const objectId = quizActivityId(origin, quiz.slug);
  const raw = attempt.score ?? 0;
  const max = attempt.maxScore ?? 0;
  const scaled = max > 0 ? raw / max : 0;
  return {
    id: statementId("completed", attempt.id),
    actor: actorOf(origin, attempt),
    verb: { id: verbs.completed, display: { "en-US": "completed" } },
    object: {
      objectType: "Activity",
      id: objectId,
      definition: { type: activityTypes.assessment, name: { [quiz.locale]: quiz.title } },
    },
    result: {
      success: scaled >= passingScaledScore,
      completion: true,
      duration: isoDuration(attempt.finishedAt - attempt.startedAt),
      score: { scaled, raw, min: 0, max },
    },
    context: contextOf(origin, quiz, attempt, false),
    timestamp: new Date(attempt.finishedAt).toISOString(),
    version: "1.0.3",
  };
}

/** The statements of one attempt, in time order: its answers, its completion, then its reviews. */
export async function statementsForAttempt(
  origin: string,
  quiz: XapiQuiz,
  attempt: ExportAttempt,
  questions: Map<string, ExportQuestion>,
): Promise<XapiStatement[]> {
  const statements: XapiStatement[] = [];
  let previousAt = attempt.startedAt;
  for (const response of attempt.responses) {
    statements.push(
      await answeredStatement(
        origin,
        quiz,
        attempt,
        response,
        previousAt,
        questions.get(response.questionId),
      ),
    );
    previousAt = response.answeredAt;
  }
  if (attempt.finishedAt !== null) {
    statements.push(
      await completedStatement(origin, quiz, { ...attempt, finishedAt: attempt.finishedAt }),
    );
  }
  for (const review of attempt.reviews) {
    statements.push(
      reviewStatement(origin, quiz, attempt, review, questions.get(review.questionId)),
    );
  }
  return statements;
}
