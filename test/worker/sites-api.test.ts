// Site mode's educator API inside workerd with a real local D1: registering a site (admin only,
// origins normalised, a site key shown once and stored hashed), listing sites and a site's
// quizzes, what a site key opens (its site's quizzes, nothing else), `POST /api/quizzes { url }`
// (the worker fetches the article), and the demo blog's three posts (demo/blog/) each making a
// quiz from its article only.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { PublicQuiz } from "../../worker/contract.ts";
import { sha256Hex } from "../../worker/security/secrets.ts";
import { harbourBridge } from "../fixtures/articles.ts";
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
  type Site,
  signIn,
  viewPost,
} from "./sites-fixtures.ts";

beforeEach(async () => {
  await resetSites();
  nextClient();
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe("POST /api/sites", () => {
  it("registers a site: 201 with its id, a site key shown once, the normalised origin", async () => {
    const res = await callWorker("POST", "/api/sites", {
      body: { origin: `${pagesOrigin.toUpperCase().replace("HTTP", "http")}/`, policy: "review" },
      headers: admin,
    });
    expect(res.status).toBe(201);
    const site = (await res.json()) as Site;
    expect(site).toEqual({
      siteId: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/),
      siteKey: expect.stringMatching(/^rs_[A-Za-z0-9_-]{32}$/),
      origin: pagesOrigin,
      policy: "review",
    });
    const row = await env.DB.prepare("select * from sites").first<Record<string, unknown>>();
    expect(row?.site_key_hash).toBe(await sha256Hex(site.siteKey));
    expect(JSON.stringify(row)).not.toContain(site.siteKey);
    expect(row).toMatchObject({ name: pagesOrigin.slice(7), locale: "en", question_count: null });
  });

  it("keeps the name, question count and language it is given", async () => {
    const site = await registerSite("publish", { name: "Shore Notes", count: 4, locale: "ru" });
    const res = await callWorker("GET", "/api/sites", { headers: admin });
    const { sites } = (await res.json()) as { sites: Record<string, unknown>[] };
    expect(sites).toEqual([
      expect.objectContaining({
        siteId: site.siteId,
        name: "Shore Notes",
        count: 4,
        locale: "ru",
        policy: "publish",
        quizzes: 0,
      }),
    ]);
  });

  it("refuses an origin registered already (409 site_exists) and stores nothing more", async () => {
    await registerSite();
    const res = await callWorker("POST", "/api/sites", {
      body: { origin: pagesOrigin, policy: "publish" },
      headers: admin,
    });
    await expectError(res, 409, "site_exists");
    expect(await countRows("sites")).toBe(1);
  });

  it("refuses what is not an origin, and in production http or a private address", async () => {
    for (const origin of [
      "blog.example",
      "https://blog.example/posts",
      "https://blog.example/?p=1",
      "ftp://blog.example",
    ]) {
      const res = await callWorker("POST", "/api/sites", {
        body: { origin, policy: "publish" },
        headers: admin,
      });
      await expectError(res, 400, "invalid_origin");
    }
    for (const origin of [pagesOrigin, "http://blog.example", "https://10.0.0.8"]) {
      const res = await callWorker("POST", "/api/sites", {
        body: { origin, policy: "publish" },
        headers: admin,
        local: false,
      });
      await expectError(res, 400, "invalid_origin");
    }
    expect(await countRows("sites")).toBe(0);
  });

  it("validates the body (policy, count, unknown fields)", async () => {
    for (const body of [
      { origin: pagesOrigin },
      { origin: pagesOrigin, policy: "sometimes" },
      { origin: pagesOrigin, policy: "publish", count: 0 },
      { origin: pagesOrigin, policy: "publish", colour: "red" },
    ]) {
      await expectError(
        await callWorker("POST", "/api/sites", { body, headers: admin }),
        400,
        "invalid_request",
      );
    }
    expect(await countRows("sites")).toBe(0);
  });

  it("needs the admin token: 401 without, 403 with a site key", async () => {
    const site = await registerSite();
    const body = { origin: "https://blog.example", policy: "publish" };
    await expectError(await callWorker("POST", "/api/sites", { body }), 401, "unauthorized");
    await expectError(
      await callWorker("POST", "/api/sites", { body, headers: bearer(site.siteKey) }),
      403,
      "forbidden",
    );
    expect(await countRows("sites")).toBe(1);
  });
});

describe("GET /api/sites/:siteId/quizzes", () => {
  it("lists the site's quizzes with page URL, title, status, version and attempt counts", async () => {
    const site = await registerSite("review");
    await viewPost(site, "/story/listed");
    const res = await callWorker("GET", `/api/sites/${site.siteId}/quizzes`, {
      headers: bearer(site.siteKey),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { quizzes: Record<string, unknown>[] };
    expect(body).toMatchObject({ siteId: site.siteId, origin: pagesOrigin, policy: "review" });
    expect(body.quizzes).toEqual([
      expect.objectContaining({
        title: "The Harbour Bridge",
        pageUrl: `${pagesOrigin}/story/listed`,
        status: "draft",
        version: 1,
        current: true,
        attempts: 0,
        finished: 0,
      }),
    ]);
    const slug = String(body.quizzes[0]?.slug);
    await callWorker("POST", `/api/quizzes/${slug}/publish`, { headers: bearer(site.siteKey) });
    await callWorker("POST", `/api/quizzes/${slug}/attempts`, { body: {} });
    const after = await callWorker("GET", `/api/sites/${site.siteId}/quizzes`, { headers: admin });
    const listed = (await after.json()) as { quizzes: Record<string, unknown>[] };
    expect(listed.quizzes[0]).toMatchObject({ status: "published", attempts: 1 });
  });

  it("is 401 without a credential and 404 site_not_found for another site's key", async () => {
    const site = await registerSite();
    await expectError(
      await callWorker("GET", `/api/sites/${site.siteId}/quizzes`),
      401,
      "unauthorized",
    );
    await env.DB.prepare(
      "insert into sites (id, origin, name, policy, locale, site_key_hash, created_at) values ('other-site', 'https://other.example', 'Other', 'publish', 'en', ?, 0)",
    )
      .bind(await sha256Hex("rs_another-key-that-is-not-this-one"))
      .run();
    await expectError(
      await callWorker("GET", "/api/sites/other-site/quizzes", { headers: bearer(site.siteKey) }),
      404,
      "site_not_found",
    );
  });
});

describe("a site key", () => {
  it("opens the quizzes of its site's posts, and no other quiz", async () => {
    const site = await registerSite();
    const { slug } = (await (await viewPost(site, "/story/own")).json()) as PublicQuiz;
    const own = await callWorker("GET", `/api/quizzes/${slug}/questions`, {
      headers: bearer(site.siteKey),
    });
    expect(own.status).toBe(200);
    const report = await callWorker("GET", `/api/quizzes/${slug}/report`, {
      headers: bearer(site.siteKey),
    });
    expect(report.status).toBe(200);

    const other = await callWorker("POST", "/api/quizzes", {
      body: { title: "The Harbour Bridge", article: harbourBridge },
      headers: admin,
    });
    const { slug: otherSlug } = (await other.json()) as { slug: string };
    await expectError(
      await callWorker("GET", `/api/quizzes/${otherSlug}/questions`, {
        headers: bearer(site.siteKey),
      }),
      404,
      "not_found",
    );
  });

  it("signs in to the console and sees its site's quizzes", async () => {
    const site = await registerSite();
    await viewPost(site, "/story/console");
    const cookie = await signIn(site.siteKey, `/educator/sites/${site.siteId}`);
    const page = await callWorker("GET", `/educator/sites/${site.siteId}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("The Harbour Bridge");
    expect(html).toContain(`recall-quiz site=&quot;${site.siteId}&quot;`);
  });
});

describe("POST /api/quizzes { url }", () => {
  it("makes a draft quiz from the fetched article, as one of the site's quizzes", async () => {
    const site = await registerSite();
    const res = await callWorker("POST", "/api/quizzes", {
      body: { url: `${pagesOrigin}/story/by-url` },
      headers: bearer(site.siteKey),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as {
      slug: string;
      educatorKey: string;
      status: string;
      title: string;
      questions: { source: { text: string } }[];
    };
    expect(created).toMatchObject({ status: "draft", title: "The Harbour Bridge" });
    expect(created.questions.length).toBeGreaterThan(0);
    for (const q of created.questions) expect(harbourBridge).toContain(q.source.text);
    const row = await env.DB.prepare(
      "select site_id, page_url, source_url, allowed_origins from quizzes",
    ).first();
    expect(row).toEqual({
      site_id: site.siteId,
      page_url: null,
      source_url: `${pagesOrigin}/story/by-url`,
      allowed_origins: JSON.stringify([pagesOrigin]),
    });
    // The site key manages it; the listing shows it after the posts.
    const listed = await callWorker("GET", `/api/sites/${site.siteId}/quizzes`, {
      headers: bearer(site.siteKey),
    });
    const { quizzes } = (await listed.json()) as { quizzes: { slug: string }[] };
    expect(quizzes.map((q) => q.slug)).toEqual([created.slug]);
  });

  it("takes a title of its own, and with the admin token any public page's origin", async () => {
    await registerSite();
    const res = await callWorker("POST", "/api/quizzes", {
      body: { url: `${pagesOrigin}/story/admin`, title: "Bridges" },
      headers: admin,
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { title: string }).title).toBe("Bridges");
  });

  it("refuses a site key's URL on another origin (403) and fetches nothing", async () => {
    const site = await registerSite();
    const other = pagesOrigin.replace("127.0.0.1", "localhost");
    const res = await callWorker("POST", "/api/quizzes", {
      body: { url: `${other}/story/elsewhere` },
      headers: bearer(site.siteKey),
    });
    await expectError(res, 403, "origin_not_allowed");
    expect(await pageHits("/story/elsewhere")).toBe(0);
    expect(await countRows("quizzes")).toBe(0);
  });

  it("passes on the fetch's refusals and the too-short article, storing nothing", async () => {
    await registerSite();
    const cases: [string, number, string][] = [
      ["/json", 502, "not_html"],
      ["/redirect-off-origin", 403, "origin_not_allowed"],
      ["/post", 422, "unusable_article"],
    ];
    for (const [path, status, code] of cases) {
      const res = await callWorker("POST", "/api/quizzes", {
        body: { url: `${pagesOrigin}${path}` },
        headers: admin,
      });
      await expectError(res, status, code);
    }
    const production = await callWorker("POST", "/api/quizzes", {
      body: { url: `${pagesOrigin}/story/production` },
      headers: admin,
      local: false,
    });
    await expectError(production, 403, "origin_not_allowed");
    expect(await countRows("quizzes")).toBe(0);
  });

  it("needs a credential, validates the body and names the URL form's fields", async () => {
    await expectError(
      await callWorker("POST", "/api/quizzes", { body: { url: `${pagesOrigin}/story` } }),
      401,
      "unauthorized",
    );
    const bad = await callWorker("POST", "/api/quizzes", {
      body: { url: "not a url" },
      headers: admin,
    });
    await expectError(bad, 400, "invalid_request");
    const both = await callWorker("POST", "/api/quizzes", {
      body: { url: `${pagesOrigin}/story`, article: harbourBridge },
      headers: admin,
    });
    const body = (await both.json()) as { error: { message: string } };
    expect(both.status).toBe(400);
    expect(body.error.message).toContain("article");
    expect(await countRows("quizzes")).toBe(0);
  });
});

describe("the demo blog's posts (demo/blog/)", () => {
  const posts = [
    { path: "/demo/eddystone-lighthouse/", title: "Four lighthouses on one rock" },
    { path: "/demo/penny-black/", title: "A penny for a letter" },
    { path: "/demo/thames-tunnel/", title: "A road under the river" },
  ];

  it("each make a quiz from the post's article, never from its nav, sidebar, comments or footer", async () => {
    const site = await registerSite();
    for (const post of posts) {
      const quiz = (await (await viewPost(site, post.path)).json()) as PublicQuiz;
      expect(quiz.title).toBe(post.title);
      expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
      const row = await env.DB.prepare("select article from quizzes where slug = ?")
        .bind(quiz.slug)
        .first<{ article: string }>();
      const article = row?.article ?? "";
      expect(article).not.toMatch(
        /grandfather|schoolmates|Proudly powered|newsletter|Priya|Archive/,
      );
      expect(article).not.toMatch(/photographed by the author|Catalogue note|Subscribe/);
      const res = await callWorker("GET", `/api/quizzes/${quiz.slug}/questions`, {
        headers: admin,
      });
      const { questions } = (await res.json()) as { questions: { source: { text: string } }[] };
      for (const q of questions) expect(article).toContain(q.source.text);
    }
    expect(await countRows("quizzes")).toBe(3);
  });
});
