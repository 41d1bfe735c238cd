// Round 15b (issue 11): a side detail (a bracketed count, one day's tally, "____ weeks later")
// fills an empty stretch of the article last: a bank that has its target count first moves a
// question whose key it already asks to that key's sentence in the gap (moveIntoGap in
// questions/generate.ts), so a bank above its count holds no side detail, and a bank at or
// below it at most one. Checked over the whole review set; the BBC texts come from ../shared only.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateReview, targetCount, traceCandidates } from "../../questions/generate.ts";
import { reviewArticles, sharedReviewDir } from "../../questions/node/review-set.ts";

const articles = reviewArticles();

describe("round 15b: side details only fill a short bank", () => {
  it.skipIf(existsSync(sharedReviewDir))(
    `SKIPPED the BBC articles 01–12: ${sharedReviewDir} is absent (they are never committed)`,
    () => {},
  );

  for (const article of articles) {
    it(`${article.slug}: no side detail in a bank above its target count`, () => {
      const questions = generateReview(article.text).bank.questions;
      const side = new Set(
        traceCandidates(article.text)
          .lines.filter((l) => l.endsWith(": side detail"))
          .map((l) => l.slice(l.indexOf(" ") + 1, -": side detail".length)),
      );
      const asked = questions
        .map((q) => q.choices.find((c) => c.id === q.answer)?.text ?? "")
        .filter((k) => side.has(k));
      if (questions.length > targetCount(article.words)) expect(asked).toEqual([]);
      else expect(asked.length).toBeLessThanOrEqual(1);
    });
  }
});
