/**
 * Round 15a (issue 11): a count of hours a day that praises an extreme ("worked an average of
 * 18 hours a day") never has the key as the largest choice: one rival stands above it, within
 * the waking day. Asserted over the whole review set (the BBC texts only where ../shared is
 * present) and on a made-up article of the same shape.
 */
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import { extremeAbove } from "../../questions/distractors.ts";
import { generateReview } from "../../questions/generate.ts";
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
