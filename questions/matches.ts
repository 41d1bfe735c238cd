/**
 * Pattern helpers for the engine's hot paths, which run a score of patterns over every sentence,
 * name and stem: same results as the plain calls, without their cost.
 */

/**
 * `[...text.matchAll(re)]` for a global pattern: the same matches in the same order, without
 * matchAll's clone of the pattern on every call (or an iterator's overhead).
 */
export function matches(text: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let at = 0;
  for (;;) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return out;
    at = re.lastIndex;
    // An empty match moves on by one character, as matchAll does.
    if (m[0] === "") at += re.unicode && (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
    out.push(m);
  }
}

/** The last `n` characters of the text (one more where the cut would split a surrogate pair). */
export function lastChars(text: string, n: number): string {
  if (text.length <= n) return text;
  const first = text.charCodeAt(text.length - n);
  return text.slice(first >= 0xdc00 && first <= 0xdfff ? -n - 1 : -n);
}

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;

/**
 * `text.match(/(?<=[\p{Ll}\d,;:] )\p{Lu}\p{Ll}+/gu)`: capitalised words after a lower-case
 * letter, digit, comma, semicolon or colon and a space. The look-behind is tried at every
 * position of the article; this reads each space's next word and the one character before by
 * hand. (A match is never inside another: its word holds no space.)
 */
export function midSentenceCapitals(text: string): string[] {
  const out: string[] = [];
  for (let at = text.indexOf(" ", 1); at >= 0; at = text.indexOf(" ", at + 1)) {
    const end = capitalisedWordEnd(text, at + 1);
    if (end < 0) continue;
    const code = text.charCodeAt(at - 1);
    let ok = code === 44 || code === 59 || code === 58 || (code >= 48 && code <= 57);
    if (!ok) {
      // The character before may be the second half of a surrogate pair (𝐚).
      const low = code >= 0xdc00 && code <= 0xdfff && at >= 2;
      const high = low ? text.charCodeAt(at - 2) : 0;
      const pair = low && high >= 0xd800 && high <= 0xdbff;
      ok = LOWER.test(pair ? text.slice(at - 2, at) : text.charAt(at - 1));
    }
    if (ok) out.push(text.slice(at + 1, end));
  }
  return out;
}

/**
 * What the global pattern `/\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?/gu` finds, in the same order: a
 * capitalised word and the capitalised word after a single space, if there is one ("Glasgow",
 * "South Africa"). Read by code point, without a match object per word.
 */
export function capitalisedPairs(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const end = capitalisedWordEnd(text, i);
    if (end < 0) {
      i += sizeAt(text, i);
      continue;
    }
    const second = text.charCodeAt(end) === 32 ? capitalisedWordEnd(text, end + 1) : -1;
    const last = second < 0 ? end : second;
    out.push(text.slice(i, last));
    i = last;
  }
  return out;
}

/** Where `\p{Lu}\p{Ll}+` matched at `at` ends (greedy), or -1 where it does not match there. */
function capitalisedWordEnd(text: string, at: number): number {
  if (at >= text.length) return -1;
  const size = sizeAt(text, at);
  if (!isCase(text, at, size, UPPER, 65, 90)) return -1;
  let end = at + size;
  while (end < text.length) {
    const s = sizeAt(text, end);
    if (!isCase(text, end, s, LOWER, 97, 122)) break;
    end += s;
  }
  return end === at + size ? -1 : end;
}

/** Whether the code point at `i` is in the case class: an ASCII range, else the pattern. */
function isCase(text: string, i: number, size: number, re: RegExp, lo: number, hi: number) {
  const code = text.charCodeAt(i);
  if (code < 128) return code >= lo && code <= hi;
  return re.test(text.slice(i, i + size));
}

/** Code units of the code point at `i` (a lone surrogate is a code point of its own). */
function sizeAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/** `(text.slice(0, at).match(/["“”]/g) ?? []).length % 2 === 1`: inside a quotation at `at`. */
export function quotedBefore(text: string, at: number): boolean {
  let quotes = 0;
  for (let i = 0; i < at; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 || code === 0x201c || code === 0x201d) quotes++;
  }
  return quotes % 2 === 1;
}

const SPACE_CHAR = /\s/;

/**
 * `/\b(?:like|as)\s+$/i.test(text.slice(0, at))` ("live like Robinson Crusoe"), read backwards
 * from `at` instead of tried from every position before it.
 */
export function likenessBefore(text: string, at: number): boolean {
  let end = at;
  while (end > 0 && SPACE_CHAR.test(text.charAt(end - 1))) end--;
  return end < at && (wordEndsAt(text, end, "like") || wordEndsAt(text, end, "as"));
}

/**
 * Whether `word` (lower-case ASCII) ends at `end` in any case, after no letter, digit or "_":
 * the pattern's `\b` and `i` (without `u`, both read ASCII only).
 */
function wordEndsAt(text: string, end: number, word: string): boolean {
  const start = end - word.length;
  if (start < 0) return false;
  for (let k = 0; k < word.length; k++) {
    const code = text.charCodeAt(start + k);
    if (code >= 128 || (code | 32) !== word.charCodeAt(k)) return false;
  }
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  const lower = before | 32;
  return !((before >= 48 && before <= 57) || (lower >= 97 && lower <= 122) || before === 95);
}
