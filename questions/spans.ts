/**
 * Answer spans in one sentence: dates, numbers with units or counted nouns, ordinals, named
 * entities, vocabulary terms of known classes, and the items of explicit lists.
 */

import type { EntityClass, EntityIndex } from "./entities.ts";
import { entityKey, mentionsIn } from "./entities.ts";
import {
  MONTHS,
  NUMBER_WORD_PATTERN,
  parseNumberWord,
  STOPWORDS,
  TERM_CLASSES,
  UNITS,
} from "./lexicon.ts";
import { matches } from "./matches.ts";
import type { Sentence } from "./text.ts";
import { typeName } from "./typing.ts";

export type DateFormat = "dmy" | "mdy" | "dm" | "md" | "my" | "year" | "decade" | "century";
export type NumberFormat = "digits" | "words" | "ordinal";

export type Span =
  | {
      kind: "date";
      start: number;
      end: number;
      text: string;
      format: DateFormat;
      year?: number;
      month?: number;
      day?: number;
    }
  | {
      kind: "number";
      start: number;
      end: number;
      text: string;
      format: NumberFormat;
      value: number;
      unit: string;
      decimals: number;
      commas: boolean;
      capital: boolean;
      /** A currency sign written before the digits ("£48 million"). */
      prefix: string;
    }
  | { kind: "entity"; start: number; end: number; text: string; cls: EntityClass; key: string }
  | { kind: "term"; start: number; end: number; text: string; cls: string };

export interface ListSpan {
  /** Offsets of the whole list inside the sentence. */
  start: number;
  end: number;
  items: Array<{ start: number; end: number; text: string; inner: boolean }>;
  /** The term class most items share, or the entity class, if any. */
  cls?: string;
}

const MONTH = `(${MONTHS.join("|")})`;
const DATE_PATTERNS: Array<[DateFormat, RegExp]> = [
  ["dmy", new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{3,4})\\b`, "g")],
  ["mdy", new RegExp(`\\b${MONTH} (\\d{1,2}), (\\d{3,4})\\b`, "g")],
  ["my", new RegExp(`\\b${MONTH} (\\d{3,4})\\b`, "g")],
  ["dm", new RegExp(`\\b(\\d{1,2}) ${MONTH}\\b(?!,? \\d)`, "g")],
  ["md", new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? \\d)`, "g")],
  ["decade", /\b(1\d|20)(\d)0s\b/g],
  ["century", /\b(\d{1,2})(?:st|nd|rd|th)[ -]century\b/g],
  [
    "year",
    /(?<![\d,.$#£€-])\b(1[0-9]\d\d|20[0-4]\d)\b(?![,.]\d|\d|\s?(?:MW|GW|kW|km|kg|%|percent|people|men|soldiers|ships|troops))/g,
  ],
];

/** Every pattern above but the last three needs a month's name: most sentences have none. */
const ANY_MONTH = new RegExp(MONTHS.join("|"));
const MONTH_FORMATS = new Set<DateFormat>(["dmy", "mdy", "my", "dm", "md"]);

const UNIT_SET = new Set(UNITS.map((u) => u.toLowerCase()));
const DIGIT_NUMBER =
  /(?<![\p{L}\d,.\-–])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]\d|\.\d|\p{L})/gu;
const WORD_NUMBER = new RegExp(`\\b(${NUMBER_WORD_PATTERN})\\b`, "gi");
const ORDINAL = /\b(\d{1,3})(st|nd|rd|th)\b(?![ -]century)/g;

const DEFINED_TERM =
  /\b(?:called|named|known as|termed|dubbed)\s+(?:the\s+|an?\s+)?((?![Tt]he\b)[\p{L}\p{N}][\p{L}\p{N}-]*(?:\s(?:\p{Lu}[\p{L}\p{N}-]*|cycle|effect|theory|pathway|photosynthesis|reaction|process|law|principle|method|system|model|acid|cells?|rule|equation|constant|belt|zone|layer))?)(?=[\s,.;:)]|$)/gu;

/**
 * One alternation per class, longest terms first so "iron and steel" beats "iron". A term must
 * not follow a letter or hyphen either; `termMatches` checks that instead of a leading
 * lookbehind, which would keep V8 from scanning ahead for the terms' first letters (3× slower).
 */
const TERM_PATTERNS: Array<[string, RegExp]> = Object.entries(TERM_CLASSES).map(([cls, list]) => [
  cls,
  new RegExp(
    `(?:${list
      .slice()
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|")})(?![\\p{L}-])`,
    "giu",
  ),
]);
/** Any term of any class: most sentences hold none, and one scan says so for all ten. */
const ANY_TERM = new RegExp(
  `(?:${Object.values(TERM_CLASSES)
    .flat()
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})(?![\\p{L}-])`,
  "iu",
);
const WORD_CHAR_AT_END = /[\p{L}-]$/u;

