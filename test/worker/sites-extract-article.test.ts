// Article extraction for site mode (worker/sites/extract-article.ts) inside workerd, on saved
// pages shaped like the common blog engines (test/fixtures/blog-pages/): which element it takes,
// that the article's sentences are in the text and the site's chrome is not, that paragraphs and
// headings keep their own lines, the title and the canonical URL; and that the text is what the
// question generator (questions/) can use.
import { describe, expect, it } from "vitest";
import { generateBank } from "../../questions/generate.ts";
import { readArticle } from "../../questions/text.ts";
import { type ArticleSource, extractArticle } from "../../worker/sites/extract-article.ts";
import ghost from "../fixtures/blog-pages/ghost-casper.html?raw";
import hugo from "../fixtures/blog-pages/hugo-papermod.html?raw";
import jekyll from "../fixtures/blog-pages/jekyll-minima.html?raw";
import marked from "../fixtures/blog-pages/marked-article.html?raw";
import medium from "../fixtures/blog-pages/medium-style.html?raw";
import plain from "../fixtures/blog-pages/plain-div-layout.html?raw";
import substack from "../fixtures/blog-pages/substack-style.html?raw";
import wordpress from "../fixtures/blog-pages/wordpress-block-theme.html?raw";

interface Page {
  name: string;
  html: string;
  url: string;
  source: ArticleSource;
  title: string;
  canonical: string | null;
  /** Sentences of the article, as they must appear in the text. */
  sentences: string[];
  /** Text of the page's nav, header, footer, sidebar, comments, captions, code and scripts. */
  chrome: string[];
  /** The end of one block and the start of the next, which must be a blank line apart. */
  boundaries: Array<[string, string]>;
  heading: string;
}

