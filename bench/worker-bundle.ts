/**
 * Worker bundle (issue 7, point 6): size of what `wrangler deploy --dry-run --minify` would
 * upload, and the time to evaluate its global scope: the bundled module imported in a fresh Node
 * process (after the ESM loader is warmed on an empty module), median over several processes.
 */
import { spawnSync } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sizes } from "../scripts/build-widget.ts";
import { wrangler } from "../scripts/lib/wrangler.ts";
import type { Results } from "./lib/results.ts";
import { median, round } from "./lib/stats.ts";

const probe = `
const [bundle, empty] = process.argv.slice(-2);
await import(empty);
const t0 = performance.now();
const mod = await import(bundle);
const ms = performance.now() - t0;
if (typeof mod.default?.fetch !== "function") throw new Error("the bundle exports no fetch handler");
process.stdout.write(JSON.stringify({ ms }));
`;

/** Builds the deployable bundle offline and records its sizes; returns the module's path. */
export async function measureWorkerBundle(results: Results, tmp: string): Promise<string> {
  const outdir = path.join(tmp, "worker-dry-run");
  await mkdir(outdir, { recursive: true });
  await wrangler(["deploy", "--dry-run", "--outdir", outdir, "--minify"], { quiet: true });
  const main = (await readdir(outdir)).find((f) => f.endsWith(".js"));
  if (!main) throw new Error("wrangler deploy --dry-run wrote no .js file");
  const file = path.join(outdir, main);
  const s = sizes(await readFile(file));
  results.set(
    "worker.bundleBytes",
    s.raw,
    "wrangler deploy --dry-run --minify, the worker module (static assets not included)",
  );
  results.set("worker.bundleGzipBytes", s.gzip, "gzip -9 of the minified worker module");
  results.set("worker.bundleBrotliBytes", s.brotli);
  return file;
}

/** Imports the bundle in fresh Node processes; run it on a machine otherwise idle for the bench. */
export async function measureWorkerStartup(
  results: Results,
  file: string,
  options: { smoke: boolean },
): Promise<void> {
  const outdir = path.dirname(file);
  const empty = path.join(outdir, "empty.mjs");
  await writeFile(empty, "export {};\n");
  const probeFile = path.join(outdir, "probe.mjs");
  await writeFile(probeFile, probe);
  const runs = options.smoke ? 1 : 11;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(
      process.execPath,
      [probeFile, pathToFileURL(file).href, pathToFileURL(empty).href],
      { encoding: "utf8", timeout: 30_000 },
    );
    if (child.status !== 0)
      throw new Error(
        `importing the worker bundle failed: ${child.stderr.trim().split("\n").slice(-3).join(" ")}`,
      );
    samples.push((JSON.parse(child.stdout) as { ms: number }).ms);
  }
  results.set(
    "worker.startupMs",
    round(median(samples)),
    `median over ${runs} fresh Node ${process.version} processes of \`await import(bundle)\` (read, parse, compile and evaluate the global scope; V8 as in workerd, but not workerd itself)`,
  );
}
