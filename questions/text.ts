/**
 * Reading an article: lines become headings, paragraphs or boilerplate (bylines, log-in
 * prompts, ratings, blog links, author bios, captions, source notes), and paragraphs are split
 * into sentences with exact offsets into the original text.
 */

export type BlockKind = "heading" | "paragraph" | "boilerplate";

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  /** Offsets into the article text; `text === article.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph block holding it. */
  block: number;
  /** Position in the article's list of sentences. */
  index: number;
}

export interface ArticleText {
  text: string;
  blocks: Block[];
  sentences: Sentence[];
  /** Words in paragraphs (boilerplate and headings excluded). */
  wordCount: number;
}

const BOILERPLATE_LINE =
  /^(?:log ?in|sign (?:in|up)|subscribe|register|rating|blog|posted|published|updated|by\s|share|tags?|categor(?:y|ies)|comments?|read more|related|follow|source|photo|image|picture|caption|credit|advertisement|sponsored|copyright|©|all rights reserved|click|download|print|email|e-mail|next|previous|home|menu|search|cookie|privacy|terms|leave a (?:reply|comment)|reply|like|tweet|see also|references|external links|further reading|notes)\b/i;
const BOILERPLATE_ANYWHERE =
  /\b(?:log in if|already registered|all rights reserved|cookies?\b.*\bpolicy|subscribe to|sign up for|follow us|share this|click here|read more)\b/i;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Splits the article into typed blocks (one per non-empty line) and sentences. */
export function readArticle(text: string): ArticleText {
  const blocks: Block[] = [];
  const linePattern = /[^\n\r]+/g;
  for (let m = linePattern.exec(text); m; m = linePattern.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = m.index + lead;
    blocks.push({ kind: classifyLine(trimmed), start, end: start + trimmed.length, text: trimmed });
  }
  markBios(blocks);

  const sentences: Sentence[] = [];
  let wordCount = 0;
  blocks.forEach((block, blockIndex) => {
    if (block.kind !== "paragraph") return;
    wordCount += countWords(block.text);
    for (const [s, e] of splitSentences(block.text)) {
      sentences.push({
        start: block.start + s,
        end: block.start + e,
        text: block.text.slice(s, e),
        block: blockIndex,
        index: sentences.length,
      });
    }
  });
  return { text, blocks, sentences, wordCount };
}

function classifyLine(line: string): BlockKind {
  const words = countWords(line);
  if (BOILERPLATE_LINE.test(line) && (words < 25 || /^[^.!?]{0,40}:/.test(line)))
    return "boilerplate";
  if (BOILERPLATE_ANYWHERE.test(line) && words < 30) return "boilerplate";
  if (/^(?:\[[^\]]*\]|\([^)]*\))$/.test(line)) return "boilerplate";
  const endsLikeSentence = /[.!?]["'”’)\]]*$/.test(line);
  if (!endsLikeSentence) {
    // Author bios and credit lines: comma-separated titles with no verb-like words.
    const commas = (line.match(/,/g) ?? []).length;
    if (commas >= 3 && words <= 40 && !/\b(?:is|was|are|were|has|had|have)\b/.test(line))
      return "boilerplate";
    if (words <= 14) return "heading";
    // A long line that forgot its full stop is still prose.
    return words >= 8 ? "paragraph" : "boilerplate";
  }
  if (words < 4) return "boilerplate";
  return "paragraph";
}

/** A short paragraph right at the end that reads like an author bio is boilerplate too. */
function markBios(blocks: Block[]): void {
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 4); i--) {
    const block = blocks[i];
    if (block?.kind !== "paragraph") continue;
    if (
      /^(?:[A-Z][\w.-]*\s){1,4}(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s){0,4}(?:writer|author|journalist|editor|columnist|analyst|correspondent|blogger|contributor|professor|researcher|reporter|freelance)/.test(
        block.text,
      ) &&
      countWords(block.text) < 60
    )
      block.kind = "boilerplate";
  }
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr prof st sr jr mt ft ltd inc co corp plc llc bros dept univ assn est gen col lt maj capt sgt cmdr adm gov sen rep rev hon pres vs etc al approx ca cf e.g i.e viz fig no nos vol pp ed eds op ph.d b.a m.a b.sc m.sc m.d d.c u.s u.k u.n u.s.a e.u jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun c hons".split(
    " ",
  ),
);

/**
 * Sentence boundaries inside one paragraph, as [start, end) offsets with surrounding whitespace
 * trimmed. Handles abbreviations (Ltd., Mr., U.S.), initials (J. Robert Oppenheimer), closing
 * quotes and brackets after the stop, and stops with a missing space ("film.Aparajito").
 */
export function splitSentences(paragraph: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const stop = /[.!?…]+["'”’)\]]*(?=\s+|$)|(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll})/gu;
  for (let m = stop.exec(paragraph); m; m = stop.exec(paragraph)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith(".") && !endsSentence(paragraph, m.index, end)) continue;
    push(out, paragraph, start, end);
    start = end;
  }
  push(out, paragraph, start, paragraph.length);
  return out;
}

function endsSentence(paragraph: string, dot: number, end: number): boolean {
  const before = paragraph.slice(Math.max(0, dot - 40), dot);
  const token = (before.match(/[\p{L}.]+$/u)?.[0] ?? "").toLowerCase();
  const after = paragraph.slice(end).trimStart();
  if (!after) return true;
  const next = after[0] ?? "";
  // A lower-case word, digit run or punctuation after the stop continues the sentence.
  if (!/[\p{Lu}"“‘'([]/u.test(next)) return false;
  if (ABBREVIATIONS.has(token) || ABBREVIATIONS.has(token.replace(/\.$/, ""))) {
    // "Ltd." or "U.S." can still end a sentence; only a following capitalised function word
    // that normally starts sentences says so.
    return (
      /^(?:The|A|An|In|On|It|He|She|They|This|These|Its|His|Her|Their|But|However)\b/.test(after) &&
      !/^(?:u\.s|u\.k|mr|mrs|ms|dr|st|prof|gen|col|capt)/.test(token)
    );
  }
  // Single initials ("J. Robert", "D. K. Gupta") and dotted acronyms ("D.J. Keymer").
  if (/^\p{L}$/u.test(token)) return false;
  if (/^(?:\p{L}\.)+\p{L}?$/u.test(token)) return false;
  return true;
}

function push(out: Array<[number, number]>, text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  if (e > s) out.push([s, e]);
}
