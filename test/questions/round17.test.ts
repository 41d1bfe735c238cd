// Round 17 (issue 11): the classes round 16's graders dropped, checked from outside: one end of
// a range written "Between 1533 and ____"; the capital of the country an article is set in once
// first names ("Elizabeth", "Mary") no longer count as cities; an object "it" with only its own
// clause's subject before it; a people's adjective beside its own country's city; the language
// a name is told in; "The ____ telecentres" and "the team" for a set or side named before; a
// count in brackets; a body founded after the sentence's years; a named church as a body.
import { describe, expect, it } from "vitest";
import { generateReview } from "../../questions/generate.ts";
import { bankOf, keyOf } from "./review-bank.ts";
import { filler } from "./rules.ts";

describe("round 17: what round 16's graders dropped is not asked", () => {
  it("19, the Gunpowder Plot: no range's end, no capital of England, no count in brackets", () => {
    const bank = bankOf("19-gunpowder-plot");
    expect(bank.length).toBeGreaterThanOrEqual(5);
    expect(bank.map(keyOf)).not.toContain("London");
    for (const q of bank) {
      expect(q.prompt, q.id).not.toMatch(/\bBetween \d{4} and ____/);
      expect(q.prompt, q.id).not.toMatch(/\([^()]*____[^()]*\)/);
    }
  });

  it("16, Copenhagen: no people beside its own city, no language of a name, no modern body in 1397", () => {
    const bank = bankOf("16-copenhagen");
    expect(bank.length).toBeGreaterThanOrEqual(5);
    for (const q of bank) {
      expect(q.prompt, q.id).not.toMatch(/____ (?:province|term|equivalent)\b/);
      const choices = q.choices.map((c) => c.text);
      if (/\b13\d\d\b/.test(q.prompt))
        expect(choices, q.id).not.toContain("World Trade Organization");
      expect(choices, q.id).not.toContain("Clemens Church");
    }
  });

  it("an object 'it' whose only antecedent is its own clause's subject: the sentence is not asked", () => {
    const text = `Awards night\n\n${filler} The death of Martin Luther King saw it postponed for two days in 1968 as a mark of respect. Floods in 1938 saw it put back a week. The ceremony moved to the Shrine Auditorium in 1947 and was first shown on television in 1953.`;
    const bank = generateReview(text, { count: 20 }).bank.questions;
    expect(bank.length).toBeGreaterThan(0);
    expect(bank.filter((q) => /\bsaw it\b/.test(q.prompt)).map((q) => q.prompt)).toEqual([]);
  });

  it("an 'it' that stands for what follows is still asked", () => {
    const text = `Votes for all\n\n${filler} In 1918 a new law made it possible for women over 30 to vote in Britain for the first time.`;
    const bank = generateReview(text, { count: 20 }).bank.questions;
    expect(bank.filter((q) => /\bmade it possible\b/.test(q.prompt)).length).toBeGreaterThan(0);
  });

  it("'The ____ telecentres' and 'captain of the team' lean on a sentence the stem does not show", () => {
    const text = `Farmers online\n\n${filler} A network of wireless links, opened in 2003 by the farmers' association, now joins the valley's villages. Officials said the figures would be checked again in 2005 by an outside panel of 12 experts. The minister, Anna Berg, rejected that view and said the results were the clearest yet. A second report on the northern provinces is expected to follow in the autumn of 2006. The 14 telecentres use only free software and cheap computers. Tom Reyes joined the village school in 1999 and was soon appointed captain of the team, a position he held for two seasons.`;
    const bank = generateReview(text, { count: 20 }).bank.questions;
    expect(bank.length).toBeGreaterThan(0);
    for (const q of bank) {
      expect(q.prompt, q.id).not.toMatch(/^The ____ telecentres/);
      expect(keyOf(q) === "two" && /of the team, a position/.test(q.prompt), q.id).toBe(false);
    }
  });
});
