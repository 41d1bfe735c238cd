/**
 * The two URL forms site mode keys on. A site's origin is scheme, host and port as the WHATWG URL
 * parser writes them (`HTTPS://Blog.Example:443/` → `https://blog.example`); a post's URL is its
 * address without query or fragment, so `?utm_source=…` and `#comments` views of one post share
 * one quiz (the widget sends the page's same-origin `<link rel="canonical">`, else `location`
 * without query and hash: the same form).
 */
import { ApiError } from "../errors.ts";

/** The normalised origin, or null when `value` is not an http(s) origin (a path, query or fragment). */
export function normaliseOrigin(value: string): string | null {
  const url = URL.parse(value.trim());
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) return null;
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.pathname !== "/" || /[?#]$/.test(value.trim())) return null;
  return url.origin;
}

/**
 * The post's canonical URL on the site's origin: 400 `invalid_url` when it does not parse, 403
 * `origin_not_allowed` when it is on another origin. Nothing is fetched or stored before this.
 */
export function canonicalPageUrl(pageUrl: string, siteOrigin: string): string {
  const url = URL.parse(pageUrl);
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:"))
    throw new ApiError(400, "invalid_url", "The page URL is not a valid http(s) URL.");
  if (url.origin !== siteOrigin)
    throw new ApiError(
      403,
      "origin_not_allowed",
      `The page is not on the site's registered origin (${siteOrigin}).`,
    );
  url.search = "";
  url.hash = "";
  return url.href;
}
