/**
 * A question's fingerprint: a short hash of what a reader sees (prompt, choices in order, the
 * key's text). A grade in test/questions/review-grades.json holds the fingerprint of the
 * question it judged, so a changed question shows as ungraded, never as graded.
 */

import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Question } from "./bank.ts";

export function fingerprint(q: Question): string {
  const key = q.choices.find((c) => c.id === q.answer)?.text ?? "";
  const content = [q.prompt, ...q.choices.map((c) => c.text), `=${key}`].join("\n");
  return bytesToHex(sha256(utf8ToBytes(content))).slice(0, 16);
}
