/**
 * What the widget keeps in localStorage: per quiz the current round (attempt id, the questions
 * asked, position, and every answer until and after the server grades it), so a reload or a
 * dropped connection loses nothing, and the learner secret (learner.ts). Where localStorage
 * throws (sandboxed iframes, some private modes) it falls back to memory: nothing survives a
 * reload.
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

/** Where the round in progress on a quiz is saved: per API origin and quiz. */
export const roundKey = (api: string, slug: string) => `recall:${api}/${slug}`;

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
