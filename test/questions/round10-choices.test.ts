// Round-10a choice rules (issue 11), each pinned on made-up sentences: a city key keeps the frame
// its sentence sets (a named UK nation or province: the key's own division; a national league:
// the key's country; a harbour: only the article's places), a film title, a landmark's city and
// the home side's venue ask nothing, a tropical article has no temperate continent, no body
// founded after the article's present, the article's timeline bounds dates, an election's
// rivals are the article's years, a per-day count stays within the day, a stated nationality
// binds person rivals, and a once-seen near-spelling of a name is a typo.
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import {
  countCeiling,
  dayBounds,
  dayOfYear,
  electionStem,
  nationalityFrame,
  nearField,
  noContestYear,
  ownerRole,
} from "../../questions/choice-rules.ts";
import { cityNamed } from "../../questions/gazetteer.ts";
import { generateReview } from "../../questions/generate.ts";
import { ORGANISATION_FOUNDED } from "../../questions/lexicon.ts";
import { placeFrame } from "../../questions/place-frames.ts";
import { editDistance, rarerSpelling } from "../../questions/spelling.ts";
import type { AnswerType } from "../../questions/typing.ts";

function bankOf(text: string): Question[] {
  return generateReview(text, { count: 20 }).bank.questions;
}

function keyOf(q: Question): string {
  return q.choices.find((c) => c.id === q.answer)?.text ?? "";
}

function rivals(q: Question): string[] {
  return q.choices.filter((c) => c.id !== q.answer).map((c) => c.text);
}

const city = (code: string): AnswerType => ({ kind: "place", level: "city", country: code });
const none: { text: string }[] = [];

describe("a city key's frame (place-frames.ts)", () => {
  it("a named UK nation keeps every rival in the key's nation", () => {
    const frame = placeFrame(
      city("GB"),
      "Glasgow",
      "The minister was born in ",
      " in 1950, the son of a Church of Scotland elder.",
      none,
    );
    expect(frame.none).toBe(false);
    expect(frame.fits("Edinburgh")).toBe(true);
    expect(frame.fits("Aberdeen")).toBe(true);
    expect(frame.fits("Birmingham")).toBe(false);
    expect(frame.fits("Bristol")).toBe(false);
    // A place the data cannot place in Scotland is no rival either.
    expect(frame.fits("Kirkmoor")).toBe(false);
  });

  it("a named province keeps rivals in the key's first-level division", () => {
    expect(cityNamed("Malmö")?.admin).toBe(cityNamed("Helsingborg")?.admin);
    const frame = placeFrame(
      city("SE"),
      "Malmö",
      "The port is linked by ferry to the Swedish province of Scania and its largest city, ",
      ".",
      none,
    );
    expect(frame.fits("Helsingborg")).toBe(true);
    expect(frame.fits("Västerås")).toBe(false);
    expect(frame.fits("Stockholm")).toBe(false);
  });

  it("a national league keeps rivals in the key's country and nation", () => {
    const frame = placeFrame(
      city("GB"),
      "Blackpool",
      "The club won the Football League by four points from ",
      ".",
      none,
    );
    expect(frame.fits("Burnley")).toBe(true);
    expect(frame.fits("Edinburgh")).toBe(false);
    expect(frame.fits("Dublin")).toBe(false);
  });

  it("the home side's venue, a film's title and a landmark's city ask nothing", () => {
    expect(placeFrame(city("GB"), "Cardiff", "the decider against Wales in ", ".", none).none).toBe(
      true,
    );
    expect(
      placeFrame(city("MA"), "Casablanca", "Humphrey Bogart in ", " (1944) and others.", none).none,
    ).toBe(true);
    expect(
      placeFrame(city("US"), "New York", "a copy of ", "'s Statue of Liberty.", none).none,
    ).toBe(true);
    // The same city in a plain frame is asked.
    expect(placeFrame(city("MA"), "Casablanca", "The firm moved to ", " in 1990.", none).none).toBe(
      false,
    );
  });

  it("a harbour frame leaves only the article's own places", () => {
    const frame = placeFrame(
      city("JP"),
      "Tokyo",
      "Standing next to ",
      " harbour is a statue.",
      none,
    );
    expect(frame.gazetteer).toBe(false);
    expect(placeFrame(city("JP"), "Tokyo", "the port of ", ".", none).gazetteer).toBe(false);
    expect(placeFrame(city("JP"), "Tokyo", "He moved to ", " in 1990.", none).gazetteer).toBe(true);
  });

  it("a tropical article has no temperate continent", () => {
    const continent: AnswerType = { kind: "place", level: "continent" };
    const tropical = [{ text: "The fever is common across the tropics." }];
    const frame = placeFrame(continent, "Africa", "Most cases were in ", ".", tropical);
    expect(frame.fits("Europe")).toBe(false);
    expect(frame.fits("Asia")).toBe(true);
    expect(placeFrame(continent, "Africa", "Most cases were in ", ".", none).fits("Europe")).toBe(
      true,
    );
  });
});

