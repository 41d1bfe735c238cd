/**
 * CORS for the review routes, which the widget calls cross-origin from a publisher's page. The
 * rule is the learner API's (worker/security/cors.ts), applied to what a review request names:
 * the quiz of `?quiz=` or of the review item (`<slug>.<question id>`) allows its `allowedOrigins`
 * plus its site's origin, and any origin when it has neither; `?site=` allows the site's origin.
 * A browser request from another origin gets `403 origin_not_allowed` before the handler runs,
 * preflight included. A request that names nothing known gets `*`: the handler refuses it anyway.
 * The headers are set before the handler runs, so error replies carry them too (the widget reads
 * a 409's code). Never credentials; always `Vary: Origin`.
 */
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import * as v from "valibot";
import { quizBySlug } from "../db/lookups.ts";
import { type QuizRow, sites } from "../db/schema.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { siteIdSchema } from "../validation.ts";

const itemPattern = /^\/api\/learners\/[^/]+\/reviews\/([a-z0-9-]{1,80})\.[a-z0-9-]{1,32}$/;
const slugPattern = /^[a-z0-9-]{1,80}$/;

async function siteOrigin(c: Context<AppEnv>, siteId: string | null): Promise<string | null> {
  if (siteId === null || !v.is(siteIdSchema, siteId)) return null;
  const site = await c.var.db
    .select({ origin: sites.origin })
    .from(sites)
    .where(eq(sites.id, siteId))
    .get();
  return site?.origin ?? null;
}

async function quizOrigins(c: Context<AppEnv>, quiz: QuizRow | undefined): Promise<string[]> {
  if (!quiz) return [];
  const ofSite = await siteOrigin(c, quiz.siteId);
  return ofSite === null ? quiz.allowedOrigins : [ofSite, ...quiz.allowedOrigins];
}

/** The origins the request's quiz or site allows; empty means any. */
async function allowedOrigins(c: Context<AppEnv>): Promise<string[]> {
  const itemSlug = itemPattern.exec(c.req.path)?.[1];
  if (itemSlug !== undefined) return quizOrigins(c, await quizBySlug(c, itemSlug));
  const slug = c.req.query("quiz");
  if (slug !== undefined && slugPattern.test(slug)) {
    return quizOrigins(c, await quizBySlug(c, slug));
  }
  const ofSite = await siteOrigin(c, c.req.query("site") ?? null);
  return ofSite === null ? [] : [ofSite];
}

export const reviewCors = createMiddleware<AppEnv>(async (c, next) => {
  c.header("Vary", "Origin", { append: true });
  const origin = c.req.header("origin");
  const preflight = c.req.method === "OPTIONS" && c.req.header("access-control-request-method");
  // Without an Origin header there is no browser to instruct; same-origin needs no CORS.
  if (!preflight && (!origin || origin === new URL(c.req.url).origin)) return next();
  const allowed = await allowedOrigins(c);
  if (origin && allowed.length > 0 && !allowed.includes(origin)) {
    throw new ApiError(403, "origin_not_allowed", "This quiz cannot be used from this website.");
  }
  c.header("Access-Control-Allow-Origin", allowed.length > 0 && origin ? origin : "*");
  c.header("Access-Control-Expose-Headers", "Retry-After");
  if (!preflight) return next();
  return c.body(null, 204, {
    "Access-Control-Allow-Methods": "GET, PUT",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "600",
  });
});
