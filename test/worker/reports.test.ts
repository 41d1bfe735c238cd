// The report API: who may read it, statistics exact on a hand-computed fixture, CSV exports that
// parse back to the stored rows (formula injection neutralised) and xAPI statements.
import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import type { Bank } from "../../questions/bank.ts";
import type { QuizReport } from "../../worker/reports/statistics.ts";
import type { XapiStatement } from "../../worker/reports/xapi.ts";
import { sha256Hex } from "../../worker/security/secrets.ts";
import { expectError } from "./expect-error.ts";
import { bank, call, resetDatabase, seedQuiz, slug } from "./fixtures.ts";

const admin = { authorization: `Bearer ${env.ADMIN_TOKEN}` };
const educatorKey = "rk_test-educator-key-for-mount-example";
const otherKey = "rk_test-educator-key-for-the-other-quiz";
const otherSlug = "other-quiz";

type Choice = string | null;
/** The hand-computed fixture: each finished attempt's choices for q1, q2, q3 (keys b, a, d). */
const finishedAnswers: [Choice, Choice, Choice][] = [
  ["b", "a", "d"], // A1  3
  ["b", "a", "d"], // A2  3
  ["b", "a", "c"], // A3  2
  ["b", "b", "d"], // A4  2
  ["b", "a", "a"], // A5  2
  ["b", "c", "c"], // A6  1
  ["a", "a", "c"], // A7  1
  ["b", "b", "a"], // A8  1
  ["a", "d", "c"], // A9  0
  ["c", "b", null], // A10 0 (skipped q3)
];
const keys = ["b", "a", "d"];
const day1 = Date.UTC(2026, 0, 5, 9);
const day2 = Date.UTC(2026, 0, 6, 9);
const attemptId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

interface FixtureAttempt {
  id: string;
  startedAt: number;
  finishedAt: number | null;
  score: number | null;
  group: string | null;
  pageUrl: string;
  learnerId: string;
  learnerName: string | null;
  responses: { questionId: string; choiceId: string; correct: boolean; answeredAt: number }[];
}

/**
 * Time to answer, per question: q1 takes 2·i seconds in attempt i (median of 2..22 is 12),
 * q2 takes 15 + i seconds (median of 16..25 is 20.5), q3 always 30 seconds.
 */
function fixtureAttempts(): FixtureAttempt[] {
  const all: [Choice, Choice, Choice][] = [...finishedAnswers, ["b", null, null]]; // A11 unfinished
  return all.map((choices, index) => {
    const i = index + 1;
    const startedAt = (i <= 5 ? day1 : day2) + i * 60_000;
    const delays = [2 * i, 15 + i, 30];
    let at = startedAt;
    const responses: FixtureAttempt["responses"] = [];
    choices.forEach((choiceId, q) => {
      if (choiceId === null) return;
      at += (delays[q] ?? 0) * 1000;
      responses.push({
        questionId: `q${q + 1}`,
        choiceId,
        correct: choiceId === keys[q],
        answeredAt: at,
      });
    });
    const finished = i <= 10;
    return {
      id: attemptId(i),
      startedAt,
      finishedAt: finished ? at + 5_000 : null,
      score: finished ? responses.filter((r) => r.correct).length : null,
      group: i <= 5 ? "class-a" : i <= 10 ? "class-b" : null,
      pageUrl: i === 10 ? "https://other.example/p" : "https://blog.example/post",
      learnerId: `learner-${String(i).padStart(4, "0")}`,
      learnerName: i === 1 ? "Ada" : null,
      responses,
    };
  });
}

async function quizId(quizSlug: string): Promise<number> {
  const row = await env.DB.prepare("select id from quizzes where slug = ?")
    .bind(quizSlug)
    .first<{ id: number }>();
  if (!row) throw new Error(`no quiz ${quizSlug}`);
  return row.id;
}

