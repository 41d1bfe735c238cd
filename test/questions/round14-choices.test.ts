/**
 * Round 14a (issue 11): the choices of "fix" questions whose reason was the choices. A bare
 * "America" never stands beside a country of the Americas (the continent holds them); years the
 * article itself rules out (an adult's act before adulthood by the stem's own age, leaving a
 * place before the article first puts the subject there, the article's present as a past
 * election); people of the wrong role (a teenage player beside coaches, a president known only
 * for a shooting beside nominees); the home country's clubs for a move abroad; a science rival
 * for a science major; a term's source beside the peoples the article names. Made-up articles
 * of the same shapes.
 */
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import {
  awardSentence,
  continentReading,
  moveAbroad,
  nomineeStem,
  ownerRole,
  scienceFirst,
} from "../../questions/choice-rules.ts";
import { generateReview } from "../../questions/generate.ts";

function questions(text: string): Question[] {
  return generateReview(text, { count: 20 }).bank.questions;
}
function withKey(qs: Question[], key: string): Question | undefined {
  return qs.find((q) => q.choices.find((c) => c.id === q.answer)?.text === key);
}
function rivals(q: Question): string[] {
  return q.choices.filter((c) => c.id !== q.answer).map((c) => c.text);
}
const AMERICAS = ["Argentina", "Mexico", "Canada", "Brazil", "Chile", "Peru", "Colombia", "Cuba"];

const pens = [
  "The Pen Story",
  "The Hungarian inventor Laszlo Varga patented a new pen in Britain in 1938 and moved to Argentina in 1943.",
  "His pen was made under licence in Argentina by the Eterna company and sold well in Argentina.",
  "In 1945 the American firm Reyno copied the pen, and it went on sale in Germany soon after.",
  "Neither Reyno's nor Tallis's pen lived up to consumer expectations in America.",
  "The Tallis company later bought the rights to sell its own pens in Canada.",
  "Another firm, Orlo, opened a factory in Mexico in 1950 and sold pens in Brazil and Chile.",
  "By 1960 the pens were sold across Europe and in Japan.",
].join(" ");

describe("a bare America is the United States and the continent both", () => {
  it("names only America", () => {
    expect(continentReading("America")).toBe(true);
    expect(continentReading("United States")).toBe(false);
  });
  it("a key America stands beside countries outside the Americas", () => {
    const q = withKey(questions(pens), "America");
    expect(q, "America is asked").toBeDefined();
    for (const r of rivals(q as Question)) expect(AMERICAS, r).not.toContain(r);
  });
  it("America is no rival of a key in the Americas", () => {
    const q = withKey(questions(pens), "Canada");
    expect(q, "Canada is asked").toBeDefined();
    expect(rivals(q as Question)).not.toContain("America");
  });
});

const filler = [
  "The review was published by the ministry after two years of work.",
  "Officials said the figures would be checked again by an outside panel.",
  "Critics in the opposition party argued that the study had ignored the smaller towns.",
  "The minister rejected that view and said the results were the clearest yet.",
].join(" ");

