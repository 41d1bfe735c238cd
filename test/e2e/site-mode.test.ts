// Site mode's acceptance (issue 12) in a real Chromium against the real worker in workerd
// (miniflare, as a local run so it may fetch 127.0.0.1): the demo blog (demo/blog/, served by
// scripts/lib/demo-blog.ts on another loopback port, so another origin) has three posts in the
// HTML shapes of WordPress, Ghost and plain divs, each with only the one-tag snippet
// `<recall-quiz site="…">`. Each post shows a quiz made from that post: every question's source
// sentence is in the post's article text, none from its nav, sidebar, comments or footer;
// answering and finishing work; the site's listing and its console page list each post.
//
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoBlog, demoPosts, startDemoBlog } from "../../scripts/lib/demo-blog.ts";
import type { PublicQuiz } from "../../worker/contract.ts";
import { launchBrowser, startServer, type TestServer } from "./harness.ts";

const root = path.resolve(import.meta.dirname, "../..");

let server: TestServer;
let browser: Browser;
let blog: DemoBlog;
let siteId = "";
const pageErrors: string[] = [];

const normalise = (text: string) =>
  text
    .replace(/&#8211;|&ndash;/g, "–")
    .replace(/&ldquo;|&rdquo;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The post's article as the file writes it: the text of the paragraphs, headings and quotes
 * between the post's `<h1>` and its snippet, figures and code left out. Independent of the
 * worker's extractor, which the test checks against it.
 */
function articleOf(file: string): string {
  const html = readFileSync(path.join(root, "demo", "blog", file), "utf8");
  const region = html.slice(html.indexOf("<h1"), html.indexOf("<recall-quiz"));
  const blocks = region
    .replace(/<figure[\s\S]*?<\/figure>|<pre[\s\S]*?<\/pre>/g, "")
    .match(/<(p|h2|blockquote)\b[^>]*>[\s\S]*?<\/\1>/g);
  return (blocks ?? []).map((b) => normalise(b.replace(/<[^>]+>/g, " "))).join("\n");
}

/** Everything the post's file holds outside its article: nav, sidebar, comments, footer, captions. */
function chromeOf(file: string): string {
  const html = readFileSync(path.join(root, "demo", "blog", file), "utf8");
  const start = html.indexOf("<h1");
  const end = html.indexOf("<recall-quiz");
  const inside = html.slice(start, end);
  const captions = (inside.match(/<figure[\s\S]*?<\/figure>|<pre[\s\S]*?<\/pre>/g) ?? []).join(" ");
  const outside = `${html.slice(html.indexOf("<body"), start)} ${captions} ${html.slice(end)}`;
  return normalise(outside.replace(/<[^>]+>/g, " "));
}

async function api<T>(pathname: string): Promise<T> {
  const res = await fetch(`${server.origin}${pathname}`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ LOCAL_RUN: "true" }), launchBrowser()]);
  blog = await startDemoBlog({ port: 0, recallOrigin: server.origin });
  const res = await fetch(`${server.origin}/api/sites`, {
    method: "POST",
    headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ origin: blog.origin, name: "Harbour Notes", policy: "publish" }),
  });
  expect(res.status).toBe(201);
  siteId = ((await res.json()) as { siteId: string }).siteId;
  blog.setSiteId(siteId);
});

afterAll(async () => {
  await browser?.close();
  await blog?.stop();
  await server?.stop();
});

const widget = (page: Page) => page.locator("recall-quiz");

async function openPost(postPath: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  const page = await context.newPage();
  page.on("pageerror", (err) => pageErrors.push(err.message));
  await page.addInitScript(() => {
    const w = window as unknown as { completed: unknown[] };
    w.completed = [];
    document.addEventListener("recall:complete", (e) =>
      w.completed.push((e as CustomEvent).detail),
    );
  });
  await page.goto(`${blog.origin}${postPath}`);
  // The widget made the post's quiz on this first view: it shows its intro or first question.
  const shown = widget(page)
    .getByRole("button", { name: "Start quiz" })
    .or(widget(page).getByRole("radio").first());
  await shown.waitFor({ timeout: 20_000 });
  return page;
}

/** Answers every question with its key (read from the educator API) and finishes. */
async function takeQuiz(page: Page, quiz: PublicQuiz, keys: Map<string, string>) {
  const start = widget(page).getByRole("button", { name: "Start quiz" });
  if (await start.isVisible()) await start.click();
  for (const [index, question] of quiz.questions.entries()) {
    const key = keys.get(question.id);
    const text = question.choices.find((c) => c.id === key)?.text ?? "";
    await widget(page)
      .getByText(`${index + 1} of ${quiz.questions.length}`, { exact: true })
      .waitFor();
    await widget(page).getByRole("radio", { name: text, exact: true }).check();
    await widget(page).getByRole("button", { name: "Check answer" }).click();
    const last = index === quiz.questions.length - 1;
    await widget(page)
      .getByRole("button", { name: last ? "See my score" : "Next" })
      .click();
  }
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { completed: unknown[] }).completed))
    .toEqual([expect.objectContaining({ score: quiz.questions.length, quiz: quiz.slug })]);
}

describe("a blog with one <recall-quiz site> tag in its post template", () => {
  for (const post of demoPosts) {
    it(`shows the ${post.shape} post's quiz, made from its article only, and it can be finished`, async () => {
      const page = await openPost(post.path);
      const url = encodeURIComponent(`${blog.origin}${post.path}`);
      // The payload the widget got: its first view made the quiz; this reads the stored one.
      const quiz = await api<PublicQuiz>(`/api/sites/${siteId}/quiz?url=${url}`);
      const review = await api<{
        questions: { id: string; answer: string; source: { text: string } }[];
      }>(`/api/quizzes/${quiz.slug}/questions`);
      const article = articleOf(post.file);
      const chrome = chromeOf(post.file);
      expect(review.questions.length).toBeGreaterThanOrEqual(3);
      for (const q of review.questions) {
        const source = normalise(q.source.text);
        expect(article).toContain(source);
        expect(chrome).not.toContain(source);
      }
      await takeQuiz(page, quiz, new Map(review.questions.map((q) => [q.id, q.answer])));
      expect(pageErrors).toEqual([]);
      await page.context().close();
    });
  }

  it("lists each post's quiz with its finished attempt, in the API and the console", async () => {
    const listing = await api<{
      quizzes: { pageUrl: string; finished: number; version: number }[];
    }>(`/api/sites/${siteId}/quizzes`);
    expect(listing.quizzes.map((q) => q.pageUrl).sort()).toEqual(
      demoPosts.map((p) => `${blog.origin}${p.path}`).sort(),
    );
    for (const q of listing.quizzes) expect(q).toMatchObject({ finished: 1, version: 1 });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.origin}/educator`);
    await page.getByLabel(/key/i).fill(server.adminToken);
    await page.getByRole("button", { name: /sign in/i }).click();
    await page.goto(`${server.origin}/educator/sites/${siteId}`);
    for (const p of demoPosts)
      await expect.poll(() => page.getByText(`${blog.origin}${p.path}`).count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
