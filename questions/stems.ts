/**
 * A sentence as a question shows it: a dangling opening connective ("However, …") dropped and
 * an opening "He"/"She"/"His"/"Her" replaced by the person it can only mean. Pure text work on
 * the article's sentences and its entity index (entities.ts).
 */

import { type Edit, eventDayEdit, officeGiverEdit, possessiveEdit } from "./antecedents.ts";
import { type EntityIndex, entityKey } from "./entities.ts";
import type { ArticleText } from "./text.ts";
import { genderOf, typeName } from "./typing.ts";

/**
 * "But", "However,", "As a result,", "At this time,": they tie a sentence to the one before and
 * mean nothing in a stem.
 */
const CONNECTIVE =
  /^(?:But|And|However|Yet|Nevertheless|Nonetheless|As a result|At this time|At that time),?\s+(?=\p{L})/u;

/** Sentences shown otherwise than written, by sentence index. */
export function showSentences(article: ArticleText, index: EntityIndex): Map<number, Shown> {
  const base = new Map<number, Shown>();
  for (const s of article.sentences) {
    const m = CONNECTIVE.exec(s.text);
    if (!m) continue;
    const rest = s.text.slice(m[0].length);
    base.set(s.index, { text: rest.charAt(0).toUpperCase() + rest.slice(1), shift: -m[0].length });
  }
  const textOf = (i: number, raw: string) => base.get(i)?.text ?? raw;
  const main = resolvePronouns(article, index, textOf);
  const local = resolveLocal(article, index, textOf, main);
  const apostrophe = article.text.includes("’s") && !article.text.includes("'s") ? "’" : "'";
  const out = new Map<number, Shown>();
  for (const s of article.sentences) {
    const b = base.get(s.index);
    const p = main.get(s.index) ?? local.get(s.index);
    if (p)
      out.set(s.index, {
        text: p.text,
        shift: p.shift + (b?.shift ?? 0),
        ...(p.from !== undefined ? { from: p.from, before: b?.shift ?? 0 } : {}),
      });
    else {
      // One edit inside the sentence (antecedents.ts), where no pronoun edit was made.
      const text = b?.text ?? s.text;
      const shift = b?.shift ?? 0;
      const previous = article.sentences[s.index - 1];
      const edit =
        possessiveEdit(s, text, previous, index, apostrophe) ??
        eventDayEdit(s, previous) ??
        officeGiverEdit(s);
      if (edit) out.set(s.index, applyEdit(text, shift, edit));
      else if (b) out.set(s.index, b);
    }
  }
  return out;
}

/** A sentence shown with one edit, its opening already moved by `shift`. */
function applyEdit(text: string, shift: number, edit: Edit): Shown {
  const at = edit.at + shift;
  return {
    text: text.slice(0, at) + edit.insert + text.slice(at + edit.remove),
    shift: shift + edit.insert.length - edit.remove,
    // A span ending where the edit begins stays put; one after it moves (none starts inside).
    from: edit.at + Math.max(edit.remove, 1),
    before: shift,
    ...(edit.remove > 0 && edit.insert === "" ? { gone: edit.at } : {}),
  };
}

/** A span of the sentence the shown text dropped ("by Jimmy Carter"): nothing to blank. */
export function editedAway(shown: Shown | undefined, start: number): boolean {
  return (
    shown?.gone !== undefined &&
    shown.from !== undefined &&
    start >= shown.gone &&
    start < shown.from
  );
}

/** A sentence as questions show it: its opening "He"/"His" replaced by the subject's name. */
export interface Shown {
  text: string;
  /** How far the sentence's own offsets move in `text`. */
  shift: number;
  /** Offsets before this one (a pronoun replaced mid-sentence) move by `before` instead. */
  from?: number;
  before?: number;
  /** Offsets from `gone` up to `from` were dropped from the shown text. */
  gone?: number;
}

/** Where a sentence offset lands in the shown text. */
export function shownAt(shown: Shown | undefined, offset: number): number {
  if (!shown) return offset;
  if (shown.from !== undefined && offset < shown.from) return offset + (shown.before ?? 0);
  return offset + shown.shift;
}

/** A name typed as a place, a body, an event or a work: no one a pronoun could stand for. */
function namesNoOne(name: string, index: EntityIndex): boolean {
  const kind = typeName(name, index).kind;
  return kind === "place" || kind === "organisation" || kind === "event" || kind === "work";
}

/**
 * "In 1983, he took…", "Between 1906 and 1908 he served…": a subject pronoun after a short
 * opening phrase (one that ends in a year needs no comma).
 */
const PHRASE_PRONOUN =
  /^([^,]{2,40}, |(?:In|Between|From|By|After|During|Until|Before)\s[^,]{0,30}?\d{4}\s)(he|she)\b/;

const OPENING_PRONOUN = /^(He|She|His|Her)\b/;

/**
 * Opening "He"/"She"/"His"/"Her" that can only mean the article's main subject: the article
 * uses that pronoun for its subject, and the sentence before names no other person (it names
 * the subject, or opens with a pronoun resolved the same way).
 */
