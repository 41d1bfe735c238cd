// Site mode's reader route, GET /api/sites/:siteId/quiz?url=… (worker/services/site-pages.ts),
// inside workerd against a real local D1 and a real HTTP server on 127.0.0.1
// (test/worker/sites-pages-server.ts): a post's first view makes its quiz from the page itself;
// the payload is the public one; fifty concurrent first views make one quiz; the review policy
// hides it until it is published; a changed text becomes a new version while attempts on the old
// keep their questions and scores; failures are remembered and every refusal is shaped.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { beforeEach, describe, expect, it } from "vitest";
import type { FinishResult, PublicQuiz } from "../../worker/contract.ts";
import * as schema from "../../worker/db/schema.ts";
import { sites } from "../../worker/db/schema.ts";
import { FAILURE_MEMORY_MS, makeFirstQuiz, RECHECK_MS } from "../../worker/services/site-pages.ts";
import { expectError } from "./expect-error.ts";
import {
  admin,
  callWorker,
  countRows,
  nextClient,
  pageHits,
  pagesOrigin,
  registerSite,
  resetSites,
  setVersion,
  viewPost,
} from "./sites-fixtures.ts";

const db = drizzle(env.DB, { schema });

beforeEach(async () => {
  await resetSites();
  nextClient();
});

async function quizOf(res: Response): Promise<PublicQuiz> {
  expect(res.status).toBe(200);
  return (await res.json()) as PublicQuiz;
}

/** The stored rows of the site's quizzes, oldest first. */
async function storedQuizzes() {
  const { results } = await env.DB.prepare(
    "select id, slug, page_url, page_version, status, article_hash from quizzes order by id",
  ).all<{
    id: number;
    slug: string;
    page_url: string;
    page_version: number;
    status: string;
    article_hash: string;
  }>();
  return results;
}

/** Pretends the post was last checked (or last failed) `ms` ago. */
async function backdate(column: "checked_at" | "failed_at", ms: number) {
  await env.DB.prepare(`update site_pages set ${column} = ${column} - ?`).bind(ms).run();
}

describe("a post's first view", () => {
  it("makes the quiz from the page and answers with the public payload and its slug", async () => {
    const site = await registerSite();
    const quiz = await quizOf(await viewPost(site, "/story/first"));
    expect(quiz.slug).toMatch(/^the-harbour-bridge-[0-9a-f]{8}$/);
    expect(quiz.title).toBe("The Harbour Bridge");
    expect(quiz.sourceUrl).toBe(`${pagesOrigin}/story/first`);
    expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
    for (const q of quiz.questions) {
      expect(Object.keys(q).sort()).toEqual(["choices", "id", "prompt", "type"]);
    }
    // The same payload the slug route gives.
    const bySlug = await callWorker("GET", `/api/quizzes/${quiz.slug}`);
    expect(await bySlug.json()).toEqual(quiz);
  });

  it("reads the article only: no sentence of the nav or the footer is asked about", async () => {
    const site = await registerSite();
    const { slug } = await quizOf(await viewPost(site, "/story/chrome"));
    const res = await callWorker("GET", `/api/quizzes/${slug}/questions`, { headers: admin });
    const { questions } = (await res.json()) as { questions: { source: { text: string } }[] };
    const article = (
      await env.DB.prepare("select article from quizzes").first<{
        article: string;
      }>()
    )?.article;
    expect(article).toContain("The Harbour Bridge opened on 19 March 1932");
    expect(article).not.toMatch(/founded in 1999|12 writers/);
    for (const q of questions) expect(article).toContain(q.source.text);
  });

  it("serves later views from the database without fetching the page again", async () => {
    const site = await registerSite();
    const first = await quizOf(await viewPost(site, "/story/later"));
    const again = await quizOf(await viewPost(site, "/story/later"));
    expect(again).toEqual(first);
    expect(await pageHits("/story/later")).toBe(1);
  });

  it("keys on the URL without query or fragment", async () => {
    const site = await registerSite();
    const first = await quizOf(await viewPost(site, "/story/keyed?utm_source=feed#comments"));
    const plain = await quizOf(await viewPost(site, "/story/keyed"));
    expect(plain.slug).toBe(first.slug);
    expect(await countRows("quizzes")).toBe(1);
  });

  it("lets the quiz be taken: attempts from the site's origin are allowed by CORS", async () => {
    const site = await registerSite();
    const quiz = await quizOf(await viewPost(site, "/story/taken"));
    const start = await callWorker("POST", `/api/quizzes/${quiz.slug}/attempts`, {
      body: {},
      headers: { origin: pagesOrigin },
    });
    expect(start.status).toBe(201);
    expect(start.headers.get("access-control-allow-origin")).toBe(pagesOrigin);
    const elsewhere = await callWorker("POST", `/api/quizzes/${quiz.slug}/attempts`, {
      body: {},
      headers: { origin: "https://other.example" },
    });
    await expectError(elsewhere, 403, "origin_not_allowed");
  });
});

