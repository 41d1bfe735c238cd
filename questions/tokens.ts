/**
 * The word tokens of a sentence that entities.ts builds capitalised runs from. The global
 * pattern
 *
 *   /\p{Lu}\.(?:\s?\p{Lu}\.)*|[\p{L}\p{N}]+(?:['’\-–][\p{L}\p{N}]+)*(?:\.(?=\s*\())?/gu
 *
 * read by code point in one pass: the same tokens in the same order, without a match object
 * per word (every sentence of the article is tokenised, and the pattern's matches were a
 * measurable share of building the entity index).
 */
import { charSize } from "./text.ts";

export interface Tok {
  text: string;
  start: number;
  end: number;
}

const UPPER = /^\p{Lu}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;

/** The pattern's tokens of `text`: initials ("J. R."), then words joined by ' ’ - – inside. */
export function wordTokens(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const size = sizeAt(text, i);
    let end = -1;
    if (isUpper(text, i, size) && text.charCodeAt(i + size) === 46)
      end = initialsEnd(text, i + size + 1);
    else if (isLetterOrDigit(text, i, size)) end = wordEnd(text, i + size);
    if (end < 0) {
      i += size;
      continue;
    }
    toks.push({ text: text.slice(i, end), start: i, end });
    i = end;
  }
  return toks;
}

/** `(?:\s?\p{Lu}\.)*` from `at`: where a run of further initials ends. */
function initialsEnd(text: string, at: number): number {
  let end = at;
  for (;;) {
    let k = end;
    // The optional space: were it not taken, the capital would have to be a space.
    if (k < text.length && isSpace(text, k, sizeAt(text, k))) k += sizeAt(text, k);
    if (k >= text.length) return end;
    const size = sizeAt(text, k);
    if (!isUpper(text, k, size) || text.charCodeAt(k + size) !== 46) return end;
    end = k + size + 1;
  }
}

/**
 * `[\p{L}\p{N}]*(?:['’\-–][\p{L}\p{N}]+)*(?:\.(?=\s*\())?` from `at` (the first letter or
 * digit is read): every part greedy, and nothing after them can fail.
 */
function wordEnd(text: string, at: number): number {
  let end = lettersEnd(text, at);
  for (;;) {
    const code = text.charCodeAt(end);
    if (code !== 39 && code !== 0x2019 && code !== 45 && code !== 0x2013) break;
    const next = end + 1;
    if (next >= text.length || !isLetterOrDigit(text, next, sizeAt(text, next))) break;
    end = lettersEnd(text, next + sizeAt(text, next));
  }
  // "Ltd. (Japan)": a full stop right before an opening bracket stays with its word.
  if (text.charCodeAt(end) === 46) {
    let k = end + 1;
    while (k < text.length && isSpace(text, k, sizeAt(text, k))) k += sizeAt(text, k);
    if (text.charCodeAt(k) === 40) end++;
  }
  return end;
}

function lettersEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length) {
    const size = sizeAt(text, end);
    if (!isLetterOrDigit(text, end, size)) break;
    end += size;
  }
  return end;
}

/** Code units of the code point at `i` (a lone surrogate is a code point of its own). */
function sizeAt(text: string, i: number): number {
  return charSize(text, i) || 1;
}

function isUpper(text: string, i: number, size: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER.test(text.slice(i, i + size));
}

function isLetterOrDigit(text: string, i: number, size: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code | 32) >= 97 && (code | 32) <= 122 ? true : code >= 48 && code <= 57;
  return LETTER_OR_DIGIT.test(text.slice(i, i + size));
}

function isSpace(text: string, i: number, size: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(text.slice(i, i + size));
}
