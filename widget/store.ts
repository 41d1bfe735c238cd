/**
 * What the widget keeps in localStorage: the anonymous learner id, and per quiz the current
 * round (attempt id, the questions asked, position, and every answer until and after the server
 * grades it), so a reload or a dropped connection loses nothing. Where localStorage throws
 * (sandboxed iframes, some private modes) it falls back to memory: nothing survives a reload.
 */
import type { AnswerResult } from "../worker/contract.ts";

export interface Answer {
  /** The choice the learner submitted. */
  c: string;
  /** The server's grade; absent while the answer is still on its way. */
  r?: AnswerResult;
}

/** One pass through some questions: the whole quiz, or the ones missed last time. */
export interface Round {
  /** The attempt id, made here so that a start retried after a lost reply stores one attempt. */
  a: string;
  /** The server has stored the attempt. */
  s?: 1;
  /** A retry round: the attempt whose missed questions it asks again. */
  p?: string;
  ids: string[];
  pos: number;
  ans: Record<string, Answer>;
  /** All questions of the round answered and "see my score" pressed. */
  done?: boolean;
  /** The recall:complete event was dispatched for this round. */
  ev?: boolean;
}

/**
 * The page's copy of every key read or written: what load() answers once a key has been read.
 * Where localStorage throws (a sandboxed iframe without allow-same-origin, a full or disabled
 * storage) it is the only store: the round and the learner secret then live as long as the page,
 * which still resumes a re-attached element and re-sends a pending answer.
 */
const memory = new Map<string, string | null>();

export function load<T>(key: string): T | undefined {
  try {
    if (!memory.has(key)) memory.set(key, localStorage.getItem(key));
    return JSON.parse(memory.get(key) ?? "null") ?? undefined;
  } catch {
    return undefined;
  }
}

export function save(key: string, value: unknown): void {
  const text = JSON.stringify(value);
  memory.set(key, text);
  try {
    localStorage.setItem(key, text);
  } catch {
    // Kept in memory only: resuming after a reload will not work, everything else does.
  }
}

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
