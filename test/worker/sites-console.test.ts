// The console's Sites pages (worker/routes/educator-sites.ts) over HTTP, as a browser without
// JavaScript uses them: the admin registers a site in a form and sees its key once and its
// snippet; the site's page lists its posts' quizzes with pending ones to review and publish
// (through the quiz review page's publish button, which comes back here); a post's quiz can be
// made before any reader opens it; who may see which site; CSRF.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { sha256Hex } from "../../worker/security/secrets.ts";
import { harbourBridge } from "../fixtures/articles.ts";
import {
  admin,
  callWorker,
  countRows,
  nextClient,
  pagesOrigin,
  postForm,
  registerSite,
  resetSites,
  signIn,
  viewPost,
} from "./sites-fixtures.ts";

beforeEach(async () => {
  await resetSites();
  nextClient();
});

const get = (path: string, cookie: string) => callWorker("GET", path, { headers: { cookie } });

async function adminCookie() {
  return signIn(env.ADMIN_TOKEN, "/educator/quizzes");
}

describe("registering a site in the console", () => {
  it("shows the site key once, the one-tag snippet, and lists the site", async () => {
    const cookie = await adminCookie();
    const res = await postForm(
      "/educator/sites",
      { origin: `${pagesOrigin}/`, name: "Shore Notes", policy: "review", count: "", locale: "en" },
      cookie,
    );
    expect(res.status).toBe(201);
    const html = await res.text();
    const key = /id="site-key" type="text" readonly value="(rs_[A-Za-z0-9_-]+)"/.exec(html)?.[1];
    expect(key).toBeDefined();
    const row = await env.DB.prepare("select id, site_key_hash, policy from sites").first<{
      id: string;
      site_key_hash: string;
      policy: string;
    }>();
    expect(row?.site_key_hash).toBe(await sha256Hex(key ?? ""));
    expect(row?.policy).toBe("review");
    expect(html).toContain(
      `&lt;script src=&quot;http://recall.test/widget.js&quot; async&gt;&lt;/script&gt;\n&lt;recall-quiz site=&quot;${row?.id}&quot;&gt;&lt;/recall-quiz&gt;`,
    );
    // Never again: the site's page does not show the key.
    const again = await (await get(`/educator/sites/${row?.id}`, cookie)).text();
    expect(again).not.toContain(key ?? "");
    const list = await (await get("/educator/sites", cookie)).text();
    expect(list).toContain("Shore Notes");
    expect(list).toContain(`/educator/sites/${row?.id}`);
  });

  it("returns the form filled in, with the reason, when the origin is refused", async () => {
    const cookie = await adminCookie();
    const res = await postForm(
      "/educator/sites",
      { origin: "https://blog.example/posts", name: "Mine", policy: "publish" },
      cookie,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="https://blog.example/posts"');
    expect(html).toContain("without a path");
    expect(await countRows("sites")).toBe(0);
  });

  it("refuses a form from another site (CSRF) and a quiz's educator key", async () => {
    const cookie = await adminCookie();
    const res = await callWorker("POST", "/educator/sites", {
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
        cookie,
      },
      rawBody: new URLSearchParams({ origin: pagesOrigin, policy: "publish" }).toString(),
    });
    expect(res.status).toBe(403);
    expect(await countRows("sites")).toBe(0);
    const created = await callWorker("POST", "/api/quizzes", {
      body: { title: "The Harbour Bridge", article: harbourBridge },
      headers: admin,
    });
    const { slug, educatorKey } = (await created.json()) as { slug: string; educatorKey: string };
    const quizCookie = await signIn(educatorKey, `/educator/quizzes/${slug}`);
    expect((await get("/educator/sites", quizCookie)).status).toBe(403);
    const form = { origin: pagesOrigin, policy: "publish" };
    expect((await postForm("/educator/sites", form, quizCookie)).status).toBe(403);
    expect(await countRows("sites")).toBe(0);
  });
});

