// The learner API, called over HTTP inside workerd against a real local D1 with the real migrations.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type {
  AnswerResult,
  AttemptProgress,
  FinishResult,
  PublicQuiz,
} from "../../worker/contract.ts";
import { expectError } from "./expect-error.ts";
import {
  answer,
  bank,
  call,
  countRows,
  resetDatabase,
  seedQuiz,
  slug,
  startAttempt,
} from "./fixtures.ts";

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz();
});

describe("GET /api/health", () => {
  it("answers ok", async () => {
    const res = await call("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe("GET /api/quizzes/:slug", () => {
  it("returns the questions without key, explanation or source", async () => {
    const res = await call("GET", `/api/quizzes/${slug}`);
    expect(res.status).toBe(200);
    const quiz = (await res.json()) as PublicQuiz;
    expect(quiz.title).toBe("Mount Example");
    expect(quiz.questions.map((q) => q.id)).toEqual(["q1", "q2", "q3"]);
    const text = JSON.stringify(quiz);
    for (const q of bank.questions) {
      expect(text).not.toContain(q.explanation);
      expect(text).not.toContain(q.source.text);
    }
    for (const q of quiz.questions) {
      expect(Object.keys(q).sort()).toEqual(["choices", "id", "prompt", "type"]);
      for (const choice of q.choices) expect(Object.keys(choice).sort()).toEqual(["id", "text"]);
    }
  });

  it("404s for an unknown slug", async () => {
    await expectError(await call("GET", "/api/quizzes/no-such-quiz"), 404, "not_found");
  });

  it("404s for a draft", async () => {
    await seedQuiz({ slug: "draft-quiz", status: "draft" });
    await expectError(await call("GET", "/api/quizzes/draft-quiz"), 404, "not_found");
  });

  it("400s for a malformed slug", async () => {
    await expectError(await call("GET", "/api/quizzes/Bad%20Slug!"), 400, "invalid_request");
  });
});

describe("POST /api/quizzes/:slug/attempts", () => {
  it("creates an attempt with a UUID", async () => {
    const res = await call("POST", `/api/quizzes/${slug}/attempts`, {
      learnerId: "0123456789abcdef0123456789abcdef",
      learnerName: "Ada",
      group: "class-7b",
      pageUrl: "https://blog.example/post#:~:text=secret",
    });
    expect(res.status).toBe(201);
    const { attemptId } = (await res.json()) as { attemptId: string };
    expect(attemptId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const row = await env.DB.prepare("select * from attempts where id = ?")
      .bind(attemptId)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({
      learner_id: "0123456789abcdef0123456789abcdef",
      learner_name: "Ada",
      group_name: "class-7b",
      page_url: "https://blog.example/post",
      finished_at: null,
    });
  });

  it("accepts an empty body (no bytes at all) as well as an empty object", async () => {
    const empty = await call("POST", `/api/quizzes/${slug}/attempts`, "");
    expect(empty.status).toBe(201);
    const blank = await call("POST", `/api/quizzes/${slug}/attempts`, "  \n");
    expect(blank.status).toBe(201);
    const object = await call("POST", `/api/quizzes/${slug}/attempts`, {});
    expect(object.status).toBe(201);
    expect(await countRows("attempts")).toBe(3);
  });

  it("404s for an unknown quiz and stores nothing", async () => {
    await expectError(await call("POST", "/api/quizzes/nope/attempts", {}), 404, "not_found");
    expect(await countRows("attempts")).toBe(0);
  });

  it("400s for malformed JSON", async () => {
    await expectError(
      await call("POST", `/api/quizzes/${slug}/attempts`, "{oops"),
      400,
      "malformed_json",
    );
    expect(await countRows("attempts")).toBe(0);
  });

  it("400s for JSON that is not an object (an array would otherwise pass as {}), storing nothing", async () => {
    for (const body of ["[]", '[{"learnerId":"x"}]', "null", "7", '"text"', "true"]) {
      await expectError(
        await call("POST", `/api/quizzes/${slug}/attempts`, body),
        400,
        "invalid_request",
      );
    }
    expect(await countRows("attempts")).toBe(0);
  });

  it("415s for a body that is not JSON", async () => {
    const res = await call("POST", `/api/quizzes/${slug}/attempts`, undefined, {
      "content-type": "text/plain",
    });
    await expectError(res, 415, "unsupported_media_type");
  });

  it("400s for unknown fields and wrong types", async () => {
    await expectError(
      await call("POST", `/api/quizzes/${slug}/attempts`, { isAdmin: true }),
      400,
      "invalid_request",
    );
    await expectError(
      await call("POST", `/api/quizzes/${slug}/attempts`, { learnerName: 42 }),
      400,
      "invalid_request",
    );
    await expectError(
      await call("POST", `/api/quizzes/${slug}/attempts`, { learnerName: "x".repeat(500) }),
      400,
      "invalid_request",
    );
    await expectError(
      await call("POST", `/api/quizzes/${slug}/attempts`, { pageUrl: "javascript:alert(1)" }),
      400,
      "invalid_request",
    );
    expect(await countRows("attempts")).toBe(0);
  });
});

describe("PUT /api/attempts/:attemptId/answers/:questionId", () => {
  it("grades a correct answer on the server and reveals the explanation and source", async () => {
    const attemptId = await startAttempt();
    const res = await answer(attemptId, "q1", "b");
    expect(res.status).toBe(200);
    const result = (await res.json()) as AnswerResult;
    expect(result).toEqual({
      correct: true,
      correctChoiceId: "b",
      explanation: bank.questions[0]?.explanation,
      source: bank.questions[0]?.source,
    });
  });

  it("grades a wrong answer", async () => {
    const attemptId = await startAttempt();
    const result = (await (await answer(attemptId, "q1", "a")).json()) as AnswerResult;
    expect(result.correct).toBe(false);
    expect(result.correctChoiceId).toBe("b");
  });

  it("returns the same result for the same answer again and stores one response", async () => {
    const attemptId = await startAttempt();
    const first = await (await answer(attemptId, "q2", "c")).json();
    const again = await answer(attemptId, "q2", "c");
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    expect(await countRows("responses")).toBe(1);
  });

  it("409s for a different answer to an answered question; the first one counts", async () => {
    const attemptId = await startAttempt();
    await answer(attemptId, "q2", "c");
    await expectError(await answer(attemptId, "q2", "a"), 409, "already_answered");
    const row = await env.DB.prepare("select choice_id, correct from responses").first();
    expect(row).toEqual({ choice_id: "c", correct: 0 });
  });

  it("keeps exactly one response under a burst of concurrent conflicting submissions", async () => {
    const attemptId = await startAttempt();
    const choices = ["a", "b", "c", "d"];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => answer(attemptId, "q1", choices[i % 4] ?? "a")),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const stored = await env.DB.prepare(
      "select choice_id from responses where attempt_id = ? and question_id = 'q1'",
    )
      .bind(attemptId)
      .all<{ choice_id: string }>();
    expect(stored.results).toHaveLength(1);
    const winner = stored.results[0]?.choice_id;
    // Every submission of the stored choice succeeded; every other one got 409.
    results.forEach((res, i) => {
      expect(res.status).toBe(choices[i % 4] === winner ? 200 : 409);
    });
  });

  it("400s for an unknown choice id and stores nothing", async () => {
    const attemptId = await startAttempt();
    await expectError(await answer(attemptId, "q1", "z"), 400, "unknown_choice");
    await expectError(await answer(attemptId, "q1", "not-a-choice"), 400, "invalid_request");
    expect(await countRows("responses")).toBe(0);
  });

  it("404s for an unknown attempt or question", async () => {
    const attemptId = await startAttempt();
    await expectError(await answer(crypto.randomUUID(), "q1", "a"), 404, "not_found");
    await expectError(await answer(attemptId, "q99", "a"), 404, "question_not_found");
    await expectError(await answer("not-a-uuid", "q1", "a"), 400, "invalid_request");
  });

  it("400s for malformed JSON and 415s for a wrong content type", async () => {
    const attemptId = await startAttempt();
    await expectError(
      await call("PUT", `/api/attempts/${attemptId}/answers/q1`, "{choiceId:"),
      400,
      "malformed_json",
    );
    await expectError(
      await call("PUT", `/api/attempts/${attemptId}/answers/q1`, undefined, {
        "content-type": "application/x-www-form-urlencoded",
      }),
      415,
      "unsupported_media_type",
    );
    expect(await countRows("responses")).toBe(0);
  });

  it("refuses new answers after finishing but still replays a stored one", async () => {
    const attemptId = await startAttempt();
    await answer(attemptId, "q1", "b");
    await call("POST", `/api/attempts/${attemptId}/finish`);
    expect((await answer(attemptId, "q1", "b")).status).toBe(200);
    await expectError(await answer(attemptId, "q2", "a"), 409, "attempt_finished");
    expect(await countRows("responses")).toBe(1);
  });
});

describe("POST /api/attempts/:attemptId/finish", () => {
  it("scores from the stored responses and reviews every question", async () => {
    const attemptId = await startAttempt();
    await answer(attemptId, "q1", "b");
    await answer(attemptId, "q2", "c");
    const res = await call("POST", `/api/attempts/${attemptId}/finish`);
    expect(res.status).toBe(200);
    const result = (await res.json()) as FinishResult;
    expect(result.score).toBe(1);
    expect(result.maxScore).toBe(3);
    expect(result.review.map((r) => [r.questionId, r.choiceId, r.correct])).toEqual([
      ["q1", "b", true],
      ["q2", "c", false],
      ["q3", null, false],
    ]);
    // An unanswered question's key stays secret even after finishing.
    expect(result.review[2]).toEqual({ questionId: "q3", choiceId: null, correct: false });
  });

  it("is safe to call twice: same score, finished once", async () => {
    const attemptId = await startAttempt();
    await answer(attemptId, "q3", "d");
    const first = (await (
      await call("POST", `/api/attempts/${attemptId}/finish`)
    ).json()) as FinishResult;
    const before = await env.DB.prepare("select finished_at from attempts").first();
    const second = await call("POST", `/api/attempts/${attemptId}/finish`);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(first);
    expect(await env.DB.prepare("select finished_at from attempts").first()).toEqual(before);
    expect(first.score).toBe(1);
  });

  it("404s for an unknown attempt", async () => {
    await expectError(
      await call("POST", `/api/attempts/${crypto.randomUUID()}/finish`),
      404,
      "not_found",
    );
  });
});

describe("GET /api/attempts/:attemptId", () => {
  it("returns progress for resuming", async () => {
    const attemptId = await startAttempt();
    await answer(attemptId, "q2", "a");
    const res = await call("GET", `/api/attempts/${attemptId}`);
    expect(res.status).toBe(200);
    const progress = (await res.json()) as AttemptProgress;
    expect(progress).toMatchObject({
      attemptId,
      quiz: slug,
      finishedAt: null,
      score: null,
      maxScore: 3,
    });
    expect(progress.answers).toEqual([
      expect.objectContaining({
        questionId: "q2",
        choiceId: "a",
        correct: true,
        correctChoiceId: "a",
      }),
    ]);
  });

  it("404s for an unknown attempt and 400s for a malformed id", async () => {
    await expectError(await call("GET", `/api/attempts/${crypto.randomUUID()}`), 404, "not_found");
    await expectError(await call("GET", "/api/attempts/1%20or%201=1"), 400, "invalid_request");
  });
});

describe("errors everywhere", () => {
  it("answers unknown routes with the error shape", async () => {
    await expectError(await call("GET", "/api/nothing-here"), 404, "not_found");
  });

  it("refuses bodies over the size limit", async () => {
    const res = await call("POST", `/api/quizzes/${slug}/attempts`, {
      learnerName: "x".repeat(300_000),
    });
    await expectError(res, 413, "payload_too_large");
  });
});
