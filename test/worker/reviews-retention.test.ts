// The Retention section on a hand-computed history: four learners take the quiz (keys b, a, d),
// three come back to review over eight days; the report JSON, the page, retention.csv and the
// xAPI statements all give the same, exactly computed figures.
import { env, exports } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { QuizRetention } from "../../worker/reports/retention.ts";
import type { XapiStatement } from "../../worker/reports/xapi.ts";
import { call, resetDatabase, seedQuiz, slug } from "./fixtures.ts";
import {
  dayMs,
  freezeClock,
  newLearnerId,
  reviewed,
  setClock,
  t0,
  takeQuiz,
} from "./reviews-fixtures.ts";

const admin = { authorization: `Bearer ${env.ADMIN_TOKEN}` };
const [l1, l2, l3, l4] = [newLearnerId(), newLearnerId(), newLearnerId(), newLearnerId()];
const item = (q: string) => `${slug}.${q}`;

/**
 * t0: L1 misses q1; L2 misses q1 and q2; L3 misses q2 and q3; L4 misses q1 and leaves.
 * t0+1d: L1 q1 right, L2 q1 wrong and q2 right, L3 q2 right and q3 wrong.
 * t0+2d: L2 q1 right. t0+8d: L1 q1 right, L2 q1 wrong, L2 q2 right (all a week or more after).
 */
beforeAll(async () => {
  await resetDatabase();
  await seedQuiz();
  freezeClock(t0);
  await takeQuiz(l1, { q1: "a", q2: "a", q3: "d" }, slug, { group: "a" });
  await takeQuiz(l2, { q1: "a", q2: "b", q3: "d" }, slug, { group: "a" });
  await takeQuiz(l3, { q1: "b", q2: "b", q3: "c" }, slug, { group: "b" });
  await takeQuiz(l4, { q1: "c" }, slug, { group: "b" });
  setClock(t0 + dayMs);
  await reviewed(l1, item("q1"), "b");
  await reviewed(l2, item("q1"), "c");
  await reviewed(l2, item("q2"), "a");
  await reviewed(l3, item("q2"), "a");
  await reviewed(l3, item("q3"), "a");
  setClock(t0 + 2 * dayMs);
  await reviewed(l2, item("q1"), "b");
  setClock(t0 + 8 * dayMs);
  await reviewed(l1, item("q1"), "b");
  await reviewed(l2, item("q1"), "a");
  await reviewed(l2, item("q2"), "a");
});

afterEach(() => {
  vi.useRealTimers();
});

const fig = (learners: number, correct: number) => ({
  learners,
  correct,
  rate: learners > 0 ? correct / learners : null,
});

async function retention(query = ""): Promise<QuizRetention> {
  const res = await call("GET", `/api/quizzes/${slug}/report${query}`, undefined, admin);
  expect(res.status).toBe(200);
  return ((await res.json()) as { retention: QuizRetention }).retention;
}

describe("the report JSON's retention", () => {
  it("counts first tries, returns, first reviews and the week exactly", async () => {
    const r = await retention();
    expect(r.learners).toBe(4);
    expect(r.learnersCameBack).toBe(3);
    expect(r.reviews).toBe(9);
    expect(r.rememberedAfterWeek).toEqual(fig(3, 2));
    const [q1, q2, q3] = r.questions;
    expect(q1).toMatchObject({
      id: "q1",
      firstTry: fig(4, 1),
      missedFirstTry: 3,
      cameBack: 2,
      firstReview: fig(2, 1),
      afterWeek: fig(2, 1),
    });
    expect(q2).toMatchObject({
      id: "q2",
      firstTry: fig(3, 1),
      missedFirstTry: 2,
      cameBack: 2,
      firstReview: fig(2, 2),
      afterWeek: fig(1, 1),
    });
    expect(q3).toMatchObject({
      id: "q3",
      firstTry: fig(3, 2),
      missedFirstTry: 1,
      cameBack: 1,
      firstReview: fig(1, 0),
      afterWeek: fig(0, 0),
    });
  });

  it("follows the group of the first try's attempt", async () => {
    const r = await retention("?group=a");
    expect(r.learners).toBe(2);
    expect(r.learnersCameBack).toBe(2);
    expect(r.questions[0]?.firstTry).toEqual(fig(2, 0));
    expect(r.rememberedAfterWeek).toEqual(fig(3, 2));
  });

  it("is empty, not missing, for a quiz nobody reviewed", async () => {
    await seedQuiz({ slug: "quiet-quiz" });
    const res = await call("GET", "/api/quizzes/quiet-quiz/report", undefined, admin);
    const r = ((await res.json()) as { retention: QuizRetention }).retention;
    expect(r).toMatchObject({ learners: 0, learnersCameBack: 0, reviews: 0 });
    expect(r.rememberedAfterWeek).toEqual(fig(0, 0));
    expect(r.questions.map((q) => q.firstTry)).toEqual([fig(0, 0), fig(0, 0), fig(0, 0)]);
  });
});

