/**
 * The worker's one hashing helper and one random-token helper. Secrets (educator keys, session
 * cookies, CSP nonces) are random bytes in base64url; only their SHA-256 is ever stored, and
 * presented secrets are compared in constant time.
 */
const encoder = new TextEncoder();

const base64url = (bytes: Uint8Array): string => {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
};

const hex = (buffer: ArrayBuffer): string =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** SHA-256 of the text's UTF-8, as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

/** `bytes` random bytes in base64url (no padding). */
export function randomToken(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * A secret derived from `key` and `message` (HMAC-SHA-256, first `bytes` bytes, base64url): the
 * same inputs give the same secret, so a retried request can be answered with what the first
 * try made without the secret itself ever being stored.
 */
export async function derivedToken(key: string, message: string, bytes: number): Promise<string> {
  const hmacKey = await crypto.subtle.importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", hmacKey, encoder.encode(message));
  return base64url(new Uint8Array(mac).slice(0, bytes));
}

/** Compares two secrets without leaking where they differ (both are hashed to equal lengths). */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(a)),
    crypto.subtle.digest("SHA-256", encoder.encode(b)),
  ]);
  return crypto.subtle.timingSafeEqual(ha, hb);
}
