// Round-3 grader classes (questions/REVIEW.md), each pinned on made-up sentences of the same
// shape: a rival of the key's role and side, of the key's sex where the stem says it and of the
// key's era; no product name, likeness or company as a person; no continent that holds the
// sentence's own country; no micro-state beside a country of standing; no group membership a
// reader knows without the article; four choices unless the kind has no more.
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import { buildEntityIndex } from "../../questions/entities.ts";
import { citiesOf, countryNamed } from "../../questions/gazetteer.ts";
import { generateBank, generateReview } from "../../questions/generate.ts";
import { reviewArticles } from "../../questions/node/review-set.ts";
import { readArticle } from "../../questions/text.ts";
import { view } from "./rules.ts";

const rugby = `England 17-24 Ireland
Ireland beat England 24-17 at Lansfield Park on Saturday to stay on course for the title.
A second-half try from Ireland captain Liam Docherty kept Ireland on track for their first title since 1951.
England fly-half Tom Averill kicked three penalties in the first half, and England were level at the break.
England wing Sam Pardoe was the catalyst for England's most promising attack before the interval.
England centre Dan Fulwell ran hard at the Irish defence all afternoon.
England lock Ben Carrow won every line-out on his own throw in the first half.
England scrum-half Joe Pimm replaced the injured starter early in the second half.
England coach Peter Marsh said his side had given away too many penalties.
Ireland coach Owen Brady praised the patience of his forwards after the final whistle.
Ireland next face Scotland at Lansfield Park in two weeks' time before the title decider.`;

const tennis = `Koval ends the season as world number one
Anna Koval won the Northern Open on Sunday, beating Sofia Brandt in straight sets in the final.
Koval took her third title of the year and will start next season as the world number one.
Kim Laine lost her opening match in the first round and ended her year early with a wrist injury.
Robin Marsh won his first title at the Northern Open after a long fight with his serve.
Andy Keller reached his second final of the year but lost to Marsh in four sets.
Sofia Brandt has now lost her last three finals, all of them to players ranked above her.
Koval became the first woman from Finland to finish a season as the world number one.
Before the final, Koval beat Maria Santos in a semi-final that lasted three hours.
Elena Vass reached her first final at the Madrid Open in May but lost it to Koval.
Lucy Grant won her home title in Leeds in June, the best week of her career so far.
Jo Harper retired from the sport after her defeat in the second round in Paris.`;

const profile = `Profile: Mary Fenwick
Mary Fenwick became chancellor of the exchequer in 1997 and has held the post ever since.
Last June she overtook Arthur Pembleton, who served as chancellor between 1908 and 1915.
Her first attempt to enter parliament, in 1979, was thwarted by the Tory candidate Michael Astley.
In 1983 she won the seat of Northfield, and in 1987 she joined the shadow cabinet.
Fenwick became shadow chancellor under John Garrow's leadership in 1992.
After Garrow died in 1994, she stood aside for Tony Brennan, who led the party to victory in 1997.
A fresh quarrel began in 2001 when Brennan brought in Blairite Alan Shaw to run the election campaign.
Pembleton, a Liberal, had introduced the first old-age pensions in 1908.`;

const pens = `The history of the ballpoint pen
The ballpoint pen was patented by the inventor Laszlo Marek on 15 June 1938 in Britain.
In 1941 Marek and his partner Juan Rivas fled Germany and moved to Argentina, where they built a factory.
In 1945 the American businessman Milton Harwell copied the design and sold it as the "Harwell Comet".
The "Harwell Comet" was sold at Gimbels in New York for $12.50 each and became a great success.
The Lindqvist Pen Co bought the rights to sell the pens in Canada in 1947.
In France, the businessman Marcel Bichon improved the design and sold the pens cheaply from 1950.
As a boy, Marek would spend whole summers in the woods, living like Robinson Crusoe for weeks.
By the late 1950s the pens were sold in every country of Europe.`;

const ageing = `Japan's ageing workforce
Japan's population is expected to peak at 127 million in 2007 and then to shrink.
In Japan, as in Europe which also faces a workforce decline, immigration is a very sensitive subject.
The government is considering financial rewards for couples similar to those in operation in Australia.
The International Monetary Fund expects the cost of pensions in Japan to double by 2025.
Tokyo and Osaka have the oldest populations of any cities in the industrialised world.
Companies such as Toyota now employ workers well into their seventies.`;