describe("fifty readers opening a new post at the same moment", () => {
  it("make exactly one quiz row and get fifty identical payloads, no errors", async () => {
    const site = await registerSite();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => viewPost(site, "/story/crowd")),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(await countRows("quizzes")).toBe(1);
    const questions = (JSON.parse(bodies[0] ?? "{}") as PublicQuiz).questions.length;
    expect(await countRows("questions")).toBe(questions);
    // Requests in one isolate share one fetch of the page.
    expect(await pageHits("/story/crowd")).toBe(1);
  });

  it("store one quiz even when each makes its own (as isolates do): the unique key decides", async () => {
    const site = await registerSite();
    const row = await db.query.sites.findFirst({ where: eq(sites.id, site.siteId) });
    if (!row) throw new Error("site not stored");
    const url = `${pagesOrigin}/story/isolates`;
    const context = { db, fetchOptions: { allowLocalHttp: true }, waitUntil: () => {} };
    const made = await Promise.all(
      Array.from({ length: 50 }, () => makeFirstQuiz(context, row, url)),
    );
    expect(await pageHits("/story/isolates")).toBe(50);
    expect(new Set(made.map((m) => m.slug)).size).toBe(1);
    expect(await countRows("quizzes")).toBe(1);
    const served = await quizOf(await viewPost(site, "/story/isolates"));
    expect(served.slug).toBe(made[0]?.slug);
    // The losers stored no question, neither in a quiz of their own nor in the winner's.
    expect(await countRows("questions")).toBe(served.questions.length);
  });
});

describe("the review policy", () => {
  it("shows readers nothing (404 quiz_pending) until the quiz is published, then the quiz", async () => {
    const site = await registerSite("review");
    await expectError(await viewPost(site, "/story/review"), 404, "quiz_pending");
    await expectError(await viewPost(site, "/story/review"), 404, "quiz_pending");
    const [stored] = await storedQuizzes();
    expect(stored?.status).toBe("draft");
    // The draft is not public under its slug either.
    await expectError(await callWorker("GET", `/api/quizzes/${stored?.slug}`), 404, "not_found");
    const publish = await callWorker("POST", `/api/quizzes/${stored?.slug}/publish`, {
      headers: { authorization: `Bearer ${site.siteKey}` },
    });
    expect(publish.status).toBe(200);
    const quiz = await quizOf(await viewPost(site, "/story/review"));
    expect(quiz.slug).toBe(stored?.slug);
    expect(await pageHits("/story/review")).toBe(1);
  });
});

