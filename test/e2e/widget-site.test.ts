// Site mode in the widget (issue 12): `<recall-quiz site="SITE_ID">` on a blog's post, in a real
// Chromium against the worker in workerd (a local run, so the worker may fetch the blog's pages
// from 127.0.0.1). The widget sends the page's canonical URL, shows the quiz the worker made from
// the page itself and takes it exactly as with quiz=slug; a page without a quiz gets one quiet
// line, localised, or nothing at all with `hidden-errors`.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type LocalWorker, startLocalWorker } from "../../scripts/lib/miniflare.ts";
import type { AttemptProgress, PublicQuiz } from "../../worker/contract.ts";
import { buildWidget, launchBrowser, seedSlug } from "./harness.ts";
import { type HostSite, startHostSite } from "./pages/host-server.ts";

const root = path.resolve(import.meta.dirname, "../..");
const article = readFileSync(path.join(root, "questions", "articles", `${seedSlug}.txt`), "utf8");
// One paragraph a line, the title first (and two scraps of the page it was copied from).
const [articleTitle = "", ...lines] = article.split("\n").map((line) => line.trim());
const paragraphs = lines.filter((line) => line.length > 40);
const adminToken = randomBytes(24).toString("base64url");
const admin = { authorization: `Bearer ${adminToken}`, "content-type": "application/json" };

let persistTo: string;
let worker: LocalWorker;
let browser: Browser;
/** A site with policy "publish", one with policy "review", and a page on neither's origin. */
let blog: HostSite;
let reviewed: HostSite;
let elsewhere: HostSite;
let blogSite: string;
let reviewedSite: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/**
 * A blog post with the one-tag snippet (the site id and `lang` / `hidden-errors` from the query),
 * its article (or a few words), and an optional canonical link.
 */
