/**
 * Named entities by capitalisation heuristics: capitalised word runs (with "of", "de", "da"…
 * inside), classified by keywords, the gazetteer and context cues, then voted over the whole
 * article so one mention's context helps classify every other mention of the same name.
 */

import {
  CITIES_BY_REGION,
  CONTINENTS_AND_OCEANS,
  COUNTRIES_BY_REGION,
  ENTITY_KEYWORDS,
  GIVEN_NAMES,
  LANGUAGES,
  MONTHS,
  NATIONALITIES,
  PERSON_CUES,
  PERSON_TITLES,
  STOPWORDS,
  US_STATES,
} from "./lexicon.ts";
import { lowerCaseWords } from "./lower-words.ts";
import { memoized } from "./memo.ts";
import { charSize, type Sentence } from "./text.ts";
import { type Tok, wordTokens } from "./tokens.ts";
import { isGivenName } from "./typing.ts";

export type EntityClass =
  | "person"
  | "country"
  | "city"
  | "state"
  | "continent"
  | "place"
  | "organisation"
  | "company"
  | "institution"
  | "facility"
  | "agreement"
  | "project"
  | "event"
  | "work"
  | "nationality"
  | "other";

export interface Mention {
  /** Offsets relative to the sentence text; the span a question would blank. */
  start: number;
  end: number;
  /** The name as a choice shows it (acronym in brackets dropped). */
  name: string;
  /** "(SCO)" following the name, included in the blanked span. */
  acronym?: string;
  sentence: number;
  cls: EntityClass;
}

export interface Entity {
  name: string;
  cls: EntityClass;
  count: number;
  acronym?: string;
  /** Lower-case forms that mean the same entity: surname, acronym, name without "the". */
  aliases: Set<string>;
  /** For people: role groups the article gives them ("family", "academic", "player"…). */
  roles: Set<string>;
  firstSentence: number;
}

export interface EntityIndex {
  mentions: Mention[];
  byKey: Map<string, Entity>;
  /** Every alias (lower-case key form) to its entity. */
  byAlias: Map<string, Entity>;
  /** The person the article is about (most mentioned, surname mentions included). */
  mainSubject?: Entity;
  /** Lower-case words that appear in lower case somewhere (so are not names). */
  lowerWords: Set<string>;
}

const CONNECTORS = new Set([
  "of",
  "the",
  "de",
  "da",
  "do",
  "dos",
  "das",
  "di",
  "del",
  "della",
  "von",
  "van",
  "der",
  "den",
  "du",
  "la",
  "le",
  "al",
  "bin",
  "ibn",
  "and",
  "for",
  "on",
]);
const WORK_CUE =
  /\b(?:film|films|novel|book|movie|song|album|play|poem|series|documentary|magazine|newspaper|opera|painting|titled|entitled)$/i;
const PLACE_PREP = /\b(?:in|at|from|to|near|into|across|toward|towards|via|of the city of)$/i;

/**
 * `/\b(?:film|…|entitled)\s*,?\s*$/i.test(before)`: a work's cue word right before a name. The
 * pattern would be tried from every position of the sentence before; only its end can match,
 * so the spaces and comma are cut by hand and the word tried on the last characters (one more
 * than the longest word, for the word boundary). trimEnd cuts exactly what \s matches.
 */
export function workCueBefore(before: string): boolean {
  let t = before.trimEnd();
  if (t.endsWith(",")) t = t.slice(0, -1).trimEnd();
  return WORK_CUE.test(t.slice(-12));
}

/** `/\b(?:in|at|…|of the city of)\s+$/i.test(before)`, read from the end as workCueBefore is. */
export function placePrepBefore(before: string): boolean {
  const t = before.trimEnd();
  return t.length < before.length && PLACE_PREP.test(t.slice(-15));
}

const NOT_NAMES = new Set([
  ...MONTHS,
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
  "Ph",
  "Dr",
  "Mr",
  "Mrs",
  "Ms",
]);
const PLACE_PREFIXES = new Set([
  "Los",
  "Las",
  "San",
  "Santa",
  "New",
  "El",
  "Port",
  "Fort",
  "Mount",
  "Lake",
  "North",
  "South",
  "East",
  "West",
  "Upper",
  "Lower",
  "Saint",
  "St",
]);

const gazetteer = new Map<string, EntityClass>();
for (const list of Object.values(COUNTRIES_BY_REGION))
  for (const c of list) gazetteer.set(c.toLowerCase(), "country");
