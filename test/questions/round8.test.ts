// Round 8 (issue 11): the lead's central facts, asked first. Pinned on made-up articles: the
// lead's main person blanked beside the article's other people (lead.ts), never when the title
// names them; a record's holder asked outright ("who became the first …?", records.ts).
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import type { ArticleFacts } from "../../questions/distractors.ts";
import { buildEntityIndex } from "../../questions/entities.ts";
import { generateReview } from "../../questions/generate.ts";
import { leadSentences, withMainPerson } from "../../questions/lead.ts";
import { readArticle } from "../../questions/text.ts";

function bankOf(text: string, title?: string): Question[] {
  return generateReview(text, { count: 20, ...(title ? { title } : {}) }).bank.questions;
}

function keyOf(q: Question): string {
  return q.choices.find((c) => c.id === q.answer)?.text ?? "";
}

const HARBOUR = `Port council backs new harbour plan

The port council of Westhaven has voted to rebuild the old harbour wall before the winter storms.

Council leader Margaret Holloway said the vote would be remembered as the day the town chose its future. Holloway told reporters that the work would begin in March and take two years.

Opposition councillor Daniel Fairweather said the cost had been badly underestimated. Fairweather wanted the council to wait for a second survey of the sea bed.

Engineer Thomas Ashcroft, who led the first survey, said the wall could not survive another season. Ashcroft found cracks along most of its length in the spring.

Harbour master Eleanor Whitcombe said fishing boats had already moved to the northern quay. Whitcombe expects the boats to return once the wall is finished.

Holloway thanked the fishing families for their patience during the long debate. The council will publish the full plan next month, Holloway said.

Local historian Richard Penhallow said the first wall was built by monks in the twelfth century. Penhallow became the first historian to map the medieval harbour in full.
`;

describe("round-8 lead facts", () => {
  it("counts the article's first paragraph sentences as its lead", () => {
    const article = readArticle(HARBOUR);
    const lead = [...leadSentences(article)].map((i) => article.sentences[i]?.text ?? "");
    expect(lead).toHaveLength(3);
    expect(lead[1]).toMatch(/^Council leader Margaret Holloway said/);
  });

  it("blanks the lead's main person beside the article's other people", () => {
    const bank = bankOf(HARBOUR);
    const people = [
      "Margaret Holloway",
      "Daniel Fairweather",
      "Thomas Ashcroft",
      "Eleanor Whitcombe",
      "Richard Penhallow",
    ];
    // As a cloze ("Council leader ____ said …") or as which-is-true with the person swapped.
    const who = bank.find((q) => keyOf(q).includes("Margaret Holloway"));
    expect(who?.source.text).toMatch(/^Council leader Margaret Holloway said/);
    expect(who?.choices).toHaveLength(4);
    const named = (who?.choices ?? []).map((c) => people.find((p) => c.text.includes(p)));
    expect(new Set(named).size).toBe(4);
    expect(named).not.toContain(undefined);
  });

  it("does not ask who the title already names (filters.ts: a key the title spells out)", () => {
    const bank = bankOf(HARBOUR, "Margaret Holloway wins harbour vote");
    expect(bank.some((q) => keyOf(q).includes("Margaret Holloway"))).toBe(false);
  });

  it("asks a record's holder outright, beside the article's other people", () => {
    const bank = bankOf(HARBOUR);
    const record = bank.find((q) =>
      q.prompt.startsWith("According to the article, who became the first historian"),
    );
    expect(record?.prompt).toBe(
      "According to the article, who became the first historian to map the medieval harbour in full?",
    );
    expect(record && keyOf(record)).toBe("Richard Penhallow");
    expect(record?.choices).toHaveLength(4);
  });

  it("asks no record whose holder the title names", () => {
    const bank = bankOf(HARBOUR, "Historian Penhallow maps the old harbour");
    expect(bank.some((q) => q.prompt.startsWith("According to the article, who"))).toBe(false);
  });

  it("lets the main person of a news story stand in as a person key's missing rival", () => {
    const article = readArticle(HARBOUR);
    const facts = {
      index: buildEntityIndex(article.sentences, HARBOUR),
      sentences: article.sentences,
    } as unknown as ArticleFacts;
    expect(facts.index.mainSubject?.name).toBe("Margaret Holloway");
    const stem = "Engineer ____, who led the first survey, said the wall could not survive.";
    const found = ["Daniel Fairweather", "Eleanor Whitcombe"];
    expect(withMainPerson(found, "Thomas Ashcroft", stem, facts, "Harbour plan")).toEqual([
      ...found,
      "Margaret Holloway",
    ]);
    // Not where the title names them (a biography's subject), nor where the stem does.
    expect(withMainPerson(found, "Thomas Ashcroft", stem, facts, "Holloway's plan")).toEqual(found);
    expect(
      withMainPerson(found, "Thomas Ashcroft", `${stem} Holloway agreed.`, facts, "Harbour plan"),
    ).toEqual(found);
    // Three rivals already: nothing added.
    const three = [...found, "Richard Penhallow"];
    expect(withMainPerson(three, "Thomas Ashcroft", stem, facts, "Harbour plan")).toEqual(three);
  });
});
