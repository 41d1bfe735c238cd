/**
 * The words an article writes in lower case, which are then no names ("pens", "striker").
 */
import { charSize } from "./text.ts";

const LOWER = /^\p{Ll}$/u;
const LETTER = /^\p{L}$/u;

/**
 * What the global pattern `(?<![\p{L}.])\p{Ll}[\p{Ll}'’-]*` (flag u) finds, in the same order: runs that
 * start with a lower-case letter not right after a letter or a full stop and go on over
 * lower-case letters, apostrophes and hyphens. Read in one pass by code point, without the
 * pattern's lookbehind at every position or a match object per word.
 */
export function lowerCaseWords(text: string): Set<string> {
  const out = new Set<string>();
  // Whether the code point before `i` is a letter or a full stop (the lookbehind).
  let afterLetterOrDot = false;
  let i = 0;
  while (i < text.length) {
    const size = charSize(text, i) || 1;
    if (!afterLetterOrDot && isLower(text, i, size)) {
      let end = i + size;
      let lastIsLetter = true;
      while (end < text.length) {
        const code = text.charCodeAt(end);
        if (code === 39 || code === 45 || code === 0x2019) {
          lastIsLetter = false; // ' - ’
          end++;
          continue;
        }
        const s = charSize(text, end) || 1;
        if (!isLower(text, end, s)) break;
        lastIsLetter = true;
        end += s;
      }
      out.add(text.slice(i, end));
      afterLetterOrDot = lastIsLetter;
      i = end;
      continue;
    }
    const code = text.charCodeAt(i);
    afterLetterOrDot =
      code < 128
        ? code === 46 || ((code | 32) >= 97 && (code | 32) <= 122)
        : charSize(text, i) > 0 && LETTER.test(text.slice(i, i + size));
    i += size;
  }
  return out;
}

/** Whether the code point of `size` units at `i` is a lower-case letter (`\p{Ll}`). */
function isLower(text: string, i: number, size: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code >= 97 && code <= 122;
  return charSize(text, i) > 0 && LOWER.test(text.slice(i, i + size));
}
