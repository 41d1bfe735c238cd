// Round-6 grader classes (questions/REVIEW.md), each pinned on made-up sentences of the same
// shape: no stem whose "At about the same time", "The word" or opening-phrase "it" the sentence
// before holds; no simile's figure; no span or range end a reader gets by arithmetic; no year of
// "next season"; no year or decade key whose choices all fall on one side of it; no city of an
// envoy's own country beside the post abroad; "The plot" of an article on a plot is the topic.
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import {
  envoyOf,
  leansOnSentenceBefore,
  managersSide,
  nextSeason,
  oneSided,
  partyBefore,
  rangeEnd,
  simileBlank,
  spanByArithmetic,
  stockPartner,
} from "../../questions/frames.ts";
import { generateReview } from "../../questions/generate.ts";
import { readArticle } from "../../questions/text.ts";
import { showTopic, topicNoun } from "../../questions/topic.ts";

function bankOf(text: string): Question[] {
  return generateReview(text, { count: 20 }).bank.questions;
}

function keyOf(q: Question): string {
  return q.choices.find((c) => c.id === q.answer)?.text ?? "";
}

function promptWith(bank: readonly Question[], words: string): Question | undefined {
  return bank.find(
    (q) => q.prompt.includes(words) || q.choices.some((c) => c.text.includes(words)),
  );
}

