/**
 * Command line for the generator (Node only; the rest of questions/ is pure):
 *   node questions/cli.ts generate <article.txt> [--count N] [--title T]  -> bank JSON on stdout
 *   node questions/cli.ts build   -> questions/banks/<name>.json for every questions/articles/<name>.txt
 */

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { UnusableArticleError } from "./errors.ts";
import { generateBank } from "./generate.ts";

const USAGE = `Usage:
  npm run questions -- generate <article.txt> [--count N] [--title "Title"]
  npm run questions -- build`;

class UsageError extends Error {}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === "generate") return generate(rest);
  if (command === "build") {
    if (rest.length > 0) throw new UsageError(`"build" takes no arguments, got: ${rest.join(" ")}`);
    return build();
  }
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
