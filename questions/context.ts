/**
 * Stems that lean on what they do not show, and blanks any reader fills without the article
 * (issue 11, round 9): a "his" with nobody before it, "____ weeks later", "The new machine …"
 * for a thing named only in the sentence before, a position's number ("The number ____"), a
 * blank in a list of well-known names ("the US, Europe and ____").
 */

import type { EntityIndex } from "./entities.ts";
import { entityKey } from "./entities.ts";
import { matches } from "./matches.ts";
import type { Span } from "./spans.ts";

const BLANK = "____";

/** A personal pronoun or possessive: someone the stem must name before it. */
const PERSONAL = /\b(?:he|she|him|his|her|hers|himself|herself)\b/i;

/**
 * The stem's "his"/"her"/"it" points at no one it names: it shows no person anywhere (for
 * "his", "her") or no noun before the pronoun (for "it", "its"), only the blank, which the
 * pronoun does not mean ("____ floods saw it put back", "After ____ his main interest").
 */
export function unresolvedPronoun(stem: string, index: EntityIndex, personKey: boolean): boolean {
  // "…, he said.": a closing attribution says who told it, not who the fact is about.
  const told = stem.replace(/,\s(?:he|she)\s(?:said|says|added)\.$/, ".");
  const personal = PERSONAL.exec(told);
  if (personal) {
    // "____ turned down his Oscar": a person key the stem opens with is who the pronoun means
    // ("on ____'s advice, he took …" means someone else).
    const meansKey = personKey && /^____(?!['’]s)/.test(told);
    if (!meansKey && !personNamed(told, index)) return true;
  }
  const thing = /\b(?:it|its)\b/.exec(stem);
  if (thing) {
    const before = stem.slice(0, thing.index).replace(BLANK, " ");
    const noun =
      /\b(?:the|a|an|this|that|their)\s+\p{L}/iu.test(before) ||
      /(?<=\S\s+)\p{Lu}\p{L}+/u.test(before) ||
      /^\s*\p{Lu}\p{L}+\s+\p{Ll}/u.test(before);
    if (!noun) return true;
    if (thing[0] === "it" && ownSubjectOnly(before, stem.slice(thing.index))) return true;
  }
  return false;
}

/**
 * "The death of ____ saw it postponed", "Los Angeles floods in ____ saw it put back": an object
 * "it" never means its own clause's subject, and when one clause of subject and verb is all the
 * stem shows before it, what it means is in another sentence. Not "made it possible to …",
 * whose "it" stands for what follows.
 */
function ownSubjectOnly(before: string, from: string): boolean {
  if (/[,;:]/.test(before) || CLAUSE_LINK.test(before)) return false;
  if (/^it\s+(?:(?:\S+\s+){1,5}?to\s+\p{Ll}|(?:\p{Ll}+\s+)?that\b)/u.test(from)) return false;
  const verb = /\b(\p{Ll}+)\s+$/u.exec(before)?.[1];
  return verb !== undefined && !NOT_VERBS.has(verb);
}

/** Words that open a second clause, where the "it" may mean the first clause's subject. */
const CLAUSE_LINK =
  /\b(?:and|but|or|which|who|whom|that|when|where|after|before|because|as|while|if|until|since|so|than|once)\b/i;

/** Words an "it" follows that are no verb: "in it", "of it", "without it". */
const NOT_VERBS = new Set(
  "about after against at before behind by for from in inside into like of off on onto over through to towards under with within without not".split(
    " ",
  ),
);

/** A person's name (or a role noun standing for one) in the stem, the blank aside. */
function personNamed(text: string, index: EntityIndex): boolean {
  const visible = text.replace(BLANK, " ");
  for (const m of matches(visible, /\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu)) {
    const name = m[0]
      .replace(/['’]s$/, "")
      .replace(/^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady)\.?\s+/, "");
    const words = name.split(/\s+/);
    for (const form of [name, words[words.length - 1] ?? ""])
      if (index.byAlias.get(entityKey(form))?.cls === "person") return true;
  }
  return /\b(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,2}(?:man|woman|boy|girl|player|king|queen|president|minister|chancellor|author|writer|explorer|scientist|captain|manager|leader|actor|actress|father|mother|son|daughter|wife|husband|chief|inventor|officer)\b/iu.test(
    visible,
  );
}

/**
 * "____ weeks later": an interval from something the stem does not say. "The new machine was
 * reported …": a thing the sentence before named.
 */
export function leansOnUnnamed(stem: string, span: Span): boolean {
  if (
    span.kind === "number" &&
    /____\s+(?:days?|weeks?|months?|years?)\s+(?:later|earlier|afterwards|before)\b/i.test(stem)
  )
    return true;
  return /^The\s+(?:[\p{L}-]+\s+){0,3}?(?:machine|device|computer|system|vessel|ship|craft|aircraft|engine|prototype|project|scheme)\s+(?:was|is|has|had|will|would|can|could)\b/u.test(
    stem,
  );
}

/** "The number ____ picked up the ball": the digit of a position's name, not a figure. */
export function positionNumber(stem: string): boolean {
  return /\bnumber\s+____|____-(?:half|back|forward)\b/i.test(stem);
}

/** "brochures and other ____ for the public": a catch-all noun any reader supplies. */
export function catchAllBlank(stem: string): boolean {
  return /\b(?:and|or) other ____/i.test(stem);
}

// The run of the sentence around the blank that is only names, commas and "and"/"or" (built
// once: the pattern is long, and every candidate's stem is checked).
const LIST_ITEM = String.raw`(?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}'’.-]*)*|____)`;
const NAME_LIST = new RegExp(
  String.raw`${LIST_ITEM}(?:\s*,\s*${LIST_ITEM})+,?\s+(?:and|or)\s+${LIST_ITEM}`,
  "gu",
);

/**
 * The blank is one item of a list of three or more coordinated names ("the US, Europe and
 * ____", "A, ____, C and D"): a stock group a reader completes, or one whose other members are
 * equally right.
 */
export function blankInNameList(stem: string): boolean {
  const at = stem.indexOf(BLANK);
  if (at < 0) return false;
  // A list needs a comma and an "and"/"or": most stems have neither, and need no pattern run.
  if (!stem.includes(",") || !/\s(?:and|or)\s/.test(stem)) return false;
  for (const m of matches(stem, NAME_LIST)) {
    const start = m.index ?? 0;
    if (at < start || at >= start + m[0].length) continue;
    const items = m[0].split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/).filter((x) => x.trim());
    if (items.length >= 3) return true;
  }
  return false;
}

/**
 * Frames a reader fills from general knowledge: the place a famous disaster is named after
 * ("the ____ air disaster"), a ceremony's host ("with ____ as the MC"), the star or maker of a
 * named work's award ("his best actor Oscar for The Title"), a famous family ("the ____
 * sisters"), the giver an office names ("the Presidential Medal … by ____"), the country a
 * war is known by ("the war in ____").
 */
export function famousFrame(stem: string, span: Span): boolean {
  if (span.kind !== "entity") return false;
  if (/____\s+(?:air\s+|rail\s+|mining\s+)?(?:disaster|crash|tragedy|massacre)\b/i.test(stem))
    return true;
  // "The war in ____ … provoked dissent" beside Blair: a war known by its country is known
  // with its era and its leaders (graded give-away, round 16).
  if (/\bwars?\s+in\s+____/i.test(stem)) return true;
  // "Humphrey Bogart in ____ (1944)": a work's title with its year, famous beside its star.
  if (/____\s*\(\d{4}\)/.test(stem)) return true;
  if (span.cls !== "person") return false;
  // "the ____ sisters": a famous family's name.
  if (/\bthe\s+____\s+(?:sisters|brothers)\b/i.test(stem)) return true;
  // "the Presidential Medal … by ____": the office names who gave it.
  if (/\b(?:Presidential|Royal|Papal)\b[^.;]*\bby\s+____/.test(stem)) return true;
  if (
    /\bwith\s+____\s+as\s+(?:the\s+)?(?:MC|host|compere|presenter|master of ceremonies)\b/i.test(
      stem,
    )
  )
    return true;
  return /____[^.;]{0,40}\b(?:Oscar|Academy Award|award|role)\s+for\s+(?:The\s+)?\p{Lu}/u.test(
    stem,
  );
}

/** Openers that date or place the sentence by the one before it ("Before then", "At the time"). */
const LEANING_OPENER =
  /^(?:Before|By|Since|Until|Till|After|From) (?:then|that|this)\b|^(?:At|Around|About) (?:the|that|this) (?:time|point|stage|moment)\b|^(?:Then|Thereafter|Afterwards|Later that year)\b,?/i;

/**
 * Things a stem may point back to with "the"/"this" only where it names them: a vessel, a
 * university, an expedition, a phenomenon (not "the firm": a news story's own subject) (round 9's "the ship", "the university", "this phenomenon").
 */
const POINTING_NOUN =
  "ship|vessel|boat|university|college|institution|expedition|machine|device|network|project|scheme|phenomenon|programme|team|squad";

/** "this phenomenon", "these changes": an idea the sentence before set out. */
const THIS_NOUN = new RegExp(
  String.raw`\b(?:this|these|those)\s+(?:[\p{Ll}-]+\s+)?(?:${POINTING_NOUN}|trend|idea|problem|practice|process|theory|change|move|decision|policy|development|discovery|region|area)s?\b`,
  "iu",
);
const THE_NOUN = new RegExp(
  String.raw`\b[Tt]he\s+(${POINTING_NOUN})(?:['’]s)?\b(?!\s+(?:of|in|at|for|from|that|which|who|called|named)\b|\s+\p{Lu})`,
  "gu",
);

/**
 * The stem leans on an earlier sentence: it opens with "Before then"/"At the time", it says
 * "this phenomenon", or "the ship"/"the university" for a thing it does not name (no capitalised
 * name beside it with the noun's head: "the Viking" names the ship, "the university" alone does
 * not). `named` is what resolves the noun's head: true where the stem names it.
 */
export function leansOnEarlier(stem: string, named: (noun: string) => boolean): boolean {
  if (LEANING_OPENER.test(stem)) return true;
  if (THIS_NOUN.test(stem)) return true;
  for (const m of matches(stem, THE_NOUN)) {
    if (!named((m[1] ?? "").toLowerCase())) return true;
  }
  return false;
}

let disasterText: string | undefined;
let disasterWord = false;

/**
 * "the Munich air disaster" anywhere in the article: its place is the disaster's own name,
 * known to any reader, so a stem blanking it ("crashed … in ____, Germany") gives it away.
 */
export function namedDisaster(articleText: string, key: string): boolean {
  // The pattern needs one of these words: an article without them needs no pattern per key.
  if (disasterText !== articleText) {
    disasterText = articleText;
    disasterWord = /\b(?:disaster|crash|tragedy|massacre)\b/i.test(articleText);
  }
  if (!disasterWord) return false;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    String.raw`\b${escaped}\s+(?:air\s+|rail\s+|mining\s+)?(?:disaster|crash|tragedy|massacre)\b`,
    "i",
  ).test(articleText);
}