function post(options: { canonical?: string; short?: boolean } = {}) {
  return (api: string, query: URLSearchParams) => {
    const text = options.short ? ["Just a few words today."] : paragraphs;
    const attributes = [
      `site="${esc(query.get("site") ?? "")}"`,
      query.has("lang") ? `lang="${esc(query.get("lang") ?? "")}"` : "",
      query.has("hidden-errors") ? "hidden-errors" : "",
    ].join(" ");
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(articleTitle)} | A blog</title>
${options.canonical ? `<link rel="canonical" href="${esc(options.canonical)}">` : ""}
<style>body{font:18px/1.6 Georgia,serif;max-width:44rem;margin:2rem auto}</style></head>
<body><nav><a href="/">Home</a> · <a href="/about">About</a></nav>
<article><h1>${esc(articleTitle)}</h1>${text.map((p) => `<p>${esc(p)}</p>`).join("\n")}</article>
<script src="${api}/widget.js" async></script>
<recall-quiz ${attributes}></recall-quiz>
<p id="after">After the quiz.</p>
<footer>© A blog</footer></body></html>`;
  };
}

const pages = {
  "/post": post(),
  "/post-alias": post({ canonical: "/post" }),
  "/syndicated": post({ canonical: "https://example.com/original-post" }),
  "/short": post({ short: true }),
};

async function registerSite(origin: string, policy: "publish" | "review"): Promise<string> {
  const res = await fetch(`${worker.origin}/api/sites`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ origin, policy }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { siteId: string }).siteId;
}

beforeAll(async () => {
  buildWidget();
  persistTo = await mkdtemp(path.join(os.tmpdir(), "recall-e2e-site-"));
  [worker, browser] = await Promise.all([
    startLocalWorker({ persistTo, vars: { ADMIN_TOKEN: adminToken, LOCAL_RUN: "true" } }),
    launchBrowser(),
  ]);
  [blog, reviewed, elsewhere] = await Promise.all([
    startHostSite(worker.origin, pages),
    startHostSite(worker.origin, pages),
    startHostSite(worker.origin, pages),
  ]);
  [blogSite, reviewedSite] = await Promise.all([
    registerSite(blog.origin, "publish"),
    registerSite(reviewed.origin, "review"),
  ]);
});

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await Promise.all([blog?.stop(), reviewed?.stop(), elsewhere?.stop()]);
  await worker?.stop();
  if (persistTo) await rm(persistTo, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (err) => pageErrors.push(err.message));
  return page;
}

/** The `url` each site-quiz request of the page sent. */
function siteRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (/^\/api\/sites\/[^/]+\/quiz$/.test(url.pathname))
      urls.push(url.searchParams.get("url") ?? "");
  });
  return urls;
}

const widget = (page: Page) => page.locator("recall-quiz");

/** All the widget says: the rendered text, not its stylesheets' source. */
async function widgetText(page: Page): Promise<string> {
  return widget(page).evaluate(
    // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point.
    (el) => el.shadowRoot?.querySelector<HTMLElement>("section")?.innerText.trim() ?? "",
  );
}

describe("a site's post", () => {
  it("shows the quiz made from the page itself, keyed by its canonical URL, and takes it like quiz=slug", async () => {
    const page = await newPage();
    const asked = siteRequests(page);
    // On every load of the page (it is reloaded below), before its scripts run.
    await page.addInitScript(() => {
      const w = window as unknown as { done: Promise<unknown> };
      w.done = new Promise((resolve) =>
        document.addEventListener("recall:complete", (e) => resolve((e as CustomEvent).detail)),
      );
    });
    await page.goto(`${blog.origin}/post?site=${blogSite}&utm_source=feed#comments`);
    await widget(page).getByRole("button", { name: "Check answer" }).waitFor({ timeout: 30_000 });
    // Without query and fragment: the form the worker keys a post on.
    expect(asked).toEqual([`${blog.origin}/post`]);
    // The first screen: the post's quiz's title above its first question.

    // The same payload the widget got, by its slug.
    const res = await fetch(
      `${worker.origin}/api/sites/${blogSite}/quiz?url=${encodeURIComponent(`${blog.origin}/post`)}`,
    );
    expect(res.status).toBe(200);
    const quiz = (await res.json()) as PublicQuiz;
    expect(quiz.slug).toBeTruthy();
    expect(await widget(page).locator("h2").textContent()).toBe(quiz.title);

    await widget(page).getByRole("radio").first().check();
    await widget(page).getByRole("button", { name: "Check answer" }).click();
    await widget(page).locator("#fh").waitFor();
    // Saved under the quiz's slug, as with quiz=slug: a reload resumes on the same feedback.
    const stored = () =>
      page.evaluate(
        (key) => JSON.parse(localStorage.getItem(key) ?? "null") as { a: string } | null,
        `recall:${worker.origin}/${quiz.slug}`,
      );
    const before = await stored();
    expect(before?.a).toBeTruthy();
    await page.reload();
    await widget(page).locator("#fh").waitFor();
    expect((await stored())?.a).toBe(before?.a);
    expect(asked).toEqual([`${blog.origin}/post`, `${blog.origin}/post`]);

    for (let index = 0; index < quiz.questions.length; index++) {
      if (index > 0) {
        await widget(page).getByRole("radio").first().check();
        await widget(page).getByRole("button", { name: "Check answer" }).click();
        await widget(page).locator("#fh").waitFor();
      }
      const last = index === quiz.questions.length - 1;
      await widget(page)
        .getByRole("button", { name: last ? "See my score" : "Next" })
        .click();
    }
    await widget(page).getByRole("heading", { name: "Your score" }).waitFor();
    const detail = (await page.evaluate(
      () => (window as unknown as { done: Promise<unknown> }).done,
    )) as { quiz: string; attemptId: string; maxScore: number };
    expect(detail).toMatchObject({ quiz: quiz.slug, maxScore: quiz.questions.length });
    const progress = (await (
      await fetch(`${worker.origin}/api/attempts/${detail.attemptId}`)
    ).json()) as AttemptProgress;
    expect(progress.quiz).toBe(quiz.slug);
    expect(progress.finishedAt).not.toBeNull();
    expect(progress.answers).toHaveLength(quiz.questions.length);
  });

  it("follows a canonical link on the page's own origin, and ignores one on another", async () => {
    const page = await newPage();
    const asked = siteRequests(page);
    await page.goto(`${blog.origin}/post-alias?site=${blogSite}`);
    await widget(page).getByRole("button", { name: "Check answer" }).waitFor({ timeout: 30_000 });
    await page.goto(`${blog.origin}/syndicated?site=${blogSite}`);
    await widget(page).getByRole("button", { name: "Check answer" }).waitFor({ timeout: 30_000 });
    expect(asked).toEqual([`${blog.origin}/post`, `${blog.origin}/syndicated`]);
  });
});

