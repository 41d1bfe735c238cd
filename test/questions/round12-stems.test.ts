// Round-11 grader classes handled by round 12b (questions/REVIEW.md), each pinned on made-up
// sentences of the same shape: side details (a runner-up behind the subject's club, a routine
// step the year after another the bank asks) and blanks any reader fills (the state the
// article keeps naming, after a town; a country's capital beside the country's name) are
// never asked; the subject's prizes are asked, with
// the article's other prizes as the choices (knownOrSide in questions/known-facts.ts,
// prizeRivals in questions/salience.ts).
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import { buildEntityIndex } from "../../questions/entities.ts";
import { generateReview, traceCandidates } from "../../questions/generate.ts";
import { prizeRivals, samePrize } from "../../questions/salience.ts";
import { readArticle } from "../../questions/text.ts";

function bankOf(text: string): Question[] {
  return generateReview(text, { count: 20 }).bank.questions;
}

const keyOf = (q: Question) => q.choices.find((c) => c.id === q.answer)?.text ?? "";

const NATURALIST = `Edith Marlow
Edith Marlow (1901 – 1970) was an American naturalist whose book The Tidal Shore changed how the public saw the lake coast.
Marlow was born in Millbrook, Ohio, where her father kept a small orchard by the river.
Marlow attended the village school, then completed high school in nearby Cedarville, Ohio, graduating in 1918 at the top of her class.
In 1919 Marlow passed the entrance examination of the state college in Columbus.
Marlow began her studies at the state college early in 1920.
Marlow studied botany at the college in Columbus, and in 1924 joined the state's geological office as a field botanist.
The Tidal Shore won her the Hartley Book Prize in 1937 and sold well for a decade.
A second book, The Marsh Year, earned her the Crane Prize in 1942, from the society of field naturalists.
Marlow also received the Dunmore Award from the state college in 1950 for her teaching.
In 1948 Marlow travelled to Paris, France, to study the herbaria of the national museum.
Her local football club, Millbrook Rovers, won the regional league that year by a margin of 11 points from Dayton.
Marlow was posthumously awarded the Lindqvist Medal for conservation, the highest honour of the lake states.
She died in Millbrook in 1970, and the Marlow Reserve on the lake shore is named after her.`;

describe("round-11 grader classes: blanks a reader fills and side details are not asked", () => {
  const bank = bankOf(NATURALIST);
  const trace = traceCandidates(NATURALIST).lines;
  const prompts = bank.map((q) => q.prompt);

  it("never blanks the article's most-named state after a town ('nearby Cedarville, ____')", () => {
    expect(bank.length).toBeGreaterThan(0);
    expect(prompts.some((p) => /Cedarville, ____/.test(p))).toBe(false);
    expect(trace).toContain("s2 Ohio: home state");
  });

  it("never blanks a capital beside its own country ('to ____, France')", () => {
    expect(prompts.some((p) => /____, France/.test(p))).toBe(false);
    expect(trace).toContain("s9 Paris: capital");
  });

  it("never asks the runner-up behind a club ('by a margin of six points from ____')", () => {
    expect(prompts.some((p) => /points from ____/.test(p))).toBe(false);
    expect(trace).toContain("s10 Dayton: runner-up");
    // …nor the margin it finished behind by.
    expect(prompts.some((p) => /margin of ____/.test(p))).toBe(false);
    expect(trace).toContain("s10 11: runner-up");
  });

  it("asks a routine step the year after the one before it at most once", () => {
    expect(trace).toContain("s4 1920: next year's routine");
    expect(bank.some((q) => keyOf(q) === "1920")).toBe(false);
  });
});

describe("round-11 short banks: the subject's prizes are asked", () => {
  const article = readArticle(NATURALIST);
  const index = buildEntityIndex(article.sentences, article.text);
  const facts = { index } as Parameters<typeof prizeRivals>[2];
  const citation = index.byAlias.get("lindqvist medal");

  it("sets the article's other prizes beside the key, one name for each prize", () => {
    expect(citation?.cls).toBe("event");
    if (!citation) return;
    const rivals = prizeRivals(
      citation,
      "Marlow was posthumously awarded the ____ for conservation.",
      facts,
    );
    expect(rivals).toEqual(expect.arrayContaining(["Hartley Book Prize"]));
    expect(rivals).not.toContain("Lindqvist Medal");
    // No two rivals share a word of their names (they could be one prize).
    const words = rivals.flatMap((r) =>
      r
        .toLowerCase()
        .split(" ")
        .filter((w) => !/^(?:prize|award|medal|of|for|the)$/.test(w)),
    );
    expect(new Set(words).size).toBe(words.length);
    expect(samePrize(citation, facts)).toEqual([]);
  });

  it("asks the posthumous prize with the other prizes as its choices", () => {
    const bank = bankOf(NATURALIST);
    const q = bank.find((x) => keyOf(x) === "Lindqvist Medal");
    expect(q, bank.map((x) => x.prompt).join("\n")).toBeDefined();
    expect(q?.choices.map((c) => c.text)).toEqual(expect.arrayContaining(["Hartley Book Prize"]));
  });
});
