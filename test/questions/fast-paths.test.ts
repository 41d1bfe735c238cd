// The engine's hand-written fast paths (questions/matches.ts, countWords, countChars, the words
// before a name) give exactly what the patterns they replace give: every bank depends on it.
import { describe, expect, it } from "vitest";
import { roleBefore, wordBefore } from "../../questions/entities.ts";
import { lowerCaseWords } from "../../questions/lower-words.ts";
import { lastChars, matches } from "../../questions/matches.ts";
import { countChars, countWords } from "../../questions/text.ts";

const SAMPLES = [
  "",
  " ",
  "The cat sat on the mat.",
  "naïve café – Zürich’s 'quoted' -x- x'- 𝐀𝐁c 1,000 e.g. ‘a’",
  "---",
  "'a",
  "a'b-c—d",
  "𝐀",
  "İstanbul and ǅemal",
  "x 𝐚𝐛,  \t",
  "function f(x) { return x < 1 ? 0 : [x]; } // $y #z `q` a|b \\ c;",
  "married to the  ",
  "He was married to the painter ",
  "the Prime Minister, ",
  "along with ",
  "   ,, ,",
  "by the ",
  "a very long sentence that goes on and on about the striker and the ",
  "a very long sentence that goes on and on about the striker and  , the   ",
  "with 𝐌𝐚𝐫𝐲, ",
  "the coach of the national side, Mr ",
  "ends with a bracket (",
  "ends in a quote “",
];

/** What the engine computed before its fast paths. */
const reference = {
  countWords: (t: string) => t.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0,
  letters: (t: string) => t.match(/\p{L}/gu)?.length ?? 0,
  digits: (t: string) => t.match(/\d/g)?.length ?? 0,
  symbols: (t: string) => t.match(/[{}<>=;$\\|`#[\]]/g)?.length ?? 0,
  wordBefore: (t: string) => /([\p{L}]+)[\s,]*$/u.exec(t)?.[1] ?? "",
  roleWord: (t: string) => /([\p{L}-]+),?\s+(?:the\s+)?$/u.exec(t)?.[1],
  lowerWords: (t: string) =>
    new Set([...t.matchAll(/(?<![\p{L}.])\p{Ll}[\p{Ll}'’-]*/gu)].map((m) => m[0])),
};

/** Every sample, and every prefix of the longer ones (the text before each name). */
const prefixes = SAMPLES.flatMap((s) =>
  Array.from({ length: s.length + 1 }, (_, i) => s.slice(0, i)),
);

describe("fast paths agree with the patterns they replace", () => {
  it("countWords counts what the word pattern matches", () => {
    for (const t of prefixes) expect(countWords(t), t).toBe(reference.countWords(t));
  });

  it("lowerCaseWords finds the words the lower-case pattern finds, in the same order", () => {
    for (const t of [...prefixes, SAMPLES.join(" "), SAMPLES.join(".")])
      expect([...lowerCaseWords(t)], t).toEqual([...reference.lowerWords(t)]);
  });

  it("countChars counts letters by code point, ASCII digits and code symbols", () => {
    for (const t of prefixes)
      expect(countChars(t), t).toEqual({
        letters: reference.letters(t),
        digits: reference.digits(t),
        symbols: reference.symbols(t),
      });
  });

  it("wordBefore is the last word before spaces and commas, past astral letters too", () => {
    for (const t of prefixes)
      expect(wordBefore(t), JSON.stringify(t)).toBe(reference.wordBefore(t));
    expect(wordBefore("with 𝐌𝐚𝐫𝐲, ")).toBe("𝐌𝐚𝐫𝐲");
    expect(wordBefore("ends with a bracket (")).toBe("");
  });

  it("roleBefore reads the same word as the whole-text pattern, past a 'the'", () => {
    const long = `${"x".repeat(30)} the striker, the `;
    for (const t of [...prefixes, long, `${"y ".repeat(20)}wife,   `]) {
      const word = reference.roleWord(t);
      const expected =
        word === undefined
          ? undefined
          : /\bmarried\s+(?:to\s+)?(?:the\s+\p{Ll}+\s+)?$/u.test(t)
            ? "family"
            : roleBefore(`${word} `);
      expect(roleBefore(t), JSON.stringify(t)).toBe(expected);
    }
    expect(roleBefore(long)).toBe("player");
  });

  it("matches gives matchAll's matches, empty ones included", () => {
    for (const re of [/\p{L}+/gu, /x*/g, /(?:)/gu, /\d{1,3}(?=,)/g, /./gu]) {
      for (const t of SAMPLES) {
        const ours = matches(t, re).map((m) => [m.index, m[0]]);
        const theirs = [...t.matchAll(re)].map((m) => [m.index, m[0]]);
        expect(ours, `${re} on ${JSON.stringify(t)}`).toEqual(theirs);
      }
    }
  });

  it("matches can nest on one pattern", () => {
    const re = /\w+/g;
    const pairs = matches("a b", re).flatMap((m) => matches("c d", re).map((n) => m[0] + n[0]));
    expect(pairs).toEqual(["ac", "ad", "bc", "bd"]);
  });

  it("lastChars never cuts a surrogate pair", () => {
    expect(lastChars("ab𝐀", 1)).toBe("𝐀");
    expect(lastChars("ab𝐀", 2)).toBe("𝐀");
    expect(lastChars("ab𝐀", 3)).toBe("b𝐀");
    expect(lastChars("ab", 5)).toBe("ab");
  });
});
