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
