// Issue 14, speed pass 4: the batch forms of per-name checks give exactly what the per-name
// checks give (every bank depends on it; bench/bank-hashes.ts checks the banks themselves).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blankInNameList } from "../../questions/context.ts";
import { placePrepBefore, workCueBefore } from "../../questions/entities.ts";
import { midSentenceCapitals } from "../../questions/matches.ts";
import { rarerSpelling, rarerSpellings } from "../../questions/spelling.ts";
import { letterDigitRuns } from "../../questions/text.ts";

describe("rarerSpellings (spelling.ts)", () => {
  it("finds, in order, the names rarerSpelling finds", () => {
    const names = new Map([
      ["Fernando Gonzalez", 3],
      ["Fernando Gonzaelz", 1],
      ["Gonzales", 1],
      ["August Forel", 2],
      ["Augustin Gamel", 1],
      ["Oppenheimer", 4],
      ["Robert Oppenhiemer", 1],
      ["Oppenheim", 1],
      ["Lewis", 2],
      ["Lewin", 1],
      ["Edward Teller", 5],
      ["Tellers", 1],
      ["Maria Gonzalez", 1],
    ]);
    const one = [...names].filter(([n, c]) => rarerSpelling(n, c, names)).map(([n]) => n);
    expect([...rarerSpellings(names)]).toEqual(one);
    expect(one).toContain("Fernando Gonzaelz");
  });
});

describe("blankInNameList (context.ts)", () => {
  it("still finds the blank in a list, and none without a comma or a conjunction", () => {
    expect(blankInNameList("the US, Europe and ____ agreed")).toBe(true);
    expect(blankInNameList("Oslo, ____, Bergen or Tromsø")).toBe(true);
    expect(blankInNameList("the US and ____ agreed")).toBe(false);
    expect(blankInNameList("the US, Europe, ____")).toBe(false);
    expect(blankInNameList("the US, Europe\tand\t____ agreed")).toBe(true);
  });
});

describe("midSentenceCapitals (matches.ts)", () => {
  const samples = [
    "",
    " Foo",
    "a Foo Bar baz, Qux; Quux: Corge 3 Grault. Garply",
    "a  Foo",
    "x Foo Bar Baz",
    "Élan and Émile, Ödön; Ünal 𝐚 Foo 𝐀 Bar é Çağ",
    "naïve Zürich’s ‘Quoted’ 1,000 Men; e.g. Ab",
    "\uDC00 Foo \uD835 Bar a A Ab",
    "the US and the UK, Abc",
  ];
  // The repo's own articles (never the BBC texts, which stay outside the repo).
  const articles = ["questions/articles", "test/questions/articles"].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(path.join(dir, f), "utf8")),
  );
  it("gives what the look-behind pattern gives", () => {
    expect(articles.length).toBeGreaterThan(0);
    for (const text of [...samples, ...articles])
      expect(midSentenceCapitals(text)).toEqual(
        text.match(/(?<=[\p{Ll}\d,;:] )\p{Lu}\p{Ll}+/gu) ?? [],
      );
  });
});

describe("workCueBefore, placePrepBefore (entities.ts)", () => {
  const WORK =
    /\b(?:film|films|novel|book|movie|song|album|play|poem|series|documentary|magazine|newspaper|opera|painting|titled|entitled)\s*,?\s*$/i;
  const PLACE = /\b(?:in|at|from|to|near|into|across|toward|towards|via|of the city of)\s+$/i;
  const samples = [
    "",
    " ",
    "in ",
    "in",
    "within ",
    "born in\u00a0",
    "the film ",
    "the film, ",
    "the film ,\t ",
    "the film,, ",
    "the films",
    "his documentary ",
    "a xdocumentary ",
    "the filmé ",
    "Documentary ",
    "a town of the city of ",
    "the city of ",
    "went Towards   \n ",
    "went towards",
    "the novel, entitled ",
    "1film ",
    "_in ",
    ", ",
  ];
  it("give what their patterns give", () => {
    const befores = [...samples];
    // Every prefix of a few sentences, as splitRun passes them.
    for (const text of [
      "He starred in the film Casablanca, in Morocco, near Rabat, via Tangier.",
      "She wrote a novel, titled Silent Spring, in 1962 at Woods Hole.",
    ])
      for (let i = 0; i <= text.length; i++) befores.push(text.slice(0, i));
    for (const b of befores) {
      expect(workCueBefore(b), b).toBe(WORK.test(b));
      expect(placePrepBefore(b), b).toBe(PLACE.test(b));
    }
  });
});

describe("letterDigitRuns (text.ts)", () => {
  const samples = [
    "",
    " ",
    "The cat sat on the mat.",
    "naïve café – Zürich’s 'quoted' -x- x'- 𝐀𝐁c 1,000 e.g. ‘a’",
    "a'b-c—d ², Ⅻ ١٢٣ 漢字 かな",
    "\uD835 lone \uDC00 surrogates \uD835\uDC00x",
    "𝐀",
    "İstanbul and ǅemal",
    "ends in a word",
  ];
  const articles = ["questions/articles", "test/questions/articles"].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(path.join(dir, f), "utf8")),
  );
  it("gives what the pattern gives", () => {
    for (const text of [...samples, ...articles])
      for (const t of [text, text.toLowerCase()])
        expect(letterDigitRuns(t)).toEqual(t.match(/[\p{L}\p{N}]+/gu) ?? []);
  });
});
