/**
 * The widget's UI strings and the rule that picks their language: the element's `lang`, else the
 * page's `<html lang>`, else English. widget.js holds only the English of the first screen; the
 * rest of the English comes with the flow chunk (i18n/english-later.ts), and Urdu (right to left)
 * and Russian are chunks of their own (i18n/ur.ts, i18n/ru.ts), fetched beside the quiz only by
 * readers who get them.
 *
 * Each language is one "|"-separated string in the order of `keys`, so the key names are not
 * repeated per language. "{a}" and "{b}" are numbers.
 */

/** The strings' names: the first screen's, then the later screens'. */
type Key =
  | "of" // "{a} of {b}": progress and score
  | "check"
  | "loading"
  | "blank"
  | "next"
  | "finish"
  | "correct"
  | "incorrect"
  | "answer"
  | "yours"
  | "show"
  | "score"
  | "retry"
  | "again"
  | "notFound"
  | "down"
  | "tryAgain"
  | "reconnecting"
  | "soon" // site mode: the page's quiz awaits review
  | "na"; // site mode: no quiz for this page (too short, unreadable, not this site's, offline)

// One string in the bundle instead of an array of names (the type above checks each use).
const keys = (
  "of check loading blank next finish correct incorrect answer yours show score retry again " +
  "notFound down tryAgain reconnecting soon na"
).split(" ") as Key[];

export type Strings = Record<Key, string>;

/** English for the first screen; the later screens' English is i18n/english-later.ts. */
export const english = "{a} of {b}|Check answer|Loading quiz…|blank";

export type Lang = "en" | "ur" | "ru";

/** The first supported language among the element's, the page's, then English. */
export function pickLang(...candidates: (string | null | undefined)[]): Lang {
  for (const c of candidates) {
    const base = c?.toLowerCase().split("-")[0] ?? "";
    if (/^(en|ur|ru)$/.test(base)) return base as Lang;
  }
  return "en";
}

export interface Locale {
  lang: Lang;
  dir: "ltr" | "rtl";
  t: Strings;
  /** "{a} of {b}" with localised numbers. */
  of: (a: number, b: number) => string;
}

/**
 * The locale of `lang`, whose strings are `packed` (missing ones are ""), numbers written by
 * `number` (English writes question counts in ASCII digits; the other languages' chunks bring
 * their own).
 */
export function locale(lang: Lang, packed: string, number: (n: number) => string = String): Locale {
  const parts = packed.split("|");
  const t = Object.fromEntries(keys.map((k, i) => [k, parts[i] ?? ""])) as Strings;
  return {
    lang,
    dir: lang === "ur" ? "rtl" : "ltr",
    t,
    of: (a, b) => t.of.replace("{a}", number(a)).replace("{b}", number(b)),
  };
}
