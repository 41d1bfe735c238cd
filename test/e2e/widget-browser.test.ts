// The learner's widget in a real Chromium against the worker in workerd (miniflare) (issue 4 acceptance): keyboard
// only, axe-core in light/dark and English/Urdu, hostile host CSS, resume after reload, a network
// outage mid-quiz, right-to-left Urdu, the iframe embed and oEmbed. Host pages come from another
// origin (test/e2e/pages/host-server.ts), as on a real blog.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Bank } from "../../questions/bank.ts";
import type { AttemptProgress, PublicQuiz } from "../../worker/contract.ts";
import { launchBrowser, seedSlug, startServer, type TestServer } from "./harness.ts";
import {
  type HostSite,
  hostilePage,
  iframePage,
  neighbourPage,
  plainPage,
  startHostSite,
} from "./pages/host-server.ts";

const root = path.resolve(import.meta.dirname, "../..");
const bank = JSON.parse(
  readFileSync(path.join(root, "questions", "banks", `${seedSlug}.json`), "utf8"),
) as Bank;
const axeSource = readFileSync(path.join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");

let server: TestServer;
let browser: Browser;
let host: HostSite;
let quiz: PublicQuiz;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  // RECALL_E2E_ORIGIN reuses a running server (with the seed quiz) while developing the tests.
  const reuse = process.env.RECALL_E2E_ORIGIN;
  [server, browser] = await Promise.all([
    reuse ? { origin: reuse, adminToken: "", persistTo: "", stop: async () => {} } : startServer(),
    launchBrowser(),
  ]);
  host = await startHostSite(server.origin, {
    "/plain": plainPage,
    "/hostile": hostilePage,
    "/neighbours": neighbourPage,
    "/iframe": iframePage,
  });
  quiz = (await (await fetch(`${server.origin}/api/quizzes/${seedSlug}`)).json()) as PublicQuiz;
});

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await host?.stop();
  await server?.stop();
});

/** A fresh browser profile (own localStorage) per test. */
async function newPage(options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 }, ...options });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (err) => pageErrors.push(err.message));
  return page;
}

function hostUrl(pathname: string, params: Record<string, string> = {}): string {
  return `${host.origin}${pathname}?${new URLSearchParams({ quiz: seedSlug, ...params })}`;
}

const correctChoice = (index: number) => {
  const q = bank.questions[index];
  if (!q) throw new Error(`no question ${index}`);
  return q.answer;
};
const choiceText = (index: number, choiceId: string) =>
  quiz.questions[index]?.choices.find((c) => c.id === choiceId)?.text ?? "";
const wrongChoice = (index: number) =>
  quiz.questions[index]?.choices.find((c) => c.id !== correctChoice(index))?.id ?? "";

/** What has focus inside the widget's shadow root. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector("recall-quiz")?.shadowRoot?.activeElement;
    return el
      ? { tag: el.tagName.toLowerCase(), id: el.id, text: el.textContent?.trim() ?? "" }
      : null;
  });
}

const widget = (page: Page) => page.locator("recall-quiz");
const progressText = (page: Page, n: number, of: number) =>
  widget(page).getByText(`${n} of ${of}`, { exact: true });
const feedbackHeading = (page: Page) => widget(page).locator("#fh");

/** Answers question `index` (0-based) by clicking, then waits for its feedback. */
async function answer(page: Page, index: number, choiceId: string) {
  await expect
    .poll(() => progressText(page, index + 1, quiz.questions.length).count(), { timeout: 10_000 })
    .toBe(1);
  await widget(page)
    .getByRole("radio", { name: choiceText(index, choiceId), exact: true })
    .check();
  await widget(page).getByRole("button", { name: "Check answer" }).click();
  await feedbackHeading(page).waitFor();
}

async function next(page: Page, index: number) {
  const last = index === quiz.questions.length - 1;
  await widget(page)
    .getByRole("button", { name: last ? "See my score" : "Next" })
    .click();
}

/** Runs axe-core over the page and returns the violations found inside the widget. */
async function axeViolations(page: Page) {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as {
      violations: { id: string; impact: string; nodes: { target: unknown[]; html: string }[] }[];
    };
    return result.violations;
  });
  // Targets inside a shadow root are arrays that start with the host's selector.
  return violations
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter((n) => JSON.stringify(n.target).includes("recall-quiz")),
    }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({ id: v.id, impact: v.impact, html: v.nodes.map((n) => n.html) }));
}

