/**
 * Round 12a (issue 11): the choices of "fix" questions. Rivals a reader rules out by sense are
 * gone: odd anniversaries beside a round one, a working day that passes the waking hours with
 * the stem's other hours, a one-decimal statistic's near neighbour, a year too soon for an aim,
 * a year outside the century the stem names, a second win beside a landslide, a body that does
 * not do what the key does, a state without cities, Ireland beside a Nordic union, Northern
 * Ireland where Ireland is all-island, a woman beside men at play, a language kin to the one
 * the stem names, a former state's people as fill. Made-up articles of the same shapes.
 */
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import {
  allIslandPlay,
  alsoAfter,
  DECIMAL_APART,
  decimalApart,
  formerPeople,
  hoursSpent,
  kinNamed,
  namedCentury,
  playSentence,
  roundAnniversary,
  roundOrdinals,
  WAKING_HOURS,
  winStem,
  winYears,
  wordOfTongue,
} from "../../questions/choice-rules.ts";
import { regionWeight, sameSideOfNorth } from "../../questions/gazetteer.ts";
import { generateReview } from "../../questions/generate.ts";
import { doesWhatKeyDoes, stemRole } from "../../questions/org-roles.ts";
import { filler } from "./rules.ts";

function questions(text: string): Question[] {
  return generateReview(text, { count: 20 }).bank.questions;
}

function withKey(qs: Question[], key: string): Question | undefined {
  return qs.find((q) => q.choices.find((c) => c.id === q.answer)?.text === key);
}

function rivals(q: Question): string[] {
  return q.choices.filter((c) => c.id !== q.answer).map((c) => c.text);
}

const value = (t: string) => Number.parseFloat(t.replace(/[^\d.]/g, ""));

describe("number rivals a reader rules out by sense", () => {
  it("a round anniversary's rivals are round ones", () => {
    expect(roundAnniversary(" anniversary of the festival", 50)).toBe(true);
    expect(roundAnniversary(" anniversary of the festival", 43)).toBe(false);
    expect(roundAnniversary(" time", 50)).toBe(false);
    for (const x of roundOrdinals(50)) expect(x % 10 === 0 || x % 25 === 0, String(x)).toBe(true);
    const text = `${filler}\n\nThe lavish gala, celebrating the 50th anniversary of the Harbour Jazz Festival, also saw awards for Tom Reyes and Ann Bishop. ${filler}`;
    const q = withKey(questions(text), "50th");
    expect(q, "the anniversary is asked").toBeDefined();
    for (const r of rivals(q as Question)) expect(value(r) % 5, r).toBe(0);
  });

  it("a working day plus the stem's other hours stays within the waking hours", () => {
    expect(hoursSpent(" a day after running on a treadmill for an hour each morning")).toBe(1);
    expect(hoursSpent(" a day, six days a week")).toBe(0);
    const text = `${filler}\n\nDuring the campaign, the finance minister Tom Harrow is said to have worked an average of 18 hours a day after swimming for an hour each morning. ${filler}`;
    const q = withKey(questions(text), "18 hours");
    expect(q, "the hours are asked").toBeDefined();
    // Round 15a: the one rival above a key near the day's end ("18 hours") may reach the
    // waking day's ceiling itself (20 hours beside the hour's swim, as round 14's grade asks).
    for (const r of rivals(q as Question))
      expect(value(r) + 1, r).toBeLessThanOrEqual(value(r) > 18 ? WAKING_HOURS + 1 : WAKING_HOURS);
  });

  it("a one-decimal statistic's rivals stand well apart from it", () => {
    expect(decimalApart(5.8, 4.4)).toBe(false);
    expect(decimalApart(5.8, 3.4)).toBe(true);
    const text = `${filler}\n\nAccording to the research firm Delmont Analytics a new website is created every 5.8 seconds. ${filler}`;
    const q = withKey(questions(text), "5.8 seconds");
    expect(q, "the statistic is asked").toBeDefined();
    for (const r of rivals(q as Question))
      expect(Math.abs(value(r) - 5.8), r).toBeGreaterThanOrEqual(5.8 * DECIMAL_APART - 1e-9);
  });

  it("an aim's rival years come after it", () => {
    const text = `Carmaker sets new goal\nThe carmaker Velta Motors returned to profit in 2004 after five years of losses under its chief executive Tom Reyes. Velta aims to increase vehicle sales to more than four million by 2008, launching 28 new models in the process. ${filler}`;
    const q = withKey(questions(text), "2008");
    expect(q, "the aim is asked").toBeDefined();
    for (const r of rivals(q as Question)) expect(value(r), r).toBeGreaterThanOrEqual(2010);
  });

  it("a year in the century the stem names keeps its rivals in that century", () => {
    expect(namedCentury("the youngest premier of the 20th century", 1997)).toEqual({
      min: 1900,
      max: 1999,
    });
    expect(namedCentury("the youngest premier of the 20th century", 2004)).toBeUndefined();
    const text = `The long premiership\nIn 1997, Mr Hale became the youngest premier of the 20th century, when he came to power at the age of 43. He had led the party since 1994, after the death of Mr Dunn. Mr Hale won again in 2001 and in 2005. ${filler}`;
    const q = withKey(questions(text), "1997");
    expect(q, "the year is asked").toBeDefined();
    for (const r of rivals(q as Question)) expect(value(r), r).toBeLessThan(2000);
  });

  it("no year the article ties to a win stands beside a landslide", () => {
    expect(winStem("after the ____ Labour landslide")).toBe(true);
    const sentences = [{ text: "In 1997, Mr Hale came to power." }, { text: "He lost in 1992." }];
    const years = [[1997], [1992]];
    expect([...winYears(sentences, (i) => years[i] ?? [])]).toEqual([1997]);
    const text = `The long premiership\nIn 1997, Mr Hale came to power at the age of 43. Mr Hale's other firsts include becoming the first party leader to win two successive full terms after the 2001 landslide. Mr Dunn led the party between 1983 and 1992, losing both elections. Mr Hale became the longest-serving leader in 2004. ${filler}`;
    const q = withKey(questions(text), "2001");
    expect(q, "the landslide is asked").toBeDefined();
    expect(rivals(q as Question)).not.toContain("1997");
  });

  it("a 'since' reign's rival dates stand near the key on both sides", () => {
    const text = `${filler}\n\nThe Velta Simulator has held on to the top spot since June 2002. ${filler}`;
    const q = withKey(questions(text), "June 2002");
    expect(q, "the date is asked").toBeDefined();
    const years = rivals(q as Question).map((r) => Number(/\d{4}/.exec(r)?.[0]));
    for (const y of years) expect(Math.abs(y - 2002), String(y)).toBeLessThanOrEqual(3);
  });
});

