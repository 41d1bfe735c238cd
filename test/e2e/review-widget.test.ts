// Spaced review in the widget (issue 13), in a real Chromium against the worker in workerd: a
// reader misses two questions, their first tries are moved two days back in the local D1 (a test
// helper writing to the database file, never an HTTP switch), and on reload the widget offers the
// review, which works by keyboard alone, is axe clean, and is counted by the report's Retention
// section. A reader with nothing due gets no offer and never fetches the review chunk; a declined
// offer stays away until another question is due.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Bank } from "../../questions/bank.ts";
import type { DueReviews, PublicQuiz } from "../../worker/contract.ts";
import { type ServerWithDatabase, startServerWithDatabase } from "./database.ts";
import { launchBrowser, seedSlug } from "./harness.ts";
import { type HostSite, plainPage, startHostSite } from "./pages/host-server.ts";

const root = path.resolve(import.meta.dirname, "../..");
const bank = JSON.parse(
  readFileSync(path.join(root, "questions", "banks", `${seedSlug}.json`), "utf8"),
) as Bank;
const axeSource = readFileSync(path.join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");
const day = 86_400_000;

/** What this test reads of the report's `retention` (worker/reports/retention.ts). */
interface Retention {
  learnersCameBack: number;
  reviews: number;
  questions: {
    id: string;
    missedFirstTry: number;
    cameBack: number;
    firstReview: { learners: number; correct: number };
  }[];
}

let server: ServerWithDatabase;
let browser: Browser;
let host: HostSite;
let quiz: PublicQuiz;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServerWithDatabase(), launchBrowser()]);
  host = await startHostSite(server.origin, { "/plain": plainPage });
  quiz = (await (await fetch(`${server.origin}/api/quizzes/${seedSlug}`)).json()) as PublicQuiz;
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await server?.stop();
});

/**
 * Moves the answers and attempts of `learnerId` `ms` into the past (only the answers to
 * `questionId`, when given), as if the reader had answered that long ago: the schedule reads
 * `responses.answered_at` (and orders by `attempts.started_at`). Written straight to the server's
 * local D1 file, between requests.
 */
function travelBack(learnerId: string, ms: number, questionId?: string) {
  const dir = path.join(server.persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  const db = new DatabaseSync(path.join(dir, file ?? "missing"));
  try {
    const mine = "attempt_id in (select id from attempts where learner_id = ?)";
    if (questionId) {
      db.prepare(
        `update responses set answered_at = answered_at - ? where ${mine} and question_id = ?`,
      ).run(ms, learnerId, questionId);
      return;
    }
    db.prepare(`update responses set answered_at = answered_at - ? where ${mine}`).run(
      ms,
      learnerId,
    );
    db.prepare(
      "update attempts set started_at = started_at - ?, finished_at = finished_at - ? where learner_id = ?",
    ).run(ms, ms, learnerId);
  } finally {
    db.close();
  }
}

interface Reader {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
}

async function newReader(lang?: string): Promise<Reader> {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("close", () => expect(errors).toEqual([]));
  const query = new URLSearchParams({ quiz: seedSlug, ...(lang ? { lang } : {}) });
  await page.goto(`${host.origin}/plain?${query}`);
  return { page, requests };
}

const widget = (page: Page) => page.locator("recall-quiz");
const choiceText = (index: number, choiceId: string) =>
  quiz.questions[index]?.choices.find((c) => c.id === choiceId)?.text ?? "";
const answerOf = (index: number) => bank.questions[index]?.answer ?? "";
const wrongOf = (index: number) =>
  quiz.questions[index]?.choices.find((c) => c.id !== answerOf(index))?.id ?? "";

/** Takes the whole quiz by clicking, missing the questions at `missed`, and sees the score. */
async function takeQuiz(page: Page, missed: number[]) {
  const n = quiz.questions.length;
  for (let i = 0; i < n; i++) {
    await widget(page)
      .getByText(`${i + 1} of ${n}`, { exact: true })
      .waitFor();
    const choice = missed.includes(i) ? wrongOf(i) : answerOf(i);
    await widget(page)
      .getByRole("radio", { name: choiceText(i, choice), exact: true })
      .check();
    await widget(page).getByRole("button", { name: "Check answer" }).click();
    await widget(page).locator("#fh").waitFor();
    await widget(page)
      .getByRole("button", { name: i === n - 1 ? "See my score" : "Next" })
      .click();
  }
  await widget(page).getByRole("heading", { name: "Your score" }).waitFor();
}

async function learnerIdOf(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const secret = JSON.parse(localStorage.getItem("recall:secret") ?? "null") as string;
    const hash = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
    return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, "0"))
      .join("")
      .slice(0, 32);
  });
}

