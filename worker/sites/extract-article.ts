/**
 * A blog post's article text, title and canonical URL from its HTML, in one streaming pass of the
 * Workers `HTMLRewriter` (issue 12: a ~40-line handler took ~2–5 ms on 11.6 KB and 71 KB pages,
 * Readability + linkedom ~60–80 ms, too heavy for the Worker's CPU budget).
 *
 * What is the article: worker/sites/article-candidates.ts. What never counts: scripts, styles,
 * buttons, hidden and screen-reader-only text (skipped outright), and inside the article: nav,
 * header, footer, aside, forms, comments, figure captions and code blocks (`pre`). The text is
 * what questions/text.ts reads: one block per line, a blank line between paragraphs, headings
 * and list items on lines of their own, entities decoded.
 */
import { type ArticleSource, chooseArticle, type Region, type Span } from "./article-candidates.ts";
import { rolesOf } from "./element-roles.ts";
import { chooseTitle, cleanText } from "./page-title.ts";
import { TextStream } from "./text-stream.ts";

export type { ArticleSource } from "./article-candidates.ts";

export interface ExtractedArticle {
  /** "" when the page names none. */
  title: string;
  /** Plain text, a blank line between paragraphs; "" when the page has no text. */
  text: string;
  /** `<link rel="canonical">` resolved against the page URL, when on the page's origin. */
  canonicalUrl: string | null;
  /** Which rule found the article (for logs and tests). */
  source: ArticleSource;
}

/** Runs `then` at the element's end tag; false for elements that have none (`<br>`, `<img>`). */
function atEnd(element: Element, then: () => void): boolean {
  try {
    element.onEndTag(then);
    return true;
  } catch {
    return false;
  }
}

export async function extractArticle(
  html: string | ReadableStream<Uint8Array>,
  pageUrl: string,
): Promise<ExtractedArticle> {
  const stream = new TextStream();
  const candidates: Region[] = [];
  const blocks: Region[] = [];
  const openBlocks: Region[] = [];
  const h1s: Span[] = [];
  let skipped = 0;
  let chrome = 0;
  let links = 0;
  let title: string | null = null;
  let titleDone = false;
  let ogTitle: string | null = null;
  let siteName: string | null = null;
  let canonical: string | null = null;

  const span = (): Span => ({ start: stream.position, end: -1, inChrome: chrome > 0 });
  const region = (kind: ArticleSource): Region => ({ ...span(), kind, score: 0 });

  /** Everything an element opens, undone at its end tag (it can have only one end handler). */
  function open(el: Element): void {
    // Nothing inside a skipped element matters (SVG paths, a script's children).
    if (skipped > 0) return;
    const roles = rolesOf(el);
    const closers: Array<() => void> = [];
    if (roles.skip) {
      skipped++;
      closers.push(() => skipped--);
    }
    if (roles.breaks) {
      const kind = roles.breaks;
      stream.break(kind);
      closers.push(() => stream.break(kind));
    }
    if (roles.chrome || roles.form) {
      const close = stream.openDrop();
      if (roles.chrome) chrome++;
      closers.push(() => {
        close();
        if (roles.chrome) chrome--;
      });
    }
    // Inside chrome only breaks and headings matter: its links, blocks and candidates never count.
    const counted = chrome === 0;
    if (roles.link && counted) {
      links++;
      closers.push(() => links--);
    }
    const spans: Span[] = [];
    if (roles.h1) {
      const heading = span();
      h1s.push(heading);
      spans.push(heading);
    }
    if (roles.candidate && (counted || roles.candidate === "marked")) {
      const candidate = region(roles.candidate);
      candidates.push(candidate);
      spans.push(candidate);
    }
    if (roles.block && counted) {
      const block = region("densest-block");
      blocks.push(block);
      openBlocks.push(block);
      spans.push(block);
      closers.push(() => {
        const at = openBlocks.lastIndexOf(block);
        if (at >= 0) openBlocks.splice(at);
      });
    }
    if (closers.length === 0 && spans.length === 0) return;
    const ended = atEnd(el, () => {
      for (const s of spans) s.end = stream.position;
      for (const close of closers) close();
    });
    // No end tag (`<br>`, `<hr>`, `<img hidden>`): nothing stays open.
    if (!ended) for (const close of closers) close();
  }

  const rewriter = new HTMLRewriter()
    .on("*", { element: open })
    .on("title", {
      text(chunk) {
        if (titleDone) return;
        title = (title ?? "") + chunk.text;
        titleDone = chunk.lastInTextNode;
      },
    })
    .on('meta[property="og:title"], meta[name="og:title"]', {
      element(el) {
        ogTitle ??= el.getAttribute("content");
      },
    })
    .on('meta[property="og:site_name"], meta[name="og:site_name"]', {
      element(el) {
        siteName ??= el.getAttribute("content");
      },
    })
    .on('link[rel~="canonical"]', {
      element(el) {
        canonical ??= el.getAttribute("href");
      },
    })
    .onDocument({
      text(chunk) {
        if (skipped > 0 || !chunk.text) return;
        stream.text(chunk.text);
        if (chrome > 0 || links > 0) return;
        const weight = chunk.text.trim().length;
        const inner = openBlocks[openBlocks.length - 1];
        const outer = openBlocks[openBlocks.length - 2];
        if (inner) inner.score += weight;
        if (outer) outer.score += weight / 2;
      },
    });

  await consume(rewriter.transform(new Response(html)));

  const article = chooseArticle(candidates, blocks, stream);
  const endOf = (r: Span) => (r.end < 0 ? stream.position : r.end);
  const heading =
    h1s.find((h) => h.start >= article.start && h.start < article.end) ??
    h1s.find((h) => !h.inChrome);
  return {
    title: chooseTitle({
      ogTitle,
      siteName,
      h1: heading ? stream.textOf(heading.start, endOf(heading)) : null,
      title,
      text: article.text,
    }),
    text: article.text,
    canonicalUrl: sameOriginUrl(canonical, pageUrl),
    source: article.source,
  };
}

/**
 * Drives the rewriter to the end; its output (the page again) is not needed. `arrayBuffer()`
 * reads it natively: a JS read loop over its many small chunks cost ~10 ms on a 9 KB page.
 */
async function consume(response: Response): Promise<void> {
  await response.arrayBuffer();
}

function sameOriginUrl(href: string | null, pageUrl: string): string | null {
  if (href === null) return null;
  const page = URL.parse(pageUrl);
  const url = page ? URL.parse(cleanText(href), page) : null;
  if (!page || !url || url.origin !== page.origin) return null;
  url.hash = "";
  return url.href;
}
