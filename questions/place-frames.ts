/**
 * What a place blank's own sentence says about where its rivals may lie (issue 11, round 10a):
 * "the son of a Church of Scotland minister … born in ____" keeps every rival Scottish; "the
 * Swedish province of Scania and its largest city, ____" keeps them in the key's own province;
 * "against Wales in ____" asks nothing a reader needs the article for; "next to ____ harbour"
 * needs ports, which the gazetteer cannot tell from inland cities, so only the article's own
 * places stand; "activities in ____ and other key markets" needs a continent that is one; "Bogart in ____ (1944)" is a film, not a city. Pure functions of the key, its
 * sentence and the article's text, read by entityDistractors (questions/distractors.ts).
 */

import { type CityInfo, cityNamed, countryByCode, regionWords } from "./gazetteer.ts";
import type { AnswerType } from "./typing.ts";

export interface PlaceFrame {
  /** The blank is no place a reader weighs (a work's title, the home side's venue): no question. */
  none: boolean;
  /** Whether the gazetteer's cities may stand as rivals, or only the article's own places. */
  gazetteer: boolean;
  /** Whether a rival fits the frame. */
  fits: (name: string) => boolean;
}

const OPEN: PlaceFrame = { none: false, gazetteer: true, fits: () => true };

/** The UK's nations by GeoNames' admin1 code. */
const GB_NATIONS: Record<string, string> = {
  ENG: "England",
  SCT: "Scotland",
  WLS: "Wales",
  NIR: "Northern Ireland",
};

/** "Casablanca (1944)", "the film Casablanca", "starring in Casablanca": a work's title. */
const WORK_BEFORE =
  /\b(?:film|films|movie|book|novel|play|album|song|opera|musical|starring|starred|directed|wrote)\s+(?:in\s+)?$/i;
const WORK_AFTER = /^\s*\(\d{4}\)/;

/** "____'s Statue of Liberty", "____'s Eiffel Tower": a landmark that names its city. */
const LANDMARK_AFTER = /^['’]s\s+(?:\p{Lu}\p{L}+\s+)+(?:of\s+(?:the\s+)?)?\p{Lu}\p{L}+/u;

/** "next to ____ harbour", "the port of ____": a physical frame the data cannot check. */
const WATER_AFTER =
  /^['’]?s?\s+(?:harbour|harbor|port|docks?|coast|bay|waterfront|estuary|seafront|river mouth)\b/i;
const WATER_BEFORE = /\b(?:port|harbour|harbor|coast|docks) of\s+$/i;

/** "the Swedish province of Scania": a division of the key's country the stem names. */
const DIVISION =
  /\b(?:province|county|state|region|canton|prefecture|district|department|shire) of \p{Lu}/u;

/** "won the Football League", "the Premiership": a national league is one nation's clubs. */
const LEAGUE = /\b(?:League|Premiership|Premier Division|Bundesliga|Serie A|La Liga)\b/;

/** "the potential title decider against Wales in ____": the side whose home the blank is. */
const HOME_SIDE =
  /\b(?:against|v|vs\.?|versus|face|host|hosts)\s+(\p{Lu}[\p{L} ]*?)\s+(?:in|at)\s+$/u;

/** "tropical", "the tropics": an article set in the tropical band. */
const TROPICAL = /\btropic(?:s|al)\b/i;

/** "the group's activities in ____ and other key markets": a continent as a market. */
const MARKETS = /\b(?:markets?|sales|exports?|imports?|customers|carmakers?)\b/i;

/** Whether a continent blank stands as a market ("activities in ____ and other key markets"). */
export function asMarket(before: string, after: string): boolean {
  return MARKETS.test(before) || MARKETS.test(after);
}

/** Continents no firm's key market lies in: a reader rules them out (graded fix, round 16). */
const SMALL_MARKETS = new Set(["Africa", "Oceania", "Australia", "Antarctica"]);

/** Continents that lie outside the tropical band a tropical article describes. */
const TEMPERATE = new Set(["Europe", "Antarctica"]);

const tropicalCache = new WeakMap<readonly { text: string }[], boolean>();
function tropical(sentences: readonly { text: string }[]): boolean {
  let found = tropicalCache.get(sentences);
  if (found === undefined) {
    found = sentences.some((s) => TROPICAL.test(s.text));
    tropicalCache.set(sentences, found);
  }
  return found;
}

function nationWords(city: CityInfo): readonly string[] {
  const nation = city.code === "GB" ? GB_NATIONS[city.admin] : undefined;
  return nation ? regionWords(nation) : [];
}

const wordPatterns = new Map<string, RegExp>();
function names(text: string, word: string): boolean {
  let pattern = wordPatterns.get(word);
  if (!pattern) {
    pattern = new RegExp(`(?:^|[^\\p{L}])${word}(?![\\p{L}])`, "u");
    wordPatterns.set(word, pattern);
  }
  return pattern.test(text);
}

/**
 * The frame a place key's sentence sets its rivals. `keyText` is the key as the sentence spells it; `before` and `after` are the sentence's
 * text on each side of the key; `sentences` are the article's.
 */
export function placeFrame(
  keyType: AnswerType,
  keyText: string,
  before: string,
  after: string,
  sentences: readonly { text: string }[],
): PlaceFrame {
  if (keyType.kind !== "place") return OPEN;
  if (keyType.level === "continent") {
    const hot = tropical(sentences);
    const trade = asMarket(before, after);
    if (!hot && !trade) return OPEN;
    return {
      none: false,
      gazetteer: true,
      fits: (name) => !(hot && TEMPERATE.has(name)) && !(trade && SMALL_MARKETS.has(name)),
    };
  }
  if (keyType.level !== "city") return OPEN;
  if (WORK_AFTER.test(after) || WORK_BEFORE.test(before) || LANDMARK_AFTER.test(after))
    return { ...OPEN, none: true };
  const rest = `${before} ${after}`;
  const water = WATER_AFTER.test(after) || WATER_BEFORE.test(before);
  const key = cityNamed(keyText);
  if (!key || key.code !== keyType.country) return water ? { ...OPEN, gazetteer: false } : OPEN;
  const nation = nationWords(key);
  const home = HOME_SIDE.exec(before)?.[1]?.trim();
  const country = countryByCode(key.code);
  // The home side's venue: its own country's (or nation's) city is the answer a reader knows.
  if (home && (nation.includes(home) || home === country?.name)) return { ...OPEN, none: true };
  const sameDivision =
    nation.some((w) => names(rest, w)) ||
    DIVISION.test(rest) ||
    (key.code === "GB" && LEAGUE.test(rest));
  const sameCountry = sameDivision || LEAGUE.test(rest);
  if (!sameDivision && !sameCountry && !water) return OPEN;
  return {
    none: false,
    gazetteer: !water,
    fits: (name) => {
      const city = cityNamed(name);
      // A place the data does not know cannot be shown to lie in the key's division.
      if (!city) return !sameCountry;
      if (sameCountry && city.code !== key.code) return false;
      return !sameDivision || city.admin === key.admin;
    },
  };
}