async function dueFor(learnerId: string): Promise<DueReviews> {
  const res = await fetch(`${server.origin}/api/learners/${learnerId}/reviews?quiz=${seedSlug}`);
  return (await res.json()) as DueReviews;
}

/** Reloads, and waits until the widget has asked the server what is due. */
async function reloadAndAsk(page: Page) {
  const asked = page.waitForResponse((r) => r.url().includes("/reviews?quiz="));
  await page.reload();
  return asked;
}

function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector("recall-quiz")?.shadowRoot?.activeElement;
    const label = el?.closest("label")?.textContent?.trim();
    return el
      ? { tag: el.tagName.toLowerCase(), id: el.id, text: label ?? el.textContent?.trim() ?? "" }
      : null;
  });
}

/** Presses Tab until the focused element's text is `text` (at most 20 times). */
async function tabTo(page: Page, text: string) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    if ((await focused(page))?.text === text) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}

/** axe-core over the page: the rules broken inside the widget (the host page is not ours). */
async function axeViolations(page: Page) {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as {
      violations: { id: string; nodes: { target: unknown[] }[] }[];
    };
    // Targets inside a shadow root are arrays that start with the host's selector.
    return result.violations
      .filter((v) => v.nodes.some((n) => JSON.stringify(n.target).includes("recall-quiz")))
      .map((v) => v.id);
  });
}

/** Answers the review question showing by keyboard: Tab into its choices, pick `choiceText`, Enter. */
async function reviewByKeyboard(page: Page, pick: (prompt: string) => string) {
  const legend = widget(page).locator("legend");
  await expect.poll(() => focused(page)).toMatchObject({ tag: "legend" });
  const target = pick((await legend.textContent()) ?? "");
  await page.keyboard.press("Tab");
  for (let i = 0; i < 6 && (await focused(page))?.text !== target; i++) {
    await page.keyboard.press("ArrowDown");
  }
  expect((await focused(page))?.text).toBe(target);
  await page.keyboard.press("Space");
  await page.keyboard.press("Enter");
  await expect.poll(() => focused(page)).toMatchObject({ id: "fh" });
}

/** The seed quiz's question whose prompt the legend shows, by index. */
const indexOf = (legend: string) =>
  quiz.questions.findIndex(
    (q) => q.prompt.replace(/_{2,}/g, "") === legend.replace(/_+|blank/g, ""),
  );

