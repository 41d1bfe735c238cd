/**
 * A name the article spells two ways ("Gonzalez" once as "Gonzales"): the rarer spelling is a
 * typo a teacher would not hand out, so it stands as no rival (issue 11, round 10a).
 */
import { memoized } from "./memo.ts";

/** Levenshtein distance, stopping once it passes `limit` (names are short). */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Two rows, reused: the distance is asked of every pair of lookalike surnames.
  let prev: number[] = [];
  let row: number[] = [];
  for (let j = 0; j <= b.length; j++) prev.push(j);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row[j] = v;
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    const done = prev;
    prev = row;
    row = done;
  }
  return prev[b.length] ?? limit + 1;
}

/** The shortest surname a lookalike is checked for: "Lewis" and "Lewin" may be two people. */
const MIN_WORD = 6;

// Memoised: rarerSpelling compares every once-named name with every other, so each name's
// surname is asked for many times per article.
const surname = memoized(
  (name: string): string => (name.split(/\s+/).pop() ?? "").toLowerCase(),
  4000,
);

/**
 * Whether `name`, mentioned `count` times, is a rarer spelling of one of `others` (each with
 * its count): its surname within two edits of the surname of a name mentioned at least twice,
 * with the same first letter and neither the start of the other ("August", "Augustin").
 */
export function rarerSpelling(
  name: string,
  count: number,
  others: ReadonlyMap<string, number>,
): boolean {
  if (count > 1) return false;
  const w = surname(name);
  if (w.length < MIN_WORD) return false;
  for (const [other, otherCount] of others) {
    // The cheap tests first: most names are named once and need no surname.
    if (other === name || otherCount < 2) continue;
    const o = surname(other);
    if (o === w || o[0] !== w[0]) continue;
    if (o.length < MIN_WORD || o.startsWith(w) || w.startsWith(o)) continue;
    if (editDistance(w, o) <= 2) return true;
  }
  return false;
}

/**
 * Every name of `counts` that rarerSpelling finds a rarer spelling, in the map's order: the
 * same answers, with each surname worked out once rather than once per pair of names.
 */
export function rarerSpellings(counts: ReadonlyMap<string, number>): Set<string> {
  const usual: Array<{ name: string; surname: string }> = [];
  for (const [name, count] of counts) {
    if (count < 2) continue;
    const o = surname(name);
    if (o.length >= MIN_WORD) usual.push({ name, surname: o });
  }
  const out = new Set<string>();
  for (const [name, count] of counts) {
    if (count > 1) continue;
    const w = surname(name);
    if (w.length < MIN_WORD) continue;
    for (const { name: other, surname: o } of usual) {
      if (other === name || o === w || o[0] !== w[0]) continue;
      if (o.startsWith(w) || w.startsWith(o)) continue;
      if (editDistance(w, o) <= 2) {
        out.add(name);
        break;
      }
    }
  }
  return out;
}
