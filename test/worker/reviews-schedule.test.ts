// Spaced review over HTTP inside workerd with a real D1 and the clock moved by the test: a missed
// question is due a day after the first try (not before), a right review pushes it out by days, a
// wrong one brings it back in a day; nothing due is an empty list; learners see only their own.
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { learnerIdFor } from "../../worker/routes/learners.ts";
import { bank, call, resetDatabase, seedQuiz, slug } from "./fixtures.ts";
import {
  dayMs,
  dueFor,
  freezeClock,
  hourMs,
  newLearnerId,
  review,
  reviewed,
  reviewRows,
  setClock,
  t0,
  takeQuiz,
} from "./reviews-fixtures.ts";

const q1 = `${slug}.q1`;
const q3 = `${slug}.q3`;

let ada: string;
let bob: string;

beforeEach(async () => {
  ada = newLearnerId();
  bob = newLearnerId();
  await resetDatabase();
  await seedQuiz();
  freezeClock(t0);
  // Ada misses q1 and q3 (keys b, a, d) and gets q2 right.
  await takeQuiz(ada, { q1: "a", q2: "a", q3: "c" });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("a question missed on the first try", () => {
  it("is not due before a day has passed, only scheduled", async () => {
    setClock(t0 + 23 * hourMs);
    expect(await dueFor(ada)).toEqual({ due: [], dueLater: 2 });
  });

  it("is due a day later, without key, explanation or source", async () => {
    setClock(t0 + dayMs + 60_000);
    const { due, dueLater } = await dueFor(ada);
    expect(dueLater).toBe(0);
    expect(due.map((d) => d.questionId)).toEqual([q1, q3]);
    const first = due[0];
    expect(first).toEqual({
      questionId: q1,
      prompt: bank.questions[0]?.prompt,
      choices: bank.questions[0]?.choices,
      quiz: { slug, title: "Mount Example", sourceUrl: null },
    });
    const text = JSON.stringify(due);
    for (const q of bank.questions) {
      expect(text).not.toContain(q.explanation);
      expect(text).not.toContain(q.source.text);
      expect(text).not.toContain('"answer"');
    }
  });

  it("stays missed though a retry round got it right the same day", async () => {
    setClock(t0 + 60_000);
    const res = await call("POST", `/api/quizzes/${slug}/attempts`, {
      learnerId: ada,
      questionIds: ["q1"],
    });
    const { attemptId } = (await res.json()) as { attemptId: string };
    await call("PUT", `/api/attempts/${attemptId}/answers/q1`, { choiceId: "b" });
    setClock(t0 + dayMs);
    expect((await dueFor(ada)).due.map((d) => d.questionId)).toEqual([q1, q3]);
  });
});

describe("answering a due review", () => {
  it("right: the same feedback as an answer, and due again in days, not tomorrow", async () => {
    const now = t0 + dayMs + hourMs;
    setClock(now);
    const result = await reviewed(ada, q1, "b");
    expect(result).toEqual({
      correct: true,
      correctChoiceId: "b",
      explanation: bank.questions[0]?.explanation,
      source: bank.questions[0]?.source,
      nextDueAt: new Date(now + 3 * dayMs).toISOString(),
    });
    setClock(now + 2 * dayMs);
    expect(await dueFor(ada)).toMatchObject({ dueLater: 1 });
    expect((await dueFor(ada)).due.map((d) => d.questionId)).toEqual([q3]);
    setClock(now + 3 * dayMs);
    // The most overdue first: q3 has been due for three days, q1 just now.
    expect((await dueFor(ada)).due.map((d) => d.questionId)).toEqual([q3, q1]);
  });

  it("right twice: the interval grows from days to more than a week", async () => {
    let now = t0 + dayMs;
    setClock(now);
    const first = await reviewed(ada, q1, "b");
    now = Date.parse(first.nextDueAt);
    setClock(now);
    const second = await reviewed(ada, q1, "b");
    const gap = Date.parse(second.nextDueAt) - now;
    expect(gap).toBeGreaterThan(7 * dayMs);
    expect(gap).toBeGreaterThan(Date.parse(first.nextDueAt) - t0 - dayMs);
  });

  it("wrong: due again about a day later", async () => {
    const now = t0 + 2 * dayMs;
    setClock(now);
    const result = await reviewed(ada, q3, "a");
    expect(result.correct).toBe(false);
    expect(result.correctChoiceId).toBe("d");
    expect(result.nextDueAt).toBe(new Date(now + dayMs).toISOString());
    setClock(now + dayMs - 60_000);
    expect((await dueFor(ada)).due.map((d) => d.questionId)).toEqual([q1]);
    setClock(now + dayMs);
    expect((await dueFor(ada)).due.map((d) => d.questionId)).toEqual([q1, q3]);
  });

  it("stores one card and one review answer per review", async () => {
    setClock(t0 + dayMs);
    await reviewed(ada, q1, "b");
    await reviewed(ada, q3, "a");
    expect(await reviewRows()).toEqual({ cards: 2, answers: 2 });
    const rows = await env.DB.prepare(
      "select question_id, review_number, choice_id, correct from review_answers order by question_id",
    ).all();
    expect(rows.results).toEqual([
      { question_id: "q1", review_number: 1, choice_id: "b", correct: 1 },
      { question_id: "q3", review_number: 1, choice_id: "a", correct: 0 },
    ]);
  });
});

describe("idempotency", () => {
  it("the same answer again returns the same result and stores nothing more", async () => {
    setClock(t0 + dayMs);
    const first = await reviewed(ada, q1, "a");
    setClock(t0 + dayMs + 5_000);
    expect(await reviewed(ada, q1, "a")).toEqual(first);
    expect(await reviewRows()).toEqual({ cards: 1, answers: 1 });
  });

  it("another choice for an item already reviewed gets 409 already_reviewed", async () => {
    setClock(t0 + dayMs);
    await reviewed(ada, q1, "a");
    const res = await review(ada, q1, "b");
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("already_reviewed");
    expect(await reviewRows()).toEqual({ cards: 1, answers: 1 });
  });

  it("concurrent reviews of one item store exactly one", async () => {
    setClock(t0 + dayMs);
    const replies = await Promise.all(
      ["a", "b", "a", "c", "b", "a", "d", "b"].map((choice) => review(ada, q1, choice)),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const stored = await env.DB.prepare(
      "select choice_id from review_answers where question_id = 'q1'",
    ).all<{ choice_id: string }>();
    expect(stored.results).toHaveLength(1);
    const winner = stored.results[0]?.choice_id;
    const bodies = (await Promise.all(replies.map((r) => r.json()))) as {
      correct?: boolean;
    }[];
    // Every 200 is the stored review's reply; every other choice was refused.
    const choices = ["a", "b", "a", "c", "b", "a", "d", "b"];
    choices.forEach((choice, i) => {
      expect(statuses[i]).toBe(choice === winner ? 200 : 409);
      if (choice === winner) expect(bodies[i]?.correct).toBe(winner === "b");
    });
    expect(await reviewRows()).toEqual({ cards: 1, answers: 1 });
  });
});

describe("what is not due", () => {
  it("a question answered right on the first try is never due: 409 not_due", async () => {
    setClock(t0 + 10 * dayMs);
    const res = await review(ada, `${slug}.q2`, "a");
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_due");
    expect(await reviewRows()).toEqual({ cards: 0, answers: 0 });
  });

  it("a missed question before its day: 409 not_due", async () => {
    setClock(t0 + 12 * hourMs);
    const res = await review(ada, q1, "b");
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      new Date(t0 + dayMs).toISOString(),
    );
    expect(await reviewRows()).toEqual({ cards: 0, answers: 0 });
  });

  it("a reviewed question before it is due again, with a new choice: 409", async () => {
    setClock(t0 + dayMs);
    await reviewed(ada, q1, "b");
    setClock(t0 + 2 * dayMs);
    expect((await review(ada, q1, "c")).status).toBe(409);
    expect(await reviewRows()).toEqual({ cards: 1, answers: 1 });
  });
});

describe("learners see only their own", () => {
  it("a learner with nothing due gets an empty list", async () => {
    setClock(t0 + 30 * dayMs);
    expect(await dueFor(bob)).toEqual({ due: [], dueLater: 0 });
  });

  it("another learner sees nothing of this one's and cannot review it", async () => {
    await takeQuiz(bob, { q1: "b", q2: "a", q3: "d" });
    setClock(t0 + 3 * dayMs);
    expect(await dueFor(bob)).toEqual({ due: [], dueLater: 0 });
    const res = await review(bob, q1, "b");
    expect(res.status).toBe(409);
    expect((await dueFor(ada)).due).toHaveLength(2);
    expect(await reviewRows()).toEqual({ cards: 0, answers: 0 });
  });

  it("erasing the learner erases the review schedule and answers too", async () => {
    setClock(t0 + dayMs);
    await reviewed(ada, q1, "b");
    const secret = "s".repeat(40);
    const erasable = await learnerIdFor(secret);
    await takeQuiz(erasable, { q1: "a" });
    setClock(t0 + 2 * dayMs + hourMs);
    await reviewed(erasable, q1, "b");
    expect(await reviewRows()).toEqual({ cards: 2, answers: 2 });
    const res = await call("DELETE", `/api/learners/${erasable}`, undefined, {
      authorization: `Bearer ${secret}`,
    });
    expect(res.status).toBe(204);
    expect(await reviewRows()).toEqual({ cards: 1, answers: 1 });
    expect(await dueFor(erasable)).toEqual({ due: [], dueLater: 0 });
  });
});

describe("what is offered", () => {
  it("a removed question is neither due nor counted later", async () => {
    await env.DB.prepare("update questions set status = 'removed' where id = 'q3'").run();
    setClock(t0 + dayMs);
    expect(await dueFor(ada)).toEqual({
      due: [expect.objectContaining({ questionId: q1 })],
      dueLater: 0,
    });
    expect((await review(ada, q3, "d")).status).toBe(404);
  });

  it("deleting the quiz deletes its review cards", async () => {
    setClock(t0 + dayMs);
    await reviewed(ada, q1, "b");
    await env.DB.prepare("delete from quizzes where slug = ?").bind(slug).run();
    expect(await reviewRows()).toEqual({ cards: 0, answers: 0 });
  });
});