describe("organisations that do what the key does", () => {
  it("a forecast asks forecasters, gold asks lenders, a grouping lends nothing", () => {
    expect(stemRole("The ____ predicts that the cost will double")).toBe("forecaster");
    expect(stemRole("The ____ is to use its gold supplies")).toBe("lender");
    expect(doesWhatKeyDoes("International Monetary Fund", "Paris Club", "____ predicts")).toBe(
      false,
    );
    expect(doesWhatKeyDoes("International Monetary Fund", "European Central Bank", "")).toBe(false);
    expect(doesWhatKeyDoes("International Monetary Fund", "Group of Eight", "use its gold")).toBe(
      false,
    );
    expect(doesWhatKeyDoes("International Monetary Fund", "World Bank", "____ predicts")).toBe(
      true,
    );
  });

  it("a forecaster key is set beside forecasters in a bank", () => {
    const text = `Forecasts for the ageing economy
The International Monetary Fund predicts that the cost of running the welfare state will double as the birth rate falls.
Talks with the Paris Club and the European Central Bank on the debts of the south ended without agreement in 2004.
The finance ministry expects the number of workers to fall by a fifth in the next twenty years.
The government is considering rewards for couples who have a second or third child.
Factories in the north have begun to hire workers in their seventies to keep their lines running.`;
    const q = withKey(questions(text), "International Monetary Fund");
    expect(q, "the forecaster is asked").toBeDefined();
    for (const r of rivals(q as Question))
      expect(doesWhatKeyDoes("International Monetary Fund", r, "predicts"), r).toBe(true);
  });
});

