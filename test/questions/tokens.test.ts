/** questions/tokens.ts: the hand-read tokens are the pattern's, on every article and on edge cases. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { wordTokens } from "../../questions/tokens.ts";

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
    const alphabet = [
      "A",
      "b",
      "É",
      "ü",
      "7",
      ".",
      " ",
      "\u00a0",
      "'",
      "’",
      "-",
      "–",
      "(",
      ")",
      "𝐀",
      "𝐚",
      "\ud800",
      "\n",
      ",",
      "ǅ",
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 3000; n++) {
      let text = "";
      const length = next() % 24;
      for (let k = 0; k < length; k++) text += alphabet[next() % alphabet.length];
      expect(wordTokens(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });
});
