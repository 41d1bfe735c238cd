/**
 * Educator sessions: after signing in at /educator with a key, the browser holds a session cookie
 * instead of the key. The cookie's value is 256 random bits; only its SHA-256 is stored (in
 * educator_sessions), so a copy of the database cannot be replayed as a session.
 *
 * Cookie: HttpOnly, SameSite=Strict, Path=/, Max-Age 8 hours. Over https it is named
 * `__Host-recall_session` and marked Secure; the `__Host-` prefix makes browsers refuse it unless
 * it is Secure, host-only and Path=/, so no subdomain can plant or shadow it. Browsers also refuse
 * `__Host-` cookies without Secure, and Secure cookies are not stored over plain http
 * (`npm start` on http://127.0.0.1), so over http the same cookie is called `recall_session`.
 *
 * A session never comes from a cross-site request: SameSite=Strict keeps browsers from sending
 * it, and unsafe methods (POST, PATCH, …) additionally need a same-origin `Origin` (or, where a
 * browser sends `Origin: null`, `Sec-Fetch-Site: same-origin`).
 */

import { and, eq, gt, lt, or } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { educatorSessions } from "./db/schema.ts";
import type { AppEnv, Credential } from "./env.ts";
import { randomToken, sha256Hex } from "./security/secrets.ts";

export const sessionTtlSeconds = 8 * 60 * 60;
const secureName = "__Host-recall_session";
const plainName = "recall_session";

const isHttps = (c: Context) => new URL(c.req.url).protocol === "https:";

/** The cookie's name for this request's scheme. */
export const sessionCookieName = (c: Context): string => (isHttps(c) ? secureName : plainName);

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * Is this request from one of our own pages? Safe methods always are (they change nothing);
 * unsafe ones need a same-origin Origin header, or Sec-Fetch-Site: same-origin when the browser
 * sent `Origin: null` (as it does under `Referrer-Policy: no-referrer`).
 */
export function isSameOriginRequest(c: Context): boolean {
  const method = c.req.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return true;
  const origin = c.req.header("origin");
  if (origin && origin !== "null") return origin === new URL(c.req.url).origin;
  return c.req.header("sec-fetch-site") === "same-origin";
}

/** Starts a session for what the key proved (admin, one quiz, one site) and sets its cookie. */
export async function startSession(c: Context<AppEnv>, credential: Credential): Promise<void> {
  const token = randomToken(32);
  const now = Date.now();
  const db = c.var.db;
  // Signing in again replaces this browser's previous session instead of leaving it alive.
  const previous = sessionToken(c);
  const previousHash = previous ? await sha256Hex(previous) : "";
  await db.batch([
    // Expired sessions are swept on every sign-in (indexed on expires_at), so the table stays small.
    db
      .delete(educatorSessions)
      .where(or(lt(educatorSessions.expiresAt, now), eq(educatorSessions.idHash, previousHash))),
    db.insert(educatorSessions).values({
      idHash: await sha256Hex(token),
      quizId: credential.kind === "quiz" ? credential.quizId : null,
      siteId: credential.kind === "site" ? credential.siteId : null,
      createdAt: now,
      expiresAt: now + sessionTtlSeconds * 1000,
    }),
  ]);
  setCookie(c, sessionCookieName(c), token, {
    httpOnly: true,
    secure: isHttps(c),
    sameSite: "Strict",
    path: "/",
    maxAge: sessionTtlSeconds,
  });
}

function sessionToken(c: Context): string | null {
  const token = getCookie(c, sessionCookieName(c));
  return token && tokenPattern.test(token) ? token : null;
}

/** The credential a session cookie proves, or null (no cookie, unknown, expired, cross-site). */
export async function sessionCredential(c: Context<AppEnv>): Promise<Credential | null> {
  const token = sessionToken(c);
  if (!token || !isSameOriginRequest(c)) return null;
  const row = await c.var.db
    .select({ quizId: educatorSessions.quizId, siteId: educatorSessions.siteId })
    .from(educatorSessions)
    .where(
      and(
        eq(educatorSessions.idHash, await sha256Hex(token)),
        gt(educatorSessions.expiresAt, Date.now()),
      ),
    )
    .get();
  if (!row) return null;
  if (row.quizId !== null) return { kind: "quiz", quizId: row.quizId };
  if (row.siteId !== null) return { kind: "site", siteId: row.siteId };
  return { kind: "admin" };
}

/** Ends the session: its row is deleted (the cookie alone opens nothing) and the cookie cleared. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = sessionToken(c);
  if (token) {
    await c.var.db
      .delete(educatorSessions)
      .where(eq(educatorSessions.idHash, await sha256Hex(token)));
  }
  deleteCookie(c, sessionCookieName(c), { path: "/", secure: isHttps(c) });
}
