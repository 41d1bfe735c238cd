/**
 * Round 11 (issue 11): number rivals a reader can tell from the key. A count bounded by its
 * span ("18 hours a day", "nine of their last 14") keeps its rivals a fifth of the key apart
 * and at least half the key; a decimal key's rivals stand a quarter of the key apart. A
 * master's degree or a hiring has no rival year before the schooling the article dates.
 */
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import { countGap } from "../../questions/choice-rules.ts";
import { buildEntityIndex } from "../../questions/entities.ts";
import { generateReview } from "../../questions/generate.ts";
import { earliestPlausible, type YearFacts } from "../../questions/inference.ts";
import { findSpans } from "../../questions/spans.ts";
import { readArticle } from "../../questions/text.ts";
import { filler } from "./rules.ts";

function questions(text: string): Question[] {
  return generateReview(text, { count: 20 }).bank.questions;
}

function numbers(q: Question): { key: number; rivals: number[] } {
  const value = (t: string) => Number.parseFloat(t.replace(/[^\d.]/g, ""));
  const key = value(q.choices.find((c) => c.id === q.answer)?.text ?? "");
  const rivals = q.choices.filter((c) => c.id !== q.answer).map((c) => value(c.text));
  return { key, rivals };
}

describe("count rivals bounded by their span", () => {
  it("countGap is two below eight and a fifth of the key from there", () => {
    expect(countGap(5)).toBe(2);
    expect(countGap(18)).toBe(4);
    expect(countGap(40)).toBe(8);
  });

  it("'18 hours a day' has no rival two hours away, nor one below half the key", () => {
    const text = `${filler}\n\nAt the height of the campaign, the finance minister Tom Harrow is said to have worked an average of 18 hours a day, six days a week. ${filler}`;
    const q = questions(text).find((x) => x.choices.some((c) => c.text === "18 hours"));
    expect(q).toBeDefined();
    const { key, rivals } = numbers(q as Question);
    for (const r of rivals) {
      expect(Math.abs(r - key)).toBeGreaterThanOrEqual(4);
      expect(r).toBeGreaterThanOrEqual(9);
      expect(r).toBeLessThan(24);
    }
  });
});

describe("decimal rivals", () => {
  it("'every 5.8 seconds' has no rival within a quarter of the key", () => {
    const text = `${filler}According to the research firm Delmont Analytics a new website is created every 5.8 seconds. ${filler}`;
    const q = questions(text).find((x) => x.choices.some((c) => c.text === "5.8 seconds"));
    expect(q).toBeDefined();
    const { key, rivals } = numbers(q as Question);
    const all = [key, ...rivals];
    for (const a of all)
      for (const b of all) if (a !== b) expect(Math.abs(a - b)).toBeGreaterThanOrEqual(1.4);
  });
});

describe("an adult's act after the schooling the article dates", () => {
  const life = `Margaret Ellory
Margaret Ellory (May 3, 1901 – June 9, 1970) was an American geologist and writer.
She completed high school in Milford, graduating in 1919 at the top of her class.
She studied chemistry at Oberlin College and graduated with honours in 1923.
She earned a master's degree in geology in June 1927.
In 1931 she became the first woman hired by the Geological Survey for a permanent field position.
Although she had hoped to go on studying, in 1925 she took a teaching position to support her family.`;
  const article = readArticle(life);
  const index = buildEntityIndex(article.sentences, life);
  const facts: YearFacts = {
    sentences: article.sentences,
    spans: article.sentences.map((s) => findSpans(s, index)),
    life: { born: 1901, died: 1970 },
  };
  const at = (words: string) => {
    const s = facts.sentences.find((x) => x.text.includes(words));
    if (!s) throw new Error(`no sentence with "${words}"`);
    return s;
  };

  it("floors a master's degree at the first degree and a hiring at the master's", () => {
    expect(earliestPlausible(1927, at("master's degree"), facts)).toBe(1923);
    expect(earliestPlausible(1931, at("hired by"), facts)).toBe(1927);
  });

  it("leaves the other floors where the schooling falls just before the key", () => {
    expect(earliestPlausible(1925, at("teaching position"), facts)).toBeLessThan(1923);
  });
});
