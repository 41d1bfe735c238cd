/**
 * Embeds beyond the script tag (issues 4 and 17):
 * - `GET /embed/:slug` — a minimal page holding only the widget, for iframes. It posts its size
 *   to the parent window in Recall's and WordPress's dialects (worker/embed/frame-scripts.ts), so
 *   the frame can fit its content. Optional query: `lang` (en|ur|ru), `theme` (light|dark|auto),
 *   `group` (a class or cohort label), passed on to the widget. It advertises its oEmbed, so the
 *   link to paste into WordPress (or any oEmbed consumer) is this page's URL.
 * - `GET /oembed?url=…&format=json[&maxwidth=…&maxheight=…]` — an oEmbed 1.0 `rich` response for
 *   a link to this host's `/embed/:slug` (or `/?quiz=:slug`, the demo page, which has no
 *   discovery link of its own: consumers that know the endpoint can still use it). Its `html` is
 *   the fallback link, the frame and its resizer (worker/embed/snippets.ts). Other URLs get 404,
 *   formats other than JSON 501 (as the spec says).
 */
import { Hono } from "hono";
import { html, raw } from "hono/html";
import * as v from "valibot";
import { requirePublishedQuiz } from "../db/quizzes.ts";
import { heightPoster, sandboxGate, sandboxNote } from "../embed/frame-scripts.ts";
import {
  embedUrl,
  frameHeight,
  frameWidth,
  oembedHtml,
  type WidgetOptions,
  widgetOptions,
} from "../embed/snippets.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { allowFraming } from "../security/headers.ts";
import { params, query, slugSchema, urlField } from "../validation.ts";
import { seedQuizSlug } from "./demo.ts";

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
    const widget = html`<recall-quiz quiz="${slug}"${lang ? html` lang="${lang}"` : ""}${theme ? html` theme="${theme}"` : ""}${group ? html` group="${group}"` : ""}></recall-quiz>`;
    const nonce = c.get("cspNonce");
    // A quiz limited to some sites cannot run in a sandboxed frame (frame-scripts.ts says why).
    const limited = quiz.allowedOrigins.length > 0;
    const note = sandboxNote[lang ?? quiz.locale] ?? sandboxNote.en;
    return c.html(html`<!doctype html>
<html lang="${lang ?? quiz.locale}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${quiz.title} · Recall quiz</title>
    <link rel="alternate" type="application/json+oembed" href="${oembed}" title="${quiz.title}" />
    <style>html,body{margin:0;background:transparent}body{padding:3px}.recall-note{margin:0;padding:.75em 1em;font:15px/1.5 system-ui,sans-serif;color:#444;border:1px solid #ccc;border-radius:6px}</style>
    <script src="${origin}/widget.js" async></script>
  </head>
  <body data-recall-slug="${slug}">
    ${limited ? html`<template id="recall-widget" data-sandbox-note="${note}">${widget}</template><script nonce="${nonce}">${raw(sandboxGate)}</script>` : widget}
    <script nonce="${nonce}">${raw(heightPoster)}</script>
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
    // Cached by consumers for an hour (WordPress keeps it in post meta): a new quiz title or
    // snippet reaches old posts after that.
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
      html: oembedHtml(origin, slug, quiz.title, options, width),
    });
  });
