/**
 * One edit inside a sentence that lets it stand on its own as a stem (issue 11, round 15): a
 * mid-sentence "her"/"his" written as the one person the sentence before opens with, a bare
 * "on the opening day" anchored to the one event the sentence before names, and an award's
 * giver dropped where the award's own name says what kind of giver it was. Each edit is made
 * only where it can mean one thing: a wrong antecedent is worse than none.
 */

import { type EntityIndex, entityKey, mentionsIn } from "./entities.ts";
import type { Sentence } from "./text.ts";
import { genderOf } from "./typing.ts";

/** One edit of a sentence's text, in the sentence's own offsets. */
export interface Edit {
  at: number;
  /** How many characters of the sentence it removes at `at`. */
  remove: number;
  insert: string;
}

/** Words after "her" that show it is an object, not a possessive ("told her that …"). */
const NOT_A_NOUN =
  /^(?:to|that|the|a|an|and|or|but|in|on|at|of|for|with|as|by|from|into|out|up|down|back|away|off|over|this|it|his|her|their|was|is|had|has|would|could|when|if)$/i;

/**
 * "Queen Elizabeth … refused to name an heir. Many Catholics believed that her Catholic cousin
 * …": a possessive that comes before any person the sentence names means the person the
 * sentence before opens with, when that is the only person it names and the name's gender is
 * the pronoun's. An opening pronoun is stems.ts's work; this one is mid-sentence.
 */
export function possessiveEdit(
  sentence: Sentence,
  text: string,
  previous: Sentence | undefined,
  index: EntityIndex,
  apostrophe: string,
): Edit | undefined {
  if (!previous || previous.block !== sentence.block) return undefined;
  const m = /(?<=\s)(his|her)\s+(\p{L}+)/u.exec(text);
  if (!m || m.index === undefined) return undefined;
  const word = m[2] ?? "";
  if (NOT_A_NOUN.test(word)) return undefined;
  const before = text.slice(0, m.index);
  // Another pronoun or a person before it: the possessive may mean them.
  if (/\b(?:he|she|him|his|her|they|their|its)\b/i.test(before)) return undefined;
  const shift = text.length - sentence.text.length;
  const at = m.index - shift;
  if (at < 0 || sentence.text.slice(at, at + 3) !== (m[1] ?? "")) return undefined;
  const people = (s: number) =>
    mentionsIn(index, s).filter((x) => x.cls === "person" || x.cls === "other");
  if (people(sentence.index).some((x) => x.start < at && x.cls === "person")) return undefined;
  const prior = mentionsIn(index, previous.index).filter((x) => x.cls === "person");
  const keys = new Set(
    prior.map((x) => {
      const e = index.byAlias.get(entityKey(x.name));
      return e ? entityKey(e.name) : entityKey(x.name);
    }),
  );
  const first = prior[0];
  if (keys.size !== 1 || !first) return undefined;
  // The person must open the sentence before (its subject), after at most a title.
  const lead = previous.text.slice(0, first.start);
  if (
    !/^(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lady|Lord|King|Queen|Prince|Princess|President)\.?\s)?$/.test(
      lead,
    )
  )
    return undefined;
  const name = lead + first.name;
  const gender = genderOf(name);
  if (!gender || (gender === "f") !== (m[1] === "her")) return undefined;
  // The previous sentence uses no pronoun of the other sex: it is about one person only.
  const other = gender === "f" ? /\b(?:he|him|his)\b/i : /\b(?:she|her|hers)\b/i;
  if (other.test(previous.text)) return undefined;
  return { at, remove: 3, insert: `${name}${apostrophe}s` };
}

/** The named event a sentence sets a day or a rubber of ("the Davis Cup", "the US Open"). */
const EVENT =
  /\bthe\s+((?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:Cup|Championships?|Open|Olympics|Games|Trophy|Tournament|Series|Final))\b/gu;

/**
 * "losing to X on the opening day before going down to Y": the day of which event is in the
 * sentence before ("… is the Davis Cup, which was won by Spain"). Anchored where the sentence
 * names no event itself and the one before names exactly one.
 */
export function eventDayEdit(sentence: Sentence, previous: Sentence | undefined): Edit | undefined {
  if (!previous || sentence.index - previous.index !== 1) return undefined;
  const day = /\bon the (?:opening|first|second|third|final|last|closing) day\b(?!\s+of\b)/.exec(
    sentence.text,
  );
  if (!day) return undefined;
  if ([...sentence.text.matchAll(EVENT)].length > 0) return undefined;
  const events = new Set([...previous.text.matchAll(EVENT)].map((e) => e[1] ?? ""));
  const event = [...events][0];
  if (events.size !== 1 || !event) return undefined;
  return { at: day.index + day[0].length, remove: 0, insert: ` of the ${event}` };
}

/**
 * "awarded the Presidential Medal of Freedom by Jimmy Carter": an award named for an office
 * (Presidential, Royal, Papal) with its giver named after it. The giver's office points to
 * the award among its rivals, and the award's name already says who gives it: the giver goes.
 */
export function officeGiverEdit(sentence: Sentence): Edit | undefined {
  const m =
    /\b(?:Presidential|Royal|Papal|Imperial|Congressional)\s+(?:\p{Lu}[\p{L}'’-]*\s+)*?(?:Medal|Award|Prize|Order|Cross|Citation|Honour|Honor)(?:\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)?(\s+by\s+(?:the\s+)?(?:President\s+|King\s+|Queen\s+|Pope\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})(?=[.,;]|$)/u.exec(
      sentence.text,
    );
  // "by Jimmy Carter.": the sentence's full stop is no part of the name.
  const giver = m?.[1]?.replace(/\.$/, "");
  if (!m || !giver) return undefined;
  const at = m.index + m[0].replace(/\.$/, "").length - giver.length;
  return { at, remove: giver.length, insert: "" };
}
