/**
 * What each element means to worker/sites/extract-article.ts, decided from its tag and a few
 * attributes. One `*` handler asks this for every element, because an element gets only one
 * end-tag handler in HTMLRewriter (a second `onEndTag` replaces the first), and most roles need
 * to know where the element ends.
 */
import type { ArticleSource } from "./article-candidates.ts";

export interface ElementRoles {
  /** Never text: code, styles, embedded media, controls, what readers cannot see. */
  skip: boolean;
  /** Site chrome: left out of the article, and no article is found inside it. */
  chrome: boolean;
  /** Left out of the article (a comment form), but a page wrapped in one still has an article. */
  form: boolean;
  /** The text breaks before and after it. */
  breaks: "paragraph" | "line" | null;
  /** Which article rule it is a candidate for (the strongest when several apply). */
  candidate: ArticleSource | null;
  /** Counted for the densest-block rule. */
  block: boolean;
  link: boolean;
  h1: boolean;
}

/** Just enough of HTMLRewriter's Element (worker's runtime types) to read attributes. */
export interface Attributes {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}

const SKIPPED_TAGS = new Set(
  "script style noscript template title svg math iframe object canvas video audio select textarea button".split(
    " ",
  ),
);
const SKIPPED_CLASSES = ["screen-reader-text", "sr-only", "visually-hidden"];

const CHROME_TAGS = new Set("nav header footer aside figcaption pre".split(" "));
const CHROME_ROLES = new Set("navigation banner contentinfo complementary".split(" "));
const CHROME_IDS = new Set(["comments", "respond", "disqus_thread", "toc"]);
const CHROME_CLASSES = [
  "comments",
  "comment",
  "comment-list",
  "commentlist",
  "comments-area",
  "comment-respond",
  "wp-block-comments",
  "sharedaddy",
  "jp-relatedposts",
  "related-posts",
  // A table of contents repeats the headings; Substack's subscribe box and like/share bar and
  // Medium's byline and clap bar (marked "not for text-to-speech") sit inside the article.
  "toc",
  "table-of-contents",
  "subscription-widget-wrap",
  "post-ufi",
  "speechify-ignore",
];

const POST_BODY_CLASSES = [
  "entry-content",
  "post-content",
  "e-content",
  "wp-block-post-content",
  "gh-content",
  "article-content",
  "article-body",
  "post-body",
];

const PARAGRAPH_TAGS = new Set(
  "p h1 h2 h3 h4 h5 h6 li dt dd blockquote ul ol dl table tr figure hr div section article main header footer nav aside address details summary fieldset legend caption pre form center".split(
    " ",
  ),
);
const LINE_TAGS = new Set(["br", "td", "th"]);
const BLOCK_TAGS = new Set("body div section article main td".split(" "));

export function rolesOf(el: Attributes): ElementRoles {
  const tag = el.tagName.toLowerCase();
  const classes = (el.getAttribute("class") ?? "").split(/\s+/);
  const hasClass = (names: string[]) => names.some((name) => classes.includes(name));
  const id = el.getAttribute("id") ?? "";
  const role = el.getAttribute("role") ?? "";
  return {
    skip:
      SKIPPED_TAGS.has(tag) ||
      el.hasAttribute("hidden") ||
      el.getAttribute("aria-hidden") === "true" ||
      hasClass(SKIPPED_CLASSES),
    chrome:
      CHROME_TAGS.has(tag) ||
      CHROME_ROLES.has(role) ||
      CHROME_IDS.has(id) ||
      hasClass(CHROME_CLASSES),
    form: tag === "form",
    breaks: PARAGRAPH_TAGS.has(tag) ? "paragraph" : LINE_TAGS.has(tag) ? "line" : null,
    candidate: candidateOf(el, tag, role, hasClass),
    block: BLOCK_TAGS.has(tag),
    link: tag === "a",
    h1: tag === "h1",
  };
}

function candidateOf(
  el: Attributes,
  tag: string,
  role: string,
  hasClass: (names: string[]) => boolean,
): ArticleSource | null {
  if (el.hasAttribute("data-recall-article")) return "marked";
  if (tag === "article") return "article";
  if ((el.getAttribute("itemprop") ?? "").split(/\s+/).includes("articleBody"))
    return "article-body";
  if (hasClass(POST_BODY_CLASSES)) return "post-body";
  if (tag === "main" || role === "main") return "main";
  return null;
}