for (const list of Object.values(CITIES_BY_REGION))
  for (const c of list) if (!gazetteer.has(c.toLowerCase())) gazetteer.set(c.toLowerCase(), "city");
for (const s of US_STATES)
  if (!gazetteer.has(s.toLowerCase())) gazetteer.set(s.toLowerCase(), "state");
for (const c of CONTINENTS_AND_OCEANS) gazetteer.set(c.toLowerCase(), "continent");
for (const n of NATIONALITIES) gazetteer.set(n.toLowerCase(), "nationality");
for (const n of LANGUAGES)
  if (!gazetteer.has(n.toLowerCase())) gazetteer.set(n.toLowerCase(), "nationality");
gazetteer.set("soviet union", "country");
gazetteer.set("russian federation", "country");
gazetteer.set("ussr", "country");
gazetteer.set("uk", "country");
gazetteer.set("us", "country");
gazetteer.set("u.s.", "country");

/**
 * "St. Clemens Church", "Trinity Church": a church named for a saint or a place is a building;
 * "the Catholic Church", "the English Church", "Church of England" are bodies.
 */
function namedChurch(piece: readonly { text: string }[]): boolean {
  if (piece.length !== 2 || piece[1]?.text !== "Church") return false;
  const head = piece[0]?.text ?? "";
  return !CHURCH_BODIES.test(head) && !/(?:ish|ian|an|ese|ic)$/.test(head);
}

const CHURCH_BODIES =
  /^(?:Catholic|Protestant|Orthodox|Anglican|Lutheran|Methodist|Baptist|Presbyterian|Reformed|Episcopal|Evangelical|Free|State|National|Established|Roman|Coptic|Unification|Mormon)$/;

const keywordClass = new Map<string, EntityClass>();
for (const [cls, list] of Object.entries(ENTITY_KEYWORDS)) {
  const mapped: EntityClass =
    cls === "university"
      ? "institution"
      : cls === "organisation"
        ? "organisation"
        : cls === "facility"
          ? "facility"
          : cls === "agreement"
            ? "agreement"
            : cls === "event"
              ? "event"
              : "place";
  for (const w of list) keywordClass.set(w, mapped);
}
keywordClass.set("Laboratory", "institution");
for (const w of [
  "Corporation",
  "Company",
  "Ltd",
  "Inc",
  "Bank",
  "Group",
  "Press",
  "Times",
  "Post",
  "News",
])
  keywordClass.set(w, "company");
for (const w of ["Project", "Programme", "Program", "Initiative", "Plan", "Mission"])
  keywordClass.set(w, "project");
// Sports clubs ("Northbridge Athletic", "Dunmore United") are organisations, not people.
for (const w of ["Athletic", "Rovers", "Wanderers", "Albion", "FC", "Hotspur", "Rangers"])
  keywordClass.set(w, "organisation");

export const entityKey: (name: string) => string = memoized(makeKey, 20000);

const NON_ASCII = /[\u0080-\uffff]/;

