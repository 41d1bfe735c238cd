/**
 * Which page URLs the worker may fetch at all, decided from the URL alone, before any connection
 * (worker/sites/fetch-page.ts asks it for the first URL and for every redirect target).
 * Production: `https:` only, and never a loopback, private, link-local or otherwise
 * non-public address literal, nor `localhost`. A local run (`npm start`) also allows plain
 * `http:` to the loopback host, so the demo and the tests can use a blog served on 127.0.0.1.
 *
 * Host names are checked as written: a Worker cannot resolve DNS itself, so a public name that
 * resolves to a private address is left to the platform (Cloudflare's fetch does not reach
 * private networks). The WHATWG URL parser has already turned other IPv4 spellings
 * (`0x7f.1`, `2130706433`) into dotted quads and IPv6 into its compressed hex form.
 */

export interface AddressPolicy {
  /** A local run: `http://127.0.0.1:PORT` (and `localhost`, `[::1]`) are allowed. */
  allowLocalHttp: boolean;
}

/** Why a URL is refused, in words for the error message; null when it may be fetched. */
export function refusalReason(url: URL, policy: AddressPolicy): string | null {
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return `Only web pages can be fetched, not ${url.protocol} URLs.`;
  if (url.username || url.password) return "Page URLs must not carry a user name or password.";
  const loopback = isLoopbackHost(url.hostname);
  if (policy.allowLocalHttp && loopback) return null;
  if (url.protocol === "http:") return "Pages are fetched over https only.";
  if (loopback || isNonPublicHost(url.hostname))
    return "Pages on loopback, private or link-local addresses cannot be fetched.";
  return null;
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const v4 = parseIPv4(host);
  if (v4) return v4[0] === 127;
  const v6 = parseIPv6(host);
  return v6 !== null && isIPv6Loopback(v6);
}

const isIPv6Loopback = (parts: number[]) =>
  parts.slice(0, 7).every((part) => part === 0) && parts[7] === 1;

/** Address literals that are not on the public internet. */
function isNonPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  const v4 = parseIPv4(host);
  if (v4) return isNonPublicIPv4(v4);
  const v6 = parseIPv6(host);
  if (v6) return isNonPublicIPv6(v6);
  return false;
}

function isNonPublicIPv4([a, b]: number[]): boolean {
  if (a === undefined || b === undefined) return true;
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

function isNonPublicIPv6(parts: number[]): boolean {
  const [first = 0] = parts;
  if (parts.every((part) => part === 0)) return true; // ::
  if (isIPv6Loopback(parts)) return true; // ::1
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((first & 0xffc0) === 0xfec0) return true; // fec0::/10 old site-local
  if ((first & 0xff00) === 0xff00) return true; // multicast
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses carry an IPv4 one.
  const mapped = parts.slice(0, 5).every((part) => part === 0) && parts[5] === 0xffff;
  const compatible = parts.slice(0, 6).every((part) => part === 0);
  if (mapped || compatible) {
    const high = parts[6] ?? 0;
    const low = parts[7] ?? 0;
    return isNonPublicIPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  // 64:ff9b::/96 (NAT64) wraps an IPv4 address too.
  if (first === 0x64 && parts[1] === 0xff9b && parts.slice(2, 6).every((part) => part === 0)) {
    const high = parts[6] ?? 0;
    const low = parts[7] ?? 0;
    return isNonPublicIPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  return false;
}

/** Dotted-quad IPv4 (the only form the URL parser leaves), or null. */
export function parseIPv4(host: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return null;
  const parts = match.slice(1).map(Number);
  return parts.every((part) => part <= 255) ? parts : null;
}

/** A bracketed IPv6 host (`[fe80::1]`) as eight 16-bit numbers, or null. */
export function parseIPv6(host: string): number[] | null {
  if (!host.startsWith("[") || !host.endsWith("]")) return null;
  const body = host.slice(1, -1);
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const words = (half: string | undefined) => (half ? half.split(":") : []);
  const head = words(halves[0]);
  const tail = words(halves[1]);
  // A trailing dotted quad (the parser normally rewrites it, but be safe) counts as two words.
  const last = tail.length > 0 ? tail : head;
  const quad = parseIPv4(last[last.length - 1] ?? "");
  if (quad) {
    const [a = 0, b = 0, c = 0, d = 0] = quad;
    last.splice(last.length - 1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill("0"), ...tail];
  const parts = all.map((word) =>
    /^[0-9a-f]{1,4}$/i.test(word) ? Number.parseInt(word, 16) : NaN,
  );
  return parts.some(Number.isNaN) ? null : parts;
}
