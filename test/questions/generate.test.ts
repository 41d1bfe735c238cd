// The generator as its callers use it: article text in, bank out — format, determinism,
// offsets, errors.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UnusableArticleError } from "../../questions/errors.ts";
import { generateBank } from "../../questions/generate.ts";

const root = path.resolve(import.meta.dirname, "../..");
const seed = readFileSync(
  path.join(root, "questions/articles/pakistan-russia-75-years.txt"),
  "utf8",
);

describe("generateBank", () => {
  it("makes at least 8 questions from the seed article", () => {
    const bank = generateBank(seed);
    expect(bank.questions.length).toBeGreaterThanOrEqual(8);
    expect(bank.questions.length).toBeLessThanOrEqual(10);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(generateBank(seed))).toBe(JSON.stringify(generateBank(seed)));
  });

  it("matches the committed seed bank", () => {
    const committed = JSON.parse(
      readFileSync(path.join(root, "questions/banks/pakistan-russia-75-years.json"), "utf8"),
    );
    expect(generateBank(seed)).toEqual(committed);
  });

  it("writes banks in the documented format (questions/bank.ts)", () => {
    const bank = generateBank(seed);
    expect(bank.version).toBe(1);
    expect(bank.locale).toBe("en");
    expect(bank.title).toBe("Productive Meeting between Foreign Ministers of Russia and Pakistan");
    expect(bank.articleHash).toBe(createHash("sha256").update(seed).digest("hex"));
    const ids = new Set<string>();
    for (const q of bank.questions) {
      expect(q.id).toMatch(/^[a-z0-9-]{1,32}$/);
      expect(ids.has(q.id)).toBe(false);
      ids.add(q.id);
      expect(["cloze", "true-statement", "list-membership"]).toContain(q.type);
      expect(q.choices.length).toBeGreaterThanOrEqual(3);
      expect(q.choices.length).toBeLessThanOrEqual(4);
      expect(q.choices.map((c) => c.id)).toEqual(["a", "b", "c", "d"].slice(0, q.choices.length));
      expect(new Set(q.choices.map((c) => c.text.toLowerCase())).size).toBe(q.choices.length);
      expect(q.choices.map((c) => c.id)).toContain(q.answer);
      expect(q.prompt.length).toBeGreaterThan(10);
      expect(q.explanation.length).toBeGreaterThan(10);
      expect(seed.slice(q.source.start, q.source.end)).toBe(q.source.text);
    }
  });

  it("honours count, title and locale", () => {
    const bank = generateBank(seed, { count: 3, title: "My quiz", locale: "ur" });
    expect(bank.questions).toHaveLength(3);
    expect(bank.title).toBe("My quiz");
    expect(bank.locale).toBe("ur");
  });
});

describe("unusable input", () => {
  const cases: Array<[string, string, UnusableArticleError["reason"]]> = [
    ["empty", "", "empty"],
    ["whitespace", "  \n\t  ", "empty"],
    ["binary", "PK\u0003\u0004\u0000\u0000binary\u0000data", "binary"],
    ["huge", `${seed}\n`.repeat(40), "too-large"],
    ["too short", "Cats are nice. Dogs are loyal.", "not-an-article"],
    [
      "code",
      "function f(x) { return x * 2; }\nconst y = f(3);\nif (y > 4) { console.log(y); }\n".repeat(
        10,
      ),
      "not-an-article",
    ],
    ["numbers", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n".repeat(20), "not-an-article"],
  ];
  for (const [name, text, reason] of cases) {
    it(`rejects ${name} input with a clear message`, () => {
      let caught: unknown;
      try {
        generateBank(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UnusableArticleError);
      const error = caught as UnusableArticleError;
      expect(error.reason).toBe(reason);
      expect(error.message.length).toBeGreaterThan(20);
    });
  }
});