describe("places of the key's own world", () => {
  it("a state of cities stands beside states of cities", () => {
    expect(regionWeight("Ohio")).toBeGreaterThan(0);
    expect(regionWeight("Wyoming")).toBe(0);
    for (const state of ["Ohio", "Texas", "Florida", "Michigan", "Tennessee", "Illinois"]) {
      const text = `${filler}\n\nThe singer Tom Reyes introduced the soul group the Velvets, a gospel-style quartet from ${state}, who performed a medley of their songs. ${filler}`;
      const q = withKey(questions(text), state);
      expect(q, `the state is asked (${state})`).toBeDefined();
      for (const r of rivals(q as Question)) expect(regionWeight(r), r).toBeGreaterThan(0);
    }
  });

  it("a Nordic union is set beside Nordic lands, never Ireland", () => {
    expect(sameSideOfNorth("NO", "IE")).toBe(false);
    expect(sameSideOfNorth("NO", "EE")).toBe(false);
    expect(sameSideOfNorth("NO", "FI")).toBe(true);
    expect(sameSideOfNorth("GB", "NO")).toBe(true);
    const text = `Berg and the union\nAs one of his country's leading citizens, in 1905 the explorer Tom Berg spoke out for the ending of Norway's union with Sweden, and was instrumental in persuading a Danish prince to accept the throne of the newly independent Norway. Berg had crossed Greenland in 1888 and later worked for the League of Nations in Geneva. ${filler}`;
    const q = withKey(questions(text), "Sweden");
    expect(q, "the union is asked").toBeDefined();
    for (const r of rivals(q as Question))
      expect(["Ireland", "United Kingdom", "Estonia", "Latvia", "Lithuania"], r).not.toContain(r);
  });

  it("no Northern Ireland where the article's Ireland is the all-island side", () => {
    expect(playSentence("England are still to meet Italy and Scotland.")).toBe(true);
    const meet = "England are still to meet Italy and Scotland.";
    expect(allIslandPlay(new Set(["IE"]), [{ text: "Ireland beat England." }], meet)).toBe(true);
    const north = [{ text: "Northern Ireland beat England." }];
    expect(allIslandPlay(new Set(["IE"]), north, meet)).toBe(false);
    expect(allIslandPlay(new Set(["FR"]), [], meet)).toBe(false);
    const text = `Ireland 19-13 England
Ireland kept alive their hopes of a title with a win over England in Dublin on Sunday. Ireland face France next in Paris in two weeks' time. England are still to meet Italy at Twickenham, in what is now a wooden spoon decider, and Scotland. Wales beat France in Cardiff on Saturday. ${filler}`;
    // (With Wales the only other side, the fixture is not asked: three choices at least.)
    for (const q of questions(text)) expect(rivals(q)).not.toContain("Northern Ireland");
  });
});

describe("people and peoples", () => {
  it("a sentence about play names players of one sex, so no woman beside the men", () => {
    const text = `Dalton joins the greats
Roger Dalton became the first man since 1988 to win three titles in one season, beating Marat Kovac in the final after Pete Clark and Jonas Holm had lost early.
Maria Sokolova won the women's title in Paris after beating Elena Petrova in three sets. Elena Petrova said she was tired.
Andy Rourke was the only player to put up any real resistance at Wimbledon, and Dalton's performance against Lleyton Marsh in the final was breathtaking.
Carlos Mendes and Mario Ancic both lost early in the season to Dalton. Andy Rourke later reached the final in New York.
${filler}`;
    const q = withKey(questions(text), "Andy Rourke");
    expect(q, "the player is asked").toBeDefined();
    for (const r of rivals(q as Question))
      expect(["Maria Sokolova", "Elena Petrova"]).not.toContain(r);
  });

  it("'____ also failed to win' takes no rival the sentence before names doing the same", () => {
    expect(alsoAfter(" also failed to win")).toBe(true);
    const text = `How the film awards flourished
The first ceremony was held in 1929 at a hotel in Hollywood, hosted by the actor Douglas Fairbanks. The trophy was designed by the art director Cedric Gibbons. The director Frank Capra won his first award in 1935 for a comedy.
The actress Bette Davis won twice in the 1930s and was nominated ten times.
Actors that failed to win for their famous roles included Walter Brennan in The River (1940) and Henry Fonda in The Jury (1957). Alfred Hitchcock also failed to win an award despite five nominations. His films are still shown around the world.
The ceremony was first shown on television in 1953 and is now watched by millions of people.`;
    const q = withKey(questions(text), "Alfred Hitchcock");
    expect(q, "the director is asked").toBeDefined();
    for (const r of rivals(q as Question))
      expect(["Walter Brennan", "Henry Fonda"]).not.toContain(r);
  });

  it("no kin of the source language the stem names, nor a people of the key's own tongue", () => {
    expect(kinNamed("adapted from its Low German name").has("Dutch")).toBe(true);
    expect(wordOfTongue(" term for the city was adapted")).toBe(true);
  });

  it("asks no language a place's name is told in (round 17: graded drop, the quiz's own tongue)", () => {
    const text = `${filler}\n\nThe English term for the town was adapted from its Low German name, Hamborch. An exact English equivalent would be "merchants' haven". The town's university was founded in 1479 and is the oldest in the kingdom. ${filler}`;
    const bank = questions(text);
    expect(withKey(bank, "1479"), "the sentence beside them is asked").toBeDefined();
    const asked = bank.filter((q) => /\b(?:term|equivalent)\b/.test(q.prompt));
    expect(asked.map((q) => q.prompt)).toEqual([]);
  });

  it("no former state's people as gazetteer fill", () => {
    expect(formerPeople("Soviet")).toBe(true);
    expect(formerPeople("Russian")).toBe(false);
    for (const people of ["Italian", "Spanish", "French", "German", "Dutch", "Polish"]) {
      const text = `${filler}\n\nThe young footballer Tom Reyes began the 1957–58 season in good form and rumours abounded that top ${people} clubs were seeking to sign him. ${filler}`;
      const q = withKey(questions(text), people);
      expect(q, `the clubs' nation is asked (${people})`).toBeDefined();
      for (const r of rivals(q as Question)) expect(formerPeople(r), r).toBe(false);
    }
  });
});
