// Round-5 grader classes (questions/REVIEW.md), each pinned on made-up sentences of the same
// shape: no continent without rivals the article sets against it, year distractors bounded by
// the article's own anchors (a founding, a first event, a birth, a death, "by ____"), no year a
// stated duration answers, lenders beside lenders, no stem whose
// "it" or "the Briton" the sentence before holds, no month without its year, no gas in a stock
// phrase, no "divided into two".
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import { buildEntityIndex } from "../../questions/entities.ts";
import { generateReview } from "../../questions/generate.ts";
import {
  durationAnswers,
  earliestPlausible,
  latestPlausible,
  type YearFacts,
} from "../../questions/inference.ts";
import { ORGANISATION_ROLES } from "../../questions/lexicon.ts";
import { findSpans } from "../../questions/spans.ts";
import { showSentences } from "../../questions/stems.ts";
import { readArticle, type Sentence } from "../../questions/text.ts";
import { view } from "./rules.ts";

function bankOf(text: string) {
  const { bank, notes } = generateReview(text, { count: 20 });
  return bank.questions.map((q, i) => ({ q, v: view(q), keyType: notes[i]?.keyType ?? "" }));
}

function choices(q: Question): string[] {
  return q.choices.map((c) => c.text);
}

/** The article's sentences and spans, as the year stage reads them. */
function yearFacts(text: string, life?: { born: number; died: number }): YearFacts {
  const article = readArticle(text);
  const index = buildEntityIndex(article.sentences, text);
  return {
    sentences: article.sentences,
    spans: article.sentences.map((s) => findSpans(s, index)),
    ...(life ? { life } : {}),
  };
}

function sentenceWith(facts: YearFacts, words: string): Sentence {
  const s = facts.sentences.find((x) => x.text.includes(words));
  if (!s) throw new Error(`no sentence with "${words}"`);
  return s;
}

const guild = `The film guild and its medals
The Northern Film Guild was set up in 1931 as a society of cameramen and editors in Leeds.
The first Guild Medals were handed out in 1934 at a small dinner in a hotel near the station.
Writer Anna Pike refused her Guild Medal in 1949 because the editors' union was on strike.
The Harbour Theatre opened in 1962 and has held the dinner every spring since that year.
Tom Reed became president of the society in 1970 after the death of Paul Grant in 1968.
Under Paul Grant's leadership in 1955 the society moved its offices to a larger building.
By 1958, the society had over two hundred members from all the studios of the region.`;

