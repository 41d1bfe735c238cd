/**
 * The console's Sites pages under /educator/sites: the admin registers sites and sees them all; a
 * site key signs in to its own site's page. Reviewing and publishing a post's quiz reuse the quiz
 * review page and its publish button (worker/routes/educator.ts), which come back here. Same
 * rules as the JSON API: worker/services/sites.ts, worker/services/site-pages.ts,
 * worker/services/access.ts; same form and CSRF handling as the rest of the console.
 */
import { type Context, Hono } from "hono";
import * as v from "valibot";
import type { SitePolicy } from "../db/schema.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import {
  type RegisterSiteValues,
  type SitePageOptions,
  sitePage,
  sitesPage,
} from "../pages/educator-sites.ts";
import { requireManagedSite } from "../services/access.ts";
import { preparePageQuiz } from "../services/site-pages.ts";
import { listSites, registerSite, requireSite, siteQuizzes } from "../services/sites.ts";
import { fetchOptions } from "../sites/read-post.ts";
import { canonicalPageUrl } from "../sites/site-urls.ts";
import { validate } from "../validation.ts";
import {
  consolePageError,
  formFields,
  htmlParams,
  noStore,
  refusal,
  requireSignedIn,
  sameOriginPosts,
} from "./educator.ts";
import { pageContext, registerSiteBody, siteParams } from "./sites.ts";

type Ctx = Context<AppEnv>;

const field = v.optional(v.pipe(v.string(), v.maxLength(2048)));
const registerForm = v.object({
  origin: field,
  name: field,
  policy: field,
  count: field,
  locale: field,
});
const postForm = v.object({ url: field });

function requireAdminPage(c: Ctx): void {
  if (requireSignedIn(c).kind !== "admin")
    throw new ApiError(403, "forbidden", "Only the admin can register sites.");
}

async function renderSite(
  c: Ctx,
  siteId: string,
  extra: Partial<Pick<SitePageOptions, "siteKey" | "notice" | "error" | "pageUrl">> & {
    status?: 200 | 201 | 400 | 403 | 422 | 502;
  } = {},
) {
  const site = await requireSite(c.var.db, siteId);
  noStore(c);
  return c.html(
    sitePage({
      site,
      quizzes: await siteQuizzes(c.var.db, site.id),
      origin: new URL(c.req.url).origin,
      admin: c.var.credential?.kind === "admin",
      ...extra,
    }),
    extra.status ?? 200,
  );
}

/** The console's form, as the API's body: empty fields left out, the count a number. */
function registerBody(form: RegisterSiteValues) {
  const text = (value: string | undefined) => value?.trim() || undefined;
  const count = text(form.count);
  return {
    origin: form.origin?.trim() ?? "",
    policy: (form.policy ?? "") as SitePolicy,
    ...(text(form.name) && { name: text(form.name) }),
    ...(count && { count: Number(count) }),
    ...(text(form.locale) && { locale: text(form.locale) }),
  };
}

const statusOf = (err: ApiError) =>
  err.status === 403 || err.status === 422 || err.status === 502 ? err.status : 400;

export const educatorSites = new Hono<AppEnv>()
  .get("/educator/sites", async (c) => {
    const credential = requireSignedIn(c);
    if (credential.kind === "site") return c.redirect(`/educator/sites/${credential.siteId}`, 303);
    requireAdminPage(c);
    noStore(c);
    return c.html(sitesPage({ sites: await listSites(c.var.db, credential) }));
  })
  .post("/educator/sites", sameOriginPosts, formFields(registerForm), async (c) => {
    requireAdminPage(c);
    const form = c.req.valid("form") as RegisterSiteValues;
    let registered: { siteId: string; siteKey: string } | undefined;
    const refused = await refusal(async () => {
      const body = validate(registerSiteBody, registerBody(form), "form");
      registered = await registerSite(c.var.db, body, fetchOptions(c.env));
    });
    if (refused || !registered) {
      noStore(c);
      const sites = await listSites(c.var.db, { kind: "admin" });
      return c.html(
        sitesPage({ sites, values: form, error: refused?.message ?? "Please try again." }),
        refused?.status === 409 ? 409 : 400,
      );
    }
    // The key is shown once, in this response: never in a URL, never again.
    return renderSite(c, registered.siteId, {
      siteKey: registered.siteKey,
      notice: "Site registered. Paste the snippet below into the post template.",
      status: 201,
    });
  })
  .get("/educator/sites/:siteId", htmlParams(siteParams), async (c) => {
    const { siteId } = c.req.valid("param");
    requireManagedSite(requireSignedIn(c), siteId);
    const published = c.req.query("published");
    const prepared = c.req.query("prepared");
    return renderSite(c, siteId, {
      ...(published && { notice: "Published: the post's readers see its quiz now." }),
      ...(prepared && { notice: "The post's quiz is made." }),
    });
  })
  .post(
    "/educator/sites/:siteId/posts",
    sameOriginPosts,
    htmlParams(siteParams),
    formFields(postForm),
    async (c) => {
      const { siteId } = c.req.valid("param");
      requireManagedSite(requireSignedIn(c), siteId);
      const site = await requireSite(c.var.db, siteId);
      const pageUrl = c.req.valid("form").url?.trim() ?? "";
      let slug = "";
      const refused = await refusal(async () => {
        const url = canonicalPageUrl(pageUrl, site.origin);
        slug = (await preparePageQuiz(pageContext(c), site, url)).slug;
      });
      if (refused) {
        return renderSite(c, siteId, {
          error: refused.message,
          pageUrl,
          status: statusOf(refused),
        });
      }
      return c.redirect(`/educator/sites/${siteId}?prepared=${slug}`, 303);
    },
  )
  .onError(consolePageError);
