/**
 * A post's title from what worker/sites/extract-article.ts saw in the page: `og:title`, else the
 * article's first `<h1>`, else `<title>` without the site's name ("Tide pools – Shore Notes" →
 * "Tide pools"). The site's name is `og:site_name` when the page gives one; otherwise the part
 * that is also a line of the article is the post's title, or else a short last part after a
 * separator is taken for the site's name.
 */
import { decodeEntities } from "./html-entities.ts";

export interface TitleSources {
  ogTitle: string | null;
  siteName: string | null;
  h1: string | null;
  title: string | null;
  /** The extracted article text: a part of `<title>` that heads one of its lines is the post's. */
  text: string;
}

const SEPARATORS = [" | ", " – ", " — ", " - ", " · ", " • ", " :: ", " » ", " / ", " ~ "];

export function cleanText(raw: string): string {
  return decodeEntities(raw).replace(/\s+/g, " ").trim();
}

export function chooseTitle(sources: TitleSources): string {
  const siteName = cleanText(sources.siteName ?? "");
  const og = cleanText(sources.ogTitle ?? "");
  if (og) return withoutSiteName(og, siteName, false);
  const h1 = cleanText(sources.h1 ?? "");
  if (h1) return h1;
  const title = cleanText(sources.title ?? "");
  return partInText(title, sources.text) ?? withoutSiteName(title, siteName, true);
}

/** "Village Trust :: How the bakery survived" → the part the article's text has a line for. */
function partInText(title: string, text: string): string | null {
  const lines = new Set(text.split("\n").slice(0, 20));
  for (const separator of SEPARATORS) {
    const parts = title.split(separator).map((part) => part.trim());
    if (parts.length < 2) continue;
    const found = parts.find((part) => lines.has(part));
    if (found) return found;
  }
  return null;
}

/**
 * "Post – Site" or "Site | Post" → "Post" when the site's name is known; when it is not (and
 * `guess`), a last part of at most four words after a separator is dropped if what stays is
 * longer.
 */
function withoutSiteName(title: string, siteName: string, guess: boolean): string {
  const site = siteName.toLowerCase();
  for (const separator of SEPARATORS) {
    if (site) {
      const lower = title.toLowerCase();
      if (lower.endsWith(`${separator}${site}`))
        return title.slice(0, title.length - separator.length - site.length).trim();
      if (lower.startsWith(`${site}${separator}`))
        return title.slice(site.length + separator.length).trim();
    }
  }
  if (!guess) return title;
  for (const separator of SEPARATORS) {
    const at = title.lastIndexOf(separator);
    if (at <= 0) continue;
    const rest = title.slice(0, at).trim();
    const last = title.slice(at + separator.length).trim();
    const words = (s: string) => s.split(" ").filter(Boolean).length;
    if (words(last) <= 4 && words(rest) > words(last)) return rest;
  }
  return title;
}
