/**
 * Who said or did what: "BBC correspondent Patrick Bartlett said …" blanks the role and the name
 * together, and the choices are the article's other people as it describes them ("UK chancellor
 * Gordon Brown", "Oxfam senior policy adviser Max Lawson"). Each choice is true of someone in the
 * article, so a reader who skimmed finds them all plausible; only the one who said this is right.
 * A news story's officials, who are no rivals for each other's posts, can still be asked this way.
 */

import {
  type ArticleFacts,
  acceptable,
  contentWords,
  pronounGender,
  stemGender,
} from "./distractors.ts";
import { type Entity, entityKey, roleGroupOf } from "./entities.ts";
import type { Random } from "./random.ts";
import type { Sentence } from "./text.ts";
import { personShaped } from "./typing.ts";

export interface Described {
  entity: Entity;
  sentence: number;
  /** Offsets in the sentence of the role and the name together. */
  start: number;
  end: number;
  /** "BBC correspondent Patrick Bartlett". */
  text: string;
  /** Where the name begins inside `text`. */
  nameAt: number;
}

/** Words of a role phrase that are no clue to who it is ("senior", "policy", "former"). */
const MODIFIERS =
  /^(?:former|senior|policy|finance|foreign|vice|deputy|chief|prime|general|executive|managing|news|economics|political|health|trade|home|shadow|acting|assistant|interim)$/i;
/** Capitalised words that open a sentence or clause and are no part of a role. */
const OPENERS =
  /^(?:But|And|The|A|An|In|On|At|When|While|As|After|Before|Then|Now|Meanwhile|However|Yesterday|Earlier|Later)$/;
/** What the described person did in the sentence: they are its subject. */
const DEED =
  /^,?\s+(?:has\s+|had\s+|have\s+)?(?:said|says|told|tells|added|welcomed|backed|urged|warned|argued|called|announced|insisted|admitted|praised|criticised|criticized|dismissed|rejected|described|predicted|promised)\b/;
/** Roles too close to a name to be a description (a king's title, a family tie). */
const NO_DESCRIPTION = new Set(["family", "royalty", "nobility", "clergy"]);

const cache = new WeakMap<ArticleFacts, Described[]>();

/** Every person the article names right after a role phrase, at each such mention. */
export function describedPeople(facts: ArticleFacts): Described[] {
  const known = cache.get(facts);
  if (known) return known;
  const out: Described[] = [];
  for (const m of facts.index.mentions) {
    if (m.cls !== "person" || !personShaped(m.name, facts.index)) continue;
    const entity = facts.index.byAlias.get(entityKey(m.name));
    const sentence = facts.sentences[m.sentence];
    if (!entity || !sentence) continue;
    const before = sentence.text.slice(0, m.start);
    const words = before.trimEnd().split(/\s+/);
    if (!/\s$/.test(before) || words.length === 0) continue;
    const role = words[words.length - 1] ?? "";
    const group = roleGroupOf(role);
    if (!group || NO_DESCRIPTION.has(group)) continue;
    let first = words.length - 1;
    while (first > 0 && first > words.length - 6) {
      const w = words[first - 1] ?? "";
      if (OPENERS.test(w) || !(/^\p{Lu}[\p{L}.'’-]*$/u.test(w) || MODIFIERS.test(w))) break;
      first--;
    }
    const phrase = words.slice(first).join(" ");
    const start = before.length - before.trimEnd().length === 1 ? m.start - phrase.length - 1 : -1;
    if (start < 0 || sentence.text.slice(start, m.start - 1) !== phrase) continue;
    out.push({
      entity,
      sentence: m.sentence,
      start,
      end: m.end,
      text: sentence.text.slice(start, m.end),
      nameAt: m.start - start,
    });
  }
  cache.set(facts, out);
  return out;
}

/** The described mention that can carry a question: the subject of a saying or a deed. */
export function askableSpeaker(d: Described, sentence: Sentence): boolean {
  return DEED.test(sentence.text.slice(d.end));
}

/**
 * The others as the article first describes them: never the key's own person, never one whose
 * words in another sentence say much the same (a second right answer), never one of the other sex
 * where the stem says which, never a phrase that shares a word with the stem.
 */
export function speakerDistractors(
  key: Described,
  stem: string,
  sentence: Sentence,
  facts: ArticleFacts,
  random: Random,
): string[] {
  const own = facts.contentWords[sentence.index] ?? contentWords(sentence.text);
  const gender = stemGender(stem);
  const seen = new Set<Entity>([key.entity]);
  const pool: string[] = [];
  for (const d of describedPeople(facts)) {
    if (seen.has(d.entity)) continue;
    seen.add(d.entity);
    if (gender) {
      const g = pronounGender(d.entity.name, facts);
      if (g && g !== gender) continue;
    }
    if (saysMuchTheSame(d.entity, own, sentence.index, facts)) continue;
    pool.push(d.text);
  }
  const out: string[] = [];
  for (const p of random.shuffle(pool)) {
    if (out.length === 3) break;
    if (acceptable(p, key.text, sentence, [key.text, ...out], facts, true)) out.push(p);
  }
  return out;
}

function saysMuchTheSame(
  person: Entity,
  own: ReadonlySet<string>,
  at: number,
  facts: ArticleFacts,
): boolean {
  for (const m of facts.index.mentions) {
    if (m.sentence === at || facts.index.byAlias.get(entityKey(m.name)) !== person) continue;
    const other = facts.contentWords[m.sentence];
    if (!other) continue;
    let shared = 0;
    for (const w of own) if (other.has(w)) shared++;
    if (shared >= Math.max(3, own.size * 0.4)) return true;
  }
  return false;
}

/**
 * A word of the role phrase that the stem already holds: "US Treasury Under-Secretary" beside
 * "the US could not support", "South African president" beside "Africa's debts".
 */
export function roleHinted(d: Described, stem: string): boolean {
  const stemWords = stem.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (const w of d.text.slice(0, d.nameAt).split(/\s+/)) {
    if (!w || roleGroupOf(w) || MODIFIERS.test(w)) continue;
    const short = w.length < 5;
    const hit = stemWords.some((s) =>
      short
        ? s === w
        : s.length >= 5 && s.slice(0, 5).toLowerCase() === w.slice(0, 5).toLowerCase(),
    );
    if (hit) return true;
  }
  return false;
}