const groups = `Finance ministers back debt relief
The UK has made poverty a key theme of its presidency of the Group of Eight (G8), which comprises the G7 and Russia.
The ministers met in London on Saturday and agreed to cancel the debts of 37 countries.
In their absence, Anna Koval beat Olga Petrova in a historic, all-Russian final at the Northern Open.
The meeting was chaired by the UK chancellor, Mary Fenwick, who called it a historic summit.
Next year's meeting will be held in Scotland, at a hotel near Perth.`;

const outlook = `The Harrow Dam project
Work on the Harrow Dam began in 2003, when the regional government signed the contract with the builders.
The first turbine was switched on in 2004 and the reservoir filled faster than the engineers had planned.
The dam is due to be completed in 2009, when all six turbines will be running at full power.
The regional government aims to double the water supply to more than four million people by 2015.
Harrow Dam lies around 27 miles (43 kilometres) northwest of the Town Hall Square in the city of Rowan.
Two years later, the engineers opened a second spillway to the south of the dam wall.
The chief engineer studied at the Rowan Institute from 1975 to 1979 and then worked in Chile.
In 2004, there were 216 accidents on the building site, most of them minor.
The Marsh Water Company, which owns 40% of the Danish firm that supplied the turbines, is based in Rowan.
The idea of a dam on the river has existed since the late 19th century, when the first surveys were made.
The first surveys of the valley were made in the 1880s, and the river was mapped in the 1920s.
A 30% rise in America's demand for power led the US government to fund a similar dam in Colorado.`;

function choices(q: Question): string[] {
  return q.choices.map((c) => c.text);
}

function personQuestions(text: string): Question[] {
  const { bank, notes } = generateReview(text, { count: 20 });
  return bank.questions.filter((_, i) => notes[i]?.keyType === "person");
}

