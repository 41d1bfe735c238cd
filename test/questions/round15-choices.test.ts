/**
 * Round 15a (issue 11): a count of hours a day that praises an extreme ("worked an average of
 * 18 hours a day") never has the key as the largest choice: one rival stands above it, within
 * the waking day. Asserted over the whole review set (the BBC texts only where ../shared is
 * present) and on a made-up article of the same shape.
 */
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import { westminsterElections } from "../../questions/choice-rules.ts";
import { extremeAbove, nearestOneSide } from "../../questions/distractors.ts";
import { generateReview } from "../../questions/generate.ts";
import { STATE_FOUNDED } from "../../questions/lexicon.ts";
import { generateReviewSet } from "../../questions/node/review-set.ts";

const keyOf = (q: Question) => q.choices.find((c) => c.id === q.answer)?.text ?? "";
const rivalsOf = (q: Question) => q.choices.filter((c) => c.id !== q.answer).map((c) => c.text);
const hours = (t: string) => Number(/^(\d+) hours?$/.exec(t)?.[1] ?? Number.NaN);
const PER_DAY = /\bhours? a day\b/;

function hourKeysAllAbove(questions: Question[]): string[] {
  const bad: string[] = [];
  for (const q of questions) {
    if (!PER_DAY.test(q.prompt.replace("____", `${keyOf(q)}`))) continue;
    const key = hours(keyOf(q));
    if (Number.isNaN(key)) continue;
    if (rivalsOf(q).every((r) => hours(r) < key)) bad.push(`${q.id}: ${keyOf(q)} is the largest`);
  }
  return bad;
}

describe("a day's extreme count has a rival above it", () => {
  it("keeps the two highest rivals and adds the key plus two", () => {
    expect(extremeAbove(18, [13, 10, 6, 15], 20)).toEqual([13, 10, 20, 15]);
    // A rival above already, or no room below the ceiling: unchanged.
    expect(extremeAbove(18, [13, 19, 6], 20)).toEqual([13, 19, 6]);
    expect(extremeAbove(19, [13, 10, 6], 20)).toEqual([13, 10, 6]);
  });
  it("over the whole review set", () => {
    const qs = generateReviewSet().map((g) => g.question);
    expect(hourKeysAllAbove(qs)).toEqual([]);
  });
  it("on a made-up profile", () => {
    const text = [
      "The minister",
      "Orla Vance grew up in a mining town and studied law at Brindle University.",
      "During the campaign, Vance is said to have worked an average of 18 hours a day, six days a week after swimming for an hour each morning.",
      "She became the party's leader in 2012 after a vote of its members.",
      "The review was published by the ministry after two years of work.",
      "Officials said the figures would be checked again by an outside panel.",
      "Critics in the opposition party argued that the study had ignored the smaller towns.",
    ].join(" ");
    const qs = generateReview(text, { count: 20 }).bank.questions;
    const asked = qs.find((q) => keyOf(q) === "18 hours");
    expect(asked, "the hours are asked").toBeDefined();
    expect(hourKeysAllAbove(qs)).toEqual([]);
  });
});

/**
 * Round 15a2: a year key's rivals stay near it and on both sides where the article allows. A
 * plan still to come ("due to be completed in ____", not an aim "by ____") is never the earliest
 * choice when the year two before it is still ahead of the article's present; a key at the end
 * of a century the stem names ("the youngest premier of the 20th century") takes its rivals from
 * the near side, within a dozen years, not from another era.
 */
const yearOf = (t: string) => (/^[1-9]\d{3}$/.test(t) ? Number(t) : Number.NaN);
const PLAN_STEM = /\bdue to be\b/;
const CENTURY_STEM = /\b(\d{1,2})(?:st|nd|rd|th) century\b/;

function yearSetProblems(questions: Question[]): string[] {
  const bad: string[] = [];
  for (const q of questions) {
    const key = yearOf(keyOf(q));
    const rivals = rivalsOf(q).map(yearOf);
    if (Number.isNaN(key) || rivals.some(Number.isNaN)) continue;
    if (PLAN_STEM.test(q.prompt) && rivals.every((r) => r > key))
      bad.push(`${q.id}: the plan ${key} is the earliest choice`);
    const c = CENTURY_STEM.exec(q.prompt);
    if (c && Math.abs(Number(c[1]) * 100 - key) <= 5 && rivals.some((r) => Math.abs(r - key) > 12))
      bad.push(`${q.id}: a rival of ${key} from another era`);
  }
  return bad;
}

