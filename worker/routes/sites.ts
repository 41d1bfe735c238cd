/**
 * Site mode's API: register a site (admin), list sites and a site's quizzes (admin or the site
 * key), and the public `GET /api/sites/:siteId/quiz?url=…` the widget's `site=` attribute asks:
 * the post's quiz, made from the page itself on its first view (worker/services/site-pages.ts).
 *
 * CORS for the public route is the site's: a browser on the site's origin gets
 * `Access-Control-Allow-Origin: <that origin>`, any other browser origin `403
 * origin_not_allowed` before anything is fetched (the global learner CORS,
 * worker/security/cors.ts, covers the quiz's attempts: a site's quizzes allow its origin).
 */
import { type Context, Hono } from "hono";
import { createMiddleware } from "hono/factory";
import * as v from "valibot";
import { toPublicQuiz } from "../db/quizzes.ts";
import { sitePolicies } from "../db/schema.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { clientAddress, enforceRateLimit } from "../security/rate-limit.ts";
import {
  requireAdmin,
  requireManagedSite,
  siteNotFound,
  unauthorized,
} from "../services/access.ts";
import { type PageContext, quizForPage } from "../services/site-pages.ts";
import { findSite, listSites, registerSite, requireSite, siteQuizzes } from "../services/sites.ts";
import { fetchOptions } from "../sites/read-post.ts";
import { canonicalPageUrl } from "../sites/site-urls.ts";
import { jsonBody, params, query, siteIdSchema, textField } from "../validation.ts";
import { createQuizBody } from "./authoring.ts";

export const siteParams = v.strictObject({ siteId: siteIdSchema });

export const registerSiteBody = v.strictObject({
  origin: v.pipe(v.string(), v.maxLength(200)),
  name: v.optional(textField(100)),
  policy: v.picklist(sitePolicies, 'must be "publish" or "review"'),
  count: createQuizBody.entries.count,
  locale: createQuizBody.entries.locale,
});

const pageQuery = v.strictObject({
  url: v.pipe(v.string(), v.minLength(1, "is required"), v.maxLength(2048)),
});

/** The route's context for worker/services/site-pages.ts. */
export function pageContext(c: Context<AppEnv>): PageContext {
  return {
    db: c.var.db,
    fetchOptions: fetchOptions(c.env),
    waitUntil: (work) => c.executionCtx.waitUntil(work),
    // Page fetches a reader's view causes, per client address (its own bucket of the limiter).
    beforeFetch: () => enforceRateLimit(c, "START_CLIENT_LIMITER", `page:${clientAddress(c)}`),
  };
}

/**
 * The site for the public route, and its CORS: the site's origin is allowed, another browser
 * origin is refused before any work; an unknown site is `404 site_not_found`, readable by any
 * page (it says nothing about other sites).
 */
const siteCors = createMiddleware<AppEnv>(async (c, next) => {
  c.header("Vary", "Origin");
  const siteId = c.req.param("siteId") ?? "";
  const site = v.is(siteIdSchema, siteId) ? await findSite(c.var.db, siteId) : undefined;
  const origin = c.req.header("origin");
  const own = new URL(c.req.url).origin;
  if (!site) {
    c.header("Access-Control-Allow-Origin", "*");
    throw siteNotFound(siteId);
  }
  if (origin && origin !== own && origin !== site.origin) {
    throw new ApiError(
      403,
      "origin_not_allowed",
      "This site's quizzes show only on its own pages.",
    );
  }
  if (origin === site.origin) {
    c.header("Access-Control-Allow-Origin", site.origin);
    c.header("Access-Control-Expose-Headers", "Retry-After");
  }
  if (c.req.method === "OPTIONS") {
    return c.body(null, 204, {
      "Access-Control-Allow-Methods": "GET",
      "Access-Control-Max-Age": "600",
    });
  }
  await next();
});

export const siteRoutes = new Hono<AppEnv>()
  .post("/api/sites", jsonBody(registerSiteBody), async (c) => {
    requireAdmin(c.var.credential);
    return c.json(await registerSite(c.var.db, c.req.valid("json"), fetchOptions(c.env)), 201);
  })
  .get("/api/sites", async (c) => {
    const credential = c.var.credential;
    if (!credential) throw unauthorized();
    if (credential.kind === "quiz")
      throw new ApiError(403, "forbidden", "Only the admin token or a site key can list sites.");
    return c.json({ sites: await listSites(c.var.db, credential) });
  })
  .get("/api/sites/:siteId/quizzes", params(siteParams), async (c) => {
    const { siteId } = c.req.valid("param");
    requireManagedSite(c.var.credential, siteId);
    const site = await requireSite(c.var.db, siteId);
    return c.json({
      siteId,
      origin: site.origin,
      policy: site.policy,
      quizzes: await siteQuizzes(c.var.db, siteId),
    });
  })
  .options("/api/sites/:siteId/quiz", siteCors, (c) => c.body(null, 204))
  .get("/api/sites/:siteId/quiz", siteCors, params(siteParams), query(pageQuery), async (c) => {
    const site = await requireSite(c.var.db, c.req.valid("param").siteId);
    const url = canonicalPageUrl(c.req.valid("query").url, site.origin);
    const view = await quizForPage(pageContext(c), site, url);
    return c.json(toPublicQuiz(view.quiz, view.questions));
  });
