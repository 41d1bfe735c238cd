// CORS per quiz: a quiz's allowedOrigins decide which pages may call the learner API from a
// browser (`*` when none are set, never with credentials); the educator API sends no CORS at all.
import { beforeEach, describe, expect, it } from "vitest";
import { expectError } from "./expect-error.ts";
import { call, countRows, resetDatabase, seedQuiz, slug, startAttempt } from "./fixtures.ts";

const fenced = "fenced-quiz";
const blog = "https://blog.example";
const stranger = "https://evil.example";

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz();
  await seedQuiz({ slug: fenced, allowedOrigins: [blog, "https://other.example"] });
});

const preflight = (path: string, origin: string, method: string, headers = "content-type") =>
  call("OPTIONS", path, undefined, {
    origin,
    "access-control-request-method": method,
    "access-control-request-headers": headers,
  });

function expectNoCredentials(res: Response) {
  expect(res.headers.get("access-control-allow-credentials")).toBeNull();
}

describe("a quiz without allowed origins", () => {
  it("is open to any origin with `*`", async () => {
    const res = await call("GET", `/api/quizzes/${slug}`, undefined, { origin: stranger });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("vary")).toMatch(/origin/i);
    expectNoCredentials(res);
  });

  it("answers the preflight for starting an attempt", async () => {
    const res = await preflight(`/api/quizzes/${slug}/attempts`, stranger, "POST");
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("POST");
    expect(res.headers.get("access-control-allow-headers")).toMatch(/content-type/i);
    expectNoCredentials(res);
  });
});

describe("a quiz with allowed origins", () => {
  it("echoes an allowed origin, never `*`, with Vary: Origin", async () => {
    const res = await call("GET", `/api/quizzes/${fenced}`, undefined, { origin: blog });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(blog);
    expect(res.headers.get("vary")).toMatch(/origin/i);
    expect(res.headers.get("access-control-expose-headers")).toMatch(/retry-after/i);
    expectNoCredentials(res);
  });

  it("403s another origin, on reads, writes and preflights, and stores nothing", async () => {
    await expectError(
      await call("GET", `/api/quizzes/${fenced}`, undefined, { origin: stranger }),
      403,
      "origin_not_allowed",
    );
    await expectError(
      await call("POST", `/api/quizzes/${fenced}/attempts`, {}, { origin: stranger }),
      403,
      "origin_not_allowed",
    );
    const res = await preflight(`/api/quizzes/${fenced}/attempts`, stranger, "POST");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    await expectError(res, 403, "origin_not_allowed");
    expect(await countRows("attempts")).toBe(0);
  });

  it("treats origins exactly: scheme, host and port must match", async () => {
    for (const near of [
      "http://blog.example",
      "https://blog.example:8443",
      "https://sub.blog.example",
      "null",
    ]) {
      await expectError(
        await call("GET", `/api/quizzes/${fenced}`, undefined, { origin: near }),
        403,
        "origin_not_allowed",
      );
    }
  });

  it("applies the quiz's origins to its attempts: answers, finish and progress", async () => {
    const started = await call("POST", `/api/quizzes/${fenced}/attempts`, {}, { origin: blog });
    expect(started.status).toBe(201);
    expect(started.headers.get("access-control-allow-origin")).toBe(blog);
    const { attemptId } = (await started.json()) as { attemptId: string };

    const ok = await preflight(`/api/attempts/${attemptId}/answers/q1`, blog, "PUT");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(blog);
    expect(ok.headers.get("access-control-allow-methods")).toContain("PUT");

    const answered = await call(
      "PUT",
      `/api/attempts/${attemptId}/answers/q1`,
      { choiceId: "b" },
      { origin: blog },
    );
    expect(answered.status).toBe(200);
    expect(answered.headers.get("access-control-allow-origin")).toBe(blog);

    await expectError(
      await call(
        "PUT",
        `/api/attempts/${attemptId}/answers/q2`,
        { choiceId: "a" },
        { origin: stranger },
      ),
      403,
      "origin_not_allowed",
    );
    await expectError(
      await call("POST", `/api/attempts/${attemptId}/finish`, undefined, { origin: stranger }),
      403,
      "origin_not_allowed",
    );
    expect(await countRows("responses")).toBe(1);
    const progress = await call("GET", `/api/attempts/${attemptId}`, undefined, { origin: blog });
    expect(progress.status).toBe(200);
    expect(progress.headers.get("access-control-allow-origin")).toBe(blog);
  });

  it("does not restrict same-origin pages or callers without an Origin (servers)", async () => {
    const same = await call("GET", `/api/quizzes/${fenced}`, undefined, {
      origin: "http://recall.test",
    });
    expect(same.status).toBe(200);
    const server = await call("GET", `/api/quizzes/${fenced}`);
    expect(server.status).toBe(200);
    expect(server.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("keeps CORS headers on errors so the widget can read them", async () => {
    const res = await call("POST", `/api/quizzes/${fenced}/attempts`, "{not json", {
      origin: blog,
    });
    expect(res.headers.get("access-control-allow-origin")).toBe(blog);
    await expectError(res, 400, "malformed_json");
  });
});

describe("the educator API", () => {
  it("sends no CORS headers and answers no preflight", async () => {
    const res = await call("POST", "/api/quizzes", { title: "x", article: "y" }, { origin: blog });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const pre = await preflight("/api/quizzes", blog, "POST", "authorization, content-type");
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    expect(pre.status).toBeGreaterThanOrEqual(400);
    const publish = await preflight(`/api/quizzes/${slug}/publish`, blog, "POST", "authorization");
    expect(publish.headers.get("access-control-allow-origin")).toBeNull();
    // Other methods on a learner path are not learner routes: no CORS for them either.
    const patch = await preflight(`/api/quizzes/${slug}`, blog, "PATCH");
    expect(patch.headers.get("access-control-allow-origin")).toBeNull();
    await expectError(patch, 405, "method_not_allowed");
    const deleted = await call("DELETE", `/api/quizzes/${slug}`, undefined, { origin: blog });
    expect(deleted.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("learner routes open to any origin", () => {
  it("health and learner erasure allow any origin, erasure with the Authorization header", async () => {
    const health = await call("GET", "/api/health", undefined, { origin: stranger });
    expect(health.headers.get("access-control-allow-origin")).toBe("*");
    const pre = await preflight(
      `/api/learners/${"a".repeat(32)}`,
      stranger,
      "DELETE",
      "authorization",
    );
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-methods")).toBe("DELETE");
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/authorization/i);
    expectNoCredentials(pre);
  });

  it("an attempt of an open quiz is open too", async () => {
    const attemptId = await startAttempt();
    const res = await preflight(`/api/attempts/${attemptId}/finish`, stranger, "POST");
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
