/**
 * Security headers on every response the worker makes, and a Content-Security-Policy on every
 * HTML page.
 *
 * For page authors (educator pages, the embed page, the demo):
 * - Inline scripts need this response's nonce: `<script nonce="${c.get("cspNonce")}">…</script>`.
 *   Scripts from this origin (`<script src="/widget.js">`) need nothing. No `eval`, no inline
 *   event handlers (`onclick="…"`): attach listeners from a script instead.
 * - Inline `<style>` and `style="…"` are allowed (the widget styles its shadow root that way).
 * - Nothing may frame a page (`frame-ancestors 'none'`) unless its handler says otherwise:
 *   `allowFraming(c, quiz.allowedOrigins)` lets those origins (or any, for an empty list) and this
 *   origin frame it. `/embed/:slug` pages that do not call it get their quiz's allowedOrigins
 *   looked up here, so the iframe embed always works where the quiz may be used.
 * - Pages fetch only from this origin (`connect-src 'self'`) and post forms only to it.
 */
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { quizzes } from "../db/schema.ts";
import type { AppEnv, FrameAncestors } from "../env.ts";
import { randomToken } from "./secrets.ts";

/** Lets `origins` (any origin when the list is empty) and this origin frame the current page. */
export function allowFraming(c: Context<AppEnv>, origins: readonly string[]): void {
  c.set("frameAncestors", origins.length === 0 ? "any" : origins);
}

const newNonce = (): string => randomToken(18);

/** Origins as stored are validated on input; this keeps a bad row from breaking the header. */
const originPattern = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i;

function frameAncestorsSource(ancestors: FrameAncestors): string {
  if (ancestors === "none") return "'none'";
  if (ancestors === "any") return "*";
  return ["'self'", ...ancestors.filter((o) => originPattern.test(o))].join(" ");
}

export function contentSecurityPolicy(nonce: string, ancestors: FrameAncestors): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestorsSource(ancestors)}`,
  ].join("; ");
}

/** Nothing in a JSON or text response may run, load anything, or be framed. */
const nonHtmlPolicy = "default-src 'none'; frame-ancestors 'none'";

const embedPath = /^\/embed\/([a-z0-9-]{1,80})\/?$/;

async function embedAncestors(c: Context<AppEnv>): Promise<FrameAncestors> {
  const slug = embedPath.exec(c.req.path)?.[1];
  if (!slug) return "none";
  try {
    const row = await c.var.db
      .select({ origins: quizzes.allowedOrigins })
      .from(quizzes)
      .where(eq(quizzes.slug, slug))
      .get();
    const origins = row?.origins ?? [];
    return origins.length === 0 ? "any" : origins;
  } catch (err) {
    // Failing closed here would only break the embed; the page itself already rendered.
    console.warn("could not read the quiz's allowed origins for framing", err);
    return "any";
  }
}

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  // The JSON API renders no HTML, so its requests skip drawing a nonce (about a tenth of an
  // answer's CPU in a workerd profile). Should an /api/ response be HTML all the same, it gets a
  // fresh nonce below that no script carries: inline scripts stay blocked.
  const nonce = c.req.path.startsWith("/api/") ? "" : newNonce();
  c.set("cspNonce", nonce);
  await next();

  // Responses passed through from a binding (assets) can have immutable headers.
  try {
    c.res.headers.set("X-Content-Type-Options", "nosniff");
  } catch {
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set("X-Content-Type-Options", "nosniff");
  }
  const headers = c.res.headers;
  headers.set("Referrer-Policy", "no-referrer");
  if (new URL(c.req.url).protocol === "https:") {
    headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }

  const html = /^text\/html\b/i.test(headers.get("content-type") ?? "");
  if (!html) {
    if (!headers.has("Content-Security-Policy"))
      headers.set("Content-Security-Policy", nonHtmlPolicy);
    return;
  }
  let ancestors = c.get("frameAncestors");
  if (ancestors === undefined) {
    ancestors = embedPath.test(c.req.path) ? await embedAncestors(c) : "none";
  }
  headers.set("Content-Security-Policy", contentSecurityPolicy(nonce || newNonce(), ancestors));
  if (ancestors === "none") headers.set("X-Frame-Options", "DENY");
  else headers.delete("X-Frame-Options");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set(
    "Permissions-Policy",
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  );
});
