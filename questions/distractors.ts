/**
 * Distractors of the same kind and format as the key: dates in the key's format within a
 * plausible range (keeping before/after relations with other dates in the sentence), numbers
 * with the key's unit, magnitude and rounding, entities and terms of the key's class from the
 * article first and the gazetteer second. Every candidate passes `acceptable` — never the key
 * again by alias, acronym or surname, never a string already in the sentence, never a second
 * correct answer the article supports.
 */

import {
  allIslandPlay,
  alsoAfter,
  articleCycleYears,
  awardSentence,
  BODY_KINDS,
  continentReading,
  countCeiling,
  countGap,
  cycleStem,
  DECIMAL_APART,
  dayBounds,
  dayOfYear,
  decimalApart,
  EDITION_FROM,
  EDITION_GAP,
  EDITION_OFFSETS,
  electionStem,
  fieldLeft,
  fixtureBefore,
  formerPeople,
  hairPercent,
  hoursSpent,
  kinNamed,
  moveAbroad,
  namedCentury,
  namesGroup,
  nationalityFrame,
  nearField,
  noContestYear,
  nomineeStem,
  opponentGender,
  ownerRole,
  percentApart,
  playSentence,
  roundAnniversary,
  roundOrdinals,
  scaledPercents,
  scienceFirst,
  WAKING_HOURS,
  westminsterElections,
  winStem,
  winYears,
  wordOfTongue,
} from "./choice-rules.ts";
import type { Entity, EntityIndex, Mention } from "./entities.ts";
import { entityKey, roleAfter, roleBefore } from "./entities.ts";
import { genreBefore, leadingYear, oneSided, partyBefore } from "./frames.ts";
import {
  allCountries,
  allDemonyms,
  CONTINENTS,
  type CountryInfo,
  citiesOf,
  cityNamed,
  continentOf,
  countriesIn,
  countryByCode,
  countryNamed,
  nationalityNamed,
  regionNamed,
  regionsOf,
  regionWeight,
  regionWords,
  sameSideOfNorth,
} from "./gazetteer.ts";
import { earliestPlausible, latestPlausible } from "./inference.ts";
import {
  ALIAS_GROUPS,
  COMMON_NATIONALITIES,
  LANGUAGES,
  MONTHS,
  NEWSPAPERS,
  numberToWords,
  OCEAN_CURRENTS,
  ORGANISATION_FOUNDED,
  ORGANISATION_ROLES,
  ORGANISATIONS,
  SEAS,
  STATE_FOUNDED,
  STOPWORDS,
  TERM_CLASSES,
  UNIVERSITIES,
} from "./lexicon.ts";
import { likenessBefore, quotedBefore } from "./matches.ts";
import { memoized, memoizedPer } from "./memo.ts";
import { doesWhatKeyDoes, listedAlike } from "./org-roles.ts";
import { asMarket, placeFrame } from "./place-frames.ts";
import type { Random } from "./random.ts";
import type { ListSpan, Span } from "./spans.ts";
import { rarerSpellings } from "./spelling.ts";
import { letterDigitRuns, type Sentence } from "./text.ts";
import { type AnswerType, fits, genderOf, personShaped, typeName } from "./typing.ts";

export interface ArticleFacts {
  sentences: readonly Sentence[];
  index: EntityIndex;
  /** Terms by class as the article uses them. */
  terms: Map<string, Set<string>>;
  /** Every list in the article with the sentence holding it. */
  lists: Array<{ sentence: number; list: ListSpan }>;
  /** The earliest and latest year the article names (its span, and its date when unknown). */
  years?: { min: number; max: number };
  /** Answer spans of each sentence, found once. */
  spans: Span[][];
  /** Each sentence normalised and padded with spaces, for fast whole-phrase search. */
  normSentences: string[];
  /** Terms the article defines ("called stomata"), in their own spelling. */
  definedTerms?: Set<string>;
  /** Content words of each sentence, for the second-correct-answer check. */
  contentWords: Array<Set<string>>;
  /** The main subject's years of birth and death, when the opening gives them ("(1936 – 1958)"). */
  life?: { born: number; died: number };
  /** Years the lead paragraph names: the frame a reader knows from the first lines. */
  leadYears?: Set<number>;
  /** ISO codes of the countries the article names (by name or nationality). */
  countryCodes?: Set<string>;
  /** ISO code of the country the article is set in (generate.ts, homeCountry). */
  homeCountry?: string;
  /** The latest year the article names in a sentence that does not look ahead. */
  presentYear?: number;
  /** The year the article keeps returning to (the year it reviews, the plot's year). */
  frameYear?: number;
}

export const DISTRACTORS_WANTED = 3;

const ALIASES = new Map<string, Set<string>>();
for (const g of ALIAS_GROUPS) {
  const set = new Set(g.map((x) => entityKey(x)));
  for (const x of set) ALIASES.set(x, set);
}

function aliasGroup(normalised: string): Set<string> | undefined {
  return ALIASES.get(normalised);
}

/** Lower-cased content words (no function words), for overlap measures. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of letterDigitRuns(text.toLowerCase())) {
    if (w.length > 2 && !STOPWORDS.has(w)) out.add(w);
  }
  return out;
}

/** A name's comparable form (entityKey remembers it). */
const norm = entityKey;

function significantTokens(s: string): string[] {
  return norm(s)
    .split(" ")
    .filter((t) => t.length >= 3 || /\d/.test(t))
    .filter((t) => !STOPWORDS.has(t));
}

function initials(s: string): string {
  return norm(s)
    .split(" ")
    .filter((t) => t && !STOPWORDS.has(t))
    .map((t) => t[0])
    .join("");
}

/** Whether `text` occurs in `haystack` as whole words, ignoring case and accents. */
export function padded(text: string): string {
  return ` ${norm(text)} `;
}

export function containsPhrase(haystack: string, text: string): boolean {
  const h = ` ${norm(haystack)} `;
  const n = norm(text);
  return n.length > 0 && h.includes(` ${n} `);
}

interface Guard {
  /** The sentence without the key, normalised and padded. */
  stem: string;
  tokens: string[];
}

// Computed once per sentence and key: `acceptable` runs for every candidate in every pool.
const guards = new WeakMap<Sentence, Map<string, Guard>>();
function guardFor(sentence: Sentence, key: string): Guard {
  let byKey = guards.get(sentence);
  if (!byKey) {
    byKey = new Map();
    guards.set(sentence, byKey);
  }
  let guard = byKey.get(key);
  if (!guard) {
    guard = {
      stem: ` ${entityKey(sentence.text.replace(key, " "))} `,
      tokens: significantTokens(sentence.text),
    };
    byKey.set(key, guard);
  }
  return guard;
}

