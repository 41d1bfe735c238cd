/**
 * The HTML a publisher (or an oEmbed consumer) puts on a page to show a quiz in an iframe, and the
 * URL of that frame. Written to survive what blog engines do to it (issue 17):
 * - No `height` attribute on the frame: with both width and height, WordPress's block editor
 *   gives the embed a fixed aspect ratio (`wp-has-aspect-ratio`, height forced to 100% of a
 *   16:9 box) and Twenty Twenty-One's responsive-embeds script caps `max-height` at
 *   width × height/width. The frame's first height is inline instead, and the resizer sets it
 *   with `!important` and clears `max-height` on every message.
 * - A wrapper `<div>` takes the theme's column rules (Twenty Twenty-Three's constrained layout
 *   sets `max-width` on the direct children of the post content); the frame fills the wrapper.
 * - The oEmbed `html` is what survives `wp_filter_oembed_result()` for an untrusted provider: a
 *   `<blockquote class="wp-embedded-content">` fallback link, then a plain `<iframe>` (src,
 *   title, width, frameborder, margins: attributes its kses list keeps). WordPress strips the
 *   rest, adds `#?secret=…`, `sandbox="allow-scripts"` and its own class, and loads `wp-embed.js`
 *   because of the blockquote; the embed page then speaks WordPress's height protocol. Other
 *   consumers (and WordPress with the Recall plugin, which trusts the provider) keep the whole
 *   `html`, whose script shows the frame and sizes it.
 */
import * as v from "valibot";
import { textField } from "../validation.ts";

/** The script tag and one `<recall-quiz>` with the given attribute: what a publisher pastes. */
function scriptSnippet(origin: string, attribute: string): string {
  return `<script src="${origin}/widget.js" async></script>\n<recall-quiz ${attribute}></recall-quiz>`;
}

/** One quiz in one post. */
export const embedSnippet = (origin: string, slug: string) =>
  scriptSnippet(origin, `quiz="${slug}"`);

/** What a publisher pastes once into the post template: every post gets its own quiz. */
export const siteSnippet = (origin: string, siteId: string) =>
  scriptSnippet(origin, `site="${siteId}"`);

export const langs = ["en", "ur", "ru"] as const;
export const themes = ["light", "dark", "auto"] as const;

/** What the embed page accepts and passes on to <recall-quiz>; other parameters are ignored. */
export const widgetOptions = {
  lang: v.optional(v.picklist(langs)),
  theme: v.optional(v.picklist(themes)),
  group: v.optional(textField(64)),
};
export type WidgetOptions = v.InferOutput<v.ObjectSchema<typeof widgetOptions, undefined>>;

/** The frame's default size in CSS pixels; it grows or shrinks once the page posts its height. */
export const frameWidth = 640;
export const frameHeight = 360;

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );
}

/** The iframe URL for a quiz with the given widget options. */
export function embedUrl(origin: string, slug: string, options: WidgetOptions = {}): string {
  const url = new URL(`/embed/${slug}`, origin);
  for (const [key, value] of Object.entries(options)) if (value) url.searchParams.set(key, value);
  return url.href;
}

/**
 * Believes `recall:height` messages only from `origin` and only for the frame that sent them:
 * shows the frame (the oEmbed html starts it clipped, behind its fallback link), hides that link,
 * and sets the height past any theme rule. It first asks each of the origin's frames for its
 * size (`{ message: "ready" }`, on load too): Chromium does not render a clipped cross-origin
 * frame, so that frame would never notice its own size and say it.
 */
function resizerScript(origin: string): string {
  return `<script>(function(o){function ask(f){f.contentWindow&&f.contentWindow.postMessage({message:"ready"},"*")}document.querySelectorAll("iframe").forEach(function(f){if(f.src.indexOf(o+"/embed/")!==0)return;ask(f);f.addEventListener("load",function(){ask(f)})});addEventListener("message",function(e){var d=e.data;if(e.origin!==o||!d||d.type!=="recall:height")return;document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow!==e.source)return;var s=f.style,b=f.previousElementSibling;s.position="";s.clip="";s.maxWidth="100%";s.setProperty("height",d.height+"px","important");s.setProperty("max-height","none","important");if(b&&b.tagName==="BLOCKQUOTE")b.style.display="none"})})})(${JSON.stringify(origin)})</script>`;
}

const frameStyle = "display:block;width:100%;border:0";

/**
 * What a publisher pastes to embed a quiz as an iframe: the wrapped frame, then the resizer.
 */
export function iframeSnippet(
  origin: string,
  slug: string,
  title: string,
  options: WidgetOptions = {},
  height = frameHeight,
): string {
  return `<div class="recall-embed"><iframe src="${escapeHtml(embedUrl(origin, slug, options))}" title="${escapeHtml(`Quiz: ${title}`)}" style="${frameStyle};height:${height}px" loading="lazy"></iframe></div>
${resizerScript(origin)}`;
}

/** The oEmbed response's `html`: fallback link, clipped frame, resizer (see the header). */
export function oembedHtml(
  origin: string,
  slug: string,
  title: string,
  options: WidgetOptions = {},
  width = frameWidth,
): string {
  const src = escapeHtml(embedUrl(origin, slug, options));
  const label = escapeHtml(`Quiz: ${title}`);
  return `<div class="recall-embed"><blockquote class="wp-embedded-content"><a href="${src}">${label}</a></blockquote><iframe src="${src}" title="${label}" width="${width}" frameborder="0" marginwidth="0" marginheight="0" style="position:absolute;clip:rect(1px,1px,1px,1px)"></iframe></div>
${resizerScript(origin)}`;
}
