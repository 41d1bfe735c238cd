/**
 * Embeds beyond the script tag (issue 4):
 * - `GET /embed/:slug` — a minimal page holding only the widget, for iframes. It posts its height
 *   to the parent window (`{ type: "recall:height", slug, height }`, and WordPress's own
 *   `{ message: "height", value, secret }` when WordPress put a `#?secret=` on the URL), so the
 *   frame can fit its content. Optional query: `lang` (en|ur|ru), `theme` (light|dark|auto),
 *   `group` (a class or cohort label), passed on to the widget. It advertises its oEmbed.
 * - `GET /oembed?url=…&format=json[&maxwidth=…&maxheight=…]` — an oEmbed 1.0 `rich` response for
 *   a link to this host's `/embed/:slug` or `/?quiz=:slug` (the demo page), so pasting the link
 *   into WordPress (or any oEmbed consumer) embeds the quiz. Its `html` is the iframe plus the
 *   resizer snippet below. Other URLs get 404, formats other than JSON 501 (as the spec says).
 */
import { Hono } from "hono";
import { html, raw } from "hono/html";
import * as v from "valibot";
import { requirePublishedQuiz } from "../db/quizzes.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { allowFraming } from "../security/headers.ts";
import { params, query, slugSchema, textField, urlField } from "../validation.ts";
import { seedQuizSlug } from "./demo.ts";

const langs = ["en", "ur", "ru"] as const;
const themes = ["light", "dark", "auto"] as const;

/** What the embed page accepts and passes on to <recall-quiz>; other parameters are ignored. */
const widgetOptions = {
  lang: v.optional(v.picklist(langs)),
  theme: v.optional(v.picklist(themes)),
  group: v.optional(textField(64)),
};
type WidgetOptions = v.InferOutput<v.ObjectSchema<typeof widgetOptions, undefined>>;

const embedParams = v.strictObject({ slug: slugSchema });
const embedQuery = v.object(widgetOptions);

const dimension = v.pipe(
  v.string(),
  v.regex(/^\d{1,5}$/, "must be a whole number of pixels"),
  v.transform(Number),
);
const oembedQuery = v.object({
  url: urlField,
  format: v.optional(v.string()),
  maxwidth: v.optional(dimension),
  maxheight: v.optional(dimension),
});

/** The frame's default size in CSS pixels; it grows or shrinks once the page posts its height. */
const frameWidth = 640;
const frameHeight = 360;

/**
 * Runs inside the embed page (allowed by the response's CSP nonce): reports the document's
 * height to the parent whenever it changes.
 * The height is not sensitive, so any parent may read it ("*"); parents must check the origin.
 */
const heightPoster = `(()=>{const s=(/[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash)||[])[1];let last=0;
new ResizeObserver(()=>{const h=Math.ceil(document.documentElement.getBoundingClientRect().height);
if(h===last||parent===window)return;last=h;
parent.postMessage({type:"recall:height",slug:document.querySelector("recall-quiz").getAttribute("quiz"),height:h},"*");
if(s)parent.postMessage({message:"height",value:h,secret:s},"*")}).observe(document.documentElement)})()`;

function escapeHtml(text: string): string {
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
 * What a publisher pastes to embed a quiz as an iframe: the frame, then a resizer that only
 * believes height messages from this origin and from that frame.
 */
export function iframeSnippet(
  origin: string,
  slug: string,
  title: string,
  options: WidgetOptions = {},
  size = { width: frameWidth, height: frameHeight },
): string {
  return `<iframe src="${escapeHtml(embedUrl(origin, slug, options))}" title="${escapeHtml(`Quiz: ${title}`)}" width="${size.width}" height="${size.height}" style="width:100%;max-width:100%;border:0" loading="lazy"></iframe>
<script>addEventListener("message",function(e){if(e.origin!==${JSON.stringify(origin)}||!e.data||e.data.type!=="recall:height")return;document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})})</script>`;
}

/** The quiz slug an oEmbed URL points at, if it is one of this host's quiz pages. */
function slugOfPage(url: URL, origin: string): string | undefined {
  if (url.origin !== origin) return undefined;
  const embed = /^\/embed\/([^/]+)\/?$/.exec(url.pathname);
  const slug = embed
    ? embed[1]
    : url.pathname === "/"
      ? (url.searchParams.get("quiz") ?? seedQuizSlug)
      : undefined;
  return slug !== undefined && v.is(slugSchema, slug) ? slug : undefined;
}

export const embed = new Hono<AppEnv>()
  .get("/embed/:slug", params(embedParams), query(embedQuery), async (c) => {
    const { slug } = c.req.valid("param");
    const { lang, theme, group } = c.req.valid("query");
    const quiz = await requirePublishedQuiz(c.var.db, slug);
    const origin = new URL(c.req.url).origin;
    const oembed = `${origin}/oembed?${new URLSearchParams({ url: embedUrl(origin, slug, { lang, theme }), format: "json" })}`;
    // The security middleware sets the CSP; this page may be framed wherever the quiz may be used.
    allowFraming(c, quiz.allowedOrigins);
    return c.html(html`<!doctype html>
<html lang="${lang ?? quiz.locale}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${quiz.title} · Recall quiz</title>
    <link rel="alternate" type="application/json+oembed" href="${oembed}" title="${quiz.title}" />
    <style>html,body{margin:0;background:transparent}body{padding:3px}</style>
    <script src="${origin}/widget.js" async></script>
  </head>
  <body>
    <recall-quiz quiz="${slug}"${lang ? html` lang="${lang}"` : ""}${theme ? html` theme="${theme}"` : ""}${group ? html` group="${group}"` : ""}></recall-quiz>
    <script nonce="${c.get("cspNonce")}">${raw(heightPoster)}</script>
  </body>
</html>`);
  })
  .get("/oembed", query(oembedQuery), async (c) => {
    const { url, format, maxwidth, maxheight } = c.req.valid("query");
    if (format !== undefined && format !== "json") {
      throw new ApiError(501, "format_not_supported", "Only format=json is supported.");
    }
    const origin = new URL(c.req.url).origin;
    const page = new URL(url);
    const slug = slugOfPage(page, origin);
    if (!slug) {
      throw new ApiError(
        404,
        "not_found",
        `${url} is not a quiz page of ${origin} (expected ${origin}/embed/<quiz>).`,
      );
    }
    const quiz = await requirePublishedQuiz(c.var.db, slug);
    // Widget options on the pasted link carry over to the frame; invalid ones are dropped.
    const options: WidgetOptions = {};
    for (const key of ["lang", "theme", "group"] as const) {
      const value = page.searchParams.get(key);
      if (value !== null && v.is(widgetOptions[key], value))
        Object.assign(options, { [key]: value });
    }
    const width = Math.min(frameWidth, maxwidth ?? frameWidth);
    const height = Math.min(frameHeight, maxheight ?? frameHeight);
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Cache-Control", "public, max-age=3600");
    return c.json({
      type: "rich",
      version: "1.0",
      title: quiz.title,
      provider_name: "Recall",
      provider_url: `${origin}/`,
      cache_age: 3600,
      width,
      height,
      html: iframeSnippet(origin, slug, quiz.title, options, { width, height }),
    });
  });
