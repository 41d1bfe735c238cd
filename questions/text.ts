/**
 * Reading an article: lines become headings, paragraphs or boilerplate (bylines, log-in
 * prompts, ratings, blog links, author bios, captions, source notes), and paragraphs are split
 * into sentences with exact offsets into the original text.
 */

export type BlockKind = "heading" | "paragraph" | "boilerplate";

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  /** Offsets into the article text; `text === article.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph block holding it. */
  block: number;
  /** Position in the article's list of sentences. */
  index: number;
}

export interface ArticleText {
  text: string;
  blocks: Block[];
  sentences: Sentence[];
  /** Words in paragraphs (boilerplate and headings excluded). */
  wordCount: number;
}

/** Site chrome that is only ever chrome, however the line goes on ("Log in to comment…"). */
const CHROME_START =
  /^(?:log ?in|sign (?:in|up)|subscribe|register (?:now|here|for|to)|advertisement|sponsored|copyright|©|\(c\)\s*\d{4}|all rights reserved|click here|leave a (?:reply|comment)|posted (?:in|on|by|at)|published (?:in|on|by|at)|(?:last )?updated (?:on|at)|filed (?:in|under)|read (?:more|next|also)|(?:related|see also|also read|more|watch|listen|editor['’]s note):|(?:first |last )?(?:published|updated|posted)(?::|\s+(?:on|at|in|by|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\s+\d))|\d+\s*min(?:ute)?s?\s+read|related (?:posts?|articles?|stories|reading|content)|you may also like|more from|skip to|jump to|back to top|follow us|share (?:this|on|via)|tags?:|categor(?:y|ies):|rating:|blog:|source:|photo(?:graph)?s?(?: by)?:|image(?: credit)?s?:|picture:|caption:|credits?:|cookies?\b)/iu;
/** Words that are chrome when they stand (almost) alone: "Share", "Menu", "Image credit". */
const CHROME_WORDS =
  /^(?:share|menu|comments?|\d+ comments?|no comments|advertisement|ads?|related|read more|more|home|search|next|previous|prev|print|email|e-mail|reply|like|tweet|follow|login|subscribe|newsletter|sign in|log in|sign up|see also|references|external links|further reading|notes|footnotes|sources|tags|categories|photo|image|picture|caption|credit|image credit|photo credit|getty images|reuters|ap|afp|top|trending|popular|latest|loading|close|open|toggle navigation|main menu|cookie settings|privacy policy|terms of use|terms and conditions|contact us|about us)[\s:.!…»›>|-]*$/i;
const BOILERPLATE_ANYWHERE =
  /\b(?:log in if|already registered|all rights reserved|cookies?\b.*\bpolicy|subscribe to|sign up for|follow us|share this|click here|read more)\b/i;
/** A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters" — names, no verb. */
const BYLINE =
  /^[Bb]y\s+(?:\p{Lu}[\p{L}.'’-]*\s?){1,4}(?:(?:and|&)\s+(?:\p{Lu}[\p{L}.'’-]*\s?){1,4})?(?:[,|–-]\s*[\p{L} ]{0,40})?$/u;
const DATE_LINE =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)\p{L}*,?\s+)?(?:\d{1,2}\s+\p{L}+,?\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4})(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm|gmt|utc|[a-z]{2,4})?)?$/iu;
/** Function words that cannot head a section on their own ("In", "The", "And"). */
const FUNCTION_WORDS = new Set(
  "a an the and or but nor so yet in on at to of by for from with as into onto upon about over under after before since until via per than then this that these those it its he she they we you i".split(
    " ",
  ),
);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;

/**
 * How many words `WORD` finds in the text: runs that start with a letter or digit and go on over
 * letters, digits, apostrophes and hyphens. Counted in one pass without building the matches
 * (the engine counts every block, line and sentence several times).
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let letter: boolean;
    let joiner = false;
    if (code < 128) {
      letter = (code | 32) >= 97 && (code | 32) <= 122 ? true : code >= 48 && code <= 57;
      joiner = code === 39 || code === 45; // ' -
    } else if (code === 0x2019) {
      letter = false;
      joiner = true; // ’
    } else {
      const size = charSize(text, i);
      letter = size > 0 && LETTER_OR_DIGIT.test(text.slice(i, i + size));
      if (size === 2) i++;
    }
    if (letter) {
      if (!inWord) count++;
      inWord = true;
    } else if (!joiner) inWord = false;
  }
  return count;
}

/**
 * `text.match(/[\p{L}\p{N}]+/gu) ?? []`: the runs of letters and digits, read in one pass by
 * character code (the pattern's match per word is the cost; every sentence is read so).
 */
