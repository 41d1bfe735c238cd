/**
 * Fetching a registered site's page for site mode (issue 12): the worker reads the article itself
 * and never trusts text a browser sends. Only URLs on the site's registered origin are fetched;
 * redirects are followed by hand, each hop checked again, and only within that origin; at most
 * 2 MB (counted while streaming), 5 s in all (redirects and body included), `text/html` only;
 * no cookies or credentials are sent (a Worker has no cookie jar, and only the headers below go
 * out). Which addresses may be fetched at all is worker/sites/address-policy.ts.
 *
 * Outcomes are values, not throws, so callers can remember failures (issue 12: "failures are
 * remembered briefly"); a failure carries an `ApiError` (worker/errors.ts) a route can throw:
 * - 400 `invalid_url`: the page URL does not parse.
 * - 403 `origin_not_allowed`: another origin than the site's, a redirect off it, or a URL the
 *   address policy refuses (`http:` or a private address in production).
 * - 502 `source_unavailable`: no answer in time, a network error, a non-2xx status, too many
 *   redirects or a redirect without a Location.
 * - 502 `not_html`, 502 `too_large`: the page answered, but not with an HTML page (no
 *   Content-Type, or another one) of at most 2 MB. 502 rather than 415/413, because those describe the client's own request body and
 *   here it is the publisher's server whose answer is unusable (a gateway error).
 */
import { ApiError } from "../errors.ts";
import { type AddressPolicy, refusalReason } from "./address-policy.ts";
import { decodeHtml, readAtMost } from "./read-html-body.ts";

export const PAGE_MAX_BYTES = 2 * 1024 * 1024;
export const PAGE_TIMEOUT_MS = 5_000;
export const PAGE_MAX_REDIRECTS = 5;

export interface FetchPageOptions {
  /** A local run (`npm start`): allow `http://127.0.0.1:PORT` (and `localhost`, `[::1]`). */
  allowLocalHttp?: boolean;
  /** Limits, for tests; production uses the defaults above. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export type FetchPageCode =
  | "invalid_url"
  | "origin_not_allowed"
  | "source_unavailable"
  | "not_html"
  | "too_large";

/** An `ApiError` whose code is one of the fetcher's; routes can throw it as it is. */
export class FetchPageError extends ApiError {
  declare readonly code: FetchPageCode;

  constructor(status: 400 | 403 | 502, code: FetchPageCode, message: string) {
    super(status, code, message);
  }
}

export type FetchPageOutcome =
  | {
      ok: true;
      html: string;
      /** Where the page was found, after redirects, without a fragment. */
      url: string;
    }
  | { ok: false; error: FetchPageError };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const REQUEST_HEADERS = {
  accept: "text/html",
  "user-agent": "RecallQuizBot/1 (reads a registered site's post to make its quiz)",
};

export async function fetchPage(
  pageUrl: string,
  registeredOrigin: string,
  options: FetchPageOptions = {},
): Promise<FetchPageOutcome> {
  const policy: AddressPolicy = { allowLocalHttp: options.allowLocalHttp ?? false };
  const maxRedirects = options.maxRedirects ?? PAGE_MAX_REDIRECTS;
  const site = URL.parse(registeredOrigin)?.origin;
  const first = URL.parse(pageUrl);
  if (!first) return failure(400, "invalid_url", "The page URL is not a valid absolute URL.");
  let url: URL = first;
  const signal = AbortSignal.timeout(options.timeoutMs ?? PAGE_TIMEOUT_MS);

  for (let hop = 0; ; hop++) {
    url.hash = "";
    const refused = refuse(url, site, policy, hop > 0);
    if (refused) return refused;

    let response: Response;
    try {
      response = await fetch(url.href, { redirect: "manual", headers: REQUEST_HEADERS, signal });
    } catch (err) {
      return unreachable(signal, err);
    }

    if (REDIRECTS.has(response.status)) {
      await discard(response);
      const location = response.headers.get("location");
      const next: URL | null = location === null ? null : URL.parse(location, url);
      if (!next) return failure(502, "source_unavailable", "The page redirected nowhere.");
      if (hop >= maxRedirects)
        return failure(502, "source_unavailable", "The page redirected too many times.");
      url = next;
      continue;
    }
    return read(response, url, signal, options.maxBytes ?? PAGE_MAX_BYTES);
  }
}

/** The origin rule, then the address policy, for the first URL and every redirect target. */
function refuse(
  url: URL,
  site: string | undefined,
  policy: AddressPolicy,
  redirected: boolean,
): FetchPageOutcome | null {
  if (site === undefined || url.origin !== site)
    return failure(
      403,
      "origin_not_allowed",
      redirected
        ? "The page redirected to another origin than its site's."
        : "The page is not on the site's registered origin.",
    );
  const reason = refusalReason(url, policy);
  return reason === null ? null : failure(403, "origin_not_allowed", reason);
}

async function read(
  response: Response,
  url: URL,
  signal: AbortSignal,
  maxBytes: number,
): Promise<FetchPageOutcome> {
  if (!response.ok) {
    await discard(response);
    return failure(502, "source_unavailable", `The page answered with status ${response.status}.`);
  }
  const contentType = response.headers.get("content-type");
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "text/html") {
    await discard(response);
    return failure(502, "not_html", "The page is not an HTML page.");
  }
  // A declared length over the limit is refused before reading; without one, reading counts.
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await discard(response);
    return tooLarge(maxBytes);
  }
  if (!response.body) return failure(502, "source_unavailable", "The page was empty.");
  let bytes: Uint8Array | null;
  try {
    bytes = await readAtMost(response.body, maxBytes);
  } catch (err) {
    return unreachable(signal, err);
  }
  if (!bytes) return tooLarge(maxBytes);
  return { ok: true, html: decodeHtml(bytes, contentType), url: url.href };
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function unreachable(signal: AbortSignal, err: unknown): FetchPageOutcome {
  if (signal.aborted) return failure(502, "source_unavailable", "The page did not answer in time.");
  console.warn("page fetch failed", err);
  return failure(502, "source_unavailable", "The page could not be reached.");
}

function tooLarge(maxBytes: number): FetchPageOutcome {
  return failure(502, "too_large", `The page is larger than ${maxBytes / (1024 * 1024)} MB.`);
}

function failure(status: 400 | 403 | 502, code: FetchPageCode, message: string): FetchPageOutcome {
  return { ok: false, error: new FetchPageError(status, code, message) };
}
