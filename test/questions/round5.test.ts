// Round-4 grader classes (questions/REVIEW.md), each pinned on made-up sentences of the same
// shape: no borough or district as a city, no venue as a person, no sea beside a current, no
// closed state as a country's rival, who-said-what questions from the article's own people, the
// UK's nations only where the stem sets one against another, no people standing for a player,
// no firm as a person, no team-mate beside the manager, counts of millions within reach of the
// key, a bridge beside bridges, no year a world war answers, "World War I" no first person.
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import { numberDistractors } from "../../questions/distractors.ts";
import { buildEntityIndex } from "../../questions/entities.ts";
import { citiesOf, cityNamed } from "../../questions/gazetteer.ts";
import { generateBank, generateReview } from "../../questions/generate.ts";
import { randomFor } from "../../questions/random.ts";
import { findSpans } from "../../questions/spans.ts";
import { readArticle } from "../../questions/text.ts";
import { fits, typeName, typeSpan } from "../../questions/typing.ts";
import { view } from "./rules.ts";

function choices(q: Question): string[] {
  return q.choices.map((c) => c.text);
}

function bankOf(text: string) {
  const { bank, notes } = generateReview(text, { count: 20 });
  return bank.questions.map((q, i) => ({ q, v: view(q), keyType: notes[i]?.keyType ?? "" }));
}

const summit = `Ministers back debt relief plan
Finance ministers have backed plans to write off the debts of some of the world's poorest countries.
Harbour chancellor Mary Fenwick said the meeting in Rowan would be remembered as the debt relief summit.
Eastland correspondent Paul Ridley said the ministers now had to show how the plan would work in practice.
Riverside Finance Minister Tom Okafor told the radio programme that one approach was needed from all the wealthy nations.
Charity adviser Lena Marsh welcomed the statement and said the ministers had passed the first hurdle.
Northland Treasury official John Carver said the Northland government could not support the facility.
The ministers met for two days at a hotel on the coast and agreed to meet again in the spring.
The summit will be held at Gleneagles in Scotland next summer, when the leaders themselves will attend.
Talks also centred on the rising car sales of China and India, and on the trade deficits of the richest nations.`;

const sport = `Keller ends his season early
Andy Keller beat Tom Brandt in the final of the Northern Open on Sunday to win his third title of the year.
Keller lost his opening match at the Lakeside Open to Mario Costa in the first round, his worst defeat of the year.
Roland Garros will be his main target next year, after a loss to Pablo Ruiz there in May.
The Swiss sounded warning of the dominance to come when he won the Coastal Open in January.
Keller was stationed at the army camp near Dunmore along with team-mate Ben Rowe, but was allowed leave to play.
Keller's manager, Frank Dale, said the season had been the best of his career so far.
Team-mate Sam Bright and team-mate Joe Pimm both played in the final match of the season at Dunmore.
His team-mate Dan Fulwell missed the final with a knee injury picked up in training in November.
The English Schools XI played their first match against the team from Wales at Wembley Stadium in April.`;