function resolvePronouns(
  article: ArticleText,
  index: EntityIndex,
  textOf: (i: number, raw: string) => string,
): Map<number, Shown> {
  const out = new Map<number, Shown>();
  const main = index.mainSubject;
  if (!main) return out;
  let male = 0;
  let female = 0;
  for (const s of article.sentences) {
    male += s.text.match(/\b(?:he|him|his|He|His|Him)\b/g)?.length ?? 0;
    female += s.text.match(/\b(?:she|her|hers|She|Her)\b/g)?.length ?? 0;
  }
  const pronouns =
    male >= 3 && male > female * 4
      ? /^(?:He|His)$/
      : female >= 3 && female > male * 4
        ? /^(?:She|Her)$/
        : undefined;
  if (!pronouns) return out;
  const parts = main.name.split(" ");
  const surname = parts[parts.length - 1] ?? main.name;
  const usesSurname = index.mentions.some((m) => m.name === surname);
  const name = usesSurname ? surname : main.name;
  const apostrophe = article.text.includes("’s") && !article.text.includes("'s") ? "’" : "'";
  const people = new Map<number, { main: boolean; other: boolean }>();
  for (const m of index.mentions) {
    const entry = people.get(m.sentence) ?? { main: false, other: false };
    const entity = index.byAlias.get(entityKey(m.name));
    // "Ancher Antoni Nansen" in Fridtjof Nansen's life: a whole name of the subject's family
    // that is not the subject's is someone else "his" may mean.
    if (entity === main && m.name.includes(" ") && !main.name.includes(m.name)) entry.other = true;
    else if (entity === main) entry.main = true;
    // "born in Glasgow, the son of a Church of Scotland Minister in … Fife": a single word or a
    // name the data types as a place or a body is no rival for the pronoun.
    else if (
      m.cls === "person" ||
      (m.cls === "other" && m.name.includes(" ") && !namesNoOne(m.name, index))
    )
      entry.other = true;
    people.set(m.sentence, entry);
  }
  let previousIsSubject = false;
  for (const s of article.sentences) {
    const text = textOf(s.index, s.text);
    const pronoun = OPENING_PRONOUN.exec(text)?.[1];
    const here = people.get(s.index);
    const phrase = pronoun ? undefined : PHRASE_PRONOUN.exec(text);
    const inner = phrase?.[2];
    if (
      phrase &&
      inner &&
      pronouns.test(inner.charAt(0).toUpperCase() + inner.slice(1)) &&
      previousIsSubject
    ) {
      const at = phrase[1]?.length ?? 0;
      out.set(s.index, {
        text: text.slice(0, at) + name + text.slice(at + inner.length),
        shift: name.length - inner.length,
        // The original offset of the pronoun: the connective dropped before it moved it.
        from: at + (s.text.length - text.length),
      });
      previousIsSubject = !here?.other;
    } else if (pronoun && pronouns.test(pronoun) && previousIsSubject) {
      const replacement = pronoun === "He" || pronoun === "She" ? name : `${name}${apostrophe}s`;
      out.set(s.index, {
        text: replacement + text.slice(pronoun.length),
        shift: replacement.length - pronoun.length,
      });
      previousIsSubject = !here?.other;
    } else previousIsSubject = !here?.other && (Boolean(here?.main) || !pronoun);
  }
  return out;
}

/**
 * "Mr Shiga will serve as deputy. He is in charge of…": an opening pronoun after a sentence that
 * opens with one person or names one only (or opens with a pronoun resolved to them), in the same
 * or the previous paragraph, of a
 * gender that does not contradict the pronoun, means that person.
 */
function resolveLocal(
  article: ArticleText,
  index: EntityIndex,
  textOf: (i: number, raw: string) => string,
  done: ReadonlyMap<number, Shown>,
): Map<number, Shown> {
  const out = new Map<number, Shown>();
  const named = new Map<number, Map<string, string>>();
  // The person a sentence opens with ("Mr Shiga will serve as Mr Ghosn's deputy"): its subject.
  const subject = new Map<number, { key: string; name: string }>();
  for (const m of index.mentions) {
    if (m.cls !== "person") continue;
    const entity = index.byAlias.get(entityKey(m.name));
    const key = entity ? entityKey(entity.name) : entityKey(m.name);
    const here = named.get(m.sentence) ?? new Map<string, string>();
    const before = article.sentences[m.sentence]?.text.slice(0, m.start) ?? "";
    const title = /^(?:Mr|Mrs|Ms|Miss|Dr|Sir)\.? $/.exec(before)?.[0] ?? "";
    here.set(key, title + m.name);
    named.set(m.sentence, here);
    if (before === title) subject.set(m.sentence, { key, name: title + m.name });
  }
  const apostrophe = article.text.includes("’s") && !article.text.includes("'s") ? "’" : "'";
  let recent: { key: string; name: string; block: number } | undefined;
  for (const s of article.sentences) {
    const text = textOf(s.index, s.text);
    const here = named.get(s.index);
    const pronoun = OPENING_PRONOUN.exec(text)?.[1];
    // News paragraphs are a sentence or two long: the next paragraph still continues the story.
    if (recent && s.block - recent.block > 1) recent = undefined;
    if (pronoun && !done.has(s.index) && recent && !here?.has(recent.key)) {
      const g = genderOf(recent.name);
      const female = pronoun === "She" || pronoun === "Her";
      if (!g || (g === "f") === female) {
        const replacement =
          pronoun === "He" || pronoun === "She" ? recent.name : `${recent.name}${apostrophe}s`;
        out.set(s.index, {
          text: replacement + text.slice(pronoun.length),
          shift: replacement.length - pronoun.length,
        });
      }
    }
    const opener = subject.get(s.index);
    // A sentence whose opening pronoun was resolved is still about the same person.
    if (out.has(s.index)) continue;
    if (opener) recent = { ...opener, block: s.block };
    else if (here && here.size === 1) {
      const [key, name] = [...here][0] ?? ["", ""];
      recent = { key, name, block: s.block };
    } else if (here && here.size > 1) recent = undefined;
    else if (!/^(?:He|She|His|Her)\b|\b(?:he|she|his|her)\b/.test(text)) recent = undefined;
  }
  return out;
}