describe("a post without a quiz", () => {
  it("says 'Quiz coming soon' in one quiet line under the review policy, nothing with hidden-errors, and the quiz once published", async () => {
    const page = await newPage();
    await page.goto(`${reviewed.origin}/post?site=${reviewedSite}`);
    const note = widget(page).getByText("Quiz coming soon.", { exact: true });
    await note.waitFor({ timeout: 30_000 });
    expect(await widgetText(page)).toBe("Quiz coming soon.");
    expect(await widget(page).getByRole("alert").count()).toBe(0);
    // One line of text and the box's padding, not the loading box's reserved height.
    const lineHeight = await note.evaluate((el) =>
      Number.parseFloat(getComputedStyle(el).lineHeight),
    );
    expect((await widget(page).boundingBox())?.height).toBeLessThan(lineHeight * 3);

    const quizAsked = siteRequests(page);
    await page.goto(`${reviewed.origin}/post?site=${reviewedSite}&hidden-errors`);
    await expect.poll(() => quizAsked.length).toBe(1);
    // Not rendered at all: no box, no reserved space.
    await expect.poll(() => widget(page).boundingBox(), { timeout: 15_000 }).toBeNull();
    expect(await widget(page).evaluate((el) => el.shadowRoot?.querySelector("section"))).toBeNull();

    // An educator publishes the post's quiz: the next view shows it.
    const listed = (await (
      await fetch(`${worker.origin}/api/sites/${reviewedSite}/quizzes`, { headers: admin })
    ).json()) as { quizzes: { slug: string }[] };
    const slug = listed.quizzes[0]?.slug ?? "";
    const published = await fetch(`${worker.origin}/api/quizzes/${slug}/publish`, {
      method: "POST",
      headers: admin,
    });
    expect(published.status).toBe(200);
    await page.goto(`${reviewed.origin}/post?site=${reviewedSite}`);
    await widget(page).getByRole("button", { name: "Check answer" }).waitFor({ timeout: 30_000 });
  });

  it("gets one polite, localised note for every other outcome, and nothing with hidden-errors", async () => {
    const cases = [
      // 422 article_too_short
      {
        url: `${blog.origin}/short?site=${blogSite}`,
        lang: "en",
        note: "No quiz for this page right now.",
      },
      // 404 site_not_found
      {
        url: `${blog.origin}/post?site=NoSuchSite123`,
        lang: "ur",
        note: "اس صفحے کے لیے ابھی کوئی کوئز نہیں۔",
      },
      // 403 origin_not_allowed, which a browser sees as a failed request (no CORS header)
      {
        url: `${elsewhere.origin}/post?site=${blogSite}`,
        lang: "ru",
        note: "Для этой страницы пока нет теста.",
      },
    ];
    for (const { url, lang, note } of cases) {
      const page = await newPage();
      await page.goto(`${url}&lang=${lang}`);
      await widget(page).getByText(note, { exact: true }).waitFor({ timeout: 30_000 });
      // No code, status or stack: the note is all the widget says.
      expect(await widgetText(page), url).toBe(note);
      expect(await widget(page).getByRole("button").count()).toBe(0);

      const hidden = await newPage();
      const settled = new Promise<void>((resolve) => {
        hidden.on("requestfinished", (r) => {
          if (r.url().includes("/quiz?url=")) resolve();
        });
        hidden.on("requestfailed", (r) => {
          if (r.url().includes("/quiz?url=")) resolve();
        });
      });
      await hidden.goto(`${url}&lang=${lang}&hidden-errors`);
      await settled;
      // Not rendered at all: no box, no reserved space.
      await expect.poll(() => widget(hidden).boundingBox(), { timeout: 15_000 }).toBeNull();
      expect(
        await widget(hidden).evaluate((el) => el.shadowRoot?.querySelector("section")),
      ).toBeNull();
    }
  });
});