describe("a post whose text changed", () => {
  it("is fetched again at most once per recheck interval", async () => {
    const site = await registerSite();
    await quizOf(await viewPost(site, "/versioned/interval"));
    await setVersion("interval", 2);
    await quizOf(await viewPost(site, "/versioned/interval"));
    expect(await pageHits("/versioned/interval")).toBe(1);
    await backdate("checked_at", RECHECK_MS + 1000);
    await quizOf(await viewPost(site, "/versioned/interval"));
    await quizOf(await viewPost(site, "/versioned/interval"));
    expect(await pageHits("/versioned/interval")).toBe(2);
  });

  it("gets a new version on its next view; the old attempt keeps its questions and score", async () => {
    const site = await registerSite();
    const v1 = await quizOf(await viewPost(site, "/versioned/change"));
    const start = await callWorker("POST", `/api/quizzes/${v1.slug}/attempts`, { body: {} });
    const { attemptId } = (await start.json()) as { attemptId: string };
    const first = v1.questions[0];
    if (!first) throw new Error("no question");
    const answer = await callWorker("PUT", `/api/attempts/${attemptId}/answers/${first.id}`, {
      body: { choiceId: first.choices[0]?.id },
    });
    expect(answer.status).toBe(200);
    const { correct } = (await answer.json()) as { correct: boolean };

    await setVersion("change", 2);
    await backdate("checked_at", RECHECK_MS + 1000);
    // The view that finds the check stale still gets version 1; the check runs after it.
    expect((await quizOf(await viewPost(site, "/versioned/change"))).slug).toBe(v1.slug);
    const v2 = await quizOf(await viewPost(site, "/versioned/change"));
    expect(v2.slug).not.toBe(v1.slug);
    const rows = await storedQuizzes();
    expect(rows.map((r) => r.page_version)).toEqual([1, 2]);
    expect(new Set(rows.map((r) => r.page_url))).toEqual(
      new Set([`${pagesOrigin}/versioned/change`]),
    );

    // The old version is still whole: its quiz, its questions, the attempt and its score.
    expect(await quizOf(await callWorker("GET", `/api/quizzes/${v1.slug}`))).toEqual(v1);
    const finish = await callWorker("POST", `/api/attempts/${attemptId}/finish`);
    const result = (await finish.json()) as FinishResult;
    expect(result.maxScore).toBe(v1.questions.length);
    expect(result.score).toBe(correct ? 1 : 0);
  });

  it("that changes back finds its earlier version again", async () => {
    const site = await registerSite();
    const v1 = await quizOf(await viewPost(site, "/versioned/back"));
    await setVersion("back", 2);
    await backdate("checked_at", RECHECK_MS + 1000);
    await viewPost(site, "/versioned/back");
    const v2 = await quizOf(await viewPost(site, "/versioned/back"));
    await setVersion("back", 1);
    await backdate("checked_at", RECHECK_MS + 1000);
    await viewPost(site, "/versioned/back");
    const again = await quizOf(await viewPost(site, "/versioned/back"));
    expect(v2.slug).not.toBe(v1.slug);
    expect(again.slug).toBe(v1.slug);
    expect(await countRows("quizzes")).toBe(2);
  });

  it("under the review policy keeps the published version until the new one is published", async () => {
    const site = await registerSite("review");
    await viewPost(site, "/versioned/reviewed");
    const [v1] = await storedQuizzes();
    await callWorker("POST", `/api/quizzes/${v1?.slug}/publish`, { headers: admin });
    expect((await quizOf(await viewPost(site, "/versioned/reviewed"))).slug).toBe(v1?.slug);
    await setVersion("reviewed", 2);
    await backdate("checked_at", RECHECK_MS + 1000);
    await viewPost(site, "/versioned/reviewed");
    const [, v2] = await storedQuizzes();
    expect(v2).toMatchObject({ page_version: 2, status: "draft" });
    expect((await quizOf(await viewPost(site, "/versioned/reviewed"))).slug).toBe(v1?.slug);
    await callWorker("POST", `/api/quizzes/${v2?.slug}/publish`, { headers: admin });
    expect((await quizOf(await viewPost(site, "/versioned/reviewed"))).slug).toBe(v2?.slug);
  });
});

describe("failures", () => {
  it("are remembered for a minute: a broken page is not fetched on every view", async () => {
    const site = await registerSite();
    await expectError(await viewPost(site, "/json"), 502, "not_html");
    const again = await viewPost(site, "/json");
    await expectError(again, 502, "not_html");
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await pageHits("/json")).toBe(1);
    await backdate("failed_at", FAILURE_MEMORY_MS + 1000);
    await expectError(await viewPost(site, "/json"), 502, "not_html");
    expect(await pageHits("/json")).toBe(2);
    expect(await countRows("quizzes")).toBe(0);
  });

  it("a post too short to quiz is 422 article_too_short", async () => {
    const site = await registerSite();
    await expectError(await viewPost(site, "/post"), 422, "article_too_short");
    expect(await countRows("quizzes")).toBe(0);
  });
});

