// Round-9 grader classes handled by round 10b (questions/REVIEW.md), each pinned on made-up
// sentences of the same shape: side details (one day's tally, an anecdote's day, "____ weeks
// later") are never asked, however short the bank; stems leaning on an earlier sentence
// ("Before then", "this phenomenon", "the ship") go; offices that name their country, a capital
// standing for the papacy, a famous event's year and a work's title beside its year are
// give-aways; "Between 1906 and 1908 he served" names the subject; the lead's who gets the
// article's other people as rivals.
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import { famousFrame, leansOnEarlier } from "../../questions/context.ts";
import { buildEntityIndex } from "../../questions/entities.ts";
import { stemGivesAway } from "../../questions/filters.ts";
import { generateReview, traceCandidates } from "../../questions/generate.ts";
import type { Span } from "../../questions/spans.ts";
import { showSentences } from "../../questions/stems.ts";
import { readArticle } from "../../questions/text.ts";
import { typeName } from "../../questions/typing.ts";

function bankOf(text: string): Question[] {
  return generateReview(text, { count: 20 }).bank.questions;
}

const keyOf = (q: Question) => q.choices.find((c) => c.id === q.answer)?.text ?? "";

const VOYAGE = `Ivar Lund
Ivar Lund (1860 – 1930) was a Norwegian zoologist who led the first survey of the seals of the White Sea.
Lund studied zoology at the university in Oslo, where he passed his final examination in 1884.
In 1885 Lund joined the sealer Freya for a voyage to the White Sea, where he counted the herds for the state.
Lund became an expert marksman, and on one day recorded that the crew had shot 300 seals.
On 14 May the ship broke free from the ice, and early in July was back in Norwegian waters.
Before then, the only survey of the herds had been made by Anders Berg in 1871.
Lund published his survey of the White Sea seals in 1889, and it led to the first hunting quotas in Norway.
He was made professor of zoology at Oslo in 1895 and was elected to the Academy of Sciences in 1901.
Between 1906 and 1908 he served as the Norwegian delegate to the fisheries council in Copenhagen.
Lund died in Bergen in 1930, and the research vessel Ivar Lund is named after him.`;

describe("round-9 grader classes: side details are never asked", () => {
  const bank = bankOf(VOYAGE);
  const trace = traceCandidates(VOYAGE).lines;

  it("asks no day's tally and no anecdote's day, even to reach the article's count", () => {
    expect(bank.length).toBeGreaterThan(0);
    for (const q of bank) {
      expect(q.prompt, q.id).not.toMatch(/shot ____ seals|On ____ the ship/);
      expect(keyOf(q), q.id).not.toBe("14 May");
    }
    expect(trace).toContain("s3 300: side detail");
    expect(trace).toContain("s4 14 May: side detail");
  });
});

describe("round-9 grader classes: stems that lean on an earlier sentence", () => {
  const never = () => false;
  it("drops 'Before then', 'At the time', 'this phenomenon' and an unnamed 'the ship'", () => {
    expect(
      leansOnEarlier("Before then, the only survey had been made by ____ in 1871.", never),
    ).toBe(true);
    expect(leansOnEarlier("At the time, ____ was the largest port in the north.", never)).toBe(
      true,
    );
    expect(
      leansOnEarlier("Outside ____, Ola Berg contemplates this phenomenon at golf.", never),
    ).toBe(true);
    expect(leansOnEarlier("On ____ the ship broke free from the ice.", never)).toBe(true);
    expect(
      leansOnEarlier(
        "Controlled by the Church, the university's role changed in the late ____.",
        never,
      ),
    ).toBe(true);
  });

  it("keeps a definite noun the stem names, and openers that point nowhere back", () => {
    const named = (noun: string) => noun === "university";
    expect(
      leansOnEarlier("In ____ the university of the city was founded by the king.", named),
    ).toBe(false);
    expect(leansOnEarlier("The ship Freya sailed from Tromsø in ____.", never)).toBe(false);
    expect(leansOnEarlier("In ____ Lund joined the sealer Freya for a voyage.", never)).toBe(false);
    expect(leansOnEarlier("The ship of the line was launched in ____.", never)).toBe(false);
  });

  it("asks nothing of the voyage article's 'Before then' sentence", () => {
    for (const q of bankOf(VOYAGE)) expect(q.prompt, q.id).not.toMatch(/^Before then/);
  });

  it("names the subject after an opening year phrase without a comma", () => {
    const article = readArticle(VOYAGE);
    const shown = showSentences(article, buildEntityIndex(article.sentences, VOYAGE));
    const between = article.sentences.find((s) => s.text.startsWith("Between 1906"));
    expect(between).toBeDefined();
    expect(shown.get(between?.index ?? -1)?.text).toMatch(/^Between 1906 and 1908 Lund served/);
  });
});