describe("retention.csv", () => {
  it("has one row per question with the same figures", async () => {
    const res = await call("GET", `/api/quizzes/${slug}/retention.csv`, undefined, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((row) => row.question_id)).toEqual(["q1", "q2", "q3"]);
    expect(rows[0]).toMatchObject({
      question_number: "1",
      first_try_learners: "4",
      first_try_correct: "1",
      first_try_rate: "0.25",
      missed_first_try: "3",
      came_back: "2",
      first_review_learners: "2",
      first_review_correct: "1",
      first_review_rate: "0.5",
      after_week_learners: "2",
      after_week_correct: "1",
    });
  });

  it("needs a credential that opens the quiz", async () => {
    const res = await call("GET", `/api/quizzes/${slug}/retention.csv`);
    expect(res.status).toBe(401);
  });
});

describe("xAPI statements for reviews", () => {
  it("one answered statement per review, marked as a review, with stable ids", async () => {
    const get = async () => {
      const res = await call("GET", `/api/quizzes/${slug}/xapi`, undefined, admin);
      return ((await res.json()) as { statements: XapiStatement[] }).statements;
    };
    const statements = await get();
    const reviewKey = "http://recall.test/xapi/extensions/review";
    const reviews = statements.filter((s) => s.context.extensions?.[reviewKey] !== undefined);
    expect(reviews).toHaveLength(9);
    expect(reviews.every((s) => s.verb.id === "http://adlnet.gov/expapi/verbs/answered")).toBe(
      true,
    );
    const l2q1 = reviews.filter(
      (s) => s.actor.account.name === l2 && s.object.id.endsWith("/questions/q1"),
    );
    expect(l2q1.map((s) => [s.context.extensions?.[reviewKey], s.result.success])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(l2q1[0]?.timestamp).toBe(new Date(t0 + dayMs).toISOString());
    // Quiz answers carry no review mark; ids are the same on a second export.
    expect(statements.length - reviews.length).toBe(3 + 3 + 3 + 1 + 0);
    expect((await get()).map((s) => s.id)).toEqual(statements.map((s) => s.id));
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  });
});

describe("the report page", () => {
  it("shows the Retention section with its chart, table and export link", async () => {
    const signIn = await exports.default.fetch(
      new Request("http://recall.test/educator/sign-in", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: "http://recall.test",
        },
        body: new URLSearchParams({ key: env.ADMIN_TOKEN }).toString(),
        redirect: "manual",
      }),
    );
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const res = await exports.default.fetch(
      new Request(`http://recall.test/educator/quizzes/${slug}`, { headers: { cookie } }),
    );
    expect(res.status).toBe(200);
    const page = await res.text();
    const section = page.slice(page.indexOf('id="retention"'), page.indexOf("<h2>Learners"));
    expect(section).toContain("<svg");
    expect(section).toMatch(/Came back to review<\/th><td class="num">3</);
    expect(section).toContain("67% (2 of 3)");
    expect(section).toContain("25% (1 of 4)");
    expect(page).toContain(`/api/quizzes/${slug}/retention.csv`);
  });
});