describe("bodies, counts and elections (lexicon.ts, choice-rules.ts)", () => {
  it("every listed body has a founding year, the newer ones after older articles", () => {
    expect(ORGANISATION_FOUNDED.get("Financial Stability Board")).toBeGreaterThan(2005);
    expect(ORGANISATION_FOUNDED.get("International Monetary Fund")).toBeLessThan(1950);
  });

  it("'N hours a day' and 'N days a week' stay within the day and the week", () => {
    expect(countCeiling(" a day, six days a week", "18 hours")).toBe(24);
    expect(countCeiling(" a week", "six days")).toBe(7);
    expect(countCeiling(" a day", "18 miles")).toBeUndefined();
  });

  it("an election or a landslide is an election stem, a championship is not", () => {
    expect(electionStem("During the ____ election campaign")).toBe(true);
    expect(electionStem("after the ____ Labour landslide")).toBe(true);
    expect(electionStem("their first Grand Slam since ____")).toBe(false);
  });
});

describe("wartime years and laboratories (choice-rules.ts)", () => {
  it("no championship year falls in a world war", () => {
    expect(noContestYear(1945)).toBe(true);
    expect(noContestYear(1916)).toBe(true);
    expect(noContestYear(1948)).toBe(false);
    expect(noContestYear(1936)).toBe(false);
  });

  it("the owner of a laboratory is a scientist", () => {
    expect(ownerRole("'s laboratory, where she worked with rats")).toBe("academic");
    expect(ownerRole("'s research group in 1932")).toBe("academic");
    expect(ownerRole("'s house in the country")).toBeUndefined();
  });
});

describe("near fields (choice-rules.ts)", () => {
  it("a field and its branch are no rivals of each other", () => {
    expect(nearField("zoology", "biology")).toBe(true);
    expect(nearField("Biology", "botany")).toBe(true);
    expect(nearField("zoology", "botany")).toBe(true);
    expect(nearField("chemistry", "biology")).toBe(false);
    expect(nearField("history", "biology")).toBe(false);
  });
});

describe("spelling (spelling.ts)", () => {
  it("a once-seen surname two edits from a name seen more is a typo", () => {
    const names = new Map([
      ["Fernando Gonzalez", 3],
      ["Fernando Gonzaelz", 1],
      ["August Forel", 2],
      ["Augustin Gamel", 1],
    ]);
    expect(editDistance("gonzaelz", "gonzalez")).toBe(2);
    expect(rarerSpelling("Fernando Gonzaelz", 1, names)).toBe(true);
    expect(rarerSpelling("Fernando Gonzalez", 3, names)).toBe(false);
    // A name that starts another ("August", "Augustin") is two names, not a typo.
    expect(rarerSpelling("Augustin Gamel", 1, names)).toBe(false);
  });
});

const PROFILE = `Profile: a minister's long road

Alasdair Munro was born in Glasgow on 3 March 1951, the son of a Church of Scotland minister in the small town of Kirkmoor.
He studied history at the University of Edinburgh, where he became the youngest rector in its history.
Munro first stood for parliament in 1979 but lost to the sitting member by a narrow margin.
He was elected for a seat in Dundee in 1983 and kept it at every election after.
Munro's rival for the leadership, Colin Baird, grew up in Aberdeen and trained as a lawyer.
In the 1997 election campaign Munro was said to have worked 18 hours a day, six days a week.
Baird later moved to London, and their rivalry became the talk of Westminster for a decade.
`;

describe("timelines and nationalities (choice-rules.ts)", () => {
  it("a date of a fixed year stays between the article's neighbouring dates of that year", () => {
    const letter = { year: 1701, month: 3, day: 26 };
    const dates = [
      { year: 1701, month: 6, day: 24 },
      { year: 1701, month: 6, day: 23 },
      { year: 1701, month: 1, day: 5 },
      { year: 1702, month: 2, day: 1 },
      letter,
    ];
    const [lo, hi] = dayBounds(letter, dates);
    expect(lo).toBe(dayOfYear(1, 5));
    expect(hi).toBe(dayOfYear(6, 23));
    expect(dayOfYear(11, 23)).toBeGreaterThan(hi);
    expect(dayOfYear(5, 2)).toBeLessThan(hi);
  });

  it("'compatriot ____', 'British number two ____' and 'the first Russian woman' fix a nationality", () => {
    expect(nationalityFrame("Olsen beat compatriot ", " in the final.")).toBe("compatriot");
    expect(nationalityFrame("", " became the first Russian woman to win the title.")).toBe(
      "Russian",
    );
    expect(nationalityFrame("British number two ", " endured a long year.")).toBe("British");
    // A team's place name is a side, not a nationality the rule reads.
    expect(nationalityFrame("England fly-half ", " kicked two goals.")).toBeUndefined();
    expect(nationalityFrame("The coach said ", " had played well.")).toBeUndefined();
  });
});

describe("the rules in generated banks", () => {
  it("the hours of a working day stay within the day", () => {
    const hours = bankOf(PROFILE).find((q) => keyOf(q) === "18 hours");
    expect(hours, "the 18-hours question").toBeDefined();
    for (const r of rivals(hours as Question))
      expect(Number.parseInt(r, 10)).toBeLessThanOrEqual(24);
  });
});
