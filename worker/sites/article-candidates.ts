/**
 * Which part of the page is the article, once worker/sites/extract-article.ts has streamed it:
 * the element marked `data-recall-article` when there is one, else the longest `<article>`,
 * `[itemprop=articleBody]`, well-known post-body class (`.entry-content`, `.post-content`,
 * `.e-content`, `.gh-content`…) or `main`, each taken only when it holds at least a couple of
 * sentences; else the densest text block (most text directly inside it, half of its children's,
 * links and chrome not counted); else the whole body. Candidates inside site chrome (a related
 * post's `<article>` in an `<aside>`, a comment's) never win.
 */
import type { TextStream } from "./text-stream.ts";

export type ArticleSource =
  | "marked"
  | "article"
  | "article-body"
  | "post-body"
  | "main"
  | "densest-block"
  | "body";

/** An element as a range of the text stream. */
export interface Span {
  start: number;
  /** -1 until the element's end tag (and for ever when it has none). */
  end: number;
  /** Opened inside nav, header, footer, aside, comments, captions or code. */
  inChrome: boolean;
}

export interface Region extends Span {
  kind: ArticleSource;
  /** Text directly inside it, plus half of its child blocks' (densest-block regions only). */
  score: number;
}

/** Less than this (about two sentences) is not taken for the article. */
export const MIN_ARTICLE_CHARS = 200;

const LEVELS: ArticleSource[] = ["article", "article-body", "post-body", "main"];

export interface Chosen {
  source: ArticleSource;
  start: number;
  end: number;
  text: string;
}

export function chooseArticle(candidates: Region[], blocks: Region[], stream: TextStream): Chosen {
  const end = (region: Region) => (region.end < 0 ? stream.position : region.end);
  const chosen = (region: Region, text: string): Chosen => ({
    source: region.kind,
    start: region.start,
    end: end(region),
    text,
  });

  for (const region of candidates) {
    if (region.kind !== "marked") continue;
    const text = stream.textOf(region.start, end(region));
    if (text) return chosen(region, text);
  }
  for (const level of LEVELS) {
    let best: Chosen | null = null;
    for (const region of candidates) {
      if (region.kind !== level || region.inChrome) continue;
      const text = stream.textOf(region.start, end(region));
      if (text.length >= MIN_ARTICLE_CHARS && text.length > (best?.text.length ?? 0))
        best = chosen(region, text);
    }
    if (best) return best;
  }
  let densest: Region | null = null;
  for (const block of blocks) {
    if (!block.inChrome && block.score > (densest?.score ?? 0)) densest = block;
  }
  if (densest) {
    const text = stream.textOf(densest.start, end(densest));
    if (text) return chosen(densest, text);
  }
  return {
    source: "body",
    start: 0,
    end: stream.position,
    text: stream.textOf(0, stream.position),
  };
}
