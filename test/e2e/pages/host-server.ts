/**
 * A publisher's site for the widget's browser tests: a tiny HTTP server on another loopback port
 * (so another origin than the worker) serving host pages that embed the quiz the way bloggers
 * do — the script tag, the iframe snippet, or a page with hostile global CSS.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface HostSite {
  origin: string;
  stop(): Promise<void>;
}

/** Pages by path; each gets the worker's origin and the request's query string. */
export type HostPages = Record<string, (api: string, query: URLSearchParams) => string>;

export async function startHostSite(api: string, pages: HostPages): Promise<HostSite> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://host.invalid");
    const render = pages[url.pathname];
    if (!render) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
      .end(render(api, url.searchParams));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** Attributes for <recall-quiz> from the page's query string (quiz, lang, theme, group). */
function quizAttributes(query: URLSearchParams): string {
  return ["quiz", "lang", "theme", "group", "api"]
    .filter((name) => query.has(name))
    .map((name) => ` ${name}="${esc(query.get(name) ?? "")}"`)
    .join("");
}

/** A plain blog post: some text that is not the article, then the blogger's snippet. */
export function plainPage(api: string, query: URLSearchParams): string {
  const htmlLang = query.get("htmlLang") ?? "en";
  return `<!doctype html>
<html lang="${esc(htmlLang)}">
<head><meta charset="utf-8"><title>A blog post</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem}</style></head>
<body>
<h1>A blog post</h1>
<p>Some words that are not the article.</p>
<script src="${api}/widget.js" async></script>
<recall-quiz${quizAttributes(query)}></recall-quiz>
<p>After the quiz.</p>
</body></html>`;
}

/**
 * Global CSS that breaks careless widgets: resets everything, hides common elements, restyles
 * buttons and inputs, huge fonts, odd text settings, and the widget's own internal names.
 * Host elements reuse the widget's class names to prove its styles stay inside.
 */
export function hostilePage(api: string, query: URLSearchParams): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Hostile host</title>
<style>
* { all: unset; }
html, body { display: block; }
head, style, script { display: none; }
:root { --a: red; --bg: black; --fg: lime; --sp: 0; }
body { font: italic 32px/0.6 "Comic Sans MS", cursive; color: magenta; text-shadow: 3px 3px red;
  letter-spacing: 6px; word-spacing: 30px; text-transform: uppercase; text-align: right;
  white-space: nowrap; text-indent: 5em; visibility: hidden; cursor: wait; }
div, section, p, form, fieldset, legend, label, h1, h2, ol, li, blockquote, span
  { display: none !important; }
button, input { display: none !important; background: hotpink !important; color: yellow !important;
  border: 10px dashed lime !important; font-size: 8px !important; }
recall-quiz { display: none !important; font-size: 30px; }
.b, .r, .sr, .mu, .top, .bar { position: fixed; top: 0; left: 0; }
</style></head>
<body>
<main id="host"><button id="host-button" class="b">A host button</button><span id="host-sr" class="sr">host text</span></main>
<script src="${api}/widget.js" async></script>
<recall-quiz${quizAttributes(query)}></recall-quiz>
</body></html>`;
}

/** A normal page with elements named like the widget's internals, to see that nothing leaks out. */
export function neighbourPage(api: string, query: URLSearchParams): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Neighbours</title></head>
<body>
<p class="mu" id="n-mu">muted?</p>
<button class="b" id="n-button">Host button</button>
<label id="n-label"><input type="radio" name="x"> host radio</label>
<h2 id="n-h2">Host heading</h2>
${query.has("noscript") ? "" : `<script src="${api}/widget.js" async></script>`}
<recall-quiz${quizAttributes(query)}></recall-quiz>
</body></html>`;
}

/** A page embedding the quiz as an iframe through the oEmbed response's HTML (`html` query). */
export function iframePage(_api: string, query: URLSearchParams): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Iframe host</title></head>
<body>
<h1>Iframe host</h1>
<div id="embed">${query.get("html") ?? ""}</div>
<script>
window.heightMessages = [];
addEventListener("message", (e) => window.heightMessages.push({ origin: e.origin, data: e.data }));
</script>
</body></html>`;
}
