/**
 * `text.matchAll(re)` without its cost: matchAll clones the pattern on every call, and the
 * engine runs a score of patterns over every sentence and stem. Same matches, same order.
 */

/** Every match of a global pattern in the text. Safe to nest: the position is kept here. */
export function* matches(text: string, re: RegExp): Generator<RegExpExecArray> {
  let at = 0;
  for (;;) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return;
    at = re.lastIndex;
    // An empty match moves on by one character, as matchAll does.
    if (m[0] === "") at += re.unicode && (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
    yield m;
  }
}
