/**
 * Ids the widget makes: attempt ids, and the anonymous learner id (only the flow chunk needs
 * them: a round starts after the first screen).
 */
import { load, save } from "./shared.ts";

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

/** A random UUID (v4 layout of random bits); crypto.randomUUID needs a secure context. */
export const uuid = () =>
  hex(crypto.getRandomValues(new Uint8Array(16))).replace(
    /(.{8})(.{4})(.{4})(.{4})/,
    "$1-$2-$3-$4-",
  );

/**
 * The anonymous learner id: the first 32 hex digits of SHA-256 of a random secret made once per
 * browser and kept only here, so the learner (and nobody else) can later prove who they are and
 * erase their data (docs/security.md). Never a cookie, never an IP. Plain-http pages have no
 * crypto.subtle: their attempts simply carry no learner id.
 */
export async function learnerId(): Promise<string | undefined> {
  let secret = load<string>("recall:secret");
  if (!secret) {
    secret = hex(crypto.getRandomValues(new Uint8Array(32)));
    save("recall:secret", secret);
  }
  try {
    return hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret))).slice(
      0,
      32,
    );
  } catch {
    return undefined;
  }
}
