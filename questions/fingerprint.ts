/**
 * A question's fingerprint: a short hash of what a reader is asked (the prompt, the set of
 * choices and the key's text). A grade in test/questions/review-grades.json holds the
 * fingerprint of the question it judged, so a changed question shows as ungraded, never as
 * graded. The choices' order is left out: the key's position is balanced across a bank, so it
 * moves when another question comes or goes, and where the key stands changes no verdict.
 */

import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Question } from "./bank.ts";

export function fingerprint(q: Question): string {
  const key = q.choices.find((c) => c.id === q.answer)?.text ?? "";
  const choices = q.choices.map((c) => c.text).sort();
  const content = [q.prompt, ...choices, `=${key}`].join("\n");
  return bytesToHex(sha256(utf8ToBytes(content))).slice(0, 16);
}
