/**
 * Educator credentials. The admin token (a secret binding) can do everything; an educator key
 * opens one quiz. Keys are random (192 bits), shown once, stored only as SHA-256 hashes and
 * compared in constant time. Credentials come from `Authorization: Bearer …`, never from URLs.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { QuizRow } from "./db/schema.ts";
import type { AppEnv, Credential } from "./env.ts";
import { ApiError } from "./errors.ts";
import { sessionCredential } from "./sessions.ts";

const encoder = new TextEncoder();

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Compares two secrets without leaking where they differ (both are hashed to equal lengths). */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(a)),
    crypto.subtle.digest("SHA-256", encoder.encode(b)),
  ]);
  return crypto.subtle.timingSafeEqual(ha, hb);
}

function hexEqual(a: string, b: string): boolean {
  const ea = encoder.encode(a);
  const eb = encoder.encode(b);
  return ea.byteLength === eb.byteLength && crypto.subtle.timingSafeEqual(ea, eb);
}

/** A new educator key: shown to the educator once, stored as its hash. */
export function newEducatorKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return `rk_${btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "")}`;
}

/** The bearer token of a request, if any. */
export function bearerToken(c: Context): string | null {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/** What a presented secret proves: admin, or possession of some educator key. */
export async function credentialFor(
  c: Context<AppEnv>,
  secret: string | null,
): Promise<Credential | null> {
  if (!secret) return null;
  const admin = c.env.ADMIN_TOKEN;
  if (admin && (await secretsEqual(secret, admin))) return { kind: "admin" };
  return { kind: "educator", keyHash: await sha256Hex(secret) };
}

export const unauthorized = () =>
  new ApiError(
    401,
    "unauthorized",
    "Sign in: send `Authorization: Bearer <educator key or admin token>`.",
    {
      "WWW-Authenticate": 'Bearer realm="recall"',
    },
  );

const forbidden = () => new ApiError(403, "forbidden", "This key does not open this quiz.");

export function requireAdmin(credential: Credential | null): void {
  if (!credential) throw unauthorized();
  if (credential.kind !== "admin")
    throw new ApiError(403, "forbidden", "Only the admin token can do this.");
}

export function canManage(credential: Credential | null, quiz: QuizRow): boolean {
  if (!credential) return false;
  if (credential.kind === "admin") return true;
  if (credential.kind === "session") return credential.quizId === quiz.id;
  return quiz.educatorKeyHash !== null && hexEqual(credential.keyHash, quiz.educatorKeyHash);
}

/** Throws 401 without a credential and 403 when it does not open this quiz. */
export function requireManage(credential: Credential | null, quiz: QuizRow): void {
  if (!credential) throw unauthorized();
  if (!canManage(credential, quiz)) throw forbidden();
}

/**
 * Resolves the request's credential once, for handlers to read as `c.var.credential`: the bearer
 * token when there is one, else the educator session cookie (an admin session proves admin).
 */
export const credentialProvider = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c);
  c.set("credential", token ? await credentialFor(c, token) : await sessionCredential(c));
  await next();
});
