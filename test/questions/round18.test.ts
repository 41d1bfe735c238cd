// Round 18 (issue 11): what round 17's graders still gave away or dropped, and choices the
// engine could not yet make, checked from outside: a subject's upbringing fixes their people;
// a continent as a market; a name the article only quotes; a sex told by the next sentence's
// "She"; shares too near and over 100%; a city framed in its nation; universities and waters
// beside their own kind; the country a war is known by.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import { leansOnSentenceBefore } from "../../questions/frames.ts";
import { cityNamed } from "../../questions/gazetteer.ts";
import { generateReview } from "../../questions/generate.ts";
import { OCEAN_CURRENTS, SEAS, TERM_CLASSES } from "../../questions/lexicon.ts";
import { sharedReviewDir } from "../../questions/node/review-set.ts";
import { bankOf, keyOf } from "./review-bank.ts";
import { filler } from "./rules.ts";

const rivalsOf = (q: Question) => q.choices.filter((c) => c.id !== q.answer).map((c) => c.text);

function questions(text: string): Question[] {
  return generateReview(text, { count: 20 }).bank.questions;
}

function withKey(bank: Question[], key: string): Question | undefined {
  return bank.find((q) => q.type === "cloze" && keyOf(q) === key);
}

describe("round 18: the stem's own facts bound the rivals", () => {
  it("a subject who grew up in England stands only beside people the article makes English", () => {
    // Round 17 asked "Clapton … as a teenager in England" beside three Americans.
    const text = `Hall of fame night\n\nSinger Dan Cole inducted the band at the ceremony in New York. English singer Tom Reed played two songs with them. Singer Lee Pryor closed the night. English drummer Ian Cope and English guitarist Rob Hale joined them. Harry Ames, alongside Cope, also introduced fellow guitarist Sam Tuck and recalled seeing him play as a teenager in England. ${filler} Ames later joined Cole, Reed, Hale and Pryor on stage for the last song.`;
    const bank = questions(text);
    expect(bank.length).toBeGreaterThan(0);
    const q = withKey(bank, "Harry Ames");
    for (const r of q ? rivalsOf(q) : [])
      expect(["Tom Reed", "Ian Cope", "Rob Hale"], r).toContain(r);
  });

  it("a continent as a market: no Africa or Oceania, and the firm's own continents may stand", () => {
    // (A continent is asked only where the article sets others against it.)
    const text = `Carmaker's new boss\n\nThe Japanese carmaker Kanto Motors has named a new chief executive. Mr Oda ran its operations across Asia and Australasia, where sales rose by a third, and built its new plant in Europe. ${filler} In his new job, Mr Oda will devote 40% of his time to Kanto Motors and the rest to the group's activities in North America and other key markets. Kanto Motors aims to sell four million cars by 2008.`;
    const q = withKey(questions(text), "North America");
    expect(q, "the market is asked").toBeDefined();
    const rivals = rivalsOf(q as Question);
    for (const small of ["Africa", "Oceania", "Australia", "Antarctica"])
      expect(rivals).not.toContain(small);
    expect(rivals.length).toBe(3);
  });

  it("a name the article only quotes is no rival", () => {
    const text = `Rock hall\n\nSinger Dan Cole inducted the band at the ceremony in New York. Singer Lee Pryor introduced the soul group. "We're paying tribute to James Pell and Pete Farr, without whom we would not be here," said Pryor. Joining the ceremony were legendary star Bo Danner, who performed with Ray Stone and Carl Mott. ${filler} Stone and Mott played on into the night, and Cole and Pryor sang the last song together.`;
    for (const q of questions(text))
      for (const quoted of ["James Pell", "Pete Farr", "Pell", "Farr"])
        expect(rivalsOf(q), q.id).not.toContain(quoted);
  });

  it("a 'She' that opens the next sentence tells the sex of the player named before it", () => {
    const text = `A year in tennis\n\nCarl Berger won the title in Paris, beating Jonas Holm in the final. Andy Roddale was the only player to put up any real resistance at the championships, where he lost to Berger. Paul Henning lost to Holm in the semi-finals. Tim Ruddock reached the quarter-finals in New York before losing to Henning. Kim Varda had an even more miserable year. She suffered a serious wrist injury and missed the autumn. ${filler} Berger ends the year as world number one, ahead of Holm and Henning.`;
    const bank = questions(text);
    const men = bank.filter((q) =>
      /^(?:Carl Berger|Jonas Holm|Andy Roddale|Paul Henning|Tim Ruddock)$/.test(keyOf(q)),
    );
    expect(men.length, "the men's draw is asked").toBeGreaterThan(0);
    for (const q of men) expect(rivalsOf(q), q.id).not.toContain("Kim Varda");
  });
});

