// The authoring API: generating a draft from posted text, reviewing, editing, removing, publishing.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { PublicQuiz } from "../../worker/contract.ts";
import type { EducatorQuestion } from "../../worker/services/quizzes.ts";
import { harbourBridge as article } from "../fixtures/articles.ts";
import { expectError } from "./expect-error.ts";
import {
  answer,
  call,
  countRows,
  resetDatabase,
  seedQuiz,
  slug,
  startAttempt,
} from "./fixtures.ts";

const admin = { authorization: `Bearer ${env.ADMIN_TOKEN}` };

interface Created {
  slug: string;
  educatorKey: string;
  status: string;
  questions: EducatorQuestion[];
}

async function createQuiz(body: Record<string, unknown> = {}): Promise<Created> {
  const res = await call(
    "POST",
    "/api/quizzes",
    { title: "The Harbour Bridge", article, ...body },
    admin,
  );
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

beforeEach(async () => {
  await resetDatabase();
});

describe("POST /api/quizzes", () => {
  it("generates a draft quiz with an educator key stored only as a hash", async () => {
    const created = await createQuiz({ allowedOrigins: ["https://blog.example"] });
    expect(created.slug).toMatch(/^the-harbour-bridge-[a-z0-9]+$/);
    expect(created.status).toBe("draft");
    expect(created.educatorKey).toMatch(/^rk_[A-Za-z0-9_-]{32}$/);
    expect(created.questions.length).toBeGreaterThanOrEqual(3);
    for (const q of created.questions) {
      expect(q.choices.map((c) => c.id)).toContain(q.answer);
      expect(article.slice(q.source.start, q.source.end)).toBe(q.source.text);
    }
    const row = await env.DB.prepare(
      "select educator_key_hash, allowed_origins from quizzes",
    ).first<{
      educator_key_hash: string;
      allowed_origins: string;
    }>();
    expect(row?.educator_key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.educatorKey);
    expect(JSON.parse(row?.allowed_origins ?? "null")).toEqual(["https://blog.example"]);
    // Drafts are invisible to learners.
    expect((await call("GET", `/api/quizzes/${created.slug}`)).status).toBe(404);
  });

  it("requires the admin token", async () => {
    await expectError(
      await call("POST", "/api/quizzes", { title: "x", article }),
      401,
      "unauthorized",
    );
    await expectError(
      await call(
        "POST",
        "/api/quizzes",
        { title: "x", article },
        { authorization: "Bearer wrong" },
      ),
      401,
      "unauthorized",
    );
    expect(await countRows("quizzes")).toBe(0);
  });

  it("refuses unusable text and bad fields, storing nothing", async () => {
    await expectError(
      await call("POST", "/api/quizzes", { title: "Empty", article: "   " }, admin),
      422,
      "unusable_article",
    );
    await expectError(
      await call("POST", "/api/quizzes", { title: "Numbers", article: "1 2 3 4 5 6 7 8 9" }, admin),
      422,
      "unusable_article",
    );
    await expectError(
      await call("POST", "/api/quizzes", { article }, admin),
      400,
      "invalid_request",
    );
    await expectError(
      await call(
        "POST",
        "/api/quizzes",
        { title: "x", article, allowedOrigins: ["https://a.example/path"] },
        admin,
      ),
      400,
      "invalid_request",
    );
    await expectError(
      await call("POST", "/api/quizzes", { title: "x", article, count: 1000 }, admin),
      400,
      "invalid_request",
    );
    await expectError(await call("POST", "/api/quizzes", "{", admin), 400, "malformed_json");
    expect(await countRows("quizzes")).toBe(0);
    expect(await countRows("questions")).toBe(0);
  });
});

describe("review, edit, remove, publish", () => {
  it("lets the educator key (not only the admin) review, edit and publish its quiz", async () => {
    const created = await createQuiz();
    const key = { authorization: `Bearer ${created.educatorKey}` };
    const first = created.questions[0];
    if (!first) throw new Error("no questions");

    const review = await call("GET", `/api/quizzes/${created.slug}/questions`, undefined, key);
    expect(review.status).toBe(200);

    const edited = await call(
      "PATCH",
      `/api/quizzes/${created.slug}/questions/${first.id}`,
      { prompt: "Edited prompt: ____?", explanation: "Edited explanation." },
      key,
    );
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ id: first.id, prompt: "Edited prompt: ____?" });

    const second = created.questions[1];
    if (!second) throw new Error("needs two questions");
    const removed = await call(
      "DELETE",
      `/api/quizzes/${created.slug}/questions/${second.id}`,
      undefined,
      key,
    );
    expect(removed.status).toBe(204);

    const published = await call("POST", `/api/quizzes/${created.slug}/publish`, undefined, key);
    expect(published.status).toBe(200);
    const quiz = (await (await call("GET", `/api/quizzes/${created.slug}`)).json()) as PublicQuiz;
    expect(quiz.questions).toHaveLength(created.questions.length - 1);
    expect(quiz.questions[0]?.prompt).toBe("Edited prompt: ____?");
    expect(quiz.questions.map((q) => q.id)).not.toContain(second.id);
  });

  it("changes the key of an unanswered question and validates it", async () => {
    const created = await createQuiz();
    const q = created.questions[0];
    if (!q) throw new Error("no questions");
    const other = q.choices.find((c) => c.id !== q.answer)?.id ?? "a";
    const path = `/api/quizzes/${created.slug}/questions/${q.id}`;
    expect((await call("PATCH", path, { answer: other }, admin)).status).toBe(200);
    await expectError(await call("PATCH", path, { answer: "z" }, admin), 400, "unknown_choice");
    await expectError(await call("PATCH", path, {}, admin), 400, "invalid_request");
    await expectError(
      await call(
        "PATCH",
        path,
        {
          choices: [
            { id: "a", text: "x" },
            { id: "a", text: "y" },
            { id: "b", text: "z" },
          ],
        },
        admin,
      ),
      400,
      "invalid_request",
    );
    await expectError(
      await call("PATCH", `/api/quizzes/${created.slug}/questions/q-none`, { prompt: "x" }, admin),
      404,
      "not_found",
    );
  });

  it("refuses to change the key of a question learners already answered", async () => {
    await seedQuiz();
    const attemptId = await startAttempt();
    await answer(attemptId, "q1", "b");
    await expectError(
      await call("PATCH", `/api/quizzes/${slug}/questions/q1`, { answer: "a" }, admin),
      409,
      "question_answered",
    );
    // Wording can still be fixed.
    expect(
      (await call("PATCH", `/api/quizzes/${slug}/questions/q1`, { explanation: "Better." }, admin))
        .status,
    ).toBe(200);
  });

  it("shows an edit or removal to learners at once, though the learner's view is cached", async () => {
    await seedQuiz();
    const view = async () =>
      (await (await call("GET", `/api/quizzes/${slug}`)).json()) as PublicQuiz;
    expect((await view()).questions[0]?.prompt).not.toBe("Fresh prompt: ____?");
    const path = `/api/quizzes/${slug}/questions/q1`;
    expect((await call("PATCH", path, { prompt: "Fresh prompt: ____?" }, admin)).status).toBe(200);
    expect((await view()).questions[0]?.prompt).toBe("Fresh prompt: ____?");
    expect(
      (await call("DELETE", `/api/quizzes/${slug}/questions/q2`, undefined, admin)).status,
    ).toBe(204);
    expect((await view()).questions.map((q) => q.id)).toEqual(["q1", "q3"]);
  });

  it("401s without a key; another quiz's key gets the same 404 as an unknown quiz", async () => {
    const a = await createQuiz();
    const b = await createQuiz();
    await expectError(await call("GET", `/api/quizzes/${a.slug}/questions`), 401, "unauthorized");
    await expectError(
      await call("POST", `/api/quizzes/${a.slug}/publish`, undefined, {
        authorization: `Bearer ${b.educatorKey}`,
      }),
      404,
      "not_found",
    );
    await expectError(
      await call("POST", "/api/quizzes/no-such-quiz/publish", undefined, {
        authorization: `Bearer ${b.educatorKey}`,
      }),
      404,
      "not_found",
    );
    await expectError(
      await call("POST", "/api/quizzes/no-such-quiz/publish", undefined, admin),
      404,
      "not_found",
    );
  });
});

