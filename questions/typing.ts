/**
 * The typed entity model: every answer, and every candidate distractor, gets a type — person,
 * place (city / region / country / continent / site / feature, with its country), organisation,
 * sports team, nationality, language, event, work, date, year, quantity with its unit,
 * percentage, age, term. A distractor must have the key's type (`fits`), so a general never
 * stands beside a war, nor "Spanish" beside "Chile".
 */

import { GIVEN_NAME_ROWS } from "./data/given-names.ts";
import type { EntityIndex } from "./entities.ts";
import { entityKey } from "./entities.ts";
import {
  cityNamed,
  countryByCode,
  countryNamed,
  isContinent,
  isLanguage,
  nationalityNamed,
  type PlaceLevel,
  regionNamed,
} from "./gazetteer.ts";
import { ENTITY_KEYWORDS, GIVEN_NAMES, PERSON_TITLES, VENUES } from "./lexicon.ts";
import { memoizedPer } from "./memo.ts";

const VENUE_NAMES = new Set(VENUES);

import type { Span } from "./spans.ts";

export type AnswerKind =
  | "person"
  | "place"
  | "organisation"
  | "team"
  | "nationality"
  | "language"
  | "event"
  | "work"
  | "date"
  | "year"
  | "quantity"
  | "percentage"
  | "age"
  | "term"
  | "list"
  /** A proper name of no known type: distractors only from the article's names of its class. */
  | "name";

export type TypedLevel = PlaceLevel | "site" | "feature";

export interface AnswerType {
  kind: AnswerKind;
  /** Places: how big. */
  level?: TypedLevel;
  /** Places: ISO code of the country it is in (or is). */
  country?: string;
  /** Places and nationalities: the country's subregion ("South America"). */
  subregion?: string;
  /** Quantities: the unit; terms: the class. */
  unit?: string;
}

/** "place:city", "quantity:km", "person": the question's `kind` as the bank stores it. */
export function typeLabel(t: AnswerType): string {
  if (t.kind === "place") return `place:${t.level ?? "site"}`;
  if (t.kind === "quantity" && t.unit) return `quantity:${t.unit.toLowerCase()}`;
  if (t.kind === "list" && t.unit) return `list:${t.unit}`;
  return t.kind;
}

export const NUMERIC_KINDS: ReadonlySet<AnswerKind> = new Set([
  "date",
  "year",
  "quantity",
  "percentage",
  "age",
]);

let givenNames: Map<string, "f" | "m" | ""> | undefined;
function names(): Map<string, "f" | "m" | ""> {
  if (!givenNames) {
    givenNames = new Map();
    for (const row of GIVEN_NAME_ROWS.split("\n")) {
      const [name = "", gender = ""] = row.split(";");
      givenNames.set(name, gender === "f" || gender === "m" ? gender : "");
    }
    for (const n of GIVEN_NAMES) if (!givenNames.has(n)) givenNames.set(n, "");
  }
  return givenNames;
}
export function isGivenName(word: string): boolean {
  return names().has(word);
}

/** "f" or "m" when the first name is only ever a woman's or a man's; "" when not known. */
export function genderOf(name: string): "f" | "m" | "" {
  const first = name.replace(/^(?:Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord)\s+/, "").split(" ")[0] ?? "";
  if (/^(?:Mrs|Ms|Miss|Dame|Lady|Queen|Princess)$/.test(name.split(" ")[0] ?? "")) return "f";
  return names().get(first) ?? "";
}

const TEAM_WORDS =
  /\b(?:United|City|FC|Rovers|Wanderers|Athletic|Albion|Villa|Hotspur|Rangers|Celtic|County|Town|Wednesday|Argyle|Orient|Palace)$/;