describe("round 18: numbers a reader weighs", () => {
  it("a rise over 100% may have rivals over 100%, never below nothing", () => {
    const text = `An ageing nation\n\n${filler} The government must plan for a 130% rise in the number of people over 65 by 2050. The pension fund is expected to run dry by 2030.`;
    const q = withKey(questions(text), "130%");
    expect(q, "the rise is asked").toBeDefined();
    const values = rivalsOf(q as Question).map((r) => Number.parseFloat(r));
    expect(values.every((n) => n > 0)).toBe(true);
    expect(
      values.some((n) => n > 100),
      values.join(),
    ).toBe(true);
  });
});

describe("round 18: rivals of the key's own kind", () => {
  it("a city the stem sets in Scotland stands beside Scottish cities only", () => {
    const text = `The economist Alan Baird\n\nAlan Baird was born in Glasgow on 20 February 1951, the son of a Church of Scotland minister in the small Fife town of Kirkcaldy. ${filler} Baird later moved to London, where he worked for a bank until 1990, and became one of Britain's best-known economists.`;
    const q = withKey(questions(text), "Glasgow");
    expect(q, "the birthplace is asked").toBeDefined();
    for (const r of rivalsOf(q as Question)) expect(cityNamed(r)?.admin, r).toBe("SCT");
  });

  it("a university named for its city stands beside those of the nation's other cities", () => {
    const text = `The economist Alan Baird\n\nAlan Baird grew up in Fife. Baird achieved a first class degree in history from Edinburgh University, where he went on to complete a PhD. ${filler} Baird later moved to London, where he worked for a bank until 1990.`;
    const q = withKey(questions(text), "Edinburgh University");
    expect(q, "the university is asked").toBeDefined();
    for (const r of rivalsOf(q as Question)) {
      const city = cityNamed(r.replace(/ University$/, ""));
      expect(city?.admin, r).toBe("SCT");
    }
  });

  it("Nansen: a sea beside the seas of its own waters, a current beside currents", () => {
    const bank = bankOf("13-fridtjof-nansen");
    const sea = withKey(bank, "White Sea");
    expect(sea, "the sea is asked").toBeDefined();
    const arctic = new Set(SEAS.arctic);
    const named = (r: string) => arctic.has(r) || /\b(?:Sea|Bay)$/.test(r);
    for (const r of rivalsOf(sea as Question)) expect(named(r), r).toBe(true);
    const current = withKey(bank, "Gulf Stream");
    expect(current, "the current is asked").toBeDefined();
    // North Atlantic currents only, and never the Gulf Stream's own continuation.
    const atlantic = new Set(OCEAN_CURRENTS.northAtlantic);
    for (const r of rivalsOf(current as Question)) {
      expect(atlantic.has(r), r).toBe(true);
      expect(["North Atlantic Drift", "Norwegian Current"]).not.toContain(r);
    }
  });

  it("the country a war is known by is not asked", () => {
    const text = `The premier\n\n${filler} The war in Iraq and reforms of the health service have provoked dissent from backbenchers. Mr Hale came to power in 1997 at the age of 43.`;
    for (const q of questions(text)) expect(q.prompt, q.id).not.toMatch(/\bwar in ____/i);
  });
});

