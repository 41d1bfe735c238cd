// Round-14 grader classes handled by round 15c (questions/REVIEW.md): stems that stand on their
// own. A mid-sentence "her"/"his" is written as the one person the sentence before opens with,
// a bare "on the opening day" is anchored to the one event the sentence before names, and the
// giver of an award named for an office ("Presidential …") is dropped (questions/antecedents.ts).
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import { buildEntityIndex } from "../../questions/entities.ts";
import { generateReview } from "../../questions/generate.ts";
import { showSentences } from "../../questions/stems.ts";
import { readArticle } from "../../questions/text.ts";

function bankOf(text: string): Question[] {
  return generateReview(text, { count: 20 }).bank.questions;
}

const COURT = `The Old Court
Queen Matilda, unmarried and childless, steadfastly refused to name an heir to the throne of the realm. Many nobles believed that her young cousin, Edmund of Hale, was the rightful heir to the throne, but he was exiled for treason in 1421.
Another prize that eluded the nobles in those years was the Harrow Cup, which was won by the northern barons in a 3-2 home success at Elmsworth.
Sir Robert Vane struggled on the heavy ground, losing to Walter Crane on the opening day before going down to Hugh Marsh in the deciding bout.
The baron Hugh Marsh was posthumously awarded the Royal Medal of Valour by Henry Lark.
Walter Crane was later awarded the Grey Cross in 1430 and Sir Robert Vane the Silver Spur in 1432.
The court moved from Elmsworth to Dunmere in 1425, and Dunmere stayed the seat of the realm for a century.
Edmund of Hale returned from exile in 1433 and lived at Dunmere until his death in 1450.`;

describe("round-14 stems: the sentences as questions show them", () => {
  const article = readArticle(COURT);
  const shown = showSentences(article, buildEntityIndex(article.sentences, article.text));
  const texts = [...shown.values()].map((s) => s.text);

  it("writes the possessive, anchors the day and drops the office's giver", () => {
    expect(texts).toContain(
      "Many nobles believed that Queen Matilda's young cousin, Edmund of Hale, was the rightful heir to the throne, but he was exiled for treason in 1421.",
    );
    expect(texts.some((t) => /on the opening day of the Harrow Cup before/.test(t))).toBe(true);
    expect(texts).toContain(
      "The baron Hugh Marsh was posthumously awarded the Royal Medal of Valour.",
    );
  });

  it("leaves a possessive alone where the sentence before names two people", () => {
    const two = readArticle(
      "T\nAnna Berg met Carl Lind in Oslo in 1901. Many people said that her brother was the better painter of the two.",
    );
    const out = showSentences(two, buildEntityIndex(two.sentences, two.text));
    expect([...out.values()].some((s) => /'s brother/.test(s.text))).toBe(false);
  });
});

describe("round-14 stems: a stem names what it leans on", () => {
  const bank = bankOf(COURT);
  const prompts = bank.map((q) => q.prompt + q.choices.map((c) => c.text).join(" "));

  it("writes a mid-sentence 'her' as the person the sentence before opens with", () => {
    expect(prompts.some((p) => /believed that her young cousin/.test(p))).toBe(false);
    const asked = prompts.filter((p) => /young cousin/.test(p));
    for (const p of asked) expect(p).toMatch(/Queen Matilda's young cousin/);
  });

  it("anchors 'on the opening day' to the event the sentence before names", () => {
    expect(prompts.some((p) => /opening day before/.test(p))).toBe(false);
  });

  it("drops the giver of an award named for an office", () => {
    expect(prompts.some((p) => /by Henry Lark/.test(p))).toBe(false);
    expect(prompts.some((p) => /____ by Henry/.test(p) || /Valour by ____/.test(p))).toBe(false);
  });
});

const REVIEW = "../shared/articles/review";
const present = existsSync(REVIEW);

describe.skipIf(!present)("round-14 stems over the review set", () => {
  const read = (name: string) => readFileSync(`${REVIEW}/${name}.txt`, "utf8");

  it("names the queen whose cousin a mid-sentence 'her' means", () => {
    const prompts = bankOf(read("19-gunpowder-plot")).map((q) => q.prompt);
    expect(prompts.some((p) => /that her Catholic cousin/.test(p))).toBe(false);
    expect(prompts.some((p) => /Queen Elizabeth's Catholic cousin/.test(p))).toBe(true);
  });

  it("anchors the day of a loss to the cup the sentence before names", () => {
    const texts = bankOf(read("09-federer-joins-all-time-greats")).flatMap((q) => [
      q.prompt,
      ...q.choices.map((c) => c.text),
    ]);
    expect(texts.some((t) => /on the opening day before/.test(t))).toBe(false);
    expect(texts.some((t) => /on the opening day of the Davis Cup/.test(t))).toBe(true);
  });

  it("asks the posthumous award without the president who gave it", () => {
    const bank = bankOf(read("14-rachel-carson"));
    const q = bank.find((x) => /posthumously awarded the ____/.test(x.prompt));
    expect(q?.prompt).toBe("Carson was posthumously awarded the ____.");
    expect(bank.some((x) => /Jimmy Carter/.test(x.prompt))).toBe(false);
  });
});