function makeKey(name: string): string {
  const lower = name.toLowerCase();
  // Accents come off by decomposing; plain ASCII has none to lose.
  const bare = !NON_ASCII.test(lower) ? lower : lower.normalize("NFD").replace(/\p{M}/gu, "");
  return bare
    .replace(/^the\s+/, "")
    .replace(/['’]s$/, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const bySentence = new WeakMap<EntityIndex, Map<number, Mention[]>>();

/**
 * The index's mentions in one sentence, in the index's order: grouped once per index, since
 * findSpans, the salience checks and the antecedents run per sentence.
 */
export function mentionsIn(index: EntityIndex, sentence: number): readonly Mention[] {
  let groups = bySentence.get(index);
  if (!groups) {
    groups = new Map();
    for (const m of index.mentions) {
      const list = groups.get(m.sentence) ?? [];
      list.push(m);
      groups.set(m.sentence, list);
    }
    bySentence.set(index, groups);
  }
  return groups.get(sentence) ?? [];
}

export function gazetteerClass(name: string): EntityClass | undefined {
  return gazetteer.get(name.toLowerCase());
}

export function buildEntityIndex(sentences: readonly Sentence[], fullText: string): EntityIndex {
  const lowerWords = lowerCaseWords(fullText);

  // Each mention keeps its name's key: the loops below ask for it again and again.
  const raw: Array<Mention & { key: string; votes: Partial<Record<EntityClass, number>> }> = [];
  for (const sentence of sentences) {
    for (const run of capitalisedRuns(sentence.text, lowerWords)) {
      const mention = withoutTitle(run);
      raw.push({
        ...mention,
        key: entityKey(mention.name),
        sentence: sentence.index,
        cls: "other",
      });
    }
  }

  // Vote on each name's class over all its mentions.
  const votes = new Map<string, Partial<Record<EntityClass, number>>>();
  for (const m of raw) {
    const key = m.key;
    const tally = votes.get(key) ?? {};
    for (const [cls, n] of Object.entries(m.votes) as Array<[EntityClass, number]>)
      tally[cls] = (tally[cls] ?? 0) + n;
    votes.set(key, tally);
  }

  // Surnames of people, so "Teller" is known to be the person "Edward Teller".
  const personBySurname = new Map<string, string>();
  const fullNames = new Map<string, string>();
  // The votes are all in: each key's winner is worked out once.
  const winners = new Map<string, EntityClass>();
  const best = (key: string): EntityClass => {
    let cls = winners.get(key);
    if (cls === undefined) {
      cls = winner(votes.get(key) ?? {});
      winners.set(key, cls);
    }
    return cls;
  };
  // "Rachel Carson": a given name and a surname make a person even where the surname is also
  // a town's ("Carson", California), and her lone surname is her.
  const givenFirst = new Set<string>();
  for (const m of raw) {
    const key = m.key;
    const words = m.name.split(" ");
    const named =
      best(key) === "other" &&
      words.length >= 2 &&
      words.length <= 3 &&
      isGivenName(words[0] ?? "") &&
      words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w));
    if (named) givenFirst.add(key);
    if (best(key) === "person" || named) {
      const parts = key.split(" of ")[0]?.split(" ") ?? [];
      const surname = parts[parts.length - 1] ?? key;
      if (parts.length > 1 && (named || !gazetteer.has(surname)) && !personBySurname.has(surname)) {
        personBySurname.set(surname, key);
        fullNames.set(key, m.name);
      }
    }
  }

  const byKey = new Map<string, Entity>();
  const mentions: Mention[] = [];
  for (const m of raw) {
    let key = m.key;
    let cls = best(key);
    if (givenFirst.has(key)) cls = "person";
    const single = !key.includes(" ");
    const fullKey = single ? personBySurname.get(key) : undefined;
    const weak = (votes.get(key)?.[cls] ?? 0) < 3;
    if (fullKey && (cls === "other" || cls === "person" || weak || givenFirst.has(fullKey))) {
      key = fullKey;
      cls = "person";
    }
    let entity = byKey.get(key);
    if (!entity) {
      entity = {
        name: fullKey ? (fullNames.get(fullKey) ?? m.name) : m.name,
        cls,
        count: 0,
        aliases: new Set([key]),
        roles: new Set(),
        firstSentence: m.sentence,
      };
      byKey.set(key, entity);
    }
    entity.count++;
    entity.aliases.add(m.key);
    if (m.acronym) {
      entity.acronym = m.acronym;
      entity.aliases.add(m.acronym.toLowerCase());
    }
    if (cls === "person") {
      const parts = key.split(" ");
      const surname = parts[parts.length - 1];
      if (surname) entity.aliases.add(surname);
    }
    const role = roleBefore(
      sentences[m.sentence]?.text.slice(Math.max(0, m.start - 40), m.start) ?? "",
    );
    if (role) entity.roles.add(role);
    mentions.push({
      start: m.start,
      end: m.end,
      name: m.name,
      acronym: m.acronym,
      sentence: m.sentence,
      cls: fullKey ? "person" : cls,
    });
  }
  // Acronyms mentioned alone ("SCO") are aliases of the full name they abbreviate.
  for (const entity of byKey.values()) {
    if (!entity.acronym) continue;
    const alone = byKey.get(entity.acronym.toLowerCase());
    if (alone && alone !== entity) {
      entity.count += alone.count;
      byKey.delete(entity.acronym.toLowerCase());
    }
  }

  // A lone first name ("Satyajit") of a known person is that person too: the first person so
  // named, in the index's order (only names of no person leave the index below).
  const personByFirstName = new Map<string, Entity>();
  for (const other of byKey.values()) {
    const first = entityKey(other.name).split(" ")[0] ?? "";
    if (other.cls === "person" && !personByFirstName.has(first))
      personByFirstName.set(first, other);
  }
  for (const [key, entity] of [...byKey]) {
    if (key.includes(" ") || entity.cls === "person") continue;
    const other = personByFirstName.get(key);
    if (other) {
      other.count += entity.count;
      other.aliases.add(key);
      byKey.delete(key);
      for (const m of mentions) if (entityKey(m.name) === key) m.cls = "person";
    }
  }

  let mainSubject: Entity | undefined;
  for (const entity of byKey.values()) {
    if (entity.cls !== "person") continue;
    if (!mainSubject || entity.count > mainSubject.count) mainSubject = entity;
  }
  if (mainSubject && mainSubject.count < 4) mainSubject = undefined;
  const byAlias = new Map<string, Entity>();
  for (const [key, entity] of byKey) byAlias.set(key, entity);
  for (const entity of byKey.values())
    for (const alias of entity.aliases) if (!byAlias.has(alias)) byAlias.set(alias, entity);
  return { mentions, byKey, byAlias, mainSubject, lowerWords };
}

/** The class a name's tally of votes gives it ("other" when no class has a whole vote). */
function winner(tally: Partial<Record<EntityClass, number>>): EntityClass {
  let cls: EntityClass = "other";
  let top = 0;
  for (const [c, n] of Object.entries(tally) as Array<[EntityClass, number]>) {
    if (n > top) {
      top = n;
      cls = c;
    }
  }
  if (top < 1) return "other";
  // One "in X" is weak evidence: a single-word place needs two votes or the gazetteer.
  if (cls === "place" && top < 2) return "other";
  return cls;
}

const ROLE_GROUPS: Record<string, string> = {};
for (const [group, list] of Object.entries({
  family:
    "father mother wife husband son daughter brother sister cousin uncle aunt grandfather grandmother grandson granddaughter nephew niece fiancée fiancé sweetheart spouse partner",
  academic:
    "physicist chemist scientist mathematician biologist astronomer professor researcher supervisor economist historian philosopher physician geologist ecologist zoologist botanist lecturer",
  player:
    "team-mate teammate striker midfielder winger defender goalkeeper forward substitute captain player batsman bowler fly-half scrum-half wing centre lock prop hooker flanker full-back fullback quarterback pitcher",
  music: "singer guitarist drummer bassist musician songwriter rapper pianist frontman",
  writing: "writer novelist author poet playwright essayist",
  art: "painter sculptor artist photographer",
  staff: "manager coach",
  official: "referee umpire",
  business: "executive founder co-founder engineer analyst chairman chairwoman investor",
  film: "director actor actress filmmaker cameraman producer critic screenwriter composer",
  media: "correspondent reporter journalist editor presenter commentator broadcaster",
  politics:
    "minister president chancellor premier senator governor ambassador secretary under-secretary mp congressman",
  advocacy: "adviser advisor campaigner activist spokesman spokeswoman spokesperson",
  royalty: "king queen emperor empress prince princess",
  nobility: "lord lady baron baroness earl countess viscount marquess duke duchess",
  clergy: "bishop archbishop pope cardinal priest abbot",
}))
  for (const w of list.split(" ")) ROLE_GROUPS[w] = group;

/** The role group of a word ("chancellor": politics), whatever its case; undefined if none. */
export function roleGroupOf(word: string): string | undefined {
  return ROLE_GROUPS[word.toLowerCase()];
}

/**
 * "Treasury Under-Secretary John Taylor": a run whose words before the last two hold a role word
 * is the role and a name; the name is the person's, and roleBefore finds the role in the text.
 */
function withoutTitle<T extends { start: number; name: string }>(run: T): T {
  const words = run.name.split(" ");
  if (words.length < 3) return run;
  // "Blairite Alan Milburn", "Irish Brian Moore": a capitalised adjective before a whole name.
  const [lead = "", given = ""] = words;
  if (/\p{Ll}(?:ite|ist|ian|ish|ese)$/u.test(lead) && !isGivenName(lead) && isGivenName(given)) {
    const cut = lead.length + 1;
    return { ...run, start: run.start + cut, name: run.name.slice(cut) };
  }
  for (let i = words.length - 3; i >= 0; i--) {
    const word = words[i] ?? "";
    const group = ROLE_GROUPS[word.toLowerCase()];
    if (!group || group === "family" || /^\p{Ll}/u.test(word)) continue;
    // "King James I", "Bishop Absalon": royal and clerical titles stay part of the name.
    if (group === "royalty" || group === "nobility" || group === "clergy") return run;
    const cut = words.slice(0, i + 1).join(" ").length + 1;
    return { ...run, start: run.start + cut, name: run.name.slice(cut) };
  }
  return run;
}

/**
 * The role group an apposition right after a name gives it: "Sukumar Ray, Upendrakishore's son
 * and …", "Ben Kay, the England lock, …" (a role word among the first four words after the comma).
 */
export function roleAfter(after: string): string | undefined {
  const m = /^,\s+((?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+)/u.exec(after);
  if (!m?.[1]) return undefined;
  for (const word of m[1].split(/\s+/)) {
    const group = ROLE_GROUPS[word.toLowerCase()];
    if (group) return group;
  }
  return undefined;
}

/** The role group of the word right before a name: "striker Daniel Okoro", "his wife, Mici". */
export function roleBefore(before: string): string | undefined {
  const word = roleWordBefore(before);
  if (!word) return undefined;
  if (before.includes("married") && /\bmarried\s+(?:to\s+)?(?:the\s+\p{Ll}+\s+)?$/u.test(before))
    return "family";
  return ROLE_GROUPS[word.toLowerCase()];
}

/**
 * The word before a name, past a comma, spaces and a "the" ("striker ", "his wife, ", "by the "):
 * what `/([\p{L}-]+),?\s+(?:the\s+)?$/u` captures, read backwards from the end (that pattern is
 * tried from every position of the text before, and this runs once per mention). Where the text
 * ends in "the" after a space, the word before it comes first, as the pattern's leftmost match.
 */
function roleWordBefore(before: string): string | undefined {
  const end = spacesBefore(before, before.length);
  if (end === before.length) return undefined;
  if (before.endsWith("the", end)) {
    const gap = spacesBefore(before, end - 3);
    if (gap < end - 3) {
      const word = wordEndingAt(before, before.charCodeAt(gap - 1) === 44 ? gap - 1 : gap);
      if (word) return word;
    }
  }
  return wordEndingAt(before, before.charCodeAt(end - 1) === 44 ? end - 1 : end) || undefined;
}

/** Where the run of white space (`\s`) that ends at `end` starts. */
function spacesBefore(text: string, end: number): number {
  let start = end;
  while (start > 0 && isSpace(text.charCodeAt(start - 1))) start--;
  return start;
}

function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(String.fromCharCode(code));
}

/** The run of letters and hyphens (`[\p{L}-]`) that ends at `end` ("" if none). */
function wordEndingAt(text: string, end: number): string {
  let start = end;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if (code < 128) {
      if (code !== 45 && ((code | 32) < 97 || (code | 32) > 122)) break;
      start--;
      continue;
    }
    // A letter beyond the first plane is a surrogate pair.
    const size = start >= 2 && charSize(text, start - 2) === 2 ? 2 : charSize(text, start - 1);
    if (size === 0 || !LETTER.test(text.slice(start - size, start))) break;
    start -= size;
  }
  return text.slice(start, end);
}

