/**
 * Helpers for the review tests: a learner who takes the fixture quiz (keys b, a, d) at a set time,
 * the review calls over HTTP, and the clock. `vi.setSystemTime` moves `Date.now()` inside workerd
 * for the worker too (the tests and the worker share the isolate), so the routes' own clock is
 * what the tests drive.
 */
import { env } from "cloudflare:workers";
import { vi } from "vitest";
import type { DueReviews, ReviewResult } from "../../worker/contract.ts";
import { answer, call, slug } from "./fixtures.ts";

export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;
/** A fixed start: Monday 5 January 2026, 09:00 UTC. */
export const t0 = Date.UTC(2026, 0, 5, 9);

/**
 * A fresh learner id (32 hex digits) for each test: attempts started per learner id are rate
 * limited (20 a minute, on the real clock), and a file's tests run within one minute.
 */
export function newLearnerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Fakes only `Date`, so D1's and workerd's own timers keep running. */
export function freezeClock(at: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

export const setClock = (at: number): void => {
  vi.setSystemTime(at);
};

/** Starts an attempt for the learner and answers the given questions with the given choices. */
export async function takeQuiz(
  learnerId: string,
  choices: Record<string, string>,
  quiz = slug,
  start: { group?: string } = {},
): Promise<string> {
  const res = await call("POST", `/api/quizzes/${quiz}/attempts`, { learnerId, ...start });
  if (res.status !== 201) throw new Error(`start failed: ${res.status} ${await res.text()}`);
  const { attemptId } = (await res.json()) as { attemptId: string };
  for (const [questionId, choiceId] of Object.entries(choices)) {
    const answered = await answer(attemptId, questionId, choiceId);
    if (answered.status !== 200) throw new Error(`answer failed: ${answered.status}`);
  }
  return attemptId;
}

export const listReviews = (learnerId: string, scope: string, headers: HeadersInit = {}) =>
  call("GET", `/api/learners/${learnerId}/reviews?${scope}`, undefined, headers);

export async function dueFor(learnerId: string, scope = `quiz=${slug}`): Promise<DueReviews> {
  const res = await listReviews(learnerId, scope);
  if (res.status !== 200) throw new Error(`list failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as DueReviews;
}

export const review = (learnerId: string, item: string, choiceId: string) =>
  call("PUT", `/api/learners/${learnerId}/reviews/${item}`, { choiceId });

export async function reviewed(learnerId: string, item: string, choiceId: string) {
  const res = await review(learnerId, item, choiceId);
  if (res.status !== 200) throw new Error(`review failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as ReviewResult;
}

export async function reviewRows(): Promise<{ cards: number; answers: number }> {
  const [cards, answers] = await Promise.all(
    ["review_cards", "review_answers"].map((table) =>
      env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>(),
    ),
  );
  return { cards: cards?.n ?? 0, answers: answers?.n ?? 0 };
}

/** Puts the quiz on a site (sites are registered by the sites API; here the row is written directly). */
export async function putOnSite(quiz: string, siteId: string, origin: string): Promise<void> {
  await env.DB.batch([
    env.DB.prepare(
      `insert or ignore into sites (id, origin, name, policy, locale, site_key_hash, created_at)
        values (?, ?, ?, 'publish', 'en', ?, 0)`,
    ).bind(siteId, origin, siteId, "0".repeat(64)),
    env.DB.prepare("update quizzes set site_id = ? where slug = ?").bind(siteId, quiz),
  ]);
}