const EVENT_WORDS = new Set([
  ...(ENTITY_KEYWORDS.event ?? []),
  ...(ENTITY_KEYWORDS.agreement ?? []),
  "Cup",
  "Championship",
  "Championships",
  "Open",
  "Plot",
  "Reformation",
  "Slam",
  "Oscars",
  "Olympics",
]);
const ORG_WORDS = new Set([
  ...(ENTITY_KEYWORDS.organisation ?? []),
  ...(ENTITY_KEYWORDS.university ?? []),
  "Corporation",
  "Magazine",
  "Newspaper",
  "Motors",
  "Airlines",
  "Survey",
]);
const SITE_WORDS = new Set([
  ...(ENTITY_KEYWORDS.facility ?? []),
  "Street",
  "Road",
  "Square",
  "Gardens",
  "Park",
  "Crescent",
  "Avenue",
  "Strand",
  "Quay",
  "Pavilion",
  "Hotel",
  "Arena",
  "Stadium",
  "Abbey",
  "Chapel",
]);
const FEATURE_WORDS = new Set([
  "Ocean",
  "Sea",
  "River",
  "Lake",
  "Channel",
  "Gulf",
  "Bay",
  "Island",
  "Islands",
  "Mountains",
  "Mountain",
  "Mount",
  "Valley",
  "Desert",
  "Coast",
  "Peninsula",
  "Strait",
  "Cape",
  "Firth",
  "Loch",
  "Glacier",
  "Fjord",
  "Point",
]);
/** "Gulf Stream", "North Atlantic Drift": a current is no sea to set beside the White Sea. */
const CURRENT_WORDS = /^(?:Stream|Current|Drift)$/;
const WATER_WORDS = /^(?:Ocean|Sea|Gulf|Bay|Channel|Strait|Firth|Loch|Lake|Fjord|Sound)$/;

/**
 * What a natural feature is, so that rivals are of its sort: a current, a river, a body of
 * water (sea, bay, strait, lake) or a feature of the land (island, mountain, cape).
 */
function featureClass(first: string, last: string): string {
  if (CURRENT_WORDS.test(last)) return "current";
  if (last === "River" || first === "River") return "river";
  if (WATER_WORDS.test(last) || (WATER_WORDS.test(first) && !FEATURE_WORDS.has(last)))
    return "water";
  return "land";
}

const SITE_CLASSES: Array<[string, RegExp]> = [
  ["bridge", /^(?:Bridge|Viaduct|Arc)$/],
  ["ground", /^(?:Stadium|Arena|Ground|Pavilion)$/],
  ["street", /^(?:Street|Road|Avenue|Crescent|Strand|Quay|Lane)$/],
  ["park", /^(?:Park|Gardens|Square)$/],
  ["transport", /^(?:Airport|Port|Harbor|Harbour|Canal|Railway|Highway|Station|Dam|Pipeline)$/],
];

/**
 * Sites whose stem binds the kind ("under the ____", "the shipyard at ____", "a match at
 * ____"): their rivals are of the same kind. Streets, parks and buildings stand where the stem
 * says only "near" or "in", so any site may stand beside them.
 */
const BOUND_SITES: ReadonlySet<string> = new Set(["bridge", "ground", "transport"]);

/**
 * What a site is, from its words (the last that says first): "under the ____" holds a bridge,
 * never a castle or a park; a building (castle, works, hall, church) is the rest.
 */
function siteClass(words: readonly string[]): string {
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] ?? "";
    for (const [cls, re] of SITE_CLASSES) if (re.test(w)) return cls;
  }
  return "building";
}

const POLITY_WORDS = new Set(["Kingdom", "Empire", "Republic", "Union", "Province", "County"]);