const pages: Page[] = [
  {
    name: "WordPress block theme",
    html: wordpress,
    url: "https://coastline.example/?p=482",
    source: "post-body",
    title: "The Kerran Point lighthouse turns 150",
    canonical: "https://coastline.example/2024/05/14/kerran-point-lighthouse-150/",
    sentences: [
      "The lighthouse at Kerran Point was first lit on 1 October 1874, after four years of work by a crew of 38 masons from Aberdeen.",
      "The longest-serving of them, Elspeth Reid, kept the light from 1921 to 1958 and took over the principal keeper’s post after her husband died in a storm in 1926.",
      "a lantern walk from the village of Kerran & Dunmore to the point.",
    ],
    chrome: [
      "Lighthouse index",
      "Coastline Diaries",
      "Counting seals at low tide",
      "Morag writes about",
      "My grandfather rowed supplies",
      "Leave a Reply",
      "Your email address",
      "The keepers’ cottages in 1902",
      "flash_pattern",
      "Designed with",
      "wpNavigationViewSettings",
      "_wpemojiSettings",
    ],
    boundaries: [["before the light existed.", "The design came from"]],
    heading: "Keepers and their families",
  },
  {
    name: "Ghost (Casper)",
    html: ghost,
    url: "https://crumbandcrust.example/sourdough-starter-winter/",
    source: "article",
    title: "Keeping a sourdough starter alive through the winter",
    canonical: "https://crumbandcrust.example/sourdough-starter-winter/",
    sentences: [
      "The yeast is happiest between 24 and 27 degrees Celsius; my kitchen in Porto sits at about 14 degrees from December to February, and my starter, Bartholomew, sulks accordingly.",
      "I began him in March 2015 with nothing more than equal weights of wholemeal rye flour and water",
      "Use 25 per cent rye flour in every feed.",
    ],
    chrome: [
      "Baker's diary",
      "Sign in",
      "Subscribe",
      "6 min read",
      "Bartholomew, my starter, on a frosty January morning.",
      "The oven with only its light switched on",
      "Day 1",
      "seed-sprouting mat",
      "Why rye flour wakes up a sleepy starter",
      "A focaccia for impatient people",
      "Powered by Ghost",
      "fitVids",
    ],
    boundaries: [
      ["sulks accordingly.", "Bartholomew is nine years old"],
      ["in every feed.", "Keep the jar in the oven"],
    ],
    heading: "My winter routine",
  },
  {
    name: "Hugo (PaperMod)",
    html: hugo,
    url: "https://fieldnotes.example/posts/monorepo-build/",
    source: "article",
    title: "What we learned moving our build to a monorepo",
    canonical: "https://fieldnotes.example/posts/monorepo-build/",
    sentences: [
      "Two months later, the median time from opening a pull request to a green build had dropped from 41 minutes to 17 minutes.",
      "We kept the history of every repository by importing each one with git subtree into its own folder under services/.",
      "Cloning the repository now takes about 90 seconds instead of 10",
    ],
    chrome: [
      "Archive",
      "Table of Contents",
      "git subtree add --prefix",
      "Median build time per pull request",
      "Profiling a slow test suite",
      "Share on X",
      "We did the same move with Bazel",
      "Field Notes in Code is written by",
      "Powered by",
      "pref-theme",
    ],
    boundaries: [["reviewed once.", "We kept the history"]],
    heading: "Why we moved",
  },
  {
    name: "Jekyll (minima)",
    html: jekyll,
    url: "https://harbourlights.example/2022/08/19/ardmore-ferry.html",
    source: "article",
    title: "Three days on the Ardmore ferry route",
    canonical: "https://harbourlights.example/2022/08/19/ardmore-ferry.html",
    sentences: [
      "The first boat leaves Callanish Bay at 07:40 and reaches the island of Salen at 08:55.",
      "The ferry, the MV Loch Duich, was built in 1998 and carries 32 cars and up to 250 passengers.",
      "Salen has a population of about 600 and the route’s only bank, a branch that opens on Tuesdays and Thursdays.",
    ],
    chrome: [
      "All ferry routes",
      "Harbour Lights Travel",
      "Tomasz Wierzbicki",
      "Callanish Bay  07:40",
      "07:40  →",
      "two children and a tandem",
      "More island routes",
      "tomasz@harbourlights.example",
      "Slow travel by ferry",
      "disqus_config",
    ],
    boundaries: [["250 passengers.", "Salen and Inchmore"]],
    heading: "The last leg",
  },
  {
    name: "Medium-style",
    html: medium,
    url: "https://quillpress.example/old-ledgers/the-forgotten-census-of-1931-1f2e3d4c5b6a",
    source: "article",
    title: "The forgotten census of 1931 in the Vell valley",
    canonical: "https://quillpress.example/old-ledgers/the-forgotten-census-of-1931-1f2e3d4c5b6a",
    sentences: [
      "The April count found 4,812 people in the valley.",
      "It spent the next 70 years in a biscuit tin in the attic of the parish house, until a roofer found it in 2001 and handed it to the county archive.",
      "The archivist who catalogued it, Maren Ostrow, realised at once that it was the only record of the valley’s winter population between the wars.",
    ],
    chrome: [
      "Sign up",
      "Sign in",
      "8 min read",
      "Follow",
      "Listen",
      "The September ledger, written in iron gall ink",
      "households,april,september",
      "Written by Hannah Oyelaran",
      "The tithe maps nobody could read",
      "My great-aunt is in this ledger",
      "Why medieval scribes hated cats",
      "__APOLLO_STATE__",
      "number 12 in a series",
    ],
    boundaries: [["permanent residents.", "A second ledger in a biscuit tin"]],
    heading: "What the numbers are used for now",
  },
  {
    name: "Substack-style",
    html: substack,
    url: "https://rivernotes.example/p/lune-salmon-count-2024",
    source: "article",
    title: "River notes: the Lune's salmon count in 2024",
    canonical: "https://rivernotes.example/p/lune-salmon-count-2024",
    sentences: [
      "The electronic fish counter at Forge Weir on the river Lune recorded 3,412 salmon moving upstream in October 2024, the highest October total since the counter was installed in 2009.",
      "This year the rain came early: 212 millimetres fell on the catchment in the first three weeks of the month, nearly twice the average.",
      "For 2024 that total stands at 5,870 fish so far, compared with a ten-year average of 5,120.",
    ],
    chrome: [
      "Sign in",
      "Subscribe",
      "Share",
      "Volunteers clearing leaves",
      "Thanks for reading River Notes",
      "month,count",
      "forty fish jump",
      "Trout Diaries",
      "Collection notice",
      "Start Writing",
      "_preloads",
    ],
    boundaries: [["twice the average.", "The numbers need care"]],
    heading: "Why October matters",
  },
  {
    name: "plain div layout (no article, no main)",
    html: plain,
    url: "http://www.oakhurst-trust.example/news/bakery-flood.html?from=home",
    source: "densest-block",
    title: "How the bakery survived the flood",
    canonical: "http://www.oakhurst-trust.example/news/bakery-flood.html",
    sentences: [
      "When the river Oak burst its banks on the night of 19 November 2009, the water in the high street rose to 1.2 metres in less than three hours.",
      "a collection at the church raised £4,350 towards a new shop counter.",
    ],
    chrome: [
      "Looking after Oakhurst since 1962",
      "Contact the Trust",
      "Trust meetings",
      "Membership is five pounds",
      "lardy cake",
      "Registered charity",
      "Bread for sale on the pavement",
      "Flood line",
      "_gaq",
    ],
    boundaries: [["within six days.", "Villagers rallied round."]],
    heading: "Lessons for the next flood",
  },
  {
    name: "a page with data-recall-article",
    html: marked,
    url: "https://kettlelane.example/diary/bramley",
    source: "marked",
    title: "Orchard diary: grafting the old Bramley",
    canonical: null,
    sentences: [
      "The oldest tree in Kettle Lane Orchard is a Bramley apple planted in 1911, and this winter we finally took cuttings from it.",
      "Nine of the twelve grafts have taken, which is a good rate for a first attempt.",
    ],
    chrome: ["We pressed 180 litres", "Every Bramley in the world", "Diary", "run by volunteers"],
    boundaries: [["true to their parent.", "We cut twelve scions"]],
    heading: "Orchard diary: grafting the old Bramley",
  },
];

