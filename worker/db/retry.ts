/**
 * D1 fails now and then with errors its documentation ("Debug D1", list of D1_ERRORs) says to
 * retry: the database's Durable Object was reset or restarted, or the network dropped. Those, and
 * only those, are retried here with exponential backoff and full jitter. An overloaded database
 * ("D1 DB is overloaded…", whose documented action is to send fewer requests) is never retried:
 * it becomes a 503 with Retry-After, as does a transient error that outlasts the retries.
 * Everything else (constraint violations, SQL errors, memory/CPU/timeout resets caused by a
 * query) is not retried and surfaces as the generic 500.
 *
 * Reads need no wrapper: D1 itself retries read-only queries (up to two more times) on these
 * errors. Writes do, and a write may have committed even though its reply was lost, so wrap only
 * idempotent writes: client-keyed rows with ON CONFLICT (attempts by the widget's id, quizzes by
 * the client's request id, responses by attempt and question), guarded updates (`… where
 * finished_at is null`), deletes. Writes that are not idempotent (a new educator key, a new
 * session) are never wrapped: a lost reply there is an error the user sees and repeats.
 */
import { ApiError } from "../errors.ts";

/** "Retry the operation" in Cloudflare's list of D1_ERRORs. */
const transientPhrases = [
  "D1 DB reset because its code was updated",
  "Internal error while starting up D1 DB storage caused object to be reset",
  "Network connection lost",
  "Internal error in D1 DB storage caused object to be reset",
  "Cannot resolve D1 DB due to transient issue on remote node",
];

/** "Requests queued for too long" and "Too many requests queued". */
const overloadPhrases = ["D1 DB is overloaded"];

/**
 * The messages of an error and its causes. Drizzle wraps driver errors in "Failed query: <sql>
 * params: <values>"; that text holds request data, so it is skipped and only its cause is read.
 */
function messagesOf(err: unknown): string[] {
  const messages: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      if (!current.message.startsWith("Failed query:")) messages.push(current.message);
      current = current.cause;
    } else {
      messages.push(String(current));
      break;
    }
  }
  return messages;
}

const mentions = (err: unknown, phrases: readonly string[]) =>
  messagesOf(err).some((message) => phrases.some((phrase) => message.includes(phrase)));

export const isTransientD1Error = (err: unknown): boolean => mentions(err, transientPhrases);

export const isOverloadedD1Error = (err: unknown): boolean => mentions(err, overloadPhrases);

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds a client should wait; a little jitter keeps clients from coming back in lockstep. */
const retryAfterSeconds = () => String(1 + Math.floor(Math.random() * 3));

export const unavailable = (code: "overloaded" | "unavailable") =>
  new ApiError(
    503,
    code,
    code === "overloaded"
      ? "The database is busy. Please retry shortly."
      : "The database is briefly unavailable. Please retry shortly.",
    { "Retry-After": retryAfterSeconds() },
  );

/**
 * Runs `operation`, retrying D1's transient errors. Only use it around idempotent work (see the
 * module comment), so a retry after a lost reply cannot store anything twice.
 */
export async function withD1Retry<T>(
  operation: () => Promise<T>,
  { attempts = 4, baseDelayMs = 50, maxDelayMs = 1000, sleep = defaultSleep }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (err) {
      if (isOverloadedD1Error(err)) throw unavailable("overloaded");
      if (!isTransientD1Error(err)) throw err;
      if (attempt >= attempts) {
        console.error("D1 stayed unavailable after retries", err);
        throw unavailable("unavailable");
      }
      // Full jitter: anywhere up to the exponential ceiling, so retries from many requests spread out.
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
      await sleep(Math.random() * ceiling);
    }
  }
}
