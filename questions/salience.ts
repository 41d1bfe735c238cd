/**
 * What a reader should come away with, and what is a side detail (issue 11, round 9): the
 * family background of a biography, asides in brackets, one end of a statistic's range, a
 * count of one day's catch. Side details are never figures to blank; the article's central
 * facts (the lead, its most-named people and things, records, prizes, works) rank first.
 */

import type { ArticleFacts } from "./distractors.ts";
import { containsPhrase, namedOnlyInPassing } from "./distractors.ts";
import { type Entity, entityKey, mentionsIn } from "./entities.ts";
import type { Span } from "./spans.ts";
import type { ArticleText, Sentence } from "./text.ts";
import { typeName } from "./typing.ts";

/** How many of the article's first paragraph sentences are its lead. */
const LEAD_SENTENCES = 3;

/**
 * The story's main person, in one of its lead sentences, where the title does not name them:
 * who said or did what the story is about ("Council leader Ann Reid said the vote …"), asked
 * with the role blanked too and the article's other described people as the choices.
 */
export function leadWho(
  person: Entity,
  sentence: Sentence,
  article: ArticleText,
  title: string,
): boolean {
  if ([...person.aliases, entityKey(person.name)].some((a) => containsPhrase(title, a)))
    return false;
  let seen = 0;
  for (const s of article.sentences) {
    if (seen >= LEAD_SENTENCES || s.index > sentence.index) break;
    if (article.blocks[s.block]?.kind !== "paragraph") continue;
    if (s.index === sentence.index) return true;
    seen++;
  }
  return false;
}

/** "his younger sister", "the explorer's father", "a niece of": someone's relative. */
const RELATIVE =
  /\b(?:(?:his|her|their|the \p{Ll}+['’]s|\p{Lu}\p{Ll}+['’]s)\s+(?:(?:elder|younger|older|eldest|youngest|infant|baby|late|maternal|paternal|first|second|only)\s+)?(?:father|mother|grandfather|grandmother|grandparents?|parents?|brother|sister|siblings?|uncle|aunt|cousin|nephew|niece|stepfather|stepmother|half-brother|half-sister)|(?:niece|nephew|grandson|granddaughter|cousin|widow|uncle|aunt) of|(?:first|only|eldest|youngest|second) (?:child|son|daughter) of)\b/u;
/**
 * A word every RELATIVE match holds ("grandson" holds "son", "stepmother" "mother"): most
 * sentences have none, and this plain scan says so faster than RELATIVE's word boundaries.
 */
const KIN_WORD =
  /father|mother|parent|brother|sister|sibling|uncle|aunt|cousin|nephew|niece|son|daughter|widow|child/;

/**
 * The sentence is about a relative of someone, not about the subject's own deeds: it names a
 * relative by kinship, or a person who shares the main subject's surname and is not the subject
 * ("Hans Olsen died" in a life of Peter Olsen).
 */
export function aboutRelatives(sentence: Sentence, facts: ArticleFacts): boolean {
  if (KIN_WORD.test(sentence.text) && RELATIVE.test(sentence.text)) return true;
  const main = facts.index.mainSubject;
  if (main?.cls !== "person" || !main.name.includes(" ")) return false;
  const surname = main.name.split(" ").pop() ?? "";
  for (const m of mentionsIn(facts.index, sentence.index)) {
    if (m.cls !== "person") continue;
    // "Baldur" for "Baldur Olsen": a short form of a relative's whole name counts too.
    const entity = facts.index.byAlias.get(entityKey(m.name));
    const name = entity && entity !== main ? entity.name : m.name;
    if (!name.includes(" ") || name.split(" ").pop() !== surname) continue;
    if (entity !== main || !main.name.includes(m.name)) return true;
  }
  return false;
}

/** A date or a number. */
export function figureSpan(span: Span): boolean {
  return span.kind === "date" || span.kind === "number";
}

/** The sentence names the article's main subject. */
export function mentionsMain(sentence: Sentence, facts: ArticleFacts): boolean {
  const main = facts.index.mainSubject;
  if (!main) return false;
  return mentionsIn(facts.index, sentence.index).some(
    (m) => facts.index.byAlias.get(entityKey(m.name)) === main,
  );
}

/**
 * A figure no teacher would ask: a count inside brackets ("(including two priests)"), one day's
 * tally, the year of one internal promotion, a share in ten-thousandths of a percent, the first
 * end of a "from ____ to 2015" range.
 */
export function sideFigure(span: Span, sentence: Sentence): boolean {
  if (span.kind !== "number" && span.kind !== "date") return false;
  const text = sentence.text;
  const before = text.slice(0, span.start);
  const after = text.slice(span.end);
  // Inside an open bracket: an aside.
  if (/\([^()]*$/.test(before) && /^[^()]*\)/.test(after)) return true;
  if (/\b(?:on|in) (?:one|a single) day\b/i.test(text)) return true;
  if (
    span.kind === "date" &&
    /\b(?:rose within|was promoted|promoted to|promotion to|rising to become)\b/i.test(text)
  )
    return true;
  if (span.kind === "number" && span.text.includes("%") && span.decimals >= 3) return true;
  if (
    span.kind === "date" &&
    /\b(?:from|between)\s$/i.test(before) &&
    /^\s?(?:to|and|until|[–-])\s?\d{4}\b/.test(after)
  )
    return true;
  return false;
}

/** "won the Nobel Peace Prize", "the first woman to", "a record": an outcome worth asking. */
export const OUTCOME =
  /\b(?:won|wins|awarded|prize|medal|record|first (?:\p{Ll}+ )?to|longest|largest|biggest|founded|invented|discovered|published|elected|became|led to|resulted in|champions?|title|victory|defeat(?:ed)?)\b/iu;
