// Issue 11 over the WHOLE review set (not hand-picked cases): every generated question of every
// review article is checked from the outside — the choices against the place data and the
// article's own years, the bank against the mix and count targets. The BBC texts (01–12) are
// read from ../shared only (never committed); without it they are skipped, and a test says so.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Question } from "../../questions/bank.ts";
import {
  cityNamed,
  countryNamed,
  isLanguage,
  nationalityNamed,
  regionNamed,
} from "../../questions/gazetteer.ts";
import { generateReview, type ReviewNote } from "../../questions/generate.ts";
import { reviewArticles, sharedReviewDir } from "../../questions/node/review-set.ts";
import { KNOWN_SHORT } from "./known-short.ts";
import { view } from "./rules.ts";

const articles = reviewArticles();

const EVENT_WORDS =
  /\b(?:War|Wars|Battle|Treaty|Cup|Championship|Championships|Prize|Award|Awards|Games|Olympics|Revolution|Plot|Conference|Summit|Festival|Open|Slam)\b/;
const FIGURE =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|century|centuries)\b/i;

const MONTH =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

interface Checked {
  q: Question;
  note: ReviewNote | undefined;
  stem: string;
  key: string;
  distractors: string[];
}

function questionsOf(text: string): { all: Checked[]; years: number[] } {
  const { bank, notes } = generateReview(text);
  const years = [...text.matchAll(/\b(1[0-9]\d\d|20[0-4]\d)\b/g)].map((m) => Number(m[1]));
  const all: Checked[] = [];
  for (const q of bank.questions) {
    const v = view(q);
    if (!v) continue;
    all.push({ q, note: notes.find((n) => n.id === q.id), ...v });
  }
  return { all, years };
}

const asNumber = (s: string) => {
  const m = /^(?:US\$|[£$€])?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)/.exec(s);
  return m?.[1] ? Number(m[1].replace(/,/g, "")) : undefined;
};

describe("review set (issue 11)", () => {
  it("has the articles to check", () => {
    expect(articles.length).toBeGreaterThanOrEqual(8);
  });
  it.skipIf(existsSync(sharedReviewDir))(
    `SKIPPED the BBC articles 01–12: ${sharedReviewDir} is absent (they are never committed)`,
    () => {},
  );

  for (const article of articles) {
    const { all, years } = questionsOf(article.text);
    const minYear = Math.min(...years);
    const maxYear = Math.max(...years);

    it(`${article.slug}: every distractor has the key's type`, () => {
      const problems: string[] = [];
      const bad = (c: Checked, d: string, why: string) =>
        problems.push(`${c.q.id} key "${c.key}" choice "${d}": ${why}`);
      for (const c of all) {
        const keyType = c.note?.keyType ?? "";
        for (const t of c.note?.distractorTypes ?? [])
          if (t !== keyType) problems.push(`${c.q.id}: engine typed a ${t} beside a ${keyType}`);
        const country = countryNamed(c.key) && !regionNamed(c.key);
        for (const d of c.distractors) {
          if (country) {
            if (!countryNamed(d)) bad(c, d, "not a country beside a country");
            if (!countryNamed(d) && (nationalityNamed(d) || isLanguage(d)))
              bad(c, d, "a nationality among countries");
          }
          if (nationalityNamed(c.key) && !nationalityNamed(d))
            bad(c, d, "not a nationality beside a nationality");
          if (keyType === "person") {
            if (EVENT_WORDS.test(d)) bad(c, d, "an event among people");
            if (countryNamed(d) || nationalityNamed(d) || cityNamed(d)?.population)
              if (!d.includes(" ")) bad(c, d, "a place or people among people");
            if (c.key.includes(" ") && !d.includes(" "))
              bad(c, d, "a fragment beside a whole name");
          }
          if (keyType === "place:city") {
            const keyCity = cityNamed(c.key);
            const city = cityNamed(d);
            const home = keyCity ? countryNamed(keyCity.code) : undefined;
            if (!city) bad(c, d, "not a city beside a city");
            const named =
              keyCity &&
              [...allNamesOf(keyCity.code)].some((n) => new RegExp(`\\b${n}\\b`).test(c.stem));
            if (named && city && keyCity && city.code !== keyCity.code)
              bad(c, d, `a city outside ${home?.name ?? keyCity.code}, which the stem names`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it(`${article.slug}: numbers are plausible and never one off the key`, () => {
      const problems: string[] = [];
      for (const c of all) {
        // Whole dates and centuries are checked by their year or not at all: "17th century"
        // beside "18th" is a century apart, not one off.
        if (MONTH.test(c.key) || /century/.test(c.key) || /____ century/.test(c.stem)) continue;
        const k = asNumber(c.key);
        if (k === undefined) continue;
        // ("0051" is the tail of a statement's "0.0051%", never a year.)
        const isYear =
          /^[1-9]\d{3}$/.test(c.key) && c.distractors.every((d) => /^[1-9]\d{3}$/.test(d));
        const percent = /%|per ?cent/.test(c.key);
        const age = /\bage(?:d)? (?:of )?____|____-year-old|his ____|her ____/.test(c.stem);
        const future = /\b(?:will|would|expected|could|plans?|aims?|due|set to|by ____)\b/.test(
          c.q.source.text,
        );
        for (const d of c.distractors) {
          const n = asNumber(d);
          if (n === undefined) continue;
          if (Math.abs(n - k) === 1 && Number.isInteger(k))
            problems.push(`${c.q.id}: "${d}" is one off the key "${c.key}"`);
          if (isYear) {
            if (Math.abs(n - k) < 2) problems.push(`${c.q.id}: year ${d} against ${c.key}`);
            if (!future && k <= maxYear && n > maxYear)
              problems.push(`${c.q.id}: year ${d} after the article's latest year ${maxYear}`);
            const margin = Math.max(10, Math.round((maxYear - minYear) / 4)) + 1;
            if (n < minYear - margin)
              problems.push(`${c.q.id}: year ${d} far before the article's span from ${minYear}`);
          }
          // A share stays within 100%; a key over 100 (a 130% rise) may have rivals over it.
          if (percent && (n <= 0 || (k <= 100 && n > 100)))
            problems.push(`${c.q.id}: percentage ${d}`);
          if (age && (n < 1 || n > 110)) problems.push(`${c.q.id}: age ${d}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it(`${article.slug}: no more than 60% of a bank of six or more on numbers and dates`, () => {
      const figures = all.filter((c) => FIGURE.test(c.key) || /^\d/.test(c.key)).length;
      if (all.length >= 6) expect(figures / all.length).toBeLessThanOrEqual(0.6);
    });

    const target = article.words >= 700 ? 8 : article.words >= 300 ? 5 : 1;
    const count = KNOWN_SHORT.has(article.slug) ? it.fails : it;
    count(`${article.slug}: ${article.words} words get at least ${target} questions`, () => {
      expect(all.length).toBeGreaterThanOrEqual(target);
    });
  }
});

function allNamesOf(code: string): Set<string> {
  const out = new Set<string>();
  const c = countryNamed(code === "GB" ? "United Kingdom" : code === "US" ? "United States" : code);
  const info = c ?? undefined;
  if (info) {
    out.add(info.name);
    if (info.demonym) out.add(info.demonym);
  }
  return out;
}
