// The review routes' edges: which quizzes a list draws from (`site=`, `quiz=`), published quizzes
// only, every bad input a shaped 4xx that changes nothing, and CORS for the widget on a blog.
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { expectError } from "./expect-error.ts";
import { call, resetDatabase, seedQuiz, slug } from "./fixtures.ts";
import {
  dayMs,
  dueFor,
  freezeClock,
  listReviews,
  newLearnerId,
  putOnSite,
  review,
  reviewRows,
  t0,
  takeQuiz,
} from "./reviews-fixtures.ts";

const blog = "https://blog.example";

let ada: string;

/** Ada misses q1 in four quizzes: two without a site, two on the blog's site. */
beforeEach(async () => {
  ada = newLearnerId();
  await resetDatabase();
  await env.DB.prepare("delete from sites").run();
  for (const quiz of [slug, "loose-two", "site-one", "site-two"]) await seedQuiz({ slug: quiz });
  await putOnSite("site-one", "blog", blog);
  await putOnSite("site-two", "blog", blog);
  freezeClock(t0);
  for (const quiz of [slug, "loose-two", "site-one", "site-two"]) {
    await takeQuiz(ada, { q1: "a" }, quiz);
  }
  vi.setSystemTime(t0 + dayMs);
});

afterEach(() => {
  vi.useRealTimers();
});

const dueQuizzes = async (scope: string) =>
  (await dueFor(ada, scope)).due.map((d) => d.quiz.slug).sort();

describe("scope", () => {
  it("site= draws from that site's quizzes only", async () => {
    expect(await dueQuizzes("site=blog")).toEqual(["site-one", "site-two"]);
  });

  it("quiz= on a site's quiz draws from every quiz of the same site", async () => {
    expect(await dueQuizzes("quiz=site-one")).toEqual(["site-one", "site-two"]);
  });

  it("quiz= on a quiz without a site draws from the quizzes without a site", async () => {
    expect(await dueQuizzes(`quiz=${slug}`)).toEqual(["loose-two", slug]);
  });

  it("a draft quiz's questions are neither offered nor reviewable", async () => {
    await env.DB.prepare("update quizzes set status = 'draft' where slug = 'site-two'").run();
    expect(await dueQuizzes("site=blog")).toEqual(["site-one"]);
    await expectError(await review(ada, "site-two.q1", "b"), 404, "question_not_found");
  });

  it("each item names its quiz and links to its post", async () => {
    await env.DB.prepare(
      "update quizzes set source_url = 'https://blog.example/one' where slug = 'site-one'",
    ).run();
    const { due } = await dueFor(ada, "site=blog");
    expect(due.find((d) => d.quiz.slug === "site-one")?.quiz).toEqual({
      slug: "site-one",
      title: "Mount Example",
      sourceUrl: "https://blog.example/one",
    });
  });
});

describe("bad input gets a shaped 4xx and changes nothing", () => {
  const bad: [string, () => Promise<Response>, number, string][] = [
    [
      "a learner id that is not 32 hex digits",
      () => listReviews("ABC", `quiz=${slug}`),
      400,
      "invalid_request",
    ],
    ["no scope", () => listReviews(ada, ""), 400, "invalid_request"],
    ["both scopes", () => listReviews(ada, `site=blog&quiz=${slug}`), 400, "invalid_request"],
    ["an unknown query field", () => listReviews(ada, `quiz=${slug}&x=1`), 400, "invalid_request"],
    ["a malformed slug", () => listReviews(ada, "quiz=Not_A_Slug"), 400, "invalid_request"],
    ["an unknown quiz", () => listReviews(ada, "quiz=no-such-quiz"), 404, "not_found"],
    ["an unknown site", () => listReviews(ada, "site=nowhere"), 404, "site_not_found"],
    ["a review item without its quiz", () => review(ada, "q1", "b"), 400, "invalid_request"],
    ["an unknown question", () => review(ada, `${slug}.q9`, "b"), 404, "question_not_found"],
    ["an unknown quiz's question", () => review(ada, "nope.q1", "b"), 404, "question_not_found"],
    ["an unknown choice", () => review(ada, `${slug}.q1`, "z"), 400, "unknown_choice"],
    ["a malformed choice", () => review(ada, `${slug}.q1`, "bb"), 400, "invalid_request"],
    [
      "a bad learner id on PUT",
      () => review("x".repeat(32), `${slug}.q1`, "b"),
      400,
      "invalid_request",
    ],
    [
      "an extra body field",
      () =>
        call("PUT", `/api/learners/${ada}/reviews/${slug}.q1`, { choiceId: "b", correct: true }),
      400,
      "invalid_request",
    ],
    [
      "malformed JSON",
      () => call("PUT", `/api/learners/${ada}/reviews/${slug}.q1`, "{"),
      400,
      "malformed_json",
    ],
    [
      "a body that is not JSON",
      () =>
        call("PUT", `/api/learners/${ada}/reviews/${slug}.q1`, undefined, {
          "content-type": "text/plain",
        }),
      415,
      "unsupported_media_type",
    ],
  ];
  for (const [what, send, status, code] of bad) {
    it(what, async () => {
      await expectError(await send(), status, code);
      expect(await reviewRows()).toEqual({ cards: 0, answers: 0 });
    });
  }
});

describe("CORS for the widget on a publisher's page", () => {
  it("a site's origin may list and answer its reviews; another origin gets 403", async () => {
    const ok = await listReviews(ada, "site=blog", { origin: blog });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(blog);
    expect(ok.headers.get("vary")).toMatch(/origin/i);
    await expectError(
      await listReviews(ada, "site=blog", { origin: "https://evil.example" }),
      403,
      "origin_not_allowed",
    );
  });

  it("a preflight for answering allows PUT with a JSON body from the quiz's site", async () => {
    const res = await call("OPTIONS", `/api/learners/${ada}/reviews/site-one.q1`, undefined, {
      origin: blog,
      "access-control-request-method": "PUT",
      "access-control-request-headers": "content-type",
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(blog);
    expect(res.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(res.headers.get("access-control-allow-headers")).toMatch(/content-type/i);
  });

  it("an answer from another origin is refused before anything is stored", async () => {
    const res = await call(
      "PUT",
      `/api/learners/${ada}/reviews/site-one.q1`,
      { choiceId: "b" },
      { origin: "https://evil.example" },
    );
    await expectError(res, 403, "origin_not_allowed");
    expect(await reviewRows()).toEqual({ cards: 0, answers: 0 });
  });

  it("a quiz without a site or allowed origins answers any origin, errors included", async () => {
    const res = await review(ada, `${slug}.q2`, "a");
    expect(res.status).toBe(409);
    const cross = await call(
      "PUT",
      `/api/learners/${ada}/reviews/${slug}.q2`,
      { choiceId: "a" },
      { origin: "https://anywhere.example" },
    );
    expect(cross.headers.get("access-control-allow-origin")).toBe("*");
    await expectError(cross, 409, "not_due");
  });

  it("a quiz's allowed origins limit its reviews", async () => {
    await env.DB.prepare("update quizzes set allowed_origins = ? where slug = ?")
      .bind(JSON.stringify(["https://school.example"]), slug)
      .run();
    const allowed = await listReviews(ada, `quiz=${slug}`, { origin: "https://school.example" });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://school.example");
    await expectError(
      await listReviews(ada, `quiz=${slug}`, { origin: blog }),
      403,
      "origin_not_allowed",
    );
  });
});
