/**
 * Educator credentials on each request. The admin token (a secret binding) can do everything; an
 * educator key opens one quiz. Keys are random (192 bits), shown once, stored only as SHA-256
 * hashes and compared in constant time (worker/services/access.ts). Credentials come from
 * `Authorization: Bearer …`, never from URLs, or from an educator session cookie.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env.ts";
import { countBearerFailure } from "./security/rate-limit.ts";
import { credentialForSecret } from "./services/access.ts";
import { sessionCredential } from "./sessions.ts";

/** The bearer token of a request, if any. */
export function bearerToken(c: Context): string | null {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/**
 * Resolves the request's credential once, for handlers to read as `c.var.credential`: the bearer
 * token when there is one, else the educator session cookie. A bearer token that opens nothing is
 * counted per client address; past the limit the request gets 429 with Retry-After, so keys
 * cannot be guessed at speed. Learner routes never send a bearer token, except learner erasure
 * (worker/routes/learners.ts), whose secret is not a credential and is checked there.
 */
export const credentialProvider = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c);
  if (!token || c.req.path.startsWith("/api/learners/")) {
    c.set("credential", token ? null : await sessionCredential(c));
    return next();
  }
  const credential = await credentialForSecret(c.var.db, c.env.ADMIN_TOKEN, token);
  if (!credential) await countBearerFailure(c);
  c.set("credential", credential);
  await next();
});