describe("round-6 grader classes", () => {
  it("asks no stem whose time, word or 'it' is the sentence before's", () => {
    const text = `The Marsh Plot
The Marsh Plot of 1721 was a failed attempt by a group of Kentish smugglers to seize the port of Dover.
Its leader, Samuel Hart, hoped to sell the town's stores to merchants in Calais and in Antwerp.
At about the same time, Lord Ashby, Henry Vane, Edward Kemp and John Lowther planned a rising in Norwich.
The word "marshman" was first used in a Norwich newspaper in 1723 to describe the smugglers.
Beginning in the 18th century it grew into a legend told across the whole of southern England.
The government of Robert Walpole sent troops to Dover in 1721 and arrested Samuel Hart in March 1722.
Hart was tried in London in 1722 and hanged at Tyburn with four of his men in 1723.`;
    const bank = bankOf(text);
    expect(bank.length).toBeGreaterThan(0);
    for (const q of bank) {
      const seen = [q.prompt, ...q.choices.map((c) => c.text)].join(" | ");
      expect(seen, q.id).not.toMatch(/At about the same time|The word "marshman"|it grew into/);
    }
    expect(leansOnSentenceBefore("At about the same time, Lord Ashby planned a rising.")).toBe(
      true,
    );
    expect(leansOnSentenceBefore("The word will now appear in the 2005 edition.")).toBe(true);
    expect(leansOnSentenceBefore("Beginning in the 15th century it consolidated its hold.")).toBe(
      true,
    );
    expect(leansOnSentenceBefore("In later life he settled in Bergen, becoming its mayor.")).toBe(
      true,
    );
    expect(managersSide("'s men have now lost nine of their last 14 matches.")).toBe(true);
    expect(managersSide(" and his men lost.")).toBe(false);
    expect(leansOnSentenceBefore("The word of the year was chosen by a dictionary.")).toBe(false);
    expect(leansOnSentenceBefore("In 1921 the league appointed him its commissioner.")).toBe(false);
  });

  it("blanks no simile's figure, no range end and no span the stem's own year answers", () => {
    expect(simileBlank("where he would live like ")).toBe(true);
    expect(simileBlank("players such as ")).toBe(false);
    expect(rangeEnd("pens at prices between three and ")).toBe(true);
    expect(rangeEnd("between the river and ")).toBe(false);
    expect(nextSeason(2005, 2004)).toBe(true);
    expect(nextSeason(2004, 2004)).toBe(false);
    expect(nextSeason(2005, undefined)).toBe(false);
    expect(
      spanByArithmetic("They last won in 1985, but 20 years on they lead.", "years", " on"),
    ).toBe(true);
    expect(spanByArithmetic("The dam took 20 years to build.", "years", " to build.")).toBe(false);
    const text = `Riverton Rovers top the league
Riverton Rovers beat Kingsley Athletic 3-1 on Saturday to go top of the Northern League in 2006.
Rovers last won the title in 1986, but 20 years on they lead the table on maximum points.
Striker Tom Becker scored twice and has scored 14 goals in the league in 2006.
In the summer the squad lived like Robinson Crusoe on a small island off the coast of Wales.
The club sold its season tickets at prices between 120 and 300 pounds this summer.
The cup will be the main target of the club in 2007.
Kingsley Athletic, who won the league in 1994 under Alan Shaw, are ninth in 2006.
Goalkeeper Mark Dean and defender Ian Cole both signed new contracts with Rovers in June.
Rovers meet Fenwick Town at the Marsh Ground next Saturday and Harlow United a week later.`;
    const bank = bankOf(text);
    expect(bank.length).toBeGreaterThan(0);
    for (const q of bank) {
      const key = keyOf(q);
      expect(key, q.prompt).not.toBe("20 years");
      expect(key, q.prompt).not.toBe("Robinson Crusoe");
      expect(key, q.prompt).not.toBe("300");
      expect(key, q.prompt).not.toBe("2007");
    }
  });

  it("blanks no name of a pair every reader completes", () => {
    expect(stockPartner("Hiroshima", "after the bombings of ", " and Nagasaki")).toBe(true);
    expect(stockPartner("China", "the rising economies of ", " and India, the budget")).toBe(true);
    expect(stockPartner("India", "the economies of China and ", ".")).toBe(true);
    expect(stockPartner("Brazil", "the economies of China and ", ".")).toBe(false);
    const text = `Rising economies
Finance ministers from seven rich nations met in Leeds on Saturday to discuss trade and debt.
Talks centred on the rising economies of China and India and on the trade deficits of the US.
The meeting was chaired by Tom Hale, the finance minister of Canada, for the second year.
Ministers from Brazil, Mexico and South Africa joined the talks on the second day in Leeds.
Mr Hale said that the next meeting would be held in Ottawa in the spring of next year.
The ministers agreed to cancel the debts of 18 poor countries, most of them in Africa.`;
    for (const q of bankOf(text)) expect(keyOf(q), q.prompt).not.toMatch(/^(?:China|India)$/);
  });

  it("sets beside a party's man only people the article gives that party", () => {
    expect(partyBefore("was beaten by the present Tory spokesman on foreign affairs, ")).toBe(
      "Conservative",
    );
    expect(partyBefore("a spat sparked by Blairite ")).toBe("Labour");
    expect(partyBefore("was beaten in 1979 by ")).toBeUndefined();
    const text = `Profile: Ian Ross
Ian Ross has become the longest-serving Labour chancellor of modern times, overtaking Hugh Dale.
Ross was born in Leeds in 1951, the son of a teacher, and studied history at Hull.
His first attempt to enter Parliament, for York, was thwarted by the present Tory spokesman on defence, Peter Lamb.
Ross became shadow chancellor under Labour leader Alan Webb in 1992 and chancellor in 1997.
Labour minister Sarah Kemp ran the party's campaign in 2001 with Labour MP Tom Ford.
Conservative leader Peter Lamb said in 2003 that Ross had taxed the middle classes too hard.
Tory MP John Pike and Conservative MP Mark Hale both lost their seats in 1997 to Labour.`;
    const bank = bankOf(text);
    for (const q of bank) {
      if (!/Tory spokesman on defence, ____/.test(q.prompt)) continue;
      for (const c of q.choices)
        expect(c.text).not.toMatch(/Alan Webb|Sarah Kemp|Tom Ford|Hugh Dale|Ian Ross/);
    }
  });

  it("puts year choices on both sides of the key, or does not blank the year", () => {
    expect(oneSided(1948, [1940, 1937, 1943])).toBe(true);
    expect(oneSided(1948, [1940, 1951, 1943])).toBe(false);
    const text = `Mary Holt
Mary Holt (1907 – 1964) was an American marine biologist and writer from Ohio.
Holt joined the Fisheries Office in 1936 as a junior biologist writing radio scripts.
By 1948, Holt was working on material for a second book about the tides of the Atlantic.
Holt became chief editor of the office's publications in 1949 and left the office in 1952.
Her book The Tides of Maine was published in 1951 and won a national award for science writing.
Holt moved to a house on the coast of Maine, where she wrote her last book, in 1953.
Holt died of cancer at her home in Silver Lake in 1964, two years after her last book.`;
    const bank = bankOf(text);
    expect(bank.length).toBeGreaterThan(0);
    for (const q of bank) {
      const key = Number(keyOf(q));
      if (!/^\d{4}$/.test(keyOf(q))) continue;
      const others = q.choices.filter((c) => c.id !== q.answer).map((c) => Number(c.text));
      expect({ prompt: q.prompt, key, others }).toSatisfy(
        () => others.some((o) => o < key) && others.some((o) => o > key),
      );
    }
    // "By 1948": a later year is true too, and an earlier one puts the key last.
    for (const q of bank) expect(q.prompt, q.id).not.toMatch(/^By ____/);
  });

  it("sets no city of an envoy's own country beside a post abroad", () => {
    expect(envoyOf("he served as the Norwegian representative in ")).toBe("Norwegian");
    expect(envoyOf("he served in ")).toBeUndefined();
    const text = `Ole Brandt
Ole Brandt (1861 – 1930) was a Norwegian explorer, scientist and diplomat from Bergen.
Brandt crossed the Greenland ice cap in 1888 with five companions from Norway and Lapland.
Between 1906 and 1908 he served as the Norwegian representative in London, where he helped negotiate a treaty.
Brandt later worked in Geneva for the League of Nations as its commissioner for refugees in 1921.
Brandt sailed from Oslo to Paris in 1910 and spoke in Stockholm, Copenhagen and Berlin in 1911.
Brandt gave lectures in Trondheim, Stavanger and Bergen in 1912 before sailing for New York.
Brandt died at his home near Oslo in 1930 and was buried in the garden there.`;
    const bank = bankOf(text);
    for (const q of bank) {
      if (!q.prompt.includes("Norwegian representative in ____")) continue;
      for (const c of q.choices) expect(c.text).not.toMatch(/Oslo|Bergen|Stavanger|Trondheim/);
    }
  });

  it("reads 'The plot' of an article on a plot as the topic, and asks it", () => {
    const text = `source: made-up article 'Marsh Plot' for a test
Marsh Plot

The Marsh Plot of 1721 was a failed attempt by a group of Kentish smugglers led by Samuel Hart to seize the port of Dover.

Hart's fellow plotters were Edward Kemp, John Lowther, Henry Vane and Thomas Reed, all from Kent.

The plot was revealed to the authorities in a letter sent to John Fane, the mayor of Dover, on 2 May 1721.

Troops sent by Robert Walpole arrested Hart at an inn in Deal and took him to London for his trial.

Hart was tried in London in 1722 and hanged at Tyburn with four of his men in 1723.`;
    const article = readArticle(text);
    const topic = topicNoun(article, "Marsh Plot");
    expect(topic).toEqual({ noun: "plot", name: "The Marsh Plot", fromLead: false });
    if (!topic) return;
    expect(
      showTopic("The plot was revealed in a letter.", "Kemp was a plotter.", topic)?.text,
    ).toBe("The Marsh Plot was revealed in a letter.");
    // After a sentence naming another plot, "The plot" may be that one.
    expect(showTopic("The plot failed.", "Others hatched the Bye Plot.", topic)).toBeUndefined();
    const bank = bankOf(text);
    const letter = promptWith(bank, "revealed to the authorities");
    expect(letter, bank.map((q) => q.prompt).join("\n")).toBeDefined();
    const shown = [letter?.prompt ?? "", ...(letter?.choices ?? []).map((c) => c.text)];
    expect(shown.join("\n")).toMatch(/^The Marsh Plot was revealed/m);
    expect(shown.join("\n")).not.toMatch(/^The plot was revealed/m);
    // A lead's "X is a … disease" names the topic's class noun.
    const disease = readArticle(`Marsh fever
Marsh fever is a rare infectious disease that affects sheep and cattle in wet pastures of the north.
It is caused by a parasite of the Fasciola group that lives in small snails.
The disease is most commonly spread by water from ponds that the snails live in.`);
    const fever = topicNoun(disease, "Marsh fever");
    expect(fever).toEqual({ noun: "disease", name: "Marsh fever", fromLead: true });
  });
});
