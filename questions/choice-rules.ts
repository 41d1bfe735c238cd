/**
 * Rules a choice must pass beside the key's type (distractors.ts): choices a reader could not
 * rule out without the article. Numbers: a count "N of M" never passes M, an edition's ordinal
 * moves by about ten, a percentage stands clearly apart from the key, a percentage given to
 * four places is set against shares of other scales. People: a player's rivals share the sex
 * of the opponents the sentence names. Sides: a fixture's opponent comes only from the sides
 * the article itself names. Years: a cycle year's rivals are the years the article names.
 */

import { countryNamed, nationalityNamed, regionNamed } from "./gazetteer.ts";
import { parseNumberWord } from "./lexicon.ts";
import { memoized } from "./memo.ts";
import { genderOf } from "./typing.ts";

/** "lost three of their last 14 matches": the M that every count of the frame stays within. */
const OF_TOTAL =
  /^\s+(?:out\s+)?of\s+(?:the(?:ir|se)?\s+|its\s+|his\s+|her\s+|our\s+)?(?:last\s+|first\s+|next\s+)?([\d,]+|[a-z]+(?:-[a-z]+)?)\b/i;

/** "18 hours a day", "six days a week": a span within one day or one week. */
const PER_SPAN = /^\s+(?:a|per|each)\s+(day|week)\b/i;
const PER_SPAN_UNIT: Record<string, Record<string, number>> = {
  day: { hour: 24, hours: 24 },
  week: { day: 7, days: 7 },
};

/** "six days a week": the unit stands after the number, outside the key. */
const UNIT_PER_SPAN = /^\s+(hours?|days?)\s+(?:a|per|each)\s+(day|week)\b/i;

