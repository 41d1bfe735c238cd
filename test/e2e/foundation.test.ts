// The whole path in a real browser: the demo page served by the worker in workerd (miniflare), the widget under the
// article, every question answered, the score shown — then the API confirms what was stored.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AttemptProgress, PublicQuiz } from "../../worker/contract.ts";
import { launchBrowser, seedSlug, startServer, type TestServer } from "./harness.ts";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("a reader takes the demo quiz under the article and every answer is stored", async () => {
  const quiz = (await (
    await fetch(`${server.origin}/api/quizzes/${seedSlug}`)
  ).json()) as PublicQuiz;
  expect(quiz.questions.length).toBeGreaterThanOrEqual(8);

  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  // The article is on the page, and the quiz sits below it through the blogger's snippet.
  await expect.poll(() => page.locator("article h1").textContent()).toBe(quiz.title);
  expect(await page.locator(`script[src="${server.origin}/widget.js"][async]`).count()).toBe(1);
  expect(await page.locator(`recall-quiz[quiz="${seedSlug}"]`).count()).toBe(1);
  await page.evaluate(() => {
    const w = window as unknown as { recallDone: Promise<unknown> };
    w.recallDone = new Promise((resolve) =>
      document.addEventListener("recall:complete", (e) => resolve((e as CustomEvent).detail)),
    );
  });

  const chosen = new Map<string, string>();
  for (const [index, question] of quiz.questions.entries()) {
    await expect
      .poll(() => page.getByText(`${index + 1} of ${quiz.questions.length}`).count())
      .toBeGreaterThan(0);
    // Vary the picks so the stored answers are not all the same choice.
    const choice = question.choices[index % question.choices.length];
    if (!choice) throw new Error("question without choices");
    await page.getByRole("radio", { name: choice.text, exact: true }).check();
    chosen.set(question.id, choice.id);
    await page.getByRole("button", { name: "Check answer" }).click();
    await expect
      .poll(() => page.getByText(/^(Correct|Incorrect)$/).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const last = index === quiz.questions.length - 1;
    await page.getByRole("button", { name: last ? "See my score" : "Next" }).click();
  }

  const detail = (await page.evaluate(
    () => (window as unknown as { recallDone: Promise<unknown> }).recallDone,
  )) as { score: number; maxScore: number; attemptId: string };
  expect(detail.maxScore).toBe(quiz.questions.length);
  await expect
    .poll(() => page.getByText(`${detail.score} of ${detail.maxScore}`).count())
    .toBeGreaterThan(0);

  // The API agrees: the attempt is finished, and each answer is stored exactly as clicked.
  const res = await fetch(`${server.origin}/api/attempts/${detail.attemptId}`);
  expect(res.status).toBe(200);
  const progress = (await res.json()) as AttemptProgress;
  expect(progress.finishedAt).not.toBeNull();
  expect(progress.score).toBe(detail.score);
  expect(progress.answers).toHaveLength(quiz.questions.length);
  for (const stored of progress.answers)
    expect(stored.choiceId).toBe(chosen.get(stored.questionId));
  expect(progress.answers.filter((a) => a.correct)).toHaveLength(detail.score);
  await page.close();
});
