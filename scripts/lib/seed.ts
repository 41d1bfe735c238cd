/**
 * Loads every bank in questions/banks/ as a published quiz (slug = file name) into a local D1.
 * The statements come from the worker's own `storeBankStatements`, rendered to one SQL file that
 * `wrangler d1 execute` applies, so seeding and the authoring API store quizzes the same way.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { drizzle } from "drizzle-orm/sqlite-proxy";
import type { Bank } from "../../questions/bank.ts";
import { storeBankStatements } from "../../worker/db/banks.ts";
import { root, wrangler } from "./wrangler.ts";

const banksDir = path.join(root, "questions", "banks");
const articlesDir = path.join(root, "questions", "articles");

/** Renders one bound parameter as an SQL literal. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`Cannot render ${typeof value} as SQL`);
}

/** Replaces each `?` placeholder outside quoted text with its parameter. */
function inlineParams(sql: string, params: unknown[]): string {
  let out = "";
  let quote: string | null = null;
  let next = 0;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"' || ch === "`") {
      quote = ch;
      out += ch;
    } else if (ch === "?") {
      out += literal(params[next++]);
    } else {
      out += ch;
    }
  }
  if (next !== params.length) throw new Error("Parameter count mismatch while rendering SQL");
  return out;
}

export interface SeedQuiz {
  slug: string;
  bank: Bank;
  article: string;
}

export async function readBanks(): Promise<SeedQuiz[]> {
  const files = (await readdir(banksDir)).filter((f) => f.endsWith(".json")).sort();
  return Promise.all(
    files.map(async (file) => {
      const slug = file.replace(/\.json$/, "");
      const bank = JSON.parse(await readFile(path.join(banksDir, file), "utf8")) as Bank;
      const article = await readFile(path.join(articlesDir, `${slug}.txt`), "utf8").catch(() => "");
      return { slug, bank, article };
    }),
  );
}

export interface BoundStatement {
  sql: string;
  params: unknown[];
}

/** The statements that store every bank as a published quiz, with their bound parameters. */
export function seedStatements(quizzes: SeedQuiz[], now = Date.now()): BoundStatement[] {
  const db = drizzle(async () => ({ rows: [] }));
  return quizzes
    .flatMap((quiz) =>
      storeBankStatements(db, { ...quiz, status: "published", mode: "upsert", now }),
    )
    .map((statement) => (statement as unknown as { toSQL(): BoundStatement }).toSQL());
}

/** The same statements as one SQL file, for `wrangler d1 execute`. */
function seedSql(quizzes: SeedQuiz[], now = Date.now()): string {
  const lines = seedStatements(quizzes, now).map((s) => `${inlineParams(s.sql, s.params)};`);
  return `${lines.join("\n")}\n`;
}

/** `npm start`'s local D1: wrangler applies the migrations, then every bank is loaded. */
export async function prepareLocalDatabase(options: { quiet?: boolean } = {}) {
  await wrangler(["d1", "migrations", "apply", "DB", "--local"], options);
  const quizzes = await readBanks();
  const dir = path.join(root, ".wrangler", "tmp");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `seed-${process.pid}-${Date.now()}.sql`);
  await writeFile(file, seedSql(quizzes));
  await wrangler(["d1", "execute", "DB", "--local", "--yes", "--file", file], {
    quiet: true,
  });
  return quizzes.map((q) => q.slug);
}