it("offers the questions a reader missed two days ago, reviews them by keyboard, and the report counts it", async () => {
  const { page, requests } = await newReader();
  await takeQuiz(page, [0, 1]);
  const learnerId = await learnerIdOf(page);
  // Due a day after the miss: not yet.
  expect((await dueFor(learnerId)).due).toEqual([]);
  travelBack(learnerId, 2 * day);
  const due = await dueFor(learnerId);
  expect(due.due.map((d) => d.questionId).sort()).toEqual(
    [0, 1].map((i) => `${seedSlug}.${quiz.questions[i]?.id}`).sort(),
  );

  requests.length = 0;
  await reloadAndAsk(page);
  const offer = widget(page).getByText("2 questions from earlier reading are due");
  await offer.waitFor();
  expect(requests.filter((u) => /\/widget-review\.[0-9a-f]{8}\.js$/.test(u))).toHaveLength(1);
  expect(await axeViolations(page)).toEqual([]);

  // Keyboard only from here: the first question right, the second wrong.
  await tabTo(page, "Review (1 min)");
  await page.keyboard.press("Enter");
  await widget(page).getByText("1 of 2", { exact: true }).waitFor();
  // The seed quiz has no source URL: its title names the post, without a link.
  expect(due.due[0]?.quiz).toEqual({ slug: seedSlug, title: quiz.title, sourceUrl: null });
  await widget(page).getByText(quiz.title, { exact: true }).last().waitFor();
  expect(await widget(page).getByRole("link", { name: quiz.title }).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  const answered: { index: number; right: boolean }[] = [];
  await reviewByKeyboard(page, (legend) => {
    const index = indexOf(legend);
    answered.push({ index, right: true });
    return choiceText(index, answerOf(index));
  });
  await expect.poll(() => widget(page).locator("#fh").textContent()).toContain("Correct");
  await expect.poll(() => widget(page).locator("[aria-live]").textContent()).toMatch(/^Correct\./);
  expect(await axeViolations(page)).toEqual([]);
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");
  await widget(page).getByText("2 of 2", { exact: true }).waitFor();
  await reviewByKeyboard(page, (legend) => {
    const index = indexOf(legend);
    answered.push({ index, right: false });
    return choiceText(index, wrongOf(index));
  });
  await expect.poll(() => widget(page).locator("#fh").textContent()).toContain("Incorrect");
  expect(answered.map((a) => a.index).sort()).toEqual([0, 1]);
  await tabTo(page, "See my score");
  await page.keyboard.press("Enter");
  await expect.poll(() => focused(page)).toMatchObject({ id: "fh", text: "Review done" });
  // The missed one comes back in a day, the remembered one later: the earliest is a day.
  await widget(page).getByText("Remembered: 1 of 2").waitFor();
  await widget(page).getByText("Next review in 1 day", { exact: true }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await tabTo(page, "Back to the quiz");
  await page.keyboard.press("Enter");
  await widget(page).getByRole("heading", { name: "Your score" }).waitFor();
  expect(await offer.count()).toBe(0);

  // Stored once each, and nothing is due now.
  expect(server.query("select correct from review_answers order by correct")).toEqual([
    { correct: 0 },
    { correct: 1 },
  ]);
  expect((await dueFor(learnerId)).due).toEqual([]);
  const report = await fetch(`${server.origin}/api/quizzes/${seedSlug}/report`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  const { retention } = (await report.json()) as { retention: Retention };
  expect(retention.learnersCameBack).toBe(1);
  expect(retention.reviews).toBe(2);
  for (const { index, right } of answered) {
    const q = retention.questions.find((x) => x.id === quiz.questions[index]?.id);
    expect(q?.missedFirstTry).toBe(1);
    expect(q?.cameBack).toBe(1);
    expect(q?.firstReview).toMatchObject({ learners: 1, correct: right ? 1 : 0 });
  }
  await page.close();
});

it("a reader with nothing due sees no offer and never fetches the review chunk", async () => {
  const { page, requests } = await newReader();
  await takeQuiz(page, []);
  // A reader who never answered before has no learner secret: nothing was even asked.
  expect(requests.filter((u) => u.includes("/reviews"))).toEqual([]);
  travelBack(await learnerIdOf(page), 2 * day);
  const asked = await reloadAndAsk(page);
  expect(((await asked.json()) as DueReviews).due).toEqual([]);
  await widget(page).getByRole("heading", { name: "Your score" }).waitFor();
  expect(requests.filter((u) => u.includes("widget-review"))).toEqual([]);
  expect(
    await widget(page)
      .getByText(/earlier reading/)
      .count(),
  ).toBe(0);
  await page.close();
});

it("in Urdu, right to left; a declined offer stays away, with its chunk, until another question is due", async () => {
  const { page, requests } = await newReader();
  await takeQuiz(page, [2, 3]);
  const learnerId = await learnerIdOf(page);
  // The miss of question 2 two days ago; question 3's is recent, so it is not due yet.
  travelBack(learnerId, 2 * day);
  travelBack(learnerId, -2 * day, quiz.questions[3]?.id);
  await page.goto(`${host.origin}/plain?quiz=${seedSlug}&lang=ur`);
  const offer = (n: string) =>
    widget(page).getByText(new RegExp(`^پچھلی پڑھائی (کا|کے) (${n}) سوال`));
  await offer("1|۱").waitFor();
  expect(await widget(page).locator("section").getAttribute("dir")).toBe("rtl");
  expect(await axeViolations(page)).toEqual([]);
  await widget(page).getByRole("button", { name: "ابھی نہیں" }).click();
  expect(await offer("1|۱").count()).toBe(0);

  requests.length = 0;
  const asked = await reloadAndAsk(page);
  expect(((await asked.json()) as DueReviews).due).toHaveLength(1);
  await widget(page).getByRole("heading", { name: "آپ کا اسکور" }).waitFor();
  expect(await offer("\\S+").count()).toBe(0);
  expect(requests.filter((u) => u.includes("widget-review"))).toEqual([]);

  // Question 3 falls due: the offer is back, for both.
  travelBack(learnerId, 2 * day, quiz.questions[3]?.id);
  await reloadAndAsk(page);
  await offer("2|۲").waitFor();
  await page.close();
});

it("offers a question missed under another post on this page, linked to that post", async () => {
  const auth = { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" };
  const article = readFileSync(path.join(root, "questions", "articles", `${seedSlug}.txt`), "utf8");
  const created = await fetch(`${server.origin}/api/quizzes`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ title: "Another post", article, sourceUrl: "https://example.com/post" }),
  });
  expect(created.status).toBe(201);
  const { slug, questions } = (await created.json()) as {
    slug: string;
    questions: { prompt: string; answer: string; choices: { id: string; text: string }[] }[];
  };
  const published = await fetch(`${server.origin}/api/quizzes/${slug}/publish`, {
    method: "POST",
    headers: auth,
  });
  expect(published.status).toBeLessThan(300);
  const first = questions[0];
  const wrong = first?.choices.find((c) => c.id !== first.answer)?.text ?? "";
  const right = first?.choices.find((c) => c.id === first.answer)?.text ?? "";

  // Missed under the other post, two days ago.
  const { page } = await newReader();
  await page.goto(`${host.origin}/plain?quiz=${slug}`);
  await widget(page).getByRole("radio", { name: wrong, exact: true }).check();
  await widget(page).getByRole("button", { name: "Check answer" }).click();
  await widget(page).locator("#fh").waitFor();
  travelBack(await learnerIdOf(page), 2 * day);

  // This post's quiz (no site, like the other): the other post's question is offered.
  await page.goto(`${host.origin}/plain?quiz=${seedSlug}`);
  await widget(page).getByText("1 question from earlier reading is due").waitFor();
  await widget(page).getByRole("button", { name: "Review (1 min)" }).click();
  const post = widget(page).getByRole("link", { name: "Another post" });
  expect(await post.getAttribute("href")).toBe("https://example.com/post");
  await widget(page).getByRole("radio", { name: right, exact: true }).check();
  await widget(page).getByRole("button", { name: "Check answer" }).click();
  await expect.poll(() => widget(page).locator("#fh").textContent()).toContain("Correct");
  const show = widget(page).getByRole("link", { name: "Show in article" });
  expect(await show.getAttribute("href")).toMatch(/^https:\/\/example\.com\/post#:~:text=./);
  await widget(page).getByRole("button", { name: "See my score" }).click();
  // Remembered: FSRS pushes it out by days.
  await widget(page)
    .getByText(/^Next review in \d+ days$/)
    .waitFor();
  await page.close();
});
