/**
 * Widget weight (issue 7, point 1): widget.js raw / gzip -9 / brotli, beside Preact's own size
 * (the floor: `preact` alone, minified by esbuild) and beside what a host page loads for two
 * peers: Typeform's embed script and an H5P quiz through h5p-standalone. Peer packages are
 * fetched from the npm registry with `npm pack` into a temporary folder at bench time; they are
 * never project dependencies.
 */
import { spawnSync } from "node:child_process";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { buildWidget, sizes } from "../scripts/build-widget.ts";
import { root } from "../scripts/lib/wrangler.ts";
import type { Results } from "./lib/results.ts";
import { round } from "./lib/stats.ts";

/** Peer versions, pinned so runs compare like with like; bump them deliberately. */
export const peers = {
  typeform: "@typeform/embed@6.1.1",
  h5p: "h5p-standalone@3.8.2",
};

async function bundleSizes(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error("esbuild produced no output");
  return sizes(code);
}

/** Builds public/widget.js (the widget engineer's build) and measures it against Preact. */
export async function measureWidgetWeight(results: Results): Promise<void> {
  const widget = await buildWidget();
  results.set("widget.rawBytes", widget.raw);
  results.set(
    "widget.gzipBytes",
    widget.gzip,
    "gzip -9 of public/widget.js as built by scripts/build-widget.ts",
  );
  results.set("widget.brotliBytes", widget.brotli, "brotli quality 11");
  // The lazy chunks (widget/chunks.ts): not on the first load, each fetched only when needed.
  for (const [name, chunk] of Object.entries(widget.chunks)) {
    results.set(`widget.chunk.${name}.rawBytes`, chunk.raw);
    results.set(
      `widget.chunk.${name}.gzipBytes`,
      chunk.gzip,
      `gzip -9 of public/widget-${name}.HASH.js, fetched only when needed (widget/chunks.ts)`,
    );
    results.set(`widget.chunk.${name}.brotliBytes`, chunk.brotli);
  }
  const preact = await bundleSizes(`export * from "preact";`);
  results.set("preact.rawBytes", preact.raw);
  results.set(
    "preact.gzipBytes",
    preact.gzip,
    "`preact` alone, every export kept, esbuild --minify, gzip -9: the floor",
  );
  results.set("preact.brotliBytes", preact.brotli);
  const hooks = await bundleSizes(`export * from "preact"; export * from "preact/hooks";`);
  results.set("preact.withHooksGzipBytes", hooks.gzip);
  results.set(
    "widget.overPreactGzipBytes",
    widget.gzip - preact.gzip,
    "the widget's own code, gzip",
  );
}

/** `npm pack <spec>` into `dir` and unpacks it; returns the package folder. */
async function fetchPackage(spec: string, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const pack = spawnSync("npm", ["pack", spec, "--silent", "--pack-destination", dir], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (pack.status !== 0) {
    throw new Error(
      `npm pack ${spec} failed: ${(pack.stderr || pack.stdout || "").trim().split("\n").slice(-3).join(" ")}`,
    );
  }
  const tarball = (await readdir(dir)).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack ${spec} left no tarball`);
  const untar = spawnSync("tar", ["xzf", tarball], { cwd: dir, encoding: "utf8" });
  if (untar.status !== 0) throw new Error(`tar failed for ${tarball}: ${untar.stderr}`);
  return path.join(dir, "package");
}

async function gzipOf(files: string[]) {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const s = sizes(await readFile(file));
    raw += s.raw;
    gzip += s.gzip;
    brotli += s.brotli;
  }
  return { raw, gzip, brotli, files: files.length };
}

/**
 * Peers: what a host page downloads to show them (each file compressed on its own, as a server
 * sends it). Typeform: its embed script (`build/embed.js`, what embed.typeform.com/next/embed.js
 * serves) and, as an extra, the inline widget's CSS it pulls in; then an iframe we do not count.
 * H5P: h5p-standalone's main bundle + frame bundle + core CSS, plus the libraries of one
 * multiple-choice question (H5P.MultiChoice and its dependencies), when they can be fetched.
 */
export async function measurePeers(results: Results, tmp: string): Promise<void> {
  const ours = results.get("widget.gzipBytes");
  try {
    const pkg = await fetchPackage(peers.typeform, path.join(tmp, "typeform"));
    const script = await gzipOf([path.join(pkg, "build", "embed.js")]);
    const css = await gzipOf([path.join(pkg, "build", "css", "widget.css")]);
    results.set(
      "typeform.embedScriptGzipBytes",
      script.gzip,
      `${peers.typeform} build/embed.js, gzip -9`,
    );
    results.set("typeform.embedScriptRawBytes", script.raw);
    results.set(
      "typeform.widgetCssGzipBytes",
      css.gzip,
      "build/css/widget.css, loaded by the inline embed; not in the ratio",
    );
    results.set(
      "widget.vsTypeform",
      ours === null ? null : round(ours / script.gzip, 3),
      "our widget.js gzip / Typeform's embed script gzip (its CSS and iframe not counted)",
    );
  } catch (error) {
    results.unmeasured(
      ["widget.vsTypeform", "typeform.embedScriptGzipBytes"],
      `could not fetch ${peers.typeform} from the npm registry: ${(error as Error).message}`,
    );
  }
  try {
    const pkg = await fetchPackage(peers.h5p, path.join(tmp, "h5p"));
    const dist = path.join(pkg, "dist");
    const core = await gzipOf([
      path.join(dist, "main.bundle.js"),
      path.join(dist, "frame.bundle.js"),
      path.join(dist, "styles", "h5p.css"),
    ]);
    results.set(
      "h5p.coreGzipBytes",
      core.gzip,
      `${peers.h5p}: dist/main.bundle.js + dist/frame.bundle.js + dist/styles/h5p.css, each gzip -9`,
    );
    results.set("h5p.coreRawBytes", core.raw);
    results.set(
      "widget.vsH5pCoreOnly",
      ours === null ? null : round(ours / core.gzip, 3),
      "our gzip / h5p-standalone's core alone: an upper bound of widget.vsH5p, since the real load adds the question's libraries",
    );
  } catch (error) {
    results.unmeasured(
      ["h5p.coreGzipBytes", "widget.vsH5pCoreOnly"],
      `could not fetch ${peers.h5p} from the npm registry: ${(error as Error).message}`,
    );
  }
  const librariesReason =
    "the H5P multiple-choice content type (H5P.MultiChoice with H5P.Question, H5P.JoubelUI, H5P.Transition, FontAwesome) is not published on the npm registry (h5p-multi-choice: 404; h5p-standalone ships no libraries); it is distributed through the H5P hub and GitHub, which this offline machine cannot reach, so the full H5P quiz load is not measured";
  results.set("h5p.multiChoiceLibrariesGzipBytes", null, librariesReason);
  results.set(
    "widget.vsH5p",
    null,
    `${librariesReason}. See widget.vsH5pCoreOnly for the ratio against h5p-standalone's core alone (an upper bound)`,
  );
}