interface Run {
  start: number;
  end: number;
  name: string;
  acronym?: string;
  votes: Partial<Record<EntityClass, number>>;
}

/** Capitalised word runs in one sentence, each with class votes from its context. */
export function capitalisedRuns(text: string, lowerWords: ReadonlySet<string>): Run[] {
  const toks = wordTokens(text);

  const runs: Run[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (!t || !isCapitalised(t.text)) {
      i++;
      continue;
    }
    // Extend the run over capitalised tokens and inner connectors separated by spaces only.
    let j = i;
    let possessiveCut = false;
    while (j + 1 < toks.length) {
      const cur = toks[j];
      const next = toks[j + 1];
      if (!cur || !next) break;
      if (/['’]s$/.test(cur.text)) {
        possessiveCut = true;
        break;
      }
      // Only one space between them.
      if (next.start !== cur.end + 1 || text.charCodeAt(cur.end) !== 32) break;
      if (isCapitalised(next.text)) {
        j++;
        continue;
      }
      // A connector joins only when a capitalised token follows it.
      if (CONNECTORS.has(next.text)) {
        let k = j + 1;
        while (k < toks.length && CONNECTORS.has(toks[k]?.text ?? "")) {
          const a = toks[k - 1];
          const b = toks[k];
          if (!a || !b || text.slice(a.end, b.start) !== " ") break;
          k++;
        }
        const after = toks[k];
        const before = toks[k - 1];
        if (
          after &&
          before &&
          text.slice(before.end, after.start) === " " &&
          isCapitalised(after.text) &&
          k - j <= 3
        ) {
          j = k;
          continue;
        }
      }
      break;
    }
    const runToks = toks.slice(i, j + 1);
    i = j + 1;
    void possessiveCut;
    for (const piece of splitRun(runToks, text, lowerWords)) runs.push(piece);
  }
  return runs;
}

const LETTER = /^\p{L}$/u;
const SPACE = /^\s$/;

/**
 * The word right before a position, past spaces and commas ("" if something else comes first):
 * what `/(\p{L}+)[\s,]*$/u` captures, read backwards from the end (that pattern is tried from
 * every position of the text before, and this runs once per name).
 */
export function wordBefore(before: string): string {
  let end = before.length;
  while (end > 0) {
    const code = before.charCodeAt(end - 1);
    if (code !== 44 && code !== 32 && !SPACE.test(before[end - 1] ?? "")) break;
    end--;
  }
  let start = end;
  while (start > 0) {
    const code = before.charCodeAt(start - 1);
    if (code < 128) {
      if ((code | 32) < 97 || (code | 32) > 122) break;
      start--;
      continue;
    }
    // A letter beyond the first plane is a surrogate pair.
    const size = start >= 2 && charSize(before, start - 2) === 2 ? 2 : charSize(before, start - 1);
    if (size === 0 || !LETTER.test(before.slice(start - size, start))) break;
    start -= size;
  }
  return before.slice(start, end);
}

function isCapitalised(token: string): boolean {
  const code = token.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(token);
}

/** A token that is a keyword of a class ("Corporation", "University", "Ltd."). */
function isKeyword(t: Tok): boolean {
  return keywordClass.has(withoutDot(t.text));
}

/** The token without one full stop at its end ("Ltd." is "Ltd"). */
function withoutDot(token: string): string {
  return token.endsWith(".") ? token.slice(0, -1) : token;
}

function splitRun(toks: Tok[], text: string, lowerWords: ReadonlySet<string>): Run[] {
  let list = toks.slice();
  // A sentence-initial common word ("Notable projects") is not part of a name.
  while (list.length > 0) {
    const first = list[0];
    if (!first) break;
    const lower = first.text.toLowerCase();
    const atStart = /^[\s"“‘'(]*$/.test(text.slice(0, first.start));
    if (STOPWORDS.has(lower) || (atStart && lowerWords.has(lower) && !gazetteer.has(lower))) {
      list = list.slice(1);
      continue;
    }
    break;
  }
  // "and" splits runs unless the whole run names an organisation ("Oil and Gas … Corporation").
  const hasKeyword = list.some(isKeyword);
  const pieces: Tok[][] = [];
  let cur: Tok[] = [];
  for (let n = 0; n < list.length; n++) {
    const t = list[n];
    if (!t) continue;
    // "and" joins only inside one name ("Oil and Gas … Corporation"), never two names
    // ("the United States and the Soviet Union").
    const joinsNames =
      t.text === "and" &&
      (list[n + 1]?.text === "the" ||
        gazetteer.has(
          cur
            .map((x) => x.text)
            .join(" ")
            .toLowerCase(),
        ));
    if ((t.text === "and" || t.text === "for") && (!hasKeyword || joinsNames)) {
      pieces.push(cur);
      cur = [];
      continue;
    }
    cur.push(t);
  }
  pieces.push(cur);

  const out: Run[] = [];
  for (let piece of pieces) {
    let votes: Partial<Record<EntityClass, number>> = {};
    // Strip leading titles ("Foreign Minister", "King Dom") — they announce a person.
    const keywordInPiece = piece.some(isKeyword);
    let titled = false;
    while (!keywordInPiece && piece.length > 1 && PERSON_TITLES.has(piece[0]?.text ?? "")) {
      piece = piece.slice(1);
      titled = true;
    }
    // "South Africa Finance Minister Trevor Manuel": the name is what follows the title.
    if (!keywordInPiece) {
      for (let k = piece.length - 3; k >= 1; k--) {
        const rest = piece.slice(k + 1);
        if (
          PERSON_TITLES.has(piece[k]?.text ?? "") &&
          rest.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text))
        ) {
          piece = rest;
          titled = true;
          break;
        }
      }
    }
    // "Professor of Physics": a title followed by "of" names a post, not a person.
    if (titled && CONNECTORS.has(piece[0]?.text ?? "")) titled = false;
    while (piece.length > 0 && CONNECTORS.has(piece[0]?.text ?? "")) piece = piece.slice(1);
    while (
      piece.length > 0 &&
      (CONNECTORS.has(piece[piece.length - 1]?.text ?? "") ||
        STOPWORDS.has((piece[piece.length - 1]?.text ?? "").toLowerCase()))
    )
      piece = piece.slice(0, -1);
    const first = piece[0];
    const last = piece[piece.length - 1];
    if (!first || !last) continue;
    let end = last.end;
    // "Teller's": the name without its possessive (endsWith, not a pattern tried at every letter).
    const whole = text.slice(first.start, end);
    const possessive = whole.endsWith("'s") || whole.endsWith("’s");
    const name = possessive ? whole.slice(0, -2) : whole;
    if (possessive) end -= 2;
    if (name.length < 2 || /^\p{Lu}\.?$/u.test(name)) continue;
    // "Ladri di biciclette": a foreign title cut short at its first lower-case word.
    if (/^ (?:di|de|da|del|della|la|le|von|van|du|des) \p{Ll}/u.test(text.slice(end))) continue;
    // A lone keyword ("Council", "Crown") or "Portuguese Crown" names no particular entity.
    if (piece.length === 1 && keywordClass.has(name)) continue;
    if (STOPWORDS.has(name.toLowerCase()) || NOT_NAMES.has(name)) continue;
    let acronym: string | undefined;
    const acr = /^ \((\p{Lu}[\p{Lu}\p{N}&-]{1,9})\)/u.exec(text.slice(end));
    if (acr?.[1] && piece.length >= 2) {
      acronym = acr[1];
      end += acr[0].length;
    }

    const before = text.slice(0, first.start);
    const after = text.slice(last.end);
    const gaz = gazetteer.get(name.toLowerCase());
    if (gaz) votes[gaz] = 5;
    const kw = piece.findLast(isKeyword);
    if (kw) {
      const cls = namedChurch(piece)
        ? "facility"
        : (keywordClass.get(withoutDot(kw.text)) ?? "organisation");
      votes[cls] = (votes[cls] ?? 0) + 4;
    }
    if (titled) votes.person = (votes.person ?? 0) + 3;
    const prevWord = wordBefore(before).toLowerCase();
    if (PERSON_CUES.has(prevWord) && !gaz && !kw) votes.person = (votes.person ?? 0) + 2;
    if (
      /^,?\s+(?:who|whose)\b/.test(after) ||
      /^\s+(?:said|says|wrote|argued|believes|told)\b/.test(after)
    )
      votes.person = (votes.person ?? 0) + 2;
    if (
      /^, (?:the )?(?:[A-Z][a-z]+ )?(?:Minister|President|King|director|physicist|historian|a [a-z]+ (?:writer|physicist|critic|director|employee))/.test(
        after,
      )
    )
      votes.person = (votes.person ?? 0) + 2;
    if (/^ \(\d{4}\)/.test(after)) votes.work = (votes.work ?? 0) + 3;
    else if (workCueBefore(before))
      votes.work = (votes.work ?? 0) + (/,\s*$/.test(before) ? 1.5 : 3);
    if (placePrepBefore(before) && !kw && !gaz) votes.place = (votes.place ?? 0) + 1;
    const nameLike =
      piece.length >= 2 &&
      piece.length <= 4 &&
      piece.every(
        (t) =>
          /^\p{Lu}[\p{Ll}'’-]+$|^\p{Lu}\.(?:\s?\p{Lu}\.)*$/u.test(t.text) || CONNECTORS.has(t.text),
      );
    if (!gaz && !kw && nameLike) {
      if (GIVEN_NAMES.has(first.text) || /^\p{Lu}\.$/u.test(first.text))
        votes.person = (votes.person ?? 0) + 2;
      else if (PLACE_PREFIXES.has(first.text)) votes.place = (votes.place ?? 0) + 2;
      else if (gazetteer.get(first.text.toLowerCase()) === "nationality") votes.other = 1;
      else votes.person = (votes.person ?? 0) + 0.5;
    }
    if (Object.keys(votes).length === 0) votes = {};
    out.push({ start: first.start, end, name, acronym, votes });
  }
  return out;
}
