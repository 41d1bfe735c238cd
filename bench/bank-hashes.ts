/**
 * A fingerprint of everything the generator makes, for speed work that must not change a
 * question: every article in the repo (questions/articles, test/questions/articles/**), the
 * review set in ../shared/articles/review when it is there, and the bench's 2,000-word article,
 * each at the default count, 50 questions and 3 with a title. One line per bank (sha-256 of
 * generateReview's JSON: the bank and the engine's notes), then the total.
 *
 *   node bench/bank-hashes.ts > /tmp/before.txt   # change the engine, then
 *   node bench/bank-hashes.ts | diff /tmp/before.txt -
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { generateReview } from "../questions/generate.ts";
import { root } from "../scripts/lib/wrangler.ts";
import { benchArticles, composeArticle, repoArticles } from "./generation.ts";

function textFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const file = path.join(dir, f);
      if (statSync(file).isDirectory()) return textFiles(file);
      return f.endsWith(".txt") ? [file] : [];
    });
}

const inputs: Array<[string, string]> = [
  ...textFiles(path.join(root, "questions", "articles")),
  ...textFiles(path.join(root, "test", "questions", "articles")),
  ...textFiles(path.join(root, "..", "shared", "articles", "review")),
].map((file) => [path.relative(root, file), readFileSync(file, "utf8")]);
const all = await repoArticles();
inputs.push(["bench: 2,000 words", composeArticle((await benchArticles(all)).set)]);

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const lines: string[] = [];
for (const [name, text] of inputs) {
  for (const options of [{}, { count: 50 }, { count: 3, title: "A title" }]) {
    let made: unknown;
    try {
      made = generateReview(text, options);
    } catch (error) {
      made = { error: (error as Error).message };
    }
    lines.push(`${sha(JSON.stringify(made)).slice(0, 16)} ${name} ${JSON.stringify(options)}`);
  }
}
console.log(lines.join("\n"));
console.log(`total ${sha(lines.join("\n"))} (${lines.length} banks)`);
