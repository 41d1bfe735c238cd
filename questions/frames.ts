/**
 * Round-7 rules (questions/REVIEW.md): stems whose frame leans on the sentence before, blanks a
 * reader fills by arithmetic or by a simile's stock figure, and year choices that all fall on
 * one side of the key. Pure predicates; generate.ts and distractors.ts call them.
 */

/**
 * "At about the same time, …", "The word will now appear …", "Beginning in the 15th century it
 * consolidated …": the time, the word or the "it" is the sentence before's.
 */
const LEANS_ON_BEFORE =
  /^(?:At (?:about |around |roughly )?(?:the same|this|that) (?:time|point|stage)|(?:Around|About|Soon after) (?:this|that) time|The (?:word|term|phrase|name)\b(?! of\b| for\b| ["“‘]))/;
/** "The second medication may be either …": the first one was the sentence before's. */
const ORDINAL_SUBJECT =
  /^The (?:second|third|other|latter|former|remaining) \p{Ll}+ (?:may|might|was|is|were|are|can|could|had|has|will|would)\b/u;
const OPENING_THEN_PRONOUN =
  /^(?:Beginning|Starting|From|In|During|By|After|Before|Since|Until|Over|Throughout|Within|Under|Following)\b[^,.;]{2,50}? (?:it|they|he|she) (?:\p{Ll}+ed|was|were|is|are|had|has|became|becomes|began|grew|won|lost|took|made|held|remained)\b/u;

export function leansOnSentenceBefore(t: string): boolean {
  return LEANS_ON_BEFORE.test(t) || OPENING_THEN_PRONOUN.test(t) || ORDINAL_SUBJECT.test(t);
}

/** "live like ____ for weeks": a simile's figure is a stock comparison, not a fact told. */
export function simileBlank(before: string): boolean {
  return /\b(?:live|lived|lives|living|look|looked|looks|looking|act|acted|acts|behave|behaved|feel|felt|seem|seemed|sound|sounded|dress|dressed|dressing|talk|talked|ran|run|fought|fight) (?:just |much |rather )?like\s$/i.test(
    before,
  );
}

/**
 * "last won in 1985, but ____ years on", "____ years ago": a span the sentence's own year and
 * the article's date answer by subtraction.
 */
export function spanByArithmetic(sentence: string, unit: string, after: string): boolean {
  const counted = /^(?:years?|decades?)$/i.test(unit);
  const trailing = /^\s(?:years?|decades?)\b/i.exec(after);
  if (!counted && !trailing) return false;
  const rest = counted ? after : after.slice(trailing?.[0].length ?? 0);
  if (/^\s+ago\b/i.test(rest)) return true;
  return /^\s+(?:on|later|earlier|afterwards?)\b/i.test(rest) && /\b\d{4}\b/.test(sentence);
}

/** The year after the one the whole article is about: "next season", a reader's arithmetic. */
export function nextSeason(year: number | undefined, frameYear: number | undefined): boolean {
  return year !== undefined && frameYear !== undefined && year === frameYear + 1;
}

/** "between three and ____ dollars": one end of a range written in words or digits. */
export function rangeEnd(before: string): boolean {
  return /\bbetween (?:\S+ ){0,2}?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)(?: \p{Ll}+)? and\s$/iu.test(
    before,
  );
}

/**
 * A year or decade whose distractors all fall before it (a past "by ____") or all after it is
 * the extreme choice a test-wise reader takes: such a key is not blanked.
 */
export function oneSided(key: number, values: readonly number[]): boolean {
  if (values.length === 0) return false;
  return values.every((v) => v < key) || values.every((v) => v > key);
}

/** The year a date or decade text begins with ("1950s" -> 1950, "May 2004" -> 2004). */
export function leadingYear(text: string): number | undefined {
  const m = /(?:^|\D)(\d{3,4})(?:s\b|\D*$)/.exec(text);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/**
 * "the Norwegian representative in ____": the country whose envoy the stem names, so that no
 * city or country of its own stands beside the post abroad (Oslo, Stavanger).
 */
export function envoyOf(before: string): string | undefined {
  // The pattern ends " to", " in" or " at" and one space: tried from every position of the
  // text before, so only where the text ends so.
  const tail = before.slice(-4, -1);
  if (!/^ (?:to|in|at)$/.test(tail) || !/\s/.test(before.slice(-1))) return undefined;
  return /\b(\p{Lu}\p{Ll}+) (?:representative|ambassador|envoy|consul|delegate|diplomat|legation|embassy|minister)(?: (?:to|in|at))\s$/u.exec(
    before,
  )?.[1];
}

/** Names every reader pairs without the article: one gives the other away. */
const STOCK_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["Hiroshima", "Nagasaki"],
  ["China", "India"],
  ["Sodom", "Gomorrah"],
  ["Oxford", "Cambridge"],
  ["Romeo", "Juliet"],
  ["Lewis", "Clark"],
  ["Marks", "Spencer"],
  ["Rolls", "Royce"],
  ["Sacco", "Vanzetti"],
  ["Bonnie", "Clyde"],
  ["Tigris", "Euphrates"],
  ["Spain", "Portugal"],
];

const PAIRED = new Set(STOCK_PAIRS.flat());

/** "the atomic bombings of ____ and Nagasaki", "the rising economies of ____ and India". */
export function stockPartner(key: string, before: string, after: string): boolean {
  // Most keys are in no pair: no need to read the words around them.
  if (!PAIRED.has(key)) return false;
  const next = /^\s*(?:and|&)\s+(\p{Lu}[\p{L}-]*)/u.exec(after)?.[1];
  const prev = /(\p{Lu}[\p{L}-]*)\s+(?:and|&)\s*$/u.exec(before)?.[1];
  return STOCK_PAIRS.some(
    ([a, b]) =>
      (key === a && (next === b || prev === b)) || (key === b && (prev === a || next === a)),
  );
}

const PARTIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:Tory|Tories|Conservatives?)\b/g, "Conservative"],
  [/\b(?:Labour|Blairite|Brownite|New Labour)\b/g, "Labour"],
  [/\b(?:Liberal Democrats?|Lib Dems?)\b/g, "Liberal Democrat"],
  [/\bRepublicans?\b/g, "Republican"],
  [/\bDemocrats?\b(?! \p{Lu})|\bDemocratic Party\b/gu, "Democrat"],
];
const PARTY_WORD =
  /\b(?:Tor(?:y|ies)|Conservative|Labour|Blairite|Brownite|Liberal Democrat|Lib Dem|Republican|Democrat)/;

