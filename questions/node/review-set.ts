/**
 * The review set and its grades, for the CLI and the tests (Node only, like questions/cli.ts;
 * the generator itself never imports this). The set is the twenty published articles in
 * ../shared/articles/review (BBC texts 01–12 are read from there only, never copied into the
 * repository) plus the Wikipedia copies in test/questions/articles/review (CC BY-SA, see the
 * SOURCES.md there), which keep 13–20 testable on a clone without ../shared.
 */

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Bank } from "../bank.ts";
import { fingerprint } from "../fingerprint.ts";
import { generateReview, type ReviewNote } from "../generate.ts";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const sharedReviewDir = path.resolve(repoRoot, "../shared/articles/review");
export const copiedReviewDir = path.join(repoRoot, "test/questions/articles/review");
export const gradesFile = path.join(repoRoot, "test/questions/review-grades.json");

export interface ReviewArticle {
  /** The file name without ".txt": "13-fridtjof-nansen". */
  slug: string;
  file: string;
  text: string;
  /** Body words: the file without its source line and title (as SOURCES.md counts). */
  words: number;
}

/** Every review article that can be read here: ../shared first, the copies for the rest. */
export function reviewArticles(): ReviewArticle[] {
  const out = new Map<string, ReviewArticle>();
  for (const dir of [sharedReviewDir, copiedReviewDir]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!/^\d\d-.*\.txt$/.test(f)) continue;
      const slug = f.slice(0, -4);
      if (out.has(slug)) continue;
      const file = path.join(dir, f);
      const text = readFileSync(file, "utf8");
      out.set(slug, { slug, file, text, words: bodyWords(text) });
    }
  }
  return [...out.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}

export function bodyWords(text: string): number {
  const lines = text.split("\n");
  const body = /^source:/.test(lines[0] ?? "") ? lines.slice(2).join("\n") : text;
  return body.split(/\s+/).filter(Boolean).length;
}

export type Verdict = "keep" | "fix" | "drop";

export interface Grade {
  fingerprint: string;
  /** Empty until a grader (not the engine's author) fills it. */
  verdict: Verdict | "";
  /** A reason class of questions/REVIEW.md, and for "fix" the edit; no article text. */
  reason: string;
  grader?: string;
}

export interface GradesFile {
  /** While false, missing verdicts are reported but do not fail; stale grades always fail. */
  enforce: boolean;
  note?: string;
  grades: Record<string, Grade>;
}

export function readGrades(): GradesFile {
  if (!existsSync(gradesFile)) return { enforce: false, grades: {} };
  return JSON.parse(readFileSync(gradesFile, "utf8")) as GradesFile;
}

export function writeGrades(grades: GradesFile): void {
  const sorted: Record<string, Grade> = {};
  for (const k of Object.keys(grades.grades).sort(compareIds)) {
    const g = grades.grades[k];
    if (g) sorted[k] = g;
  }
  writeFileSync(gradesFile, `${JSON.stringify({ ...grades, grades: sorted }, null, 2)}\n`);
}

function compareIds(a: string, b: string): number {
  const [sa = "", qa = ""] = a.split("/");
  const [sb = "", qb = ""] = b.split("/");
  return sa === sb ? Number(qa.slice(1)) - Number(qb.slice(1)) : sa.localeCompare(sb);
}

export interface GeneratedQuestion {
  /** "13-fridtjof-nansen/q3": the id a grade is filed under. */
  id: string;
  article: ReviewArticle;
  bank: Bank;
  question: Bank["questions"][number];
  note: ReviewNote | undefined;
  fingerprint: string;
}

export function generateReviewSet(articles = reviewArticles()): GeneratedQuestion[] {
  const out: GeneratedQuestion[] = [];
  for (const article of articles) {
    const { bank, notes } = generateReview(article.text);
    for (const question of bank.questions)
      out.push({
        id: `${article.slug}/${question.id}`,
        article,
        bank,
        question,
        note: notes.find((n) => n.id === question.id),
        fingerprint: fingerprint(question),
      });
  }
  return out;
}

export type GradeStatus = "graded" | "ungraded" | "stale";

export function gradeStatus(q: GeneratedQuestion, grades: GradesFile): GradeStatus {
  const g = grades.grades[q.id];
  if (!g) return "ungraded";
  if (g.fingerprint !== q.fingerprint) return "stale";
  return g.verdict ? "graded" : "ungraded";
}
