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

const SPACED_CAPITAL = / (\p{Lu}\p{Ll}+)/gu;
const LOWER = /^\p{Ll}$/u;

/**
 * `text.match(/(?<=[\p{Ll}\d,;:] )\p{Lu}\p{Ll}+/gu)`: capitalised words after a lower-case
 * letter, digit, comma, semicolon or colon and a space. The look-behind is tried at every
 * position of the article; this runs the pattern only from spaces and reads the one character
 * before by hand. (A match is never inside another: its word holds no space.)
 */
export function midSentenceCapitals(text: string): string[] {
  const out: string[] = [];
  SPACED_CAPITAL.lastIndex = 0;
  for (let m = SPACED_CAPITAL.exec(text); m; m = SPACED_CAPITAL.exec(text)) {
    const at = m.index;
    if (at === 0) continue;
    const code = text.charCodeAt(at - 1);
    let ok = code === 44 || code === 59 || code === 58 || (code >= 48 && code <= 57);
    if (!ok) {
      // The character before may be the second half of a surrogate pair (𝐚).
      const low = code >= 0xdc00 && code <= 0xdfff && at >= 2;
      const high = low ? text.charCodeAt(at - 2) : 0;
      const pair = low && high >= 0xd800 && high <= 0xdbff;
      ok = LOWER.test(pair ? text.slice(at - 2, at) : text.charAt(at - 1));
    }
    if (ok) out.push(m[1] ?? "");
  }
  return out;
}