describe("round 18, part 3: what round 18's own grader found", () => {
  it("'legendary R&B star ____' stands only beside people the article sets in R&B", () => {
    const text = `Hall of fame night\n\nRock singer Dan Cole inducted the band at the ceremony in New York. Rock singer Lee Pryor closed the night. Rock guitarist Joe Marsh joined them. Joining the ceremony were legendary R&B star Bo Danner and soul singer Ray Stone. ${filler} Cole, Pryor and Marsh sang the last song together.`;
    const q = withKey(questions(text), "Bo Danner");
    for (const r of q ? rivalsOf(q) : [])
      expect(
        ["Cole", "Pryor", "Marsh"].some((n) => r.includes(n)),
        r,
      ).toBe(false);
  });

  // 06 is a BBC text, read from ../shared and never committed: the test says so and skips.
  const blair = path.join(sharedReviewDir, "06-blair-labours-longest-serving-pm.txt");
  it.skipIf(!existsSync(blair))(
    "06: no day 'born to a serving prime minister' before the article has him take office (1997)",
    () => {
      for (const q of generateReview(readFileSync(blair, "utf8")).bank.questions) {
        if (!/\bserving prime minister\b/.test(q.prompt)) continue;
        for (const r of rivalsOf(q))
          expect(Number(/\d{4}/.exec(r)?.[0]), r).toBeGreaterThanOrEqual(1997);
      }
    },
  );

  it("a sentence whose 'his' is no one it names as a subject is not asked", () => {
    const text = `A year in tennis\n\nCarl Berger won three titles in one season, beating Jonas Holm in the final in Paris. ${filler} The only major let-down was a third-round loss to Paul Henning at the Open in Madrid, and Rome will be his main target next year. Tim Ruddock reached the final in New York before losing to Holm.`;
    const bank = questions(text);
    expect(bank.length).toBeGreaterThan(0);
    for (const q of bank)
      expect(q.prompt + q.choices.map((c) => c.text).join(" "), q.id).not.toMatch(
        /his main target/,
      );
  });

  it("'The last …' after 'the first … in more than 150 years' (2000): a year before 1850, one rival past it", () => {
    const text = `The long premiership\n\n${filler} In 1997, Mr Hale became the youngest premier of the century. And the birth of the Hales' fourth child, Tom, on 20 May, 2000, was the first child born to a serving prime minister in more than 150 years. The last "Downing Street dad" was Lord Peter Ash in 1848. Mr Hale won a second term in 2001.`;
    const q = withKey(questions(text), "1848");
    expect(q, "the year is asked").toBeDefined();
    const years = rivalsOf(q as Question).map(Number);
    // Two rivals only a reader of the year itself rules out, one the "150 years" rules out.
    expect(years.filter((y) => y < 1850).length, years.join()).toBe(2);
    expect(years.filter((y) => y > 1850).length, years.join()).toBe(1);
  });

  it("an organ beside organs, a medicine beside medicines", () => {
    const text = `A tropical fever\n\n${filler} The fever is spread by the bite of an infected fly. The parasites travel to the liver where they mature and reproduce. Years of work have shown that resistance to quinine has become a problem in some parts of the coast. The second medication may be either mefloquine, lumefantrine, or doxycycline.`;
    const bank = questions(text);
    const organ = withKey(bank, "liver");
    expect(organ, "the organ is asked").toBeDefined();
    const organs = new Set(TERM_CLASSES.organ);
    for (const r of rivalsOf(organ as Question)) expect(organs.has(r), r).toBe(true);
    const medicines = new Set(TERM_CLASSES.medicine);
    const asked = bank.filter((q) => medicines.has(keyOf(q)));
    expect(asked.length, "a medicine is asked").toBeGreaterThan(0);
    for (const q of asked) for (const r of rivalsOf(q)) expect(medicines.has(r), r).toBe(true);
  });

  it("'The second medication may be …' leans on the sentence before: not asked", () => {
    expect(
      leansOnSentenceBefore("The second medication may be either mefloquine or quinine."),
    ).toBe(true);
    expect(leansOnSentenceBefore("The second-largest city is Bergen.")).toBe(false);
    const text = `A tropical fever\n\n${filler} The recommended treatment is a combination of two medications. The second medication may be either mefloquine, lumefantrine, or doxycycline. The parasites travel to the liver where they mature and reproduce. In 2016, there were 216 million cases of the fever worldwide.`;
    for (const q of questions(text)) expect(q.prompt, q.id).not.toMatch(/The second medication/);
  });
});
