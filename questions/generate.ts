/**
 * Article text -> question bank (the format in questions/bank.ts). Pure and synchronous: no I/O,
 * no Node or Worker APIs, so the CLI, the tests and the Worker's authoring API all call the same function.
 * Randomness is seeded from the article's SHA-256, so the same article gives the same bank.
 *
 * Pipeline: read the article (blocks, sentences, boilerplate) -> find answer spans and lists
 * -> build candidate questions with same-kind distractors -> score and filter them -> pick a
 * spread-out, non-overlapping set -> balance answer positions.
 */

import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Bank, Choice, Question, QuestionType } from "./bank.ts";
import { nationalityFrame, playSentence } from "./choice-rules.ts";
import {
  blankInNameList,
  catchAllBlank,
  famousFrame,
  leansOnEarlier,
  leansOnUnnamed,
  namedDisaster,
  positionNumber,
  unresolvedPronoun,
} from "./context.ts";
import type { ArticleFacts } from "./distractors.ts";
import {
  articleContinents,
  containsPhrase,
  contentWords,
  dateDistractors,
  entityDistractors,
  FUTURE,
  isTopic,
  listDistractors,
  numberDistractors,
  padded,
  personSurnames,
  sentencesWith,
  sexesDiffer,
  stemGender,
  stemNamesCountry,
  termDistractors,
} from "./distractors.ts";
import { buildEntityIndex, type Entity, type EntityIndex, entityKey } from "./entities.ts";
import { UnusableArticleError } from "./errors.ts";
import {
  clauseWithKey,
  clozeExplanation,
  keySegment,
  listExplanation,
  repeatsSentence,
  statementExplanation,
} from "./explain.ts";
import {
  fitsArticle,
  partOfWhole,
  partsOfWhole,
  possibleCount,
  samePlurality,
  stemGivesAway,
} from "./filters.ts";
import {
  envoyOf,
  genreBefore,
  leansOnSentenceBefore,
  managersSide,
  nextSeason,
  rangeEnd,
  simileBlank,
  spanByArithmetic,
  stockPartner,
} from "./frames.ts";
import {
  cityNamed,
  countryNamed,
  isContinent,
  nationalityNamed,
  regionsOf,
  regionWords,
} from "./gazetteer.ts";
import { GiveAways } from "./giveaway.ts";
import { durationAnswers } from "./inference.ts";
import { knownOrSide, mostNamedOf } from "./known-facts.ts";
import { STOPWORDS } from "./lexicon.ts";
import { capitalisedPairs, matches, midSentenceCapitals } from "./matches.ts";
import { memoizedPer } from "./memo.ts";
import { type Random, randomFor, randomFromHash } from "./random.ts";
import {
  aboutRelatives,
  centrality,
  figureSpan,
  kindRivals,
  leadRivals,
  leadWho,
  mentionsMain,
  OUTCOME,
  prizeRivals,
  samePrize,
  sideFigure,
} from "./salience.ts";
import { findLists, findSpans, type ListSpan, type Span } from "./spans.ts";
import { askableSpeaker, describedPeople, roleHinted, speakerDistractors } from "./speakers.ts";
import { editedAway, shownAt, showSentences } from "./stems.ts";
import {
  type ArticleText,
  collapseSpaces,
  countChars,
  countWords,
  readArticle,
  type Sentence,
} from "./text.ts";
import { showTopic, topicNoun } from "./topic.ts";
import {
  type AnswerType,
  isGivenName,
  NUMERIC_KINDS,
  personShaped,
  typeLabel,
  typeName,
  typeSpan,
} from "./typing.ts";

export interface GenerateOptions {
  title?: string;
  /** How many questions at most (default: as many good ones as the article supports, up to 10). */
  count?: number;
  locale?: string;
}

export const MAX_ARTICLE_BYTES = 200 * 1024;
const DEFAULT_COUNT = 10;
const BLANK = "____";
const MIN_SCORE = 0.8;
const RELAXED_SCORE = 0.45;
/** Of a bank of six or more, at most this share on numbers and dates (issue 11). */
export const MAX_FIGURE_SHARE = 0.6;

interface Candidate {
  type: QuestionType;
  /**
   * A side detail (one day's tally, "____ weeks later", an anecdote's day):
   * never asked to fill a count, only where the bank would otherwise leave half the article
   * unasked and nothing else stands in that stretch.
   */
  side?: boolean;
  sentence: Sentence;
  /** Text of the key choice. */
  key: string;
  distractors: string[];
  prompt: string;
  /** Made only for the questions chosen (the clause trimming is not free). */
  explain: () => string;
  score: number;
  /** What a learner must not see elsewhere in the bank (the key and its aliases). */
  secrets: string[];
  /** Everything this question shows (stem and choices), for the give-away check. */
  shows: string[];
  /** Kind of fact, for variety: date, number, person, place, term, list… */
  facet: string;
  /** The key's type; every distractor has it (typing.ts). */
  keyType: AnswerType;
  /** The type of each distractor as typing.ts reads it, for the review command. */
  distractorTypes: string[];
  /** Set when its distractors could not be made: never chosen. */
  failed?: boolean;
  /** Makes the distractors (deferred: costly); false when too few good ones exist. */
  materialize?: () => boolean;
}

/** What the review command shows beside each question: the key's and distractors' types. */
export interface ReviewNote {
  id: string;
  keyType: string;
  distractorTypes: string[];
}

export function generateBank(text: string, options: GenerateOptions = {}): Bank {
  return generate(text, options).bank;
}

/** The bank and, per question, the types the engine gave its key and distractors. */
export function generateReview(
  text: string,
  options: GenerateOptions = {},
): { bank: Bank; notes: ReviewNote[] } {
  return generate(text, options);
}

/** Why a sentence or span made no candidate; set only while `traceCandidates` runs. */
type Tracer = (sentence: number, what: string, reason: string) => void;
let tracer: Tracer | undefined;

/**
 * The candidate pool with its rejections, for reading why an article's sentences made no
 * question (`npm run questions -- trace <file>`). Not used by the bank itself.
 */
export function traceCandidates(
  text: string,
  options: GenerateOptions = {},
): { lines: string[]; bank?: Bank } {
  const lines: string[] = [];
  tracer = (sentence, what, reason) => lines.push(`s${sentence} ${what}: ${reason}`);
  try {
    return { lines, bank: generate(text, options).bank };
  } catch (e) {
    // An article that yields no question is what the trace is most often read for.
    if (!(e instanceof UnusableArticleError)) throw e;
    lines.push(`no bank: ${e.message}`);
    return { lines };
  } finally {
    tracer = undefined;
  }
}

function generate(text: string, options: GenerateOptions): { bank: Bank; notes: ReviewNote[] } {
  assertUsable(text);
  const articleHash = bytesToHex(sha256(utf8ToBytes(text)));
  const random = randomFromHash(articleHash);
  const article = readArticle(text);
  assertArticle(article);

  const index = buildEntityIndex(article.sentences, text);
  const facts = collectFacts(article, index);
  const title = (options.title ?? "").trim() || findTitle(article);
  const candidates = buildCandidates(article, facts, articleHash, title);
  const wanted = Math.max(1, Math.min(options.count ?? DEFAULT_COUNT, 50));
  const chosen = select(candidates, article, wanted);
  if (tracer)
    for (const c of candidates)
      tracer(
        c.sentence.index,
        `${c.type} ${typeLabel(c.keyType)} "${c.key.slice(0, 40)}"`,
        `score ${c.score.toFixed(2)}${c.failed ? " no distractors" : ""}${chosen.includes(c) ? " CHOSEN" : ""} | ${c.prompt.slice(0, 110)}`,
      );
  if (chosen.length === 0)
    throw new UnusableArticleError(
      "no-questions",
      "No good questions could be made from this article: it has too few clear facts (dates, numbers, names, lists). Try a longer, more factual article.",
    );
  const questions = assemble(chosen, random, articleHash);
  const notes = chosen.map((c, i) => ({
    id: questions[i]?.id ?? "",
    keyType: typeLabel(c.keyType),
    distractorTypes: c.distractorTypes,
  }));
  const bank: Bank = {
    version: 1,
    title,
    locale: options.locale ?? "en",
    articleHash,
    questions,
  };
  return { bank, notes };
}

function assertUsable(text: string): void {
  if (typeof text !== "string" || text.trim().length === 0)
    throw new UnusableArticleError("empty", "The article is empty: paste the article's text.");
  if (utf8ToBytes(text).length > MAX_ARTICLE_BYTES)
    throw new UnusableArticleError(
      "too-large",
      `The article is larger than ${MAX_ARTICLE_BYTES / 1024} KB: paste one article, not a whole site or book.`,
    );
  // NUL bytes, replacement characters and control codes mean a binary file, not text.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) controls += text.length;
    else if (
      (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) ||
      code === 0xfffd
    )
      controls++;
  }
  if (controls > Math.max(2, text.length * 0.01))
    throw new UnusableArticleError(
      "binary",
      "This looks like a binary file, not text: paste the article as plain text.",
    );
}

function assertArticle(article: ArticleText): void {
  const prose = article.sentences.filter(
    (s) => countWords(s.text) >= 6 && countChars(s.text).letters / s.text.length > 0.6,
  );
  const { symbols, digits, letters } = countChars(article.text);
  const problem =
    symbols > letters * 0.05
      ? "it looks like code or markup"
      : digits > letters * 0.5
        ? "it is mostly numbers"
        : prose.length < 5 || article.wordCount < 80
          ? "it has too few sentences of prose"
          : undefined;
  if (problem)
    throw new UnusableArticleError(
      "not-an-article",
      `This does not read as an article (${problem}): paste at least a few paragraphs of prose (80+ words).`,
    );
}