describe("round-3 grader classes", () => {
  it("sets a player beside players of the same side, never the coach or the other captain", () => {
    const people = personQuestions(rugby);
    const england = ["Tom Averill", "Sam Pardoe", "Dan Fulwell", "Ben Carrow", "Joe Pimm"];
    const asked = people.filter((q) => england.includes(view(q)?.key ?? ""));
    expect(asked.length).toBeGreaterThan(0);
    for (const q of asked)
      for (const c of choices(q))
        expect(["Liam Docherty", "Peter Marsh", "Owen Brady"], `${q.id}: ${c}`).not.toContain(c);
  });

  it("gives a stem that says 'her' only women, whatever their first names leave open", () => {
    const people = personQuestions(tennis);
    const hers = people.filter((q) => /\b(?:her|she|woman)\b/i.test(view(q)?.stem ?? ""));
    expect(hers.length).toBeGreaterThan(0);
    for (const q of hers)
      for (const c of choices(q))
        expect(["Robin Marsh", "Andy Keller", "Marsh", "Keller"], `${q.id}: ${c}`).not.toContain(c);
  });

  it("keeps people the article dates decades apart from standing in for each other", () => {
    const people = personQuestions(profile);
    const modern = people.filter((q) => /\b(?:19[7-9]\d|20\d\d)\b/.test(view(q)?.stem ?? ""));
    expect(modern.length).toBeGreaterThan(0);
    for (const q of modern) expect(choices(q).join("|"), q.id).not.toMatch(/Pembleton/);
  });

  it("reads 'Blairite Alan Shaw' as the person Alan Shaw", () => {
    const article = readArticle(profile);
    const index = buildEntityIndex(article.sentences, profile);
    expect(index.byAlias.get("alan shaw")?.cls).toBe("person");
    expect(index.byAlias.has("blairite alan shaw")).toBe(false);
  });

  it("never offers a quoted product, a likeness or a company as a person", () => {
    const all = generateBank(pens, { count: 20 }).questions.flatMap(choices);
    expect(all.length).toBeGreaterThan(8);
    const people = personQuestions(pens).flatMap(choices);
    expect(people.filter((c) => /Comet|Crusoe|\bCo$|Pen Co/.test(c))).toEqual([]);
    expect(all.filter((c) => /Robinson Crusoe|Harwell Comet/.test(c))).toEqual([]);
  });

  it("never sets beside the key the continent that holds the sentence's own country", () => {
    const bank = generateBank(ageing, { count: 20 });
    // Since round 6 a continent is asked only where the article sets two others against it
    // (this one names Europe alone): the question goes rather than take Asia or any filler.
    const asked = bank.questions.filter((q) => /as in ____ which/.test(view(q)?.stem ?? ""));
    expect(asked.length).toBe(0);
    for (const q of bank.questions) expect(choices(q)).not.toContain("Asia");
  });

  it("never sets a micro-state beside a country of standing", () => {
    const bank = generateBank(ageing, { count: 20 });
    const countries = bank.questions
      .flatMap(choices)
      .map((c) => countryNamed(c))
      .filter((c) => c !== undefined);
    expect(countries.map((c) => c.name)).toContain("Australia");
    // Nauru and the Solomon Islands: no city of 100,000 people (only their capitals are listed).
    const micro = countries.filter((c) => (citiesOf(c.code)[0]?.population ?? 0) < 100_000);
    expect(micro.map((c) => c.name)).toEqual([]);
    // Nor the country the article is set in ("rewards like those in operation in Japan").
    expect(countries.map((c) => c.name)).not.toContain("Japan");
  });

  it("asks no group membership a reader knows without the article", () => {
    const stems = generateBank(groups, { count: 20 }).questions.map((q) => view(q)?.stem ?? "");
    expect(stems.length).toBeGreaterThan(1);
    expect(stems.filter((s) => /comprises the G7 and ____|____ beat Olga Petrova/.test(s))).toEqual(
      [],
    );
  });

  describe("years, centuries and stems", () => {
    const bank = generateBank(outlook, { count: 20 });
    const views = bank.questions.map((q) => ({ q, v: view(q) }));
    it("makes a bank to check", () => {
      expect(bank.questions.length).toBeGreaterThanOrEqual(5);
    });
    it("keeps an aim's year a few years off it, never in the past or a decade past it", () => {
      const aims = views.filter(({ v }) =>
        /\b(?:due to be completed|aims to)\b/.test(v?.stem ?? ""),
      );
      expect(aims.length).toBeGreaterThan(0);
      for (const { q, v } of aims) {
        const key = Number(v?.key);
        for (const d of v?.distractors ?? []) {
          expect(Number(d), q.id).toBeGreaterThanOrEqual(Math.max(2005, key - 4));
          expect(Number(d), q.id).toBeLessThanOrEqual(key + 12);
        }
      }
    });
    it("sets a century beside its near neighbours, a decade beside decades", () => {
      for (const { q, v } of views) {
        if (/\bcentury$/.test(v?.key ?? ""))
          for (const d of v?.distractors ?? [])
            expect(Math.abs(Number.parseInt(d, 10) - 19), `${q.id}: ${d}`).toBeLessThanOrEqual(2);
        if (/^\d{3}0s$/.test(v?.key ?? ""))
          expect(
            (v?.distractors ?? []).filter((d) => /00s$/.test(d)),
            q.id,
          ).toEqual([]);
      }
    });
    it("asks no range end, no statistic's year, no distance's reference point, no stem that leans back", () => {
      const bad = views.filter(({ v }) =>
        /from 1975 to ____|^In ____, there were|northwest of the ____|^Two years later|____ firm|____'s demand/.test(
          v?.stem ?? "",
        ),
      );
      expect(bad.map(({ q, v }) => `${q.id}: ${v?.stem}`)).toEqual([]);
    });
  });

  it("gives four choices unless the key's kind has no more (the UK's nations, defined terms)", () => {
    const texts = [
      rugby,
      tennis,
      profile,
      pens,
      ageing,
      outlook,
      ...reviewArticles().map((a) => a.text),
    ];
    const short: string[] = [];
    let questions = 0;
    for (const text of texts) {
      const { bank, notes } = generateReview(text);
      bank.questions.forEach((q, i) => {
        questions++;
        const type = notes[i]?.keyType ?? "";
        if (q.choices.length < 4 && type !== "place:region" && type !== "term")
          short.push(`${q.id} ${type}`);
      });
    }
    expect(questions).toBeGreaterThan(40);
    expect(short).toEqual([]);
  });
});