describe("round-5 grader classes", () => {
  it("blanks no continent the article sets no other continents against", () => {
    const single = `Carmaker names new chief
The carmaker has named a lifetime employee, Ken Aoki, to run its operations from next spring.
Mr Aoki will run the firm on a daily basis, while the chairman, Lars Berg, keeps his seat.
In his new job Mr Berg will devote half his time to the group's activities in Africa and other markets.
The firm plans to launch 28 new models by 2008 and to raise its sales by a fifth in that time.
Mr Berg reduced the firm's overheads by 20% and cut its workforce after taking charge in 1999.
The firm turned a large loss in 2000 into a profit of 331bn yen the following year.`;
    const keys = bankOf(single).map(({ v }) => v?.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).not.toContain("Africa");
    for (const { q } of bankOf(single))
      expect(choices(q).join("|"), q.id).not.toMatch(/Oceania|Europe|Asia/);
  });

  it("bounds a year by a founding or a first event the article dates before it", () => {
    const facts = yearFacts(guild);
    // "refused her Guild Medal in ____": after the first medals (1934), not before the guild.
    expect(earliestPlausible(1949, sentenceWith(facts, "refused"), facts)).toBe(1935);
    // "The first Guild Medals were handed out in ____": after the guild was set up.
    expect(earliestPlausible(1934, sentenceWith(facts, "first Guild"), facts)).toBe(1932);
    // A sentence naming nothing the anchors name is not bound by them.
    expect(earliestPlausible(1962, sentenceWith(facts, "Harbour Theatre"), facts)).toBe(-Infinity);
    const { bank } = generateReview(guild, { count: 20 });
    const medal = bank.questions.find((q) => view(q)?.key === "1949");
    expect(medal, "the refusal's year is asked").toBeDefined();
    for (const d of view(medal as Question)?.distractors ?? [])
      expect(Number(d), d).toBeGreaterThan(1934);
  });

  it("sets no adult's act in the childhood of a biography's subject", () => {
    const life = `Jack Hollis
Jack Hollis (1 May 1936 – 6 February 1958) was an English footballer who played for Dunmore.
Hollis signed for the club as an amateur on 2 June 1952 after a scout saw him play at school.
He made his first-team debut in 1953 against a side from the north and kept his place.
Hollis won his first cap for England in 1955 and played in every match of that season.
He died in 1958, weeks after a crash on the way home from a match abroad.`;
    const facts = yearFacts(life, { born: 1936, died: 1958 });
    expect(earliestPlausible(1952, sentenceWith(facts, "amateur"), facts)).toBeGreaterThanOrEqual(
      1950,
    );
    // A child's own year ("started school in 1942") is bound by nothing but the birth.
    expect(earliestPlausible(1942, sentenceWith(facts, "amateur"), facts)).toBe(-Infinity);
  });

  it("bounds a person's acts by the death the article dates", () => {
    const facts = yearFacts(guild);
    expect(latestPlausible(1955, sentenceWith(facts, "leadership"), facts)).toBe(1968);
    expect(latestPlausible(1949, sentenceWith(facts, "refused"), facts)).toBe(Infinity);
  });

  it("asks no past 'by ____' year, whose choices could only fall before it", () => {
    // Round 6 kept its distractors before the key; round 7 (round7.test.ts) found the key then
    // always the latest choice, and no longer blanks it.
    const { bank } = generateReview(guild, { count: 20 });
    expect(bank.questions.length).toBeGreaterThan(0);
    const by = bank.questions.find((q) => view(q)?.key === "1958");
    expect(by, "the 'by 1958' year is asked").toBeUndefined();
  });

  it("asks no year that a duration in the stem and another year give by arithmetic", () => {
    const text = `The long premiership
Mr Hale came to power in 1997 at the age of 43, the youngest premier of the century.
If he serves a full third term, he will pass Mrs Dunn's 11 years by the end of 2008.
Ireland last won the title in 1985, but 20 years on they share top spot in the table.
The party won a second landslide in 2001 and a third, smaller victory in 2005.`;
    const facts = yearFacts(text);
    expect(durationAnswers(2008, sentenceWith(facts, "11 years"), facts)).toBe(true);
    expect(durationAnswers(1985, sentenceWith(facts, "20 years on"), facts)).toBe(true);
    expect(durationAnswers(2001, sentenceWith(facts, "landslide"), facts)).toBe(false);
  });

  it("sets a lender only beside lenders, not a health body or a military alliance", () => {
    const lenders = `Forecasts for the ageing economy
The International Monetary Fund predicts that the cost of running the welfare state will double as the birth rate falls.
The finance ministry expects the number of workers to fall by a fifth in the next twenty years.
Economists at the central bank in Osaka said the forecast was too gloomy for the coming decade.
The government is considering rewards for couples who have a second or third child.
Factories in the north have begun to hire workers in their seventies to keep their lines running.
The retirement age will rise from 60 to 65 over the next ten years under a law passed in 2004.`;
    const imf = bankOf(lenders).find(({ v }) => v?.key === "International Monetary Fund");
    expect(imf, "the forecaster is asked").toBeDefined();
    for (const d of imf?.v?.distractors ?? [])
      expect(["finance", undefined], d).toContain(ORGANISATION_ROLES.get(d));
  });

  it("drops stems whose 'it', 'the Briton' or month the sentence before holds", () => {
    const text = `Finance ministers agree debt deal
Finance ministers from seven rich nations agreed on Saturday to cancel the debts of poor countries.
Harbour chancellor Mary Fenwick said while it was an agreement in principle, the banks now had to act.
Tim Hollis of Britain lost in the final to Ivan Petrov of Russia in three sets in London.
The final was disappointing for the limp manner of the Briton's defeat in the third set.
In March, Paul Ridley won his first cap for Wales against the side from Ireland in Cardiff.
The ministers will meet again at Gleneagles in Scotland in July of next year to sign the deal.
Northland Treasury official John Carver said the Northland government could not support the facility.`;
    const stems = bankOf(text).map(({ v }) => v?.stem ?? "");
    expect(stems.length).toBeGreaterThan(0);
    for (const stem of stems) {
      expect(stem).not.toMatch(/said while it/);
      expect(stem).not.toMatch(/the Briton/);
      expect(stem).not.toMatch(/^In March,/);
    }
  });

  it("blanks no gas in a stock phrase and no 'divided into two'", () => {
    const text = `The river's channels
A particular problem was the division of the river into two shallow channels by a sandbank.
A significant issue of oxygen depletion in the water has occurred at the mouth of the river.
The water also holds nitrogen and chlorine from the farms and the works upstream of the town.
In 1768, John Golborne advised the narrowing of the river by the building of rubble jetties.
Engineers took on a much greater dredging of the river in 1850, removing millions of tons of silt.
The work was finished in 1886 after the removal of a great rock from the bed of the channel.`;
    const keys = bankOf(text).map(({ v }) => v?.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).not.toContain("two");
    expect(keys).not.toContain("oxygen");
  });

  it("reads an opening phrase's 'he' as the subject past a title no person bears", () => {
    const text = `Profile: Gordon Blake
Gordon Blake is the longest-serving chancellor of modern times and prepares his ninth budget.
Mr Blake dominates the political scene like few chancellors before him, and his rivals know it.
Gordon Blake was born in Glasgow in 1951, the son of a Church of Scotland Minister in Fife.
At 12, he was canvassing for Labour and by his 20s he was a leading activist in Scotland.
He achieved a first class degree in history from Edinburgh University in 1972.
He became shadow chancellor in 1992, and chancellor when Labour won the election in 1997.
Blake has been chancellor ever since, and Mr Blake's budgets are known for their length.
Blake married in 2000, and Blake's supporters say he will one day lead the party.`;
    const article = readArticle(text);
    const shown = showSentences(article, buildEntityIndex(article.sentences, text));
    const at12 = article.sentences.find((s) => s.text.startsWith("At 12"));
    expect(shown.get(at12?.index ?? -1)?.text).toMatch(/^At 12, Blake was canvassing/);
  });
});
