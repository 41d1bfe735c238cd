// Round-8 grader classes handled by round 9b (questions/REVIEW.md), each pinned on made-up
// sentences of the same shape: side details (a relative's dates, a bracketed count, one day's
// tally, a range's first end) are never blanked; stems leaning on an unnamed "his"/"it" or on
// "____ weeks later" go; position numbers, catch-all nouns, famous name-frames and blanks in a
// list of well-known names go; true statements only where the article contradicts every false
// copy; the lead's who-said is asked with its role blanked.
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import {
  blankInNameList,
  catchAllBlank,
  famousFrame,
  leansOnUnnamed,
  positionNumber,
  unresolvedPronoun,
} from "../../questions/context.ts";
import { buildEntityIndex } from "../../questions/entities.ts";
import { partsOfWhole, possibleCount } from "../../questions/filters.ts";
import { generateReview, traceCandidates } from "../../questions/generate.ts";
import { sideFigure } from "../../questions/salience.ts";
import { findSpans, type Span } from "../../questions/spans.ts";
import { readArticle, type Sentence } from "../../questions/text.ts";

function bankOf(text: string): Question[] {
  return generateReview(text, { count: 20 }).bank.questions;
}

/** The sentence and its spans, as the generator reads them. */
function spansOf(sentence: string): { s: Sentence; spans: Span[] } {
  const text = `A title\n\n${sentence}`;
  const article = readArticle(text);
  const s = article.sentences[0];
  if (!s) throw new Error("no sentence");
  return { s, spans: findSpans(s, buildEntityIndex(article.sentences, text)) };
}

const fromEntity = (text: string) => {
  const article = readArticle(text);
  return buildEntityIndex(article.sentences, text);
};

const LIFE = `Olav Brekke
Olav Brekke (1871 – 1934) was a Norwegian engineer who built the first railway across the Dovre mountains.
Brekke was born in Trondheim in 1871 and studied at the technical college in Oslo from 1889.
His father, Hans Brekke, was a ship's carpenter who died in 1880 after a fall in the harbour at Bergen.
In 1901 Brekke designed the Dovre line, which the state opened to traffic in 1921 after twenty years of work.
The line crossed the mountains at 1,026 metres and cut the journey from Oslo to Trondheim to a single day.
Brekke was made director of the state railways in 1923 and received the Order of St. Olav in 1925.
He retired in 1930 and moved to Stavanger, where he wrote a history of the railways of Norway.
Brekke died in Stavanger in 1934, and a statue of him stands outside the station at Oppdal.`;