export function countCeiling(after: string, key = ""): number | undefined {
  const unitAfter = UNIT_PER_SPAN.exec(after);
  const per = (PER_SPAN.exec(after)?.[1] ?? unitAfter?.[2])?.toLowerCase();
  const unit = (unitAfter?.[1] ?? /(\p{L}+)\s*$/u.exec(key)?.[1])?.toLowerCase();
  if (per && unit) {
    const most = PER_SPAN_UNIT[per]?.[unit];
    if (most !== undefined) return most;
  }
  const m = OF_TOTAL.exec(after);
  const word = m?.[1];
  if (!word) return undefined;
  const n = /^\d/.test(word) ? Number(word.replace(/,/g, "")) : parseNumberWord(word);
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** How far apart a count's rivals stand: two below eight, from there a fifth of the key. */
export function countGap(key: number): number {
  return key < 8 ? 2 : Math.max(2, Math.ceil(key * 0.2));
}

/**
 * "10%" and "6%" beside "8%" split hairs: a small share at least half again or a third less,
 * a larger one a quarter of itself away (and five points at least).
 */
export function percentApart(key: number, x: number): boolean {
  if (key < 20) return x >= key * 1.5 || x <= key / 1.5;
  return Math.abs(x - key) >= Math.max(5, key * 0.25);
}

/**
 * "0.0022%": a share whose point is only that it is tiny; no reader holds its digits, so its
 * rivals are not its neighbours but shares of the same rounding at a third of it and at three
 * and seven times it (0.0007%, 0.0066%, 0.0154%): what the article teaches is how small it is.
 */
export function hairPercent(decimals: number): boolean {
  return decimals >= 3;
}

const SCALES = [0.3, 3, 7];

export function scaledPercents(key: number, decimals: number): string[] {
  return SCALES.map((f) => (key * f).toFixed(decimals)).filter((t) => Number(t) > 0);
}

/**
 * Ordinals of an edition ("the 77th annual awards"): a reader holds them loosely, so rivals
 * are about ten apart; small ordinals ("the third time") keep their near offsets.
 */
export const EDITION_FROM = 20;
export const EDITION_OFFSETS: readonly number[] = [
  -14, -12, -11, -10, -9, -8, 8, 9, 10, 11, 12, 14,
];
export const EDITION_GAP = 5;

/**
 * "Ireland next face ____ at …", "are still to meet ____": a fixture's opponent is one of the
 * sides of the article's own competition, so a country's rivals come only from the article.
 */
const FIXTURE =
  /\b(?:face[sd]?|facing|meet(?:s|ing)?|met|play(?:s|ed|ing)?|beat(?:s|en|ing)?|against|versus|vs\.?|defeat(?:s|ed|ing)?|host(?:s|ed|ing)?|draw\s+with|drew\s+with|lost\s+to|loses?\s+to)\s*$/i;

export function fixtureBefore(before: string): boolean {
  return FIXTURE.test(before.replace(/\s+(?:the\s+)?$/i, " ").trimEnd());
}

/**
 * "the ____ championship", "G7 meeting", "union of the kingdoms": the stem names a closed group
 * whose members the article lists; rivals then come from the article, never gazetteer fill.
 */
const GROUP =
  /\b(?:Championship|Nations|League|Cup|Union|Tournament|Group of|G[78]\b|G20\b|alliance|coalition|federation)\b/;

export function namesGroup(text: string): boolean {
  return GROUP.test(text);
}

/**
 * "During the ____ election campaign", "after the ____ landslide", "the ____ Olympics": a year
 * of an event held on a cycle. A year between two of its editions is eliminable by anyone who
 * knows the calendar, so the rivals are years the article itself names (those of the same
 * cycle first), never generic fill.
 */
const CYCLE =
  /\b(?:elections?|landslide|championships?|Olympics|Olympic Games|World Cup|Grand Slam|general election)\b/i;

export function cycleStem(text: string): boolean {
  return CYCLE.test(text);
}

/** "the ____ election", "the 1997 landslide": a year of a vote, which only the article dates. */
export function electionStem(text: string): boolean {
  return /\b(?:elections?|landslide|general election)\b/i.test(text);
}

/**
 * The years of the UK's general elections since the war: the rivals of a Westminster vote's year
 * when the article names too few of its own ("after the 2001 Labour landslide", told in 2004
 * with 1983 and 1992 named: 1987 and 1979 were votes too, and 2004 was none).
 */
const UK_GENERAL_ELECTIONS = [
  1945, 1950, 1951, 1955, 1959, 1964, 1966, 1970, 1974, 1979, 1983, 1987, 1992, 1997, 2001, 2005,
  2010, 2015, 2017, 2019, 2024,
];
/** An article about Westminster's parties: its "election" is a UK general election. */
const WESTMINSTER =
  /\b(?:Labour (?:party|leader|government|MPs?)|Conservative party|Tory|Tories|Liberal Democrats?|House of Commons|Downing Street|backbench(?:ers?)?)\b/;

/** The UK general-election years within `reach` of the key, for a Westminster article only. */
export function westminsterElections(
  key: number,
  sentences: readonly { text: string }[],
  reach: number,
): number[] {
  if (!UK_GENERAL_ELECTIONS.includes(key)) return [];
  if (!sentences.some((s) => WESTMINSTER.test(s.text))) return [];
  return UK_GENERAL_ELECTIONS.filter((y) => y !== key && Math.abs(y - key) <= reach).sort(
    (a, b) => Math.abs(a - key) - Math.abs(b - key) || a - b,
  );
}

/** The years the article names, those told beside the cycle's word first (not the key). */
export function articleCycleYears(
  key: number,
  sentences: readonly { text: string }[],
  yearsOf: (i: number) => readonly number[],
  bounds: { min: number; max: number },
): number[] {
  const cycle: number[] = [];
  const other: number[] = [];
  sentences.forEach((s, i) => {
    const list = cycleStem(s.text) ? cycle : other;
    for (const y of yearsOf(i))
      if (Math.abs(y - key) >= 2 && y >= bounds.min && y <= bounds.max && !list.includes(y))
        list.push(y);
  });
  return [...cycle, ...other.filter((y) => !cycle.includes(y))];
}

/**
 * "____ struggled, losing to Carl Berger before going down to Jonas Holm": a match is played
 * between people of one sex, so the opponents' given names tell the key's where its own does
 * not (no woman offered for a men's rubber). Empty when no opponent is named or they disagree.
 */
const OPPONENT =
  /\b(?:los(?:ing|t|es) to|beat(?:ing|s)?|defeat(?:ed|ing|s)?|going down to|went down to|goes down to)\s+(\p{Lu}\p{Ll}+(?:\s\p{Lu}[\p{L}'-]+)+)/gu;

/** Read once per sentence: every person candidate asks it. */
export const opponentGender: (text: string) => "f" | "m" | "" = memoized(readOpponents, 4096);

function readOpponents(text: string): "f" | "m" | "" {
  let found: "f" | "m" | "" = "";
  for (const m of text.matchAll(OPPONENT)) {
    const g = genderOf(m[1] ?? "");
    if (!g) continue;
    if (found && found !== g) return "";
    found = g;
  }
  return found;
}

/**
 * "compatriot ____" (the key shares the sentence's subject's nationality), or the demonym of
 * "____ became the first Russian woman", or the place a sentence's subject grew up: the
 * nationality (or home) a person blank's stem fixes.
 */
export function nationalityFrame(before: string, after: string): string | undefined {
  if (/\bcompatriots?\s+$/i.test(before)) return "compatriot";
  // "British number two ____": a people's word, not a team's place name ("England fly-half").
  const people = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+)\s+(?:number (?:one|two|three)\s+)?$/u.exec(
    before,
  )?.[1];
  if (people && nationalityNamed(people) && !countryNamed(people) && !regionNamed(people))
    return people;
  const first =
    /^\s+(?:became|was|is|had become)\s+the\s+(?:first|only|last)\s+(\p{Lu}\p{L}+)\s+(?:woman|man|player|person|athlete)\b/u.exec(
      after,
    )?.[1];
  if (first) return first;
  // "____ … recalled seeing him play as a teenager in England": where the sentence's subject
  // grew up is general knowledge of a famous name, so every rival must be from there too.
  if (before.trim() !== "") return undefined;
  const home = UPBRINGING.exec(after)?.[1];
  return home && (countryNamed(home) || regionNamed(home)) ? home : undefined;
}

/** Where a sentence's subject was born or grew up: "as a teenager in England", "grew up in Ohio". */
const UPBRINGING =
  /\b(?:as an? (?:teenager|child|boy|girl|youngster|schoolboy|schoolgirl)|grew up|growing up|was born|born and raised) in (\p{Lu}\p{Ll}+)\b/u;

/** A day's place in its year, for ordering days of one year. */
export function dayOfYear(month: number, day: number): number {
  return month * 32 + day;
}

/**
 * The nearest other full dates of the key's year among `dates`, before and after the key (as
 * dayOfYear): a rival for a date whose year is fixed stays between them, so the warning letter
 * is no later than the plot it warned of.
 */
export function dayBounds(
  key: { year?: number; month?: number; day?: number },
  dates: ReadonlyArray<{ year?: number; month?: number; day?: number }>,
): [number, number] {
  let lo = -Infinity;
  let hi = Infinity;
  if (key.month === undefined || key.day === undefined) return [lo, hi];
  const at = dayOfYear(key.month, key.day);
  for (const d of dates) {
    if (d.year !== key.year || d.month === undefined || d.day === undefined) continue;
    const other = dayOfYear(d.month, d.day);
    if (other < at) lo = Math.max(lo, other);
    else if (other > at) hi = Math.min(hi, other);
  }
  return [lo, hi];
}

/**
 * The years of the two world wars, when the championships, Grand Slams and Olympics a cycle
 * stem names were not held: no rival for "their first Grand Slam since ____".
 */
export function noContestYear(year: number): boolean {
  return (year >= 1915 && year <= 1919) || (year >= 1940 && year <= 1946);
}

/**
 * "____'s laboratory", "____'s research group": the key owns a scientist's workplace, so its
 * rivals are people the article makes scientists (no president or novelist beside it).
 */
export function ownerRole(after: string): string | undefined {
  if (/^['’]s\s+(?:laboratory|lab|research (?:group|team|station)|observatory)\b/i.test(after))
    return "academic";
  // "____, who was then coaching the schools team": a coach beside coaches and managers.
  if (
    /^,\s+who\s+(?:(?:was|is|had been|has been)\s+)?(?:then\s+|now\s+)?(?:coach|manag)\w*/i.test(
      after,
    )
  )
    return "staff";
  return undefined;
}

/** A stem about awards sought: "failed to win an award despite five nominations". */
export function nomineeStem(text: string): boolean {
  return /\bnominat\w*|\bnominees?\b/i.test(text);
}

/** A sentence about awards: "won", "Oscar", "nominated", "best actor", the ceremony, its trophy. */
export function awardSentence(text: string): boolean {
  return /\b(?:won|wins?|winners?|award\w*|Oscars?|nominat\w*|prizes?|ceremon\w*|troph\w*|hosted|best (?:actor|actress|director|picture|film))\b/i.test(
    text,
  );
}

/**
 * "rumours that top ____ clubs were seeking to sign him": a move abroad is news; a club of the
 * player's own country is where he already plays, so its people are no rival.
 */
export function moveAbroad(after: string): boolean {
  return /^\s+(?:clubs?|teams?|sides?)\b[^.]*\b(?:sign|signing|buy|lure|recruit|transfer)\w*\b/i.test(
    after,
  );
}

/** The natural sciences, the commonest majors first: "switched her major to ____" (biology). */
const SCIENCES: readonly string[] = "chemistry physics mathematics geology biology astronomy".split(
  " ",
);

/** A stem about what someone studied: "switched her major to ____", "a degree in ____". */
const STUDY = /\b(?:major(?:ed)?|stud(?:y|ied|ies|ying)|degree|course)\b/i;

/** In a stem about study, a science key's pool with its best-known science rival brought to the front. */
export function scienceFirst(pool: readonly string[], key: string, stem: string): string[] {
  const own = key.toLowerCase();
  if (!SCIENCES.includes(own) || !STUDY.test(stem)) return [...pool];
  const lower = pool.map((t) => t.toLowerCase());
  const science = SCIENCES.find((s) => s !== own && lower.includes(s));
  const at = science === undefined ? -1 : lower.indexOf(science);
  if (at <= 0) return [...pool];
  return [pool[at] ?? "", ...pool.slice(0, at), ...pool.slice(at + 1)];
}

/** Fields of study and the wider field each is a branch of. */
const FIELD_OF: Record<string, string> = {
  zoology: "biology",
  botany: "biology",
  ecology: "biology",
  genetics: "biology",
  microbiology: "biology",
  "marine biology": "biology",
  physiology: "biology",
  biochemistry: "chemistry",
  astrophysics: "physics",
  "nuclear physics": "physics",
  "organic chemistry": "chemistry",
  linguistics: "language",
  english: "language",
  literature: "language",
  economics: "social science",
  sociology: "social science",
};

/**
 * "Carson originally studied English, but switched her major to ____": the field the stem says
 * was left (lower case), whose near fields are no switch at all and so no rivals.
 */
export function fieldLeft(before: string): string | undefined {
  const m =
    /\b(?:originally |first |initially )?studied (\p{Lu}?\p{Ll}+)\b[^.]*\b(?:switched|changed|moved|turned)\b/u.exec(
      before,
    );
  return m?.[1]?.toLowerCase();
}

/**
 * Whether two fields are one the branch of the other (zoology and biology), or branches of one
 * field: a reader could defend either, so neither is a rival of the other.
 */
export function nearField(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return false;
  const px = FIELD_OF[x];
  const py = FIELD_OF[y];
  return px === y || py === x || (px !== undefined && px === py);
}

/**
 * "worked an average of 18 hours a day … after running on a treadmill for an hour": where the
 * sentence spends other hours of the day, a day's working span and those hours together leave
 * time to sleep: at most twenty hours less the hours spent ("23 hours" plus that hour fills
 * the day). The hours the sentence spends besides the key (`rest` is the sentence without it);
 * 0 when it spends none (then a span below the day's 24 is the bound, as before).
 */
export const WAKING_HOURS = 20;

export function hoursSpent(rest: string): number {
  let spent = 0;
  for (const m of rest.matchAll(/\b(an|one|\d+|two|three|four|five|six)\s+hours?\b/gi)) {
    const w = (m[1] ?? "").toLowerCase();
    spent += w === "an" ? 1 : /^\d/.test(w) ? Number(w) : (parseNumberWord(w) ?? 0);
  }
  return spent;
}

/**
 * "the 50th anniversary": a celebrated anniversary is a round one, so a round key's rivals are
 * the other round ones (25th, 40th, 60th), never a 36th or a 42nd no one stages a party for.
 */
export function roundAnniversary(after: string, key: number): boolean {
  return key % 5 === 0 && /^\s*(?:anniversary|birthday|jubilee)\b/i.test(after);
}

export function roundOrdinals(key: number): number[] {
  const out: number[] = [];
  for (let x = 10; x <= Math.max(2 * key, 20); x += 5)
    if (x !== key && x >= key / 2 && (x % 10 === 0 || x % 25 === 0)) out.push(x);
  return out.sort((a, b) => Math.abs(a - key) - Math.abs(b - key));
}

/**
 * 4.4 beside 5.8 seconds: a statistic given to one decimal place that a reader met once is
 * held as "about six", so a rival stands at least this share of the key away.
 */
export const DECIMAL_APART = 0.4;

export function decimalApart(key: number, x: number): boolean {
  return Math.abs(x - key) >= key * DECIMAL_APART;
}

/**
 * "the youngest premier of the 20th century": a year key in the century the stem names keeps
 * its rivals in that century (no 2004 beside it). The century's first and last year, or none.
 */
export function namedCentury(text: string, key: number): { min: number; max: number } | undefined {
  for (const m of text.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)[-\s]century\b/gi)) {
    const c = Number(m[1]);
    const min = (c - 1) * 100 + 1;
    const max = c * 100;
    if (key >= min - 1 && key <= max) return { min: min - 1, max: max - 1 };
  }
  return undefined;
}

/**
 * "after the ____ Labour landslide": the key is a win, and a year the article says the side
 * also won in ("In 1997, Mr Blair … came to power") is a second win a reader can defend, so it
 * is no rival; the years of defeats and of other events are.
 */
const WIN_STEM = /\b(?:landslide|victory|victories|triumph)\b/i;
const WIN_TOLD =
  /\b(?:came to power|swept to power|won|wins|winning|elected|re-elected|victory|landslide|took office)\b/i;

export function winStem(text: string): boolean {
  return WIN_STEM.test(text);
}

/** The years the article ties to a win, from the sentences that tell one. */
export function winYears(
  sentences: readonly { text: string }[],
  yearsOf: (i: number) => readonly number[],
): Set<number> {
  const out = new Set<number>();
  sentences.forEach((s, i) => {
    if (WIN_TOLD.test(s.text)) for (const y of yearsOf(i)) out.add(y);
  });
  return out;
}

/**
 * "The English term for the city was adapted from its Low German name, Kopenhagen": a language
 * the stem names gives its form to its near kin too, so the Dutch name is spelt alike and
 * "Dutch" is a second answer. The kin of each language a stem may name as a source.
 */
const KIN: Record<string, readonly string[]> = {
  "Low German": ["Dutch", "German", "Frisian", "Flemish"],
  "High German": ["German", "Austrian", "Swiss"],
  "Old Norse": ["Icelandic", "Faroese", "Norwegian"],
  Castilian: ["Spanish"],
  Flemish: ["Dutch"],
};

export function kinNamed(text: string): Set<string> {
  const out = new Set<string>();
  for (const [tongue, kin] of Object.entries(KIN))
    if (new RegExp(`\\b${tongue}\\b`).test(text)) for (const k of kin) out.add(k);
  return out;
}

/**
 * The peoples of states that no longer exist: fill for a nationality key only where the article
 * names them itself (no "Soviet clubs" bidding for a 1957 footballer from the gazetteer).
 */
const FORMER_PEOPLES = new Set([
  "Soviet",
  "Yugoslav",
  "Czechoslovak",
  "East German",
  "West German",
  "Prussian",
  "Ottoman",
  "Rhodesian",
]);

export function formerPeople(demonym: string): boolean {
  return FORMER_PEOPLES.has(demonym);
}

/**
 * "____ was the only player to put up any real resistance …, and Federer's performance against
 * Lleyton Hewitt": a sentence about play names players of one sex, so a rival of the other is
 * out. Whether the sentence tells of play.
 */
const PLAY =
  /\b(?:players?|final|semi-final|match(?:es)?|rubber|resistance|tournament|Open|Wimbledon|seed(?:ed)?|sets?|championship|meet|face|against)\b/;

export function playSentence(text: string): boolean {
  return PLAY.test(text);
}

/** "The ____ term for the city", "the ____ name": the blank is a people's word for their tongue. */
export function wordOfTongue(after: string): boolean {
  return /^\s+(?:terms?|names?|words?|spellings?|forms?)\s+(?:for|of)\b/i.test(after);
}

/**
 * "England are still to meet Italy … and ____": an article that names Ireland and never the
 * North (no "Northern Ireland", no "Republic of Ireland") writes of the all-island side, and in
 * a sentence about play Northern Ireland fields none; the article's countries stand in for it.
 */
export function allIslandPlay(
  countryCodes: ReadonlySet<string> | undefined,
  sentences: readonly { text: string }[],
  text: string,
): boolean {
  return (
    countryCodes?.has("IE") === true &&
    playSentence(text) &&
    !sentences.some((s) => /\b(?:Northern Ireland|Republic of Ireland)\b/.test(s.text))
  );
}

/**
 * "____ also failed to win an award": "also" sets the key beside the people the sentence before
 * names doing the same, so none of them is a rival (each would be a second answer).
 */
export function alsoAfter(after: string): boolean {
  return /^\s+also\b/i.test(after);
}

/** The last words that name a body's kind, never a surname: two lenders may both end in "Bank". */
export const BODY_KINDS: ReadonlySet<string> = new Set(
  "bank fund club union council organisation organization agency authority board commission committee institute university".split(
    " ",
  ),
);

/** The home nations field their own sides in play, beside national teams of countries. */
const HOME_NATIONS: ReadonlySet<string> = new Set(["England", "Scotland", "Wales"]);

interface PlaceKind {
  kind: string;
  level?: string;
}

/**
 * "England are still to meet Italy … and ____": in a sentence of play a home nation and a
 * country are one kind (each fields a side), so Scotland takes France and Wales as rivals.
 */
export function sidesOfPlay(
  keyType: PlaceKind,
  key: string,
  candidate: PlaceKind,
  name: string,
  text: string,
): boolean {
  if (keyType.kind !== "place" || candidate.kind !== "place") return false;
  const side = (level: string | undefined, n: string) =>
    level === "country" || (level === "region" && HOME_NATIONS.has(n));
  return (
    (HOME_NATIONS.has(key) || HOME_NATIONS.has(name)) &&
    side(keyType.level, key) &&
    side(candidate.level, name) &&
    playSentence(text)
  );
}

/**
 * "America" alone is the United States, but a reader may take it for the continent, which holds
 * every country of the Americas: it never stands beside one of them as a choice.
 */
export function continentReading(name: string): boolean {
  return name === "America";
}
