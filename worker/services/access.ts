/**
 * Who may do what, in one place: what a presented secret proves (the admin token, one quiz's
 * educator key, or a site key: every quiz made from that site's posts), and the one guard every
 * educator route and console page calls before it reads anything about a quiz. A quiz (or a
 * site) the credential does not open answers exactly like one that does not exist (404), so a
 * guesser cannot tell which draft slugs or site ids exist.
 */
import { eq } from "drizzle-orm";
import { findQuiz } from "../db/quizzes.ts";
import { type QuizRow, quizzes, sites } from "../db/schema.ts";
import type { Credential, Database } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { secretsEqual, sha256Hex } from "../security/secrets.ts";

/**
 * The least an admin token must be: 22 characters (128 bits as base64url, DESIGN's floor for a
 * secret) and varied enough not to be a pattern (docs/security.md).
 */
export const adminTokenRules = { minLength: 22, minDistinctCharacters: 10 } as const;

/** Why this admin token is too weak to be accepted, or null when it is fine. */
export function adminTokenProblem(token: string | undefined): string | null {
  if (!token) return "ADMIN_TOKEN is not set";
  if (token.length < adminTokenRules.minLength)
    return `ADMIN_TOKEN is shorter than ${adminTokenRules.minLength} characters`;
  if (new Set(token).size < adminTokenRules.minDistinctCharacters)
    return `ADMIN_TOKEN has fewer than ${adminTokenRules.minDistinctCharacters} different characters`;
  return null;
}

let warnedWeak = false;

/** The admin token when it is strong enough; a weak one opens nothing (logged once). */
export function usableAdminToken(token: string | undefined): string | undefined {
  const problem = adminTokenProblem(token);
  if (problem === null) return token;
  if (!warnedWeak && token)
    console.error(`${problem}: the admin token is refused until it is replaced`);
  warnedWeak = true;
  return undefined;
}

/** Site keys start with this; educator keys with `rk_` (worker/services/quizzes.ts). */
export const siteKeyPrefix = "rs_";

/** What a presented secret proves: admin, one quiz (its educator key), one site, or nothing. */
export async function credentialForSecret(
  db: Database,
  adminToken: string | undefined,
  secret: string,
): Promise<Credential | null> {
  const admin = usableAdminToken(adminToken);
  if (admin && (await secretsEqual(secret, admin))) return { kind: "admin" };
  if (secret.startsWith(siteKeyPrefix)) {
    const site = await db
      .select({ id: sites.id })
      .from(sites)
      .where(eq(sites.siteKeyHash, await sha256Hex(secret)))
      .get();
    return site ? { kind: "site", siteId: site.id } : null;
  }
  const quiz = await db
    .select({ id: quizzes.id })
    .from(quizzes)
    .where(eq(quizzes.educatorKeyHash, await sha256Hex(secret)))
    .get();
  return quiz ? { kind: "quiz", quizId: quiz.id } : null;
}

export const unauthorized = () =>
  new ApiError(
    401,
    "unauthorized",
    "Sign in: send `Authorization: Bearer <educator key or admin token>`.",
    { "WWW-Authenticate": 'Bearer realm="recall"' },
  );

export function requireAdmin(credential: Credential | null): void {
  if (!credential) throw unauthorized();
  if (credential.kind !== "admin")
    throw new ApiError(403, "forbidden", "Only the admin token can do this.");
}

export function canManage(credential: Credential | null, quiz: QuizRow): boolean {
  if (!credential) return false;
  switch (credential.kind) {
    case "admin":
      return true;
    case "quiz":
      return credential.quizId === quiz.id;
    case "site":
      return quiz.siteId === credential.siteId;
  }
}

/** Does the credential open this site (its listing, its posts' quizzes)? Admin opens every site. */
export function canManageSite(credential: Credential | null, siteId: string): boolean {
  if (!credential) return false;
  return (
    credential.kind === "admin" || (credential.kind === "site" && credential.siteId === siteId)
  );
}

export const siteNotFound = (siteId: string) =>
  new ApiError(404, "site_not_found", `Site "${siteId}" was not found.`);

/** 401 without a credential; 404 `site_not_found` for a site it does not open, as for one that does not exist. */
export function requireManagedSite(credential: Credential | null, siteId: string): void {
  if (!credential) throw unauthorized();
  if (!canManageSite(credential, siteId)) throw siteNotFound(siteId);
}

/**
 * The one guard: 401 without a credential; the quiz when the credential opens it; otherwise the
 * same 404 an unknown slug gets.
 */
export async function requireManagedQuiz(
  db: Database,
  credential: Credential | null,
  slug: string,
): Promise<QuizRow> {
  if (!credential) throw unauthorized();
  const quiz = await findQuiz(db, slug);
  if (!quiz || !canManage(credential, quiz)) throw notFound(`Quiz "${slug}"`);
  return quiz;
}