describe("round-8 grader classes: side details", () => {
  it("asks no date of a relative's sentence", () => {
    const bank = bankOf(LIFE);
    expect(bank.length).toBeGreaterThan(0);
    for (const q of bank) expect(q.prompt, q.id).not.toMatch(/ship's carpenter who died in ____/);
    const { lines } = traceCandidates(LIFE);
    expect(lines.some((l) => /1880: side detail/.test(l))).toBe(true);
  });

  it("blanks no count in brackets, one day's tally, promotion year or range start", () => {
    const cases: Array<[string, string]> = [
      ["Several members of the crew (including two stokers) refused to sail that night.", "two"],
      ["On one day the hunters proudly recorded that they had shot 300 hares on the moor.", "300"],
      ["Marsh rose within the ministry and was promoted to chief engineer in 1938.", "1938"],
      ["Cases of the fever fell from 1990 to 2010 by a third across the whole region.", "1990"],
      ["The smallest party won only 0.0042% of all the votes cast in the election.", "0.0042%"],
    ];
    for (const [sentence, key] of cases) {
      const { s, spans } = spansOf(sentence);
      const span = spans.find((x) => x.text === key);
      expect(span, sentence).toBeDefined();
      if (span) expect(sideFigure(span, s), sentence).toBe(true);
    }
    const { s, spans } = spansOf("The railway was opened to traffic in 1921 by the king.");
    const year = spans.find((x) => x.text === "1921");
    expect(year && sideFigure(year, s)).toBe(false);
  });
});

describe("round-8 grader classes: stems without their context", () => {
  const index = fromEntity(LIFE);

  it("drops a 'his' or 'it' that the stem names no one for", () => {
    expect(
      unresolvedPronoun("After ____ his main interest switched to bridges.", index, false),
    ).toBe(true);
    expect(unresolvedPronoun("____ floods in 1938 saw it put back a week.", index, false)).toBe(
      true,
    );
    expect(
      unresolvedPronoun("Instead, on ____'s advice, he took a post in Bergen.", index, true),
    ).toBe(true);
    // Named in the stem, before or after the pronoun, or the person key the stem opens with.
    expect(unresolvedPronoun("In ____ Brekke moved his office to Oslo.", index, false)).toBe(false);
    expect(
      unresolvedPronoun("At his house in ____, Mr Brekke wrote a history.", index, false),
    ).toBe(false);
    expect(unresolvedPronoun("____ turned down his medal in 1925.", index, true)).toBe(false);
  });

  it("drops '____ weeks later' and a machine the sentence before named", () => {
    const { spans } = spansOf("Three weeks later, the club picked him for the cup final.");
    const n = spans.find((x) => x.kind === "number");
    expect(n).toBeDefined();
    if (n) {
      expect(leansOnUnnamed("____ weeks later, the club picked him for the cup final.", n)).toBe(
        true,
      );
      expect(leansOnUnnamed("The club picked him for ____ finals.", n)).toBe(false);
      expect(leansOnUnnamed("The new Swiss machine was reported to reach ____ gigaflops.", n)).toBe(
        true,
      );
    }
  });

  it("keeps a closing 'he said': it tells who told the fact, not whom it is about", () => {
    expect(
      unresolvedPronoun(
        "Some ____ ships a week could use the deeper channel, he said.",
        index,
        false,
      ),
    ).toBe(false);
    expect(
      unresolvedPronoun(
        "Some ____ ships a week could use his deeper channel, he said.",
        index,
        false,
      ),
    ).toBe(true);
  });
});

describe("round-8 grader classes: idiom blanks and give-aways", () => {
  it("drops a position's number and a catch-all noun", () => {
    expect(positionNumber("The number ____ picked up the ball from the back of a ruck.")).toBe(
      true,
    );
    expect(positionNumber("The ____ players picked up the ball.")).toBe(false);
    expect(catchAllBlank("to write brochures and other ____ for the public.")).toBe(true);
    expect(catchAllBlank("to write brochures and ____ for the public.")).toBe(false);
  });

  it("drops a blank in a list of three or more names", () => {
    expect(blankInNameList("how the US, Europe and ____ can act to boost growth.")).toBe(true);
    expect(
      blankInNameList("also saw the induction of the Pretenders, ____, the O'Jays and Buddy Guy."),
    ).toBe(true);
    expect(blankInNameList("the talks between France and ____ ended in May.")).toBe(false);
  });

  it("drops famous name-frames", () => {
    const place = spansOf("He was one of eight players who died in the Lisbon air disaster.");
    const city = place.spans.find((x) => x.text === "Lisbon");
    expect(city).toBeDefined();
    if (city) {
      expect(famousFrame("one of eight players who died in the ____ air disaster.", city)).toBe(
        true,
      );
      expect(famousFrame("one of eight players who died in ____ in 1958.", city)).toBe(false);
    }
    const person = spansOf("The first televised ceremony was in 1953, with Bob Marley as the MC.");
    const who = person.spans.find((x) => x.kind === "entity" && x.cls === "person");
    expect(who).toBeDefined();
    if (who) {
      expect(
        famousFrame("The first televised ceremony was in 1953, with ____ as the MC.", who),
      ).toBe(true);
      expect(
        famousFrame("it was a different story for the Belgians and the ____ sisters.", who),
      ).toBe(true);
      expect(famousFrame("She was awarded the Presidential Medal of Freedom by ____.", who)).toBe(
        true,
      );
      expect(famousFrame("The first ceremony was in 1953, hosted in a hotel by ____.", who)).toBe(
        false,
      );
    }
  });

  it("offers no part larger than its whole", () => {
    expect(possibleCount("lost ____ of their last 14 matches", "seventeen")).toBe(false);
    expect(possibleCount("lost ____ of their last 14 matches", "nine")).toBe(true);
    expect(possibleCount("won ____ matches", "seventeen")).toBe(true);
    // The whole bounds the choices: its quarters, never the key or one off it.
    expect(partsOfWhole("____ of the twelve grafts have taken.", "Nine")).toEqual([
      "Three",
      "Six",
      "Twelve",
    ]);
    expect(partsOfWhole("lost ____ of their last 14 matches", "9")).toEqual(["4", "7", "11", "14"]);
    expect(partsOfWhole("won ____ matches", "9")).toEqual([]);
  });
});

describe("round-8 grader classes: true statements and the lead's who", () => {
  it("makes true statements only of names, never of figures", () => {
    const bank = bankOf(LIFE);
    for (const q of bank.filter((x) => x.type === "true-statement"))
      expect(q.kind, q.id).not.toMatch(/^(?:year|date|quantity|percentage|age)/);
  });

  it("offers who said the lead's words, the role blanked with the name", () => {
    const text = `Ministers back port levy
European finance ministers have backed plans to charge a levy on the largest container ships.

Irish finance minister Sean Kelly said the Dublin meeting would be remembered as "the fair shipping summit". Some 40 ports could benefit after a review by bodies including the World Bank, he said. BBC correspondent Anna Price said the ministers had made some progress but much work was needed. Oxfam senior policy adviser Tom Hale welcomed the statement and said the ministers had passed the first test.

Mr Kelly said the levy would start in April and should raise about $2bn a year for the poorest ports. Dutch finance minister Jan de Wit told the BBC that his government wanted all wealthy nations on board. Mr Kelly said a programme had been agreed to draw up more details in time for the summit in July.`;
    // The story's main person is named all through it, but in the lead who said it is the
    // story: the candidate is made (its choices are the article's other described people).
    const { lines } = traceCandidates(text);
    expect(
      lines.some((l) =>
        /cloze person "Irish finance minister Sean Kelly".*\| ____ said the Dublin meeting/.test(l),
      ),
    ).toBe(true);
    // Outside the lead the main person stays no key.
    expect(lines.some((l) => /cloze person "Mr Kelly"/.test(l))).toBe(false);
  });
});
