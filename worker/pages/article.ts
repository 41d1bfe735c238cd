/**
 * Renders a plain-text article as readable HTML with the generator's own reader: headings and
 * paragraphs as they stand, site boilerplate (log-in prompts, ratings, blog links) left out.
 */
import { html } from "hono/html";
import { readArticle } from "../../questions/text.ts";

export function articleBody(text: string, title: string) {
  const blocks = readArticle(text).blocks.filter((block) => block.kind !== "boilerplate");
  // The first heading is the article's own title when it matches the quiz title.
  const body =
    blocks[0]?.kind === "heading" && blocks[0].text.trim() === title ? blocks.slice(1) : blocks;
  return body.map((block) =>
    block.kind === "heading" ? html`<h2>${block.text}</h2>` : html`<p>${block.text}</p>`,
  );
}
