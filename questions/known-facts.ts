/**
 * Blanks a reader fills without the article, or side details no teacher asks (issue 11, round
 * 12): the runner-up behind the subject's champions, a state the article keeps naming written
 * after a town ("nearby Springfield, ____"), a country's capital or largest city beside the
 * country's name or in an article set there, a routine step one year after the year the
 * sentence before tells.
 */

import type { ArticleFacts } from "./distractors.ts";
import type { Entity } from "./entities.ts";
import { citiesOf, cityNamed, countryByCode, countryNamed } from "./gazetteer.ts";
import { OUTCOME } from "./salience.ts";
import type { Span } from "./spans.ts";
import type { Sentence } from "./text.ts";

/** "by a margin of 11 points from ____", "finished ahead of ____": who came second. */
const RUNNER_UP = /\b(?:points?|goals?|lengths?)\s+(?:clear\s+)?(?:from|of|ahead of|over)\s+$/i;

/** "Town, ____": a postal-style address, the region standing after its town. */
const AFTER_TOWN = /\p{Lu}[\p{L}.'-]+,\s$/u;

/** "began his studies … early in ____": a routine step, not what the sentence turns on. */
const ROUTINE = /\b(?:began|started|entered|enrolled|matriculated|graduated|studies|studied)\b/i;

/**
 * Why the span is no question (a word for the tracer), or undefined when it may be asked.
 * Pure look-ups on the span, its sentence and the article's own tables.
 */
export function knownOrSide(
  span: Span,
  sentence: Sentence,
  facts: ArticleFacts,
): string | undefined {
  const before = sentence.text.slice(0, span.start);
  const after = sentence.text.slice(span.end);
  if (span.kind === "entity" && RUNNER_UP.test(before)) return "runner-up";
  // "by a margin of ____ points from Dayton": the same side detail, told as the gap.
  if (span.kind === "number" && /\bmargin of\s$/i.test(before)) return "runner-up";
  if (span.kind === "entity" && span.cls === "state" && AFTER_TOWN.test(before)) {
    if (mostNamedOf(facts, STATE, 2) === facts.index.byAlias.get(span.key)) return "home state";
  }
  if (span.kind === "entity" && span.cls === "city" && primeCity(span.text, after, facts))
    return "capital";
  if (span.kind === "date" && span.format === "year" && span.year !== undefined) {
    if (oneOffBefore(span.year, sentence, facts) && ROUTINE.test(sentence.text)) {
      if (!OUTCOME.test(sentence.text)) return "next year's routine";
    }
  }
  return undefined;
}

const mostNamed = new WeakMap<ArticleFacts, Map<string, Entity | undefined>>();
/**
 * The entity of these classes the article names most, at least `min` times and more than any
 * other (none on a tie); found once per article and question.
 */
export function mostNamedOf(
  facts: ArticleFacts,
  classes: ReadonlySet<string>,
  min: number,
): Entity | undefined {
  const asked = `${[...classes].join(",")}|${min}`;
  const cache = mostNamed.get(facts) ?? new Map<string, Entity | undefined>();
  mostNamed.set(facts, cache);
  if (cache.has(asked)) return cache.get(asked);
  let best: Entity | undefined;
  let tie = false;
  for (const e of facts.index.byKey.values()) {
    if (!classes.has(e.cls)) continue;
    if (!best || e.count > best.count) {
      best = e;
      tie = false;
    } else if (e.count === best.count) tie = true;
  }
  const found = best && !tie && best.count >= min ? best : undefined;
  cache.set(asked, found);
  return found;
}

const STATE = new Set(["state"]);

/**
 * The capital or largest city of a country, where the stem names the country right after it
 * ("a trip to ____, Argentina") or the article is set in that country: every reader knows it.
 */
function primeCity(name: string, after: string, facts: ArticleFacts): boolean {
  const city = cityNamed(name);
  if (!city) return false;
  const country = countryByCode(city.code);
  const prime = country?.capital === name || citiesOf(city.code)[0]?.name === name;
  if (!prime) return false;
  const named = /^,\s+(\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)/u.exec(after)?.[1];
  if (named && countryNamed(named)?.code === city.code) return true;
  return facts.homeCountry === city.code;
}

/** The sentence before tells a year one off this one: the two would give each other away. */
function oneOffBefore(year: number, sentence: Sentence, facts: ArticleFacts): boolean {
  for (let i = Math.max(0, sentence.index - 2); i < sentence.index; i++)
    for (const sp of facts.spans[i] ?? [])
      if (sp.kind === "date" && sp.year !== undefined && Math.abs(sp.year - year) === 1)
        return true;
  return false;
}
