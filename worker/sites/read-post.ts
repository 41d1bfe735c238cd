/**
 * A post as site mode and `POST /api/quizzes { url }` use it: fetched by the worker itself
 * (worker/sites/fetch-page.ts: only the given origin, ≤ 2 MB, ≤ 5 s, HTML only, no credentials)
 * and reduced to its article's title and text (worker/sites/extract-article.ts). Outcomes are
 * values so the caller can remember a failure before throwing it.
 */
import type { Bindings } from "../env.ts";
import { extractArticle } from "./extract-article.ts";
import { type FetchPageError, type FetchPageOptions, fetchPage } from "./fetch-page.ts";

export interface Post {
  /** The URL asked for (the page may have been found after redirects within its origin). */
  url: string;
  title: string;
  /** The article's plain text, a blank line between paragraphs. */
  text: string;
}

export type ReadPostOutcome = { ok: true; post: Post } | { ok: false; error: FetchPageError };

/**
 * A local run (`npm start`, the tests) may fetch `http://127.0.0.1:PORT`; production never.
 * (`wrangler types` types the var as its wrangler.toml value, "false"; runs override it.)
 */
export const isLocalRun = (env: Bindings): boolean => (env.LOCAL_RUN as string) === "true";

export const fetchOptions = (env: Bindings): FetchPageOptions => ({
  allowLocalHttp: isLocalRun(env),
});

/** "blog.example/notes/tide-pools" for a post whose page names no title at all. */
function titleFromUrl(url: string): string {
  const { host, pathname } = new URL(url);
  return `${host}${pathname.replace(/\/+$/, "")}`.slice(0, 200);
}

export async function readPost(
  url: string,
  origin: string,
  options: FetchPageOptions,
): Promise<ReadPostOutcome> {
  const page = await fetchPage(url, origin, options);
  if (!page.ok) return page;
  const article = await extractArticle(page.html, page.url);
  const title = article.title.slice(0, 200).trim() || titleFromUrl(url);
  return { ok: true, post: { url, title, text: article.text } };
}