describe("round-4 grader classes", () => {
  it("offers no borough or district as a city", () => {
    for (const name of ["Queens", "Manhattan", "Brooklyn", "Islington", "Hollywood", "Kreuzberg"])
      expect(cityNamed(name), name).toBeUndefined();
    const us = citiesOf("US").map((c) => c.name);
    expect(us).toContain("Los Angeles");
    expect(us).not.toContain("Queens");
  });

  it("reads a venue named after a person as a place", () => {
    expect(typeName("Roland Garros").kind).toBe("place");
    const people = bankOf(sport).filter((x) => x.keyType === "person");
    for (const { q } of people) expect(choices(q), q.id).not.toContain("Roland Garros");
  });

  it("sets a current only beside currents, a sea beside seas", () => {
    const current = typeName("Gulf Stream");
    expect(current.unit).toBe("current");
    expect(fits(current, typeName("White Sea"))).toBe(false);
    expect(fits(current, typeName("Labrador Current"))).toBe(true);
    expect(fits(typeName("White Sea"), typeName("Disko Bay"))).toBe(true);
    const arctic = `The Arctic voyage
The ship sailed from the White Sea in June and reached Disko Bay in August after a long voyage.
The crew crossed the Arctic Ocean twice before the ice closed in around the ship in the autumn.
His readings also demonstrated that the Gulf Stream flows beneath a cold layer of surface water.
The Labrador Current carried the drifting ice south along the coast for many weeks that winter.
In 1893 the Norwegian explorer Fridtjof Hansen sailed north, and Otto Sverdrup took command of the ship.
The captain kept a careful log of the depth of the water and the temperature of the sea each day.
The expedition returned to the port of Bergen in the spring of 1896 after three years in the ice.`;
    for (const { q, v } of bankOf(arctic))
      if (v?.key === "Gulf Stream")
        expect(
          choices(q).filter((c) => /Sea|Bay|Ocean/.test(c)),
          q.id,
        ).toEqual([]);
  });

  it("never sets a closed state beside a country the article names for its trade", () => {
    const all = bankOf(summit).flatMap(({ q }) => choices(q).concat(q.prompt));
    expect(all.join("|")).not.toMatch(/North Korea/);
  });

  it("asks who said what, with the article's other people as it describes them", () => {
    const asked = bankOf(summit).filter(({ v }) =>
      /^____ (?:said|told|welcomed)/.test(v?.stem ?? ""),
    );
    expect(asked.length).toBeGreaterThanOrEqual(2);
    const described = [
      "Harbour chancellor Mary Fenwick",
      "Eastland correspondent Paul Ridley",
      "Riverside Finance Minister Tom Okafor",
      "Charity adviser Lena Marsh",
      "Northland Treasury official John Carver",
    ];
    for (const { q, v } of asked) {
      expect(choices(q).length, q.id).toBe(4);
      for (const c of choices(q)) expect(described, `${q.id}: ${c}`).toContain(c);
      // "the Northland government could not support": a Northland official gives himself away.
      expect(v?.key, q.id).not.toMatch(/Northland/);
    }
  });

  it("asks the UK's nations only where the stem sets one against another", () => {
    const views = bankOf(summit).concat(bankOf(sport));
    const nations = views.filter((x) => x.keyType === "place:region");
    expect(nations.length).toBe(1);
    for (const { q, v } of nations) {
      expect(v?.stem, q.id).toMatch(/English/);
      expect(choices(q), q.id).not.toContain("England");
    }
    expect(views.filter(({ v }) => /Gleneagles in ____/.test(v?.stem ?? ""))).toEqual([]);
  });

  it("asks no nationality that stands for a player the stem never names", () => {
    const stems = bankOf(sport).map(({ v }) => v?.stem ?? "");
    expect(stems.length).toBeGreaterThan(2);
    expect(stems.filter((s) => /^The ____ sounded/.test(s))).toEqual([]);
  });

  it("sets a team-mate only beside team-mates, never the manager", () => {
    const asked = bankOf(sport).filter(({ v }) => /team-mate ____/.test(v?.stem ?? ""));
    expect(asked.length).toBe(1);
    for (const { q } of asked) {
      expect(choices(q), q.id).not.toContain("Frank Dale");
      expect(choices(q).length, q.id).toBe(4);
    }
  });

  it("never takes a firm the article names for a person", () => {
    const pens = `The ballpoint pen in Britain
In 1945 the inventor Laszlo Marek sold the rights to his pens to Harold Lunn in London.
In Britain, the Miles Martin pen company was producing the first successful pens by the end of 1945.
The American businessman Milton Harwell copied the design in 1945 and sold it in New York.
Parker Pens launched its first ballpoint in 1954, and Harold Lunn retired from the trade in 1960.
Marcel Bichon improved the design in France and sold the pens cheaply from 1950.
The inventor Laszlo Marek died in Buenos Aires in 1985, long after his patent had run out.`;
    const people = generateReview(pens, { count: 20 });
    const named = people.bank.questions
      .filter((_, i) => people.notes[i]?.keyType === "person")
      .flatMap(choices);
    expect(named.filter((c) => /Miles Martin|Parker Pens/.test(c))).toEqual([]);
  });

  it("keeps a count of millions within three times the key", () => {
    const text = `The airport
Serving roughly two million passengers a month, the airport is the busiest in the north.
The airport opened in 1925 on the site of an old farm.`;
    const article = readArticle(text);
    const sentence = article.sentences.find((s) => s.text.startsWith("Serving"));
    if (!sentence) throw new Error("no sentence");
    const index = buildEntityIndex(article.sentences, text);
    const span = findSpans(sentence, index).find((s) => s.kind === "number");
    if (span?.kind !== "number") throw new Error("no number span");
    const facts = {
      index,
      sentences: article.sentences,
      normSentences: article.sentences.map((s) => s.text.toLowerCase()),
      contentWords: article.sentences.map(() => new Set<string>()),
    } as unknown as Parameters<typeof numberDistractors>[2];
    const keyType = typeSpan(span, sentence.text, index);
    expect(keyType.unit).toBe("million");
    const ds = numberDistractors(span, sentence, facts, randomFor("x", "y"), keyType);
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) expect(d).not.toMatch(/\b(?:seven|eight|nine|ten|twelve)\b/);
  });

  it("sets a bridge beside bridges, or asks nothing", () => {
    const river = `The River Wend
The river flows past the town of Harrowgate and under the Kellow Bridge to the sea at Marton.
Kellow Castle stands above the river, and the Sentinel Works once stood on its south bank.
Wend Park was laid out on the river's flood plain in 1930, when the old mills were pulled down.
The Harrow Bridge was opened in 1971 and carries the main road over the river at Marton.
The river was dredged in the 1880s so that larger ships could reach the quays at Harrowgate.
Salmon returned to the river in the 1990s after the last of the old factories had closed down.
The Dunmore Bridge and the Marton Bridge were both built of stone in the 18th century.`;
    const bridges = bankOf(river).filter(({ v }) => v?.key === "Kellow Bridge");
    for (const { q } of bridges) for (const c of choices(q)) expect(c, q.id).toMatch(/Bridge$/);
  });

  it("asks no year a world war answers, and reads 'World War I' as no first person", () => {
    const ships = `Shipbuilding on the Wend
Wend shipbuilding reached its peak in the years just before World War I, when 370 ships were completed in 1913.
The first shipyard on the river was founded at Marton in 1712 by the Scott family of shipbuilders.
The last of the big shipyards closed in 1986, and the river is now lined with flats and offices.
By 1850 the river had been deepened so that ocean-going ships could reach the town of Harrowgate.
The engineer Thomas Reid designed the first dry dock on the river, which opened at Marton in 1858.
Over 25,000 ships were built on the river between the founding of the first yard and the last closure.`;
    const views = bankOf(ships);
    expect(views.filter(({ v }) => /World War I/.test(v?.stem ?? "") && v?.key === "1913")).toEqual(
      [],
    );
    const stems = generateBank(ships, { count: 20 }).questions.map((q) => q.source.text);
    expect(stems.some((s) => /World War I/.test(s))).toBe(true);
  });
});
