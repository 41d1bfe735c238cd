/**
 * Registered sites (site mode): register one (admin), find one (every reader's view reads it,
 * so it is kept in this isolate for a minute: sites are never edited), list them, list a site's
 * quizzes, and create a standalone quiz from a post's URL. A post's own quiz, made on its first
 * view, is worker/services/site-pages.ts.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import {
  attempts,
  quizzes,
  type SitePolicy,
  type SiteRow,
  sitePages,
  sites,
} from "../db/schema.ts";
import type { Credential, Database } from "../env.ts";
import { ApiError } from "../errors.ts";
import { randomToken, sha256Hex } from "../security/secrets.ts";
import { refusalReason } from "../sites/address-policy.ts";
import type { FetchPageOptions } from "../sites/fetch-page.ts";
import { readPost } from "../sites/read-post.ts";
import { normaliseOrigin } from "../sites/site-urls.ts";
import { siteKeyPrefix, siteNotFound } from "./access.ts";
import { type CreatedQuiz, type CreateQuizInput, createQuiz } from "./quizzes.ts";

export interface RegisterSiteInput {
  origin: string;
  name?: string | undefined;
  policy: SitePolicy;
  count?: number | undefined;
  locale?: string | undefined;
}

export interface RegisteredSite {
  siteId: string;
  /** Shown once: only its hash is stored. */
  siteKey: string;
  origin: string;
  policy: SitePolicy;
}

/**
 * Registers a site. The origin is normalised (scheme, host, port); one that could never be
 * fetched here (`http:` or a non-public address outside a local run) is refused, and an origin
 * registered already is `409 site_exists`.
 */
export async function registerSite(
  db: Database,
  input: RegisterSiteInput,
  fetchOptions: FetchPageOptions,
): Promise<RegisteredSite> {
  const origin = normaliseOrigin(input.origin);
  if (!origin) {
    throw new ApiError(
      400,
      "invalid_origin",
      "The origin must be a scheme and host (and port), such as https://blog.example, without a path.",
    );
  }
  const refused = refusalReason(new URL(origin), {
    allowLocalHttp: fetchOptions.allowLocalHttp ?? false,
  });
  if (refused) throw new ApiError(400, "invalid_origin", refused);
  const siteKey = `${siteKeyPrefix}${randomToken(24)}`;
  const inserted = await db
    .insert(sites)
    .values({
      id: randomToken(9),
      origin,
      name: input.name?.trim() || new URL(origin).host,
      policy: input.policy,
      questionCount: input.count ?? null,
      locale: input.locale ?? "en",
      siteKeyHash: await sha256Hex(siteKey),
      createdAt: Date.now(),
    })
    .onConflictDoNothing({ target: sites.origin })
    .returning({ id: sites.id });
  const site = inserted[0];
  if (!site) {
    throw new ApiError(
      409,
      "site_exists",
      `${origin} is registered already; its site key was shown when it was registered.`,
    );
  }
  return { siteId: site.id, siteKey, origin, policy: input.policy };
}

const cacheMs = 60_000;
const cached = new Map<string, { site: SiteRow | undefined; expires: number }>();

/** The site, or undefined; unknown ids are remembered too, so a wrong snippet costs no query. */
export async function findSite(db: Database, siteId: string): Promise<SiteRow | undefined> {
  const hit = cached.get(siteId);
  if (hit && hit.expires > Date.now()) return hit.site;
  const site = await db.query.sites.findFirst({ where: eq(sites.id, siteId) });
  if (cached.size >= 256) cached.clear();
  cached.set(siteId, { site, expires: Date.now() + (site ? cacheMs : 5_000) });
  return site;
}

export async function requireSite(db: Database, siteId: string): Promise<SiteRow> {
  const site = await findSite(db, siteId);
  if (!site) throw siteNotFound(siteId);
  return site;
}

export interface SiteSummary {
  siteId: string;
  origin: string;
  name: string;
  policy: SitePolicy;
  count: number | null;
  locale: string;
  createdAt: string;
  quizzes: number;
}

const toSummary = (site: SiteRow, quizCount: number): SiteSummary => ({
  siteId: site.id,
  origin: site.origin,
  name: site.name,
  policy: site.policy,
  count: site.questionCount,
  locale: site.locale,
  createdAt: new Date(site.createdAt).toISOString(),
  quizzes: quizCount,
});

