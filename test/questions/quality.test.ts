// The quality harness of issue 3, point 8: every article we have (the shared set when it is
// next to the repository, the seed, the copies and our own unseen-genre articles) goes through
// the generator; every rule of points 4–5 is checked on the output, the targets are asserted,
// and a table per article is printed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateBank } from "../../questions/generate.ts";
import { bodyWords, reviewArticles } from "../../questions/node/review-set.ts";
import { KNOWN_SHORT } from "./known-short.ts";
import { checkBank, type Violation } from "./rules.ts";

const root = path.resolve(import.meta.dirname, "../..");
const shared = path.resolve(root, "../shared/articles");

interface Article {
  name: string;
  file: string;
  /** Held to the targets (shared set and seed); our own articles only to the rules. */
  target: boolean;
}

/** The shared articles copied into test/questions/articles keep their targets on a clean clone. */
const TARGETS = new Set(["edward-teller", "pedro-alvares-cabral", "satyajit-ray"]);

/**
 * Every article, loudly: a target named above that cannot be found fails the harness (it used
 * to drop out of it silently), and the shared set's absence is a visible skipped test.
 */
function articles(): Article[] {
  const out = new Map<string, Article>();
  const add = (dir: string, target: boolean) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith(".txt")) continue;
      const name = f.replace(/\.txt$/, "");
      const isTarget = target || name.startsWith("shared-") || TARGETS.has(name);
      const seen = out.get(name);
      if (seen) seen.target ||= isTarget;
      else out.set(name, { name, file: path.join(dir, f), target: isTarget });
    }
  };
  add(shared, true);
  add(path.join(root, "questions/articles"), true);
  add(path.join(import.meta.dirname, "articles"), false);
  for (const a of reviewArticles())
    if (!out.has(a.slug)) out.set(a.slug, { name: a.slug, file: a.file, target: true });
  return [...out.values()];
}

const all = articles();

/** Issue 11's targets: 8 questions from 700 words, 5 from 300 (body words, as SOURCES.md counts). */
function minimumFor(text: string): number {
  const words = bodyWords(text);
  return words >= 700 ? 8 : words >= 300 ? 5 : 1;
}

const rows: string[] = [];
const kindsAcross = new Set<string>();

describe("quality harness", () => {
  it("finds every article it names as a target", () => {
    const names = new Set(all.map((a) => a.name));
    expect([...TARGETS].filter((t) => !names.has(t))).toEqual([]);
    expect(names.has("pakistan-russia-75-years")).toBe(true);
  });
  it.skipIf(existsSync(shared))(`SKIPPED the shared articles: ${shared} is absent`, () => {});

  for (const article of all) {
    it(`${article.name}: every rule holds and the targets are met`, () => {
      const text = readFileSync(article.file, "utf8");
      const words = text.split(/\s+/).filter(Boolean).length;
      const bank = generateBank(text);
      // A known-short bank may leave more than half its article unasked: what stands in that
      // stretch is a side detail ("____ weeks later"), which graders drop every round, so its
      // gap is left open until an honest question is found there (round 15).
      const violations: Violation[] = checkBank(bank, text).filter(
        (v) => v.rule !== "spread" || !KNOWN_SHORT.has(article.name),
      );
      const kinds = new Set(bank.questions.map((q) => q.type));
      for (const k of kinds) kindsAcross.add(k);
      rows.push(
        [
          article.name.padEnd(32),
          String(words).padStart(5),
          String(bank.questions.length).padStart(3),
          [...kinds].join(",").padEnd(42),
          violations.length ? violations.map((v) => `${v.question}:${v.rule}`).join(" ") : "none",
        ].join(" | "),
      );
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
      // Targets of articles known to fall short are asserted (as known failures) in
      // review-set.test.ts; here every target article is held to them.
      if (article.target && !KNOWN_SHORT.has(article.name))
        expect(bank.questions.length).toBeGreaterThanOrEqual(minimumFor(text));
      // A known-short article keeps at least two: round 7 took 11's two weakest (a lead year
      // whose choices all fell before it, next year's edition of "the word") and left two.
      else if (KNOWN_SHORT.has(article.name))
        expect(bank.questions.length).toBeGreaterThanOrEqual(2);
      else expect(bank.questions.length).toBeGreaterThanOrEqual(4);
    });
  }

  it("uses at least three question kinds across the set", () => {
    for (const article of all) {
      for (const q of generateBank(readFileSync(article.file, "utf8")).questions)
        kindsAcross.add(q.type);
    }
    expect(kindsAcross.size).toBeGreaterThanOrEqual(3);
  });

  afterAll(() => {
    const header = ["article".padEnd(32), "words", "  q", "kinds".padEnd(42), "violations"].join(
      " | ",
    );
    console.log(`\n${header}\n${"-".repeat(header.length + 20)}\n${rows.join("\n")}\n`);
  });
});