describe.each(pages)("$name", (page) => {
  const extract = () => extractArticle(page.html, page.url);

  it(`finds the article by the ${page.source} rule`, async () => {
    expect((await extract()).source).toBe(page.source);
  });

  it("keeps the article's sentences", async () => {
    const { text } = await extract();
    for (const sentence of page.sentences) expect(text).toContain(sentence);
  });

  it("leaves out nav, header, footer, sidebar, comments, captions, code and scripts", async () => {
    const { text } = await extract();
    for (const chrome of page.chrome) expect(text).not.toContain(chrome);
  });

  it("puts a blank line between paragraphs and no tags or entities in the text", async () => {
    const { text } = await extract();
    for (const [end, start] of page.boundaries) expect(text).toContain(`${end}\n\n${start}`);
    expect(text).not.toMatch(/<\/?[a-z][^>]*>|&(?:#\d+|#x[\da-f]+|[a-z]+);/i);
    expect(text).not.toMatch(/\n{3,}|^\s|\s$/);
  });

  it("gives a heading a line of its own", async () => {
    const lines = (await extract()).text.split("\n");
    expect(lines).toContain(page.heading);
  });

  it("takes the post's title", async () => {
    expect((await extract()).title).toBe(page.title);
  });

  it("returns the canonical URL only on the page's origin", async () => {
    expect((await extract()).canonicalUrl).toBe(page.canonical);
  });

  it("gives text the question generator reads as the article's paragraphs", async () => {
    const { text, title } = await extract();
    const article = readArticle(text);
    const sentences = article.sentences.map((s) => s.text);
    for (const sentence of page.sentences.filter((s) => /^\p{Lu}.*[.!?”]$/u.test(s)))
      expect(sentences).toContain(sentence);
    const bank = generateBank(text, { title });
    expect(bank.questions.length).toBeGreaterThan(0);
    for (const question of bank.questions) {
      expect(text).toContain(question.source.text);
      for (const chrome of page.chrome) expect(question.source.text).not.toContain(chrome);
    }
  });
});

describe("extraction rules", () => {
  const url = "https://blog.example/post";
  const para = (n: number) =>
    `<p>Paragraph ${n} of the post says something long enough to count as a real sentence of an article, with a few more words.</p>`;

  it("skips an <article> too short to be the post and takes main", async () => {
    const html = `<main><article><p>A short teaser.</p></article>${para(1)}${para(2)}</main>`;
    const result = await extractArticle(html, url);
    expect(result.source).toBe("main");
    expect(result.text).toContain("Paragraph 2 of the post");
  });

  it("takes the longest of several <article> elements", async () => {
    const html = `<article>${para(1)}${para(2)}</article><article>${para(3)}${para(4)}${para(5)}</article>`;
    const { text } = await extractArticle(html, url);
    expect(text).toContain("Paragraph 5");
    expect(text).not.toContain("Paragraph 1");
  });

  it("finds the article of a page wrapped in one big form", async () => {
    const html = `<form id="aspnetForm"><nav>Menu</nav><article>${para(1)}${para(2)}</article></form>`;
    const result = await extractArticle(html, url);
    expect(result.source).toBe("article");
    expect(result.text).toContain("Paragraph 2");
  });

  it("still drops a form inside the article", async () => {
    const html = `<article>${para(1)}<form><p>Your email address here</p></form>${para(2)}</article>`;
    const { text } = await extractArticle(html, url);
    expect(text).not.toContain("Your email address");
  });

  it("keeps inline elements inside their sentence", async () => {
    const html = `<article><p>Run <code>npm start</code> and open <a href="/x">the <em>demo</em> page</a> in a browser, then read the rest of this long enough paragraph of text about it.</p>${para(1)}</article>`;
    const { text } = await extractArticle(html, url);
    expect(text).toContain("Run npm start and open the demo page in a browser, then read");
  });

  it("separates paragraphs whose end tags are left out", async () => {
    const html =
      "<body><p>First paragraph of text.<p>Second paragraph of text.<ul><li>One<li>Two</ul>";
    const { text } = await extractArticle(html, url);
    expect(text).toBe("First paragraph of text.\n\nSecond paragraph of text.\n\nOne\n\nTwo");
  });

  it("decodes named, numeric and hex references once", async () => {
    const html =
      "<body><p>Caf&eacute; &amp; cr&#232;me &#x2014; &lsquo;d&eacute;j&agrave; vu&rsquo; &amp;lt; &#150; &#0; &unknown;</p>";
    const { text } = await extractArticle(html, url);
    expect(text).toBe("Café & crème — ‘déjà vu’ &lt; – \uFFFD &unknown;");
  });

  it("collapses whitespace and non-breaking spaces inside a paragraph", async () => {
    const html = "<body><p>  Two\n   words&nbsp;&nbsp;apart\t</p>";
    expect((await extractArticle(html, url)).text).toBe("Two words apart");
  });

  it("skips hidden and screen-reader-only text", async () => {
    const html = `<article>${para(1)}<p hidden>Hidden text</p><span class="screen-reader-text">Skip to content</span><div aria-hidden="true">Decoration</div>${para(2)}</article>`;
    const { text } = await extractArticle(html, url);
    for (const hidden of ["Hidden text", "Skip to content", "Decoration"])
      expect(text).not.toContain(hidden);
  });

  it("reads a stream as well as a string", async () => {
    const bytes = new TextEncoder().encode(`<article>${para(1)}${para(2)}</article>`);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 40));
        controller.enqueue(bytes.slice(40));
        controller.close();
      },
    });
    const { text } = await extractArticle(stream, url);
    expect(text).toContain("Paragraph 1 of the post");
  });

  it("returns empty text and title for an empty page", async () => {
    expect(await extractArticle("", url)).toEqual({
      title: "",
      text: "",
      canonicalUrl: null,
      source: "body",
    });
  });

  it("strips the site's name from <title> using og:site_name", async () => {
    const html = `<head><title>Tide pools &#8211; Shore Notes</title><meta property="og:site_name" content="Shore Notes"></head><body>${para(1)}`;
    expect((await extractArticle(html, url)).title).toBe("Tide pools");
  });

  it("strips a short site name after a separator from <title>", async () => {
    const html = `<title>How the tides turn near the harbour | Shore Notes</title>${para(1)}`;
    expect((await extractArticle(html, url)).title).toBe("How the tides turn near the harbour");
  });

  it("prefers the article's own <h1> to the site's", async () => {
    const html = `<header><h1>Shore Notes</h1></header><article><h1>Tide pools</h1>${para(1)}${para(2)}</article>`;
    expect((await extractArticle(html, url)).title).toBe("Tide pools");
  });

  it("resolves a relative canonical URL and drops its fragment", async () => {
    const html = `<link rel="canonical" href="/posts/tide-pools/#top">${para(1)}`;
    const { canonicalUrl } = await extractArticle(html, url);
    expect(canonicalUrl).toBe("https://blog.example/posts/tide-pools/");
  });

  it("ignores a canonical URL on another scheme of the same host", async () => {
    const html = `<link rel="canonical" href="http://blog.example/post">${para(1)}`;
    expect((await extractArticle(html, url)).canonicalUrl).toBeNull();
  });
});