/** The sites a credential opens (admin: all; a site key: its own), oldest first. */
export async function listSites(db: Database, credential: Credential): Promise<SiteSummary[]> {
  const where =
    credential.kind === "admin"
      ? undefined
      : eq(sites.id, credential.kind === "site" ? credential.siteId : "");
  const rows = await db
    .select({
      site: sites,
      quizzes: sql<number>`(select count(*) from ${quizzes} where ${quizzes}.site_id = ${sites}.id)`,
    })
    .from(sites)
    .where(where)
    .orderBy(asc(sites.createdAt))
    .limit(500);
  return rows.map((row) => toSummary(row.site, row.quizzes));
}

export interface SiteQuiz {
  slug: string;
  title: string;
  /** The post's URL (null for a quiz created from a URL with `POST /api/quizzes`). */
  pageUrl: string | null;
  sourceUrl: string | null;
  status: "draft" | "published";
  /** 1 for a post's first quiz, one more for each change of its text. */
  version: number | null;
  /** Whether this is the quiz of the post's text as last fetched. */
  current: boolean;
  attempts: number;
  finished: number;
  createdAt: string;
}

/** A site's quizzes: by post (newest version first), then the ones created from a URL. */
export async function siteQuizzes(db: Database, siteId: string): Promise<SiteQuiz[]> {
  const rows = await db
    .select({
      slug: quizzes.slug,
      title: quizzes.title,
      pageUrl: quizzes.pageUrl,
      sourceUrl: quizzes.sourceUrl,
      status: quizzes.status,
      version: quizzes.pageVersion,
      createdAt: quizzes.createdAt,
      // Columns in a subquery are named with their tables: Drizzle writes bare names in a select list.
      current: sql<number>`exists (select 1 from ${sitePages} where ${sitePages}.quiz_id = ${quizzes}.id)`,
      attempts: sql<number>`(select count(*) from ${attempts} where ${attempts}.quiz_id = ${quizzes}.id)`,
      finished: sql<number>`(select count(*) from ${attempts} where ${attempts}.quiz_id = ${quizzes}.id and ${attempts}.finished_at is not null)`,
    })
    .from(quizzes)
    .where(eq(quizzes.siteId, siteId))
    .orderBy(sql`${quizzes.pageUrl} is null`, asc(quizzes.pageUrl), desc(quizzes.pageVersion))
    .limit(1000);
  return rows.map((row) => ({
    ...row,
    current: Boolean(row.current),
    createdAt: new Date(row.createdAt).toISOString(),
  }));
}

export interface CreateFromUrlInput extends Omit<CreateQuizInput, "title" | "article"> {
  url: string;
  title?: string | undefined;
}

/**
 * `POST /api/quizzes { url }`: a draft quiz made from the post the worker fetches itself, under
 * the same fetch rules as site mode. The admin may name any page (fetched only within its own
 * origin); a site key only a page on its site's origin. A page on a registered site's origin
 * becomes one of the site's quizzes (its site key opens it).
 */
export async function createQuizFromUrl(
  db: Database,
  adminToken: string,
  credential: Credential,
  input: CreateFromUrlInput,
  fetchOptions: FetchPageOptions,
): Promise<CreatedQuiz> {
  const pageOrigin = new URL(input.url).origin;
  const site =
    credential.kind === "site"
      ? await requireSite(db, credential.siteId)
      : await db.query.sites.findFirst({ where: eq(sites.origin, pageOrigin) });
  if (site && site.origin !== pageOrigin) {
    throw new ApiError(
      403,
      "origin_not_allowed",
      `A site key can only make quizzes from pages on its own site (${site.origin}).`,
    );
  }
  const read = await readPost(input.url, pageOrigin, fetchOptions);
  if (!read.ok) throw read.error;
  const { url: _url, title, ...rest } = input;
  const created = await createQuiz(db, adminToken, {
    ...rest,
    title: title ?? read.post.title,
    article: read.post.text,
    sourceUrl: read.post.url,
    locale: input.locale ?? site?.locale,
    count: input.count ?? site?.questionCount ?? undefined,
    allowedOrigins: input.allowedOrigins ?? (site ? [site.origin] : undefined),
  });
  if (site) {
    await db
      .update(quizzes)
      .set({ siteId: site.id })
      .where(and(eq(quizzes.slug, created.slug), sql`${quizzes.siteId} is null`));
  }
  return created;
}