function tokens(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

/** Looks like a person's whole name: two to four capitalised words, a known given name first. */
export function personShaped(name: string, index?: EntityIndex): boolean {
  // Asked of the same names by every sentence and candidate: once per article and name.
  return index ? shapedIn(index, name) : personShapedUncached(name);
}
const shapedIn = memoizedPer((index: EntityIndex, name: string) =>
  personShapedUncached(name, index),
);

function personShapedUncached(name: string, index?: EntityIndex): boolean {
  const t = tokens(name);
  if (t.length < 2 || t.length > 5) return false;
  for (const w of t) {
    if (/^(?:of|de|da|van|von|der|du|la|le|bin|ibn|Jr|Sr|del|dos)$/.test(w)) continue;
    if (!/^\p{Lu}/u.test(w)) return false;
    const bare = w.replace(/[.,]$/, "");
    // "Dudley Schools": a plural keyword is as much an organisation's as the singular.
    const singular = bare.replace(/s$/, "");
    if (EVENT_WORDS.has(bare) || ORG_WORDS.has(bare) || SITE_WORDS.has(bare)) return false;
    if (ORG_WORDS.has(singular) || SITE_WORDS.has(singular)) return false;
    if (FEATURE_WORDS.has(bare) || POLITY_WORDS.has(bare)) return false;
    if (countryNamed(bare) || nationalityNamed(bare) || isContinent(bare)) return false;
  }
  // "Michael of Romania": a title of a place, not a name to set beside people's names.
  if (t.includes("of")) return false;
  const first = t[0] ?? "";
  const last = t[t.length - 1] ?? "";
  if (
    /^(?:International|National|Royal|Federal|Central|European|World|Global|General|Public|Financial|Economic)$/.test(
      first,
    ) ||
    /^(?:Facility|Finance|Fund|Scheme|Project|Programme|Program|Initiative|Service|Services|Co|Company|Corp|Inc|Ltd)$/.test(
      last,
    )
  )
    return false;
  // "North Atlantic", "New Lanark", "Red Star Belgrade": places, not people.
  if (/^(?:North|South|East|West|Upper|Lower|New|Saint|St|San|Santa|Great|Little|Old)$/.test(first))
    return false;
  if ((cityNamed(last)?.population ?? 0) >= 500_000) return false;
  // "Parker Pens": a plural the article writes in lower case ("pens") names a firm's goods.
  if (index && /\p{Ll}s$/u.test(last) && index.lowerWords.has(last.toLowerCase())) return false;
  if (isGivenName(first) || /^\p{Lu}\.$/u.test(first) || PERSON_TITLES.has(first)) return true;
  // Without a given name, the article's votes alone ("Store Frøen", "Dudley Schools") are not
  // enough: the article must also call the person by surname alone or by a role.
  const entity = index?.byAlias.get(entityKey(name));
  if (entity?.cls !== "person" || !index) return false;
  return entity.roles.size > 0 || soleWords(index).has(last);
}

const soleWordCache = new WeakMap<EntityIndex, Set<string>>();
/** One-word names the article mentions on their own ("Edwards", "Nansen"). */
function soleWords(index: EntityIndex): Set<string> {
  let out = soleWordCache.get(index);
  if (!out) {
    out = new Set();
    for (const m of index.mentions) if (!m.name.includes(" ")) out.add(m.name);
    soleWordCache.set(index, out);
  }
  return out;
}

/** The type of a proper name, from the data and the name's own words (and the article's vote). */
const typeCache = new WeakMap<EntityIndex, Map<string, AnswerType>>();
const plainCache = new Map<string, AnswerType>();

export function typeName(name: string, index?: EntityIndex): AnswerType {
  let cache = index ? typeCache.get(index) : plainCache;
  if (!cache && index) {
    cache = new Map();
    typeCache.set(index, cache);
  }
  const known = cache?.get(name);
  if (known) return known;
  const t = typeNameUncached(name, index);
  // Bounded: the Worker keeps the module (and the plain cache) across requests.
  if (cache === plainCache && plainCache.size > 5000) plainCache.clear();
  cache?.set(name, t);
  return t;
}

function typeNameUncached(name: string, index?: EntityIndex): AnswerType {
  const bare = name.replace(/^the\s+/i, "");
  const country = countryNamed(bare);
  if (country)
    return { kind: "place", level: "country", country: country.code, subregion: country.subregion };
  const region = regionNamed(bare);
  if (region) {
    const of = countryByCodeSafe(region.code);
    return { kind: "place", level: "region", country: region.code, subregion: of };
  }
  if (isContinent(bare)) return { kind: "place", level: "continent" };
  // "Roland Garros will be his main target": the venue, not the aviator.
  if (VENUE_NAMES.has(bare)) return { kind: "place", level: "site", unit: "ground" };
  if (!bare.includes(" ")) {
    const nation = nationalityNamed(bare);
    if (nation) return { kind: "nationality", country: nation.code, subregion: nation.subregion };
    if (isLanguage(bare)) return { kind: "language" };
  }
  const words = tokens(bare);
  const last = words[words.length - 1] ?? "";
  const first = words[0] ?? "";
  if (words.length > 1 && (EVENT_WORDS.has(last) || /^(?:Battle|Treaty|Peace|Siege)$/.test(first)))
    return { kind: "event" };
  if (words.length > 1 && TEAM_WORDS.test(bare) && !ORG_WORDS.has(last)) return { kind: "team" };
  if (words.some((w) => ORG_WORDS.has(w))) return { kind: "organisation" };
  if (words.length > 1 && (CURRENT_WORDS.test(last) || FEATURE_WORDS.has(last)))
    return { kind: "place", level: "feature", unit: featureClass(first, last) };
  if (words.length > 1 && (FEATURE_WORDS.has(first) || first === "River"))
    return { kind: "place", level: "feature", unit: featureClass(first, last) };
  if (words.some((w) => SITE_WORDS.has(w)))
    return { kind: "place", level: "site", unit: siteClass(words) };
  if (words.some((w) => POLITY_WORDS.has(w))) return { kind: "name" };
  const entity = index?.byAlias.get(entityKey(bare));
  if (entity?.cls === "person" || personShaped(bare, index)) {
    if (words.length === 1 || personShaped(bare, index)) return { kind: "person" };
  }
  const city = cityNamed(bare);
  if (city && !isGivenName(first)) {
    const of = countryByCodeSafe(city.code);
    return { kind: "place", level: "city", country: city.code, subregion: of };
  }
  if (entity?.cls === "work") return { kind: "work" };
  if (entity?.cls === "event" || entity?.cls === "agreement") return { kind: "event" };
  if (entity?.cls === "organisation" || entity?.cls === "company" || entity?.cls === "institution")
    return { kind: "organisation" };
  if (entity?.cls === "city") return { kind: "place", level: "city" };
  return { kind: "name" };
}

function countryByCodeSafe(code: string): string | undefined {
  return countryByCode(code)?.subregion;
}

/** The type of an answer span in its sentence. */
export function typeSpan(span: Span, sentenceText: string, index: EntityIndex): AnswerType {
  switch (span.kind) {
    case "date":
      return span.format === "year" ? { kind: "year" } : { kind: "date" };
    case "number": {
      const before = sentenceText.slice(0, span.start);
      const after = sentenceText.slice(span.end);
      if (/^(?:%|percent|per cent)$/i.test(span.unit)) return { kind: "percentage" };
      if (
        /\b(?:age[d]?|aged)\s(?:of\s)?$/i.test(before) ||
        (/\b(?:his|her|their)\s$/i.test(before) && /^years?$/.test(span.unit)) ||
        /^(?:-year-old|\s+years? old|\s+years of age)/.test(after)
      )
        return { kind: "age" };
      return { kind: "quantity", unit: span.unit || nounAfter(after) };
    }
    case "term":
      return { kind: "term", unit: span.cls };
    case "entity": {
      const t = typeName(span.text, index);
      if (t.kind === "nationality" || t.kind === "language") {
        const after = sentenceText.slice(span.end);
        const before = sentenceText.slice(0, span.start);
        if (
          isLanguage(span.text) &&
          (/^\s+(?:language|dialect)/.test(after) ||
            /\b(?:speak|speaks|spoke|spoken|in)\s$/.test(before))
        )
          return { kind: "language" };
        if (nationalityNamed(span.text)) return { ...t, kind: "nationality" };
      }
      if (t.kind === "person" && span.text.includes(" ") && !personShaped(span.text, index))
        return { kind: "name" };
      if (t.kind === "name") {
        // The entity module's class, when the data and the name's words say nothing.
        if (span.cls === "person")
          return span.text.includes(" ") && !personShaped(span.text, index)
            ? { kind: "name" }
            : { kind: "person" };
        if (span.cls === "work") return { kind: "work" };
        if (span.cls === "event" || span.cls === "agreement") return { kind: "event" };
        if (span.cls === "organisation" || span.cls === "company" || span.cls === "institution")
          return { kind: "organisation" };
        if (span.cls === "facility")
          return { kind: "place", level: "site", unit: siteClass(tokens(span.text)) };
      }
      return t;
    }
  }
}

function nounAfter(after: string): string {
  return /^\s(\p{Ll}[\p{Ll}-]*)/u.exec(after)?.[1] ?? "";
}

/** Whether a candidate of type `cand` may stand beside a key of type `key`. */
export function fits(key: AnswerType, cand: AnswerType): boolean {
  if (key.kind !== cand.kind) return false;
  if (key.kind === "place")
    return (
      key.level === cand.level &&
      (key.level === "feature"
        ? key.unit === cand.unit
        : key.level !== "site" || !BOUND_SITES.has(key.unit ?? "") || key.unit === cand.unit)
    );
  return true;
}