/** A word every OUTCOME match holds, found without OUTCOME's word boundaries (2× faster). */
const OUTCOME_WORD =
  /won|wins|awarded|prize|medal|record|first|longest|largest|biggest|founded|invented|discovered|published|elected|became|led to|resulted in|champion|title|victory|defeat/iu;

/**
 * How central a sentence is to the article: it names the article's most-named people and things
 * (named three times or more), or tells an outcome, a record or a prize.
 */
export function centrality(sentence: Sentence, facts: ArticleFacts): number {
  let bonus = 0;
  const seen = new Set<string>();
  for (const m of mentionsIn(facts.index, sentence.index)) {
    const entity = facts.index.byAlias.get(entityKey(m.name));
    if (!entity || seen.has(entity.name)) continue;
    seen.add(entity.name);
    if (entity.count >= 3) bonus += 0.1;
  }
  if (OUTCOME_WORD.test(sentence.text) && OUTCOME.test(sentence.text)) bonus += 0.2;
  return Math.min(0.4, bonus);
}

/**
 * Rivals for the lead's own body: the article's other bodies of its class, named in full
 * (never a part of the key's name, never one the stem names). Never invented: an article with
 * too few gets no such question.
 */
export function leadRivals(key: Entity | undefined, stem: string, facts: ArticleFacts): string[] {
  if (!key) return [];
  const keyWords = new Set(entityKey(key.name).split(" "));
  const out: string[] = [];
  for (const e of facts.index.byKey.values()) {
    if (e === key || e.cls !== key.cls || !e.name.includes(" ")) continue;
    if (
      entityKey(e.name)
        .split(" ")
        .some((w) => keyWords.has(w))
    )
      continue;
    if ([...e.aliases, entityKey(e.name)].some((a) => containsPhrase(stem, a))) continue;
    out.push(e.name);
    if (out.length === 3) break;
  }
  return out;
}

/**
 * Top-up rivals for a person the choice engine found too few for: the article's other
 * people named in full, the most-named first, none sharing a word of the key's name
 * or shown in the stem. The reader weighs them by what the article says each did.
 */
export function kindRivals(
  key: Entity,
  stem: string,
  facts: ArticleFacts,
  articleText: string,
  minCount = 1,
): string[] {
  const keyWords = new Set(entityKey(key.name).split(" "));
  return [...facts.index.byKey.values()]
    .filter(
      (e) =>
        e !== key &&
        e.cls === key.cls &&
        e.count >= minCount &&
        e.name.includes(" ") &&
        // Nor anyone the article names only in a quotation ("paying tribute to …").
        !namedOnlyInPassing(e, facts) &&
        // "the Miles Martin pen company": a firm named for its founder is no person.
        typeName(e.name, facts.index).kind === key.cls &&
        !namesFirm(articleText, e.name) &&
        !entityKey(e.name)
          .split(" ")
          .some((w) => keyWords.has(w)) &&
        ![...e.aliases, entityKey(e.name)].some((a) => containsPhrase(stem, a)),
    )
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => e.name);
}

/** "Miles Martin pen company", "Parker Pens": a name the article gives a firm. */
function namesFirm(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    String.raw`\b${escaped}(?:\s+\p{Ll}+){0,2}\s+(?:company|firm|corporation|brand|Company|Pens|Ltd|Inc)\b`,
    "u",
  ).test(text);
}

/** "the Presidential Medal of Freedom", "the Burroughs Medal": a prize, a medal, an award. */
const PRIZE = /\b(?:Prize|Award|Medal|Trophy)\b/;
/** The words every prize's name shares: no sign that two names are one prize. */
const PRIZE_WORDS = new Set(["prize", "award", "medal", "trophy", "of", "for", "the", "in"]);

function prizeWords(name: string): string[] {
  return entityKey(name)
    .split(" ")
    .filter((w) => !PRIZE_WORDS.has(w));
}

/**
 * Rivals for a prize the subject won (issue 11, round 12: the subject's prizes are central
 * facts): the article's other prizes, none sharing a word of the key's name or of a rival
 * already taken ("U.S. National Book Award" and "National Book Award for Nonfiction" are one
 * prize), none named in the stem. The caller keeps those the article contradicts.
 */
export function prizeRivals(key: Entity, stem: string, facts: ArticleFacts): string[] {
  if (!PRIZE.test(key.name)) return [];
  const taken = new Set(prizeWords(key.name));
  const out: string[] = [];
  const prizes = [...facts.index.byKey.values()]
    .filter((e) => e !== key && e.cls === key.cls && PRIZE.test(e.name) && e.name.includes(" "))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of prizes) {
    const words = prizeWords(e.name);
    if (words.length === 0 || words.some((w) => taken.has(w))) continue;
    if ([...e.aliases, entityKey(e.name)].some((a) => containsPhrase(stem, a))) continue;
    for (const w of words) taken.add(w);
    out.push(e.name);
  }
  return out;
}

/**
 * The article's other names for the key's prize ("National Book Award for Nonfiction" beside
 * "U.S. National Book Award"): a stem that shows one gives the other away.
 */
export function samePrize(key: Entity, facts: ArticleFacts): string[] {
  if (!PRIZE.test(key.name)) return [];
  const words = new Set(prizeWords(key.name));
  return [...facts.index.byKey.values()]
    .filter((e) => e !== key && e.cls === key.cls && prizeWords(e.name).some((w) => words.has(w)))
    .map((e) => e.name);
}
