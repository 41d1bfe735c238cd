// The embed page inside a frame sandboxed as WordPress frames untrusted oEmbed HTML (issue 17):
// exactly `sandbox="allow-scripts"` — no allow-forms (form submission is blocked), no
// allow-same-origin (an opaque origin: localStorage throws, requests carry `Origin: null`) —
// on a host page of another origin, in a real Chromium against the worker in workerd.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Bank } from "../../questions/bank.ts";
import type { AttemptProgress, PublicQuiz } from "../../worker/contract.ts";
import { launchBrowser, seedSlug, startServer, type TestServer } from "./harness.ts";
import { type HostSite, startHostSite } from "./pages/host-server.ts";

const root = path.resolve(import.meta.dirname, "../..");
const bank = JSON.parse(
  readFileSync(path.join(root, "questions", "banks", `${seedSlug}.json`), "utf8"),
) as Bank;

let server: TestServer;
let browser: Browser;
let host: HostSite;
let quiz: PublicQuiz;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  host = await startHostSite(server.origin, {
    "/sandboxed": (api) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A sandboxed embed</title></head>
<body><h1>A post with a pasted quiz link</h1>
<iframe sandbox="allow-scripts" src="${api}/embed/${seedSlug}" title="Quiz" style="width:100%;height:900px;border:0"></iframe>
</body></html>`,
  });
  quiz = (await (await fetch(`${server.origin}/api/quizzes/${seedSlug}`)).json()) as PublicQuiz;
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await host?.stop();
  await server?.stop();
});

/** Uncaught errors and rejections inside every frame, recorded by the frame itself. */
function recordErrors() {
  const errors: string[] = [];
  (window as unknown as { recallErrors: string[] }).recallErrors = errors;
  addEventListener("error", (e) => errors.push(String(e.message)));
  addEventListener("unhandledrejection", (e) => errors.push(String(e.reason)));
}

async function sandboxedPage(): Promise<{ page: Page; frame: FrameLocator; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 } });
  contexts.push(context);
  await context.addInitScript(recordErrors);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    // The host server has no favicon; anything else logged as an error counts.
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico"))
      errors.push(`${m.text()} (${m.location().url})`);
  });
  await page.goto(`${host.origin}/sandboxed`);
  return { page, frame: page.frameLocator("iframe"), errors };
}

const embedFrame = (page: Page): Frame => {
  const frame = page.frames().find((f) => f.url().includes("/embed/"));
  if (!frame) throw new Error("no embed frame");
  return frame;
};

const choiceText = (index: number, correct: boolean) => {
  const answer = bank.questions[index]?.answer;
  return (
    quiz.questions[index]?.choices.find((c) => (c.id === answer) === correct)?.text ?? "missing"
  );
};

it("answers in a frame sandboxed with exactly allow-scripts: by click and by Enter, with feedback", async () => {
  const { page, frame, errors } = await sandboxedPage();
  const answers: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "PUT" && r.url().includes("/answers/")) answers.push(r.url());
  });
  expect(await page.locator("iframe").getAttribute("sandbox")).toBe("allow-scripts");

  await frame.getByRole("button", { name: "Check answer" }).waitFor();
  // The sandbox is real: an opaque origin without storage.
  expect(
    await embedFrame(page).evaluate(() => {
      try {
        return localStorage.length >= 0 ? "storage" : "?";
      } catch (e) {
        return `${(e as Error).name} at ${origin}`;
      }
    }),
  ).toBe("SecurityError at null");

  // Question 1 by mouse: the right answer.
  await frame.getByRole("radio", { name: choiceText(0, true), exact: true }).check();
  await frame.getByRole("button", { name: "Check answer" }).click();
  await expect
    .poll(() => frame.locator("#fh").textContent(), { timeout: 15_000 })
    .toContain("Correct");
  expect(await frame.locator("p", { hasText: `The answer: ${choiceText(0, true)}` }).count()).toBe(
    1,
  );
  await frame.getByRole("button", { name: "Next" }).click();

  // Question 2 by keyboard: a wrong choice, then Enter on it.
  const wrong = frame.getByRole("radio", { name: choiceText(1, false), exact: true });
  await wrong.check();
  await wrong.press("Enter");
  await expect
    .poll(() => frame.locator("#fh").textContent(), { timeout: 15_000 })
    .toContain("Incorrect");

  // The server has both answers, graded, in one attempt.
  expect(answers).toHaveLength(2);
  const attemptId = /\/attempts\/([^/]+)\/answers\//.exec(answers[0] ?? "")?.[1] ?? "";
  const progress = (await (
    await fetch(`${server.origin}/api/attempts/${attemptId}`)
  ).json()) as AttemptProgress;
  expect(progress.answers.map((a) => [a.questionId, a.correct])).toEqual([
    [quiz.questions[0]?.id, true],
    [quiz.questions[1]?.id, false],
  ]);

  // Without storage, the round lives in memory: the element re-attached resumes it in place.
  await embedFrame(page).evaluate(() => {
    const el = document.querySelector("recall-quiz");
    if (el) document.body.append(el);
  });
  await expect
    .poll(() => frame.locator("#fh").textContent(), { timeout: 15_000 })
    .toContain("Incorrect");
  expect(await frame.getByText(`2 of ${quiz.questions.length}`, { exact: true }).count()).toBe(1);

  expect(
    await embedFrame(page).evaluate(
      () => (window as unknown as { recallErrors: string[] }).recallErrors,
    ),
  ).toEqual([]);
  expect(errors).toEqual([]);
});