describe("reorder, rotate the key, delete", () => {
  it("reorders the questions, and refuses an order that is not every question once", async () => {
    const created = await createQuiz();
    const key = { authorization: `Bearer ${created.educatorKey}` };
    const reversed = created.questions.map((q) => q.id).reverse();
    const res = await call(
      "PUT",
      `/api/quizzes/${created.slug}/questions`,
      { order: reversed },
      key,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { questions: EducatorQuestion[] };
    expect(body.questions.map((q) => q.id)).toEqual(reversed);
    await expectError(
      await call(
        "PUT",
        `/api/quizzes/${created.slug}/questions`,
        { order: reversed.slice(1) },
        key,
      ),
      400,
      "invalid_request",
    );
  });

  it("rotates the educator key: the new one opens the quiz, the old one nothing", async () => {
    const created = await createQuiz();
    const rotated = await call("POST", `/api/quizzes/${created.slug}/key`, undefined, {
      authorization: `Bearer ${created.educatorKey}`,
    });
    expect(rotated.status).toBe(200);
    const { educatorKey } = (await rotated.json()) as { educatorKey: string };
    expect(educatorKey).toMatch(/^rk_[A-Za-z0-9_-]{32}$/);
    expect(educatorKey).not.toBe(created.educatorKey);
    const path = `/api/quizzes/${created.slug}/questions`;
    expect(
      (await call("GET", path, undefined, { authorization: `Bearer ${educatorKey}` })).status,
    ).toBe(200);
    await expectError(
      await call("GET", path, undefined, { authorization: `Bearer ${created.educatorKey}` }),
      401,
      "unauthorized",
    );
  });

  it("deletes a quiz with its questions, attempts and responses", async () => {
    await seedQuiz();
    const attemptId = await startAttempt();
    expect((await answer(attemptId, "q1", "b")).status).toBe(200);
    const res = await call("DELETE", `/api/quizzes/${slug}`, undefined, admin);
    expect(res.status).toBe(204);
    for (const table of ["quizzes", "questions", "attempts", "responses"] as const) {
      expect(await countRows(table)).toBe(0);
    }
    await expectError(await call("GET", `/api/quizzes/${slug}`), 404, "not_found");
    await expectError(
      await call("DELETE", `/api/quizzes/${slug}`, undefined, admin),
      404,
      "not_found",
    );
  });
});

describe("a question of the educator's own", () => {
  const own = {
    prompt: "Who first climbed Mount Example?",
    choices: [
      { id: "a", text: "Anna Berg" },
      { id: "b", text: "Lars Dal" },
      { id: "c", text: "Nils Holm" },
    ],
    answer: "a",
    explanation: "Anna Berg climbed it first, in 1897.",
    passage: "It was first climbed in 1897 by Anna Berg.",
  };

  it("is added at the end, with its passage found in the article, and graded like any other", async () => {
    await seedQuiz();
    const res = await call("POST", `/api/quizzes/${slug}/questions`, own, admin);
    expect(res.status).toBe(201);
    const added = (await res.json()) as EducatorQuestion;
    expect(added).toMatchObject({ type: "own", position: 3, answer: "a" });
    expect(added.source.text).toBe(own.passage);
    const attemptId = await startAttempt();
    const graded = await answer(attemptId, added.id, "a");
    expect(graded.status).toBe(200);
    expect(await graded.json()).toMatchObject({ correct: true, explanation: own.explanation });
  });

  it("refuses a passage that is not in the article, two choices, or a key outside the choices", async () => {
    await seedQuiz();
    const path = `/api/quizzes/${slug}/questions`;
    await expectError(
      await call("POST", path, { ...own, passage: "Not in the article." }, admin),
      400,
      "passage_not_found",
    );
    await expectError(
      await call("POST", path, { ...own, choices: own.choices.slice(0, 2) }, admin),
      400,
      "invalid_request",
    );
    await expectError(
      await call("POST", path, { ...own, answer: "d" }, admin),
      400,
      "unknown_choice",
    );
    expect(await countRows("questions")).toBe(3);
  });
});
