/**
 * The shell of the educator console: a header with navigation and sign-out, wider content than
 * the article pages, and styles for forms and tables. Pages work without client-side JavaScript;
 * every piece of text is escaped by hono/html.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { chartStyle } from "./charts.ts";
import { page } from "./layout.ts";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface EducatorPageOptions {
  title: string;
  /** Signed in: shows the navigation and the sign-out button (a site key: a link to its site). */
  signedIn?: { admin: boolean; siteId?: string | undefined } | undefined;
  notice?: string | undefined;
  error?: string | undefined;
  body: Html;
}

const style = `
  main.console { max-width: 68rem; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
  header.console { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap;
    max-width: 68rem; margin: 0 auto; padding: .75rem 1.25rem;
    border-bottom: 1px solid color-mix(in srgb, var(--ink) 15%, transparent);
    font: 1rem system-ui, sans-serif; }
  header.console .brand { font-weight: 700; margin-right: auto; }
  header.console form { margin: 0; }
  main.console h1 { font-size: 1.7rem; }
  label { display: block; margin: .75rem 0 .25rem; font-weight: 600; }
  input[type=text], input[type=url], input[type=password], input[type=number], textarea, select {
    width: 100%; box-sizing: border-box; font: inherit; padding: .45rem .55rem;
    border: 1px solid color-mix(in srgb, var(--ink) 35%, transparent); border-radius: 6px;
    background: var(--paper); color: var(--ink); }
  textarea { min-height: 4.5rem; }
  textarea.article { min-height: 16rem; }
  textarea.snippet { min-height: 4rem; font: .9rem ui-monospace, monospace; }
  button, .button { font: inherit; padding: .45rem .9rem; border-radius: 6px; cursor: pointer;
    border: 1px solid #2f5597; background: #2f5597; color: #fff; text-decoration: none; display: inline-block; }
  button.secondary, .button.secondary { background: transparent; color: var(--ink);
    border-color: color-mix(in srgb, var(--ink) 40%, transparent); }
  button.danger { background: #a32121; border-color: #a32121; }
  :focus-visible { outline: 3px solid #e0a100; outline-offset: 2px; }
  .notice, .error { padding: .6rem .9rem; border-radius: 6px; margin: 1rem 0; }
  .notice { background: color-mix(in srgb, #2f7d4f 15%, var(--paper)); }
  .error { background: color-mix(in srgb, #a32121 15%, var(--paper)); }
  .hint { color: var(--muted); font-size: .9rem; margin: .2rem 0; }
  .url { overflow-wrap: anywhere; }
  table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: .95rem; }
  th, td { text-align: left; padding: .35rem .5rem; vertical-align: top;
    border-bottom: 1px solid color-mix(in srgb, var(--ink) 15%, transparent); }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .actions { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; margin: .75rem 0; }
  .actions form { margin: 0; }
  section.question { border: 1px solid color-mix(in srgb, var(--ink) 18%, transparent);
    border-radius: 8px; padding: .5rem 1rem 1rem; margin: 1.25rem 0; }
  fieldset { border: 0; padding: 0; margin: .75rem 0; }
  legend { font-weight: 600; }
  .choice { display: grid; grid-template-columns: auto 5.5rem 1fr; gap: .5rem; align-items: center; margin: .3rem 0; }
  .choice label { margin: 0; font-weight: 400; }
  blockquote { margin: .5rem 0; padding-left: .75rem; color: var(--muted);
    border-left: 3px solid color-mix(in srgb, var(--ink) 25%, transparent); }
  .flags { margin: .5rem 0; padding-left: 1.2rem; }
  .flags li { color: #8a4b00; }
  @media (prefers-color-scheme: dark) { .flags li { color: #f0b660; } }
  dl.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: .75rem; }
  dl.summary div { border: 1px solid color-mix(in srgb, var(--ink) 15%, transparent); border-radius: 8px; padding: .5rem .75rem; }
  dl.summary dt { font-size: .85rem; color: var(--muted); }
  dl.summary dd { margin: 0; font-size: 1.4rem; font-weight: 700; }
  .filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: end; }
  .filters label { margin: 0; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  ${chartStyle}
`;

export function educatorPage({ title, signedIn, notice, error, body }: EducatorPageOptions) {
  return page({
    title: `${title} · Recall educator`,
    // Forms post with a real Origin header even though responses say `Referrer-Policy: no-referrer`.
    head: html`<meta name="referrer" content="same-origin" /><meta name="robots" content="noindex" /><style>${style}</style>`,
    body: html`<header class="console">
        <span class="brand">Recall · educator</span>
        ${
          signedIn
            ? html`<nav aria-label="Educator"><a href="/educator/quizzes">Quizzes</a>${
                signedIn.admin
                  ? html` · <a href="/educator/sites">Sites</a> · <a href="/educator/new">New quiz</a>`
                  : signedIn.siteId
                    ? html` · <a href="/educator/sites/${signedIn.siteId}">Site</a>`
                    : ""
              }</nav>
              <form method="post" action="/educator/sign-out"><button class="secondary" type="submit">Sign out</button></form>`
            : ""
        }
      </header>
      <main class="console">
        ${notice ? html`<p class="notice" role="status">${notice}</p>` : ""}
        ${error ? html`<p class="error" role="alert">${error}</p>` : ""}
        ${body}
      </main>`,
  });
}
