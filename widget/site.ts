/**
 * Site mode (`<recall-quiz site="SITE_ID">`): the page names no quiz; the worker finds or makes
 * the quiz of the page it is on, keyed by the page's canonical URL — its
 * `<link rel="canonical">` when that is on this page's origin, else this page's address — both
 * without query and fragment, the form the worker keys on (views with `?utm_source=…` or
 * `#comments` share one quiz).
 */

export function canonicalUrl(): string {
  let page: URL | Location = location;
  try {
    const link = document.querySelector<HTMLLinkElement>("link[rel~=canonical][href]");
    const url = new URL(link?.href ?? "");
    if (url.origin === location.origin) page = url;
  } catch {
    // No canonical link, or an unparseable one: this page's address.
  }
  return page.origin + page.pathname;
}

/** The API path (under /api/) of the site's quiz for this page. */
export const siteQuizPath = (siteId: string) =>
  `sites/${encodeURIComponent(siteId)}/quiz?url=${encodeURIComponent(canonicalUrl())}`;