describe("year rivals stay near the key, on both sides where they can", () => {
  it("takes the near side's nearest years, a gap apart", () => {
    expect(nearestOneSide(1997, 4, 3, { min: 1970, max: 1999 }).slice(0, 3)).toEqual([
      1993, 1990, 1987,
    ]);
    expect(nearestOneSide(1903, 3, 3, { min: 1901, max: 1930 }).slice(0, 3)).toEqual([
      1906, 1909, 1912,
    ]);
  });
  it("over the whole review set", () => {
    const qs = generateReviewSet().map((g) => g.question);
    expect(yearSetProblems(qs)).toEqual([]);
  });
  it("on a made-up report of a plan", () => {
    const text = [
      "The tunnel",
      "Work on the Brindle tunnel began in 1988 after ten years of planning by the city council.",
      "By 2002 the engineers had dug half of its length under the river.",
      "The full tunnel is due to be completed for the city's trams in 2006.",
      "Officials said the costs would be checked again by an outside panel of engineers.",
      "Critics in the opposition party argued that the study had ignored the smaller towns.",
      "The mayor, Orla Vance, said the tunnel would carry twelve thousand passengers a day.",
      "Its first section opened to walkers in 1993, when a festival marked the event.",
      "Engineers from three countries have worked on the project since its start.",
      "The river above the tunnel is one of the busiest in the region, with barges and ferries.",
      "A second tunnel for cars has been proposed but not yet approved by the council.",
    ].join(" ");
    const qs = generateReview(text, { count: 20 }).bank.questions;
    const asked = qs.find((q) => keyOf(q) === "2006");
    expect(asked, "the plan's year is asked").toBeDefined();
    expect(yearSetProblems(qs)).toEqual([]);
  });
});

/**
 * Round 15a2: "after the ____ Labour landslide" in a Westminster article told in 2004, naming
 * too few lost votes of its own: the rivals are other UK general elections (1987 beside the
 * article's 1983 and 1992), never the article's present, which was no election.
 */
describe("a Westminster election's year takes other general elections as rivals", () => {
  const sentences = [{ text: "The Labour leader spoke to backbenchers." }];
  it("lists the nearest general elections, for a Westminster article only", () => {
    expect(westminsterElections(2001, sentences, 15).slice(0, 4)).toEqual([1997, 2005, 1992, 2010]);
    expect(westminsterElections(2001, sentences, 15)).toContain(1987);
    expect(westminsterElections(2001, [{ text: "The senator spoke." }], 15)).toEqual([]);
    // A key that was no general election is left to the article's own years.
    expect(westminsterElections(2004, sentences, 15)).toEqual([]);
  });
  it("over the whole review set", () => {
    const bad: string[] = [];
    for (const g of generateReviewSet()) {
      const q = g.question;
      if (!/\b(?:election|landslide)\b/.test(q.prompt)) continue;
      const key = yearOf(keyOf(q));
      const rivals = rivalsOf(q).map(yearOf);
      if (Number.isNaN(key) || rivals.some(Number.isNaN)) continue;
      const westminster = westminsterElections(
        key,
        g.article.text.split(/(?<=\.)\s+/).map((text) => ({ text })),
        60,
      );
      if (westminster.length === 0) continue;
      for (const r of rivals)
        if (!westminster.includes(r)) bad.push(`${q.id}: ${r} was no general election`);
    }
    expect(bad).toEqual([]);
  });
});

/**
 * Round 15a2: a country rival that did not yet exist in the sentence's era (its own years, else
 * those of a paragraph within one decade) is an anachronism: no Pakistan beside 1945's markets.
 */
function stateProblems(questions: Question[]): string[] {
  const bad: string[] = [];
  for (const q of questions) {
    const years = [...q.source.text.matchAll(/\b(1[5-9]\d\d|20[0-2]\d)\b/g)].map((m) =>
      Number(m[1]),
    );
    if (years.length === 0) continue;
    for (const r of rivalsOf(q)) {
      const founded = STATE_FOUNDED.get(r);
      if (founded !== undefined && years.every((y) => founded > y))
        bad.push(`${q.id}: ${r} did not exist in ${years.join(", ")}`);
    }
  }
  return bad;
}

describe("no country rival founded after the sentence's era", () => {
  it("over the whole review set", () => {
    const qs = generateReviewSet().map((g) => g.question);
    expect(stateProblems(qs)).toEqual([]);
    const pen = qs.find((q) => /lived up to consumer expectations/.test(q.prompt));
    if (pen) expect(rivalsOf(pen)).not.toContain("Pakistan");
  });
});
