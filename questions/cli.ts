/**
 * Command line for the generator (Node only; the rest of questions/ is pure):
 *   node questions/cli.ts generate <article.txt> [--count N] [--title T]  -> bank JSON on stdout
 *   node questions/cli.ts build   -> questions/banks/<name>.json for every questions/articles/<name>.txt
 *   node questions/cli.ts review <article.txt>  -> the bank for reading: stems, choices with the
 *     key marked, key and distractor types, source sentence, fingerprint and grade
 *   node questions/cli.ts grades [--stub] [--prune]  -> review-set questions without a current
 *     grade in test/questions/review-grades.json; --stub files an empty entry for each (the
 *     grader fills verdict and reason), --prune drops entries of questions no longer generated
 */

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { UnusableArticleError } from "./errors.ts";
import { fingerprint } from "./fingerprint.ts";
import { generateBank, generateReview } from "./generate.ts";
import {
  generateReviewSet,
  gradeStatus,
  gradesFile,
  readGrades,
  reviewArticles,
  writeGrades,
} from "./node/review-set.ts";

const USAGE = `Usage:
  npm run questions -- generate <article.txt> [--count N] [--title "Title"]
  npm run questions -- build
  npm run questions -- review <article.txt>
  npm run questions -- grades [--stub] [--prune]`;

class UsageError extends Error {}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === "generate") return generate(rest);
  if (command === "build") {
    if (rest.length > 0) throw new UsageError(`"build" takes no arguments, got: ${rest.join(" ")}`);
    return build();
  }
  if (command === "review") return review(rest);
  if (command === "grades") return grades(rest);
  if (command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
}

function generate(args: string[]): number {
  let file: string | undefined;
  let count: number | undefined;
  let title: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--count" || arg.startsWith("--count=")) {
      const value = arg.includes("=") ? arg.slice(8) : args[++i];
      if (!value || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 50)
        throw new UsageError(`--count needs a whole number from 1 to 50, got "${value ?? ""}".`);
      count = Number(value);
    } else if (arg === "--title" || arg.startsWith("--title=")) {
      const value = arg.includes("=") ? arg.slice(8) : args[++i];
      if (!value) throw new UsageError("--title needs a value.");
      title = value;
    } else if (arg.startsWith("-")) {
      throw new UsageError(`Unknown option "${arg}".`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`Only one article file, got "${file}" and "${arg}".`);
    }
  }
  if (!file) throw new UsageError("generate needs the article file.");
  if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
  const bank = generateBank(readFileSync(file, "utf8"), { count, title });
  process.stdout.write(`${JSON.stringify(bank, null, 2)}\n`);
  return 0;
}

function review(args: string[]): number {
  const file = args[0];
  if (!file || args.length > 1) throw new UsageError("review needs one article file.");
  if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
  const text = readFileSync(file, "utf8");
  const { bank, notes } = generateReview(text);
  const slug = path.basename(file).replace(/\.txt$/, "");
  const graded = readGrades();
  const out: string[] = [`# ${bank.title} (${slug}): ${bank.questions.length} questions`, ""];
  for (const q of bank.questions) {
    const note = notes.find((n) => n.id === q.id);
    const print = fingerprint(q);
    const grade = graded.grades[`${slug}/${q.id}`];
    const status = !grade
      ? "ungraded"
      : grade.fingerprint !== print
        ? "STALE grade (question changed)"
        : grade.verdict
          ? `${grade.verdict}${grade.reason ? ` (${grade.reason})` : ""}`
          : "ungraded";
    out.push(
      `## ${slug}/${q.id}  [${q.type}, key: ${note?.keyType ?? q.kind ?? "?"}]  fingerprint ${print}  grade: ${status}`,
    );
    out.push(q.prompt);
    let k = 0;
    for (const c of q.choices) {
      const isKey = c.id === q.answer;
      const type = isKey ? (note?.keyType ?? "") : (note?.distractorTypes[k++] ?? "");
      out.push(`  ${isKey ? "*" : " "} ${c.id}) ${c.text}   <${type}>${isKey ? "  <- key" : ""}`);
    }
    out.push(`  source: ${q.source.text}`);
    out.push("");
  }
  process.stdout.write(`${out.join("\n")}\n`);
  return 0;
}

function grades(args: string[]): number {
  const stub = args.includes("--stub");
  const prune = args.includes("--prune");
  const unknown = args.filter((a) => a !== "--stub" && a !== "--prune");
  if (unknown.length > 0) throw new UsageError(`Unknown option "${unknown[0]}".`);
  const articles = reviewArticles();
  const questions = generateReviewSet(articles);
  const file = readGrades();
  const lines: string[] = [];
  // A question whose id moved (one before it came or went) is the same question: with --stub its
  // grade follows it, found by fingerprint in the same article.
  const articleOf = (id: string) => id.split("/")[0] ?? "";
  const byPrint = new Map(
    Object.entries(file.grades)
      .filter(([, g]) => g.verdict)
      .map(([id, g]) => [`${articleOf(id)} ${g.fingerprint}`, g]),
  );
  let missing = 0;
  let moved = 0;
  for (const q of questions) {
    const status = gradeStatus(q, file);
    if (status === "graded") continue;
    const same = byPrint.get(`${articleOf(q.id)} ${q.fingerprint}`);
    if (stub && same) {
      file.grades[q.id] = { ...same };
      moved++;
      continue;
    }
    missing++;
    lines.push(`${status.padEnd(8)} ${q.id} ${q.fingerprint}`);
    if (stub) file.grades[q.id] = { fingerprint: q.fingerprint, verdict: "", reason: "" };
  }
  const live = new Set(questions.map((q) => q.id));
  const slugs = new Set(articles.map((a) => a.slug));
  const orphans = Object.keys(file.grades).filter(
    (id) => slugs.has(id.split("/")[0] ?? "") && !live.has(id),
  );
  for (const id of orphans) {
    lines.push(`orphan   ${id} (no such question now)`);
    if (prune) delete file.grades[id];
  }
  if (stub || prune) writeGrades(file);
  process.stdout.write(`${lines.join("\n")}${lines.length ? "\n" : ""}`);
  process.stderr.write(
    `${questions.length} questions in ${articles.length} review articles; ${missing} without a current grade${moved ? ` (${moved} grades followed their question to a new id)` : ""}, ${orphans.length} orphan entries in ${path.relative(process.cwd(), gradesFile)}${stub || prune ? " (file updated)" : ""}\n`,
  );
  return 0;
}

function build(): number {
  const root = path.dirname(new URL(import.meta.url).pathname);
  const articles = path.join(root, "articles");
  const banks = path.join(root, "banks");
  const names = readdirSync(articles)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  for (const name of names) {
    const bank = generateBank(readFileSync(path.join(articles, name), "utf8"));
    const out = path.join(banks, name.replace(/\.txt$/, ".json"));
    writeFileSync(out, `${JSON.stringify(bank, null, 2)}\n`);
    process.stderr.write(
      `${path.relative(process.cwd(), out)}: ${bank.questions.length} questions\n`,
    );
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof UnusableArticleError) {
    process.stderr.write(`error: unusable article: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = 1;
  }
}