async function insertAttempts(quizSlug: string, attempts: FixtureAttempt[], maxScore = 3) {
  const id = await quizId(quizSlug);
  const statements: D1PreparedStatement[] = [];
  for (const a of attempts) {
    statements.push(
      env.DB.prepare(
        `insert into attempts (id, quiz_id, learner_id, learner_name, group_name, page_url,
          started_at, finished_at, score, max_score) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).bind(
        a.id,
        id,
        a.learnerId,
        a.learnerName,
        a.group,
        a.pageUrl,
        a.startedAt,
        a.finishedAt,
        a.score,
        a.finishedAt === null ? null : maxScore,
      ),
    );
    for (const r of a.responses) {
      statements.push(
        env.DB.prepare(
          `insert into responses (attempt_id, quiz_id, question_id, choice_id, correct, answered_at)
            values (?, ?, ?, ?, ?, ?)`,
        ).bind(a.id, id, r.questionId, r.choiceId, r.correct ? 1 : 0, r.answeredAt),
      );
    }
  }
  await env.DB.batch(statements);
}

async function setEducatorKey(quizSlug: string, key: string) {
  await env.DB.prepare("update quizzes set educator_key_hash = ? where slug = ?")
    .bind(await sha256Hex(key), quizSlug)
    .run();
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function getReport(query = "", headers: HeadersInit = admin): Promise<QuizReport> {
  const res = await call("GET", `/api/quizzes/${slug}/report${query}`, undefined, headers);
  expect(res.status).toBe(200);
  return (await res.json()) as QuizReport;
}

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz();
  await seedQuiz({ slug: otherSlug });
  await setEducatorKey(slug, educatorKey);
  await setEducatorKey(otherSlug, otherKey);
  await insertAttempts(slug, fixtureAttempts());
});

const reportPaths = [
  `/api/quizzes/${slug}/report`,
  `/api/quizzes/${slug}/report.csv`,
  `/api/quizzes/${slug}/attempts.csv`,
  `/api/quizzes/${slug}/xapi`,
];

describe("report access", () => {
  it.each(reportPaths)("GET %s without a key is 401", async (path) => {
    const res = await call("GET", path);
    await expectError(res, 401, "unauthorized");
  });

  it.each(reportPaths)(
    "GET %s with another quiz's key is the 404 of an unknown quiz",
    async (path) => {
      const res = await call("GET", path, undefined, bearer(otherKey));
      await expectError(res, 404, "not_found");
    },
  );

  it.each(reportPaths)("GET %s with a made-up key is 401", async (path) => {
    const res = await call("GET", path, undefined, bearer("rk_not-a-real-key-at-all"));
    await expectError(res, 401, "unauthorized");
  });

  it.each(reportPaths)("GET %s with the admin token is 200", async (path) => {
    const res = await call("GET", path, undefined, admin);
    expect(res.status).toBe(200);
  });

  it("the quiz's own educator key opens its report", async () => {
    const report = await getReport("", bearer(educatorKey));
    expect(report.summary.attemptsStarted).toBe(11);
  });

  it("another quiz's report shows only that quiz's data", async () => {
    const res = await call("GET", `/api/quizzes/${otherSlug}/report`, undefined, bearer(otherKey));
    expect(res.status).toBe(200);
    const report = (await res.json()) as QuizReport;
    expect(report.summary.attemptsStarted).toBe(0);
    expect(report.learners).toEqual([]);
    expect(report.questions.every((q) => q.responses === 0)).toBe(true);
  });

  it("an unknown quiz is 404 for the admin", async () => {
    const res = await call("GET", "/api/quizzes/no-such-quiz/report", undefined, admin);
    await expectError(res, 404, "not_found");
  });

  it("a bad filter is a 400", async () => {
    const res = await call(
      "GET",
      `/api/quizzes/${slug}/report?page=javascript:alert(1)`,
      undefined,
      admin,
    );
    await expectError(res, 400, "invalid_request");
  });
});

describe("report statistics (hand-computed fixture)", () => {
  it("summarises attempts: started, finished, completion, mean and median score", async () => {
    const { summary } = await getReport();
    expect(summary).toEqual({
      attemptsStarted: 11,
      attemptsFinished: 10,
      completionRate: 10 / 11,
      meanScore: 1.5,
      medianScore: 1.5,
      maxScore: 3,
      meanPercent: 0.5,
    });
  });

  it("counts finished attempts per score in the histogram", async () => {
    const { histogram } = await getReport();
    expect(histogram).toEqual([
      { score: 0, attempts: 2 },
      { score: 1, attempts: 3 },
      { score: 2, attempts: 3 },
      { score: 3, attempts: 2 },
    ]);
  });

  it("counts attempts per day", async () => {
    const { timeline } = await getReport();
    expect(timeline).toEqual([
      { day: "2026-01-05", started: 5, finished: 5 },
      { day: "2026-01-06", started: 6, finished: 5 },
    ]);
  });

  it("computes facility and choice counts per question", async () => {
    const { questions } = await getReport();
    const summary = questions.map((q) => ({
      id: q.id,
      responses: q.responses,
      correct: q.correct,
      facility: q.facility,
      picks: Object.fromEntries(q.choices.map((c) => [c.id, c.picked])),
    }));
    expect(summary).toEqual([
      { id: "q1", responses: 11, correct: 8, facility: 8 / 11, picks: { a: 2, b: 8, c: 1, d: 0 } },
      { id: "q2", responses: 10, correct: 5, facility: 0.5, picks: { a: 5, b: 3, c: 1, d: 1 } },
      { id: "q3", responses: 9, correct: 3, facility: 1 / 3, picks: { a: 2, b: 0, c: 4, d: 3 } },
    ]);
    const q2 = questions[1];
    expect(q2?.choices.find((c) => c.id === "a")).toMatchObject({ correct: true, share: 0.5 });
  });

  it("computes the upper-lower 27% discrimination index", async () => {
    const report = await getReport();
    // 10 finished attempts: k = round(2.7) = 3. Upper: A1, A2, A3; lower: A8, A9, A10.
    expect(report.discriminationGroups).toEqual({ finishedAttempts: 10, groupSize: 3 });
    const d = report.questions.map((q) => q.discrimination);
    expect(d[0]).toBeCloseTo((3 - 1) / 3, 12);
    expect(d[1]).toBeCloseTo((3 - 0) / 3, 12);
    expect(d[2]).toBeCloseTo((2 - 0) / 3, 12);
  });

  it("computes the point-biserial against the rest score", async () => {
    const { questions } = await getReport();
    expect(questions[0]?.pointBiserial).toBeCloseTo(1 / Math.sqrt(6), 12);
    expect(questions[1]?.pointBiserial).toBeCloseTo(1 / Math.sqrt(15), 12);
    expect(questions[2]?.pointBiserial).toBeCloseTo(1 / Math.sqrt(8), 12);
  });

  it("computes the median time to answer from the previous answer or the start", async () => {
    const { questions } = await getReport();
    expect(questions.map((q) => q.medianSecondsToAnswer)).toEqual([12, 20.5, 30]);
  });

  it("flags distractors nobody picked", async () => {
    const { questions } = await getReport();
    expect(questions.map((q) => q.flags.map((f) => f.kind))).toEqual([
      ["unused-distractor"],
      [],
      ["unused-distractor"],
    ]);
    expect(questions[0]?.flags[0]?.message).toContain("D");
  });

  it("filters by group", async () => {
    const report = await getReport("?group=class-a");
    expect(report.summary.attemptsStarted).toBe(5);
    expect(report.summary.meanScore).toBe((3 + 3 + 2 + 2 + 2) / 5);
    expect(report.questions[0]?.facility).toBe(1);
    expect(report.learners.map((l) => l.group)).toEqual(Array(5).fill("class-a"));
    // The filter choices still list every group of the quiz.
    expect(report.options.groups).toEqual([
      { value: "class-a", attempts: 5 },
      { value: "class-b", attempts: 5 },
      { value: null, attempts: 1 },
    ]);
  });

  it("filters by embedding page", async () => {
    const report = await getReport(`?page=${encodeURIComponent("https://other.example/p")}`);
    expect(report.summary.attemptsStarted).toBe(1);
    expect(report.learners[0]?.attemptId).toBe(attemptId(10));
  });

  it("lists learners newest first with their answers", async () => {
    const { learners } = await getReport();
    expect(learners).toHaveLength(11);
    expect(learners[0]?.attemptId).toBe(attemptId(11));
    const ada = learners.find((l) => l.learnerName === "Ada");
    expect(ada).toMatchObject({ score: 3, maxScore: 3, group: "class-a" });
    expect(ada?.answers).toEqual([
      { questionId: "q1", choiceId: "b", correct: true },
      { questionId: "q2", choiceId: "a", correct: true },
      { questionId: "q3", choiceId: "d", correct: true },
    ]);
  });
});

describe("automatic flags", () => {
  /** Five questions: e (everyone right), h (one right), n (only the lower group right), g, g2. */
  const flagSlug = "flag-quiz";
  const flagBank: Bank = {
    ...bank,
    questions: ["e", "h", "n", "g", "g2"].map((id, i) => ({
      ...(bank.questions[i % bank.questions.length] ?? bank.questions[0]),
      id,
      answer: "a",
    })) as Bank["questions"],
  };

  it("flags too easy, too hard, weak and negative discrimination", async () => {
    await resetDatabase();
    const { drizzle } = await import("drizzle-orm/d1");
    const schema = await import("../../worker/db/schema.ts");
    const { storeBankStatements } = await import("../../worker/db/banks.ts");
    const db = drizzle(env.DB, { schema });
    await db.batch(
      storeBankStatements(db, {
        slug: flagSlug,
        bank: flagBank,
        article: "x",
        status: "published",
        mode: "upsert",
        now: Date.now(),
      }),
    );
    // Upper (scores 4, 3, 3): e g g2 (+h once); middle (2): e g; lower (2, started last): e n.
    const rights = [
      ["e", "g", "g2", "h"],
      ["e", "g", "g2"],
      ["e", "g", "g2"],
      ["e", "g"],
      ["e", "g"],
      ["e", "g"],
      ["e", "g"],
      ["e", "n"],
      ["e", "n"],
      ["e", "n"],
    ];
    const attempts: FixtureAttempt[] = rights.map((right, index) => {
      const startedAt = day1 + index * 60_000;
      const responses = ["e", "h", "n", "g", "g2"].map((questionId, q) => {
        const correct = right.includes(questionId);
        return {
          questionId,
          // Wrong answers are spread over b, c and d, so only e has distractors nobody picks.
          choiceId: correct ? "a" : (["b", "c", "d"][index % 3] ?? "b"),
          correct,
          answeredAt: startedAt + (q + 1) * 1000,
        };
      });
      return {
        id: attemptId(100 + index),
        startedAt,
        finishedAt: startedAt + 10_000,
        score: right.length,
        group: null,
        pageUrl: "https://blog.example/post",
        learnerId: `learner-${index}`,
        learnerName: null,
        responses,
      };
    });
    await insertAttempts(flagSlug, attempts, 5);
    const res = await call("GET", `/api/quizzes/${flagSlug}/report`, undefined, admin);
    expect(res.status).toBe(200);
    const report = (await res.json()) as QuizReport;
    const kinds = Object.fromEntries(
      report.questions.map((q) => [q.id, [...new Set(q.flags.map((f) => f.kind))]]),
    );
    expect(kinds).toEqual({
      e: ["too-easy", "weak-discrimination", "unused-distractor"],
      h: ["too-hard"],
      n: ["negative-discrimination"],
      g: [],
      g2: [],
    });
    expect(report.questions.find((q) => q.id === "n")?.discrimination).toBe(-1);
  });
});

interface StoredResponse {
  attempt_id: string;
  learner_id: string | null;
  learner_name: string | null;
  group_name: string | null;
  page_url: string | null;
  started_at: number;
  question_id: string;
  position: number;
  prompt: string;
  choices: string;
  choice_id: string;
  correct: number;
  answered_at: number;
}

/** What a CSV cell holding `value` must read back as: formulas get a leading quote. */
const neutralised = (value: string | null) =>
  value === null ? "" : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

describe("CSV exports", () => {
  beforeEach(async () => {
    // Hostile and awkward text in learner fields and a question prompt.
    await env.DB.batch([
      env.DB.prepare("update attempts set learner_name = ? where id = ?").bind(
        '=HYPERLINK("http://evil.example","click")',
        attemptId(2),
      ),
      env.DB.prepare("update attempts set learner_name = ?, group_name = ? where id = ?").bind(
        'Smith, "Jo"\nline two',
        "+cmd",
        attemptId(3),
      ),
      env.DB.prepare("update attempts set learner_name = ?, group_name = ? where id = ?").bind(
        "@SUM(A1:A9)",
        "-2+3",
        attemptId(4),
      ),
      env.DB.prepare("update questions set prompt = ? where id = 'q2'").bind(
        "=1+1 is ____, or is it?",
      ),
    ]);
  });

  it("one row per response parses back to the stored rows", async () => {
    const res = await call("GET", `/api/quizzes/${slug}/report.csv`, undefined, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`${slug}-responses.csv`);
    const text = await res.text();
    const parsed = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const { results: stored } = await env.DB.prepare(
      `select a.id as attempt_id, a.learner_id, a.learner_name, a.group_name, a.page_url,
        a.started_at, r.question_id, q.position, q.prompt, q.choices, r.choice_id, r.correct,
        r.answered_at
      from responses r join attempts a on a.id = r.attempt_id
      join questions q on q.quiz_id = r.quiz_id and q.id = r.question_id
      where a.quiz_id = (select id from quizzes where slug = ?)
      order by a.started_at, a.id, r.answered_at`,
    )
      .bind(slug)
      .all<StoredResponse>();
    expect(stored).toHaveLength(30);
    const expected = stored.map((row) => ({
      attempt_id: row.attempt_id,
      learner_id: neutralised(row.learner_id),
      learner_name: neutralised(row.learner_name),
      group: neutralised(row.group_name),
      page_url: neutralised(row.page_url),
      attempt_started_at: new Date(row.started_at).toISOString(),
      question_id: row.question_id,
      question_number: String(row.position + 1),
      question: neutralised(row.prompt),
      choice_id: row.choice_id,
      choice: (JSON.parse(row.choices) as { id: string; text: string }[]).find(
        (c) => c.id === row.choice_id,
      )?.text,
      correct: String(row.correct),
      answered_at: new Date(row.answered_at).toISOString(),
    }));
    expect(parsed).toEqual(expected);
  });

  it("neutralises cells that a spreadsheet would run as formulas", async () => {
    const res = await call("GET", `/api/quizzes/${slug}/report.csv`, undefined, admin);
    const rows = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    const names = new Set(rows.map((r) => r.learner_name));
    expect(names).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(names).toContain("'@SUM(A1:A9)");
    expect(names).toContain('Smith, "Jo"\nline two');
    expect(new Set(rows.map((r) => r.group))).toContain("'-2+3");
    expect(new Set(rows.map((r) => r.group))).toContain("'+cmd");
    expect(new Set(rows.map((r) => r.question))).toContain("'=1+1 is ____, or is it?");
    for (const row of rows)
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("one row per attempt, from attempts.csv and from ?per=attempt", async () => {
    for (const path of ["attempts.csv", "report.csv?per=attempt"]) {
      const res = await call("GET", `/api/quizzes/${slug}/${path}`, undefined, admin);
      expect(res.status).toBe(200);
      const rows = parse(await res.text(), { bom: true, columns: true }) as Record<
        string,
        string
      >[];
      const attempts = fixtureAttempts();
      expect(rows.map((r) => r.attempt_id)).toEqual(attempts.map((a) => a.id));
      expect(rows.map((r) => r.score)).toEqual(attempts.map((a) => String(a.score ?? "")));
      expect(rows.map((r) => r.answered)).toEqual(attempts.map((a) => String(a.responses.length)));
      expect(rows[10]?.finished_at).toBe("");
      expect(rows[0]?.finished_at).toBe(new Date(attempts[0]?.finishedAt ?? 0).toISOString());
    }
  });

  it("exports only the filtered group", async () => {
    const res = await call(
      "GET",
      `/api/quizzes/${slug}/report.csv?group=class-b`,
      undefined,
      admin,
    );
    const rows = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3 + 3 + 3 + 3 + 2);
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(["class-b"]));
  });

  it("rejects an unknown ?per", async () => {
    const res = await call("GET", `/api/quizzes/${slug}/report.csv?per=learner`, undefined, admin);
    await expectError(res, 400, "invalid_request");
  });
});

describe("xAPI statements", () => {
  async function statements(query = ""): Promise<{ statements: XapiStatement[]; more: string }> {
    const res = await call("GET", `/api/quizzes/${slug}/xapi${query}`, undefined, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-experience-api-version")).toBe("1.0.3");
    return (await res.json()) as { statements: XapiStatement[]; more: string };
  }

  it("has one answered statement per response and one completed per finished attempt", async () => {
    const body = await statements();
    expect(body.more).toBe("");
    const verbs = body.statements.map((s) => s.verb.id);
    expect(verbs.filter((v) => v === "http://adlnet.gov/expapi/verbs/answered")).toHaveLength(30);
    expect(verbs.filter((v) => v === "http://adlnet.gov/expapi/verbs/completed")).toHaveLength(10);
    const ids = body.statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("an answered statement carries actor, verb, object and result", async () => {
    const body = await statements();
    const first = body.statements.find(
      (s) => s.context.registration === attemptId(1) && s.object.id.endsWith("/questions/q1"),
    );
    expect(first).toMatchObject({
      actor: {
        objectType: "Agent",
        name: "Ada",
        account: { homePage: "http://recall.test", name: "learner-0001" },
      },
      verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
      object: {
        objectType: "Activity",
        id: `http://recall.test/quizzes/${slug}/questions/q1`,
        definition: {
          interactionType: "choice",
          correctResponsesPattern: ["b"],
        },
      },
      result: {
        success: true,
        response: "b",
        duration: "PT2S",
        score: { scaled: 1, raw: 1, min: 0, max: 1 },
      },
      context: {
        registration: attemptId(1),
        contextActivities: { parent: [{ id: `http://recall.test/quizzes/${slug}` }] },
      },
      timestamp: new Date(day1 + 60_000 + 2_000).toISOString(),
      version: "1.0.3",
    });
  });

  it("a completed statement carries the attempt's score", async () => {
    const body = await statements();
    const completed = body.statements.find(
      (s) =>
        s.context.registration === attemptId(6) &&
        s.verb.id === "http://adlnet.gov/expapi/verbs/completed",
    );
    expect(completed).toMatchObject({
      actor: { account: { homePage: "http://recall.test", name: "learner-0006" } },
      object: { id: `http://recall.test/quizzes/${slug}` },
      result: {
        success: false,
        completion: true,
        score: { scaled: 1 / 3, raw: 1, min: 0, max: 3 },
      },
    });
    expect(completed?.actor.name).toBeUndefined();
  });

  it("an anonymous attempt is an account named after the attempt", async () => {
    await env.DB.prepare("update attempts set learner_id = null where id = ?")
      .bind(attemptId(5))
      .run();
    const body = await statements();
    const anon = body.statements.find((s) => s.context.registration === attemptId(5));
    expect(anon?.actor.account.name).toBe(`anonymous-${attemptId(5)}`);
  });

  it("pages through attempts with `more`", async () => {
    const many = Array.from(
      { length: 120 },
      (_, i): FixtureAttempt => ({
        id: attemptId(1000 + i),
        startedAt: day2 + 3_600_000 + i * 1000,
        finishedAt: null,
        score: null,
        group: null,
        pageUrl: "https://blog.example/post",
        learnerId: `bulk-learner-${i}`,
        learnerName: null,
        responses: [
          {
            questionId: "q1",
            choiceId: "a",
            correct: false,
            answeredAt: day2 + 3_600_000 + i * 1000 + 500,
          },
        ],
      }),
    );
    await insertAttempts(slug, many);
    const first = await statements();
    expect(first.more).toMatch(/^\/api\/quizzes\/mount-example\/xapi\?cursor=/);
    const res = await call("GET", first.more, undefined, admin);
    const second = (await res.json()) as { statements: XapiStatement[]; more: string };
    expect(second.more).toBe("");
    const registrations = new Set(
      [...first.statements, ...second.statements].map((s) => s.context.registration),
    );
    expect(registrations.size).toBe(131);
  });
});