async function attemptProgress(attemptId: string): Promise<AttemptProgress> {
  const res = await fetch(`${server.origin}/api/attempts/${attemptId}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AttemptProgress;
}

function storedRound(page: Page) {
  return page.evaluate(
    ([api, slug]) => JSON.parse(localStorage.getItem(`recall:${api}/${slug}`) ?? "null"),
    [server.origin, seedSlug],
  ) as Promise<{ a?: string; pos: number; ans: Record<string, { c: string; r?: unknown }> } | null>;
}

describe("the widget", () => {
  it("shows the first question with two requests (the script and the quiz), in the height it held while loading", async () => {
    const page = await newPage();
    const requests: string[] = [];
    page.on("request", (r) => {
      if (r.url().startsWith(server.origin))
        requests.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    // Hold the quiz back to measure the loading state.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let beforeQuiz: string[] = [];
    await page.route(`${server.origin}/api/quizzes/*`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(hostUrl("/plain"));
    await widget(page).getByText("Loading quiz…").waitFor();
    const loadingBox = await widget(page).boundingBox();
    const afterBox = await page.getByText("After the quiz.").boundingBox();
    beforeQuiz = [...requests];
    release();
    // The first screen: the quiz's title above its first question.
    await widget(page).getByRole("button", { name: "Check answer" }).waitFor();
    expect(await widget(page).locator("h2").textContent()).toBe(quiz.title);
    expect(await progressText(page, 1, quiz.questions.length).count()).toBe(1);
    expect(await widget(page).getByRole("radio").count()).toBe(quiz.questions[0]?.choices.length);
    // No layout shift: the widget and what follows it stay put.
    expect((await widget(page).boundingBox())?.height).toBe(loadingBox?.height);
    expect((await page.getByText("After the quiz.").boundingBox())?.y).toBe(afterBox?.y);
    // Until the quiz arrived, the script and the quiz only; the rest of the widget is fetched
    // only after it (once its first question has painted), and no attempt before a choice.
    expect(beforeQuiz).toEqual(["GET /widget.js", `GET /api/quizzes/${seedSlug}`]);
    await expect.poll(() => requests.length).toBe(3);
    expect(requests[2]).toMatch(/^GET \/widget-flow\.[0-9a-f]{8}\.js$/);
    await page.waitForTimeout(300);
    expect(requests).toHaveLength(3);
  });

  it("keeps the reader's focus and choice when the rest of the widget arrives, then checks it", async () => {
    const page = await newPage();
    // Hold the flow chunk back while the reader picks a choice on the first screen.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`${server.origin}/widget-flow.*.js`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(hostUrl("/plain"));
    await widget(page).getByRole("button", { name: "Check answer" }).waitFor();
    await page.keyboard.press("Tab");
    const steps = (quiz.questions[0]?.choices ?? []).findIndex((c) => c.id === correctChoice(0));
    if (steps === 0) await page.keyboard.press("Space");
    else for (let s = 0; s < steps; s++) await page.keyboard.press("ArrowDown");
    const picked = choiceText(0, correctChoice(0));
    const radio = widget(page).getByRole("radio", { name: picked, exact: true });
    expect(await radio.isChecked()).toBe(true);
    const before = await radio.elementHandle();
    release();
    // The flow chunk has taken over (its stylesheet is in): same element, still focused, checked.
    await expect.poll(() => widget(page).locator("section > style").count()).toBe(1);
    expect(await radio.evaluate((el, old) => el === old, before)).toBe(true);
    expect(await radio.isChecked()).toBe(true);
    expect(await focused(page)).toMatchObject({ tag: "input" });
    // Enter on the choice checks it.
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page).then((f) => f?.id), { timeout: 10_000 }).toBe("fh");
    expect((await focused(page))?.text).toContain("Correct");
  });

  it("can be completed with the keyboard alone, moving focus sensibly, and reports completion", async () => {
    const page = await newPage();
    await page.goto(hostUrl("/plain"));
    await page.evaluate(() => {
      const w = window as unknown as { done: Promise<unknown> };
      w.done = new Promise((resolve) =>
        document.addEventListener("recall:complete", (e) => resolve((e as CustomEvent).detail)),
      );
    });
    await widget(page).getByRole("button", { name: "Check answer" }).waitFor();

    let correct = 0;
    for (let index = 0; index < quiz.questions.length; index++) {
      // The page has no other focusable element: its first Tab reaches the first question's
      // choices; after each Next, focus is on the question's legend, and Tab goes to its choices.
      if (index > 0) {
        await expect
          .poll(() => focused(page).then((f) => f?.tag), { timeout: 10_000 })
          .toBe("legend");
      }
      expect(await progressText(page, index + 1, quiz.questions.length).count()).toBe(1);
      // Into the radio group, then arrows pick a choice: the right one on even questions.
      await page.keyboard.press("Tab");
      expect((await focused(page))?.tag).toBe("input");
      const choices = quiz.questions[index]?.choices ?? [];
      const target = index % 2 === 0 ? correctChoice(index) : wrongChoice(index);
      const steps = choices.findIndex((c) => c.id === target);
      // The first arrow press from an unchecked group moves to and checks the next radio.
      if (steps === 0) await page.keyboard.press("Space");
      else for (let s = 0; s < steps; s++) await page.keyboard.press("ArrowDown");
      if (index % 2 === 0) correct++;
      await page.keyboard.press("Tab");
      expect(await focused(page)).toMatchObject({ tag: "button", text: "Check answer" });
      await page.keyboard.press("Enter");
      // Focus lands on the feedback heading, which says the result in words.
      await expect.poll(() => focused(page).then((f) => f?.id), { timeout: 10_000 }).toBe("fh");
      expect((await focused(page))?.text).toContain(index % 2 === 0 ? "Correct" : "Incorrect");
      const last = index === quiz.questions.length - 1;
      for (let tabs = 0; tabs < 4; tabs++) {
        await page.keyboard.press("Tab");
        if ((await focused(page))?.tag === "button") break;
      }
      expect((await focused(page))?.text).toBe(last ? "See my score" : "Next");
      await page.keyboard.press("Enter");
    }
    await expect
      .poll(() => focused(page).then((f) => f?.text), { timeout: 10_000 })
      .toBe("Your score");
    const score = `${correct} of ${quiz.questions.length}`;
    expect(await widget(page).getByText(score, { exact: true }).count()).toBe(1);
    const detail = (await page.evaluate(
      () => (window as unknown as { done: Promise<unknown> }).done,
    )) as { score: number; maxScore: number; quiz: string; attemptId: string };
    expect(detail).toMatchObject({
      score: correct,
      maxScore: quiz.questions.length,
      quiz: seedSlug,
    });
    const progress = await attemptProgress(detail.attemptId);
    expect(progress.finishedAt).not.toBeNull();
    expect(progress.answers).toHaveLength(quiz.questions.length);
  });

  it("retries only the missed questions in a new attempt", async () => {
    const page = await newPage();
    await page.goto(hostUrl("/plain"));
    const missed: number[] = [];
    for (let index = 0; index < quiz.questions.length; index++) {
      const right = index >= 2;
      if (!right) missed.push(index);
      await answer(page, index, right ? correctChoice(index) : wrongChoice(index));
      await next(page, index);
    }
    const n = quiz.questions.length;
    await widget(page)
      .getByText(`${n - 2} of ${n}`, { exact: true })
      .waitFor();
    const first = await storedRound(page);
    await widget(page).getByRole("button", { name: "Retry the ones I missed" }).click();
    await widget(page).getByText(`1 of ${missed.length}`, { exact: true }).waitFor();
    for (const [position, index] of missed.entries()) {
      expect(await widget(page).locator("legend").textContent()).toContain(
        quiz.questions[index]?.prompt.split("____")[0]?.trim() ?? "",
      );
      await widget(page)
        .getByRole("radio", { name: choiceText(index, correctChoice(index)), exact: true })
        .check();
      await widget(page).getByRole("button", { name: "Check answer" }).click();
      await feedbackHeading(page).waitFor();
      await widget(page)
        .getByRole("button", { name: position === missed.length - 1 ? "See my score" : "Next" })
        .click();
    }
    await widget(page).getByText(`${missed.length} of ${missed.length}`, { exact: true }).waitFor();
    const second = await storedRound(page);
    expect(second?.a).toBeTruthy();
    expect(second?.a).not.toBe(first?.a);
    // The server's own figures: the retry round scores out of the questions it asked.
    const retried = await attemptProgress(second?.a ?? "");
    expect(retried.answers).toHaveLength(missed.length);
    expect(retried.finishedAt).not.toBeNull();
    expect([retried.score, retried.maxScore]).toEqual([missed.length, missed.length]);
    const original = await attemptProgress(first?.a ?? "");
    expect([original.score, original.maxScore]).toEqual([n - 2, n]);
  });

  it("resumes the current attempt after a reload", async () => {
    const page = await newPage();
    await page.goto(hostUrl("/plain"));
    await answer(page, 0, correctChoice(0));
    await page.reload();
    // Back on the feedback of question 1, without pressing Start again.
    await feedbackHeading(page).waitFor();
    expect(await progressText(page, 1, quiz.questions.length).count()).toBe(1);
    await next(page, 0);
    await answer(page, 1, wrongChoice(1));
    await next(page, 1);
    await progressText(page, 3, quiz.questions.length).waitFor();
    const before = await storedRound(page);
    await page.reload();
    await progressText(page, 3, quiz.questions.length).waitFor();
    expect(await widget(page).getByRole("radio").count()).toBe(quiz.questions[2]?.choices.length);
    const after = await storedRound(page);
    expect(after?.a).toBe(before?.a);
    const progress = await attemptProgress(after?.a ?? "");
    expect(progress.answers.map((a) => [a.questionId, a.choiceId])).toEqual([
      [quiz.questions[0]?.id, correctChoice(0)],
      [quiz.questions[1]?.id, wrongChoice(1)],
    ]);
  });

  it("keeps answers through a network outage, even across a reload, and sends them when back", async () => {
    const page = await newPage();
    await page.goto(hostUrl("/plain"));
    await answer(page, 0, correctChoice(0));
    await next(page, 0);

    // Offline: the answer waits on this device and the widget says it is reconnecting.
    const offline = `${server.origin}/api/**`;
    await page.route(offline, (route) => route.abort("internetdisconnected"));
    await widget(page)
      .getByRole("radio", { name: choiceText(1, wrongChoice(1)), exact: true })
      .check();
    await widget(page).getByRole("button", { name: "Check answer" }).click();
    await widget(page).getByText("Reconnecting… Your answer is saved.").first().waitFor();
    expect((await storedRound(page))?.ans[quiz.questions[1]?.id ?? ""]).toEqual({
      c: wrongChoice(1),
    });
    // Back online: the retry goes through and the feedback shows.
    await page.unroute(offline);
    await feedbackHeading(page).waitFor({ timeout: 15_000 });
    expect(await widget(page).getByText("Reconnecting… Your answer is saved.").count()).toBe(0);
    await next(page, 1);

    // Offline again, answer, then reload while still offline: a clear error, nothing lost.
    await page.route(offline, (route) => route.abort("internetdisconnected"));
    await widget(page)
      .getByRole("radio", { name: choiceText(2, correctChoice(2)), exact: true })
      .check();
    await widget(page).getByRole("button", { name: "Check answer" }).click();
    await widget(page).getByText("Reconnecting… Your answer is saved.").first().waitFor();
    await page.reload();
    await widget(page).getByText("The quiz server cannot be reached.").waitFor({ timeout: 20_000 });
    await page.unroute(offline);
    await widget(page).getByRole("button", { name: "Try again" }).click();
    await feedbackHeading(page).waitFor({ timeout: 15_000 });
    expect(await progressText(page, 3, quiz.questions.length).count()).toBe(1);

    const round = await storedRound(page);
    const progress = await attemptProgress(round?.a ?? "");
    expect(progress.answers.map((a) => [a.questionId, a.choiceId])).toEqual([
      [quiz.questions[0]?.id, correctChoice(0)],
      [quiz.questions[1]?.id, wrongChoice(1)],
      [quiz.questions[2]?.id, correctChoice(2)],
    ]);
  });

  it("waits as long as a 429's Retry-After says, then sends the answer", async () => {
    const page = await newPage();
    await page.goto(hostUrl("/plain"));
    const tries: number[] = [];
    await page.route(`${server.origin}/api/attempts/*/answers/*`, async (route) => {
      tries.push(Date.now());
      if (tries.length > 1) return route.continue();
      return route.fulfill({
        status: 429,
        headers: {
          "content-type": "application/json",
          "retry-after": "2",
          "access-control-allow-origin": "*",
          "access-control-expose-headers": "Retry-After",
        },
        body: JSON.stringify({ error: { code: "rate_limited", message: "Slow down." } }),
      });
    });
    await answer(page, 0, correctChoice(0));
    expect(tries).toHaveLength(2);
    expect((tries[1] ?? 0) - (tries[0] ?? 0)).toBeGreaterThanOrEqual(1900);
  });

  it("gives up after three 429s and offers to try again, instead of retrying without end", async () => {
    const page = await newPage();
    await page.goto(hostUrl("/plain"));
    const tries: number[] = [];
    await page.route(`${server.origin}/api/attempts/*/answers/*`, (route) => {
      tries.push(Date.now());
      return route.fulfill({
        status: 429,
        headers: {
          "content-type": "application/json",
          "retry-after": "1",
          "access-control-allow-origin": "*",
          "access-control-expose-headers": "Retry-After",
        },
        body: JSON.stringify({ error: { code: "rate_limited", message: "Slow down." } }),
      });
    });
    await widget(page)
      .getByRole("radio", { name: choiceText(0, correctChoice(0)), exact: true })
      .check();
    await widget(page).getByRole("button", { name: "Check answer" }).click();
    await widget(page).getByText("The quiz server cannot be reached.").waitFor({ timeout: 15_000 });
    await page.waitForTimeout(2500);
    expect(tries).toHaveLength(3);
    // The answer is still saved on this device for "Try again".
    expect((await storedRound(page))?.ans[quiz.questions[0]?.id ?? ""]).toEqual({
      c: correctChoice(0),
    });
  });

  it("keeps the reader's progress when the educator removes a question mid-quiz", async () => {
    // A quiz of its own, so removing a question leaves the seed quiz alone for the other tests.
    const admin = {
      authorization: `Bearer ${server.adminToken}`,
      "content-type": "application/json",
    };
    const article = readFileSync(
      path.join(root, "questions", "articles", `${seedSlug}.txt`),
      "utf8",
    );
    const created = (await (
      await fetch(`${server.origin}/api/quizzes`, {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ title: "Removal mid-quiz", article, count: 4 }),
      })
    ).json()) as { slug: string; questions: { id: string; prompt: string }[] };
    const n = created.questions.length;
    expect(n).toBeGreaterThanOrEqual(3);
    const publish = await fetch(`${server.origin}/api/quizzes/${created.slug}/publish`, {
      method: "POST",
      headers: admin,
    });
    expect(publish.status).toBe(200);
    const storedFor = () =>
      page.evaluate(
        ([api, slug]) => JSON.parse(localStorage.getItem(`recall:${api}/${slug}`) ?? "null"),
        [server.origin, created.slug],
      ) as Promise<{ a: string; ans: Record<string, { c: string }> } | null>;

    const page = await newPage();
    await page.goto(hostUrl("/plain", { quiz: created.slug }));
    await progressText(page, 1, n).waitFor();
    await widget(page).getByRole("radio").first().check();
    await widget(page).getByRole("button", { name: "Check answer" }).click();
    await feedbackHeading(page).waitFor();
    await widget(page).getByRole("button", { name: "Next" }).click();
    await progressText(page, 2, n).waitFor();
    const before = await storedFor();

    // The educator removes the question the reader is looking at; the reader answers it.
    const second = created.questions[1]?.id ?? "";
    const removed = await fetch(
      `${server.origin}/api/quizzes/${created.slug}/questions/${second}`,
      {
        method: "DELETE",
        headers: admin,
      },
    );
    expect(removed.status).toBe(204);
    await widget(page).getByRole("radio").first().check();
    await widget(page).getByRole("button", { name: "Check answer" }).click();

    // The round goes on without it: same attempt, first answer kept, now question 2 of n - 1.
    await progressText(page, 2, n - 1).waitFor({ timeout: 15_000 });
    const after = await storedFor();
    expect(after?.a).toBe(before?.a);
    expect(Object.keys(after?.ans ?? {})).toContain(created.questions[0]?.id);
    await page.reload();
    await progressText(page, 2, n - 1).waitFor({ timeout: 15_000 });
    const progress = await attemptProgress(after?.a ?? "");
    expect(progress.answers.map((a) => a.questionId)).toEqual([created.questions[0]?.id]);
  });

  it("starts afresh when the learner's data was erased mid-quiz", async () => {
    const page = await newPage();
    await page.goto(hostUrl("/plain"));
    await answer(page, 0, correctChoice(0));
    await next(page, 0);
    // The learner erases everything with the secret the widget keeps (docs/security.md).
    const secret = JSON.parse(
      (await page.evaluate(() => localStorage.getItem("recall:secret"))) ?? "null",
    ) as string;
    const learnerId = createHash("sha256").update(secret).digest("hex").slice(0, 32);
    const erased = await fetch(`${server.origin}/api/learners/${learnerId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(erased.status).toBe(204);
    await widget(page).getByRole("radio").first().check();
    await widget(page).getByRole("button", { name: "Check answer" }).click();
    // Back on the first screen, with nothing saved.
    await progressText(page, 1, quiz.questions.length).waitFor({ timeout: 15_000 });
    expect(await widget(page).locator("#fh").count()).toBe(0);
    expect(await storedRound(page)).toBeNull();
  });

  it("says clearly when the quiz does not exist", async () => {
    const page = await newPage();
    await page.goto(hostUrl("/plain", { quiz: "no-such-quiz" }));
    await widget(page).getByText("This quiz could not be found.").waitFor();
    expect(await widget(page).getByRole("button").count()).toBe(0);
  });

  it("renders Urdu right to left with localised text, and follows <html lang> for Russian", async () => {
    const page = await newPage();
    await page.goto(hostUrl("/plain", { lang: "ur" }));
    const check = widget(page).getByRole("button", { name: "جواب جانچیں" });
    await check.waitFor();
    const root = widget(page).locator("section");
    expect(await root.getAttribute("dir")).toBe("rtl");
    expect(await root.getAttribute("lang")).toBe("ur");
    expect(await root.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    const n = new Intl.NumberFormat("ur").format(quiz.questions.length);
    await widget(page)
      .getByText(`${n} میں سے ${new Intl.NumberFormat("ur").format(1)}`)
      .waitFor();
    // The progress bar fills from the right.
    const bar = await widget(page).locator(".bar").boundingBox();
    const fill = await widget(page).locator(".bar i").boundingBox();
    expect(Math.round((fill?.x ?? 0) + (fill?.width ?? 0))).toBe(
      Math.round((bar?.x ?? 0) + (bar?.width ?? 0)),
    );
    await widget(page).getByRole("button", { name: "جواب جانچیں" }).waitFor();

    const ru = await newPage();
    await ru.goto(hostUrl("/plain", { htmlLang: "ru-RU" }));
    await widget(ru).getByRole("button", { name: "Проверить ответ" }).waitFor();
    expect(await widget(ru).locator("section").getAttribute("dir")).toBe("ltr");
    expect(await widget(ru).getByText(`1 из ${quiz.questions.length}`).count()).toBe(1);
  });

  it("survives hostile global CSS on the host page and still works", async () => {
    const page = await newPage();
    await page.goto(hostUrl("/hostile"));
    const check = widget(page).getByRole("button", { name: "Check answer" });
    await check.waitFor();
    const box = await widget(page).boundingBox();
    expect(box?.height).toBeGreaterThan(100);
    expect(await check.isVisible()).toBe(true);
    const look = await check.evaluate((el) => {
      const s = getComputedStyle(el);
      const r = getComputedStyle(el.closest("section") as Element);
      return {
        bg: s.backgroundColor,
        border: s.borderTopStyle,
        transform: r.textTransform,
        spacing: r.letterSpacing,
        visibility: r.visibility,
        style: r.fontStyle,
        indent: r.textIndent,
        shadow: r.textShadow,
        whiteSpace: r.whiteSpace,
      };
    });
    expect(look).toEqual({
      bg: "rgb(29, 78, 216)",
      border: "solid",
      transform: "none",
      spacing: "normal",
      visibility: "visible",
      style: "normal",
      indent: "0px",
      shadow: "none",
      whiteSpace: "normal",
    });
    // Huge host fonts scale the widget (it is sized in em) without breaking it.
    expect(await check.evaluate((el) => getComputedStyle(el).fontSize)).toBe("30px");
    for (let index = 0; index < quiz.questions.length; index++) {
      const radio = widget(page).getByRole("radio", {
        name: choiceText(index, correctChoice(index)),
        exact: true,
      });
      expect(await radio.isVisible()).toBe(true);
      await answer(page, index, correctChoice(index));
      await next(page, index);
    }
    await widget(page)
      .getByText(`${quiz.questions.length} of ${quiz.questions.length}`, { exact: true })
      .waitFor();
    // The page can still hide it on purpose.
    await widget(page).evaluate((el) => {
      (el as HTMLElement).hidden = true;
    });
    expect(await widget(page).boundingBox()).toBeNull();
    await widget(page).evaluate((el) => {
      (el as HTMLElement).hidden = false;
    });
    await page
      .screenshot({ path: path.join(root, "test-results", "widget-hostile.png") })
      .catch(() => {});
  });

  it("never styles the host page", async () => {
    const page = await newPage();
    await page.goto(hostUrl("/neighbours", { noscript: "1" }));
    const before = await page.evaluate(snapshotHostStyles);
    await page.goto(hostUrl("/neighbours"));
    await widget(page).getByRole("radio").first().waitFor();
    await widget(page).getByRole("radio").first().check();
    await widget(page).getByRole("button", { name: "Check answer" }).click();
    await feedbackHeading(page).waitFor();
    expect(await page.evaluate(snapshotHostStyles)).toEqual(before);
    // Nothing but the element itself was added to the light DOM.
    expect(await page.evaluate(() => document.querySelectorAll("recall-quiz *").length)).toBe(0);
    expect(await page.evaluate(() => document.head.querySelectorAll("style").length)).toBe(0);
  });

  it("has no axe-core violations inside the widget: light and dark, English and Urdu, first and last screen", async () => {
    for (const theme of ["light", "dark"]) {
      for (const lang of ["en", "ur"]) {
        const page = await newPage({ colorScheme: theme === "dark" ? "dark" : "light" });
        await page.goto(hostUrl("/plain", { theme, lang }));
        await widget(page).locator("section h2").waitFor();
        await widget(page).locator("legend").waitFor();
        expect(await axeViolations(page), `${theme} ${lang} first question`).toEqual([]);
        for (let index = 0; index < quiz.questions.length; index++) {
          await widget(page).locator("legend").waitFor();
          await widget(page)
            .getByRole("radio")
            .nth(index % 2)
            .check();
          await widget(page).locator("fieldset + button").click();
          await feedbackHeading(page).waitFor();
          if (index === 0)
            expect(await axeViolations(page), `${theme} ${lang} feedback`).toEqual([]);
          await widget(page).locator("section > button").click();
        }
        await widget(page).locator("p.big").waitFor();
        expect(await axeViolations(page), `${theme} ${lang} score`).toEqual([]);
        if (theme === "dark") {
          const bg = await widget(page)
            .locator("section")
            .evaluate((el) => getComputedStyle(el).backgroundColor);
          expect(bg).toBe("rgb(23, 25, 30)");
        }
      }
    }
  });

  it("follows the reader's colour scheme with theme=auto", async () => {
    const page = await newPage({ colorScheme: "dark" });
    await page.goto(hostUrl("/plain", { theme: "auto" }));
    const root = widget(page).locator("section");
    await widget(page).getByRole("button", { name: "Check answer" }).waitFor();
    expect(await root.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      "rgb(23, 25, 30)",
    );
    await page.emulateMedia({ colorScheme: "light" });
    expect(await root.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      "rgb(255, 255, 255)",
    );
  });

  it("links each source sentence into the article: on this page when it holds it", async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/`);
    await answer(page, 0, correctChoice(0));
    const link = widget(page).getByRole("link", { name: "Show in article" });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href.startsWith(`${server.origin}/#:~:text=`)).toBe(true);
    expect(await link.getAttribute("target")).toBeNull();
    // Following it scrolls the article's sentence into view (and Chromium highlights it).
    const sentence = page.locator("article p", { hasText: bank.questions[0]?.source.text ?? "" });
    expect(await sentence.count()).toBe(1);
    const inView = async () => {
      const box = await sentence.boundingBox();
      return !!box && box.y >= 0 && box.y < (page.viewportSize()?.height ?? 0);
    };
    expect(await inView()).toBe(false);
    await link.click();
    await expect.poll(inView, { timeout: 5_000 }).toBe(true);

    // A quiz with a source URL, on a page without its article: the link goes to the source.
    if (server.adminToken) {
      const auth = {
        authorization: `Bearer ${server.adminToken}`,
        "content-type": "application/json",
      };
      const article = readFileSync(
        path.join(root, "questions", "articles", `${seedSlug}.txt`),
        "utf8",
      );
      const created = await fetch(`${server.origin}/api/quizzes`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({
          title: "Sourced copy",
          article,
          sourceUrl: "https://example.com/post#top",
        }),
      });
      expect(created.status).toBe(201);
      const { slug } = (await created.json()) as { slug: string };
      const published = await fetch(`${server.origin}/api/quizzes/${slug}/publish`, {
        method: "POST",
        headers: auth,
      });
      expect(published.status).toBeLessThan(300);
      const sourced = await newPage();
      await sourced.goto(hostUrl("/plain", { quiz: slug }));
      await widget(sourced).getByRole("radio").first().check();
      await widget(sourced).getByRole("button", { name: "Check answer" }).click();
      const away = widget(sourced).getByRole("link", { name: "Show in article" });
      expect(await away.getAttribute("href")).toMatch(/^https:\/\/example\.com\/post#:~:text=./);
      expect(await away.getAttribute("target")).toBe("_blank");
    }

    // A page without the article, for a quiz without a source URL: no link at all.
    const other = await newPage();
    await other.goto(hostUrl("/plain"));
    await answer(other, 0, correctChoice(0));
    expect(await widget(other).getByRole("link").count()).toBe(quiz.sourceUrl ? 1 : 0);
  });
});

describe("embeds", () => {
  it("answers oEmbed with a valid rich response for an embed URL, and errors otherwise", async () => {
    const embedUrl = `${server.origin}/embed/${seedSlug}`;
    const res = await fetch(
      `${server.origin}/oembed?${new URLSearchParams({ url: embedUrl, format: "json" })}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: "rich",
      version: "1.0",
      title: quiz.title,
      provider_name: "Recall",
    });
    expect(Number.isInteger(body.width) && Number.isInteger(body.height)).toBe(true);
    expect(body.html).toContain(`<iframe src="${embedUrl}"`);

    // The demo page's link works too, and maxwidth/maxheight are honoured.
    const demo = await fetch(
      `${server.origin}/oembed?${new URLSearchParams({ url: `${server.origin}/?quiz=${seedSlug}`, maxwidth: "300", maxheight: "200" })}`,
    );
    expect(demo.status).toBe(200);
    expect(await demo.json()).toMatchObject({ type: "rich", width: 300, height: 200 });

    const foreign = await fetch(
      `${server.origin}/oembed?${new URLSearchParams({ url: `https://example.com/embed/${seedSlug}` })}`,
    );
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const unknown = await fetch(
      `${server.origin}/oembed?${new URLSearchParams({ url: `${server.origin}/embed/no-such-quiz` })}`,
    );
    expect(unknown.status).toBe(404);
    const xml = await fetch(
      `${server.origin}/oembed?${new URLSearchParams({ url: embedUrl, format: "xml" })}`,
    );
    expect(xml.status).toBe(501);
    const missing = await fetch(`${server.origin}/oembed`);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });

  it("serves an embed page that advertises its oEmbed, and 404 for an unknown quiz", async () => {
    const res = await fetch(`${server.origin}/embed/${seedSlug}?lang=ru&theme=dark`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html);
    expect(link).not.toBeNull();
    const discovered = await fetch((link?.[1] ?? "").replaceAll("&amp;", "&"));
    expect(discovered.status).toBe(200);
    expect(((await discovered.json()) as { html: string }).html).toContain("lang=ru");
    expect(html).toContain(`<recall-quiz quiz="${seedSlug}" lang="ru" theme="dark">`);
    const missing = await fetch(`${server.origin}/embed/no-such-quiz`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("resizes the iframe from the oEmbed HTML to fit the quiz as it changes", async () => {
    const oembed = (await (
      await fetch(
        `${server.origin}/oembed?${new URLSearchParams({ url: `${server.origin}/embed/${seedSlug}` })}`,
      )
    ).json()) as { html: string; height: number };
    const page = await newPage();
    // WordPress appends #?secret=… to the frame's URL; the page then speaks its protocol too.
    const html = oembed.html.replace(/(<iframe src="[^"]+)"/, '$1#?secret=abc123XYZ"');
    await page.goto(`${host.origin}/iframe?${new URLSearchParams({ html })}`);
    const frame = page.frameLocator("iframe");
    await frame.getByRole("button", { name: "Check answer" }).waitFor();
    const iframe = page.locator("iframe");
    const contentHeight = () => {
      const inner = page.frames().find((f) => f.url().includes("/embed/"));
      return inner?.evaluate(() =>
        Math.ceil(document.documentElement.getBoundingClientRect().height),
      );
    };
    await expect.poll(async () => (await iframe.boundingBox())?.height).toBe(await contentHeight());
    const firstHeight = (await iframe.boundingBox())?.height ?? 0;
    expect(firstHeight).not.toBe(oembed.height);
    // A narrower column makes the quiz taller: the frame follows.
    await page.setViewportSize({ width: 420, height: 900 });
    await expect
      .poll(async () => (await iframe.boundingBox())?.height)
      .toBeGreaterThan(firstHeight);
    await expect.poll(async () => (await iframe.boundingBox())?.height).toBe(await contentHeight());
    const messages = (await page.evaluate(
      () => (window as unknown as { heightMessages: unknown[] }).heightMessages,
    )) as { origin: string; data: Record<string, unknown> }[];
    expect(
      messages.some((m) => m.origin === server.origin && m.data.type === "recall:height"),
    ).toBe(true);
    expect(messages.some((m) => m.data.message === "height" && m.data.secret === "abc123XYZ")).toBe(
      true,
    );
  });
});

describe("screenshots for the README", () => {
  // Into test-results/ (git-ignored) on every run; UPDATE_SCREENSHOTS=1 refreshes the README's.
  it("captures the widget in light, dark and Urdu", async () => {
    const dir = process.env.UPDATE_SCREENSHOTS
      ? path.join(root, "docs", "screenshots")
      : path.join(root, "test-results", "screenshots");
    await mkdir(dir, { recursive: true });
    for (const [name, params] of [
      ["widget-light", { theme: "light" }],
      ["widget-dark", { theme: "dark" }],
      ["widget-urdu", { theme: "light", lang: "ur" }],
    ] as const) {
      const page = await newPage({ viewport: { width: 640, height: 900 } });
      await page.goto(hostUrl("/plain", params));
      await widget(page).getByRole("radio").nth(1).check();
      await widget(page).locator("fieldset + button").click();
      await feedbackHeading(page).waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await widget(page).screenshot({
        path: path.join(dir, `${name}.png`),
        animations: "disabled",
      });
    }
  });
});

/** Computed styles of the host page's own elements that share names with the widget's. */
function snapshotHostStyles() {
  const pick = (id: string) => {
    const s = getComputedStyle(document.getElementById(id) as Element);
    return [s.color, s.backgroundColor, s.boxSizing, s.fontWeight, s.padding, s.border, s.display];
  };
  return ["n-mu", "n-button", "n-label", "n-h2"].map(pick);
}
