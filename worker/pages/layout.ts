/** The HTML shell shared by the worker's pages: escaped by construction (hono/html), no inline script. */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageOptions {
  title: string;
  lang?: string;
  head?: Html;
  body: Html;
}

const baseStyle = `
  :root { color-scheme: light dark; --ink: #1d2330; --paper: #fdfcf9; --muted: #5b6270; }
  @media (prefers-color-scheme: dark) { :root { --ink: #e9e7e1; --paper: #16181d; --muted: #a7adb8; } }
  body { margin: 0; background: var(--paper); color: var(--ink);
    font: 1.125rem/1.65 Georgia, "Iowan Old Style", "Times New Roman", serif; }
  main { max-width: 42rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
  h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
  h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
  .byline, footer { color: var(--muted); font-size: .95rem; }
  hr { border: 0; border-top: 1px solid color-mix(in srgb, var(--ink) 20%, transparent); margin: 2.5rem 0; }
`;

export function page({ title, lang = "en", head, body }: PageOptions) {
  return html`<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <style>${baseStyle}</style>
    ${head ?? ""}
  </head>
  <body>
    ${body}
  </body>
</html>`;
}
