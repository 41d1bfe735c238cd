// Round-9a choice rules (questions/choice-rules.ts, issue 11), each pinned on made-up sentences:
// a count "N of M" stays within M, an edition's ordinal rivals are about ten apart, percentages
// stand clearly apart from the key and a four-place one is set against shares of other
// scales, a fixture's opponent comes from the article's own sides, a city's gazetteer rivals are
// its country's biggest cities, a cycle year's rivals are the article's years, a player's rivals
// share the sex of the opponents the sentence names.
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import {
  countCeiling,
  fixtureBefore,
  hairPercent,
  namesGroup,
  opponentGender,
  percentApart,
  scaledPercents,
} from "../../questions/choice-rules.ts";
import { citiesOf } from "../../questions/gazetteer.ts";
import { generateReview } from "../../questions/generate.ts";
import { parseNumberWord } from "../../questions/lexicon.ts";

function bankOf(text: string): Question[] {
  return generateReview(text, { count: 20 }).bank.questions;
}

function keyOf(q: Question): string {
  return q.choices.find((c) => c.id === q.answer)?.text ?? "";
}

function withKey(bank: readonly Question[], key: string): Question[] {
  return bank.filter((q) => keyOf(q) === key || q.choices.some((c) => c.text.includes(key)));
}

const FESTIVAL = `The Harbour Film Festival

The 43rd annual Harbour Film Festival opened on Friday in the port town of Wexmoor, with forty films from twelve countries competing for the main prize.
The festival was founded in 1981 by the critic Alma Reyes and the producer Tomas Brandt, who wanted a showcase for films made outside the big studios.
Ticket sales rose by 8% this year, the organisers said, while the number of volunteers fell slightly.
The jury is led by the director Hanna Solberg, who won the festival's main prize in 1999 with her debut feature.
Solberg said the jury had watched every film twice and would announce its choice on Sunday evening.
The town's mayor, Peter Quill, said the festival brought more than 30,000 visitors to Wexmoor every year.
Local hotels reported that rooms had been fully booked for weeks before the opening night.
Last year's winner, the drama Salt Roads, went on to be shown in more than 200 cinemas across Europe.
Critics have praised this year's programme for its range, from short documentaries to a four-hour historical epic.
Reyes, now 78, attended the opening ceremony and was given a standing ovation by the audience.
`;

const FIXTURE = `Harland beat Ostmark in a tense league match

Harland kept their title hopes alive with a 21-17 win over Ostmark at Kingsgate Park on Saturday.
The hosts trailed at half-time but two late tries turned the game in their favour.
Harland next face Norway at Kingsgate Park in two weeks' time before a final match against Denmark away from home.
Ostmark, who beat Denmark in their opening game, now need a win against Norway to stay in contention.
The Harland captain, Lewis Marsh, said his side had shown great character in the second half.
Ostmark have now lost ten of their last 12 matches since the spring, and their coach Peter Vance admitted his players had tired badly.
The crowd of 40,000 was the largest at the ground for more than a decade.
`;

const POTTER = `A potter's quiet life

Keiko Arai was born in Sendai, Japan, in 1941, the daughter of a rice merchant and a schoolteacher.
She began making pots as a girl and later studied ceramics at a college in the mountains.
In 1968 she opened her first workshop, and within ten years her bowls were sold across the country.
Her work is known for its pale glazes and for shapes taken from river stones.
Arai won the national crafts prize in 1979, the first woman to do so.
She has taught more than 300 students, many of whom now run workshops of their own.
At 82 she still works at her wheel every morning before breakfast.
`;

const CAREER = `The long career of Anna Berg

Anna Berg entered parliament in 1986 after a narrow win in her home district.
She became party leader in 1991, when her predecessor retired after a long illness.
During the 1994 election campaign, Berg is said to have visited every town in the region at least once.
Her party won a clear majority in that vote and she became prime minister at the age of 47.
In 2002 she stepped down, saying she wanted to spend more time with her family.
Berg has since written two books about her years in government.
`;