const tokenIndex = new WeakMap<ArticleFacts, Map<string, number[]>>();
/** The sentences whose normalised text holds a word: built once, so a candidate reads only those. */
export function sentencesWith(word: string, facts: ArticleFacts): readonly number[] {
  let index = tokenIndex.get(facts);
  if (!index) {
    index = new Map();
    facts.normSentences.forEach((text, i) => {
      // No Set per sentence: indices rise, so a repeat in the sentence is the list's last.
      for (const w of text.split(" ")) {
        if (!w) continue;
        const list = index?.get(w);
        if (!list) index?.set(w, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    tokenIndex.set(facts, index);
  }
  return index.get(word) ?? [];
}

/**
 * The shared guard for every distractor. `sentenceText` is the whole source sentence (stem
 * plus key); `taken` holds the key and the distractors chosen so far.
 */
export function acceptable(
  candidate: string,
  key: string,
  sentence: Sentence,
  taken: readonly string[],
  facts: ArticleFacts,
  proper: boolean,
): boolean {
  const c = norm(candidate);
  if (!c) return false;
  const group = aliasGroup(c);
  for (const t of taken) {
    const n = norm(t);
    if (group?.has(n)) return false;
    if (n === c || n.includes(c) || c.includes(n)) return false;
    if (proper) {
      const ct = c.split(" ");
      const nt = n.split(" ");
      // Same surname, or one is the other's acronym.
      // A body's last word is its kind, not a surname ("World Bank", "African Development Bank").
      if (
        ct.length > 1 &&
        nt.length > 1 &&
        ct[ct.length - 1] === nt[nt.length - 1] &&
        !bodyWord(ct[ct.length - 1] ?? "") &&
        !WATER_KINDS.has(ct[ct.length - 1] ?? "") &&
        compassHalf(t) === undefined
      )
        return false;
      if (initials(t) === c.replace(/ /g, "") || initials(candidate) === n.replace(/ /g, ""))
        return false;
    }
  }
  // Never a string already in the sentence (a stem that contains the answer's rival).
  const guard = guardFor(sentence, key);
  if (guard.stem.includes(` ${c} `)) return false;
  if (!proper) {
    // "nuclear physics" against "nuclear and molecular physics": every word already there.
    const words = significantTokens(candidate);
    if (words.length > 0 && words.every((w) => guard.tokens.includes(w))) return false;
  }
  if (proper) {
    // No shared name token, and no shared stem ("Russian" beside "Russia").
    const inSentence = guard.tokens;
    // "South America" beside the key "North America": the shared word names both halves.
    const half = compassHalf(candidate);
    const sharedHalf = half !== undefined && half === compassHalf(key) ? half : undefined;
    // "Glasgow University" beside the key "Edinburgh University", the Barents Sea beside the
    // White Sea: the kind of body or water they share.
    const keyWords = norm(key).split(" ");
    for (const t of significantTokens(candidate)) {
      if (/^\d+$/.test(t) || t === sharedHalf) continue;
      if ((bodyWord(t) || WATER_KINDS.has(t)) && keyWords.includes(t)) continue;
      if (
        inSentence.some(
          (u) => u === t || (t.length >= 5 && u.length >= 5 && u.slice(0, 5) === t.slice(0, 5)),
        )
      )
        return false;
    }
  }
  // A second correct answer: another sentence mentions the candidate in much the same words.
  const own = facts.contentWords[sentence.index] ?? new Set<string>();
  const padded = ` ${c} `;
  for (const index of sentencesWith(c.split(" ")[0] ?? "", facts)) {
    if (index === sentence.index || !(facts.normSentences[index] ?? "").includes(padded)) continue;
    const s = facts.sentences[index];
    if (!s) continue;
    const other = facts.contentWords[s.index] ?? new Set<string>();
    let shared = 0;
    for (const w of own) if (other.has(w)) shared++;
    if (shared >= Math.max(3, own.size * 0.4)) return false;
  }
  return true;
}

/** The last words of currents and waters: the Canary Current beside the Labrador Current. */
const WATER_KINDS: ReadonlySet<string> = new Set([
  "current",
  "drift",
  "sea",
  "ocean",
  "bay",
  "gulf",
]);

/** "america" of "South America": the word a compass point divides, lower-cased. */
function compassHalf(name: string): string | undefined {
  return /^(?:North|South|East|West|Central)\s+(\p{Lu}\p{Ll}+)$/u.exec(name)?.[1]?.toLowerCase();
}

/** The last word of a body's name that says what kind of body it is (choice-rules.ts). */
function bodyWord(word: string): boolean {
  return BODY_KINDS.has(word);
}

function pick(
  pool: readonly string[],
  key: string,
  sentence: Sentence,
  facts: ArticleFacts,
  proper: boolean,
  wanted = DISTRACTORS_WANTED,
  /** A further test, run only on the candidates reached (typing a name is not free). */
  fitting: (candidate: string) => boolean = () => true,
): string[] {
  const chosen: string[] = [];
  for (const candidate of pool) {
    if (chosen.length >= wanted) break;
    if (fitting(candidate) && acceptable(candidate, key, sentence, [key, ...chosen], facts, proper))
      chosen.push(candidate);
  }
  return chosen;
}

/** Splits `needed` distractors into how many fall below and above the key, at random. */
function belowCount(random: Random, minBelow: number, maxBelow: number): number {
  const lo = Math.max(0, minBelow);
  const hi = Math.min(DISTRACTORS_WANTED, maxBelow);
  return lo > hi ? lo : lo + random.int(hi - lo + 1);
}

function orderedValues(
  key: number,
  step: number,
  random: Random,
  bounds: { min: number; max: number },
  maxOffset: number,
): number[] {
  const below: number[] = [];
  const above: number[] = [];
  for (let k = 1; k <= maxOffset; k++) {
    if (key - k * step >= bounds.min) below.push(key - k * step);
    if (key + k * step <= bounds.max) above.push(key + k * step);
  }
  const nBelow = belowCount(random, DISTRACTORS_WANTED - above.length, below.length);
  const pickSome = (list: number[], n: number) => {
    // Nearer values are likelier; shuffle within the nearest few.
    const near = random.shuffle(list.slice(0, Math.max(n + 2, Math.ceil(list.length / 2))));
    return near.slice(0, n);
  };
  const b = pickSome(below, nBelow);
  const a = pickSome(above, DISTRACTORS_WANTED - b.length);
  const rest = random.shuffle([...below, ...above].filter((v) => !b.includes(v) && !a.includes(v)));
  return [...b, ...a, ...rest];
}

export function dateDistractors(
  span: Extract<Span, { kind: "date" }>,
  sentence: Sentence,
  allSpans: readonly Span[],
  facts: ArticleFacts,
  random: Random,
): string[] {
  // Other dates in the sentence bound the range: "from 1935 until ____" stays after 1935.
  let min = -Infinity;
  let max = Infinity;
  const keyYear = span.year;
  let century: { min: number; max: number } | undefined;
  let lastEdge = false;
  if (keyYear !== undefined && span.format !== "century") {
    for (const other of allSpans) {
      if (other === span || other.kind !== "date" || other.year === undefined) continue;
      if (other.format === "century") continue;
      if (other.year < keyYear) min = Math.max(min, other.year + 1);
      else if (other.year > keyYear) max = Math.min(max, other.year - 1);
    }
    max = Math.min(max, keyYear <= 2025 ? 2025 : keyYear + 10);
    // Unless the sentence looks ahead, a year cannot come after the article's latest year, nor far before
    // the article's earliest.
    const years = facts.years;
    const ahead = FUTURE.test(sentence.text);
    if (years && keyYear <= years.max && !ahead) max = Math.min(max, years.max);
    // The article's present is the latest year it tells in the past: a past event is no later
    // ("In ____, Mr Blair became premier", not 2008), an aim is no earlier ("by ____", not 1998).
    const present = facts.presentYear;
    if (present !== undefined && !ahead && keyYear < present) max = Math.min(max, present);
    if (present !== undefined && ahead && keyYear > present) min = Math.max(min, present + 1);
    // "due to be completed in ____" (2005): an aim a few years off, not 2017 nor 2001; as near
    // the article's present as the key is, or a little further.
    if (ahead && (present === undefined || keyYear > present)) {
      min = Math.max(min, keyYear - 4);
      max = Math.min(
        max,
        keyYear + (present === undefined ? 12 : Math.max(6, 2 * (keyYear - present))),
      );
    }
    // "supervising a staff by ____ and chief editor in 1949": with "by", a later year is true too.
    if (
      !AIM.test(sentence.text) &&
      /\bby (?:the end of |late |early )?$/i.test(sentence.text.slice(0, span.start))
    )
      max = Math.min(max, keyYear - 1);
    // "has held on to the top spot since ____": a state that still holds began before now,
    // so no rival falls after the key's next year.
    if (held(sentence.text, span.start, ahead)) max = Math.min(max, keyYear + 1);
    // "the youngest premier of the 20th century": its rivals stay in that century.
    century = namedCentury(sentence.text, keyYear);
    if (century) {
      min = Math.max(min, century.min);
      max = Math.min(max, century.max);
    }
    // Nothing after a founding or first event happens before it, nor an adult's act in childhood.
    min = Math.max(min, earliestPlausible(keyYear, sentence, facts));
    max = Math.min(max, latestPlausible(keyYear, sentence, facts));
    if (years)
      min = Math.max(min, years.min - Math.max(10, Math.round((years.max - years.min) / 4)));
    // A biography's events of its subject's life happen between birth and death: no school
    // started before birth, no match played after death.
    const life = facts.life;
    if (life && keyYear > life.born && keyYear <= life.died) {
      min = Math.max(min, life.born + 1);
      max = Math.min(max, life.died);
      // "In the final decade of his life … in ____": the ten years before the death.
      if (/\b(?:final|last) decade of (?:his|her) life\b/i.test(sentence.text))
        min = Math.max(min, life.died - 10);
    }
    // "… the first child born to a serving prime minister in more than 150 years" (2000), then
    // "The last 'Downing Street dad' was … in ____": the last one came before 1850.
    const gap = lastBefore(facts, sentence.index);
    if (gap !== undefined && keyYear < gap) {
      max = Math.min(max, gap);
      // No room after the key then: its rivals may all stand before it (as for a century).
      lastEdge = gap - keyYear <= CROWD + 2;
    }
    // "born to a serving prime minister": no day before the article has him take office.
    const start = SERVING.test(sentence.text) ? tenureStart(facts) : undefined;
    if (start !== undefined && keyYear >= start) min = Math.max(min, start);
  }
  const key = span.text;
  const texts: string[] = [];
  switch (span.format) {
    case "year": {
      const y = keyYear ?? 0;
      // "the ____ election campaign": the years the article names stand first.
      const named = cycleStem(sentence.text)
        ? articleCycleYears(y, facts.sentences, (i) => yearsIn(facts, i), {
            min: Math.max(min, y - CYCLE_REACH),
            max: Math.min(max, y + CYCLE_REACH),
          })
        : [];
      for (const v of named) texts.push(String(v));
      // "their first Grand Slam since ____": no championship was held in a world war's years.
      if (cycleStem(sentence.text))
        for (let i = texts.length - 1; i >= 0; i--)
          if (noContestYear(Number(texts[i]))) texts.splice(i, 1);
      // "the ____ election campaign": a year no election was held is no rival, and only the
      // article can say which were; with too few named, too few choices (no question).
      if (electionStem(sentence.text)) {
        const wins = winStem(sentence.text)
          ? winYears(facts.sentences, (i) => yearsIn(facts, i))
          : undefined;
        // "after the 2001 Labour landslide" told in 2004: the article's present, with the next
        // vote still ahead, was no past election.
        const present = facts.presentYear;
        const past = (t: string) =>
          present === undefined ||
          FUTURE.test(sentence.text) ||
          y >= present ||
          Number(t) !== present;
        // (Only where rivals enough remain: too few choices is no question at all.) With the
        // present gone, no vote the article tells may follow the key: earlier rivals only.
        const lost = wins ? texts.filter((t) => !wins.has(Number(t))) : texts;
        // Too few past votes of the article's own: a Westminster article's other general
        // elections stand after them (only those within the key's bounds, and no other win).
        if (lost.filter(past).length < DISTRACTORS_WANTED)
          for (const v of westminsterElections(y, facts.sentences, CYCLE_REACH))
            if (v >= min && v <= max && !wins?.has(v) && !texts.includes(String(v)))
              lost.push(String(v));
        // Even then the rivals may not all fall before the key: "first to win two successive
        // terms after the 2001 landslide" against 1983, 1987 and 1992 only is answered by the
        // key being the one vote after the leader came to power (graded drop, round 17).
        const pastOnly = lost.filter(past);
        const pool =
          pastOnly.length < lost.length && pastOnly.length >= DISTRACTORS_WANTED ? pastOnly : lost;
        // (A Westminster article's swapped-in rival is one of its general elections too.)
        const general = westminsterElections(y, facts.sentences, CYCLE_REACH);
        const all = pick(pool, key, sentence, facts, false, pool.length);
        const other = (t: string) => general.length === 0 || general.includes(Number(t));
        return sidedYears(bothSides(all, keyYear, other), keyYear);
      }
      // An aim a year or two off takes distractors as near: 2007 and 2009 beside 2005.
      const near =
        FUTURE.test(sentence.text) && facts.presentYear !== undefined && y > facts.presentYear;
      // A plan ("aims to … by ____", "due to be completed in ____"): rivals after it only.
      const plan = near && PLAN.test(sentence.text);
      // An aim's rivals come after it: an earlier year may be the article's own, too soon for
      // the plan, or already past ("due to be completed in ____" beside 2003). A plan's later
      // years are all open, so a set on one side is no give-away here.
      // A plan still to come beside a present two or more years before it ("due to be
      // completed in 2005", told in 2002): the year two before the plan is still ahead of the
      // present, so one rival may stand before the key and the key is not the earliest choice.
      // (Not an aim "by ____": reaching it two years sooner makes the later year true too.)
      const before =
        plan &&
        facts.presentYear !== undefined &&
        y - 2 > facts.presentYear &&
        !/\bby\s+$/i.test(sentence.text.slice(0, span.start));
      const offsets = near
        ? [2, plan ? 4 : -2, ...(before ? [-2] : []), ...yearOffsets(y, facts)]
        : yearOffsets(y, facts);
      // "In 1768 …" beside the article's 1769 and 1773: a rival three years off sits among
      // the article's own dates, and a reader cannot tell it from the key.
      const crowded = crowdedYear(y, facts);
      const apart = (list: string[]) =>
        crowded ? list.filter((t) => Math.abs(Number(t) - y) > CROWD) : list;
      // A century the stem names that ends within a few years of the key leaves no room on
      // its far side ("the 20th century" for 1997): the rivals may all stand before it, and
      // then as near the key as the article's own dates allow, a gap apart ("1993, 1990,
      // 1987" for 1997, not 1978, which reads as another era).
      const edge =
        lastEdge ||
        (century !== undefined && Math.min(y - century.min, century.max - y) <= CROWD + 2);
      const below = edge ? nearestOneSide(y, crowded ? CROWD + 1 : CROWD, 3, { min, max }) : [];
      // "The last … in ____" before a bound the article sets: one rival past the bound, which a
      // reader rules out by it, so the latest choice is not simply the key (round 18's grader).
      const spread = edge
        ? lastEdge && below.length >= DISTRACTORS_WANTED
          ? [...below.slice(0, DISTRACTORS_WANTED - 1), max + 1 + CROWD, ...below.slice(2)]
          : below
        : spreadValues(
            y,
            offsets,
            random,
            { min: plan ? (before ? y - 2 : y + 2) : min, max },
            near ? 2 : 3,
          );
      for (const v of spread)
        if (!cycleStem(sentence.text) || !noContestYear(v)) texts.push(String(v));
      const sided = (list: string[]) => (edge || plan ? list : sidedYears(list, keyYear));
      const chosen = sided(pick(apart(texts), key, sentence, facts, false));
      if (chosen.length > 0 || near) return chosen;
      // Nothing on one side three years off ("the award in 2018 and a fellowship in 2021"): two
      // years off is still apart, and puts a choice on each side of the key.
      const closer = spreadValues(y, [2, -2, ...offsets], random, { min, max }, 2).map(String);
      return sidedYears(pick(apart(closer), key, sentence, facts, false), keyYear);
    }
    case "decade": {
      const y = keyYear ?? 0;
      // "the late 1500s" reads as a century beside decades: no round hundred.
      for (const v of orderedValues(y, 10, random, { min: min - 9, max }, 5))
        if (v % 100 !== 0 || y % 100 === 0) texts.push(`${v}s`);
      return sidedYears(pick(texts, key, sentence, facts, false), keyYear);
    }
    case "century": {
      const c = keyYear ?? 0;
      // Centuries no later than the article's latest year, and none still to come for a
      // century already past ("has existed since the late 19th century", not the 21st).
      const current = facts.years ? Math.ceil((facts.years.max + 1) / 100) : 21;
      // (A bank's latest year may be far older than its writing: the next century stays open.)
      const latest = Math.max(c < current ? current - 1 : current, Math.min(c + 1, 20));
      // The near centuries only: "since the late 19th century" beside the 17th, 18th and
      // 20th, not the 15th.
      for (const v of orderedValues(
        c,
        1,
        random,
        { min: Math.max(1, c - 2), max: Math.min(21, latest) },
        2,
      ))
        texts.push(span.text.replace(/^\d+(?:st|nd|rd|th)/, ordinal(v)));
      break;
    }
    default: {
      const y = keyYear;
      // "arrested on 4 November 1605" in an article whose lead gives 1605: another year would
      // be a give-away, so the day and month change and the year stays.
      const life = facts.life;
      const framed =
        y !== undefined &&
        span.day !== undefined &&
        (facts.leadYears?.has(y) === true || facts.leadYears?.has(y - 1) === true) &&
        (!life || (y !== life.born && y !== life.died));
      const years =
        y === undefined
          ? []
          : framed
            ? Array.from({ length: 8 }, () => y)
            : held(sentence.text, span.start, FUTURE.test(sentence.text))
              ? // "held the top spot since June 2002": a reign of a year or three, on both sides.
                spreadValues(y, [-1, 1, -2, -3], random, { min, max }, 1)
              : spreadValues(y, yearOffsets(y, facts), random, { min, max }, 2);
      const month = span.month ?? 1;
      // "20 May, 2000": the distractors keep the key's comma.
      const dmyComma = /,\s*\d{3,4}$/.test(span.text);
      const months = random.shuffle(
        Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => m !== month),
      );
      // The year fixed, the article's own timeline bounds the day: the warning letter is no
      // later than the plot it warned of ("revealed … on ____" before "on 5 November").
      const [lo, hi] = framed ? timelineBounds(span, facts) : [-Infinity, Infinity];
      for (let i = 0, made = 0; made < 8 && i < 40; i++) {
        const m = months[i % months.length] ?? 1;
        const name = MONTHS[m - 1] ?? "";
        const day = span.day === undefined ? 0 : 1 + random.int(28);
        const year = years[made];
        if (framed && (dayOfYear(m, day) <= lo || dayOfYear(m, day) >= hi)) continue;
        made++;
        if (year === undefined && span.format !== "md" && span.format !== "dm") break;
        if (span.format === "dmy") texts.push(`${day} ${name}${dmyComma ? "," : ""} ${year}`);
        else if (span.format === "mdy") texts.push(`${name} ${day}, ${year}`);
        else if (span.format === "my") texts.push(`${name} ${year}`);
        else if (span.format === "md") texts.push(`${name} ${day}`);
        else if (span.format === "dm") texts.push(`${day} ${name}`);
      }
    }
  }
  return pick(texts, key, sentence, facts, false);
}

/**
 * Years on the one open side of the key, nearest first: from `first` years off, `gap` apart,
 * then the rest of that side within a dozen years in case the guard refuses some.
 */
export function nearestOneSide(
  key: number,
  first: number,
  gap: number,
  bounds: { min: number; max: number },
): number[] {
  const below = key - bounds.min >= bounds.max - key;
  const out: number[] = [];
  for (let d = first; d <= first + 12; d += gap) {
    const v = below ? key - d : key + d;
    if (v >= bounds.min && v <= bounds.max) out.push(v);
  }
  for (let d = first + 1; d <= first + 12; d++) {
    const v = below ? key - d : key + d;
    if (v >= bounds.min && v <= bounds.max && !out.includes(v)) out.push(v);
  }
  return out;
}

/** "has held on to the top spot since ____": a state begun at the key that still holds. */
function held(text: string, start: number, ahead: boolean): boolean {
  return (
    !ahead &&
    /\b(?:held|has|have|had|been)\b(?:(?!\bfirst\b)[^.])*\bsince\s+$/i.test(text.slice(0, start))
  );
}

/** How near the key the article's other years crowd it. */
const CROWD = 3;

const yearSets = new WeakMap<ArticleFacts, Set<number>>();
/** Whether the article names two other plain years within five of the key (a crowded stretch). */
function crowdedYear(year: number, facts: ArticleFacts): boolean {
  let years = yearSets.get(facts);
  if (!years) {
    years = new Set(facts.sentences.flatMap((s) => yearsIn(facts, s.index)));
    yearSets.set(facts, years);
  }
  let near = 0;
  for (let d = 1; d <= CROWD + 2; d++)
    near += Number(years.has(year - d)) + Number(years.has(year + d));
  return near >= 2;
}

/** The article's nearest other full dates of the key's year, before and after the key. */
function timelineBounds(
  span: Extract<Span, { kind: "date" }>,
  facts: ArticleFacts,
): [number, number] {
  const dates: Array<{ year?: number; month?: number; day?: number }> = [];
  for (const list of facts.spans) for (const sp of list) if (sp.kind === "date") dates.push(sp);
  return dayBounds(span, dates);
}

/** How far from the key an article-named year may stand as a cycle year's rival. */
const CYCLE_REACH = 30;

/** The plain years a sentence names (not decades or centuries). */
function yearsIn(facts: ArticleFacts, sentence: number): number[] {
  const out: number[] = [];
  for (const sp of facts.spans[sentence] ?? [])
    if (sp.kind === "date" && sp.year !== undefined && sp.format === "year") out.push(sp.year);
  return out;
}

/**
 * A day's count whose first rivals all stand below the key: the value two above it (not past
 * the ceiling) takes the smallest rival's place, so the largest figure is not the key.
 */
export function extremeAbove(v: number, values: readonly number[], ceiling: number): number[] {
  const head = values.slice(0, DISTRACTORS_WANTED);
  if (head.length < DISTRACTORS_WANTED || head.some((x) => x > v) || v + 2 > ceiling)
    return [...values];
  // The smallest rival gives way: at a third of the key it is no feat at all.
  const smallest = Math.min(...head);
  const kept = head.filter((x) => x !== smallest);
  return [...kept, v + 2, ...values.slice(DISTRACTORS_WANTED).filter((x) => x !== v + 2)];
}

/**
 * The first three choices, with the last swapped for one from the key's other side where they
 * all fall on one side and a later choice does not (an election the article names after it).
 */
function bothSides(
  chosen: string[],
  key: number | undefined,
  eligible: (choice: string) => boolean,
): string[] {
  const head = chosen.slice(0, DISTRACTORS_WANTED);
  if (key === undefined || head.length < DISTRACTORS_WANTED) return head;
  const year = (t: string) => leadingYear(t) ?? key;
  if (!oneSided(key, head.map(year))) return head;
  const below = year(head[0] ?? "") < key;
  const other = chosen
    .slice(DISTRACTORS_WANTED)
    .find((t) => eligible(t) && (below ? year(t) > key : year(t) < key));
  return other === undefined ? head : [...head.slice(0, DISTRACTORS_WANTED - 1), other];
}

/** "the first … in more than 150 years": the first for that long before the sentence's year. */
const FIRST_IN_YEARS = /\bfirst\b[^.;]*\bin (?:more than|over) (\d+) years\b/;

/**
 * The latest year "The last …" may name, where the sentence before tells of the first such
 * event "in more than N years" in year Y: Y − N − 1. Undefined otherwise.
 */
function lastBefore(facts: ArticleFacts, index: number): number | undefined {
  if (!/^(?:And )?The last\b/.test(facts.sentences[index]?.text ?? "")) return undefined;
  const previous = facts.sentences[index - 1]?.text ?? "";
  const span = Number(FIRST_IN_YEARS.exec(previous)?.[1]);
  const years = (facts.spans[index - 1] ?? []).flatMap((sp) =>
    sp.kind === "date" && sp.year !== undefined && sp.format !== "century" ? [sp.year] : [],
  );
  if (!span || years.length === 0) return undefined;
  return Math.max(...years) - span - 1;
}

/** A stem about an office held at the time: "a serving prime minister", "while in office". */
const SERVING =
  /\b(?:serving|sitting|incumbent)\s+(?:prime minister|premier|president|chancellor|leader)\b|\bin office\b/i;

/** "In 1997, Mr Blair became the youngest premier", "came to power in 1997": taking office. */
const TAKING_OFFICE =
  /\b(?:came to power|took office|became (?:the )?(?:\p{Ll}+ )?(?:premier|prime minister|president|chancellor))\b/u;

const tenures = new WeakMap<ArticleFacts, number | null>();
/** The year the article has its subject take office (its earliest such sentence's year). */
function tenureStart(facts: ArticleFacts): number | undefined {
  let found = tenures.get(facts);
  if (found === undefined) {
    found = null;
    for (const s of facts.sentences) {
      if (!TAKING_OFFICE.test(s.text)) continue;
      const years = yearsIn(facts, s.index);
      if (years.length > 0) {
        found = Math.min(...years);
        break;
      }
    }
    tenures.set(facts, found);
  }
  return found ?? undefined;
}

/** No year or decade key whose choices all fall before it, or all after it. */
function sidedYears(chosen: string[], key: number | undefined): string[] {
  if (key === undefined) return chosen;
  const years = chosen.slice(0, DISTRACTORS_WANTED).map((t) => leadingYear(t) ?? key);
  return oneSided(key, years) ? [] : chosen;
}

/** A sentence about what is to come: its years may pass the article's latest. */
export const FUTURE = /\b(?:will|would|expected|could|plans?|aims?|due|set to|by \d{4})\b/;
/** A plan's words: its year is a target, and no year before it is a fair rival. */
const PLAN = /\b(?:aims?|plans?|planned|due|expected|set to|targets?)\b/;
/** The words of an aim or forecast, without the "by 1945" that a past sentence may hold too. */
const AIM = /\b(?:will|would|expected|could|plans?|aims?|due|set to)\b/;

/** Offsets for year distractors: wider when the article spans centuries. */
function yearOffsets(_year: number, facts: ArticleFacts): number[] {
  const width = facts.years ? facts.years.max - facts.years.min : 20;
  const far = Math.max(12, Math.min(40, Math.round(width / 5)));
  const out: number[] = [];
  for (let k = 3; k <= far; k++) out.push(-k, k);
  return out;
}

/**
 * Three values around the key from `offsets`, none within `minGap` of the key or of each other
 * ("by 1700" against 1699 tests luck, not reading), nearer ones likelier, some below and some
 * above when the bounds allow; the rest follow in case the guard refuses some.
 */
export function spreadValues(
  key: number,
  offsets: readonly number[],
  random: Random,
  bounds: { min: number; max: number },
  minGap: number,
): number[] {
  const values = offsets.map((o) => key + o).filter((v) => v >= bounds.min && v <= bounds.max);
  const near = random.shuffle(values.filter((v) => Math.abs(v - key) <= Math.max(minGap * 4, 6)));
  const far = random.shuffle(values.filter((v) => Math.abs(v - key) > Math.max(minGap * 4, 6)));
  const chosen: number[] = [];
  const ok = (v: number) =>
    Math.abs(v - key) >= minGap && chosen.every((c) => Math.abs(c - v) >= minGap);
  for (const v of [...near, ...far]) if (ok(v)) chosen.push(v);
  // Not all on one side when both sides exist.
  const head = chosen.slice(0, DISTRACTORS_WANTED);
  const below = chosen.filter((v) => v < key);
  const above = chosen.filter((v) => v > key);
  if (head.every((v) => v < key) && above[0] !== undefined) head[head.length - 1] = above[0];
  else if (head.every((v) => v > key) && below[0] !== undefined) head[head.length - 1] = below[0];
  return [...head, ...chosen.filter((v) => !head.includes(v))];
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

export function numberDistractors(
  span: Extract<Span, { kind: "number" }>,
  sentence: Sentence,
  facts: ArticleFacts,
  random: Random,
  keyType: AnswerType,
): string[] {
  const v = span.value;
  const percent = keyType.kind === "percentage";
  if (percent && hairPercent(span.decimals)) {
    const texts = scaledPercents(v, span.decimals).map((d) => `${span.prefix}${d}${span.unit}`);
    return pick(texts, span.text, sentence, facts, false);
  }
  let values: number[];
  if (keyType.kind === "age") {
    // Ages within a human life, a few years apart.
    const offsets: number[] = [];
    // 65 and 74 beside 69 split hairs: the nearest is a tenth of the age away.
    for (let k = Math.max(3, Math.round(v * 0.1)); k <= 20; k++) offsets.push(-k, k);
    values = spreadValues(v, offsets, random, { min: v < 18 ? 4 : 15, max: v < 18 ? 17 : 99 }, 3);
  } else if (span.format === "ordinal" && roundAnniversary(sentence.text.slice(span.end), v)) {
    const round = roundOrdinals(v);
    values = spreadValues(
      v,
      round.map((x) => x - v),
      random,
      { min: 1, max: Infinity },
      5,
    );
  } else if (span.format === "ordinal" && v >= EDITION_FROM) {
    values = spreadValues(v, EDITION_OFFSETS, random, { min: 1, max: Infinity }, EDITION_GAP);
  } else if (span.format === "ordinal") {
    values = spreadValues(v, [-4, -3, -2, 2, 3, 4, 5, 6], random, { min: 1, max: Infinity }, 2);
  } else if (span.decimals > 0) {
    const unitStep = 10 ** -span.decimals;
    // 5.8 beside 4.4 seconds splits hairs: over a third of the key apart (choice-rules.ts).
    const step = unitStep * Math.max(2, Math.ceil((v * DECIMAL_APART) / unitStep));
    // "6.5" gets "5.5" or "7.5", never "6.0": a rounder number looks like a different kind.
    const lastDigitZero = (x: number) => x.toFixed(span.decimals).endsWith("0");
    values = orderedValues(v, step, random, { min: step, max: percent ? 100 : Infinity }, 8).filter(
      (x) => lastDigitZero(x) === lastDigitZero(v),
    );
  } else if (v < 20) {
    const max = percent ? 100 : span.format === "words" ? 99 : Infinity;
    // 10 and 16 beside 13 split hairs: from 8 up, a quarter of the key away at least.
    const near = Math.max(2, Math.ceil(v * 0.25));
    const offsets = [-6, -4, -3, -2, 2, 3, 4, 5, 6, 8, 10].filter(
      (o) => v < 8 || Math.abs(o) >= near,
    );
    // "two million passengers a month" beside ten million is more than any airport: a count of
    // millions stays within three times the key either way.
    const scaled = /^(?:thousand|million|billion|trillion)$/i.test(span.unit || keyType.unit || "");
    values = spreadValues(v, offsets, random, { min: scaled ? Math.max(2, v / 3) : 2, max }, 2);
    if (scaled) values = values.filter((x) => x <= v * 3);
  } else {
    // Keep the key's rounding: 600 moves in hundreds, 1,200 in hundreds, 37 in ones.
    const zeros = /0*$/.exec(String(v))?.[0].length ?? 0;
    const step = Math.max(1, 10 ** Math.min(zeros, Math.floor(Math.log10(v))));
    const factors = [0.5, 0.6, 0.75, 0.8, 1.25, 1.5, 2, 2.5];
    const set = new Set<number>();
    for (const f of factors) {
      const r = Math.round((v * f) / step) * step;
      if (r > 0 && Math.abs(r - v) >= 2 && (span.format !== "words" || r < 100)) set.add(r);
    }
    const below = [...set].filter((x) => x < v).sort((a, b) => b - a);
    const above = [...set].filter((x) => x > v).sort((a, b) => a - b);
    const nBelow = belowCount(random, DISTRACTORS_WANTED - above.length, below.length);
    const b = random.shuffle(below).slice(0, nBelow);
    const a = random.shuffle(above).slice(0, DISTRACTORS_WANTED - b.length);
    values = [
      ...b,
      ...a,
      ...random.shuffle([...set].filter((x) => !a.includes(x) && !b.includes(x))),
    ];
  }
  const before = sentence.text.slice(0, span.start);
  const after = sentence.text.slice(span.end);
  // A day that spends other hours leaves time to sleep: no more than the waking hours left
  // (choice-rules.ts); such a day's rivals stand three hours apart and from a third of the key.
  const spent = countCeiling(after, span.text) === 24 ? hoursSpent(before + after) : 0;
  const perDay = spent > 0 && spent < WAKING_HOURS;
  const ceiling = perDay ? WAKING_HOURS - spent + 1 : countCeiling(after, span.text);
  // "nine of the twelve grafts": every count from one to twelve, two at least from the key.
  if (ceiling !== undefined && v < ceiling && span.decimals === 0 && !percent) {
    const offsets = Array.from({ length: 2 * ceiling + 1 }, (_, i) => i - ceiling);
    // "18 hours a day" beside 16 and 20 splits hairs: from 8 up, a quarter of the key apart.
    // "one of their last 14" for a losing run, "1 hours a day": at least half the key.
    const floor = Math.max(1, Math.floor(v / (perDay ? 3 : 2)));
    const gap = perDay ? Math.min(3, countGap(v)) : countGap(v);
    values = spreadValues(v, offsets, random, { min: floor, max: ceiling - 1 }, gap);
    // "worked an average of 18 hours a day": a key near the waking day's end praises an
    // extreme, and rivals all below it point to the largest; one rival stands above it, at
    // most the day's ceiling (round 15).
    if (perDay) values = extremeAbove(v, values, ceiling);
  }
  // A share of a whole stays within 100%; a debt of 140% of output or a rise of 130% does not.
  const top = v > 100 ? Infinity : 100;
  const shares = (xs: number[]) => xs.filter((x) => x > 0 && x <= top && percentApart(v, x));
  // "growing by 13% annually": a share under 20 whose neighbours are all too near it takes
  // rivals at fractions and multiples of it (8%, 21%, 26%), as percentApart asks.
  if (percent && span.decimals === 0 && shares(values).length < DISTRACTORS_WANTED)
    values = [
      ...values,
      ...random.shuffle(
        [0.5, 0.6, 1.6, 2, 2.5].map((f) => Math.round(v * f)).filter((x) => !values.includes(x)),
      ),
    ];
  const texts = values
    .filter((x) => !percent || shares([x]).length > 0)
    .filter((x) => span.decimals === 0 || percent || decimalApart(v, x))
    .filter((x) => ceiling === undefined || v > ceiling || x <= ceiling)
    .filter((x) => Math.abs(x - v) >= Math.min(2, Math.max(v * 0.05, 10 ** -span.decimals)))
    .map((x) => formatNumberLike(span, x))
    .filter((t) => articleFits(before, t));
  return pick(texts, span.text, sentence, facts, false);
}

function formatNumberLike(span: Extract<Span, { kind: "number" }>, x: number): string {
  if (span.format === "ordinal") return ordinal(x);
  if (span.format === "words") {
    const w = numberToWords(x);
    return span.capital ? w.charAt(0).toUpperCase() + w.slice(1) : w;
  }
  // Thousands separators as English writes them, unless the key itself is written without.
  const plainKey = span.value >= 1000 && !span.commas;
  const digits =
    span.decimals > 0
      ? x.toFixed(span.decimals)
      : x >= 1000 && !plainKey
        ? groupThousands(x)
        : String(x);
  const unitGap = span.text.slice(span.text.search(/\d(?=\D*$)/) + 1).match(/^\s?/)?.[0] ?? "";
  return `${span.prefix}${span.unit ? `${digits}${unitGap}${span.unit}` : digits}`;
}

function groupThousands(x: number): string {
  return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "an 800 MW plant" vs "a 600 MW plant": the sound of the number must fit the article. */
function articleFits(before: string, text: string): boolean {
  const article = /\b(a|an)\s$/i.exec(before)?.[1]?.toLowerCase();
  if (!article) return true;
  const vowelSound = /^(?:8|11(?!\d{2}\b)|18(?!\d{2}\b)|[aeio]|un(?!i))/i.test(text);
  return article === "an" ? vowelSound : !vowelSound;
}

/** Which of the key's own places the stem names: a city key then stays in that country. */
export function stemNamesCountry(
  sentence: Sentence,
  key: string,
  code: string | undefined,
): boolean {
  if (!code) return false;
  const country = countryByCode(code);
  if (!country) return false;
  const rest = sentence.text.replace(key, " ");
  const names = [country.name, country.demonym, ...regionsOf(code).map((r) => r.name)];
  if (code === "GB") names.push("Britain", "UK", "British", "Scottish", "English", "Welsh");
  if (code === "US") names.push("America", "US", "U.S.", "American");
  return names.some((n) => n && containsPhrase(rest, n));
}

/** How many of a country's most populous cities stand as gazetteer rivals of a city key. */
const BIG_CITIES = 10;
/** The further cities of the key's own division a framed city question may take. */
const DIVISION_CITIES = 4;

/** Same-level places, nearest first: the key's country, then its subregion, then its region. */
function placePool(keyType: AnswerType, key: string, sentence: Sentence, random: Random): string[] {
  const sub = keyType.subregion;
  const region = (code: string | undefined) => (code ? countryByCode(code)?.region : undefined);
  const keyRegion = region(keyType.country);
  const code = keyType.country;
  // A Nordic key's Northern Europe is the Nordic lands: no Ireland beside it (gazetteer.ts).
  const sameSub = (sub ? countriesIn(sub) : []).filter(
    (c) => code === undefined || sameSideOfNorth(code, c.code),
  );
  const sameRegion = allCountries().filter((c) => c.region === keyRegion && c.subregion !== sub);
  switch (keyType.level) {
    case "city": {
      // Nottingham or Swansea as a summit's venue is fill: only the country's biggest cities
      // (the article's own places come first, from entityDistractors).
      const all = keyType.country ? citiesOf(keyType.country) : [];
      const own = all.slice(0, BIG_CITIES);
      // "born in ____ … a Church of Scotland minister": where the frame keeps rivals in the
      // key's own nation or province, its biggest cities stand after the country's.
      const admin = cityNamed(key)?.admin;
      const division = all
        .slice(BIG_CITIES)
        .filter((c) => admin !== undefined && c.admin === admin)
        .slice(0, DIVISION_CITIES)
        .map((c) => c.name);
      const local = [...random.shuffle(own.map((c) => c.name)), ...division];
      if (stemNamesCountry(sentence, key, keyType.country)) return local;
      const near = random.shuffle(
        sameSub
          .filter((c) => c.code !== keyType.country)
          .flatMap((c) =>
            citiesOf(c.code)
              .slice(0, 2)
              .map((x) => x.name),
          ),
      );
      return [...local, ...near];
    }
    case "region": {
      // "the English Schools XI against the team from ____": not England, the stem's own side.
      const rest = sentence.text.replace(key, " ");
      const regions = keyType.country ? regionsOf(keyType.country) : [];
      // A region of cities beside regions of cities: no Wyoming beside Ohio.
      const weighty = regionWeight(key) > 0;
      return random.shuffle(
        regions
          .filter((r) => !regionWords(r.name).some((w) => containsPhrase(rest, w)))
          .filter((r) => !weighty || regionWeight(r.name) > 0)
          .map((r) => r.name),
      );
    }
    case "country":
      // A bare "America" stands beside the better-known countries of other parts of the world.
      if (continentReading(key))
        return random.shuffle(
          prominentOfAll(24)
            .filter((c) => c.region !== keyRegion)
            .map((c) => c.name),
        );
      // Australia's part of the world holds New Zealand and micro-states: a reader weighs it
      // against countries of its standing elsewhere, never against Tuvalu.
      if (keyType.country && thinRegion(keyType.country))
        return [
          ...random.shuffle(prominent(sameSub).map((c) => c.name)),
          ...random.shuffle(
            prominentOfAll(24)
              .filter((c) => c.region !== keyRegion)
              .map((c) => c.name),
          ),
        ];
      return [
        ...random.shuffle(prominent(sameSub).map((c) => c.name)),
        ...random.shuffle(prominent(sameRegion).map((c) => c.name)),
      ];
    case "continent":
      return random.shuffle(CONTINENTS.filter((c) => c !== "Antarctica"));
    case "feature":
      if (keyType.unit === "current") return random.shuffle(watersBeside(key, OCEAN_CURRENTS));
      return keyType.unit === "water" ? random.shuffle(watersBeside(key, SEAS)) : [];
    default:
      return [];
  }
}

/**
 * "the White Sea region of the ____": an ocean beside the other oceans, a sea beside the seas of
 * its own waters (the Barents Sea, not the Caribbean, beside the White Sea), a current beside the
 * currents of its own ocean (no Kuroshio beside the Gulf Stream).
 */
function watersBeside(key: string, groups: Record<string, string[]>): string[] {
  const group = Object.values(groups).find((list) => list.includes(key));
  return (group ?? []).filter((w) => w !== key);
}

/**
 * The better-known of a set of countries (those with the most cities of 100,000 people): Spain
 * is set beside Italy and France, not beside San Marino and Malta.
 */
function prominent<T extends { code: string }>(countries: readonly T[], keep = 8): T[] {
  const ranked = [...countries].sort((a, b) => citiesOf(b.code).length - citiesOf(a.code).length);
  // Monaco and Andorra (one city, their capital) only when nothing bigger is near.
  const sizeable = ranked.filter((c) => citiesOf(c.code).length >= 2);
  return (sizeable.length >= 3 ? sizeable : ranked).slice(0, keep);
}

/**
 * A region with fewer than four countries of two big cities or more (Oceania). Remembered by
 * code: the gazetteer never changes, and every country candidate asks it of the key again.
 */
const thinRegion = memoized((code: string): boolean => {
  const region = countryByCode(code)?.region;
  return (
    allCountries().filter((c) => c.region === region && citiesOf(c.code).length >= 2).length < 4
  );
}, 1000);

const prominentCountries = new Map<number, readonly CountryInfo[]>();
/** `prominent(allCountries(), keep)`, ranked once per `keep`: the gazetteer never changes. */
function prominentOfAll(keep: number): readonly CountryInfo[] {
  let ranked = prominentCountries.get(keep);
  if (!ranked) {
    ranked = prominent(allCountries(), keep);
    prominentCountries.set(keep, ranked);
  }
  return ranked;
}

let bigCountries: Set<string> | undefined;
/** The 60 countries with the most big cities: peoples a reader has heard of. */
function isBigCountry(code: string): boolean {
  bigCountries ??= new Set(prominentOfAll(60).map((c) => c.code));
  return bigCountries.has(code);
}

/** A nationality that describes a person: "____ woman", "____ number two Rusedski". */
const PERSON_AFTER =
  /^\s*(?:wom[ae]n|m[ae]n|girl|boy|player|players|number (?:one|two|three)|star|champion|teenager|golfer|driver|athlete|runner|born|national|compatriot|\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)\b/u;

function peoplesPool(keyType: AnswerType, random: Random): string[] {
  const sub = keyType.subregion;
  const keyRegion = keyType.country ? countryByCode(keyType.country)?.region : undefined;
  const near: string[] = [];
  const far: string[] = [];
  for (const [demonym, c] of allDemonyms()) {
    // "Welsh" beside "Norwegian" only when the key is one of the UK's own peoples.
    if (c.code === "GB" && demonym !== "British" && keyType.country !== "GB") continue;
    if (!isBigCountry(c.code) || formerPeople(demonym)) continue;
    if (c.subregion === sub) near.push(demonym);
    else if (c.region === keyRegion) far.push(demonym);
  }
  const common = COMMON_NATIONALITIES.filter((d) => !formerPeople(d));
  return [...random.shuffle(near), ...random.shuffle(far), ...random.shuffle(common)];
}

function gazetteerPool(
  keyType: AnswerType,
  key: string,
  sentence: Sentence,
  random: Random,
): string[] {
  switch (keyType.kind) {
    case "place":
      return placePool(keyType, key, sentence, random);
    case "nationality":
      return peoplesPool(keyType, random);
    case "language":
      return random.shuffle([...LANGUAGES]);
    case "organisation":
      // The list of international bodies only suits a key that is one.
      return /\b(?:International|United|World|Nations|Cooperation|Union|Assembly|Council|Organi[sz]ation|Agency|Fund|Commonwealth|Association)\b/.test(
        key,
      ) && !/\b(?:Company|Corporation|Pen|Ltd|Inc|Co|Motors|Bank|Group)\b/.test(key)
        ? random.shuffle(sameRole(key).filter((n) => doesWhatKeyDoes(key, n, sentence.text)))
        : orgHead(key) === "media"
          ? random.shuffle(NEWSPAPERS)
          : universityPool(key, random);
    default:
      return [];
  }
}

/**
 * "a degree in history from ____" (Edinburgh University): the universities of the country's
 * (for the UK, the nation's) biggest other cities, in the key's own shape, where universities
 * are named for their cities (Europe); a famous university beside the famous others.
 */
function universityPool(key: string, random: Random): string[] {
  if (/^(?:University College|University Press)$/.test(key)) return [];
  if (UNIVERSITIES.includes(key)) return random.shuffle(UNIVERSITIES.filter((u) => u !== key));
  const m = /^(?:University of (\p{Lu}[\p{L}]+)|(\p{Lu}[\p{L}]+) University)$/u.exec(key);
  const city = cityNamed(m?.[1] ?? m?.[2] ?? "");
  if (!m || !city || countryByCode(city.code)?.region !== "Europe") return [];
  const named = (c: string) => (m[1] ? `University of ${c}` : `${c} University`);
  const others = citiesOf(city.code)
    .filter((c) => c.name !== city.name && (city.code !== "GB" || c.admin === city.admin))
    .filter((c) => !c.name.includes(" "))
    .slice(0, UNIVERSITY_CITIES);
  return random.shuffle(others.map((c) => named(c.name)));
}

/** How many of a country's biggest other cities lend their names to a university's rivals. */
const UNIVERSITY_CITIES = 6;

/** "The IMF" beside the African Development Bank: a body's acronym stands for its three words. */
function acronymBeside(keyType: AnswerType, key: string, name: string): boolean {
  return keyType.kind === "organisation" && /^[A-Z]{2,5}$/.test(key) && name.split(" ").length <= 3;
}

/** A body founded after the sentence's era (else the article's present): an anachronism. */
function foundedAfter(name: string, sentence: Sentence, facts: ArticleFacts): boolean {
  const founded = ORGANISATION_FOUNDED.get(name);
  if (founded === undefined) return false;
  // "With the establishment of the Kalmar Union (1397–1523)": no World Trade Organization
  // beside a union of the sentence's own years; an undated sentence is read at the present.
  const told = sentenceEra(facts, sentence.index) ?? facts.presentYear ?? facts.years?.max;
  return told !== undefined && founded > told;
}

/**
 * A state founded after the sentence's era (its own years, else its paragraph's earliest): no Pakistan
 * beside the ballpoint's markets of 1945. Without a dated era nothing is ruled out.
 */
function stateAfter(name: string, sentence: Sentence, facts: ArticleFacts): boolean {
  const founded = STATE_FOUNDED.get(name);
  if (founded === undefined) return false;
  // Undated, the sentence is read at its paragraph's earliest year: the story it tells may
  // run on past the state's founding, but its first market or war did not.
  // (Only a paragraph of one decade: one that sets the present beside history has no era.)
  let era = sentenceEra(facts, sentence.index);
  if (era === undefined) {
    const eras: number[] = [];
    for (const s of facts.sentences)
      if (s.block === sentence.block) {
        const e = sentenceEra(facts, s.index);
        if (e !== undefined) eras.push(e);
      }
    if (eras.length > 0 && Math.max(...eras) - Math.min(...eras) <= 10) era = Math.min(...eras);
  }
  return era !== undefined && founded > era;
}

/** Whether two bodies share a role where both have one (a lender and a health body do not). */
function sameRoleAs(key: string, other: string): boolean {
  const a = ORGANISATION_ROLES.get(key);
  const b = ORGANISATION_ROLES.get(other);
  return a === undefined || b === undefined || rolesShared(a, b);
}

/** "lender forecaster" and "forecaster" share a role; "lender" and "creditors" do not. */
export function rolesShared(a: string, b: string): boolean {
  const theirs = b.split(" ");
  return a.split(" ").some((r) => theirs.includes(r));
}

/** The international bodies of the key's role (lenders beside a lender), or all of them. */
function sameRole(key: string): string[] {
  const role = ORGANISATION_ROLES.get(key);
  if (!role) return [...ORGANISATIONS];
  return [...ORGANISATION_ROLES].filter(([, r]) => rolesShared(role, r)).map(([name]) => name);
}

function lastKeyword(name: string): string {
  const words = name.split(" ");
  return /^(?:University|College|Institute)$/.test(words[0] ?? "")
    ? (words[0] ?? "")
    : (words[words.length - 1] ?? "");
}

const shapes = new Map<string, { words: number; keyword: string }>();
/** A name's word count and keyword, found once per name: every entity question ranks them all. */
function shapeOf(name: string): { words: number; keyword: string } {
  let shape = shapes.get(name);
  if (!shape) {
    if (shapes.size > 20000) shapes.clear();
    shape = { words: name.split(" ").length, keyword: lastKeyword(name) };
    shapes.set(name, shape);
  }
  return shape;
}

const REGNAL = /\s[IVX]+$/;

function sameFirstAndLast(a: string, b: string): boolean {
  const x = a.split(" ");
  const y = b.split(" ");
  return x.length > 1 && y.length > 1 && x[0] === y[0] && x[x.length - 1] === y[y.length - 1];
}

const fullNames = new WeakMap<ArticleFacts, Map<string, string>>();
/** The article's whole name for a lone surname, else the name itself (found once per name). */
/**
 * A person's sex from the given name of their whole name: a bare surname tells nothing
 * ("Corry", which the name lists hold as a woman's, is Martin Corry).
 */
function nameGender(name: string, facts: ArticleFacts): "f" | "m" | "" {
  const full = fullName(name, facts);
  return full.includes(" ") ? genderOf(full) : "";
}

/** A person's sex from their whole name, else the article's pronouns. */
function personGender(name: string, facts: ArticleFacts): "f" | "m" | "" {
  return nameGender(name, facts) || pronounGender(name, facts);
}

/** Whether two people the article names are known to be of different sexes. */
export function sexesDiffer(a: string, b: string, facts: ArticleFacts): boolean {
  const ga = personGender(a, facts);
  const gb = personGender(b, facts);
  return ga !== "" && gb !== "" && ga !== gb;
}

function fullName(name: string, facts: ArticleFacts): string {
  if (name.includes(" ")) return name;
  let known = fullNames.get(facts);
  if (!known) {
    known = new Map<string, string>();
    for (const p of facts.index.byKey.values()) {
      if (p.cls !== "person") continue;
      const last = p.name.split(" ").pop() ?? "";
      if (last !== p.name && !known.has(last)) known.set(last, p.name);
    }
    fullNames.set(facts, known);
  }
  const e = facts.index.byAlias.get(entityKey(name));
  if (e?.cls === "person") return e.name;
  return known.get(name) ?? name;
}

const pronounGenders = new WeakMap<ArticleFacts, Map<Entity, "f" | "m" | "">>();
/**
 * A person's gender from the pronouns of the sentences where they are the only person named
 * ("Roddick … his serve"): for names like "Andy" or "Kim" that the name lists leave open.
 */
export function pronounGender(name: string, facts: ArticleFacts): "f" | "m" | "" {
  let known = pronounGenders.get(facts);
  if (!known) {
    known = new Map();
    const tally = new Map<Entity, { f: number; m: number }>();
    // The next sentence's words up to its next person, if it opens on "She" or "He".
    const openingPronoun = (index: number, next: Mention | undefined): string => {
      const text = facts.sentences[index]?.text ?? "";
      if (!/^(?:She|He)\b/.test(text)) return "";
      return next?.sentence === index ? text.slice(0, next.start) : text;
    };
    // The words after each person up to the next one: "Keller reached his second final but
    // lost to Marsh" is Keller's; "her split from Hewitt" is not Hewitt's.
    const people = facts.index.mentions
      .filter((m) => m.cls === "person")
      .sort((a, b) => a.sentence - b.sentence || a.start - b.start);
    people.forEach((m, i) => {
      const e = facts.index.byAlias.get(entityKey(m.name));
      if (!e) return;
      const next = people[i + 1];
      const text = facts.sentences[m.sentence]?.text ?? "";
      // "… but Clijsters had an even more miserable 2004. She suffered …": a next sentence
      // that opens on a pronoun, before anyone else is named, goes on about the last named.
      const following = next?.sentence === m.sentence ? "" : openingPronoun(m.sentence + 1, next);
      const g = stemGender(
        `${text.slice(m.end, next?.sentence === m.sentence ? next.start : undefined)} ${following}`,
      );
      if (!g) return;
      const t = tally.get(e) ?? { f: 0, m: 0 };
      t[g]++;
      tally.set(e, t);
    });
    for (const [e, t] of tally)
      known.set(e, t.f > 0 && t.m === 0 ? "f" : t.m > 0 && t.f === 0 ? "m" : "");
    pronounGenders.set(facts, known);
  }
  const e = facts.index.byAlias.get(entityKey(name));
  return e ? (known.get(e) ?? "") : "";
}

/** "England", "English" and "Irish" as the side they name: a country, or one of its nations. */
function sideName(word: string): string | undefined {
  const region = regionNamed(word);
  if (region) return region.name;
  const country = countryNamed(word) ?? nationalityNamed(word);
  if (!country) return undefined;
  // "English", "Scottish": the UK's nations are sides of their own.
  const nation = regionsOf(country.code).find((r) => regionDemonym(r.name) === word);
  return nation?.name ?? country.name;
}

function regionDemonym(name: string): string | undefined {
  return { England: "English", Scotland: "Scottish", Wales: "Welsh" }[name];
}

/** "England fly-half ", "Leicester's ", "British number two ": the side a name is given. */
export function sideBefore(before: string): string | undefined {
  const m = /(\p{Lu}[\p{L}]+)(['’]s)?\s+(?:([\p{Ll}-]+(?: (?:one|two|three))?)\s+)?$/u.exec(before);
  if (!m?.[1]) return undefined;
  if (m[3] ? !roleBefore(`${m[3].split(" ")[0]} `) && !/^number /.test(m[3]) : !m[2])
    return undefined;
  return sideName(m[1]);
}

const sentenceSides = new WeakMap<ArticleFacts, Map<number, Set<string>>>();
/** The one side a sentence names ("… kept Ireland on track"), if it names exactly one. */
function soleSide(facts: ArticleFacts, sentence: number): string | undefined {
  let bySentence = sentenceSides.get(facts);
  if (!bySentence) {
    bySentence = new Map();
    for (const m of facts.index.mentions) {
      if (m.cls === "person") continue;
      const side = sideName(m.name);
      if (!side) continue;
      const sides = bySentence.get(m.sentence) ?? new Set<string>();
      sides.add(side);
      bySentence.set(m.sentence, sides);
    }
    sentenceSides.set(facts, bySentence);
  }
  const sides = bySentence.get(sentence);
  return sides?.size === 1 ? [...sides][0] : undefined;
}

/**
 * What the article calls each person most often, by `labelOf` (a label and its weight for one
 * mention of a person, or nothing): the label with the most weight, when no other ties it. Worked
 * out once per article and labeller (`cache`).
 */
function personLabels(
  cache: WeakMap<ArticleFacts, Map<Entity, string>>,
  facts: ArticleFacts,
  labelOf: (m: Mention, text: string) => [label: string, weight: number] | undefined,
): Map<Entity, string> {
  let known = cache.get(facts);
  if (known) return known;
  known = new Map();
  const tallies = new Map<Entity, Map<string, number>>();
  for (const m of facts.index.mentions) {
    if (m.cls !== "person") continue;
    const entity = facts.index.byAlias.get(entityKey(m.name));
    if (!entity) continue;
    const label = labelOf(m, facts.sentences[m.sentence]?.text ?? "");
    if (!label) continue;
    const tally = tallies.get(entity) ?? new Map<string, number>();
    tally.set(label[0], (tally.get(label[0]) ?? 0) + label[1]);
    tallies.set(entity, tally);
  }
  for (const [entity, tally] of tallies) {
    const [first, second] = [...tally].sort((x, y) => y[1] - x[1]);
    if (first && (!second || first[1] > second[1])) known.set(entity, first[0]);
  }
  cache.set(facts, known);
  return known;
}

const sidesOf = new WeakMap<ArticleFacts, Map<Entity, string>>();
/**
 * The side (team, country) the article puts a person on: "England fly-half Charlie Hodgson"
 * counts three times, a sentence that names the person and one side once; the larger tally wins.
 */
function personSide(e: Entity, facts: ArticleFacts): string | undefined {
  return personLabels(sidesOf, facts, (m, text) => {
    const explicit = sideBefore(text.slice(Math.max(0, m.start - 40), m.start));
    const side = explicit ?? soleSide(facts, m.sentence);
    return side ? [side, explicit ? 3 : 1] : undefined;
  }).get(e);
}

const partiesOf = new WeakMap<ArticleFacts, Map<Entity, string>>();
/** The party the article gives a person most often ("Tory spokesman Michael Ancram"). */
function personParty(e: Entity, facts: ArticleFacts): string | undefined {
  return labelBefore(partiesOf, facts, partyBefore).get(e);
}

const genresOf = new WeakMap<ArticleFacts, Map<Entity, string>>();
/** The music the article most often sets a person in ("soul singer Percy Sledge"). */
function personGenre(e: Entity, facts: ArticleFacts): string | undefined {
  return labelBefore(genresOf, facts, genreBefore).get(e);
}

/** Each person's label that `read` finds most often in the 60 characters before a mention. */
function labelBefore(
  cache: WeakMap<ArticleFacts, Map<Entity, string>>,
  facts: ArticleFacts,
  read: (before: string) => string | undefined,
): Map<Entity, string> {
  return personLabels(cache, facts, (m, text) => {
    const label = read(text.slice(Math.max(0, m.start - 60), m.start));
    return label ? [label, 1] : undefined;
  });
}

/** The middle of the years a sentence names, if it names any. */
function sentenceEra(facts: ArticleFacts, sentence: number): number | undefined {
  const years: number[] = [];
  for (const sp of facts.spans[sentence] ?? [])
    if (sp.kind === "date" && sp.year !== undefined) years.push(sp.year);
  if (years.length === 0) return undefined;
  years.sort((a, b) => a - b);
  return years[Math.floor(years.length / 2)];
}

const paragraphEras = new WeakMap<ArticleFacts, Map<number, number | undefined>>();
/** The middle of the years a sentence's paragraph names: "then coaching the England schools team". */
function paragraphEra(facts: ArticleFacts, sentence: Sentence): number | undefined {
  let byBlock = paragraphEras.get(facts);
  if (!byBlock) {
    byBlock = new Map();
    paragraphEras.set(facts, byBlock);
  }
  if (!byBlock.has(sentence.block)) {
    const years: number[] = [];
    for (const s of facts.sentences) {
      if (s.block !== sentence.block) continue;
      const era = sentenceEra(facts, s.index);
      if (era !== undefined) years.push(era);
    }
    years.sort((a, b) => a - b);
    byBlock.set(sentence.block, years[Math.floor(years.length / 2)]);
  }
  return byBlock.get(sentence.block);
}

const erasOf = new WeakMap<ArticleFacts, Map<Entity, number>>();
/** The middle of the years named where the article mentions a person: when they lived, roughly. */
function personEra(e: Entity, facts: ArticleFacts): number | undefined {
  let known = erasOf.get(facts);
  if (!known) {
    known = new Map();
    const years = new Map<Entity, number[]>();
    for (const m of facts.index.mentions) {
      if (m.cls !== "person") continue;
      const entity = facts.index.byAlias.get(entityKey(m.name));
      const era = sentenceEra(facts, m.sentence);
      if (!entity || era === undefined) continue;
      const list = years.get(entity) ?? [];
      list.push(era);
      years.set(entity, list);
    }
    for (const [entity, list] of years) {
      list.sort((a, b) => a - b);
      known.set(entity, list[Math.floor(list.length / 2)] ?? 0);
    }
    erasOf.set(facts, known);
  }
  return known.get(e);
}

/** Further apart than this, two people the article dates cannot stand in for each other. */
const ERA_GAP = 40;

const quotedOnly = new WeakMap<ArticleFacts, Set<Entity>>();
/**
 * People the article names only inside quotation marks or as a likeness ("the “Reynolds
 * Rocket”", "live like Robinson Crusoe"): a product or a figure of speech, never a rival.
 */
export function namedOnlyInPassing(e: Entity, facts: ArticleFacts): boolean {
  let set = quotedOnly.get(facts);
  if (!set) {
    const real = new Set<Entity>();
    const seen = new Set<Entity>();
    for (const m of facts.index.mentions) {
      const entity = facts.index.byAlias.get(entityKey(m.name));
      if (!entity) continue;
      seen.add(entity);
      const text = facts.sentences[m.sentence]?.text ?? "";
      if (!quotedBefore(text, m.start) && !likenessBefore(text, m.start)) real.add(entity);
    }
    set = new Set([...seen].filter((e) => !real.has(e)));
    quotedOnly.set(facts, set);
  }
  return set.has(e);
}

/** "f" or "m" when a sentence's pronouns are all of one gender. */
const playerGenders = new WeakMap<ArticleFacts, Map<number, "f" | "m" | "">>();
/**
 * The one sex of the people a sentence about play names beside the key ("Federer's
 * performance against …"), or "" when it is not about play, names none known or they differ.
 */
function playersGender(key: string, sentence: Sentence, facts: ArticleFacts): "f" | "m" | "" {
  if (!playSentence(sentence.text)) return "";
  let known = playerGenders.get(facts);
  if (!known) {
    known = new Map();
    playerGenders.set(facts, known);
  }
  const cached = known.get(sentence.index);
  if (cached !== undefined) return cached;
  let found: "f" | "m" | "" = "";
  let mixed = false;
  for (const m of facts.index.mentions) {
    if (m.sentence !== sentence.index || m.cls !== "person" || m.name === key) continue;
    const g = genderOf(m.name) || genderOf(fullName(m.name, facts)) || pronounGender(m.name, facts);
    if (!g) continue;
    if (found && found !== g) mixed = true;
    found = g;
  }
  const out = mixed ? "" : found;
  known.set(sentence.index, out);
  return out;
}

export function stemGender(text: string): "f" | "m" | "" {
  const f = /\b(?:she|her|hers|herself|woman|women's)\b/i.test(text);
  const m = /\b(?:he|him|his|himself|man|men's)\b/i.test(text);
  return f && !m ? "f" : m && !f ? "m" : "";
}

/** What kind of body an organisation's last word makes it ("Football League": a league). */
const ORG_HEADS: Record<string, string> = {};
for (const [group, list] of Object.entries({
  education: "University College School Academy Institute Polytechnic Seminary Conservatoire",
  sport: "League FC Club Federation",
  military: "Army Navy Force Corps Regiment Guard Brigade Division Service",
  government:
    "Office Ministry Department Council Parliament Assembly Commission Court Treasury Agency Bureau Government Senate Congress Committee",
  party: "Party",
  company: "Company Corporation Inc Ltd Group Motors Bank Airlines Industries",
  media:
    "News Times Post Magazine Journal Broadcasting Gazette Herald Tribune Globe Guardian Telegraph Chronicle Observer Review Digest Quarterly Weekly",
  // "Oxford University Press" is a publisher, not a university; "the Manhattan Project" a project.
  publisher: "Press Publishers Publishing",
  project: "Project Programme Program Initiative",
  church: "Church Cathedral Abbey Diocese",
}))
  for (const w of list.split(" ")) ORG_HEADS[w] = group;

function orgHead(name: string): string | undefined {
  // "University of Oxford", "Ministry of Defence": the head comes first.
  const first = /^(\p{Lu}\p{Ll}+) (?:of|for)\b/u.exec(name)?.[1];
  if (first && ORG_HEADS[first]) return ORG_HEADS[first];
  const last = name.split(" ").pop() ?? "";
  return ORG_HEADS[last] ?? ORG_HEADS[last.replace(/s$/, "")];
}

function rolesFit(key: ReadonlySet<string>, other: ReadonlySet<string>): boolean {
  if (other.has("family") && !key.has("family")) return false;
  if (key.size === 0 || other.size === 0) return true;
  for (const r of other) if (key.has(r)) return true;
  return false;
}

/** An entity the whole article is about: a give-away as a key and a silly distractor. */
export function isTopic(e: Entity, facts: ArticleFacts): boolean {
  return e === facts.index.mainSubject || e.count >= Math.max(6, facts.sentences.length / 6);
}

const surnameCache = new WeakMap<ArticleFacts, Set<string>>();
/** The last words of the article's people's whole names ("Davenport", "Markham"). */
export function personSurnames(facts: ArticleFacts): Set<string> {
  let set = surnameCache.get(facts);
  if (!set) {
    set = new Set();
    for (const e of facts.index.byKey.values()) {
      if (e.cls !== "person") continue;
      const cut = e.name.lastIndexOf(" ");
      if (cut >= 0) set.add(e.name.slice(cut + 1));
    }
    surnameCache.set(facts, set);
  }
  return set;
}

/** "the Miles Martin pen company": a name the article uses for a firm, not a person. */
// Asked of the same people for every key: once per article and name.
const namesAFirm = (name: string, facts: ArticleFacts): boolean => firmNamed(facts, name);
const firmNamed = memoizedPer((facts: ArticleFacts, name: string) =>
  namesAFirmUncached(name, facts),
);

const FIRM_WORD = /\b(?:company|firm|corporation|brand)\b/;

function namesAFirmUncached(name: string, facts: ArticleFacts): boolean {
  // The pattern opens on the name as written and ends on a word for a firm: only a sentence
  // that holds both can match, and most hold no such word, so most names need no pattern.
  const holding = sentencesWith(norm(name).split(" ")[0] ?? "", facts)
    .map((i) => facts.sentences[i]?.text ?? "")
    .filter((text) => FIRM_WORD.test(text) && text.includes(name));
  if (holding.length === 0) return false;
  const firm = new RegExp(
    `${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+(?:\\p{Ll}+\\s+)?(?:company|firm|corporation|brand)\\b`,
    "u",
  );
  return holding.some((text) => firm.test(text));
}

/** A value made on first use only, then kept (`make` runs once at most). */
function lazy<T>(make: () => T): () => T {
  let held: { value: T } | undefined;
  return () => {
    held ??= { value: make() };
    return held.value;
  };
}

/**
 * Whether a candidate fits the key's type and frame, as a test of candidates for one question:
 * what it reads of the key and its sentence alone (the key's gender, the stem's frames) is read
 * once per question, on first need, not once per candidate.
 */
export function candidateFitter(
  keyType: AnswerType,
  key: string,
  sentence: Sentence,
  facts: ArticleFacts,
): (candidate: string) => boolean {
  const keyWords = key.split(" ").length;
  const afterKey = lazy(() => sentence.text.slice(sentence.text.indexOf(key) + key.length));
  // "Academy librarian ____ said … her uncle": a woman beside women, a man beside men.
  // The key's gender from its name, else from the stem's own pronouns ("… her uncle").
  const opponent = lazy(() => opponentGender(sentence.text));
  const keyGender = lazy(
    () =>
      nameGender(key, facts) ||
      stemGender(sentence.text) ||
      pronounGender(key, facts) ||
      opponent() ||
      playersGender(key, sentence, facts),
  );
  const genderStated = lazy(() => (stemGender(sentence.text) || opponent()) !== "");
  const alsoAfterKey = lazy(() => alsoAfter(afterKey()));
  const previous = facts.sentences[sentence.index - 1]?.text ?? "";
  const regnalKey = REGNAL.test(key);
  const kin = lazy(() => kinNamed(sentence.text));
  const ofTongue = lazy(() => wordOfTongue(afterKey()));
  const abroad = lazy(() => moveAbroad(afterKey()));
  const warKey = /\bWars?\b/.test(key);
  const keyHead = lazy(() => orgHead(key));
  const countryInStem = lazy(() => stemNamesCountry(sentence, key, keyType.country));
  const keyAmerica = lazy(() => continentReading(key));
  return (candidate) => {
    const t = typeName(candidate, facts.index);
    if (!fits(keyType, t)) return false;
    // "Markham" the conspirator is no city, whatever the data says.
    const known = facts.index.byAlias.get(entityKey(candidate));
    if (known?.cls === "person" && keyType.kind !== "person") return false;
    if (
      keyType.kind !== "person" &&
      !candidate.includes(" ") &&
      personSurnames(facts).has(candidate)
    )
      return false;
    // A stray capitalised word ("Clouds", "Minister") the article also writes in lower case.
    if (!candidate.includes(" ") && facts.index.lowerWords.has(candidate.toLowerCase()))
      return false;
    if (keyType.kind === "place" && keyType.level === "region" && t.country !== keyType.country)
      return false;
    const words = candidate.split(" ").length;
    if (keyType.kind === "person" && namesAFirm(candidate, facts)) return false;
    if (keyType.kind === "person") {
      // A surname beside surnames, whole names beside whole names, never a bare first name.
      if (keyWords >= 2 && !personShaped(candidate, facts.index)) return false;
      if (keyWords === 1 && words !== 1) return false;
      // A lone surname that is also a town or a country ("Markham") reads as a place.
      if (words === 1 && (cityNamed(candidate) || countryNamed(candidate))) return false;
      const kg = keyGender();
      // A lone surname ("Nadal") has the gender of the whole name the article gives it, else
      // the gender of the pronouns the article uses for them.
      const cg = kg ? personGender(candidate, facts) : "";
      if (kg && cg && kg !== cg) return false;
      // "the first Russian woman to win …": where the stem itself says, an unknown is no rival.
      if (kg && !cg && genderStated()) return false;
      // "____ also failed to win": no one the sentence before names as doing the same.
      if (alsoAfterKey() && containsPhrase(previous, candidate)) return false;
      // "Henry III" beside kings, not beside commoners (and no king beside commoners).
      if (regnalKey !== REGNAL.test(candidate)) return false;
    }
    // "from its Low German name": Dutch spells it alike, a second answer (choice-rules.ts).
    if ((keyType.kind === "nationality" || keyType.kind === "language") && kin().has(candidate))
      return false;
    // "The English term for the city": a people of the key's own country speaking its tongue
    // (Scottish beside English) would use the same term.
    if (
      keyType.kind === "nationality" &&
      keyType.country !== undefined &&
      t.country === keyType.country &&
      ofTongue()
    )
      return false;
    // "England are still to meet … and ____": where the article's Ireland is the all-island
    // side, Northern Ireland fields none.
    if (
      candidate === "Northern Ireland" &&
      allIslandPlay(facts.countryCodes, facts.sentences, sentence.text)
    )
      return false;
    // "top ____ clubs were seeking to sign him", in an article set in his own country.
    if (
      keyType.kind === "nationality" &&
      facts.homeCountry !== undefined &&
      keyType.country !== facts.homeCountry &&
      t.country === facts.homeCountry &&
      abroad()
    )
      return false;
    // "a British patent": Scottish and Welsh are British too, and British is English as well.
    if (keyType.kind === "nationality" && keyType.country && t.country === keyType.country) {
      const demonym = countryByCode(keyType.country)?.demonym;
      if (demonym === key || demonym === candidate) return false;
    }
    // A war beside wars, a tournament beside tournaments.
    if (keyType.kind === "event" && warKey !== /\bWars?\b/.test(candidate)) return false;
    // "two ____ championships": a league beside leagues, not beside a school and an army.
    if (keyType.kind === "organisation") {
      const kh = keyHead();
      if (kh && orgHead(candidate) !== kh) return false;
    }
    if (keyType.kind === "place" && keyType.level === "city" && countryInStem())
      return t.country === keyType.country;
    // "Returning home from Belgrade": a city of another country only from the key's own part
    // of the world (Niš beside Belgrade, not Burnley).
    if (keyType.kind === "place" && keyType.level === "city" && keyType.country && t.country) {
      if (t.country !== keyType.country) {
        const ks = countryByCode(keyType.country)?.subregion;
        const cs = countryByCode(t.country)?.subregion;
        if (ks && cs && ks !== cs) return false;
      }
    }
    // "consumer expectations in America": the continent holds Mexico and Canada, so a bare
    // "America" and a country of the Americas never stand together (choice-rules.ts).
    if (keyType.kind === "place" && keyType.level === "country") {
      const americas = (code: string | undefined) =>
        code !== undefined && countryByCode(code)?.region === "Americas";
      if (keyAmerica()) return !americas(t.country);
      if (continentReading(candidate) && americas(keyType.country)) return false;
    }
    if (
      keyType.kind === "place" &&
      keyType.level === "country" &&
      keyType.subregion &&
      !(keyType.country && thinRegion(keyType.country))
    ) {
      // A European country beside European ones: same region at least.
      const kr = keyType.country ? countryByCode(keyType.country)?.region : undefined;
      const cr = t.country ? countryByCode(t.country)?.region : undefined;
      if (kr && cr && kr !== cr) return false;
    }
    if (keyType.kind === "nationality" && keyType.country && t.country) {
      const kr = countryByCode(keyType.country)?.region;
      const cr = countryByCode(t.country)?.region;
      if (kr && cr && kr !== cr && !COMMON_NATIONALITIES.includes(candidate)) return false;
    }
    // "Hundred Years" beside generals: a name the article only ever writes as part of another.
    if (!facts.index.byAlias.has(entityKey(candidate)) && keyType.kind === "name") return false;
    return true;
  };
}

const topicCache = new WeakMap<
  ArticleFacts,
  {
    topicPeople: string[];
    topics: Set<string>;
    topicEntities: Set<Entity>;
    /** People named in full beside a topic person's shorter name: never a rival. */
    doubles: Set<Entity>;
  }
>();
/** The article's topics, found once per article: every entity question asks for them. */
function topicsOf(facts: ArticleFacts) {
  let found = topicCache.get(facts);
  if (!found) {
    const main = facts.index.mainSubject;
    const topicEntities = new Set([...facts.index.byKey.values()].filter((e) => isTopic(e, facts)));
    found = {
      topicEntities,
      topicPeople: [...facts.index.byKey.values()]
        .filter((e) => e.cls === "person" && (e === main || topicEntities.has(e)))
        .map((e) => e.name),
      topics: new Set([...topicEntities].map((e) => entityKey(e.name))),
      doubles: new Set<Entity>(),
    };
    // "Rachel Louise Carson" is the main subject "Rachel Carson" in full: found once per
    // article, not once per question.
    for (const e of facts.index.byKey.values())
      if (
        e.cls === "person" &&
        found.topicPeople.some((t) => t !== e.name && sameFirstAndLast(e.name, t))
      )
        found.doubles.add(e);
    topicCache.set(facts, found);
  }
  return found;
}

export function entityDistractors(
  span: Extract<Span, { kind: "entity" }>,
  sentence: Sentence,
  facts: ArticleFacts,
  random: Random,
  keyType: AnswerType,
): string[] {
  const key = span.text;
  const main = facts.index.mainSubject;
  const sameClass: Entity[] = [];
  const keyRoles = facts.index.byAlias.get(span.key)?.roles ?? new Set<string>();
  const { topics, topicEntities, doubles } = topicsOf(facts);
  // "King ____", "Lord ____", "Bishop ____": the title in the stem binds every choice to it.
  const title =
    roleBefore(sentence.text.slice(Math.max(0, span.start - 40), span.start)) ??
    (keyType.kind === "person"
      ? (roleAfter(sentence.text.slice(span.end, span.end + 60)) ??
        ownerRole(sentence.text.slice(span.end, span.end + 40)))
      : undefined);
  const bound =
    title === "royalty" || title === "nobility" || title === "clergy" ? title : undefined;
  // "England fly-half ____", "… kept Ireland on track": no rival from the other side.
  const keyEntity = facts.index.byAlias.get(span.key);
  const keySide =
    keyType.kind === "person"
      ? (sideBefore(sentence.text.slice(Math.max(0, span.start - 40), span.start)) ??
        soleSide(facts, sentence.index) ??
        (keyEntity ? personSide(keyEntity, facts) : undefined))
      : undefined;
  // "beat compatriot ____", "____ became the first Russian woman": the stem fixes the key's
  // nationality, so every rival must be one the article gives that nationality.
  const nationFrame =
    keyType.kind === "person"
      ? nationalityFrame(
          sentence.text.slice(Math.max(0, span.start - 40), span.start),
          sentence.text.slice(span.end),
        )
      : undefined;
  const keyNation =
    nationFrame === "compatriot"
      ? keyEntity
        ? personSide(keyEntity, facts)
        : undefined
      : nationFrame !== undefined
        ? sideName(nationFrame)
        : undefined;
  if (nationFrame !== undefined && keyNation === undefined) return [];
  const keyParty =
    keyType.kind === "person"
      ? partyBefore(sentence.text.slice(Math.max(0, span.start - 60), span.start))
      : undefined;
  // "thwarted in 1979 by ____": not a chancellor the article dates to 1908–15.
  const keyEra =
    keyType.kind === "person"
      ? (sentenceEra(facts, sentence.index) ??
        (keyEntity ? personEra(keyEntity, facts) : undefined) ??
        paragraphEra(facts, sentence))
      : undefined;
  const nominee = keyType.kind === "person" && nomineeStem(sentence.text);
  const keyGenre =
    keyType.kind === "person"
      ? genreBefore(sentence.text.slice(Math.max(0, span.start - 60), span.start))
      : undefined;
  for (const e of facts.index.byKey.values()) {
    // A person the article keeps returning to (Blair in Brown's profile) is a rival a reader
    // knows; only the main subject, and a topic that is not a person, would be silly.
    if (e === main || (topicEntities.has(e) && (e.cls !== "person" || keyType.kind !== "person")))
      continue;
    if (entityKey(e.name) === span.key) continue;
    // "Rachel Louise Carson" is the main subject "Rachel Carson" in full.
    if (doubles.has(e)) continue;
    // A person's wife is no candidate PhD supervisor: roles must not clash.
    if (keyType.kind === "person" && !rolesFit(keyRoles, e.roles)) continue;
    if (keyType.kind === "person" && bound && !e.roles.has(bound)) continue;
    // "____ also failed to win despite five nominations": a nominee beside people the article
    // ties to awards, not a president it names only for the shooting that delayed a ceremony.
    if (nominee && e.cls === "person" && !namedWithAwards(e, facts)) continue;
    // "England fly-half ____", "wing ____": the stem gives the key's role, and a rival must be
    // one the article gives the same role (a player beside players, never the coach).
    if (keyType.kind === "person" && title && !e.roles.has(title)) continue;
    // (A name of no settled class counts as a person beside a person key: "James
    // Honeyman-Scott", named only in a tribute Hynde quotes, joined no ceremony.)
    if ((e.cls === "person" || keyType.kind === "person") && namedOnlyInPassing(e, facts)) continue;
    if (keyEra !== undefined && e.cls === "person") {
      const era = personEra(e, facts);
      if (era !== undefined && Math.abs(era - keyEra) > ERA_GAP) continue;
    }
    if (keySide && e.cls === "person") {
      const side = personSide(e, facts);
      if (side && side !== keySide) continue;
    }
    if (keyNation && e.cls === "person" && personSide(e, facts) !== keyNation) continue;
    // "the present Tory spokesman, ____": only people the article gives that party.
    if (keyParty && e.cls === "person" && personParty(e, facts) !== keyParty) continue;
    // "legendary R&B star ____": only people the article sets in that music (rock singers
    // beside him were graded a give-away, round 18).
    if (keyGenre && personGenre(e, facts) !== keyGenre) continue;
    sameClass.push(e);
  }
  // Prefer names of the same shape: the same keyword ("… University") and similar length.
  const kw = lastKeyword(key);
  const words = key.split(" ").length;
  // A surname-only key gets surname-only distractors ("Oppenheimer", "Bethe", "Fermi").
  const surnameOnly = keyType.kind === "person" && words === 1;
  const scored = random
    .shuffle(sameClass)
    // Surnames only of whole names ("Eric of Pomerania" and "Christian IV" give none).
    .filter((e) => !surnameOnly || (e.cls === "person" && personShaped(e.name, facts.index)))
    .map((e) => (surnameOnly ? { ...e, name: e.name.split(" ").pop() ?? e.name } : e))
    .filter((e) => !surnameOnly || /^\p{Lu}\p{Ll}{2,}/u.test(e.name))
    .map((e) => {
      const shape = shapeOf(e.name);
      let score = 0;
      if (keyType.kind !== "person" && shape.keyword === kw) score += 2;
      if (Math.abs(shape.words - words) <= 1) score += 1;
      if (Math.abs(shape.words - words) >= 2) score -= 3;
      return { name: e.name, score };
    })
    .sort((a, b) => b.score - a.score)
    .filter((x) => x.score > -3 && sameRoleAs(key, x.name))
    .map((x) => x.name);
  // A body that does not do what the key does (a grouping beside a lender) stands last, only
  // where the article and the stock have too few that do (org-roles.ts).
  const doing = (name: string) => doesWhatKeyDoes(key, name, sentence.text);
  const otherRole = scored.filter((n) => !doing(n));
  for (let i = scored.length - 1; i >= 0; i--) if (!doing(scored[i] ?? "")) scored.splice(i, 1);
  // "in the United Kingdom" needs a name that takes "the"; "in Hungary" one that does not.
  const takesThe = (name: string) =>
    /^(?:United States|United Kingdom|Soviet Union|Netherlands|Czech Republic|United Arab Emirates|Russian Federation|Philippines|Bahamas|Gambia)$/.test(
      name,
    );
  const withThe = /\bthe\s$/i.test(sentence.text.slice(0, span.start));
  const articleOk = (name: string) =>
    keyType.kind !== "place" ||
    (keyType.level !== "country" && keyType.level !== "continent") ||
    takesThe(name) === withThe;
  // Abbreviations ("U.S.") only stand against an abbreviated key.
  const abbreviated = (name: string) => /\p{Lu}\./u.test(name);
  // "born in ____ … a Church of Scotland minister": rivals in the frame the sentence sets.
  const frame = placeFrame(
    keyType,
    key,
    sentence.text.slice(0, span.start),
    sentence.text.slice(span.end),
    facts.sentences,
  );
  if (frame.none) return [];
  const keyAbbreviated = abbreviated(key);
  const fitting = candidateFitter(keyType, key, sentence, facts);
  const shapeOk = (name: string) =>
    frame.fits(name) && articleOk(name) && abbreviated(name) === keyAbbreviated && fitting(name);
  const around = continentsAround(keyType, key, sentence, facts);
  const gaz = (
    closedGroup(keyType, span, sentence) || !frame.gazetteer
      ? []
      : gazetteerPool(keyType, key, sentence, random)
  ).filter(
    (g) =>
      !topics.has(entityKey(g)) &&
      (Math.abs(g.split(" ").length - words) < 2 ||
        acronymBeside(keyType, key, g) ||
        listedAlike(key, g, sentence.text)) &&
      !around.has(g) &&
      !foundedAfter(g, sentence, facts) &&
      !stateAfter(g, sentence, facts),
  );
  // "The English term for the city was adapted from …": the peoples whose own forms the
  // article gives stand first, where a reader can check them (no Russian, whose form may well
  // come from the same source, before the Icelandic the article spells out).
  if (
    keyType.kind === "nationality" &&
    wordOfTongue(sentence.text.slice(sentence.text.indexOf(key) + key.length))
  ) {
    const named = (g: string) => sentencesWith(norm(g), facts).length > 0;
    gaz.sort((a, b) => Number(named(b)) - Number(named(a)));
  }
  // A continent stands first beside the continents the article itself sets against it.
  if (keyType.kind === "place" && keyType.level === "continent") {
    const own = articleContinents(facts);
    gaz.sort((a, b) => Number(own.has(b)) - Number(own.has(a)));
  }
  // "The government is considering rewards like those in ____" in an article set in Japan:
  // the article's own country is no rival, it is where the sentence stands.
  if (facts.homeCountry && keyType.kind === "place" && keyType.level === "country") {
    const home = countryByCode(facts.homeCountry)?.name;
    for (let i = gaz.length - 1; i >= 0; i--) if (gaz[i] === home) gaz.splice(i, 1);
    for (let i = scored.length - 1; i >= 0; i--) if (scored[i] === home) scored.splice(i, 1);
  }
  // "sales in ____", "push ____ off the top of the chart": a closed state trades and competes
  // with no one, so it stands as a rival only where the article itself names it.
  if (keyType.kind === "place" && keyType.level === "country" && !facts.countryCodes?.has("KP"))
    for (let i = gaz.length - 1; i >= 0; i--) if (gaz[i] === "North Korea") gaz.splice(i, 1);
  // "In ____, the … pen company": the countries the article itself names come first; so do
  // their peoples for a nation's clubs, firms or markets ("top ____ clubs were seeking to sign
  // him": the tour's Spain and Portugal, not a Poland no Western player could join in 1957).
  // A person's nationality keeps its neighbours first: "the first ____ woman" beside a Russian
  // name takes Belarusian, where a Spanish rival would be given away by the name itself.
  const named = facts.countryCodes;
  const ofThings =
    keyType.kind === "nationality" &&
    !PERSON_AFTER.test(sentence.text.slice(span.end, span.end + 30));
  if (named && ((keyType.kind === "place" && keyType.level === "country") || ofThings)) {
    const inArticle = (g: string) => {
      const code = (ofThings ? nationalityNamed(g) : countryNamed(g))?.code;
      return code !== undefined && named.has(code);
    };
    gaz.sort((a, b) => Number(inArticle(b)) - Number(inArticle(a)));
  }
  // "Gonzales" once beside "Gonzalez" three times: the rarer spelling is a typo, no rival.
  for (let i = scored.length - 1; i >= 0; i--)
    if (misspelt(scored[i] ?? "", facts)) scored.splice(i, 1);
  return pick(
    [...scored, ...gaz, ...sameBodyElsewhere(keyType, key, random), ...otherRole],
    key,
    sentence,
    facts,
    true,
    DISTRACTORS_WANTED,
    shapeOk,
  );
}

/** Whether the article names a person in a sentence about awards (choice-rules.ts). */
function namedWithAwards(e: Entity, facts: ArticleFacts): boolean {
  const surname = norm(e.name.split(" ").pop() ?? e.name);
  return sentencesWith(surname, facts).some((i) => awardSentence(facts.sentences[i]?.text ?? ""));
}

const misspellings = new WeakMap<ArticleFacts, Set<string>>();
/** Whether a name is the rarer of two spellings the article gives (found once per article). */
function misspelt(name: string, facts: ArticleFacts): boolean {
  let found = misspellings.get(facts);
  if (!found) {
    const counted = new Map<string, number>();
    for (const e of facts.index.byKey.values())
      counted.set(e.name, (counted.get(e.name) ?? 0) + e.count);
    found = rarerSpellings(counted);
    misspellings.set(facts, found);
  }
  // A surname-only rival ("Gonzales") is the surname of a whole name found above.
  if (found.has(name)) return true;
  if (name.includes(" ")) return false;
  for (const n of found) if (n.endsWith(` ${name}`)) return true;
  return false;
}

/**
 * A fixture's opponent ("Ireland next face ____") or a member of a group the stem names ("the
 * ____ Union", "a Cup tie"): only the sides the article itself names are rivals.
 */
function closedGroup(
  keyType: AnswerType,
  span: Extract<Span, { kind: "entity" }>,
  sentence: Sentence,
): boolean {
  if (keyType.kind !== "place" || keyType.level !== "country") return false;
  const before = sentence.text.slice(0, span.start);
  const rest = `${before} ${sentence.text.slice(span.end)}`;
  return fixtureBefore(before) || namesGroup(rest);
}

const continentCache = new WeakMap<ArticleFacts, Set<string>>();
/** The continents the article names ("Australasia" is Oceania, "Latin America" South America). */
export function articleContinents(facts: ArticleFacts): Set<string> {
  let found = continentCache.get(facts);
  if (!found) {
    found = new Set();
    for (const s of facts.sentences) {
      for (const c of CONTINENTS) if (s.text.includes(c)) found.add(c);
      if (s.text.includes("Australasia")) found.add("Oceania");
      if (s.text.includes("Latin America")) found.add("South America");
    }
    continentCache.set(facts, found);
  }
  return found;
}

/**
 * "In Japan, as in ____": Asia holds Japan, so it reads as a contradiction, not a rival. The
 * continents of the article's own country and of the countries the sentence names.
 */
function continentsAround(
  keyType: AnswerType,
  span: string,
  sentence: Sentence,
  facts: ArticleFacts,
): Set<string> {
  const out = new Set<string>();
  if (keyType.kind !== "place" || keyType.level !== "continent") return out;
  // A firm's markets may lie on its home continent too ("the group's activities in ____ and
  // other key markets" beside Europe's Renault and Asia's Nissan).
  const at = sentence.text.indexOf(span);
  if (at >= 0 && asMarket(sentence.text.slice(0, at), sentence.text.slice(at + span.length)))
    return out;
  const home = facts.homeCountry ? countryByCode(facts.homeCountry) : undefined;
  if (home) out.add(continentOf(home));
  for (const m of facts.index.mentions) {
    if (m.sentence !== sentence.index) continue;
    const c = countryNamed(m.name);
    if (c) out.add(continentOf(c));
  }
  return out;
}

/**
 * "Government of India" beside the governments of India's neighbours, "University of Leipzig"
 * beside the universities of other German cities: the same body of another place.
 */
function sameBodyElsewhere(keyType: AnswerType, key: string, random: Random): string[] {
  if (keyType.kind !== "organisation") return [];
  const m = /^(\p{Lu}[\p{L} ]* of )(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)$/u.exec(key);
  if (!m?.[1] || !m[2]) return [];
  const head = m[1];
  const country = countryNamed(m[2]);
  if (country) {
    const near = prominent(countriesIn(country.subregion).filter((c) => c.code !== country.code));
    return random.shuffle(near.map((c) => head + c.name));
  }
  const city = cityNamed(m[2]);
  if (city && city.population >= 200_000) {
    const others = citiesOf(city.code)
      .slice(0, 12)
      .filter((c) => c.name !== city.name);
    return random.shuffle(others.map((c) => head + c.name));
  }
  return [];
}

export function termDistractors(
  span: Extract<Span, { kind: "term" }>,
  sentence: Sentence,
  facts: ArticleFacts,
  random: Random,
): string[] {
  const fromArticle =
    span.cls === "defined" ? [] : random.shuffle([...(facts.terms.get(span.cls) ?? [])]);
  const fromLexicon = random.shuffle(TERM_CLASSES[span.cls] ?? []);
  const capital = /^\p{Lu}/u.test(span.text);
  const words = span.text.split(" ").length;
  const shape = (t: string) => (/^\p{Ll}+(?:[\s-]\p{Ll}+)*$/u.test(t) ? "lower" : "other");
  const pool =
    span.cls === "defined"
      ? // Defined terms keep their own spelling and must look alike (all lower case, or not).
        [...(facts.definedTerms ?? [])].filter(
          (t) => shape(t) === shape(span.text) && Math.abs(t.split(" ").length - words) <= 1,
        )
      : [...fromArticle, ...fromLexicon]
          .filter((t) => Math.abs(t.split(" ").length - words) <= 1)
          .map((t) => (capital ? t.charAt(0).toUpperCase() + t.slice(1) : t.toLowerCase()))
          // "switched her major to ____" (biology): zoology is a branch of it, defensible too.
          .filter((t) => !nearField(t, span.text))
          // "originally studied English, but switched … to ____": literature is no switch.
          .filter((t) => {
            const left = fieldLeft(sentence.text.slice(0, sentence.text.indexOf(span.text)));
            return left === undefined || (t.toLowerCase() !== left && !nearField(t, left));
          });
  return pick(scienceFirst(pool, span.text, sentence.text), span.text, sentence, facts, capital);
}

/** Items that belong to lists of the same class elsewhere, then the lexicon class. */
export function listDistractors(
  list: ListSpan,
  key: string,
  sentence: Sentence,
  facts: ArticleFacts,
  random: Random,
): string[] {
  const cls = list.cls;
  if (!cls) return [];
  const own = new Set(list.items.map((i) => norm(i.text)));
  const others = facts.lists
    .filter((l) => l.list !== list && l.list.cls === cls)
    .flatMap((l) => l.list.items.map((i) => i.text));
  const lexicon = TERM_CLASSES[cls] ?? [];
  // Another list's item only when it is a whole term of the class ("surgical" of "surgical
  // goods" is not).
  const known = new Set(lexicon.map((t) => norm(t)));
  const pool = [
    ...random.shuffle(others.filter((t) => known.has(norm(t)))),
    ...random.shuffle(lexicon),
  ];
  const ownWords = [...own].map((o) => ({ o, words: o.split(" ") }));
  // Not an item of this list, nor a part of one ("iron" against "iron and steel").
  const apart = (t: string) => {
    const n = norm(t);
    const words = n.split(" ");
    return !ownWords.some((x) => x.o === n || x.words.includes(n) || words.includes(x.o));
  };
  const chosen: string[] = [];
  for (const candidate of pool) {
    if (chosen.length >= DISTRACTORS_WANTED) break;
    if (
      apart(candidate) &&
      acceptable(candidate, key, sentence, [key, ...chosen], facts, false) &&
      !containsPhrase(sentence.text, candidate)
    )
      chosen.push(candidate);
  }
  return chosen;
}
