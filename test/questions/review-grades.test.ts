// The review set's grades (issue 11): every generated question of every review article must
// have a grade in test/questions/review-grades.json whose fingerprint matches the question as
// generated now. A grade of an older version of a question (the engine changed, the grade was
// not renewed) always fails. Missing verdicts fail once the file's "enforce" flag is true:
// the lead sets it when independent graders (never the engine's author) have filled the file.
// Find what needs grading with `npm run questions -- grades` (see questions/REVIEW.md).
import { describe, expect, it } from "vitest";
import {
  type GradesFile,
  generateReviewSet,
  gradeStatus,
  readGrades,
  reviewArticles,
} from "../../questions/node/review-set.ts";

const REASONS = new Set([
  "wrong-kind",
  "wrong-region",
  "implausible-number",
  "hair-splitting-number",
  "give-away",
  "self-answering",
  "idiom-blank",
  "trivia",
  "no-context",
  "garbage-choice",
  "wrong-key",
  "ambiguous-key",
]);

const grades: GradesFile = readGrades();
const articles = reviewArticles();
const questions = generateReviewSet(articles);

describe("review-set grades", () => {
  it("no grade is stale: a changed question's grade was renewed", () => {
    const stale = questions.filter((q) => gradeStatus(q, grades) === "stale").map((q) => q.id);
    expect(stale, "run `npm run questions -- grades` and regrade these").toEqual([]);
  });

  it("every verdict is keep, fix or drop, and every fix or drop names a reason class", () => {
    const bad: string[] = [];
    for (const [id, g] of Object.entries(grades.grades)) {
      if (!g.verdict) continue;
      if (!["keep", "fix", "drop"].includes(g.verdict)) bad.push(`${id}: verdict "${g.verdict}"`);
      const classes = (g.reason.match(/[a-z]+(?:-[a-z]+)*/g) ?? []).filter((w) => REASONS.has(w));
      if (g.verdict !== "keep" && classes.length === 0) bad.push(`${id}: no reason class`);
    }
    expect(bad).toEqual([]);
  });

  const ungraded = questions.filter((q) => gradeStatus(q, grades) === "ungraded");
  it.skipIf(!grades.enforce)(
    `every question has a current grade (${ungraded.length} of ${questions.length} ungraded; enforced once "enforce" is true in review-grades.json)`,
    () => {
      expect(ungraded.map((q) => q.id)).toEqual([]);
      const live = new Set(questions.map((q) => q.id));
      const slugs = new Set(articles.map((a) => a.slug));
      const orphans = Object.keys(grades.grades).filter(
        (id) => slugs.has(id.split("/")[0] ?? "") && !live.has(id),
      );
      expect(orphans, "run `npm run questions -- grades --prune`").toEqual([]);
    },
  );

  it.skipIf(!grades.enforce)(
    "meets the issue's acceptance: at least 90% keep, no wrong key, no give-away",
    () => {
      const current = questions.map((q) => grades.grades[q.id]).filter((g) => g?.verdict);
      const keep = current.filter((g) => g?.verdict === "keep").length;
      expect(keep / Math.max(1, current.length)).toBeGreaterThanOrEqual(0.9);
      const fatal = questions.filter((q) =>
        /\b(?:wrong-key|give-away)\b/.test(grades.grades[q.id]?.reason ?? ""),
      );
      expect(fatal.map((q) => q.id)).toEqual([]);
    },
  );
});
