/** Renders a plain-text article as readable HTML: a title, headings and paragraphs. */
import { html } from "hono/html";

/** A short line without closing punctuation reads as a heading. */
const isHeading = (line: string) => line.length <= 90 && !/[.!?:;,"”’)]$/.test(line);

export function articleBody(text: string, title: string) {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  // The first line is the article's own title when it matches the quiz title.
  const body = lines[0] === title ? lines.slice(1) : lines;
  return body.map((line) => (isHeading(line) ? html`<h2>${line}</h2>` : html`<p>${line}</p>`));
}
