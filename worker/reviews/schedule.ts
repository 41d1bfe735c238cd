/**
 * The spaced-review schedule: FSRS (ts-fsrs) in its long-term mode, so every interval is whole
 * days. A question missed on the first try counts as a first FSRS rating of "Again" at that
 * answer, which makes it due a day later; a review answered right is rated "Good" (the next
 * interval grows: 3 days, then about 8, then weeks), one answered wrong "Again" (due again in a
 * day). No fuzz: the same history always gives the same dates, so "next review in 3 days" is
 * what the reader will see.
 */
import { type Card, createEmptyCard, fsrs, Rating } from "ts-fsrs";
import type { StoredCard } from "../db/schema.ts";

const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });

const toStored = (card: Card, at: number): StoredCard => ({
  ...card,
  due: card.due.getTime(),
  last_review: card.last_review?.getTime() ?? at,
});

const fromStored = (stored: StoredCard): Card => ({
  ...stored,
  due: new Date(stored.due),
  last_review: new Date(stored.last_review),
});

/** The card a first-try miss at `answeredAt` stands for (never stored until it is reviewed). */
export function cardAfterFirstMiss(answeredAt: number): StoredCard {
  const when = new Date(answeredAt);
  return toStored(scheduler.next(createEmptyCard(when), when, Rating.Again).card, answeredAt);
}

/** How long after a first-try miss the question is first due (one day with these settings). */
export const firstMissDelayMs = cardAfterFirstMiss(0).due;

/** The card after a review answered at `now`, right or wrong. */
export function cardAfterReview(prior: StoredCard, now: number, correct: boolean): StoredCard {
  const rating = correct ? Rating.Good : Rating.Again;
  return toStored(scheduler.next(fromStored(prior), new Date(now), rating).card, now);
}