describe("round-9a choice rules", () => {
  it("keeps a count of 'N of M' within M", () => {
    expect(countCeiling(" of their last 14 matches")).toBe(14);
    expect(countCeiling(" out of the twelve seats")).toBe(12);
    expect(countCeiling(" matches in a row")).toBeUndefined();
  });

  it("sets a small percentage half again or a third below, a larger one a quarter away", () => {
    expect(percentApart(8, 10)).toBe(false);
    expect(percentApart(8, 6)).toBe(false);
    expect(percentApart(8, 12)).toBe(true);
    expect(percentApart(8, 3)).toBe(true);
    expect(percentApart(44, 40)).toBe(false);
    expect(percentApart(44, 33)).toBe(true);
  });

  it("reads a percentage given to three places or more as a matter of scale", () => {
    expect(hairPercent(4)).toBe(true);
    expect(hairPercent(1)).toBe(false);
  });

  it("reads a fixture's opponent and a named group from the stem", () => {
    expect(fixtureBefore("Harland next face ")).toBe(true);
    expect(fixtureBefore("The side are still to meet ")).toBe(true);
    expect(fixtureBefore("Ticket sales rose in ")).toBe(false);
    expect(namesGroup("the opening round of the Northern Cup")).toBe(true);
    expect(namesGroup("sales rose in the north")).toBe(false);
  });

  it("gives an edition's ordinal rivals about ten apart, never two", () => {
    const q = withKey(bankOf(FESTIVAL), "43rd")[0];
    expect(q).toBeDefined();
    const ordinals = (q?.choices ?? []).map((c) =>
      Number(/(\d+)(?:st|nd|rd|th)\b/.exec(c.text)?.[1]),
    );
    expect(ordinals).toContain(43);
    for (const n of ordinals) if (n !== 43) expect(Math.abs(n - 43)).toBeGreaterThanOrEqual(5);
  });

  it("sets a percentage key's rivals clearly apart", () => {
    const q = bankOf(FESTIVAL).find((x) => keyOf(x) === "8%");
    expect(q).toBeDefined();
    for (const c of q?.choices ?? []) {
      if (c.id === q?.answer) continue;
      expect(percentApart(8, Number.parseFloat(c.text))).toBe(true);
    }
  });

  it("sets a four-place percentage against shares of its rounding at other scales", () => {
    const text = FESTIVAL.replace(
      "Ticket sales rose by 8% this year",
      "Online streams made up only 0.0042% of views this year",
    );
    // The rivals themselves, as distractors.ts offers them for such a key.
    const rivals = scaledPercents(0.0042, 4);
    expect(rivals).toHaveLength(3);
    for (const share of rivals) {
      expect(share).toMatch(/^\d\.\d{4}$/);
      expect(percentApart(0.0042, Number(share))).toBe(true);
    }
    // In a bank such a share is a side figure (questions/salience.ts), asked only to reach a
    // short article's count; when it is asked, its choices are those.
    const asked = withKey(bankOf(text), "0.0042%");
    for (const q of asked) {
      const shares = q.choices.map((c) => /(\d+\.\d+)%/.exec(c.text)?.[1] ?? "");
      expect(shares).toContain("0.0042");
      for (const share of shares) {
        expect(share).toMatch(/^\d\.\d{4}$/);
        if (share !== "0.0042") expect(percentApart(0.0042, Number(share))).toBe(true);
      }
    }
  });

  it("takes a fixture's opponent only from the sides the article names", () => {
    const named = new Set(["Harland", "Ostmark", "Norway", "Denmark"]);
    const asked = bankOf(FIXTURE).filter(
      (q) => keyOf(q) === "Norway" || keyOf(q).includes("face Norway at"),
    );
    for (const q of asked)
      for (const c of q.choices)
        if (q.type === "cloze") expect(named.has(c.text)).toBe(true);
        else expect([...named].some((n) => c.text.includes(`face ${n} at`))).toBe(true);
  });

  it("gives a city its country's biggest cities as rivals, not its small towns", () => {
    const biggest = new Set(
      citiesOf("JP")
        .slice(0, 10)
        .map((c) => c.name),
    );
    const q = withKey(bankOf(POTTER), "Sendai")[0];
    expect(q).toBeDefined();
    for (const c of q?.choices ?? []) {
      if (c.id === q?.answer) continue;
      const city = /born in ([^,]+), Japan/.exec(c.text)?.[1] ?? c.text;
      expect(biggest.has(city)).toBe(true);
    }
  });

  it("sets an election year beside the years the article names", () => {
    const q = bankOf(CAREER).find((x) => x.prompt.includes("election campaign"));
    expect(q).toBeDefined();
    expect(q?.choices.map((c) => c.text).sort()).toEqual(["1986", "1991", "1994", "2002"]);
  });

  it("never offers more than M for 'N of their last M'", () => {
    const asked = bankOf(FIXTURE).filter((q) => q.prompt.includes("of their last 12"));
    for (const q of asked)
      for (const c of q.choices) expect(parseNumberWord(c.text) ?? 0).toBeLessThanOrEqual(12);
  });

  it("reads a player's sex from the opponents the sentence names", () => {
    expect(
      opponentGender("____ struggled, losing to Carlos Berger before going down to Peter Vance."),
    ).toBe("m");
    expect(opponentGender("____ won her first title, beating Elena Varga in three sets.")).toBe(
      "f",
    );
    expect(opponentGender("____ beat Carlos Berger and lost to Elena Varga.")).toBe("");
    expect(opponentGender("____ opened the new stadium.")).toBe("");
  });
});
