/**
 * What a reader can work out from the article's own words without knowing the fact asked
 * (questions/REVIEW.md: implausible-number, self-answering): the years before which nothing
 * the article tells can have happened (a founding, a first event, a birth), and stems whose
 * duration with a year the article states gives the key by arithmetic. Pure: the distractor and
 * filter stages ask it, it asks only the spans found once per article.
 */

import { parseNumberWord } from "./lexicon.ts";
import { matches } from "./matches.ts";
import type { Span } from "./spans.ts";
import type { Sentence } from "./text.ts";

/** What of distractors.ts's ArticleFacts this stage reads (its own shape keeps the import one-way). */
export interface YearFacts {
  sentences: readonly Sentence[];
  spans: readonly (readonly Span[])[];
  life?: { born: number; died: number };
}

/** A year the article sets as the start of something: "was set up in 1927", "the first … in 1929". */
interface Anchor {
  year: number;
  sentence: number;
  /** The sentence's capitalised words: a later year is bound only where they meet again. */
  names: Set<string>;
}

const STARTS =
  /\b(?:founded|established|formed|set up|inaugurated|created|instituted|first)\b|\bopened in\b/i;
const MONTH_WORDS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** The capitalised words of a sentence after its first: the names it is about. */
function namesOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\d,;:)'’] )\p{Lu}[\p{L}’'-]{3,}/gu)) {
    const word = m[0].replace(/['’]s$/, "");
    if (!MONTH_WORDS.test(word)) out.add(word);
  }
  return out;
}

const anchorCache = new WeakMap<YearFacts, Anchor[]>();
function anchorsOf(facts: YearFacts): Anchor[] {
  let found = anchorCache.get(facts);
  if (found) return found;
  found = [];
  for (const s of facts.sentences) {
    if (!STARTS.test(s.text)) continue;
    let year = Infinity;
    for (const span of facts.spans[s.index] ?? [])
      if (span.kind === "date" && span.year !== undefined && span.format !== "century")
        year = Math.min(year, span.year);
    if (year < Infinity) found.push({ year, sentence: s.index, names: namesOf(s.text) });
  }
  anchorCache.set(facts, found);
  return found;
}

/**
 * The earliest year a distractor for `keyYear` may take: after every founding or first event
 * the article dates before the key in a sentence about the same names ("The Academy was set up
 * in 1927" bounds "refused his Academy Award in ____"), and in a biography, once the key falls
 * in the subject's adult life, no act of their childhood (a signing at 7).
 */
export function earliestPlausible(keyYear: number, sentence: Sentence, facts: YearFacts): number {
  let min = -Infinity;
  const names = namesOf(` ${sentence.text}`);
  for (const a of anchorsOf(facts)) {
    if (a.year >= keyYear || a.sentence === sentence.index) continue;
    for (const n of names)
      if (a.names.has(n)) {
        min = Math.max(min, a.year + 1);
        break;
      }
  }
  // "Ballpoint pen sales peaked in ____": nothing sold before the article's first sales.
  if (SALES.test(sentence.text)) {
    const launch = launchYear(facts);
    if (launch !== undefined && launch <= keyYear) min = Math.max(min, launch);
  }
  const life = facts.life;
  if (
    life &&
    keyYear >= life.born + ADULT &&
    keyYear <= life.died &&
    !/\bborn\b/.test(sentence.text)
  )
    min = Math.max(min, life.born + ADULT - 2);
  // "came to power at the age of 43": the stem dates a birth, and no rival falls in childhood.
  const age = AGE_AT.exec(sentence.text);
  if (age && !life) min = Math.max(min, keyYear - Number(age[1]) + ADULT);
  // "forced to leave Johns Hopkins in ____": no rival before the article first places the
  // subject there ("admitted … at Johns Hopkins University in 1928").
  const left = LEAVING.exec(sentence.text)?.[1];
  if (left) {
    const entered = firstYearAt(left, keyYear, sentence.index, facts);
    if (entered !== undefined && entered <= keyYear - SCHOOL_ROOM) min = Math.max(min, entered);
  }
  // "earned a master's degree in ____" beside "graduated in 1929": no rival before the schooling
  // the article dates before the key.
  if (life && ADULT_ACT.test(sentence.text)) {
    // (Schooling just before the key leaves no room for rivals: then the other floors hold.)
    const school = schoolingBefore(keyYear, sentence.index, facts);
    if (school !== undefined && school <= keyYear - SCHOOL_ROOM) min = Math.max(min, school);
  }
  return min;
}

const SCHOOL_ROOM = 3;

/** "at the age of 43", "aged 43": the age at the key's event. */
const AGE_AT = /\b(?:at the age of|aged) (\d{1,2})\b/;
/** "forced to leave Johns Hopkins", "left the Royal Navy": the place a stem's subject leaves. */
const LEAVING =
  /\b(?:leave|left|leaving|quit|dropped out of)\s+((?:the\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)/u;

/** The earliest year, up to the key's, another sentence naming `place` gives. */
function firstYearAt(
  place: string,
  keyYear: number,
  own: number,
  facts: YearFacts,
): number | undefined {
  const name = place.replace(/^the\s+/, "");
  let first: number | undefined;
  for (const s of facts.sentences) {
    if (s.index === own || !s.text.includes(name)) continue;
    for (const span of facts.spans[s.index] ?? [])
      if (span.kind === "date" && span.year !== undefined && span.format !== "century")
        if (span.year <= keyYear && (first === undefined || span.year < first)) first = span.year;
  }
  return first;
}

/** An adult's act: a master's degree, a post, a hiring, an election (not an intended doctorate). */
const ADULT_ACT = /\b(?:master'?s|hired|appointed|employed|professional|position|elected)\b/i;
/** A sentence dating schooling: "graduating in 1925", "a bachelor's degree", "a master's". */
const SCHOOLING =
  /\b(?:graduat\w*|high school|finished school|left school|bachelor'?s?|master'?s|degree|diploma)\b/i;

const schoolingCache = new WeakMap<YearFacts, { year: number; sentence: number }[]>();
/** The latest year, up to the key's, in another sentence dating the subject's schooling. */
function schoolingBefore(keyYear: number, own: number, facts: YearFacts): number | undefined {
  let years = schoolingCache.get(facts);
  if (!years) {
    years = [];
    for (const s of facts.sentences) {
      if (!SCHOOLING.test(s.text)) continue;
      for (const span of facts.spans[s.index] ?? [])
        if (span.kind === "date" && span.year !== undefined && span.format !== "century")
          years.push({ year: span.year, sentence: s.index });
    }
    schoolingCache.set(facts, years);
  }
  let latest: number | undefined;
  for (const y of years)
    if (y.sentence !== own && y.year <= keyYear && (latest === undefined || y.year > latest))
      latest = y.year;
  return latest;
}
/** A stem about sales: "sales peaked", "sold", "the bestselling". */
const SALES = /\b(?:sales|sold|peaked|best-?sell\w*)\b/i;
/** A sentence that dates the first sales: "the first commercially successful pen", "went on sale". */
const LAUNCH =
  /\b(?:first commercially|commercially successful|went on sale|first (?:sold|marketed)|came on the market)\b/i;

const launchCache = new WeakMap<YearFacts, number | undefined>();
/** The earliest year the article gives its product's first sales, if it does. */
function launchYear(facts: YearFacts): number | undefined {
  if (launchCache.has(facts)) return launchCache.get(facts);
  let year: number | undefined;
  for (const s of facts.sentences) {
    if (!LAUNCH.test(s.text)) continue;
    for (const span of facts.spans[s.index] ?? [])
      if (span.kind === "date" && span.year !== undefined && span.format !== "century")
        year = Math.min(year ?? Infinity, span.year);
  }
  launchCache.set(facts, year);
  return year;
}

const DEATHS =
  /\bdeath of (?:\p{Ll}+ )*(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)+)|(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)+)(?:['’]s death| died)\b/u;
const deathCache = new WeakMap<
  YearFacts,
  Array<{ name: string; year: number; sentence: number }>
>();
/** "After the death of leader John Smith in 1994": people whose death the article dates. */
function deathsOf(facts: YearFacts): Array<{ name: string; year: number; sentence: number }> {
  let found = deathCache.get(facts);
  if (found) return found;
  found = [];
  for (const s of facts.sentences) {
    // Every match holds "death" or " died": most sentences need no run of the pattern.
    if (!s.text.includes("death") && !s.text.includes(" died")) continue;
    const m = DEATHS.exec(s.text);
    const name = m?.[1] ?? m?.[2];
    if (!m || !name) continue;
    // The first year after the name dates the death ("the death of Paul Grant in 1968").
    const after = m.index + m[0].length;
    let year: number | undefined;
    for (const span of facts.spans[s.index] ?? [])
      if (span.kind === "date" && span.year !== undefined && span.format !== "century")
        if (span.start >= after && span.start - after <= 12) {
          year = span.year;
          break;
        }
    if (year !== undefined) found.push({ name, year, sentence: s.index });
  }
  deathCache.set(facts, found);
  return found;
}

/**
 * The latest year a distractor for `keyYear` may take: no act of a person the stem names after
 * the death the article dates ("under John Smith's leadership in ____", Smith dead in 1994).
 */
export function latestPlausible(keyYear: number, sentence: Sentence, facts: YearFacts): number {
  let max = Infinity;
  for (const d of deathsOf(facts))
    if (d.year > keyYear && d.sentence !== sentence.index && sentence.text.includes(d.name))
      max = Math.min(max, d.year);
  return max;
}

/** The age from which the acts of a life a biography dates are an adult's (or a teenager's). */
const ADULT = 16;

const DURATION =
  /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:-|\s)years?(?:['’]s?)?(\s+(?:on|later|ago|earlier|after|since|before))?\b/gi;

/**
 * A year blank the stem answers by arithmetic: "Thatcher's 11 years by the end of ____" with
 * 1997 told elsewhere, "in ____, but 20 years on" (counted from the article's own present).
 */
export function durationAnswers(keyYear: number, sentence: Sentence, facts: YearFacts): boolean {
  for (const m of matches(sentence.text, DURATION)) {
    const raw = (m[1] ?? "").toLowerCase();
    const n = /^\d+$/.test(raw) ? Number(raw) : parseNumberWord(raw);
    if (n === undefined || n < 2) continue;
    if (m[2]) return true;
    for (const spans of facts.spans)
      for (const span of spans)
        if (
          span.kind === "date" &&
          span.year !== undefined &&
          span.format !== "century" &&
          Math.abs(span.year - keyYear) === n
        )
          return true;
  }
  return false;
}
