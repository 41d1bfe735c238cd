/**
 * Give-away and triviality filters: a stem that answers itself or a blank any reader could
 * fill without the article. Each test returns the reason class of questions/REVIEW.md, or
 * undefined when the question passes.
 */

import { entityKey } from "./entities.ts";
import {
  cityNamed,
  continentOf,
  countryByCode,
  countryNamed,
  nationalityNamed,
} from "./gazetteer.ts";
import { STOPWORDS } from "./lexicon.ts";
import { capitalisedPairs, matches } from "./matches.ts";
import type { AnswerType } from "./typing.ts";

export type Reason = "give-away" | "self-answering" | "idiom-blank" | "trivia" | "no-context";

/** Fixed phrases whose missing word any English reader supplies ("at the end of the ____"). */
const IDIOMS: RegExp[] = [
  /\bequal before the ____/i,
  /\bat the end of the ____/i,
  /\bin the long ____/i,
  /\bon the other ____/i,
  /\bin the ____ of time\b/i,
  /\bfor the first ____/i,
  /\bthe rest is ____/i,
  /\bstate of the ____/i,
  /\bonce in a ____/i,
  /\bby and ____/i,
  /\bsooner or ____/i,
  /\bat the ____ of\b/i,
  /\bin the ____ run\b/i,
  /\brule of ____/i,
  /\bmarket ____ are\b/i,
  /\bthe human ____/i,
  /\btake ____ of\b/i,
  /\bwalk of ____/i,
];
/** All the idioms in one pattern: one scan of each stem instead of one per idiom. */
const ANY_IDIOM = new RegExp(IDIOMS.map((re) => `(?:${re.source})`).join("|"), "i");

/** Combining forms that spell a country out: "the Anglo-Canadian bridge". */
const COMBINING: Record<string, string> = {
  anglo: "GB",
  franco: "FR",
  sino: "CN",
  russo: "RU",
  indo: "IN",
  italo: "IT",
  german: "DE",
  hispano: "ES",
  luso: "PT",
  dano: "DK",
  swedo: "SE",
  austro: "AT",
  greco: "GR",
  turko: "TR",
  polono: "PL",
};

function significant(text: string): string[] {
  return entityKey(text)
    .split(" ")
    .filter((t) => t.length >= 4 && !STOPWORDS.has(t));
}

let lastTitle = "";
let lastTitleTokens = new Set<string>();
/** The title's words, kept for the article in hand (every candidate asks for them). */
function titleTokensOf(title: string): Set<string> {
  if (title !== lastTitle) {
    lastTitle = title;
    lastTitleTokens = new Set(significant(title));
  }
  return lastTitleTokens;
}

/** Why a stem gives its own key away, if it does. */
/** Events whose year is general knowledge. */
const FAMOUS_EVENT =
  /\b(?:Manhattan Project|Pearl Harbou?r|Hiroshima|Nagasaki|D-Day|Moon landing|Berlin Wall|Cuban Missile Crisis|September 11|9\/11)\b/;

/**
 * A gap counted from an event the stem leaves out: "____ weeks later", "in ____ days' time".
 * Days and weeks only, the side details graders dropped; "Two months later, the build time had
 * dropped …" may be all a short post has to ask, and is left to the ranking.
 */