/**
 * The matches of one TERM_PATTERNS pattern, as `(?<![\p{L}-])` before it would give them, from
 * `from` on (where ANY_TERM's first match is: no term of any class starts before it).
 */
function termMatches(text: string, re: RegExp, from: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // Two code units back: the character before may be a surrogate pair.
    if (m.index > 0 && WORD_CHAR_AT_END.test(text.slice(Math.max(0, m.index - 2), m.index))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(m);
  }
  return out;
}

export function findSpans(sentence: Sentence, index: EntityIndex): Span[] {
  const text = sentence.text;
  const spans: Span[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const take = (span: Span) => {
    if (!free(span.start, span.end)) return;
    taken.push([span.start, span.end]);
    spans.push(span);
  };

  // Dates, ordinals and figures all hold a digit: a sentence without one needs none of them.
  const digits = /\d/.test(text);
  const month = digits && ANY_MONTH.test(text);
  for (const [format, re] of digits ? DATE_PATTERNS : []) {
    if (!month && MONTH_FORMATS.has(format)) continue;
    for (const m of matches(text, re)) {
      const start = m.index;
      const end = start + m[0].length;
      const span = parseDate(format, m, start, end);
      if (span) take(span);
    }
  }
  for (const m of digits ? matches(text, ORDINAL) : []) {
    const value = Number(m[1]);
    take({
      kind: "number",
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      format: "ordinal",
      value,
      unit: "",
      decimals: 0,
      commas: false,
      capital: false,
      prefix: "",
    });
  }
  for (const m of digits ? matches(text, DIGIT_NUMBER) : []) {
    const raw = m[1] ?? "";
    const start = m.index;
    const end = start + raw.length;
    const value = Number(raw.replace(/,/g, ""));
    if (!Number.isFinite(value)) continue;
    const before = text.slice(0, start);
    if (insideBrackets(text, start)) continue;
    // "Chicago Pile 1", "Apollo 11": a number right after a capitalised word is part of a name,
    // unless that word is a sentence-initial preposition ("In 1,200 cases").
    const prevWord = /(\p{Lu}[\p{L}-]*)\s$/u.exec(before)?.[1];
    if (
      prevWord &&
      !/^(?:In|On|By|About|Some|Over|Nearly|Approximately|Around|At|Of|The|Only|Almost|All|Just)$/.test(
        prevWord,
      )
    )
      continue;
    const unitMatch = /^\s?(%|[\p{L}°]+(?:\s(?:cent|km|tons))?)/u.exec(text.slice(end));
    let unit = "";
    let unitEnd = end;
    const candidate = unitMatch?.[1] ?? "";
    if (candidate && UNIT_SET.has(candidate.toLowerCase())) {
      unit = candidate;
      unitEnd = end + (unitMatch?.[0].length ?? 0);
    } else {
      // A bare number with no counted noun after it says too little to ask about.
      const next = /^\s(\p{Ll}[\p{Ll}-]*)/u.exec(text.slice(end))?.[1];
      const aged = /\bage[d]?\s(?:of\s)?$/.test(before);
      if (!aged && (!next || STOPWORDS.has(next))) continue;
    }
    // A conversion in brackets right after ("30 kilometres (19 mi)") would give the key away.
    if (/^\s?\([^)]*\d/.test(text.slice(unitEnd))) continue;
    const prefix = /(?:US\$|[£$€¥₹])$/.exec(before)?.[0] ?? "";
    take({
      kind: "number",
      start: start - prefix.length,
      end: unitEnd,
      text: text.slice(start - prefix.length, unitEnd),
      prefix,
      format: "digits",
      value,
      unit,
      decimals: (raw.split(".")[1] ?? "").length,
      commas: raw.includes(","),
      capital: false,
    });
  }
  for (const m of matches(text, WORD_NUMBER)) {
    const word = m[1] ?? "";
    const value = parseNumberWord(word);
    if (value === undefined || value < 2) continue;
    const start = m.index;
    const end = start + word.length;
    const before = text.slice(0, start);
    const after = text.slice(end);
    if (/\b(?:the|these|those|its|his|her|their|our|all|of)\s$/i.test(before)) continue;
    if (!/^\s(?:\p{Ll}[\p{Ll}-]+|[\p{Lu}][\p{L}-]*\d)/u.test(after)) continue;
    const next = /^\s([\p{L}-]+)/u.exec(after)?.[1] ?? "";
    if (STOPWORDS.has(next.toLowerCase()) && next !== "of") continue;
    take({
      kind: "number",
      start,
      end,
      text: word,
      format: "words",
      value,
      unit: "",
      decimals: 0,
      commas: false,
      capital: /^\p{Lu}/u.test(word),
      prefix: "",
    });
  }
  for (const mention of mentionsIn(index, sentence.index)) {
    const entity = index.byAlias.get(entityKey(mention.name));
    let cls = mention.cls;
    // A name the entity votes left open, but the place data knows: "born in Glasgow".
    if (cls === "other") {
      const t = typeName(mention.name, index);
      if (t.kind !== "place" || t.level === "site" || t.level === "feature") continue;
      cls =
        t.level === "city"
          ? "city"
          : t.level === "region"
            ? "state"
            : t.level === "continent"
              ? "continent"
              : "country";
    }
    take({
      kind: "entity",
      start: mention.start,
      end: mention.end,
      text: mention.name,
      cls,
      key: entity ? entityKey(entity.name) : entityKey(mention.name),
    });
  }
  // Terms the article defines: "tiny pores called stomata", "known as the Calvin cycle".
  for (const m of matches(text, DEFINED_TERM)) {
    const term = m[1] ?? "";
    const start = m.index + m[0].length - term.length;
    if (STOPWORDS.has(term.toLowerCase()) || term.length < 3) continue;
    take({ kind: "term", start, end: start + term.length, text: term, cls: "defined" });
  }
  const firstTerm = ANY_TERM.exec(text)?.index ?? -1;
  for (const [cls, re] of firstTerm < 0 ? [] : TERM_PATTERNS) {
    for (const m of termMatches(text, re, firstTerm)) {
      const capitalised = /^\p{Lu}/u.test(m[0]);
      if (cls === "ideology" || cls === "religion" ? !capitalised : capitalised && m.index > 0)
        continue;
      take({ kind: "term", start: m.index, end: m.index + m[0].length, text: m[0], cls });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function insideBrackets(text: string, pos: number): boolean {
  const before = text.slice(0, pos);
  return before.lastIndexOf("(") > before.lastIndexOf(")");
}

function parseDate(
  format: DateFormat,
  m: RegExpMatchArray,
  start: number,
  end: number,
): Span | undefined {
  const month = (name: string | undefined) => (name ? MONTHS.indexOf(name) + 1 : undefined);
  const text = m[0];
  switch (format) {
    case "dmy":
      return {
        kind: "date",
        start,
        end,
        text,
        format,
        day: Number(m[1]),
        month: month(m[2]),
        year: Number(m[3]),
      };
    case "mdy":
      return {
        kind: "date",
        start,
        end,
        text,
        format,
        month: month(m[1]),
        day: Number(m[2]),
        year: Number(m[3]),
      };
    case "my":
      return { kind: "date", start, end, text, format, month: month(m[1]), year: Number(m[2]) };
    case "dm": {
      const day = Number(m[1]);
      if (day < 1 || day > 31) return undefined;
      return { kind: "date", start, end, text, format, day, month: month(m[2]) };
    }
    case "md": {
      const day = Number(m[2]);
      if (day < 1 || day > 31) return undefined;
      return { kind: "date", start, end, text, format, month: month(m[1]), day };
    }
    case "decade":
      return { kind: "date", start, end, text, format, year: Number(text.slice(0, 4)) };
    case "century":
      return { kind: "date", start, end, text, format, year: Number(m[1]) };
    case "year":
      return { kind: "date", start, end, text, format, year: Number(m[1]) };
  }
}

/** Explicit lists of three or more short items ("cotton, textiles, leather and rice"). */
export function findLists(sentence: Sentence): ListSpan[] {
  const text = sentence.text;
  const segs = commaSegments(text);
  const lists: ListSpan[] = [];
  const short = (s: string) => itemLike(s);
  let k = segs.length - 1;
  while (k >= 2) {
    const last = segs[k];
    if (!last) break;
    const lastText = text.slice(last.start, last.end);
    const leadAnd = /^(?:and|or) /.exec(lastText);
    const innerAnd = leadAnd ? null : /^([^ ]+(?: [^ ]+){0,3}?),? (?:and|or) (.+)$/.exec(lastText);
    if (!leadAnd && !innerAnd) {
      k--;
      continue;
    }
    let j = k - 1;
    while (j >= 1 && short(text.slice(segs[j]?.start ?? 0, segs[j]?.end ?? 0))) j--;
    const innerSegs = segs.slice(j + 1, k);
    const firstSeg = segs[j];
    if (!firstSeg || innerSegs.length + (innerAnd ? 1 : 0) < 1) {
      k--;
      continue;
    }
    const items: ListSpan["items"] = [];
    const innerTexts = innerSegs.map((p) => text.slice(p.start, p.end));
    const minWords = Math.min(3, ...innerTexts.map((t) => t.split(" ").length));
    const firstWords = text.slice(firstSeg.start, firstSeg.end).split(" ");
    let firstItemWords: string[];
    if (innerTexts.every((t) => /^\p{Lu}/u.test(t))) {
      let n = 0;
      while (n < firstWords.length && n < 6) {
        const w = firstWords[firstWords.length - 1 - n] ?? "";
        if (!/^\p{Lu}/u.test(w) && w !== "of" && w !== "de" && w !== "da") break;
        n++;
      }
      firstItemWords = firstWords.slice(firstWords.length - n);
    } else firstItemWords = firstWords.slice(-Math.min(minWords, firstWords.length));
    while (
      firstItemWords.length > 1 &&
      (STOPWORDS.has((firstItemWords[0] ?? "").toLowerCase()) ||
        /(?:ing|ed)$/.test(firstItemWords[0] ?? ""))
    )
      firstItemWords = firstItemWords.slice(1);
    // "a fiction writer, publisher and critic": the word before a one-word first item belongs
    // to it when it is a plain lower-case noun (not a verb like "imports" or "exporting").
    const before = firstWords[firstWords.length - firstItemWords.length - 1] ?? "";
    if (
      firstItemWords.length === 1 &&
      /^\p{Ll}{3,}$/u.test(before) &&
      !STOPWORDS.has(before) &&
      !/(?:ing|ed|s)$/.test(before) &&
      /^(?:a|an|the)$/i.test(firstWords[firstWords.length - 3] ?? "")
    )
      firstItemWords = [before, ...firstItemWords];
    const firstItem = firstItemWords.join(" ");
    if (STOPWORDS.has(firstItem.toLowerCase())) {
      k--;
      continue;
    }
    items.push({
      start: firstSeg.end - firstItem.length,
      end: firstSeg.end,
      text: firstItem,
      inner: false,
    });
    for (const p of innerSegs)
      items.push({ start: p.start, end: p.end, text: text.slice(p.start, p.end), inner: true });
    let tailStart: number;
    let tail: string;
    if (innerAnd) {
      const x = innerAnd[1] ?? "";
      items.push({ start: last.start, end: last.start + x.length, text: x, inner: false });
      tail = innerAnd[2] ?? "";
      tailStart = last.end - tail.length;
    } else {
      tailStart = last.start + (leadAnd?.[0].length ?? 0);
      tail = text.slice(tailStart, last.end);
    }
    const tailWords = tail.split(" ");
    let n = 0;
    while (n < tailWords.length && n < 4) {
      const w = tailWords[n] ?? "";
      if (n > 0 && (STOPWORDS.has(w.toLowerCase()) || /(?:ed|ing)$/.test(w))) break;
      n++;
      if (/[.!?;:]$/.test(w)) break;
    }
    const lastItem = tailWords
      .slice(0, n)
      .join(" ")
      .replace(/[.!?;:]+$/, "");
    items.push({
      start: tailStart,
      end: tailStart + lastItem.length,
      text: lastItem,
      inner: false,
    });
    const caps = items.map((it) => /^\p{Lu}/u.test(it.text));
    if (
      items.length >= 3 &&
      items.every((it) => itemLike(it.text)) &&
      (caps.every(Boolean) || caps.every((c) => !c))
    ) {
      const listStart = items[0]?.start ?? 0;
      lists.push({
        start: listStart,
        end: tailStart + lastItem.length,
        items,
        cls: listClass(items.map((i) => i.text)),
      });
    }
    k = j - 1;
  }
  return lists;
}

/** A short noun-phrase-like list item: up to three words, no function words but "and"/"of". */
function itemLike(item: string): boolean {
  const words = item.split(" ");
  if (!item || words.length > (words.includes("and") ? 4 : 3) || /[()[\]"“”]/.test(item))
    return false;
  if ((words[0] ?? "") === "and" || (words[0] ?? "") === "of") return false;
  return words.every(
    (w) =>
      w === "and" ||
      w === "of" ||
      (!STOPWORDS.has(w.toLowerCase()) && !/^\p{Ll}+(?:ing|ed)$/u.test(w)),
  );
}

/** Comma-separated segments outside brackets, with offsets. */
function commaSegments(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if (ch === "," && depth === 0 && text[i + 1] === " ") {
      out.push({ start, end: i });
      start = i + 2;
      i++;
    }
  }
  out.push({ start, end: text.length });
  return out;
}

/** Each term class's words in lower case, made once: every list of every sentence asks. */
const TERM_SETS: Array<[string, Set<string>]> = Object.entries(TERM_CLASSES).map(([cls, list]) => [
  cls,
  new Set(list.map((w) => w.toLowerCase())),
]);

/** The term class shared by at least half of the items. */
export function listClass(items: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  const lower = items.map((i) => i.toLowerCase());
  for (const [cls, set] of TERM_SETS) {
    const n = lower.filter((i) => set.has(i)).length;
    if (n > bestCount) {
      best = cls;
      bestCount = n;
    }
  }
  return bestCount >= Math.max(2, Math.ceil(items.length / 3)) ? best : undefined;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