describe("refusals, each shaped and storing no quiz", () => {
  /** After a refusal: no quiz, no question; at most the remembered failure (no quiz in it). */
  async function expectNothingStored() {
    expect(await countRows("quizzes")).toBe(0);
    expect(await countRows("questions")).toBe(0);
    const withQuiz = await env.DB.prepare(
      "select count(*) as n from site_pages where quiz_id is not null",
    ).first<{ n: number }>();
    expect(withQuiz?.n).toBe(0);
  }

  it("a URL on another origin: 403 origin_not_allowed, nothing fetched or stored", async () => {
    const site = await registerSite();
    const other = pagesOrigin.replace("127.0.0.1", "localhost");
    const url = encodeURIComponent(`${other}/story/other`);
    const res = await callWorker("GET", `/api/sites/${site.siteId}/quiz?url=${url}`);
    await expectError(res, 403, "origin_not_allowed");
    expect(await pageHits("/story/other")).toBe(0);
    expect(await countRows("site_pages")).toBe(0);
    await expectNothingStored();
  });

  it("a redirect off the origin: 403 origin_not_allowed", async () => {
    const site = await registerSite();
    await expectError(await viewPost(site, "/redirect-off-origin"), 403, "origin_not_allowed");
    await expectNothingStored();
  });

  it("a non-HTML response: 502 not_html", async () => {
    const site = await registerSite();
    await expectError(await viewPost(site, "/json"), 502, "not_html");
    await expectNothingStored();
  });

  it("a 3 MB page: 502 too_large", async () => {
    const site = await registerSite();
    await expectError(await viewPost(site, "/large"), 502, "too_large");
    await expectNothingStored();
  });

  it("a page that never answers: 502 source_unavailable after 5 s", async () => {
    const site = await registerSite();
    await expectError(await viewPost(site, "/never"), 502, "source_unavailable");
    await expectNothingStored();
  }, 15_000);

  it("a private address in production mode: 403 origin_not_allowed, never connected to", async () => {
    const site = await registerSite();
    const res = await viewPost(site, "/story/production", { local: false });
    await expectError(res, 403, "origin_not_allowed");
    expect(await pageHits("/story/production")).toBe(0);
    await expectNothingStored();
  });

  it("an unknown site: 404 site_not_found, readable from any page", async () => {
    const url = encodeURIComponent(`${pagesOrigin}/story`);
    const res = await callWorker("GET", `/api/sites/nosuchsite/quiz?url=${url}`, {
      headers: { origin: pagesOrigin },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    await expectError(res, 404, "site_not_found");
  });

  it("a browser on another origin: 403 before anything is fetched", async () => {
    const site = await registerSite();
    const res = await viewPost(site, "/story/browser", {
      headers: { origin: "https://other.example" },
    });
    await expectError(res, 403, "origin_not_allowed");
    expect(await pageHits("/story/browser")).toBe(0);
  });

  it("a missing or malformed url: 400", async () => {
    const site = await registerSite();
    await expectError(
      await callWorker("GET", `/api/sites/${site.siteId}/quiz`),
      400,
      "invalid_request",
    );
    await expectError(
      await callWorker("GET", `/api/sites/${site.siteId}/quiz?url=not%20a%20url`),
      400,
      "invalid_url",
    );
    expect(await countRows("site_pages")).toBe(0);
  });
});

describe("CORS for the site's origin", () => {
  it("allows the site's pages and says so, on the quiz and on its errors", async () => {
    const site = await registerSite("review");
    const res = await viewPost(site, "/story/cors", { headers: { origin: pagesOrigin } });
    expect(res.headers.get("access-control-allow-origin")).toBe(pagesOrigin);
    expect(res.headers.get("vary")).toContain("Origin");
    await expectError(res, 404, "quiz_pending");
    const preflight = await callWorker("OPTIONS", `/api/sites/${site.siteId}/quiz?url=x`, {
      headers: { origin: pagesOrigin, "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(pagesOrigin);
  });
});
