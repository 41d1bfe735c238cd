/**
 * The lead's central facts (issue 11, round 8): who the article is about, asked where the lead
 * says it. Elsewhere the main subject is no key (it is named everywhere); in the lead's own
 * sentences it is the fact a reader must come away with ("Council leader ____ said the
 * vote …"), set beside the article's other people of the same role.
 */

import type { ArticleFacts } from "./distractors.ts";
import { containsPhrase, namedOnlyInPassing, rolesFit } from "./distractors.ts";
import { type Entity, entityKey } from "./entities.ts";
import type { Span } from "./spans.ts";
import type { ArticleText } from "./text.ts";
import { personShaped } from "./typing.ts";

/** How many of the article's first paragraph sentences count as the lead (a news lead runs
 * over one-sentence paragraphs). */
const LEAD_SENTENCES = 3;
/** Ranks a lead who-question above the article's other facts. */
export const LEAD_WHO_BONUS = 0.3;

/** Indices of the lead's sentences: the article's first sentences in paragraphs. */
export function leadSentences(article: ArticleText): Set<number> {
  const out = new Set<number>();
  for (const s of article.sentences) {
    if (out.size >= LEAD_SENTENCES) break;
    if (article.blocks[s.block]?.kind === "paragraph") out.add(s.index);
  }
  return out;
}

/**
 * The span names the article's main person, in full, in a lead sentence: a who-question the
 * article is about. A lone surname stays no key; a person the title names (a biography's own
 * subject) is caught as a give-away by filters.ts, as every key the title spells out.
 */
export function leadSubject(
  span: Span,
  facts: ArticleFacts,
  sentence: number,
  lead: ReadonlySet<number>,
): boolean {
  if (span.kind !== "entity" || span.cls !== "person" || !lead.has(sentence)) return false;
  const entity = facts.index.byAlias.get(span.key);
  if (!entity || entity !== facts.index.mainSubject) return false;
  return span.text.includes(" ") && span.text === entity.name;
}

/**
 * Rivals for the lead's who, topping up what entityDistractors found: the article's other
 * people named in full (never in passing or only in quotes), of no clashing role (a wife is no
 * rival for a minister), and not named in the stem itself. Never invented names: an article
 * with too few people gets no who-question.
 */
export function leadRivals(
  key: Entity | undefined,
  stem: string,
  facts: ArticleFacts,
  found: readonly string[],
): string[] {
  const out = found.slice(0, 3);
  if (!key) return out;
  for (const e of facts.index.byKey.values()) {
    if (e === key || e.cls !== "person" || !e.name.includes(" ")) continue;
    if (out.includes(e.name) || !personShaped(e.name, facts.index)) continue;
    if (namedOnlyInPassing(e, facts) || !rolesFit(key.roles, e.roles)) continue;
    if ([...e.aliases, entityKey(e.name)].some((a) => containsPhrase(stem, a))) continue;
    if (out.length >= 3) break;
    out.push(e.name);
  }
  return out;
}

/**
 * A person key one rival short: the article's main person stands in, where the title does not
 * name them (a biography's subject beside its minor figures is silly; a news story's main
 * speaker beside its other speakers is not) and the stem does not name them either.
 */
export function withMainPerson(
  found: readonly string[],
  key: string,
  stem: string,
  facts: ArticleFacts,
  title: string,
): string[] {
  const main = facts.index.mainSubject;
  const keyEntity = facts.index.byAlias.get(entityKey(key));
  if (found.length !== 2 || !main || !keyEntity || keyEntity === main) return [...found];
  if (!main.name.includes(" ") || found.includes(main.name)) return [...found];
  const names = [...main.aliases, entityKey(main.name)];
  if (names.some((a) => containsPhrase(stem, a) || containsPhrase(title, a))) return [...found];
  if (!rolesFit(keyEntity.roles, main.roles)) return [...found];
  return [...found, main.name];
}