describe("years the article's own facts rule out", () => {
  it("an adult's act stands after the age the stem gives", () => {
    // Born about 1978: no rival before 1994, the year she turned 16.
    const text = `The party leader\nIn 1997, Ms Orla Vance became the party's leader when she won the vote at the age of 19. Vance's party had been founded in 1961 by Tom Arden. ${filler} Ms Vance stood down in 2015.`;
    const q = withKey(questions(text), "1997");
    expect(q, "the year is asked").toBeDefined();
    for (const r of rivals(q as Question)) expect(Number(r), r).toBeGreaterThanOrEqual(1994);
  });
  it("no year of leaving a place before the article first puts the subject there", () => {
    const text = `The scientist\nOrla Vance grew up on a farm and finished school in 1925. She was admitted to graduate study at Brindle University in 1928, and began her studies there in the autumn of 1929. Vance had hoped to finish a doctorate, but in 1934 Vance was forced to leave Brindle University to find paid work. She joined the fisheries office in 1936 and wrote for its bulletin until 1952. ${filler}`;
    const q = withKey(questions(text), "1934");
    expect(q, "the year is asked").toBeDefined();
    for (const r of rivals(q as Question)) expect(Number(r), r).toBeGreaterThanOrEqual(1928);
  });
  it("the article's present is no past election beside a landslide", () => {
    // Round 14 asked this landslide beside 1983, 1987 and 1992; round 17's grader dropped it
    // (every rival before the key, the one vote after Mr Hale came to power): since round 18
    // an election year with one-sided rivals is not asked, and the present is never a rival.
    const text = `The long premiership\nIn 1997, Mr Hale came to power at the age of 43. Mr Hale's party kept its hold on power after the 2001 landslide. Mr Dunn led the party in the 1983 election, the 1987 election and the 1992 election, losing all three. Mr Hale became the longest-serving leader in 2004. ${filler}`;
    const q = withKey(questions(text), "2001");
    expect(q, "one-sided rivals: not asked").toBeUndefined();
    const later = `The long premiership\nIn 1997, Mr Hale came to power at the age of 43. Mr Hale's party kept its hold on power after the 2001 landslide. Mr Dunn led the party in the 1983 election, the 1987 election and the 1992 election, losing all three. Mr Hale lost the 2005 election and stood down in 2008. ${filler}`;
    const asked = withKey(questions(later), "2001");
    expect(asked, "with a later vote, the landslide is asked").toBeDefined();
    const years = rivals(asked as Question).map(Number);
    expect(years).not.toContain(2008);
    expect(years.some((y) => y > 2001) && years.some((y) => y < 2001), years.join()).toBe(true);
  });
});

describe("people of the key's role", () => {
  it("a coach the stem describes stands beside coaches and managers", () => {
    expect(ownerRole(", who was then coaching the county schools team")).toBe("staff");
    expect(ownerRole(", who was then living in the town")).toBeUndefined();
    const text = `The young star\nThe boy played for the county schools side and was soon noticed. Tom Arden, who was then coaching the county schools team, urged the club to sign him. Club manager Bert Colley drove to the family home to sign him. Rovers manager Stan Hollis was angry at missing out on the boy. National team manager Walter Fenn watched his first match. Along with young players like Denis Volley and Jack Brannigan he joined the first team. ${filler}`;
    const q = withKey(questions(text), "Tom Arden");
    expect(q, "the coach is asked").toBeDefined();
    const rs = rivals(q as Question);
    expect(rs).not.toContain("Denis Volley");
    expect(rs).not.toContain("Jack Brannigan");
  });
  it("a nominee stands beside people the article ties to awards", () => {
    expect(nomineeStem("____ also failed to win an award despite five nominations.")).toBe(true);
    expect(awardSentence("There was a delay after the shooting of President Reagan.")).toBe(false);
    const text = `The film prizes\nThe prizes were first handed out in 1929 at a small dinner. Frank Lorne won the best director prize twice. Dudley Marsh refused his award in 1936. Marlon Reyes turned down his best actor prize in 1973. There was a 24-hour delay following the assassination attempt on President Ronald Harlan. The film-maker Alfred Hayward never won. Hayward failed to win an award despite five nominations. ${filler}`;
    const q = withKey(questions(text), "Hayward");
    expect(q, "the nominee is asked").toBeDefined();
    expect(rivals(q as Question)).not.toContain("Harlan");
  });
});

describe("a nationality rival that is the subject's own, a science beside a science", () => {
  it("a move abroad is read after the blank", () => {
    expect(moveAbroad(" clubs were seeking to sign him.")).toBe(true);
    expect(moveAbroad(" term for the city")).toBe(false);
  });

  it("a science major's rivals hold a science", () => {
    const pool = ["history", "literature", "geography", "chemistry"];
    expect(scienceFirst(pool, "biology", "switched her major to ____")[0]).toBe("chemistry");
    expect(scienceFirst(pool, "biology", "fish ____ and the bureau's work")).toEqual(pool);
    expect(scienceFirst(pool, "history", "switched her major to ____")).toEqual(pool);
  });
});
