/**
 * Requests that outlast an outage (part of the flow chunk): api.ts's send(), retried with
 * exponential backoff and jitter (honouring Retry-After) while the network or the server is down,
 * so a dropped connection only delays an answer. Errors the learner cannot fix by waiting (4xx)
 * are thrown at once; a 429 is retried (after Retry-After) only three times.
 */
import type { HttpError } from "./api.ts";
import { send } from "./shared.ts";

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
    try {
      const result = await send<T>(url, method, body);
      waiting?.(false);
      return result;
    } catch (e) {
      const { status, code, res } = e as HttpError;
      // A 429 is the server asking for fewer requests: after three tries, stop and let the
      // learner press "try again" instead of retrying without end.
      if (code !== "unreachable" || ((!waiting || status === 429) && n > 2)) throw e;
      waiting?.(true);
      const after = Number(res?.headers.get("retry-after"));
      await sleep(
        after > 0
          ? Math.min(after, 60) * 1000
          : Math.min(400 * 2 ** n, 5000) * (0.5 + Math.random() / 2),
      );
    }
  }
}
