/**
 * The widget's only way to the server: JSON over fetch, retried with backoff (honouring
 * Retry-After) while the network or the server is down, so a dropped connection only delays
 * an answer. Errors the learner cannot fix by waiting (4xx) are thrown at once; 429 is retried
 * (after Retry-After) only three times.
 */

/** A failed request: the HTTP status (0 when the server was never reached) and the error code. */
export interface HttpError {
  status: number;
  code: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * With `waiting`, the request is retried until it gets through (answers must arrive eventually),
 * calling `waiting(true)` before each wait so the UI can say it is reconnecting; without it, it
 * gives up after three tries (loading a quiz, where the learner can press "try again").
 */
export async function request<T>(
  url: string,
  method = "GET",
  body?: object,
  waiting?: (on: boolean) => void,
): Promise<T> {
  for (let n = 1; ; n++) {
    let res: Response | undefined;
    try {
      res = await fetch(url, {
        method,
        headers: body && { "content-type": "application/json" },
        body: body && JSON.stringify(body),
      });
    } catch {
      // Offline, DNS, CORS or a blocked request: all look the same from here; wait and retry.
    }
    const status = res?.status ?? 0;
    if (res && status < 500 && status !== 429) {
      const json = await res.json().catch(() => ({}));
      if (res.ok) {
        waiting?.(false);
        return json as T;
      }
      throw { status, code: json?.error?.code ?? "error" } satisfies HttpError;
    }
    // A 429 is the server asking for fewer requests: after three tries, stop and let the learner
    // press "try again" instead of retrying without end.
    if ((!waiting || status === 429) && n > 2)
      throw { status, code: "unreachable" } satisfies HttpError;
    waiting?.(true);
    const retryAfter = Number(res?.headers.get("retry-after"));
    await sleep(
      retryAfter > 0
        ? Math.min(retryAfter, 60) * 1000
        : Math.min(400 * 2 ** n, 5000) * (0.5 + Math.random() / 2),
    );
  }
}
