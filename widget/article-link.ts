/**
 * "Show in article": a URL text fragment (#:~:text=…) to the source sentence, on this page when
 * the page holds it (outside the widget), else on the quiz's source URL; none without either.
 */

/** A URL without its #fragment. */
export const unhashed = (url: string) => url.replace(/#.*/s, "");
const norm = (s: string) => s.replace(/\s+/g, " ").trim();
/** Text-fragment encoding: encodeURIComponent leaves "-", which the syntax reserves. */
const enc = (s: string) => encodeURIComponent(s).replace(/-/g, "%2D");

/** The page's text, read once, to tell whether the article is on this page. */
let page: string | undefined;

export function articleLink(sentence: string, sourceUrl: string | null): string | undefined {
  const text = norm(sentence);
  if (!text) return;
  const words = text.split(" ");
  const frag = `#:~:text=${
    words.length > 10
      ? `${enc(words.slice(0, 5).join(" "))},${enc(words.slice(-5).join(" "))}`
      : enc(text)
  }`;
  // innerText, not textContent: text fragments match rendered text, not scripts or hidden text.
  // biome-ignore lint/performance/useDomNodeTextContent: see above.
  page ??= norm(document.body?.innerText ?? "");
  if (page.includes(text)) return unhashed(location.href) + frag;
  return sourceUrl ? unhashed(sourceUrl) + frag : undefined;
}