const RELATIVE_GAP =
  /____ (?:days?|weeks?)(?:'|’)? (?:later|earlier|time|after|afterwards|before)\b/i;

/**
 * The home nations of the United Kingdom, which the gazetteer holds as regions: the adjective
 * of their people gives them away as "Canadian" gives Canada (checked for countries below).
 */
const HOME_NATION_ADJECTIVES: Record<string, RegExp> = {
  England: /\bEnglish\b/,
  Scotland: /\b(?:Scottish|Scots)\b/,
  Wales: /\bWelsh\b/,
  "Northern Ireland": /\bNorthern Irish\b/,
};

/** Offices and seats that name their country. */
const NATIONAL_OFFICE =
  /\b(?:exchequer|Downing Street|Whitehall|Kremlin|White House|Élysée|Elysee|Bundestag|Capitol Hill|Duma|Knesset|Taoiseach)\b/i;

export function stemGivesAway(
  stem: string,
  key: string,
  keyType: AnswerType,
  title: string,
): Reason | undefined {
  const numeric =
    keyType.kind === "year" ||
    keyType.kind === "date" ||
    keyType.kind === "quantity" ||
    keyType.kind === "percentage" ||
    keyType.kind === "age";
  if (ANY_IDIOM.test(stem)) return "idiom-blank";
  // "in the wake of the Manhattan Project … in ____": an event whose year every reader knows.
  if ((keyType.kind === "year" || keyType.kind === "date") && FAMOUS_EVENT.test(stem))
    return "give-away";
  // "____ weeks later", "in ____ weeks' time": the length of a gap between two events the stem
  // does not both name is a side detail (graders drop it every round), not what the passage teaches.
  if (keyType.kind === "quantity" && RELATIVE_GAP.test(stem)) return "trivia";
  if (numeric) return undefined;
  // "the English Church … in ____": a home nation named by its own people's adjective.
  if (keyType.kind === "place") {
    const adjective = HOME_NATION_ADJECTIVES[key];
    if (adjective?.test(stem)) return "give-away";
  }
  // "became ____'s longest serving chancellor of the exchequer": an office only one country has.
  if (keyType.kind === "place" && keyType.level === "country" && NATIONAL_OFFICE.test(stem))
    return "give-away";
  // "took control of the English Church from ____", "moved closer to ____": a capital city that
  // stands for the papacy or the seat of government, known without the article.
  if (keyType.kind === "place" && keyType.level === "city") {
    const city = cityNamed(key);
    const capital = city !== undefined && countryByCode(city.code)?.capital === key;
    if (
      capital &&
      (/\b(?:Church|Pope|papacy|papal|Vatican)\b/.test(stem) ||
        /\b(?:closer|nearer) to ____/.test(stem))
    )
      return "give-away";
  }
  // "an all-Russian final" with a player blanked, "the G8, which comprises the G7 and ____":
  // a group's membership a reader knows without the article, or one no choice can be checked by.
  if (keyType.kind === "person" && /\ball-\p{Lu}\p{Ll}+/u.test(stem)) return "give-away";
  if (
    (keyType.kind === "place" || keyType.kind === "nationality") &&
    /\b(?:G\d{1,2}|EU|NATO|OPEC|ASEAN|BRICS|Six Nations|Commonwealth|European Union)\b/.test(
      stem,
    ) &&
    /\b(?:compris\w*|members?|membership|made up of|consists? of|joined|includes?)\b/.test(stem)
  )
    return "give-away";
  const keyTokens = significant(key);
  // The article's own title word as the key ("Blog" in "'Blog' picked as word of the year").
  const titleTokens = titleTokensOf(title);
  if (keyTokens.some((t) => titleTokens.has(t))) return "give-away";
  // …or the end of a title word ("computer" science in an article titled "Supercomputer …").
  for (const t of titleTokens)
    if (keyTokens.some((k) => k.length >= 5 && t.length > k.length && t.endsWith(k)))
      return "give-away";
  // "Canadian" in a stem whose key is "Canada"; "Peruvian" beside "Peru".
  const stemTokens = entityKey(stem.replace("____", " ")).split(" ");
  // The key's first four and five letters are cut once, not once per stem word.
  for (const k of keyTokens) {
    if (k.length < 4) continue;
    const k4 = k.slice(0, 4);
    const k5 = k.slice(0, 5);
    for (const t of stemTokens)
      if (t.length >= 4 && t !== k && t.startsWith(k4)) {
        // Past four shared letters: a short word either side, or a fifth letter shared.
        if (k.length <= 5 || t.length <= 5 || t.startsWith(k5)) return "give-away";
      }
  }
  const code = keyType.country;
  // "The ____ term for the city was adapted from …": what a place is called in some language is
  // a side detail, and the quiz's own language gives the English one away.
  if (
    (keyType.kind === "nationality" || keyType.kind === "language") &&
    /____\s+(?:term|name|word|spelling|form|version|translation|equivalent|title)s?\b/.test(stem)
  )
    return "trivia";
  // "integrated with the ____ province of Scania and its largest city, Malmö": a people's
  // adjective beside a sizeable city of their own country.
  if (keyType.kind === "nationality" && code && sizeableCityOf(stem, code)) return "give-away";
  if (keyType.kind === "place" && keyType.level === "country" && code) {
    for (const m of matches(stem, /\b(\p{L}+)o-\p{Lu}/gu)) {
      if (COMBINING[`${(m[1] ?? "").toLowerCase()}o`] === code) return "give-away";
      if (COMBINING[(m[1] ?? "").toLowerCase()] === code) return "give-away";
    }
    // "in Lima, ____": a country right after its own city.
    const before = /([\p{Lu}][\p{L}' -]*?),?\s+(?:in\s+)?____/u.exec(stem)?.[1];
    const lastName = before?.split(/\s+/).slice(-2).join(" ");
    for (const name of [lastName, before?.split(/\s+/).pop()]) {
      if (name && cityNamed(name)?.code === code) return "give-away";
    }
    // "at Glasgow University … ____": any sizeable city of the key country in the stem.
    if (sizeableCityOf(stem, code)) return "give-away";
    // The country's people or its capital named in the stem.
    for (const t of stem.split(/[^\p{L}]+/u)) {
      if (t && nationalityNamed(t)?.code === code) return "give-away";
    }
    const country = countryNamed(key);
    const padded = ` ${stemTokens.join(" ")} `;
    if (country?.capital && padded.includes(` ${entityKey(country.capital)} `)) return "give-away";
  }
  // "the Museum of Modern Art, ____": a world city after an institution's name is its address,
  // known without the article.
  if (keyType.kind === "place" && keyType.level === "city" && /\p{Lu}\p{L}+, ____/u.test(stem)) {
    const city = cityNamed(key);
    if (city && city.population >= 3_000_000) return "give-away";
  }
  // "the capital, ____": a country's capital is general knowledge, not the article's.
  if (keyType.kind === "place" && keyType.level === "city" && /\bcapital\b/i.test(stem)) {
    const city = cityNamed(key);
    if (city && countryByCode(city.code)?.capital === key) return "self-answering";
  }
  // "travelled to mainland ____ for matches against France, Portugal and Spain": the stem's own
  // countries name the continent.
  if (keyType.kind === "place" && keyType.level === "continent") {
    for (const m of matches(stem, /\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?/gu)) {
      const country = countryNamed(m[0]);
      if (country && continentOf(country) === key) return "give-away";
    }
  }
  return undefined;
}

/** A city of 200,000 people or more of the country `code`, named in the stem. */
function sizeableCityOf(stem: string, code: string): boolean {
  for (const name of capitalisedPairs(stem)) {
    const city = cityNamed(name) ?? cityNamed(name.split(" ")[0] ?? "");
    if (city && city.code === code && city.population >= 200_000) return true;
  }
  return false;
}

/** "an ____": the choices must all take the article the stem gives the blank. */
export function fitsArticle(stem: string, choice: string): boolean {
  const article = /\b(a|an) ____/i.exec(stem)?.[1]?.toLowerCase();
  if (!article) return true;
  const vowel = /^(?:[aeio]|u(?!ni|se|su|ro)|8|11\b|18\b|hour|honest|heir)/i.test(choice);
  return article === "an" ? vowel : !vowel;
}

/** The same number (singular or plural) as the key, for common nouns. */
export function samePlurality(key: string, choice: string): boolean {
  if (/^\p{Lu}/u.test(key) || /\d/.test(key)) return true;
  const plural = (w: string) => /[^s]s$/.test(w.split(" ").pop() ?? "");
  return plural(key) === plural(choice);
}

const COUNT_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

function countOf(text: string): number | undefined {
  const t = text.trim().toLowerCase().replace(/,/g, "");
  if (/^\d+$/.test(t)) return Number(t);
  return COUNT_WORDS[t];
}

const PART_OF_WHOLE =
  /____ of (?:their|its|his|her|the|our) (?:last |first |past |next )?([\d,]+|[a-z]+)\b/i;

/** "____ of the twelve grafts": the whole bounds the choices, so three of them are honest. */
export function partOfWhole(stem: string): boolean {
  const whole = PART_OF_WHOLE.exec(stem)?.[1];
  return whole !== undefined && countOf(whole) !== undefined;
}

/** "lost ____ of their last 14 matches": a part is no more than its whole. */
export function possibleCount(stem: string, choice: string): boolean {
  const whole = PART_OF_WHOLE.exec(stem)?.[1];
  if (!whole) return true;
  const total = countOf(whole);
  const part = countOf(choice);
  return total === undefined || part === undefined || part <= total;
}

/**
 * Counts a stated whole bounds ("____ of the twelve grafts"), written as the key is: its
 * quarter, half and three quarters, never the key or one off it. Tops up a choice set the
 * part-of-whole check left short.
 */
export function partsOfWhole(stem: string, key: string): string[] {
  const whole = countOf(PART_OF_WHOLE.exec(stem)?.[1] ?? "");
  const part = countOf(key);
  if (whole === undefined || part === undefined || whole < 4) return [];
  const words = /^\p{L}/u.test(key);
  const capital = /^\p{Lu}/u.test(key);
  const names = Object.entries(COUNT_WORDS);
  const write = (n: number): string | undefined => {
    if (!words) return String(n);
    const w = names.find(([, v]) => v === n)?.[0];
    return w && capital ? w.charAt(0).toUpperCase() + w.slice(1) : w;
  };
  const out: string[] = [];
  for (const f of [0.25, 0.5, 0.75, 1]) {
    const n = Math.round(whole * f);
    if (n < 1 || Math.abs(n - part) <= 1) continue;
    const w = write(n);
    if (w && !out.includes(w)) out.push(w);
  }
  return out;
}
