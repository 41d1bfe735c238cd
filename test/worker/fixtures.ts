/**
 * A small hand-written quiz, stored through the same code path the authoring API and `npm start`
 * use, and a client that calls the worker the way the widget does: over HTTP.
 */

import { env, exports } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import type { Bank } from "../../questions/bank.ts";
import { storeBankStatements } from "../../worker/db/banks.ts";
import * as schema from "../../worker/db/schema.ts";

export const article =
  "Mount Example rises 2,310 metres above the valley. It was first climbed in 1897 by Anna Berg. " +
  "The nearby town of Lindholm has 4,200 residents.";

const source = (text: string) => {
  const start = article.indexOf(text);
  return { start, end: start + text.length, text };
};

export const bank: Bank = {
  version: 1,
  title: "Mount Example",
  locale: "en",
  articleHash: "0".repeat(64),
  questions: [
    {
      id: "q1",
      type: "cloze",
      prompt: "Mount Example rises ____ above the valley.",
      choices: [
        { id: "a", text: "1,870 metres" },
        { id: "b", text: "2,310 metres" },
        { id: "c", text: "2,940 metres" },
        { id: "d", text: "3,150 metres" },
      ],
      answer: "b",
      explanation: "The article says Mount Example rises 2,310 metres above the valley.",
      source: source("Mount Example rises 2,310 metres above the valley."),
    },
    {
      id: "q2",
      type: "cloze",
      prompt: "Mount Example was first climbed in ____ by Anna Berg.",
      choices: [
        { id: "a", text: "1897" },
        { id: "b", text: "1874" },
        { id: "c", text: "1912" },
        { id: "d", text: "1923" },
      ],
      answer: "a",
      explanation: "It was first climbed in 1897.",
      source: source("It was first climbed in 1897 by Anna Berg."),
    },
    {
      id: "q3",
      type: "cloze",
      prompt: "The nearby town of ____ has 4,200 residents.",
      choices: [
        { id: "a", text: "Berg" },
        { id: "b", text: "Dalby" },
        { id: "c", text: "Norrvik" },
        { id: "d", text: "Lindholm" },
      ],
      answer: "d",
      explanation: "The nearby town is Lindholm.",
      source: source("The nearby town of Lindholm has 4,200 residents."),
    },
  ],
};

export const slug = "mount-example";

/** Storage is isolated per test file, not per test: each test starts from empty tables. */
export async function resetDatabase() {
  await env.DB.batch(
    ["educator_sessions", "responses", "attempts", "questions", "quizzes"].map((t) =>
      env.DB.prepare(`delete from ${t}`),
    ),
  );
}

export async function seedQuiz(
  options: { slug?: string; status?: "draft" | "published"; allowedOrigins?: string[] } = {},
) {
  const db = drizzle(env.DB, { schema });
  await db.batch(
    storeBankStatements(db, {
      slug: options.slug ?? slug,
      bank,
      article,
      status: options.status ?? "published",
      mode: "upsert",
      allowedOrigins: options.allowedOrigins ?? [],
      now: Date.now(),
    }),
  );
}

export function call(method: string, path: string, body?: unknown, headers: HeadersInit = {}) {
  const init: RequestInit = { method, headers: new Headers(headers) };
  if (body !== undefined) {
    (init.headers as Headers).set("content-type", "application/json");
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  return exports.default.fetch(new Request(`http://recall.test${path}`, init));
}

export async function startAttempt(quiz = slug): Promise<string> {
  const res = await call("POST", `/api/quizzes/${quiz}/attempts`, {});
  const { attemptId } = (await res.json()) as { attemptId: string };
  return attemptId;
}

export const answer = (attemptId: string, questionId: string, choiceId: string) =>
  call("PUT", `/api/attempts/${attemptId}/answers/${questionId}`, { choiceId });

export async function countRows(
  table: "quizzes" | "questions" | "attempts" | "responses" | "first_tries",
) {
  const row = await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * A stand-in for Cloudflare's rate-limiting binding with a small limit, counting its calls per
 * key, for tests that need to reach a limit quickly or see which keys were asked.
 */
export function countingLimiter(limit: number) {
  const counts = new Map<string, number>();
  const limiter: RateLimit = {
    async limit({ key }) {
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return { success: count <= limit };
    },
  };
  return { limiter, counts };
}
