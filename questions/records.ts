/**
 * Records and superlatives (issue 11, round 8): "she is the longest serving mayor of the
 * city", "Penhallow became the first historian to map the harbour". The holder is a fact the
 * article is written to tell, so it is asked outright ("According to the article, who is the
 * longest serving mayor of the city?") beside the article's other people.
 */

import type { ArticleFacts } from "./distractors.ts";
import { containsPhrase } from "./distractors.ts";
import { entityKey } from "./entities.ts";
import type { Sentence } from "./text.ts";

export interface RecordFact {
  sentence: Sentence;
  /** The holder's full name, as the article gives it. */
  holder: string;
  /** "is the longest serving chancellor of modern times" */
  claim: string;
  prompt: string;
}

const SUPERLATIVE =
  /\b(is|was|became|has become|had become|remains|remained)\s+(the\s+(?:[\p{Lu}][\p{L}'’]*\s+){0,3}(?:longest[- ]serving|longest|youngest|oldest|first|largest|biggest|fastest|highest|most successful)\s[^,.;:()"“”]{3,90}?)(?=\s*(?:[,.;:]|$))/u;
/** "the first child of …": a family's order is trivia, not a record. */
const FAMILY = /\b(?:child|son|daughter|wife|husband|brother|sister|grandson|granddaughter)\b/;
/** "the first man": a record says of what ("… to win three titles"), in five words or more. */
const MIN_CLAIM_WORDS = 5;
const PRONOUN_SUBJECT = /(?:^|[,;]\s*|\b(?:that|and|but|when)\s+)(?:he|she)\s+$/i;

/**
 * Each sentence's record and its holder: a person named in full just before the verb, or the
 * article's main subject where a pronoun stands for them. A record the title already tells
 * (its holder named there) is no question.
 */
export function recordFacts(facts: ArticleFacts, title: string): RecordFact[] {
  const out: RecordFact[] = [];
  for (const sentence of facts.sentences) {
    const text = sentence.text;
    if (/\?["”’]?$/.test(text)) continue;
    const m = SUPERLATIVE.exec(text);
    if (!m || m[1] === undefined || m[2] === undefined) continue;
    // Inside a quotation the claim is a speaker's, not the article's.
    if ((text.slice(0, m.index).match(/["“”]/g) ?? []).length % 2 === 1) continue;
    if (FAMILY.test(m[2]) || m[2].split(/\s+/).length < MIN_CLAIM_WORDS) continue;
    const before = text.slice(0, m.index);
    const holder = holderBefore(before, sentence.index, facts);
    if (!holder) continue;
    const names = [...holder.aliases, entityKey(holder.name)];
    if (names.some((a) => containsPhrase(title, a))) continue;
    // "the first ____ … by Smith": the claim must not name its holder.
    if ([...holder.aliases].some((a) => m[2]?.toLowerCase().includes(a))) continue;
    const claim = `${m[1]} ${m[2]}`;
    out.push({
      sentence,
      holder: holder.name,
      claim,
      prompt: `According to the article, who ${claim}?`,
    });
  }
  return out;
}

function holderBefore(before: string, sentence: number, facts: ArticleFacts) {
  const index = facts.index;
  if (PRONOUN_SUBJECT.test(before)) {
    const main = index.mainSubject;
    return main?.name.includes(" ") ? main : undefined;
  }
  // The mention that ends the words before the verb ("Richard Penhallow became …").
  const mention = index.mentions.find(
    (m) => m.sentence === sentence && m.cls === "person" && /^\s*$/.test(before.slice(m.end)),
  );
  if (!mention) return undefined;
  const entity = index.byAlias.get(entityKey(mention.name));
  return entity?.cls === "person" && entity.name.includes(" ") ? entity : undefined;
}
