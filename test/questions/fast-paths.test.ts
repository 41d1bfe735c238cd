// The engine's hand-written fast paths (questions/matches.ts, countWords, countChars, the words
// before a name) give exactly what the patterns they replace give: every bank depends on it.
import { describe, expect, it } from "vitest";
import { padded } from "../../questions/distractors.ts";
import { roleBefore, wordBefore } from "../../questions/entities.ts";
import { type Askable, GiveAways } from "../../questions/giveaway.ts";
import { lowerCaseWords } from "../../questions/lower-words.ts";
import { lastChars, matches } from "../../questions/matches.ts";
import { collapseSpaces, countChars, countWords, dottedWordAtEnd } from "../../questions/text.ts";

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
  "Acme Ltd. and U.S. firms",
  "tabs\tand\u00a0no-break  spaces\n\nlines ",
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
/** …and every suffix: a cut may fall inside a surrogate pair. */
const suffixes = SAMPLES.flatMap((s) => Array.from({ length: s.length + 1 }, (_, i) => s.slice(i)));

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

  it("dottedWordAtEnd is what the letters-and-stops pattern finds at the end", () => {
    for (const t of [...prefixes, ...suffixes])
      expect(dottedWordAtEnd(t), JSON.stringify(t)).toBe(t.match(/[\p{L}.]+$/u)?.[0] ?? "");
    expect(dottedWordAtEnd("the U.S.")).toBe("U.S.");
  });

  it("collapseSpaces is the white-space pattern's replacement", () => {
    for (const t of [...prefixes, ...suffixes])
      expect(collapseSpaces(t), JSON.stringify(t)).toBe(t.replace(/\s+/g, " "));
  });

  it("lastChars never cuts a surrogate pair", () => {
    expect(lastChars("ab𝐀", 1)).toBe("𝐀");
    expect(lastChars("ab𝐀", 2)).toBe("𝐀");
    expect(lastChars("ab𝐀", 3)).toBe("b𝐀");
    expect(lastChars("ab", 5)).toBe("ab");
  });
});

/** generate.ts's give-away check as written before giveaway.ts: every pair compared in full. */
function revealsInFull(a: Askable, b: Askable): boolean {
  const secrets = a.secrets.map(padded).filter((s) => s.trim());
  const shows = b.shows.slice(0, b.type === "true-statement" ? 1 : 2).map(padded);
  const whole = padded(a.key);
  const person = a.type === "cloze" && a.keyType.kind === "person" && a.key.includes(" ");
  const rivals = a.type === "cloze" && a.facet !== "figure" ? a.distractors.map(padded) : [];
  return secrets.some((s) =>
    shows.some(
      (shown, i) =>
        shown.includes(s) &&
        !(i === 0 && s !== whole && (person || rivals.some((r) => shown.includes(r)))),
    ),
  );
}

describe("the give-away relation (giveaway.ts)", () => {
  const cloze = (stem: string, key: string, secrets: string[], kind = "other"): Askable => ({
    type: "cloze",
    key,
    secrets,
    shows: [stem, key],
    facet: kind === "person" ? "person" : "name",
    keyType: { kind } as Askable["keyType"],
    distractors: [],
  });
  const pool: Askable[] = [
    cloze(
      "The Harbour Fund was set up by ____ in 1990.",
      "Marta Velsen",
      ["Marta Velsen", "Velsen"],
      "person",
    ),
    cloze("Velsen later chaired the ____.", "Harbour Fund", ["Harbour Fund", "HF"]),
    cloze("Loans from the Harbour Fund and the Dock Bank reached the ____ coast.", "northern", [
      "northern",
    ]),
    cloze("The ____ lent money to the Dock Bank.", "International Harbour Fund", [
      "International Harbour Fund",
      "Harbour Fund",
    ]),
    cloze("In ____ the Dock Bank opened its doors.", "1990", ["1990"]),
    {
      type: "true-statement",
      key: "Marta Velsen founded the Harbour Fund.",
      secrets: ["Marta Velsen"],
      shows: ["Marta Velsen founded the Harbour Fund.", "Ines Moor founded the Harbour Fund."],
      facet: "person",
      keyType: { kind: "person" },
      distractors: ["Ines Moor founded the Harbour Fund."],
    },
    cloze("Nothing here names ___ anyone, not even “quotes”.", "  ", ["", " "]),
  ];

  it("decides every pair as the full comparison does, before and after choices are made", () => {
    const relation = new GiveAways<Askable>();
    const check = () => {
      for (const a of pool)
        for (const b of pool)
          expect(relation.reveals(a, b), `${a.key} -> ${b.shows[0]}`).toBe(revealsInFull(a, b));
    };
    check();
    // The fund's name in the person's stem gives it away; her surname alone in its stem does not.
    expect(relation.reveals(pool[1] as Askable, pool[0] as Askable)).toBe(true);
    expect(relation.reveals(pool[0] as Askable, pool[1] as Askable)).toBe(false);
    // Choices made: a rival beside the short form in a stem excuses it ("Dock Bank").
    const fund = pool[3] as Askable;
    expect(relation.reveals(fund, pool[2] as Askable)).toBe(true);
    fund.distractors = ["Dock Bank", "Pier Trust", "Quay Board"];
    fund.shows = [...fund.shows, ...fund.distractors];
    relation.refresh(fund);
    check();
    expect(relation.reveals(fund, pool[2] as Askable)).toBe(false);
  });

  it("holds apart two questions with one key, whatever their stems show", () => {
    const relation = new GiveAways<Askable>();
    const a = cloze("The ____ met in spring.", "Harbour Fund", []);
    const b = cloze("In autumn the ____ met again.", "the Harbour Fund", []);
    expect(relation.reveals(a, b) || relation.reveals(b, a)).toBe(false);
    expect(relation.clash(a, b)).toBe(true);
  });
});
