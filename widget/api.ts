/**
 * The widget's only way to the server: one JSON request over fetch. A failure is thrown as an
 * HttpError: a 4xx with the API's error code, which waiting will not fix; anything waiting may
 * fix (no connection, a 5xx, a 429) as "unreachable", with its Retry-After — the flow chunk's
 * request() (retry.ts) retries those with backoff. The first screen's quiz request tries once and
 * hands a failure to it.
 */

/** A failed request: the HTTP status (0 when the server was never reached) and the error code. */
export interface HttpError {
  status: number;
  code: string;
  /** The response of a 5xx or a 429, for its Retry-After. */
  res?: Response;
}

export async function send<T>(url: string, method = "GET", body?: object): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body && { "content-type": "application/json" },
      body: body && JSON.stringify(body),
    });
  } catch {
    // Offline, DNS, CORS or a blocked request: all look the same from here.
    throw { status: 0, code: "unreachable" } satisfies HttpError;
  }
  const { status } = res;
  if (status > 499 || status === 429)
    throw { status, code: "unreachable", res } satisfies HttpError;
  const json = await res.json().catch(() => ({}));
  if (res.ok) return json as T;
  throw { status, code: json?.error?.code ?? "error" } satisfies HttpError;
}
