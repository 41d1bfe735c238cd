/**
 * Generation (issue 7, point 4): median time to generate a bank per article (the articles kept
 * in the repo: questions/articles and test/questions/articles), for a 2,000-word article composed
 * deterministically from them, and the bytes the generator adds to the worker bundle.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { root } from "../scripts/lib/wrangler.ts";
import type { Results } from "./lib/results.ts";
import { median, round, timeSync } from "./lib/stats.ts";

const articleDirs = [
  path.join(root, "questions", "articles"),
  path.join(root, "test", "questions", "articles"),
];

export interface Article {
  name: string;
  text: string;
}

/** Every .txt article in the repo, one per file name, sorted by name. */
export async function repoArticles(): Promise<Article[]> {
  const byName = new Map<string, string>();
  for (const dir of articleDirs) {
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith(".txt")).sort()) {
      if (!byName.has(file)) byName.set(file, await readFile(path.join(dir, file), "utf8"));
    }
  }
  return [...byName]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, text]) => ({ name: file.replace(/\.txt$/, ""), text }));
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * The articles issue 7 names (../shared/articles beside the repo, when it is there), as the repo
 * keeps them; else every repo article. Returns the set and how it was chosen.
 */
export async function benchArticles(all: Article[]): Promise<{ set: Article[]; how: string }> {
  const shared = await readdir(path.join(root, "..", "shared", "articles")).catch(() => null);
  const names = new Set(
    (shared ?? []).filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -4)),
  );
  const set = all.filter((a) => names.has(a.name));
  if (set.length === 0) return { set: all, how: "every article in the repo" };
  return { set, how: "the repo's copies of the articles in ../shared/articles" };
}

/**
 * A 2,000-word article: whole paragraphs of the repo's articles in name order, the last one cut
 * at exactly 2,000 words (ending with a full stop). Same repo, same article.
 */
export function composeArticle(articles: Article[], wordCount = 2000): string {
  const paragraphs: string[] = [];
  let count = 0;
  for (const article of articles) {
    for (const paragraph of article.text.split(/\n\s*\n/)) {
      const w = words(paragraph);
      if (w.length === 0) continue;
      if (count + w.length <= wordCount) {
        paragraphs.push(paragraph.trim());
        count += w.length;
      } else {
        const cut = w
          .slice(0, wordCount - count)
          .join(" ")
          .replace(/[,;:]?$/, "");
        paragraphs.push(/[.!?]$/.test(cut) ? cut : `${cut}.`);
        count = wordCount;
      }
      if (count >= wordCount) return `${paragraphs.join("\n\n")}\n`;
    }
  }
  throw new Error(`the repo's articles hold only ${count} words; ${wordCount} needed`);
}

/** A fixed amount of ordinary JS work (regex, Map, sort) on the same text: the machine's yardstick. */
export function referenceTask(text: string): number {
  let total = 0;
  for (let pass = 0; pass < 20; pass++) {
    const counts = new Map<string, number>();
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    total += [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).length;
  }
  return total;
}

type Generate = (
  text: string,
  options?: { title?: string; count?: number; locale?: string },
) => unknown;

export async function measureGeneration(
  results: Results,
  options: { smoke: boolean },
): Promise<void> {
  let generateBank: Generate;
  try {
    ({ generateBank } = (await import("../questions/generate.ts")) as { generateBank: Generate });
  } catch (error) {
    results.unmeasured(
      ["generation.medianMs", "generation.ms2000Words", "generation.bundleGzipBytes"],
      `questions/generate.ts could not be loaded: ${(error as Error).message}`,
    );
    return;
  }
  const runs = options.smoke ? 1 : 21;
  const warmup = options.smoke ? 0 : 3;
  const all = await repoArticles();
  const { set: articles, how } = await benchArticles(all);
  const perArticle: number[] = [];
  const failures: string[] = [];
  for (const article of all) {
    try {
      const ms = median(timeSync(() => generateBank(article.text), runs, warmup));
      if (articles.includes(article)) perArticle.push(ms);
      results.set(`generation.ms.${article.name}`, round(ms));
      results.set(`generation.words.${article.name}`, words(article.text).length);
    } catch (error) {
      failures.push(`${article.name}: ${(error as Error).message}`);
    }
  }
  results.set(
    "generation.medianMs",
    perArticle.length ? round(median(perArticle)) : null,
    `median over ${how} (${articles.map((a) => a.name).join(", ")}) of each one's median over ${runs} runs after ${warmup} warm-up runs, Node ${process.version}${failures.length ? `; failed: ${failures.join("; ")}` : ""}`,
  );
  try {
    const article = composeArticle(articles);
    // Interleaved with a fixed pure-JS reference task, so a reader can tell a slower generator
    // from a busier machine: the ratio moves only with the generator.
    const generation: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < warmup; i++) generateBank(article);
    for (let i = 0; i < runs; i++) {
      reference.push(...timeSync(() => referenceTask(article), 1, 0));
      generation.push(...timeSync(() => generateBank(article), 1, 0));
    }
    results.set(
      "generation.ms2000Words",
      round(median(generation)),
      `one 2,000-word article composed from ${how} (whole paragraphs in name order, cut at 2,000 words); median of ${runs} runs after ${warmup} warm-up runs`,
    );
    results.set(
      "generation.referenceMs",
      round(median(reference), 3),
      "a fixed pure-JS task (tokenise the 2,000-word article, count words in a Map, sort) timed between generation runs: the machine's speed at that moment",
    );
    results.set(
      "generation.ms2000WordsVsReference",
      round(median(generation) / median(reference), 1),
      "generation.ms2000Words / generation.referenceMs: comparable across runs on busy machines",
    );
  } catch (error) {
    results.set("generation.ms2000Words", null, (error as Error).message);
  }
  const bundle = await build({
    stdin: {
      contents: `export { generateBank } from "./questions/generate.ts";`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  const code = bundle.outputFiles[0]?.contents;
  if (code) {
    results.set(
      "generation.bundleBytes",
      code.byteLength,
      "questions/generate.ts bundled alone by esbuild, minified",
    );
    results.set(
      "generation.bundleGzipBytes",
      gzipSync(code, { level: 9 }).byteLength,
      "the bytes the generator adds to the worker bundle, gzip -9 (upper bound: code shared with the worker would count once)",
    );
  }
}
