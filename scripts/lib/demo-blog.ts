/**
 * The demo blog of site mode (demo/blog/): three posts in the HTML shapes of three blog engines,
 * each with the one-tag snippet in its template. `npm start` serves it on 127.0.0.1:8788 and
 * registers it as a site; the site-mode tests serve the same posts. Placeholders in the files:
 * `{{RECALL_ORIGIN}}` (where widget.js comes from), `{{SITE_ID}}`, `{{BLOG_ORIGIN}}`.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { root } from "./wrangler.ts";

const blogDir = path.join(root, "demo", "blog");

/** The posts by path, in the order the blog's home page lists them. */
export const demoPosts = [
  { path: "/eddystone-lighthouse/", file: "eddystone-lighthouse.html", shape: "WordPress" },
  { path: "/penny-black/", file: "penny-black.html", shape: "Ghost" },
  { path: "/thames-tunnel/", file: "thames-tunnel.html", shape: "plain divs" },
] as const;

export interface DemoBlogValues {
  recallOrigin: string;
  siteId: string;
  blogOrigin: string;
}

/** A file of demo/blog with its placeholders filled in. */
export function renderDemoFile(file: string, values: DemoBlogValues): string {
  return readFileSync(path.join(blogDir, file), "utf8")
    .replaceAll("{{RECALL_ORIGIN}}", values.recallOrigin)
    .replaceAll("{{SITE_ID}}", values.siteId)
    .replaceAll("{{BLOG_ORIGIN}}", values.blogOrigin);
}

/** The file a request path shows: a post, the home page or the stylesheet; null for anything else. */
export function demoFileFor(pathname: string): { file: string; type: string } | null {
  if (pathname === "/") return { file: "index.html", type: "text/html; charset=utf-8" };
  if (pathname === "/style.css") return { file: "style.css", type: "text/css; charset=utf-8" };
  const post = demoPosts.find((p) => p.path === pathname || p.path === `${pathname}/`);
  return post ? { file: post.file, type: "text/html; charset=utf-8" } : null;
}

export interface DemoBlog {
  origin: string;
  /** The site id the snippets name; set once the blog is registered (the origin is needed first). */
  setSiteId(siteId: string): void;
  stop(): Promise<void>;
}

export async function startDemoBlog(options: {
  port: number;
  recallOrigin: string;
}): Promise<DemoBlog> {
  let siteId = "";
  let origin = "";
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://blog.invalid");
    const found = demoFileFor(pathname);
    if (!found) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("No such post.");
      return;
    }
    if (found.type.startsWith("text/html") && pathname !== "/" && !pathname.endsWith("/")) {
      res.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const body = renderDemoFile(found.file, {
      recallOrigin: options.recallOrigin,
      siteId,
      blogOrigin: origin,
    });
    res.writeHead(200, { "content-type": found.type, "cache-control": "no-store" }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    setSiteId: (id) => {
      siteId = id;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
