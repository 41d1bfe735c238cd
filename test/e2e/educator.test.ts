// The educator's whole path in a real Chromium against the worker in workerd (miniflare) (issue 6 acceptance): sign
// in with the admin token, create a quiz from pasted text, edit a question, publish, copy the
// script snippet into a page on ANOTHER origin (a small Node server on another port), take the
// quiz there in the widget, and find the attempt in the report.
//
// With RECALL_SCREENSHOT=1 it also fills the quiz with a class's worth of attempts over the
// learner API and saves docs/screenshots/report.png.
import { mkdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PublicQuiz } from "../../worker/contract.ts";
import { harbourBridge as article } from "../fixtures/articles.ts";
import { launchBrowser, startServer, type TestServer } from "./harness.ts";

const editedPrompt = "Edited by the teacher: when did the Harbour Bridge open?";

let server: TestServer;
let browser: Browser;
let host: { origin: string; server: Server; snippet: string };
const pageErrors: string[] = [];

/** A blog on another origin: serves whatever snippet the educator copied, under a short text. */
async function startHost(): Promise<typeof host> {
  const state = { snippet: "" };
  const httpServer = createServer((req, res) => {
    if (req.url !== "/post") {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog post</title></head>
<body><h1>A blog post about the bridge</h1><p>Read it, then take the quiz.</p>
${state.snippet}
</body></html>`);
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server: httpServer,
    get snippet() {
      return state.snippet;
    },
    set snippet(value: string) {
      state.snippet = value;
    },
  };
}

beforeAll(async () => {
  [server, browser, host] = await Promise.all([startServer(), launchBrowser(), startHost()]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.server.close(resolve));
  await server?.stop();
});

function watchErrors(page: Page) {
  page.on("pageerror", (err) => pageErrors.push(err.message));
}

it("an educator creates, edits and publishes a quiz, a reader takes it on another site, and the report shows the attempt", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  watchErrors(page);

  // This machine may be busy (workerd, Chromium and other suites share two cores).
  page.setDefaultTimeout(30_000);
  // Sign in: the key goes in a password field, and no URL ever carries it.
  const urls: string[] = [];
  page.on("request", (req) => urls.push(req.url()));
  await page.goto(`${server.origin}/educator`);
  await page.getByLabel("Educator key or admin token").fill(server.adminToken);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${server.origin}/educator/quizzes`);
  const cookies = await context.cookies(server.origin);
  expect(cookies.find((c) => c.name === "recall_session")).toMatchObject({
    httpOnly: true,
    sameSite: "Strict",
  });

  // Create a quiz from pasted text, allowing the blog's origin.
  await page.getByRole("link", { name: "Create a quiz from an article" }).click();
  await page.getByLabel("Title").fill("The Harbour Bridge");
  await page.getByLabel("Article text").fill(article);
  await page.getByLabel(/^Source URL/).fill(`${host.origin}/post`);
  await page.getByLabel(/^Number of questions/).fill("4");
  await page.getByLabel(/^Allowed origins/).fill(host.origin);
  await page.getByRole("button", { name: "Generate draft" }).click();
  await expect.poll(() => page.getByText("Draft created.").count()).toBe(1);
  const educatorKey = await page.locator("#educator-key").inputValue();
  expect(educatorKey).toMatch(/^rk_/);
  const slug = /\/educator\/quizzes\/([a-z0-9-]+)\/publish/.exec(
    (await page.locator('form[action$="/publish"]').getAttribute("action")) ?? "",
  )?.[1];
  if (!slug) throw new Error("no slug on the review page");

  // Edit question 1's prompt and save.
  await page.getByLabel("Prompt").first().fill(editedPrompt);
  await page.getByRole("button", { name: "Save question 1" }).click();
  await expect.poll(() => page.getByText("Question saved.").count()).toBe(1);
  expect(await page.getByLabel("Prompt").first().inputValue()).toBe(editedPrompt);

  // Publish, then copy the script snippet.
  await page.getByRole("button", { name: "Publish the quiz" }).click();
  await expect
    .poll(() => page.getByText("Published. Readers can take the quiz now.").count())
    .toBe(1);
  const snippet = await page.getByLabel(/^Script tag/).inputValue();
  expect(snippet).toContain(`<script src="${server.origin}/widget.js" async></script>`);
  expect(snippet).toContain(`<recall-quiz quiz="${slug}"></recall-quiz>`);
  host.snippet = snippet.replace("<recall-quiz ", '<recall-quiz group="class-7b" ');

  // A reader takes the quiz on the blog, another origin.
  const quiz = (await (await fetch(`${server.origin}/api/quizzes/${slug}`)).json()) as PublicQuiz;
  expect(quiz.questions[0]?.prompt).toBe(editedPrompt);
  const reader = await browser.newContext();
  const blog = await reader.newPage();
  watchErrors(blog);
  await blog.goto(`${host.origin}/post`);
  expect(new URL(blog.url()).origin).not.toBe(server.origin);
  for (const [index, question] of quiz.questions.entries()) {
    await expect
      .poll(() => blog.getByText(`${index + 1} of ${quiz.questions.length}`).count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    if (index === 0) await expect.poll(() => blog.getByText(editedPrompt).count()).toBe(1);
    const choice = question.choices[index % question.choices.length];
    if (!choice) throw new Error("question without choices");
    await blog.getByRole("radio", { name: choice.text, exact: true }).check();
    await blog.getByRole("button", { name: "Check answer" }).click();
    await expect
      .poll(() => blog.getByText(/^(Correct|Incorrect)$/).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const last = index === quiz.questions.length - 1;
    await blog.getByRole("button", { name: last ? "See my score" : "Next" }).click();
  }
  await expect
    .poll(() => blog.getByText(new RegExp(`^\\d+ of ${quiz.questions.length}$`)).count())
    .toBeGreaterThan(0);
  await reader.close();

  // The educator sees the attempt in the report, from the blog page and in the class's group.
  await page.goto(`${server.origin}/educator/quizzes/${slug}`);
  await expect.poll(() => page.locator("dl.summary").textContent()).toContain("Attempts finished1");
  expect(await page.locator("dl.summary").textContent()).toContain("Attempts started1");
  const learners = page.locator("table", { has: page.locator("caption", { hasText: "Learners" }) });
  expect(await learners.locator("tbody tr").count()).toBe(1);
  expect(await learners.locator("tbody tr").textContent()).toContain("class-7b");
  expect(await learners.locator("tbody tr").textContent()).toContain("127.0.0.1");
  await page.getByLabel("Group").selectOption("class-7b");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect.poll(() => page.url()).toContain("group=class-7b");
  expect(await page.locator("dl.summary").textContent()).toContain("Attempts started1");

  // The exports answer with the session cookie.
  const csv = await page.request.get(`${server.origin}/api/quizzes/${slug}/report.csv`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split("\r\n").filter((line) => line !== "")).toHaveLength(
    1 + quiz.questions.length,
  );

  expect(urls.some((url) => url.includes(server.adminToken) || url.includes(educatorKey))).toBe(
    false,
  );
  expect(pageErrors).toEqual([]);

  if (process.env.RECALL_SCREENSHOT) await screenshotReport(page, slug, quiz);
  await context.close();
});

/** A class of 28 readers over three days (through the learner API), then a full-page screenshot. */
async function screenshotReport(page: Page, slug: string, quiz: PublicQuiz) {
  const api = server.origin;
  const names = ["Amna", "Bilal", "Chen", "Dana", "Elif", "Farid", "Greta", "Hina", "Ivan"];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < 28; i++) {
    const res = await fetch(`${api}/api/quizzes/${slug}/attempts`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: host.origin },
      body: JSON.stringify({
        // Learner ids are 32 hex digits (half a SHA-256 of the widget's secret).
        learnerId: i.toString(16).padStart(32, "0"),
        ...(i < names.length ? { learnerName: names[i] } : {}),
        group: i % 3 === 0 ? "class-7a" : "class-7b",
        pageUrl: `${host.origin}/post`,
      }),
    });
    const { attemptId } = (await res.json()) as { attemptId: string };
    const skill = random();
    const answered = i % 9 === 8 ? 2 : quiz.questions.length;
    for (const question of quiz.questions.slice(0, answered)) {
      // Stronger readers pick the key more often; the rest spread over the distractors.
      const keyRes = await fetch(`${api}/api/quizzes/${slug}/questions`, {
        headers: { authorization: `Bearer ${server.adminToken}` },
      });
      const keyed = (await keyRes.json()) as { questions: { id: string; answer: string }[] };
      const key = keyed.questions.find((q) => q.id === question.id)?.answer ?? "a";
      const wrong = question.choices.filter((c) => c.id !== key);
      const choiceId =
        random() < 0.35 + 0.6 * skill
          ? key
          : (wrong[Math.floor(random() * wrong.length)]?.id ?? key);
      await fetch(`${api}/api/attempts/${attemptId}/answers/${question.id}`, {
        method: "PUT",
        headers: { "content-type": "application/json", origin: host.origin },
        body: JSON.stringify({ choiceId }),
      });
    }
    if (answered === quiz.questions.length)
      await fetch(`${api}/api/attempts/${attemptId}/finish`, {
        method: "POST",
        headers: { origin: host.origin },
      });
  }
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(`${server.origin}/educator/quizzes/${slug}`);
  const out = path.resolve(import.meta.dirname, "../../docs/screenshots/report.png");
  await mkdir(path.dirname(out), { recursive: true });
  // The top of the page: summary, charts and the first questions (the full page is very tall).
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1100, height: 2000 } });
}
