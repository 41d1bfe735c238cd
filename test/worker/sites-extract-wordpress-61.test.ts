// Article extraction (worker/sites/extract-article.ts) on one real page rendered by WordPress 6.1
// with its default theme (Twenty Twenty-Three). The page lives outside the repository
// (`../shared/fixtures/`, passed in by vitest.config.ts as TEST_WORDPRESS_61_PAGE), so a clone
// without it skips these tests and says why.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { generateBank } from "../../questions/generate.ts";
import { extractArticle } from "../../worker/sites/extract-article.ts";

const page = env.TEST_WORDPRESS_61_PAGE;
const url = "http://127.0.0.1:8080/index.php/2026/12/03/b-custom-html-block-with-the-script-tag/";
if (!page)
  console.warn(
    "Skipping the WordPress 6.1 page tests: ../shared/fixtures/wordpress-6.1-twentytwentythree-post.html is not next to this clone.",
  );

describe.skipIf(!page)("a real WordPress 6.1 (Twenty Twenty-Three) post", () => {
  const extract = () => extractArticle(page, url);

  it("takes the post content block", async () => {
    expect((await extract()).source).toBe("post-body");
  });

  it("keeps the article's sentences, from the first to the last", async () => {
    const { text } = await extract();
    for (const sentence of [
      "On September 21, Russia’s Foreign Minister Sergey Lavrov had a meeting with Jalil Abbas Jilani, Foreign Minister of Pakistan, on the sidelines of the 78th session of the UN General Assembly.",
      "Diplomatic relations between Pakistan and Russia were officially established on 1 May 1948, marking the beginning of a long and fruitful partnership.",
      "Approximately 1,200 Pakistani nationals reside in Russia, comprising students, businessmen, professionals, and blue-collar workers.",
      "People-to-people contacts may facilitate an understanding of each other, leading to a promotion of collaboration in trade, industry, and economy.",
    ])
      expect(text).toContain(sentence);
  });

  it("leaves out the header, nav, post meta, comment form, footer and scripts", async () => {
    const { text } = await extract();
    for (const chrome of [
      "Test Blog",
      "Sample Page",
      "Open menu",
      "Uncategorized",
      "Posted",
      "Comments",
      "Leave a Reply",
      "Your email address will not be published",
      "Save my name, email, and website",
      "Proudly powered by",
      "_wpemojiSettings",
      "wp-block-navigation",
    ])
      expect(text).not.toContain(chrome);
  });

  it("keeps paragraphs a blank line apart and headings on their own lines", async () => {
    const { text } = await extract();
    expect(text).toContain(
      "regional and international issues.\n\nDiplomatic relations between Pakistan and Russia",
    );
    expect(text).toContain(
      "brighter future.\n\nHistorical Bilateral Cooperation\n\nThe foundation",
    );
  });

  it("decodes the page's entities", async () => {
    const { text } = await extract();
    expect(text).toContain("Blog: Zamir Ahmed Awan's Blog");
    expect(text).not.toMatch(/&#?\w+;/);
  });

  it("takes the title from the post's <h1>", async () => {
    expect((await extract()).title).toBe("B: Custom HTML block with the script tag");
  });

  it("returns the canonical URL", async () => {
    expect((await extract()).canonicalUrl).toBe(url);
  });

  it("gives text the question generator turns into questions about the article", async () => {
    const { text, title } = await extract();
    const bank = generateBank(text, { title });
    expect(bank.questions.length).toBeGreaterThan(0);
    for (const question of bank.questions) expect(text).toContain(question.source.text);
  });
});
