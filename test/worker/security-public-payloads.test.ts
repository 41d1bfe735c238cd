// No key before the answer: every payload anyone can get without a credential is scanned for the
// correct choice, explanations and source passages. A question's grade may appear only after that
// question was answered in that attempt, and only in that attempt's payloads.
import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { beforeEach, describe, expect, it } from "vitest";
import type { Bank } from "../../questions/bank.ts";
import { storeBankStatements } from "../../worker/db/banks.ts";
import * as schema from "../../worker/db/schema.ts";
import { call, resetDatabase } from "./fixtures.ts";

const quiz = "payload-scan";
const article = "A plain article. Nothing in it gives any of the answers away.";

/** Explanations and sources carry unique markers, so a leak shows up wherever it lands. */
const bank: Bank = {
  version: 1,
  title: "Payload scan",
  locale: "en",
  articleHash: "1".repeat(64),
  questions: ["q1", "q2", "q3"].map((id, i) => ({
    id,
    type: "cloze" as const,
    prompt: `Question ${id} asks about ____.`,
    choices: ["a", "b", "c", "d"].map((choice) => ({ id: choice, text: `${id} option ${choice}` })),
    answer: ["c", "a", "d"][i] ?? "a",
    explanation: `EXPLANATION-MARKER-${id}`,
    source: { start: 0, end: 10, text: `SOURCE-MARKER-${id}` },
  })),
};

const revealingKeys =
  /^(answer|correct|correctChoiceId|explanation|source|solution|key|isCorrect|rationale)$/i;

beforeEach(async () => {
  await resetDatabase();
  const db = drizzle(env.DB, { schema });
  await db.batch(
    storeBankStatements(db, {
      slug: quiz,
      bank,
      article,
      status: "published",
      mode: "upsert",
      now: Date.now(),
    }),
  );
});

interface Payload {
  what: string;
  text: string;
  /** The question a payload is about when it does not say so itself (an answer's reply). */
  about?: string;
}

async function payload(what: string, res: Response, about?: string): Promise<Payload> {
  return { what, text: await res.text(), ...(about !== undefined && { about }) };
}

/** Question ids whose grade a payload reveals: by marker text, or by grading keys beside the id. */
function revealedQuestions(p: Payload): Set<string> {
  const revealed = new Set<string>();
  for (const q of bank.questions) {
    if (p.text.includes(`EXPLANATION-MARKER-${q.id}`) || p.text.includes(`SOURCE-MARKER-${q.id}`)) {
      revealed.add(q.id);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(p.text);
  } catch {
    return revealed;
  }
  const visit = (node: unknown, context: string | null) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, context);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    const own =
      typeof record.questionId === "string"
        ? record.questionId
        : typeof record.id === "string" && bank.questions.some((q) => q.id === record.id)
          ? record.id
          : context;
    for (const [key, value] of Object.entries(record)) {
      // `correct: false` on an unanswered review item says nothing about the key.
      const says =
        revealingKeys.test(key) &&
        !(key === "correct" && value === false && record.choiceId === null);
      if (says) revealed.add(own ?? "<no question>");
      visit(value, own);
    }
  };
  visit(json, p.about ?? null);
  return revealed;
}

function expectReveals(p: Payload, allowed: readonly string[]) {
  const extra = [...revealedQuestions(p)].filter((id) => !allowed.includes(id));
  expect(extra, `${p.what} reveals the key of ${extra.join(", ")}`).toEqual([]);
}

async function startAttempt(): Promise<{ attemptId: string; payload: Payload }> {
  const res = await call("POST", `/api/quizzes/${quiz}/attempts`, {});
  const p = await payload("start attempt", res);
  return { attemptId: (JSON.parse(p.text) as { attemptId: string }).attemptId, payload: p };
}

const answer = (attemptId: string, questionId: string, choiceId: string) =>
  call("PUT", `/api/attempts/${attemptId}/answers/${questionId}`, { choiceId });

describe("public payloads", () => {
  it("reveal nothing before any answer: quiz, attempt, progress, pages, errors", async () => {
    const { attemptId, payload: started } = await startAttempt();
    const payloads = [
      started,
      await payload("quiz", await call("GET", `/api/quizzes/${quiz}`)),
      await payload("progress", await call("GET", `/api/attempts/${attemptId}`)),
      await payload("health", await call("GET", "/api/health")),
      await payload("demo page", await call("GET", `/?quiz=${quiz}`)),
      await payload("embed page", await call("GET", `/embed/${quiz}`)),
      await payload(
        "oembed",
        await call("GET", `/oembed?url=${encodeURIComponent(`http://recall.test/embed/${quiz}`)}`),
      ),
      await payload("unknown choice", await answer(attemptId, "q2", "z"), "q2"),
      await payload("malformed choice", await answer(attemptId, "q2", "not a choice")),
      await payload("unknown question", await answer(attemptId, "q9", "a"), "q9"),
      // The educator API without a credential.
      await payload("questions, no key", await call("GET", `/api/quizzes/${quiz}/questions`)),
      await payload("report, no key", await call("GET", `/api/quizzes/${quiz}/report`)),
      await payload("csv, no key", await call("GET", `/api/quizzes/${quiz}/report.csv`)),
      await payload("xapi, no key", await call("GET", `/api/quizzes/${quiz}/xapi`)),
    ];
    for (const p of payloads) expectReveals(p, []);
  });

  it("reveal a question's grade only after it was answered, and only in that attempt", async () => {
    const { attemptId } = await startAttempt();
    const { attemptId: otherAttempt } = await startAttempt();

    const graded = await payload("answer q1", await answer(attemptId, "q1", "b"), "q1");
    expect(revealedQuestions(graded)).toEqual(new Set(["q1"]));
    expectReveals(await payload("replay q1", await answer(attemptId, "q1", "b"), "q1"), ["q1"]);
    expectReveals(await payload("conflict q1", await answer(attemptId, "q1", "c"), "q1"), ["q1"]);
    expectReveals(
      await payload("progress after q1", await call("GET", `/api/attempts/${attemptId}`)),
      ["q1"],
    );

    // Another attempt (another reader) learns nothing from the first one's answers.
    expectReveals(
      await payload("other progress", await call("GET", `/api/attempts/${otherAttempt}`)),
      [],
    );
    expectReveals(await payload("quiz after q1", await call("GET", `/api/quizzes/${quiz}`)), []);

    expectReveals(await payload("answer q2", await answer(attemptId, "q2", "a"), "q2"), ["q2"]);
    // Finishing does not hand out the key of the question left unanswered.
    const finished = await payload(
      "finish",
      await call("POST", `/api/attempts/${attemptId}/finish`),
    );
    expect(revealedQuestions(finished)).toEqual(new Set(["q1", "q2"]));
    expectReveals(
      await payload("finish again", await call("POST", `/api/attempts/${attemptId}/finish`)),
      ["q1", "q2"],
    );
    expectReveals(
      await payload("answer q3 after finish", await answer(attemptId, "q3", "d"), "q3"),
      ["q1", "q2"],
    );
    expectReveals(
      await payload("progress after finish", await call("GET", `/api/attempts/${attemptId}`)),
      ["q1", "q2"],
    );
  });

  it("the scanner itself catches a leak", () => {
    expect(
      revealedQuestions({ what: "x", text: '{"questions":[{"id":"q3","answer":"d"}]}' }),
    ).toEqual(new Set(["q3"]));
    expect(revealedQuestions({ what: "x", text: "<p>EXPLANATION-MARKER-q2</p>" })).toEqual(
      new Set(["q2"]),
    );
  });
});