function findTitle(article: ArticleText): string {
  for (const block of article.blocks) {
    if (block.kind === "boilerplate") {
      const quoted = /\barticle ['‘"“]([^'’"”]{2,80})['’"”]/i.exec(block.text);
      if (quoted?.[1]) return quoted[1];
      continue;
    }
    if (block.kind === "heading" && countWords(block.text) >= 2) return block.text;
    break;
  }
  const first = article.sentences[0]?.text ?? "Quiz";
  const words = first.split(/\s+/);
  return words.length <= 10 ? first : `${words.slice(0, 10).join(" ")}…`;
}

function collectFacts(article: ArticleText, index: EntityIndex): ArticleFacts {
  const terms = new Map<string, Set<string>>();
  const lists: ArticleFacts["lists"] = [];
  let minYear = Infinity;
  let maxYear = -Infinity;
  const definedTerms = new Set<string>();
  const yearCount = new Map<number, number>();
  const spans: Span[][] = [];
  let present = -Infinity;
  const leadYears = new Set<number>();
  const leadBlock = article.sentences.find(
    (s) => article.blocks[s.block]?.kind === "paragraph",
  )?.block;
  for (const s of article.sentences) {
    const found = findSpans(s, index);
    const ahead = FUTURE.test(s.text);
    spans.push(found);
    for (const span of found) {
      if (span.kind === "term" && span.cls === "defined") definedTerms.add(span.text);
      else if (span.kind === "term") {
        const set = terms.get(span.cls) ?? new Set<string>();
        set.add(span.text.toLowerCase());
        terms.set(span.cls, set);
      }
      if (span.kind === "date" && span.year !== undefined && span.format !== "century") {
        yearCount.set(span.year, (yearCount.get(span.year) ?? 0) + 1);
        if (!ahead) present = Math.max(present, span.year);
        if (s.block === leadBlock) leadYears.add(span.year);
        minYear = Math.min(minYear, span.year);
        maxYear = Math.max(maxYear, span.year);
      }
    }
    for (const list of findLists(s)) lists.push({ sentence: s.index, list });
  }
  const life = index.mainSubject ? lifeSpan(article) : undefined;
  const names = capitalisedNames(article);
  return {
    sentences: article.sentences,
    index,
    terms,
    lists,
    years: minYear <= maxYear ? { min: minYear, max: maxYear } : undefined,
    definedTerms,
    spans,
    normSentences: article.sentences.map((s) => padded(s.text)),
    contentWords: article.sentences.map((s) => contentWords(s.text)),
    life,
    // A biography's busiest year is a year of its life, not the frame of the whole article.
    frameYear: life ? undefined : frameYear(yearCount),
    presentYear: present > -Infinity ? present : undefined,
    countryCodes: countriesNamed(names),
    homeCountry: homeCountry(names),
    leadYears,
  };
}

/**
 * The article's capitalised words and word pairs ("Glasgow", "South Africa"), each with how
 * often it occurs, in order of first occurrence.
 */
function capitalisedNames(article: ArticleText): Map<string, number> {
  const names = new Map<string, number>();
  for (const name of capitalisedPairs(article.text)) names.set(name, (names.get(name) ?? 0) + 1);
  return names;
}

/** Countries the article names, by name or by their people ("Scottish" names GB). */
function countriesNamed(names: ReadonlyMap<string, number>): Set<string> {
  const out = new Set<string>();
  for (const name of names.keys()) {
    const c = countryNamed(name) ?? countryNamed(name.split(" ")[0] ?? "");
    const n = nationalityNamed(name.split(" ")[0] ?? "");
    if (c) out.add(c.code);
    if (n) out.add(n.code);
  }
  return out;
}

/**
 * The country an article is set in: named (by itself, its people or its cities) three times or
 * more and twice as often as any other. Asking for it is asking what the reader already knows.
 */