export function letterDigitRuns(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let letter: boolean;
    let size = 1;
    if (code < 128)
      letter = (code | 32) >= 97 && (code | 32) <= 122 ? true : code >= 48 && code <= 57;
    else {
      size = charSize(text, i);
      letter = size > 0 && LETTER_OR_DIGIT.test(text.slice(i, i + size));
    }
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    }
    if (size === 2) i++;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

const CODE_SYMBOLS = new Set("{}<>=;$\\|`#[]");

/**
 * Letters (`\p{L}`, by code point), digits (0–9) and the symbols of code and markup
 * (`{}<>=;$\|`#[]`) in the text: how prose differs from code or a table of figures.
 */
export function countChars(text: string): { letters: number; digits: number; symbols: number } {
  let letters = 0;
  let digits = 0;
  let symbols = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((code | 32) >= 97 && (code | 32) <= 122) letters++;
      else if (code >= 48 && code <= 57) digits++;
      else if (CODE_SYMBOLS.has(text[i] ?? "")) symbols++;
      continue;
    }
    const size = charSize(text, i);
    if (size > 0 && LETTER.test(text.slice(i, i + size))) letters++;
    if (size === 2) i++;
  }
  return { letters, digits, symbols };
}

/**
 * Code units in the character at `i`: 2 for a surrogate pair, 1 otherwise, 0 for half a pair
 * left alone (bad input; no letter, and kept away from the pattern tests, whose answer for it
 * V8 does not keep the same once the code is optimised).
 */
export function charSize(text: string, i: number): 0 | 1 | 2 {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdfff) return 1;
  const low = text.charCodeAt(i + 1);
  return code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 0;
}

/** Splits the article into typed blocks (one per non-empty line) and sentences. */
export function readArticle(text: string): ArticleText {
  const blocks: Block[] = [];
  const linePattern = /[^\n\r]+/g;
  for (let m = linePattern.exec(text); m; m = linePattern.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = m.index + lead;
    blocks.push({ kind: classifyLine(trimmed), start, end: start + trimmed.length, text: trimmed });
  }
  markBios(blocks);

  const sentences: Sentence[] = [];
  let wordCount = 0;
  blocks.forEach((block, blockIndex) => {
    if (block.kind !== "paragraph") return;
    wordCount += countWords(block.text);
    for (const [s, e] of splitSentences(block.text)) {
      sentences.push({
        start: block.start + s,
        end: block.start + e,
        text: block.text.slice(s, e),
        block: blockIndex,
        index: sentences.length,
      });
    }
  });
  return { text, blocks, sentences, wordCount };
}

function classifyLine(line: string): BlockKind {
  const words = countWords(line);
  if (isChrome(line, words)) return "boilerplate";
  if (BOILERPLATE_ANYWHERE.test(line) && words < 30) return "boilerplate";
  // "Source: example.org/… (licence, date…)": an attribution line of any length.
  if (/^source:\s*\S+\.\S+/i.test(line)) return "boilerplate";
  if (/^(?:\[[^\]]*\]|\([^)]*\))$/.test(line)) return "boilerplate";
  const endsLikeSentence = /[.!?]["'”’)\]]*$/.test(line);
  if (!endsLikeSentence) {
    // Author bios and credit lines: comma-separated titles with no verb-like words.
    const commas = (line.match(/,/g) ?? []).length;
    if (commas >= 3 && words <= 40 && !/\b(?:is|was|are|were|has|had|have)\b/.test(line))
      return "boilerplate";
    if (words <= 14) return "heading";
    // A long line that forgot its full stop is still prose.
    return words >= 8 ? "paragraph" : "boilerplate";
  }
  if (words < 4) return "boilerplate";
  return "paragraph";
}

/** Page chrome: log-in prompts, share buttons, tags, captions, credits, bylines, stray words. */
export function isChrome(line: string, words = countWords(line)): boolean {
  if (CHROME_START.test(line) && words < 25) return true;
  if (words <= 4 && CHROME_WORDS.test(line)) return true;
  if (BYLINE.test(line) && words <= 12) return true;
  // A lone function word ("In") is a scrap of a menu or a link, never a heading.
  const lower = line.toLowerCase();
  const count = countWords(lower);
  if (count > 0 && count <= 3 && (lower.match(WORD) ?? []).every((t) => FUNCTION_WORDS.has(t)))
    return true;
  // A date line ("14 March 2024", "March 14, 2024 at 9:30").
  if (words <= 8 && DATE_LINE.test(line)) return true;
  // Lines of symbols and numbers only ("1 / 5", "★★★★☆", "12:45").
  if (words <= 3 && !/\p{L}{3}/u.test(line)) return true;
  return false;
}

