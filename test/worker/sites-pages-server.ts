/**
 * A publisher's site for the page fetcher's tests (worker/sites/fetch-page.ts): a real HTTP
 * server on 127.0.0.1, started in Node as the worker project's globalSetup, whose port the tests
 * in workerd read with `inject("sitesPagesPort")`. Each route is one thing a blog can do to a
 * fetcher: answer, redirect within or off its origin, send JSON, send 3 MB, never answer.
 * `/__hits?path=…` says how often a path was requested, so tests can prove a refused URL was
 * never connected to. For site mode (test/worker/sites-*.test.ts): a post long enough to quiz
 * (`/story`, `/story/<anything>`), the demo blog's posts (`/demo/<post>/`, demo/blog/), and posts
 * whose text a test changes (`/versioned/<key>`, set with `/__version?key=…&n=…`). Node code:
 * type-checked through vitest.config.ts (tsconfig.node.json).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { demoFileFor, renderDemoFile } from "../../scripts/lib/demo-blog.ts";
import { harbourBridge } from "../fixtures/articles.ts";

declare module "vitest" {
  interface ProvidedContext {
    /** Port of this server on 127.0.0.1. */
    sitesPagesPort: number;
  }
}

const post = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tide pools &#8211; Shore Notes</title></head>
<body><article><h1>Tide pools</h1><p>A tide pool holds sea water left behind by the falling tide.</p></article></body></html>`;

const [storyTitle = "", ...storyParagraphs] = harbourBridge.split("\n");

/** A blog post of the Harbour Bridge article (test/fixtures/articles.ts), with chrome around it. */
function storyPage(extra: string[] = []): string {
  const paragraphs = [...storyParagraphs, ...extra].map((p) => `<p>${p}</p>`).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${storyTitle} | Bridge Blog</title></head>
<body><nav><a href="/">Home</a> <a href="/about">About the 12 writers of this blog since 1999</a></nav>
<article><h1>${storyTitle}</h1>
${paragraphs}
</article>
<footer><p>Bridge Blog was founded in 1999 in Sydney by 12 engineers who met at university.</p></footer>
</body></html>`;
}

/** What version 2 of a versioned post adds. */
export const addedParagraph =
  "In 2032 the bridge will be 100 years old, and the city plans a festival of 10 days for the centenary.";

const MB = 1024 * 1024;

type Route = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void;

const html = (res: http.ServerResponse, body: string, headers: http.OutgoingHttpHeaders = {}) =>
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers }).end(body);

const redirect = (res: http.ServerResponse, location: string, headers = {}) =>
  res.writeHead(302, { location, ...headers }).end();

/** A 3 MB page in 64 KB chunks, without Content-Length (the reader must count). */
function streamLargePage(res: http.ServerResponse): void {
  res.writeHead(200, { "content-type": "text/html" });
  const chunk = `<p>${"Sand and shells. ".repeat(3850)}</p>\n`;
  let sent = 0;
  const pump = () => {
    while (sent < 3 * MB && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once("drain", pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

function routes(origin: () => string, versions: Map<string, number>): Record<string, Route> {
  return {
    "/story": (_req, res) => html(res, storyPage()),
    "/versioned": (_req, res, url) => {
      const version = versions.get(url.pathname.slice("/versioned/".length)) ?? 1;
      html(res, storyPage(version === 2 ? [addedParagraph] : []));
    },
    "/demo": (_req, res, url) => {
      const found = demoFileFor(url.pathname.slice("/demo".length));
      if (!found) return res.writeHead(404).end();
      const values = { recallOrigin: "http://recall.test", siteId: "test", blogOrigin: origin() };
      res.writeHead(200, { "content-type": found.type }).end(renderDemoFile(found.file, values));
    },
    "/post": (_req, res) => html(res, post),
    "/post-upper-case-type": (_req, res) =>
      res.writeHead(200, { "content-type": "Text/HTML" }).end(post),
    "/headers": (req, res) => html(res, `<!doctype html><pre>${JSON.stringify(req.headers)}</pre>`),
    "/redirect-within": (_req, res) =>
      redirect(res, "/post", { "set-cookie": "session=secret; Path=/" }),
    "/redirect-to-headers": (_req, res) =>
      redirect(res, "/headers", { "set-cookie": "session=secret; Path=/" }),
    "/redirect-absolute-within": (_req, res) => redirect(res, `${origin()}/post`),
    "/redirect-off-origin": (_req, res) =>
      redirect(res, `${origin().replace("127.0.0.1", "localhost")}/post`),
    "/redirect-loop": (_req, res) => redirect(res, "/redirect-loop"),
    "/redirect-no-location": (_req, res) => res.writeHead(302).end(),
    "/json": (_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"title":"not a page"}'),
    "/no-content-type": (_req, res) => res.writeHead(200).end(post),
    "/large": (_req, res) => streamLargePage(res),
    "/large-declared": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(3 * MB) });
      res.write("<p>The rest never comes.</p>");
    },
    "/just-under-limit": (_req, res) => html(res, `<p>${"x".repeat(2 * MB - 16)}</p>`),
    "/never": () => {
      // Never answers: no status line, no headers, the connection stays open.
    },
    "/stall-body": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<p>The first paragraph arrives, the rest never does.");
    },
    "/not-found": (_req, res) =>
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>"),
    "/server-error": (_req, res) =>
      res.writeHead(500, { "content-type": "text/html" }).end("<h1>Oops</h1>"),
    "/latin1": (_req, res) =>
      res
        .writeHead(200, { "content-type": "text/html; charset=windows-1252" })
        .end(Buffer.from("<p>Caf\xe9 cr\xe8me \x96 d\xe9j\xe0 vu</p>", "latin1")),
    "/meta-charset": (_req, res) =>
      res
        .writeHead(200, { "content-type": "text/html" })
        .end(
          Buffer.from(
            '<html><head><meta charset="iso-8859-1"></head><p>Gr\xfc\xdfe</p></html>',
            "latin1",
          ),
        ),
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const hits = new Map<string, number>();
  const versions = new Map<string, number>();
  let origin = "";
  const table = routes(() => origin, versions);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://pages.invalid");
    if (url.pathname === "/__hits") {
      const count = hits.get(url.searchParams.get("path") ?? "") ?? 0;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ count }));
      return;
    }
    if (url.pathname === "/__version") {
      versions.set(url.searchParams.get("key") ?? "", Number(url.searchParams.get("n")));
      res.writeHead(204).end();
      return;
    }
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    // A route answers for its own path and every path under it (`/story/a`, `/demo/penny-black/`).
    const prefix = Object.keys(table).find((p) => url.pathname.startsWith(`${p}/`));
    const route = table[url.pathname] ?? (prefix ? table[prefix] : undefined);
    if (route) route(req, res, url);
    else res.writeHead(404, { "content-type": "text/plain" }).end("no such page");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  project.provide("sitesPagesPort", port);
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}