/**
 * The party a stretch of text gives the name after it ("the present Tory spokesman on foreign
 * affairs, ", "Blairite "): the last party word in its clause.
 */
/** "legendary R&B star ", "soul group ", "blues guitarist ": the music a name is played in. */
const GENRE_BEFORE =
  /\b(R&B|soul|rock|jazz|blues|pop|country|gospel|folk|punk|reggae|hip-hop|rap|classical|opera)\s+(?:\p{Ll}+\s+)?(?:star|singer|legend|musician|guitarist|pianist|drummer|group|band|quartet|trio|act|icon|veteran|pioneer|great)\s+$/iu;

/** The genre the words right before a name give it, lower-cased ("r&b"); undefined if none. */
export function genreBefore(before: string): string | undefined {
  return GENRE_BEFORE.exec(before.slice(-60))?.[1]?.toLowerCase();
}

export function partyBefore(before: string): string | undefined {
  const clause = before.split(/[.;:!?]|\b(?:and|but|while|after|before|when)\b/).pop() ?? "";
  let found: { at: number; party: string } | undefined;
  if (!PARTY_WORD.test(clause)) return undefined;
  for (const [re, party] of PARTIES) {
    const all = [...clause.matchAll(re)];
    const last = all[all.length - 1];
    if (last?.index !== undefined && (!found || last.index > found.at))
      found = { at: last.index, party };
  }
  return found?.party;
}

/** "Andy Robinson's men have lost …": a manager's side, whose rivals are managers, not players. */
export function managersSide(after: string): boolean {
  return /^['’]s (?:men|side|squad|charges|team)\b/.test(after);
}
