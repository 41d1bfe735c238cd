/** Hand-read replacements of patterns (tokens.ts, matches.ts, spelling.ts) give the patterns' answers. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  capitalisedPairs,
  likenessBefore,
  midSentenceCapitals,
  quotedBefore,
} from "../../questions/matches.ts";
import { editDistance } from "../../questions/spelling.ts";
import { wordTokens } from "../../questions/tokens.ts";

/**
 * `count` strings of up to `maxLength - 1` symbols drawn from `alphabet` by a fixed linear
 * congruential sequence from `seed`: the same strings every run.
 */
function randomStrings(
  alphabet: readonly string[],
  seed: number,
  count: number,
  maxLength: number,
): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = "";
    const length = next() % maxLength;
    for (let k = 0; k < length; k++) text += alphabet[next() % alphabet.length];
    out.push(text);
  }
  return out;
}

const TOKEN = /\p{Lu}\.(?:\s?\p{Lu}\.)*|[\p{L}\p{N}]+(?:['’\-–][\p{L}\p{N}]+)*(?:\.(?=\s*\())?/gu;

function byPattern(text: string) {
  return [...text.matchAll(TOKEN)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

function articles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

describe("wordTokens", () => {
  it("finds the pattern's tokens in every article of the repository", () => {
    const texts = [...articles("questions/articles"), ...articles("test/questions/articles")];
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) expect(wordTokens(text)).toEqual(byPattern(text));
  });

  it("finds the pattern's tokens at initials, joiners, brackets, accents and surrogates", () => {
    const cases = [
      "J. R. R. Tolkien and U.S. forces; A.B.C. and X. Y.",
      "A.\u00a0B. then A.  B. then É.Ö. then ΑΒ.Γ.",
      "rock-’n’-roll, O’Brien’s, Jean-Paul–Sartre, 1990-91, -x, x-, x--y, x'",
      "Sony Corp. (Japan) and Ltd.   (UK) and Inc.\u2003( and Co. ) and end.",
      "𝐀𝐁. 𝐀. 𝐚𝐛𝐜 \ud800 lone \udc00 high\ud800x Ǆ. ǅ. ǆ 𝟙𝟚 ٣٤ 中文。",
      "",
      ".",
      "A",
      "A.",
      "a.(",
      "ab.\n\t(",
    ];
    for (const text of cases)
      expect(wordTokens(text), JSON.stringify(text)).toEqual(byPattern(text));
  });

  it("finds the pattern's tokens in random strings of the characters that matter", () => {
    const alphabet = [..."AbÉü7. \u00a0'’-–()𝐀𝐚\ud800\n,ǅ"];
    for (const text of randomStrings(alphabet, 7, 3000, 24)) {
      expect(wordTokens(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });
});

describe("capitalisedPairs and midSentenceCapitals", () => {
  const PAIRS = /\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?/gu;
  const MID = /(?<=[\p{Ll}\d,;:] )\p{Lu}\p{Ll}+/gu;
  const cases = [
    ...articles("questions/articles"),
    ...articles("test/questions/articles"),
    "South Africa and New  York, ABc DEf Ég Öl, 𝐀𝐚 𝐚 Bb; Cc: Dd 9 Ee ǅa Ǆb",
    " Leading space. A B Cd e Fg  Hi\u00a0Jk 𝐚 Lm \ud800 No",
  ];
  it("finds the patterns' matches", () => {
    for (const text of cases) {
      expect(capitalisedPairs(text)).toEqual([...text.matchAll(PAIRS)].map((m) => m[0]));
      expect(midSentenceCapitals(text)).toEqual([...text.matchAll(MID)].map((m) => m[0]));
    }
  });

  it("finds the patterns' matches in random strings", () => {
    const alphabet = [..."AbÉü7,; \u00a0𝐀𝐚\ud800ǅ."];
    for (const text of randomStrings(alphabet, 11, 3000, 20)) {
      expect(capitalisedPairs(text), JSON.stringify(text)).toEqual(
        [...text.matchAll(PAIRS)].map((m) => m[0]),
      );
      expect(midSentenceCapitals(text), JSON.stringify(text)).toEqual(
        [...text.matchAll(MID)].map((m) => m[0]),
      );
    }
  });
});

describe("quotedBefore and likenessBefore", () => {
  const QUOTES = /["“”]/g;
  const LIKENESS = /\b(?:like|as)\s+$/i;
  it("read what their patterns read, at every position of random strings", () => {
    const alphabet = [
      "like",
      "LiKe",
      "as",
      "AS",
      "alike",
      "has",
      " ",
      "\u00a0",
      "\n",
      '"',
      "“",
      "”",
      "_",
      "9",
      "é",
      "K",
      "ſ",
      "a",
      "x",
    ];
    for (const text of randomStrings(alphabet, 5, 2000, 10)) {
      for (let at = 0; at <= text.length; at++) {
        const before = text.slice(0, at);
        const label = JSON.stringify([text, at]);
        expect(quotedBefore(text, at), label).toBe((before.match(QUOTES) ?? []).length % 2 === 1);
        expect(likenessBefore(text, at), label).toBe(LIKENESS.test(before));
      }
    }
  });
});

describe("editDistance", () => {
  /** The version before rows were reused: a new row per letter. */
  function withNewRows(a: string, b: string, limit = 2): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
        row.push(v);
        best = Math.min(best, v);
      }
      if (best > limit) return limit + 1;
      prev = row;
    }
    return prev[b.length] ?? limit + 1;
  }
  it("answers as the version with a new row per letter", () => {
    const words = [
      "",
      "a",
      "ab",
      "gonzalez",
      "gonzales",
      "gonzalo",
      "gonsalves",
      "lewis",
      "lewin",
      "teller",
      "tellers",
      "ab𝐀",
      "a𝐀b",
    ];
    for (const a of words)
      for (const b of words)
        for (const limit of [1, 2, 3, 5])
          expect(editDistance(a, b, limit), `${a} ${b} ${limit}`).toBe(withNewRows(a, b, limit));
  });
});