describe("a site's page", () => {
  it("lists pending quizzes; publishing one comes back here and readers see it", async () => {
    const site = await registerSite("review");
    await viewPost(site, "/story/pending");
    const cookie = await signIn(site.siteKey, `/educator/sites/${site.siteId}`);
    const html = await (await get(`/educator/sites/${site.siteId}`, cookie)).text();
    expect(html).toContain("1 pending review");
    expect(html).toContain(`${pagesOrigin}/story/pending`);
    const slug = /action="\/educator\/quizzes\/([a-z0-9-]+)\/publish"/.exec(html)?.[1] ?? "";
    expect(slug).not.toBe("");
    // The existing review page opens it for the site key.
    expect((await get(`/educator/quizzes/${slug}/review`, cookie)).status).toBe(200);
    const publish = await postForm(`/educator/quizzes/${slug}/publish`, {}, cookie);
    expect(publish.status).toBe(303);
    expect(publish.headers.get("location")).toBe(
      `/educator/sites/${site.siteId}?published=${slug}`,
    );
    const after = await (
      await get(`/educator/sites/${site.siteId}?published=${slug}`, cookie)
    ).text();
    expect(after).toContain("readers see its quiz now");
    expect(after).not.toContain("pending review");
    expect((await viewPost(site, "/story/pending")).status).toBe(200);
  });

  it("makes a post's quiz before any reader opens it", async () => {
    const site = await registerSite("review");
    const cookie = await adminCookie();
    const res = await postForm(
      `/educator/sites/${site.siteId}/posts`,
      { url: `${pagesOrigin}/story/early?ref=console` },
      cookie,
    );
    expect(res.status).toBe(303);
    const page = await (await get(res.headers.get("location") ?? "", cookie)).text();
    expect(page).toContain("quiz is made.");
    const url = await env.DB.prepare("select page_url from quizzes").first<{ page_url: string }>();
    expect(url?.page_url).toBe(`${pagesOrigin}/story/early`);
  });

  it("shows why a post's quiz could not be made, and makes none", async () => {
    const site = await registerSite();
    const cookie = await adminCookie();
    const short = await postForm(
      `/educator/sites/${site.siteId}/posts`,
      { url: `${pagesOrigin}/post` },
      cookie,
    );
    expect(short.status).toBe(422);
    expect(await short.text()).toContain("too short to make a quiz");
    const other = await postForm(
      `/educator/sites/${site.siteId}/posts`,
      { url: "https://other.example/post" },
      cookie,
    );
    expect(other.status).toBe(403);
    expect(await countRows("quizzes")).toBe(0);
  });

  it("is the same 404 for another site's key as for an unknown site", async () => {
    const site = await registerSite();
    await env.DB.prepare(
      "insert into sites (id, origin, name, policy, locale, site_key_hash, created_at) values ('other-site', 'https://other.example', 'Other', 'publish', 'en', 'x', 0)",
    ).run();
    const cookie = await signIn(site.siteKey, `/educator/sites/${site.siteId}`);
    const other = await get("/educator/sites/other-site", cookie);
    const unknown = await get("/educator/sites/no-such-site", cookie);
    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    // The list of sites is the admin's; a site key goes to its own page.
    const list = await get("/educator/sites", cookie);
    expect(list.status).toBe(303);
    expect(list.headers.get("location")).toBe(`/educator/sites/${site.siteId}`);
  });

  it("counts each quiz's attempts in the console's quiz list", async () => {
    const site = await registerSite();
    const quiz = (await (await viewPost(site, "/story/counted")).json()) as { slug: string };
    await callWorker("POST", `/api/quizzes/${quiz.slug}/attempts`, { body: {} });
    const cookie = await adminCookie();
    const html = await (await get("/educator/quizzes", cookie)).text();
    expect(html).toMatch(/<td class="num">1<\/td>/);
  });
});