/** A short paragraph right at the end that reads like an author bio is boilerplate too. */
function markBios(blocks: Block[]): void {
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 4); i--) {
    const block = blocks[i];
    if (block?.kind !== "paragraph") continue;
    if (
      /^(?:[A-Z][\w.-]*\s){1,4}(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s){0,4}(?:writer|author|journalist|editor|columnist|analyst|correspondent|blogger|contributor|professor|researcher|reporter|freelance)/.test(
        block.text,
      ) &&
      countWords(block.text) < 60
    )
      block.kind = "boilerplate";
  }
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr prof st sr jr mt ft ltd inc co corp plc llc bros dept univ assn est gen col lt maj capt sgt cmdr adm gov sen rep rev hon pres vs etc al approx ca cf e.g i.e viz fig no nos vol pp ed eds op ph.d b.a m.a b.sc m.sc m.d d.c u.s u.k u.n u.s.a e.u jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun c hons".split(
    " ",
  ),
);

/**
 * Sentence boundaries inside one paragraph, as [start, end) offsets with surrounding whitespace
 * trimmed. Handles abbreviations (Ltd., Mr., U.S.), initials (J. Robert Oppenheimer), closing
 * quotes and brackets after the stop, and stops with a missing space ("film.Aparajito").
 */
export function splitSentences(paragraph: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const stop = /[.!?…]+["'”’)\]]*(?=\s+|$)|(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll})/gu;
  for (let m = stop.exec(paragraph); m; m = stop.exec(paragraph)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith(".") && !endsSentence(paragraph, m.index, end)) continue;
    push(out, paragraph, start, end);
    start = end;
  }
  push(out, paragraph, start, paragraph.length);
  return out;
}

function endsSentence(paragraph: string, dot: number, end: number): boolean {
  const before = paragraph.slice(Math.max(0, dot - 40), dot);
  const token = dottedWordAtEnd(before).toLowerCase();
  const after = paragraph.slice(end).trimStart();
  if (!after) return true;
  const next = after[0] ?? "";
  // A lower-case word, digit run or punctuation after the stop continues the sentence.
  if (!/[\p{Lu}"“‘'([]/u.test(next)) return false;
  if (ABBREVIATIONS.has(token) || ABBREVIATIONS.has(token.replace(/\.$/, ""))) {
    // "Ltd." or "U.S." can still end a sentence; only a following capitalised function word
    // that normally starts sentences says so.
    return (
      /^(?:The|A|An|In|On|It|He|She|They|This|These|Its|His|Her|Their|But|However)\b/.test(after) &&
      !/^(?:u\.s|u\.k|mr|mrs|ms|dr|st|prof|gen|col|capt)/.test(token)
    );
  }
  // Single initials ("J. Robert", "D. K. Gupta") and dotted acronyms ("D.J. Keymer"); a
  // decade's "s" ("during the 1960s and 1970s. If Mr Blair…") is no initial.
  if (/^\p{L}$/u.test(token) && !(token === "s" && /\d$/.test(before.slice(0, -1)))) return false;
  if (/^(?:\p{L}\.)+\p{L}?$/u.test(token)) return false;
  return true;
}

function push(out: Array<[number, number]>, text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  if (e > s) out.push([s, e]);
}

/**
 * What `/[\p{L}.]+$/u` finds (or ""): the letters and full stops the text ends with, read
 * backwards by code point instead of trying the pattern from every position.
 */
export function dottedWordAtEnd(text: string): string {
  let start = text.length;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if (code < 128) {
      if (code !== 46 && ((code | 32) < 97 || (code | 32) > 122)) break;
      start--;
      continue;
    }
    // A letter beyond the first plane is a surrogate pair.
    const size = start >= 2 && charSize(text, start - 2) === 2 ? 2 : charSize(text, start - 1);
    if (size === 0 || !LETTER.test(text.slice(start - size, start))) break;
    start -= size;
  }
  return text.slice(start);
}

const SPACES_TO_COLLAPSE = /\s\s|[^\S ]/;

/**
 * `text.replace(/\s+/g, " ")`: every run of white space as one space, without rebuilding a
 * text that has only single spaces.
 */
export function collapseSpaces(text: string): string {
  return SPACES_TO_COLLAPSE.test(text) ? text.replace(/\s+/g, " ") : text;
}
