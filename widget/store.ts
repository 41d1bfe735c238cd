/**
 * What the widget keeps in localStorage: the anonymous learner id, and per quiz the current
 * round (attempt id, the questions asked, position, and every answer until and after the server
 * grades it), so a reload or a dropped connection loses nothing. Storage can be missing
 * (sandboxed iframes, private modes): then the widget simply forgets.
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
  /** The attempt id, once the server has created the attempt. */
  a?: string;
  ids: string[];
  pos: number;
  ans: Record<string, Answer>;
  /** All questions of the round answered and "see my score" pressed. */
  done?: boolean;
  /** The recall:complete event was dispatched for this round. */
  ev?: boolean;
}

export function load<T>(key: string): T | undefined {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null") ?? undefined;
  } catch {
    return undefined;
  }
}

export function save(key: string, value: unknown): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // No storage: resuming will not work, everything else does.
  }
}

/** The anonymous learner id, made once per browser (never a cookie, never an IP). */
export function learnerId(): string {
  let id = load<string>("recall:learner");
  if (!id) {
    // randomUUID needs a secure context; on plain-http blogs any unlikely-to-repeat id will do,
    // since it is an anonymous label, not a secret.
    id = crypto.randomUUID?.() ?? `${Math.random()}${Date.now()}`.slice(2);
    save("recall:learner", id);
  }
  return id;
}