function homeCountry(names: ReadonlyMap<string, number>): string | undefined {
  const counts = new Map<string, number>();
  for (const [name, times] of names) {
    const first = name.split(" ")[0] ?? "";
    // "Elizabeth", "Mary": a first name is a person here, not the city of that name.
    const city = isGivenName(first) ? undefined : (cityNamed(name) ?? cityNamed(first));
    const code =
      (countryNamed(name) ?? countryNamed(first) ?? nationalityNamed(first))?.code ??
      (city && city.population >= 100_000 ? city.code : undefined);
    if (code) counts.set(code, (counts.get(code) ?? 0) + times);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [top, next] = ranked;
  if (!top || top[1] < 3 || (next && next[1] * 2 > top[1])) return undefined;
  return top[0];
}

/**
 * The year an article keeps coming back to ("2004" in a review of 2004): named 3+ times, more
 * than any other, and a fifth of all its year mentions at least.
 */
function frameYear(counts: ReadonlyMap<number, number>): number | undefined {
  let all = 0;
  for (const n of counts.values()) all += n;
  let best: number | undefined;
  let top = 2;
  let tie = false;
  for (const [year, n] of counts) {
    if (n > top) {
      best = year;
      top = n;
      tie = false;
    } else if (n === top) tie = true;
  }
  return tie || top < all * 0.2 ? undefined : best;
}

/** "Duncan Edwards (1 October 1936 – 21 February 1958) was…": the years in the opening brackets. */
function lifeSpan(article: ArticleText): { born: number; died: number } | undefined {
  for (const s of article.sentences.slice(0, 2)) {
    const m = /\([^()]*?\b(\d{4})\s*[–-]\s*[^()]*?\b(\d{4})\s*\)/.exec(s.text);
    if (!m) continue;
    const born = Number(m[1]);
    const died = Number(m[2]);
    if (died > born && died - born <= 110) return { born, died };
  }
  return undefined;
}

const PRONOUN_START =
  /^(?:He|She|It|They|Them|This|These|That|Those|His|Her|Its|Their|Such|There|Here|Both|Each|Another|Other|Others|The latter|The former|The couple|The parties|The two)\b/;
const FIRST_PERSON = /\b(?:I|we|We|our|Our|us|my|My|me|ours)\b/;

/** "World War I", "James I": a numeral after a name mid-sentence is no "I" of the writer's. */
export function withoutRegnalI(t: string): string {
  return t.replace(/(?<=\S )(\p{Lu}\p{Ll}+) I\b/gu, "$1 One");
}
const HEDGES =
  /\b(?:may|might|perhaps|possibly|apparently|reportedly|supposedly|allegedly|likely|unlikely|probably|believed|believes|thought to|it is evident|could|would|should|seems?|seemingly|argued|suggests?|claimed)\b/i;
const OPINION =
  /\b(?:great|greatest|huge|immense|significant|pivotal|vital|crucial|fruitful|brighter|best|worst|remarkable|important|deeply|favorable|favourable|robust|strong|stronger|unprecedented|promising|excellent|considered|regarded|famous|well-known|notable)\b/i;
const CONTEXT_START =
  /^(?:However|But|And|So|Thus|Therefore|Also|Instead|Meanwhile|Nevertheless|Moreover|Furthermore|In return|As a result|In addition|Later|Afterwards|Then|Yet|Still|Similarly|Likewise|Again|Eventually|Finally|From there|There|The following year|A year later|Before then|By then|Until then|After that|By this (?:stage|time|point)|Soon after(?:wards)?|Shortly after(?:wards)?|Later that year|That year|(?:A|One|Two|Three|Four|Five|Six|Ten|Some) (?:days?|weeks?|months?|years?|decades?) later)\b/;
const OUTSIDE_CONTEXT =
  /\b(?:the country|the city|the company|the firm|the film|the book|the project|the same|this process|the latter|the former|the above|below|the university|the plot|the machine|the ship|the fortress|the couple)\b/i;

/**
 * Referents the sentence before holds: "X said while it was an agreement in principle" (what
 * was?), "the Briton's defeat" in an article of two Britons. "The US says it cannot" is the
 * body's own "it".
 */
const UNRESOLVED =
  /(?<!\b[Tt]he \p{Lu}[\p{L}.]*\s)\b(?:said|says|added|warned|stressed) (?:that )?(?:while |although |though |if |when )?(?:it|they)\b|\bthe (?:Briton|Frenchman|Frenchwoman|Spaniard|Dane|Swede|Scot|Pole|Finn|Turk|Dutchman|Swiss|American|Australian|Russian|Belgian|German|Serb|Croat|Czech|Argentine|Brazilian|Chilean|Italian|Welshman|Irishman|Englishman|Norwegian)(?:['’]s\b|[,.;]| (?:was|is|has|had|said|won|lost|beat|took|\p{Ll}+ed)\b)/u;
const MONTH_OPENING =
  /^(?:In|By|From|Until|During|Since|Later in|Early in|By late|In early|In late|In mid-) ?(?:early |late |mid-)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?! \d)/;

/** Sentence score; undefined when the sentence must not carry a question at all. */
function scoreSentence(t: string): number | undefined {
  const words = countWords(t);
  if (words < 7 || words > 42) return undefined;
  if (/\?["”’]?$/.test(t)) return undefined;
  // Reported speech is the article's own voice; a sentence that quotes more than a short phrase
  // ("the 100% debt relief summit") is somebody else's, and an open quote runs on elsewhere.
  if (/["“”]/.test(t) && !shortQuotes(t)) return undefined;
  // Dropping a regnal "I" only takes words away: no first person in t, none without it.
  if (FIRST_PERSON.test(t) && FIRST_PERSON.test(withoutRegnalI(t))) return undefined;
  // "(English chapman, German Kaufmann, …)": an aside, not a statement of the article's.
  if (t.startsWith("(")) return undefined;
  if (PRONOUN_START.test(t)) return undefined;
  // "In 1254, it received a charter": the subject is a pronoun after an opening phrase.
  if (/^[^,]{2,40}, (?:it|they|its|their|he|she)\b/.test(t)) return undefined;
  // "By contrast, …", "If that was true then, …": a reply to the sentence before.
  if (/^(?:By|In) contrast\b|^If (?:that|this|so)\b/.test(t)) return undefined;
  // "The voyage began on …", "The couple had a son": a definite subject the sentence before
  // introduced; "After Smeaton's report on this": a demonstrative standing for it.
  if (
    /^(?:The|A year later, the) \p{Ll}+ (?:began|was|were|had|ended|took|left|set|came|went|then|also|itself|soon)\b/u.test(
      t,
    )
  )
    return undefined;
  if (
    /\b(?:on|of|about|after|against|for) (?:this|that)(?= [a-z]+\b| ?[,.])/.test(t) &&
    !/\b(?:on|of|about|after|against|for) (?:this|that) (?:year|day|week|month|time|morning|night|century|decade)\b/.test(
      t,
    )
  )
    return undefined;
  if (/\bthe two \p{Ll}+s\b|\bhis colleagues\b|\bthe drive\b/u.test(t)) return undefined;
  if (UNRESOLVED.test(t)) return undefined;
  if (leansOnSentenceBefore(t)) return undefined;
  // "But if his ambitions were thwarted in 1994, he …": a concession that says not by what.
  if (/^(?:But |And )?[Ii]f (?:his|her|their|its) [^,]{3,60}\b(?:were|was)\b[^,]*,/.test(t))
    return undefined;
  // "In March, he won his first cap": a month without its year belongs to the sentence before
  // (a news lead's "On September 21" is the article's own date).
  if (MONTH_OPENING.test(t) && !/\b\d{4}\b/.test(t)) return undefined;
  if (/[ˈˌ·]|\(help|\[\.\.\.\]|\[…\]/.test(t)) return undefined;
  // A lost full stop ("at Santiniketan His mother's persuasion…") runs two sentences together.
  if (/\p{L} (?:His|Her|He|She|They|It|We|Its|Their) \p{Ll}/u.test(t)) return undefined;
  // "Among these was…", "The most important of these…": meaningless without the sentence before.
  if (/\b(?:of|among|between|with) (?:these|those|them)\b|^(?:Among|Of) /i.test(t))
    return undefined;
  if (!/[.!]["'”’)\]]*$/.test(t.replace(/\[[^\]]*\]$/, "").trim())) return undefined;
  let score = 1;
  // "on 2 May 1721": the month is no "may" of a hedge.
  if (HEDGES.test(t.replace(/(?<=\d )May\b|\bMay(?= \d)/g, "month"))) score -= 0.8;
  if (OPINION.test(t)) score -= 0.3;
  if (CONTEXT_START.test(t)) score -= 0.4;
  if (OUTSIDE_CONTEXT.test(t)) score -= 0.5;
  if (/\b(?:this|that|these|those) (?!is\b|was\b)\p{Ll}+/u.test(t)) score -= 0.4;
  if (words > 32) score -= 0.3;
  if (/\([^)]*\)/.test(t)) score -= 0.1;
  return score;
}

/** Every quotation in the sentence is closed and at most five words long. */
function shortQuotes(t: string): boolean {
  const marks = t.match(/["“”]/g)?.length ?? 0;
  if (marks % 2 !== 0) return false;
  for (const m of matches(t, /["“]([^"“”]*)["”]/g)) if (countWords(m[1] ?? "") > 5) return false;
  return true;
}

/** Whether offsets start..end fall inside a quotation (its words are a speaker's, not facts). */
function insideQuote(t: string, start: number, end: number): boolean {
  for (const m of matches(t, /["“][^"“”]*["”]/g))
    if (start < m.index + m[0].length && end > m.index) return true;
  return false;
}

/** The sentence as a prompt shows it: citation markers dropped, spaces tidied. */
function clean(text: string): string {
  const uncited = text.includes("[")
    ? text.replace(/\[(?:citation needed|\d+|[a-z])\]/gi, "")
    : text;
  return collapseSpaces(uncited).trim();
}

function blankOut(text: string, start: number, end: number): string {
  return clean(`${text.slice(0, start)}${BLANK}${text.slice(end)}`);
}

function keyTokens(key: string): string[] {
  return entityKey(key)
    .split(" ")
    .filter((t) => (t.length >= 3 || /^\d+$/.test(t)) && !STOPWORDS.has(t));
}

/** The key (or a part of it, or its alias) still readable in the stem. */
function recoverable(key: string, stem: string, aliases: readonly string[]): boolean {
  // entityKey's words stand between single spaces: a word of the stem is " word " in it.
  const stemWords = ` ${entityKey(stem)} `;
  if (keyTokens(key).some((t) => stemWords.includes(` ${t} `))) return true;
  return aliases.some((a) => a.length >= 2 && containsPhrase(stem, a));
}

function facetOf(span: Span): string {
  if (span.kind === "entity") {
    if (span.cls === "person") return "person";
    if (
      span.cls === "country" ||
      span.cls === "city" ||
      span.cls === "place" ||
      span.cls === "state" ||
      span.cls === "continent"
    )
      return "place";
    return "name";
  }
  return span.kind;
}

const CLOZE_TERM_CLASSES = new Set([
  "field",
  "defined",
  "element",
  "gas",
  "instrument",
  "ideology",
  "religion",
  "organ",
  "medicine",
]);

function keyEligible(
  span: Span,
  facts: ArticleFacts,
  sentence: Sentence,
  leadSubject = false,
): boolean {
  if (span.kind === "entity") {
    const entity = facts.index.byAlias.get(span.key);
    // The article's own topic ("Pakistan" in an article about Pakistan) makes a give-away key,
    // except as the lead's who or what (salience.ts leadWho).
    if (entity && !leadSubject && (entity === facts.index.mainSubject || isTopic(entity, facts)))
      return false;
    // A lone name that is not the surname of someone named in full ("Apu") is too vague.
    if (span.cls === "person" && !span.text.includes(" ")) {
      const full = entity ? entity.name.split(" ") : [];
      if (full.length < 2 || full[full.length - 1] !== span.text) return false;
      // "Belgrade" as the last word of the club "Red Star Belgrade" is no one's surname.
      if (entity && !personShaped(entity.name, facts.index)) return false;
    }
    // "Davenport" the player is no city, whatever the data says: a surname of someone named.
    if (span.cls !== "person" && !span.text.includes(" ") && personSurnames(facts).has(span.text))
      return false;
    // "Blantyre" on the Clyde is no Malawian city: a smaller city of a country the article never
    // names is another place of the same name.
    if (span.cls === "city") {
      const city = cityNamed(span.text);
      if (city && city.population < 1_000_000 && facts.countryCodes?.has(city.code) !== true)
        return false;
    }
    // "FC København and Brøndby": two names run together are no one thing to set beside others.
    if (span.cls !== "country" && / and /.test(span.text)) return false;
    if (span.cls === "nationality" && span.text.length < 4) return false;
    // "studied ____, but": a people's name with no noun after it is a language or a subject.
    if (span.cls === "nationality" && !/^\s+\p{L}/u.test(sentence.text.slice(span.end)))
      return false;
    if (span.cls === "nationality" && /^\s+(?:and|or|but)\b/.test(sentence.text.slice(span.end)))
      return false;
    // "The Swiss sounded warning …": a people standing for one player the stem never names.
    if (
      span.cls === "nationality" &&
      /\bthe\s$/i.test(sentence.text.slice(0, span.start)) &&
      /^\s+\p{Ll}+(?:ed|s)\b/u.test(sentence.text.slice(span.end))
    )
      return false;
    // "Pakistani" in an article about Pakistan gives itself away like "Pakistan" would.
    if (span.cls === "nationality") {
      for (const e of facts.index.byKey.values())
        if (isTopic(e, facts) && e.name.slice(0, 5) === span.text.slice(0, 5)) return false;
    }
    if (span.text.length < 3) return false;
    // A continent is rarely what a reader learns from an article, and has credible rivals only
    // where the article sets other continents against it ("cancel the debt of ____", "the royal
    // houses of ____" have none).
    if (span.cls === "continent" && isContinent(span.text)) {
      const others = articleContinents(facts);
      if ([...others].filter((c) => c !== span.text).length < 2) return false;
    }
    // The place the article keeps returning to (the river's own city, the ceremony's home):
    // every stem about it answers itself.
    if (entity && homePlace(facts) === entity) return false;
  }
  if (span.kind === "number" && span.format === "digits" && span.value === 0) return false;
  // "two of his favourite actors, A and B": the count can be read off the names that follow.
  if (span.kind === "number" && span.format !== "ordinal" && span.value <= 6) {
    const after = sentence.text.slice(span.end);
    const listed = /^[^,:;]*[,:]\s*((?:[^,;.]+,\s*)*[^,;.]+\s(?:and|or)\s[^,;.]+)/.exec(after)?.[1];
    if (listed && listed.split(/,\s*|\s(?:and|or)\s/).filter((x) => x.trim()).length === span.value)
      return false;
  }
  // "St. ____": the blank would cut a name in two.
  if (
    span.kind === "entity" &&
    /\b(?:St|Saint|Mt|Mount|Fort|Port)\.?\s$/.test(sentence.text.slice(0, span.start))
  )
    return false;
  // A capitalised "called X" is a proper name of no known type: nothing safe to set beside it.
  if (span.kind === "term" && span.cls === "defined" && /^\p{Lu}/u.test(span.text)) return false;
  // "The 1953–54 season": a year joined to the next cannot change alone.
  if (span.kind === "date" && /^[–-]\d/.test(sentence.text.slice(span.end))) return false;
  if (span.kind === "number") {
    const before = sentence.text.slice(0, span.start);
    const after = sentence.text.slice(span.end);
    // "The ____ telecentres use …": a count of a set an earlier sentence brought in, told as if
    // the reader knew whose it is.
    if (/^The\s$/.test(before) && /^\s+\p{Ll}+s\b/u.test(after)) return false;
    // "less than five years": every smaller choice would be true too.
    if (
      /\b(?:less than|fewer than|more than|over|under|up to|at least|at most|nearly|almost)\s$/i.test(
        before,
      )
    )
      return false;
    // "ten to ____ days": one end of a range is hair-splitting, the other end stands beside it.
    if (
      /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty))\s?(?:to|-|–)\s?$/i.test(
        before,
      ) ||
      /^\s?(?:to|-|–)\s?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b)/i.test(
        after,
      )
    )
      return false;
    // "the late ____ and early 19th centuries": a century written as a bare ordinal.
    if (span.format === "ordinal" && /^[^.;]{0,30}\bcentur/.test(after)) return false;
    // "one 15th the power": an ordinal after "one" is a fraction, not a rank.
    if (span.format === "ordinal" && /\b(?:one|a)\s$/i.test(before)) return false;
    // "20 May, 2000" read as a number: a day of a date, not a count.
    if (
      /^\s(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(
        after,
      )
    )
      return false;
    // "had 10 years of military experience", "for 10 years": a length of time is trivia.
    if (
      /^(?:years?|months?|weeks?|days?|decades?)$/.test(span.unit) &&
      (/^\s+of\b/.test(after) ||
        /\b(?:for|past|last|next|over|within|after)\s(?:some\s|about\s|around\s)?$/i.test(before))
    )
      return false;
    // "in the past five years", "served for ten years": a span's length is trivia.
    if (
      /\b(?:for|past|last|next|over|within|after)\s(?:some\s|about\s|around\s)?$/i.test(before) &&
      /^\s(?:years?|months?|weeks?|days?|decades?)\b/.test(after)
    )
      return false;
    // "William Parker, 4th Baron Monteagle": the number of a title is no fact to learn.
    if (span.format === "ordinal" && /^\s\p{Lu}/u.test(after)) return false;
    // Minutes of a match, chapters, pages, appearances: figures nobody should memorise.
    // ("a blog is created every 5.8 seconds" is a rate, not a moment.)
    if (/^(?:minutes?|seconds?)$/.test(span.unit) && !/\bevery\s$/.test(before)) return false;
    // "36 first team appearances", "24 league matches": a count with its qualifier is as trivial.
    if (
      /^\s(?:[\p{L}-]+\s){0,2}?(?:chapters?|pages?|appearances|caps|times|minutes?|seconds?|games|matches|starts|innings)\b/u.test(
        after,
      )
    )
      return false;
  }
  // "the division of the river into ____ channels": a thing divided is divided in two.
  if (
    span.kind === "number" &&
    span.value === 2 &&
    /\b(?:into|in)\s$/i.test(sentence.text.slice(0, span.start)) &&
    /\bdivi(?:ded|des|de|sion|ding)\b|\bsplit\b/i.test(sentence.text)
  )
    return false;
  // "a problem of ____ depletion": a gas in a stock phrase every reader completes.
  if (
    span.kind === "term" &&
    (span.cls === "gas" || span.cls === "element") &&
    /^\s(?:depletion|emissions?|levels?|content|concentrations?|pollution|starvation|poisoning|supply|shortage)\b/i.test(
      sentence.text.slice(span.end),
    )
  )
    return false;
  // "two thirds": a fraction, not a count.
  if (
    span.kind === "number" &&
    /^\s(?:thirds?|quarters?|halves|fifths?|tenths?)\b/.test(sentence.text.slice(span.end))
  )
    return false;
  // "Statistics by a ranking firm reveal…": a common word capitalised only by its place.
  if (span.kind === "term" && span.start === 0) return false;
  // Everyday words (commodities, professions, art forms) make good list items but vague blanks.
  if (span.kind === "term" && !CLOZE_TERM_CLASSES.has(span.cls)) return false;
  // "gave them the lead": an element word is a chemical only where the article names others.
  if (span.kind === "term" && span.cls === "element") {
    const elements = facts.terms.get("element");
    if (!elements || elements.size < 2) return false;
    if (
      /^[\s-](?:iron|nickel|cobalt|manganese|phosphate|oxide|hydroxide|sulfate|sulphate|carbonate|chloride|nitrate|ion|based)\b/.test(
        sentence.text.slice(span.end),
      )
    )
      return false;
  }
  // "carbon dioxide", "hydrogen bomb": an element inside a compound term cannot be swapped.
  if (
    span.kind === "term" &&
    /^[\s-](?:dioxide|monoxide|oxide|bombs?|cycle|atoms?|bonds?|ions?|isotopes?|fuel|gas|molecules?)\b/.test(
      sentence.text.slice(span.end),
    )
  )
    return false;
  // "Thatcher's 11 years by the end of ____" with 1997 told elsewhere: the key by arithmetic.
  if (
    span.kind === "date" &&
    span.year !== undefined &&
    span.format !== "century" &&
    durationAnswers(span.year, sentence, facts)
  )
    return false;
  // The year the whole article is about is no fact of one sentence: every reader knows it.
  if (span.kind === "date" && span.format === "year" && span.year === facts.frameYear) return false;
  const before = sentence.text.slice(0, span.start);
  const after = sentence.text.slice(span.end);
  // "from 1948 to ____", "between 1908 and ____": one end of a range is trivia.
  if (
    span.kind === "date" &&
    /\b(?:[Ff]rom|[Bb]etween) (?:\p{Lu}\p{Ll}+ )?\d{3,4} (?:to|and|until)\s$|\d{4}\s?[–-]\s?$/u.test(
      before,
    )
  )
    return false;
  // "A year later, in ____": the date is the sentence before's plus the stem's own interval.
  if (
    span.kind === "date" &&
    /\b(?:(?:a|one|two|three|four|five|six|ten) (?:days?|weeks?|months?|years?) (?:later|earlier|on)|the (?:following|next|previous) (?:year|month)),? (?:in|on|by) $/i.test(
      before,
    )
  )
    return false;
  // "In ____, there were 216 million cases": the year a statistic was counted.
  if (
    span.kind === "date" &&
    /^In\s$/.test(before) &&
    /^,?\s+there (?:were|was|had been)\b/.test(after)
  )
    return false;
  // "27 miles (43 kilometers) northwest of the ____": a reference point for a distance.
  if (
    span.kind === "entity" &&
    /\b(?:miles|kilometres|kilometers|km|metres|meters)\)?\s+(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$/i.test(
      before,
    )
  )
    return false;
  // "44% of the ____ carmaker": a company's nationality is known without the article.
  if (
    span.kind === "entity" &&
    nationalityNamed(span.text) &&
    /^\s+(?:carmaker|car maker|automaker|company|firm|group|bank|airline|giant|manufacturer|conglomerate|retailer|brand|broadcaster)\b/.test(
      after,
    )
  )
    return false;
  // "Duncan Edwards (____ – 21 February 1958)", "(including ____ anti-Jesuit priests)",
  // "Pather Panchali (____)": a date or count in brackets is an aside, not a fact told (graded drop every round, round 17 too,
  // even as the only question of its stretch).
  if ((span.kind === "date" || span.kind === "number") && /\([^()]*$/.test(before)) return false;
  if (span.kind === "entity" && simileBlank(before)) return false;
  if (span.kind === "entity" && span.cls === "person" && managersSide(after)) return false;
  if (span.kind === "entity" && stockPartner(span.text, before, after)) return false;
  if (span.kind === "number" && rangeEnd(before)) return false;
  if (span.kind === "number" && spanByArithmetic(sentence.text, span.unit, after)) return false;
  // "his main target in ____" the season after the one the article is about: the next year.
  if (span.kind === "date" && span.format === "year" && nextSeason(span.year, facts.frameYear))
    return false;
  return true;
}

const PLACE_CLASSES = new Set(["city", "place", "state", "country"]);
/** The article's most-named place, named four times or more and more than any other place. */
function homePlace(facts: ArticleFacts): Entity | undefined {
  return mostNamedOf(facts, PLACE_CLASSES, 4);
}

/** How much a fact of each type teaches: who and what happened first, then figures. */
const KIND_SCORE: Record<AnswerType["kind"], number> = {
  person: 0.6,
  event: 0.5,
  organisation: 0.45,
  team: 0.45,
  work: 0.45,
  place: 0.4,
  nationality: 0.3,
  language: 0.3,
  year: 0.25,
  date: 0.2,
  percentage: 0.25,
  age: 0.25,
  quantity: 0.2,
  term: 0.1,
  list: 0.3,
  name: 0,
};

function buildCandidates(
  article: ArticleText,
  facts: ArticleFacts,
  articleHash: string,
  title: string,
): Candidate[] {
  const out: Candidate[] = [];
  const resolved = showSentences(article, facts.index);
  // "The plot was revealed …" in an article on the Gunpowder Plot: the topic, named.
  const topic = topicNoun(article, title);
  if (topic)
    for (const s of article.sentences) {
      // After a dropped opening ("However, the word …") the shown text starts afresh.
      const earlier = resolved.get(s.index);
      if (earlier?.from !== undefined) continue;
      const shown = showTopic(earlier?.text ?? s.text, article.sentences[s.index - 1]?.text, topic);
      if (shown)
        resolved.set(s.index, { text: shown.text, shift: shown.shift + (earlier?.shift ?? 0) });
    }
  // A capitalised first word is a common word when the article never capitalises it mid-sentence.
  const midCaps = new Set(midSentenceCapitals(article.text));
  const isCommon = (word: string) =>
    !facts.index.byAlias.has(word.toLowerCase()) &&
    !midCaps.has(word) &&
    facts.index.lowerWords.has(word.toLowerCase());
  const leadBlock = article.sentences.find(
    (s) => article.blocks[s.block]?.kind === "paragraph",
  )?.block;
  const titleWords = contentWords(title);
  // "A network of community centres … is helping": the thing the lead's first sentence opens with.
  const opening = article.sentences.find((s) => s.block === leadBlock)?.text ?? "";
  const leadOpensWith = (noun: string) =>
    new RegExp(`^(?:An?|The)\\s+(?:[\\p{L}-]+\\s+){0,2}?${noun}\\b`, "iu").test(opening);
  const listsBySentence = new Map<number, ListSpan[]>();
  for (const { sentence, list } of facts.lists)
    listsBySentence.set(sentence, [...(listsBySentence.get(sentence) ?? []), list]);
  for (const sentence of article.sentences) {
    const shown = resolved.get(sentence.index);
    const display = shown?.text ?? sentence.text;
    const base = scoreSentence(display);
    if (base === undefined) {
      tracer?.(sentence.index, "sentence", "scoreSentence");
      continue;
    }
    const spans = facts.spans[sentence.index] ?? [];
    // The lead paragraph and the title's words carry what the article is about.
    const lead = sentence.block === leadBlock ? 0.5 : 0;
    const words = facts.contentWords[sentence.index] ?? new Set<string>();
    const topical = [...titleWords].some((w) => words.has(w)) ? 0.2 : 0;
    const density = Math.min(3, spans.length) * 0.15 + lead + topical;
    const wordCount = countWords(sentence.text);
    const lists = listsBySentence.get(sentence.index) ?? [];
    // Who and what the article is about rank first: figures get no share of it.
    const central = centrality(sentence, facts);
    const family = aboutRelatives(sentence, facts);
    // A relative's sentence that names the subject too keeps its names (demoted), not its figures.
    const namesMain = family && mentionsMain(sentence, facts);

    for (const span of spans) {
      const subject = span.kind === "entity" ? facts.index.byAlias.get(span.key) : undefined;
      // The story's main body in its lead ("Acme said …"): asked beside the article's other
      // bodies; a person is asked by the who-said form below, with the role blanked too.
      const leadBody =
        subject !== undefined &&
        subject.cls === "organisation" &&
        isTopic(subject, facts) &&
        leadWho(subject, sentence, article, title);
      if (!keyEligible(span, facts, sentence, leadBody)) {
        tracer?.(sentence.index, span.text, "keyEligible");
        continue;
      }
      const known = knownOrSide(span, sentence, facts);
      if (known) {
        tracer?.(sentence.index, span.text, known);
        continue;
      }
      // A relative's dates and a bracketed count are the background, not what the article teaches.
      if (family && (figureSpan(span) || !namesMain)) {
        tracer?.(sentence.index, span.text, "side detail");
        continue;
      }
      if (lists.some((l) => span.start >= l.start && span.end <= l.end)) {
        tracer?.(sentence.index, span.text, "in a list");
        continue;
      }
      if (insideQuote(sentence.text, span.start, span.end)) {
        tracer?.(sentence.index, span.text, "quoted");
        continue;
      }
      const entity = span.kind === "entity" ? facts.index.byAlias.get(span.key) : undefined;
      // "Sukumar Ray" shares "ray" with the main subject: an alias that names someone else
      // hides nothing and would block every stem that mentions them.
      const aliases = entity
        ? ownAliases(entity, facts.index).filter((a) => a !== entityKey(span.text))
        : [];
      // "by Jimmy Carter" after an award named for the office: the stem no longer shows it.
      if (editedAway(shown, span.start)) {
        tracer?.(sentence.index, span.text, "edited away");
        continue;
      }
      const keyStart = shownAt(shown, span.start);
      const keyEnd = shownAt(shown, span.end);
      const stem = blankOut(display, keyStart, keyEnd);
      if (recoverable(span.text, stem, aliases)) {
        tracer?.(sentence.index, span.text, "recoverable");
        continue;
      }
      if (ownerless(display, facts)) {
        tracer?.(sentence.index, span.text, "ownerless pronoun");
        continue;
      }
      const keyType = typeSpan(span, sentence.text, facts.index);
      // A proper name of no known type has no safe distractors.
      if (keyType.kind === "name") {
        tracer?.(sentence.index, span.text, "untyped name");
        continue;
      }
      // "Gleneagles in ____", "the Firth of Clyde in ____": the UK's four nations are a set every
      // reader knows, and the stem's place names answer it. Only where the stem sets one nation
      // against another ("the English Schools XI … the team from ____") are they rivals.
      if (smallNationSet(keyType) && !namesAnotherNation(stem, keyType)) {
        tracer?.(sentence.index, span.text, "small nation set");
        continue;
      }
      // "just before World War I, … in ____": a world war's years are no one's to learn here.
      if (keyType.kind === "year" && /\b(?:World War I|(?:First|Second) World War)/.test(stem)) {
        tracer?.(sentence.index, span.text, "world war year");
        continue;
      }
      // "Before then", "this phenomenon", "the ship" for a thing only an earlier sentence names.
      const leans =
        unresolvedPronoun(stem, facts.index, keyType.kind === "person") ||
        leansOnEarlier(
          stem,
          // "The network has been two years in the making": the thing the lead is about.
          (noun) => namesNoun(stem, noun) || namesNoun(title, noun) || leadOpensWith(noun),
        );
      // One day's tally, "____ weeks later", a minor event's day: side
      // details the graders drop however short the bank (round 9), so never asked.
      const side =
        sideFigure(span, sentence) ||
        leansOnUnnamed(stem, span) ||
        minorDay(span, sentence.text, lead > 0);
      if (side) tracer?.(sentence.index, span.text, "side detail");
      const fixed =
        positionNumber(stem) ||
        catchAllBlank(stem) ||
        famousFrame(stem, span) ||
        (span.kind === "entity" && namedDisaster(article.text, span.text));
      if (leans || fixed || (span.kind === "entity" && blankInNameList(stem))) {
        tracer?.(sentence.index, span.text, leans ? "no context" : fixed ? "idiom" : "name list");
        continue;
      }
      if (stemGivesAway(stem, span.text, keyType, title)) {
        tracer?.(sentence.index, span.text, "stemGivesAway");
        continue;
      }
      // "a 130% rise in ____'s over 65s … the US current account": the stem names the key.
      if (
        keyType.kind === "place" &&
        keyType.level === "country" &&
        stemNamesCountry(sentence, span.text, keyType.country)
      ) {
        tracer?.(sentence.index, span.text, "stem names country");
        continue;
      }
      // "the Reformation in ____" in an article set in Denmark: its own country or people.
      if (
        keyType.country !== undefined &&
        keyType.country === facts.homeCountry &&
        (keyType.kind === "nationality" ||
          (keyType.kind === "place" && keyType.level === "country"))
      ) {
        tracer?.(sentence.index, span.text, "home country");
        continue;
      }
      // Distractors are the costly part: made only for candidates the selection reaches.
      let made: string[] | undefined;
      const distractorsFor = (): string[] => {
        const random = randomFor(articleHash, `${sentence.text}|${span.start}`);
        made ??= (
          span.kind === "date"
            ? dateDistractors(span, sentence, spans, facts, random)
            : span.kind === "number"
              ? numberDistractors(span, sentence, facts, random, keyType)
              : span.kind === "entity"
                ? leadBody
                  ? leadRivals(subject, stem, facts)
                  : entityDistractors(span, sentence, facts, random, keyType)
                : termDistractors(span, sentence, facts, random)
        ).filter(
          (d) =>
            fitsArticle(stem, d) &&
            possibleCount(stem, d) &&
            samePlurality(span.text, d) &&
            !atHome(envoyOf(display.slice(0, keyStart)), d),
        );
        // The lead's who, or a person the story names twice or more: where the choice engine
        // has too few, the article's other people (in the body, those it names twice or more).
        // Bodies are not topped up: the article's other bodies are seldom of the same kind.
        // In the body, only a blank no role or title stands before ("King ____", "wing ____").
        // Nor where the stem fixes the key's people or home ("… as a teenager in England") or
        // music ("legendary R&B star ____"):
        // the story's others are then no rivals unless the choice engine found them so.
        const storyPerson =
          entity?.cls === "person" &&
          keyType.kind === "person" &&
          (lead > 0 || (entity.count >= 2 && BARE_BLANK.test(stem))) &&
          nationalityFrame(
            sentence.text.slice(Math.max(0, span.start - 40), span.start),
            sentence.text.slice(span.end),
          ) === undefined &&
          genreBefore(sentence.text.slice(Math.max(0, span.start - 60), span.start)) === undefined;
        const sexMatters = stemGender(stem) !== "" || playSentence(sentence.text);
        if (entity && storyPerson && made.length < 3)
          for (const full of kindRivals(entity, stem, facts, article.text, lead > 0 ? 1 : 2)) {
            if (made.length >= 3) break;
            // "Loud" beside surnames, "John J. Loud" beside full names: the key's shape.
            const d = span.text.includes(" ") ? full : (full.split(" ").pop() ?? full);
            // (A man beside men where the stem tells a sex or is about play: "She suffered …"
            // told the story's Kim Varda apart from its men's draw.)
            if (sexMatters && sexesDiffer(span.text, full, facts)) continue;
            if (!made.includes(d) && fitsArticle(stem, d) && samePlurality(span.text, d))
              made.push(d);
          }
        // The subject's prizes: the article's other prizes, where the article tells each
        // beside other facts (a reader who read knows which went for what).
        if (entity?.cls === "event" && keyType.kind === "event" && made.length < 3)
          for (const prize of prizeRivals(entity, stem, facts)) {
            if (made.length >= 3) break;
            if (!made.includes(prize) && contradicted(prize, sentence, facts, prizeCommon(facts))) {
              made.push(prize);
            }
          }
        return made;
      };
      const typesOf = (ds: readonly string[]) =>
        ds.map((d) =>
          span.kind === "entity" ? typeLabel(typeName(d, facts.index)) : typeLabel(keyType),
        );
      const facet = NUMERIC_KINDS.has(keyType.kind) ? "figure" : facetOf(span);
      const ranked =
        base +
        density +
        KIND_SCORE[keyType.kind] +
        0.2 +
        (NUMERIC_KINDS.has(keyType.kind) ? 0 : central) -
        (family ? 0.6 : 0) +
        (leadBody ? LEAD_WHO_BONUS : 0);
      const score = side ? Math.min(SIDE_SCORE, ranked) : ranked;
      const secrets = [
        span.text,
        ...aliases,
        ...(entity?.cls === "event" ? samePrize(entity, facts) : []),
      ];
      const quoted = clean(display);
      const clause = () => {
        const c = clauseWithKey(display, keyStart, keyEnd, isCommon);
        const part = repeatsSentence(c, display) ? keySegment(display, keyStart, keyEnd) : c;
        // The explanation quotes its clause: a short quotation inside it takes single marks.
        return part.replace(/["“]([^"“”]*)["”]/g, "‘$1’");
      };
      const cloze: Candidate = {
        type: "cloze",
        side,
        sentence,
        key: span.text,
        distractors: [],
        prompt: stem,
        explain: () => clozeExplanation(span.text, clause()),
        score,
        secrets,
        shows: [stem, span.text],
        facet,
        keyType,
        distractorTypes: [],
        materialize: () => {
          const distractors = distractorsFor();
          // Four choices; three only where the kind has no more (the UK's four nations).
          // …and where a stated whole bounds a count ("____ of the twelve"), topped up from it.
          const bounded = span.kind === "number" && partOfWhole(stem);
          if (bounded)
            for (const p of partsOfWhole(stem, span.text))
              if (distractors.length < 3 && !distractors.includes(p)) distractors.push(p);
          const few = closedSet(keyType, span.text, facts) || bounded;
          if (distractors.length < (few ? 2 : 3)) return false;
          cloze.distractors = distractors;
          cloze.distractorTypes = typesOf(distractors);
          cloze.shows = [stem, span.text, ...distractors];
          return true;
        },
      };
      out.push(cloze);
      // The same fact as "which statement is true": one faithful copy, three with it changed.
      // Only where the article itself contradicts every false copy (see `contradicted`), and
      // ranked below the cloze questions: graders kept few true statements.
      if (wordCount <= 26 && span.kind === "entity") {
        const statement: Candidate = {
          type: "true-statement",
          sentence,
          key: quoted,
          distractors: [],
          prompt: "Which of these statements is true, according to the article?",
          explain: () => statementExplanation(span.text, clause(), describe(span)),
          score: score - TRUE_STATEMENT_PENALTY,
          secrets,
          shows: [quoted],
          facet,
          keyType,
          distractorTypes: [],
          materialize: () => {
            const distractors = distractorsFor();
            if (distractors.length < 3) return false;
            if (!distractors.every((d) => contradicted(d, sentence, facts))) return false;
            statement.distractorTypes = typesOf(distractors);
            statement.distractors = distractors.map((d) =>
              clean(`${display.slice(0, keyStart)}${d}${display.slice(keyEnd)}`),
            );
            statement.shows = [quoted, ...statement.distractors];
            return true;
          },
        };
        out.push(statement);
      }
    }

    for (const d of describedPeople(facts)) {
      if (d.sentence !== sentence.index || !askableSpeaker(d, sentence)) continue;
      // The main subject or a topic person is named everywhere: no one to find in the text,
      // except in the lead, where who said it is what the story is about (salience.ts).
      const lead = isTopic(d.entity, facts);
      if (lead && !leadWho(d.entity, sentence, article, title)) continue;
      if (insideQuote(sentence.text, d.start, d.end)) continue;
      const keyStart = shownAt(shown, d.start);
      const keyEnd = shownAt(shown, d.end);
      const stem = blankOut(display, keyStart, keyEnd);
      const aliases = ownAliases(d.entity, facts.index);
      if (recoverable(d.text, stem, aliases) || roleHinted(d, stem)) continue;
      const speaker: Candidate = {
        type: "cloze",
        sentence,
        key: d.text,
        distractors: [],
        prompt: stem,
        explain: () => clozeExplanation(d.text, clauseWithKey(display, keyStart, keyEnd, isCommon)),
        score: base + density + KIND_SCORE.person + 0.2 + (lead ? LEAD_WHO_BONUS : 0),
        // The story's main person is named all through the quiz: naming them elsewhere tells
        // no one that they said this, so only the whole described name is held back.
        secrets: lead ? [d.text] : [d.text, d.entity.name, ...aliases],
        shows: [stem, d.text],
        facet: "person",
        keyType: { kind: "person" },
        distractorTypes: [],
        materialize: () => {
          const random = randomFor(articleHash, `${sentence.text}|who${d.start}`);
          // "former president X" beside "UK chancellor Y": every choice opens alike.
          const lower = /^\p{Ll}/u.test(d.text);
          const distractors = speakerDistractors(d, stem, sentence, facts, random).filter(
            (x) => /^\p{Ll}/u.test(x) === lower,
          );
          if (distractors.length < 3) return false;
          speaker.distractors = distractors;
          speaker.distractorTypes = distractors.map(() => "person");
          speaker.shows = [stem, d.text, ...distractors];
          return true;
        },
      };
      out.push(speaker);
    }

    for (const list of lists) {
      const keys = list.items.filter((i) => i.inner);
      if (!list.cls || keys.length === 0) continue;
      const random = randomFor(articleHash, `${sentence.text}|list${list.start}`);
      const item = keys[random.int(keys.length)];
      if (!item) continue;
      const distractors = listDistractors(list, item.text, sentence, facts, random);
      if (distractors.length < 2) continue;
      const stem = blankOut(display, shownAt(shown, list.start), shownAt(shown, list.end));
      if (countWords(stem) < 5) continue;
      out.push({
        type: "list-membership",
        sentence,
        key: item.text,
        distractors,
        prompt: `The article lists several items here: "${stem}" Which of these is one of them?`,
        explain: () =>
          listExplanation(
            item.text,
            list.items.map((i) => i.text),
          ),
        score: base + 0.6 + (distractors.length === 3 ? 0.2 : 0),
        secrets: list.items.map((i) => i.text),
        shows: [stem, item.text, ...distractors],
        facet: "list",
        keyType: { kind: "list", unit: list.cls },
        distractorTypes: distractors.map(() => `list:${list.cls}`),
      });
    }
  }
  return out;
}

/** The score of a side detail: below RELAXED_SCORE, so only the spread pass's empty zones take it. */
const SIDE_SCORE = 0.3;

/** A blank at the stem's start, after a comma or a preposition: no role word before it. */
const BARE_BLANK =
  /(?:^|[,;(]\s*|\b(?:by|to|with|from|and|under|of|for|against|on|at|than)\s+)____/;

/** The stem names the noun's head as a name ("University" in "the University of Oslo"). */
function namesNoun(text: string, noun: string): boolean {
  return new RegExp(`\\b${noun[0]?.toUpperCase()}${noun.slice(1)}\\b`).test(text);
}

/**
 * "making his debut … on 1 April 1950", "On 14 May the ship broke free": the day of an event
 * outside the lead that tells no outcome (a prize, a record, a founding) is an anecdote's day.
 */
const TURNING_POINT =
  /\b(?:died|killed|born|signed|revealed|arrested|executed|crashed|opened|launched|ended|began|declared|patent|filed|released|premiered|inaugurated)\b/i;

function minorDay(span: Span, text: string, inLead: boolean): boolean {
  return (
    span.kind === "date" &&
    span.day !== undefined &&
    !inLead &&
    !OUTCOME.test(text) &&
    !TURNING_POINT.test(text)
  );
}

/** Ranks a candidate from a part of the article not yet asked, when the bank would not spread. */
const EMPTY_ZONE_BONUS = 1;

/** Ranks the lead's who (salience.ts leadWho) above the other facts of its sentence. */
const LEAD_WHO_BONUS = 0.3;

/** How far a true-statement question ranks below its sentence's cloze. */
const TRUE_STATEMENT_PENALTY = 0.35;

/**
 * A false copy of a statement that the article contradicts: its swapped-in value is something
 * the article names in another role (so a reader who read knows it is not this one), and no
 * other sentence names it beside this sentence's facts (where the copy might be true as well).
 */
function contradicted(
  value: string,
  sentence: Sentence,
  facts: ArticleFacts,
  common: (word: string) => boolean = () => false,
): boolean {
  if (!facts.index.byAlias.has(entityKey(value))) return false;
  const own = facts.contentWords[sentence.index] ?? new Set<string>();
  const needle = padded(value);
  // Only a sentence with the value's first word can hold the value: read those alone.
  const first = needle.slice(1, needle.indexOf(" ", 1));
  for (const i of first ? sentencesWith(first, facts) : facts.sentences.keys()) {
    if (i === sentence.index || !(facts.normSentences[i] ?? "").includes(needle)) continue;
    let shared = 0;
    for (const w of facts.contentWords[i] ?? []) if (own.has(w) && !common(w)) shared++;
    if (shared >= 2) return false;
  }
  return true;
}

/** The words every sentence about the subject's prizes shares: its name, and being awarded. */
function prizeCommon(facts: ArticleFacts): (word: string) => boolean {
  const main = facts.index.mainSubject;
  const names = new Set(main ? entityKey(main.name).split(" ") : []);
  return (w) => names.has(w) || /^(?:award|awarded|awards|won|win|wins|winning|received)$/.test(w);
}

/** A place in the envoy's own country: no post abroad. */
function atHome(envoy: string | undefined, place: string): boolean {
  if (!envoy) return false;
  const home = nationalityNamed(envoy)?.code;
  const code = cityNamed(place)?.code ?? countryNamed(place)?.code;
  return home !== undefined && code === home;
}

function smallNationSet(keyType: AnswerType): boolean {
  return (
    keyType.kind === "place" &&
    keyType.level === "region" &&
    keyType.country !== undefined &&
    regionsOf(keyType.country).length <= 4
  );
}

/** The stem names another of the key's sibling nations, or its people. */
function namesAnotherNation(stem: string, keyType: AnswerType): boolean {
  return regionsOf(keyType.country ?? "").some((r) =>
    regionWords(r.name).some((w) => containsPhrase(stem, w)),
  );
}

/**
 * A key whose kind holds only a few members, so three choices are honest: the UK's four
 * nations (one of them the stem's own side), the terms the article itself defines ("pores
 * called stomata", "tubes called xylem").
 */
function closedSet(keyType: AnswerType, key: string, facts: ArticleFacts): boolean {
  if (keyType.kind === "term") return facts.definedTerms?.has(key) ?? false;
  return smallNationSet(keyType);
}

function describe(span: Span): string {
  switch (span.kind) {
    case "date":
      return span.format === "year" || span.format === "decade" || span.format === "century"
        ? span.format
        : "date";
    case "number":
      return span.format === "ordinal" ? "ordinal number" : "figure";
    case "entity":
      return span.cls === "person"
        ? "person"
        : span.cls === "country" ||
            span.cls === "city" ||
            span.cls === "place" ||
            span.cls === "state"
          ? "place"
          : "name";
    case "term":
      return "word";
  }
}

/**
 * Greedy choice: best candidates first, one question per sentence, no question giving
 * another's answer away, spread over the article, and a mix of types and facets.
 */
/** Questions an article of this length deserves (issue 11): 8 from 700 words, 5 from 300. */
export function targetCount(words: number): number {
  return words >= 700 ? 8 : words >= 300 ? 5 : 1;
}

/**
 * The strict choice first; when it falls short of what the article's length deserves, weaker
 * sentences (a "But" opening, a hedge) may carry the missing questions.
 */
/** "a loss to ", "beating ": the words before a person who is an object, not the subject. */
const OBJECT_BEFORE =
  /\b(?:to|by|with|against|from|over|beat|beating|beats|defeated|defeating)\s+$/i;

/**
 * "The only major let-down was a third-round loss to Kuerten at the French Open, and Roland
 * Garros will be his main target": a sentence whose "he" or "his" can stand for no one it names
 * as a subject (every person it names is an object, a loss *to* someone) is about the story's
 * main person, whom no question on it shows (graded no-context, round 18). "Academy librarian
 * Margaret Herrick said the statue looked like her uncle" has its own antecedent.
 */
function ownerless(sentence: string, facts: ArticleFacts): boolean {
  return /\b(?:he|she|his|her|him)\b/i.test(sentence) && everyPersonAnObject(facts, sentence);
}

/** Whether the sentence names people, each only after "to", "by", "beating" and the like. */
const everyPersonAnObject = memoizedPer((facts: ArticleFacts, sentence: string): boolean => {
  let named = 0;
  for (const e of facts.index.byKey.values()) {
    if (e.cls !== "person" || typeName(e.name, facts.index).kind !== "person") continue;
    const surname = e.name.split(" ").pop() ?? e.name;
    for (let at = sentence.indexOf(surname); at >= 0; at = sentence.indexOf(surname, at + 1)) {
      const after = sentence.charAt(at + surname.length);
      if (/\p{L}/u.test(after) || /\p{L}/u.test(sentence.charAt(at - 1))) continue;
      // The whole name where the sentence gives it: "to Gustavo Kuerten".
      const start = sentence.endsWith(e.name, at + surname.length)
        ? at + surname.length - e.name.length
        : at;
      named++;
      if (!OBJECT_BEFORE.test(sentence.slice(0, start))) return false;
    }
  }
  return named > 0;
});

/**
 * The names that stand for an entity alone. A person's bare given name is none where the
 * article names another person by it: "Robert" of "Robert and Thomas Wintour" says nothing of
 * Robert Catesby, so a stem naming Robert Cecil does not give Catesby away.
 */
function ownAliases(entity: Entity, index: EntityIndex): string[] {
  const given = entity.cls === "person" ? givenKey(entity) : "";
  const shared = given !== "" && peopleNamed(index, given) >= 2;
  return [...entity.aliases].filter(
    (a) => index.byAlias.get(a) === entity && !(shared && a === given),
  );
}

const givenKey = (e: Entity) => entityKey(e.name.split(" ")[0] ?? "");

/** How many people the article names by a given name (counted once per article and name). */
const peopleNamed = memoizedPer((index: EntityIndex, given: string): number => {
  let n = 0;
  for (const e of index.byKey.values()) if (e.cls === "person" && givenKey(e) === given) n++;
  return n;
});

function select(candidates: Candidate[], article: ArticleText, wanted: number): Candidate[] {
  // Which candidates give each other away: made once, shared by every pass below.
  const giveAways = new GiveAways<Candidate>();
  const chosen = choose(candidates, giveAways, article, wanted);
  // Half the article unasked: try again with its empty stretches served first.
  const length = article.text.length;
  if (chosen.length > 0 && gapOf(chosen, length) <= length * 0.5) return chosen;
  const closes = (list: Candidate[]) =>
    list.length >= chosen.length && gapOf(list, length) <= length * 0.5;
  // …sparing keys named in many stems too ("Cecil" asked late rather than early)…
  const spreadPass = (pool: Candidate[], sides: boolean): Candidate[] | undefined => {
    for (const minScore of [MIN_SCORE, RELAXED_SCORE])
      for (const spare of [false, true]) {
        const spread = selectWith(pool, giveAways, article, wanted, minScore, spare, true, sides);
        if (closes(spread)) return spread;
      }
    return undefined;
  };
  const spread = spreadPass(candidates, false);
  if (spread) return spread;
  // …or without a key whose mentions in the empty stretch's stems block its questions (the
  // White Sea asked in the lead, named again in both sentences of the voyage)…
  const [gapStart, gapEnd] = widestGap(chosen, length);
  const inGap = candidates.filter(
    (c) =>
      !c.side &&
      !c.failed &&
      c.score >= MIN_SCORE &&
      c.sentence.start > gapStart &&
      c.sentence.start < gapEnd,
  );
  for (const blocker of chosen) {
    // (Two sentences of the stretch at least: one blocked question is a fair trade.)
    const blocked = new Set(
      inGap.filter((c) => giveAways.clash(blocker, c)).map((c) => c.sentence.index),
    );
    if (blocked.size < 2) continue;
    const without = selectWith(
      candidates.filter((c) => c.key !== blocker.key),
      giveAways,
      article,
      wanted,
      MIN_SCORE,
      false,
      true,
      false,
    );
    if (closes(without)) return without;
  }
  // …and only then with a side detail there ("shot ____ seals", graded drop every round).
  const filled = spreadPass(candidates, true);
  if (filled) return filled;
  // A bank that has its count: ask a key it already asks in the empty half instead (the
  // same person at a later sentence) before a side detail, which graders drop every round
  // (a count inside a parenthesis).
  if (chosen.length >= Math.min(wanted, targetCount(article.wordCount))) {
    const moved = moveIntoGap(candidates, chosen, giveAways, length);
    if (moved) return moved;
  }
  // Nothing else stands in the empty half (or in the whole of a short post): a side detail
  // there, never a key another shows.
  if (chosen.length < wanted) {
    const shown = chosen.flatMap((c) => c.shows.map((t) => t.toLowerCase()));
    for (const c of candidates
      .filter((x) => x.side && !x.failed)
      .sort((a, b) => b.score - a.score)) {
      const trial = [...chosen, c];
      if (chosen.some((o) => o.sentence.index === c.sentence.index)) continue;
      if (chosen.length > 0 && gapOf(trial, length) > length * 0.5) continue;
      if (shown.some((t) => t.includes(c.key.toLowerCase()))) continue;
      if (c.materialize && !c.materialize()) continue;
      return trial.sort((a, b) => a.sentence.index - b.sentence.index);
    }
  }
  return chosen;
}

/** How much weaker a moved question's sentence may score than the one it replaces. */
const MOVE_MARGIN = 0.15;

/** `chosen` with one question moved to another sentence of the same key, closing the gap. */
function moveIntoGap(
  candidates: readonly Candidate[],
  chosen: readonly Candidate[],
  giveAways: GiveAways<Candidate>,
  length: number,
): Candidate[] | undefined {
  const pool = candidates
    .filter((c) => !c.side && !c.failed && c.score >= RELAXED_SCORE)
    .sort((a, b) => b.score - a.score);
  for (const c of pool) {
    if (chosen.some((o) => o.sentence.index === c.sentence.index)) continue;
    const old = chosen.find((o) => o.key === c.key && o.type === c.type);
    // Only a near equal: a much weaker sentence of the same key is a worse question.
    if (!old || c.score < old.score - MOVE_MARGIN) continue;
    const rest = chosen.filter((o) => o !== old);
    if (gapOf([...rest, c], length) > length * 0.5) continue;
    if (c.materialize && !c.materialize()) continue;
    if (rest.some((o) => giveAways.clash(c, o))) continue;
    return [...rest, c].sort((a, b) => a.sentence.index - b.sentence.index);
  }
  return undefined;
}

function choose(
  candidates: Candidate[],
  giveAways: GiveAways<Candidate>,
  article: ArticleText,
  wanted: number,
): Candidate[] {
  const first = selectWith(candidates, giveAways, article, wanted, MIN_SCORE);
  // A key named in many other stems blocks each of them: where that leaves the bank short of
  // what was asked, prefer keys that leave the rest of the pool askable.
  const sparing =
    first.length < wanted
      ? selectWith(candidates, giveAways, article, wanted, MIN_SCORE, true)
      : [];
  const strict = sparing.length > first.length ? sparing : first;
  if (strict.length >= Math.min(wanted, targetCount(article.wordCount))) return strict;
  const relaxed = selectWith(candidates, giveAways, article, wanted, RELAXED_SCORE);
  const best = relaxed.length > strict.length ? relaxed : strict;
  if (best.length >= Math.min(wanted, targetCount(article.wordCount))) return best;
  const spared = selectWith(candidates, giveAways, article, wanted, RELAXED_SCORE, true);
  return spared.length > best.length ? spared : best;
}

function selectWith(
  candidates: Candidate[],
  giveAways: GiveAways<Candidate>,
  article: ArticleText,
  wanted: number,
  minScore: number,
  spare = false,
  spread = false,
  /** Whether a side detail may fill an empty stretch (only once nothing else can). */
  sides = spread,
): Candidate[] {
  const total = Math.max(1, article.sentences.length);
  const zones = Math.max(1, Math.min(wanted, 5));
  const zoneOf = (c: Candidate) =>
    Math.min(zones - 1, Math.floor((c.sentence.index / total) * zones));
  const chosen: Candidate[] = [];
  const usedSentences = new Set<number>();
  const zoneCount = new Array<number>(zones).fill(0);
  const typeCount = new Map<QuestionType, number>();
  const facetCount = new Map<string, number>();

  // `chosen` only grows, so each candidate is checked once against each chosen question.
  const checkedUpTo = new Map<Candidate, number>();
  const blocked = new Set<Candidate>();
  const conflicts = (c: Candidate) => {
    if (blocked.has(c)) return true;
    for (let i = checkedUpTo.get(c) ?? 0; i < chosen.length; i++) {
      const o = chosen[i];
      if (o && giveAways.clash(o, c)) {
        blocked.add(c);
        return true;
      }
    }
    checkedUpTo.set(c, chosen.length);
    return false;
  };

  // Weak candidates never make it, however much variety they would add.
  const pool = candidates
    .filter((c) => (c.score >= minScore || (sides && c.side)) && !c.failed)
    .sort((a, b) => b.score - a.score);
  // How many other sentences' candidates a candidate would block (its key shown in their stems).
  const blocking = new Map<Candidate, number>();
  const blocks = (c: Candidate): number => {
    let n = blocking.get(c);
    if (n === undefined) {
      const hit = new Set<number>();
      for (const o of pool)
        if (
          o.sentence.index !== c.sentence.index &&
          (giveAways.reveals(c, o) || giveAways.reveals(o, c))
        )
          hit.add(o.sentence.index);
      n = hit.size;
      blocking.set(c, n);
    }
    return n;
  };
  while (chosen.length < wanted) {
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    for (const c of pool) {
      if (usedSentences.has(c.sentence.index) || conflicts(c)) continue;
      const zone = zoneOf(c);
      if (c.side && !(sides && (zoneCount[zone] ?? 0) === 0)) continue;
      const typeN = typeCount.get(c.type) ?? 0;
      const facetN = facetCount.get(c.facet) ?? 0;
      let s = c.score;
      s -= (zoneCount[zone] ?? 0) * 0.45;
      // A stretch of the article nothing was asked from yet: its few candidates go first, before
      // a question elsewhere names their keys and blocks them.
      if (spread && (zoneCount[zone] ?? 0) === 0) s += EMPTY_ZONE_BONUS;
      s -= facetN * 0.2;
      // Figures and dates at most half the bank: people, events and outcomes first.
      if (c.facet === "figure" && (facetCount.get("figure") ?? 0) >= Math.ceil(chosen.length / 2))
        s -= 0.6;
      // Aim for roughly 60% cloze, 20% true-statement, 20% list-membership.
      const share = c.type === "cloze" ? 0.6 : 0.2;
      if (typeN >= Math.ceil(wanted * share)) s -= 0.5;
      if (typeN === 0 && c.type !== "cloze") s += 0.3;
      if (spare) s -= Math.min(4, blocks(c)) * 0.25;
      // A figure another sentence also shows ("the Plot of ____" and "on 2 May 1721") would
      // block that sentence's question: ask the other sentence, where the figure stays in view.
      else if (c.facet === "figure" && blocks(c) > 0) s -= 0.6;
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    if (!best) break;
    if (best.materialize) {
      const ready = best.materialize();
      best.materialize = undefined;
      const index = pool.indexOf(best);
      if (!ready) {
        best.failed = true;
        pool.splice(index, 1);
        continue;
      }
      // Its choices are known now: check them against the questions already chosen.
      giveAways.refresh(best);
      checkedUpTo.delete(best);
      const fewer = best.distractors.length < 3;
      if (fewer) best.score -= 0.2;
      if (conflicts(best) || (best.score < minScore && !(sides && best.side))) {
        pool.splice(index, 1);
        continue;
      }
      // With three choices it may no longer be the best: rank again.
      if (fewer) continue;
    }
    chosen.push(best);
    usedSentences.add(best.sentence.index);
    const zone = zoneOf(best);
    zoneCount[zone] = (zoneCount[zone] ?? 0) + 1;
    typeCount.set(best.type, (typeCount.get(best.type) ?? 0) + 1);
    facetCount.set(best.facet, (facetCount.get(best.facet) ?? 0) + 1);
  }
  return balanceFigures(chosen, article.text.length).sort(
    (a, b) => a.sentence.start - b.sentence.start,
  );
}

/**
 * Figures and dates at most 60% of a bank of six or more: the weakest figures go, first those
 * whose going leaves no more than half the article without a question.
 */
function balanceFigures(chosen: Candidate[], length: number): Candidate[] {
  const out = [...chosen];
  const figures = () => out.filter((c) => c.facet === "figure");
  const widestGap = (list: Candidate[]) => gapOf(list, length);
  while (out.length >= 6 && figures().length > MAX_FIGURE_SHARE * out.length) {
    const ranked = figures().sort((a, b) => a.score - b.score);
    const spared = ranked.find((c) => widestGap(out.filter((o) => o !== c)) <= length * 0.5);
    const weakest = spared ?? ranked[0];
    if (!weakest) break;
    out.splice(out.indexOf(weakest), 1);
  }
  return out;
}

/** The longest stretch of the article (in characters) that no question comes from. */
function gapOf(list: readonly Candidate[], length: number): number {
  const [start, end] = widestGap(list, length);
  return end - start;
}

/** Where that stretch starts and ends. */
function widestGap(list: readonly Candidate[], length: number): [number, number] {
  const starts = list.map((c) => c.sentence.start).sort((a, b) => a - b);
  const edges = [0, ...starts, length];
  let widest: [number, number] = [0, 0];
  for (let i = 1; i < edges.length; i++) {
    const a = edges[i - 1] ?? 0;
    const b = edges[i] ?? 0;
    if (b - a > widest[1] - widest[0]) widest = [a, b];
  }
  return widest;
}

/** Builds the bank's questions, placing each key so positions are balanced across the bank. */
function assemble(chosen: Candidate[], random: Random, articleHash: string): Question[] {
  const ids = ["a", "b", "c", "d"];
  const positionCount = [0, 0, 0, 0];
  return chosen.map((c, i) => {
    const n = c.distractors.length + 1;
    const least = Math.min(...positionCount.slice(0, n));
    const open = [0, 1, 2, 3].slice(0, n).filter((p) => positionCount[p] === least);
    const position = open[random.int(open.length)] ?? 0;
    positionCount[position] = (positionCount[position] ?? 0) + 1;
    // The wrong choices' order is the question's own: it does not move when another one changes.
    const others = randomFor(articleHash, `${c.sentence.text}|${c.type}|${c.key}`).shuffle(
      c.distractors,
    );
    const texts = [...others.slice(0, position), c.key, ...others.slice(position)];
    const choices: Choice[] = texts.map((text, k) => ({ id: ids[k] ?? "d", text }));
    return {
      id: `q${i + 1}`,
      type: c.type,
      prompt: c.prompt,
      choices,
      answer: ids[position] ?? "a",
      kind: typeLabel(c.keyType),
      explanation: c.explain(),
      source: { start: c.sentence.start, end: c.sentence.end, text: c.sentence.text },
    };
  });
}