describe("round-9 grader classes: general-knowledge give-aways", () => {
  const index = buildEntityIndex(readArticle(VOYAGE).sentences, VOYAGE);
  it("an office that names its country is a give-away for the country", () => {
    const t = typeName("Britain", index);
    expect(t.kind).toBe("place");
    expect(
      stemGivesAway(
        "Ann Hale, chancellor of the exchequer, became ____'s longest serving chancellor.",
        "Britain",
        t,
        "x",
      ),
    ).toBe("give-away");
    expect(
      stemGivesAway("Ann Hale became ____'s longest serving minister.", "Britain", t, "x"),
    ).toBeUndefined();
  });

  it("a capital standing for the papacy or the seat of government is a give-away", () => {
    const rome = typeName("Rome", index);
    expect(
      stemGivesAway("The king took control of the English Church from ____.", "Rome", rome, "x"),
    ).toBe("give-away");
    const london = typeName("London", index);
    expect(
      stemGivesAway("The princess was moved closer to ____ for her safety.", "London", london, "x"),
    ).toBe("give-away");
    expect(
      stemGivesAway("The princess was born in ____ in 1575.", "London", london, "x"),
    ).toBeUndefined();
  });

  it("a famous event's year and a work's title beside its year are give-aways", () => {
    const year = { kind: "year" } as const;
    expect(
      stemGivesAway(
        "Few jobs were open in ____, as money went to fields in the wake of the Manhattan Project.",
        "1945",
        year,
        "x",
      ),
    ).toBe("give-away");
    expect(
      stemGivesAway(
        "Few jobs were open in ____, as money went to other fields.",
        "1945",
        year,
        "x",
      ),
    ).toBeUndefined();
    const span = { kind: "entity", cls: "place" } as unknown as Span;
    expect(famousFrame("Actors who failed to win included Ann Vale in ____ (1944).", span)).toBe(
      true,
    );
    expect(famousFrame("Actors who failed to win included Ann Vale in ____.", span)).toBe(false);
  });
});

describe("round-9 grader classes: the lead's who is asked", () => {
  const GALA = `Hall of Fame gala
Singer Tom Reyes has inducted the rock band Northline into the Hall of Fame, in Chicago.
The ceremony also saw the induction of the Weavers and of Ada Moss.
Introducing the band, Reyes joked about the singer's long coat.
Later, Ben Ortiz introduced Ada Moss, citing her best-known hit.
Kim Laine introduced the Weavers, a quartet from Ohio, who performed a medley.
Joining the ceremony were veteran star Lou Grant, who performed with Sam Price.
Northline begin a world tour in March, their first in six years.`;

  it("blanks the lead's singer with the article's other people as rivals", () => {
    const q = bankOf(GALA).find((x) => keyOf(x) === "Tom Reyes");
    expect(q, "the lead's who").toBeDefined();
    const others = (q?.choices ?? []).map((c) => c.text).filter((t) => t !== "Tom Reyes");
    expect(others.length).toBeGreaterThanOrEqual(2);
    for (const o of others) expect(GALA).toContain(o);
  });
});
