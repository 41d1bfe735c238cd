/**
 * Profiling harness (issue 14): generates the bench's 2,000-word article N times, so
 * `node --cpu-prof bench/profile-generation.ts` shows where generation time goes.
 */
import { generateBank } from "../questions/generate.ts";
import { benchArticles, composeArticle, repoArticles } from "./generation.ts";

const n = Number(process.argv[2] ?? 60);
const { set } = await benchArticles(await repoArticles());
const article = composeArticle(set);
for (let i = 0; i < 5; i++) generateBank(article);
const start = performance.now();
for (let i = 0; i < n; i++) generateBank(article);
console.log(`${((performance.now() - start) / n).toFixed(2)} ms per generation`);
