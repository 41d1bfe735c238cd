/**
 * D1 fails now and then with errors its documentation calls transient (the storage was reset,
 * the network dropped). Those, and only those, are retried with exponential backoff and jitter;
 * an overloaded database becomes a 503 with Retry-After instead of a retry storm.
 */
import { ApiError } from "../errors.ts";

const transientPatterns = [
  /network connection lost/i,
  /storage caused object to be reset/i,
  /reset because its code was updated/i,
  /cannot resolve d1 db due to transient issue/i,
  /internal error in d1 db storage/i,
  /d1 db.*(?:transient|temporarily unavailable)/i,
];

const overloadPatterns = [
  /overloaded/i,
  /too many requests queued/i,
  /requests queued for too long/i,
];

function messageOf(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? ` ${err.cause.message}` : "";
    return `${err.message}${cause}`;
  }
  return String(err);
}

export const isTransientD1Error = (err: unknown): boolean =>
  transientPatterns.some((p) => p.test(messageOf(err)));

export const isOverloadedD1Error = (err: unknown): boolean =>
  overloadPatterns.some((p) => p.test(messageOf(err)));

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation`, retrying transient D1 errors. Only use it around idempotent work (every write
 * here is: client-keyed rows and ON CONFLICT), so a retry after a lost reply cannot double-count.
 */
export async function withD1Retry<T>(
  operation: () => Promise<T>,
  { attempts = 4, baseDelayMs = 40, sleep = defaultSleep }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (err) {
      if (isOverloadedD1Error(err)) {
        throw new ApiError(503, "overloaded", "The database is busy. Please retry shortly.", {
          "Retry-After": "2",
        });
      }
      if (!isTransientD1Error(err) || attempt >= attempts) throw err;
      const backoff = baseDelayMs * 2 ** (attempt - 1);
      await sleep(backoff / 2 + Math.random() * backoff);
    }
  }
}
