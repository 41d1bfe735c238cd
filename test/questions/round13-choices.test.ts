/**
 * Round 13a's choice rules, each pinned on made-up names: a surname is a person's (two
 * lenders ending in "Bank" are no surname twins, in the harness or the engine), and in a
 * sentence of play a home nation and a country both field a side.
 */
import { describe, expect, it } from "vitest";
import type { Bank, Question } from "../../questions/bank.ts";
import { BODY_KINDS, sidesOfPlay } from "../../questions/choice-rules.ts";
import { checkBank } from "./rules.ts";

const sentence = "The Northland Fund is to look at a proposal to sell its gold.";

function bankOf(kind: string | undefined, choices: string[]): Bank {
  const q: Question = {
    id: "q1",
    type: "cloze",
    prompt: "The ____ is to look at a proposal to sell its gold.",
    choices: choices.map((text, i) => ({ id: "abcd"[i] ?? "x", text })),
    answer: "a",
    ...(kind ? { kind } : {}),
    explanation: "The Northland Fund is to look at selling its gold.",
    source: { start: 0, end: sentence.length, text: sentence },
  };
  return { version: 1, title: "t", locale: "en", articleHash: "x", questions: [q] };
}

const surnameTwins = (bank: Bank) =>
  checkBank(bank, sentence).filter((v) => v.detail.startsWith("same surname"));

describe("a surname is a person's (harness)", () => {
  it("lets two bodies of an organisation key end in the same word", () => {
    const bank = bankOf("organisation", [
      "Northland Fund",
      "Southern Lending Bank",
      "Eastern Growth Bank",
    ]);
    expect(surnameTwins(bank)).toEqual([]);
  });
  it("still flags two people sharing a surname", () => {
    const bank = bankOf("person", ["Northland Fund", "Anna Grell", "Boris Grell"]);
    expect(surnameTwins(bank)).toHaveLength(1);
  });
  it("reads a bank without kinds as of people", () => {
    const bank = bankOf(undefined, ["Northland Fund", "Anna Grell", "Boris Grell"]);
    expect(surnameTwins(bank)).toHaveLength(1);
  });
});

describe("a body's last word is its kind (engine)", () => {
  it("knows banks and funds, and no surname", () => {
    expect(BODY_KINDS.has("bank")).toBe(true);
    expect(BODY_KINDS.has("fund")).toBe(true);
    expect(BODY_KINDS.has("grell")).toBe(false);
  });
});

describe("home nations field sides in play", () => {
  const region = { kind: "place", level: "region" };
  const country = { kind: "place", level: "country" };
  const play = "The hosts are still to meet Freedonia and Scotland.";
  it("sets a country beside a home nation in a sentence of play", () => {
    expect(sidesOfPlay(region, "Scotland", country, "Freedonia", play)).toBe(true);
    expect(sidesOfPlay(region, "Scotland", region, "Wales", play)).toBe(true);
  });
  it("keeps them apart outside play, and keeps other regions out", () => {
    expect(sidesOfPlay(region, "Scotland", country, "Freedonia", "He was born in Scotland.")).toBe(
      false,
    );
    expect(sidesOfPlay(region, "Scotland", region, "Bavaria", play)).toBe(false);
  });
});
