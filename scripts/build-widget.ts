/**
 * Builds the widget: widget/main.tsx -> public/widget.js, the first load (one minified IIFE), and
 * each lazy chunk of `chunkEntries` -> public/widget-NAME.HASH.js (widget/chunks.ts loads them),
 * and reports the size of each, raw, gzip -9 and brotli. `buildWidget()` is exported for the size
 * test and the bench; `node scripts/build-widget.ts` builds and prints; `--check` also fails above
 * the budget.
 *
 * A chunk is an IIFE too. It shares widget.js's copy of Preact and of the helpers widget/shared.ts
 * exports: in a chunk's build every import of `preact` or of `shared.ts` becomes a read of
 * `customElements.get("recall-quiz").shared`, which widget.js sets, so nothing is bundled twice.
 * The chunk ends by handing its module's exports to widget.js (`RecallQuiz.arrive(name, exports)`).
 * Its file name carries a hash of its content, and widget.js is built knowing those names, so a
 * widget.js only ever loads the chunks built with it.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { type BuildOptions, build, type Plugin, transform } from "esbuild";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const widgetDir = path.join(root, "widget");

/** gzip -9 bytes that the first load, widget.js, may not exceed (issue 14). */
export const GZIP_BUDGET = 8000;

/**
 * The lazy chunks: name -> entry module (under widget/). The names are the keys of `Chunks` in
 * widget/chunks.ts, which says what each one holds.
 */
export const chunkEntries = {
  flow: "flow.tsx",
  review: "review.tsx",
  ur: "i18n/ur.ts",
  ru: "i18n/ru.ts",
} as const;

export type ChunkName = keyof typeof chunkEntries;

export interface SizeReport {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface ChunkBuild extends SizeReport {
  /** The file name under public/, e.g. widget-flow.1a2b3c4d.js. */
  file: string;
  code: Uint8Array;
}

export interface WidgetBuild extends SizeReport {
  /** widget.js, the first load. */
  code: Uint8Array;
  chunks: Record<ChunkName, ChunkBuild>;
}

export function sizes(code: Uint8Array): SizeReport {
  return {
    raw: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).byteLength,
  };
}

/** `import css from "./x.css"` gives the stylesheet as a minified string. */
const cssAsText: Plugin = {
  name: "css-as-text",
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const { code } = await transform(source, { loader: "css", minify: true });
      // esbuild keeps custom property values verbatim; ours hold no strings, so squeeze them;
      // and an attribute selector's word needs no quotes.
      const squeezed = code
        .trim()
        .replace(/([:,(/])\s+|\s+(?=\/)/g, "$1")
        .replace(/="(\w+)"\]/g, "=$1]");
      return { contents: squeezed, loader: "text" };
    });
  },
};

/** What widget.js and the chunks are built with. */
const common = {
  bundle: true,
  format: "iife",
  minify: true,
  target: ["es2022", "chrome105", "firefox110", "safari16"],
  // Classic JSX onto preact's h (see widget/jsx-shim.ts); widget/tsconfig.json's automatic
  // runtime is for type-checking only, so its JSX settings are replaced here.
  tsconfigRaw: {
    compilerOptions: { jsx: "react", jsxFactory: "h", jsxFragmentFactory: "Fragment" },
  },
  inject: [path.join(widgetDir, "jsx-shim.ts")],
  legalComments: "none",
  charset: "utf8",
  write: false,
  logLevel: "warning",
} satisfies BuildOptions;

/** The bundle, and the source files in it (relative to the repository). */
async function bundle(options: BuildOptions): Promise<{ code: Uint8Array; inputs: string[] }> {
  const result = await build({ ...common, ...options, metafile: true });
  const code = result.outputFiles?.[0]?.contents;
  if (!code) throw new Error("esbuild produced no output");
  const inputs = Object.keys(result.metafile?.inputs ?? {}).filter((i) => !i.includes(":"));
  return { code, inputs };
}

/** The names widget/shared.ts exports, read by esbuild itself. */
async function sharedNames(): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(widgetDir, "shared.ts")],
    bundle: true,
    format: "esm",
    write: false,
    metafile: true,
    outdir: "out",
    logLevel: "warning",
  });
  const exports = Object.values(result.metafile.outputs)[0]?.exports;
  if (!exports?.length) throw new Error("widget/shared.ts exports nothing");
  return exports;
}

/** In a chunk: `preact` and shared.ts are widget.js's own, read from the element's class. */
function sharedFromWidget(names: string[]): Plugin {
  return {
    name: "shared-from-widget",
    setup(b) {
      // Side-effect free, so a chunk that uses none of it (a language's) does not read it.
      b.onResolve({ filter: /^preact$|(^|\/)shared\.ts$/ }, () => ({
        path: "shared",
        namespace: "recall-shared",
        sideEffects: false,
      }));
      b.onLoad({ filter: /.*/, namespace: "recall-shared" }, () => ({
        contents: `export const { ${names.join(", ")} } = customElements.get("recall-quiz").shared;`,
        loader: "js",
      }));
    },
  };
}

/**
 * In widget.js: `import shared from "recall:shared"` is shared.ts's exports as one plain object
 * (smaller than the namespace object `import * as` makes), for the chunks to read.
 */
function sharedObject(names: string[]): Plugin {
  return {
    name: "shared-object",
    setup(b) {
      b.onResolve({ filter: /^recall:shared$/ }, () => ({ path: "shared", namespace: "recall" }));
      b.onLoad({ filter: /.*/, namespace: "recall" }, () => ({
        contents: `import { ${names.join(", ")} } from "./shared.ts";
export default { ${names.join(", ")} };`,
        resolveDir: widgetDir,
        loader: "js",
      }));
    },
  };
}

async function buildChunk(
  name: ChunkName,
  names: string[],
): Promise<ChunkBuild & { inputs: string[] }> {
  const entry = path.join(widgetDir, chunkEntries[name]);
  const { code, inputs } = await bundle({
    stdin: {
      contents: `import * as m from ${JSON.stringify(entry)};
customElements.get("recall-quiz").arrive(${JSON.stringify(name)}, m);`,
      resolveDir: widgetDir,
      loader: "ts",
    },
    plugins: [cssAsText, sharedFromWidget(names)],
  });
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 8);
  return { file: `widget-${name}.${hash}.js`, code, inputs, ...sizes(code) };
}

/**
 * Bundles the widget and its chunks; writes them to `outDir` (public/ by default) unless null,
 * removing chunks of earlier builds there.
 */
export async function buildWidget(
  outDir: string | null = path.join(root, "public"),
): Promise<WidgetBuild> {
  const names = await sharedNames();
  const built = await Promise.all(
    (Object.keys(chunkEntries) as ChunkName[]).map(
      async (name) => [name, await buildChunk(name, names)] as const,
    ),
  );
  const { code, inputs } = await bundle({
    entryPoints: [path.join(widgetDir, "main.tsx")],
    plugins: [cssAsText, sharedObject(names)],
    define: {
      __RECALL_CHUNKS__: JSON.stringify(Object.fromEntries(built.map(([n, c]) => [n, c.file]))),
    },
  });
  // A module in both would run twice, with two states (two stores, two Preacts): chunks reach
  // widget.js's modules through widget/shared.ts only.
  for (const [name, chunk] of built) {
    // (The JSX shim is only a re-export of preact's h, which in a chunk is widget.js's.)
    const twice = chunk.inputs.filter((i) => inputs.includes(i) && !i.endsWith("jsx-shim.ts"));
    if (twice.length > 0) {
      throw new Error(
        `chunk ${name} bundles ${twice.join(", ")}, which widget.js holds too: import it through widget/shared.ts`,
      );
    }
  }
  const chunks = Object.fromEntries(
    built.map(([name, { inputs: _, ...chunk }]) => [name, chunk]),
  ) as Record<ChunkName, ChunkBuild>;
  if (outDir) {
    await mkdir(outDir, { recursive: true });
    const current = new Set(built.map(([, c]) => c.file));
    for (const file of await readdir(outDir)) {
      if (/^widget-.+\.js$/.test(file) && !current.has(file)) await rm(path.join(outDir, file));
    }
    await writeFile(path.join(outDir, "widget.js"), code);
    for (const [, chunk] of built) await writeFile(path.join(outDir, chunk.file), chunk.code);
  }
  return { code, ...sizes(code), chunks };
}

/**
 * Preact alone, bundled and minified the same way (render, h, Component: what the widget uses),
 * for comparing the widget's size with its one dependency's.
 */
export async function preactBaseline(): Promise<SizeReport> {
  const result = await build({
    stdin: {
      contents: `import { Component, h, render } from "preact";
        class A extends Component { render() { return h("p", null, "x"); } }
        render(h(A, null), document.body);`,
      resolveDir: root,
      loader: "js",
    },
    bundle: true,
    format: "iife",
    minify: true,
    target: ["es2022"],
    legalComments: "none",
    write: false,
    logLevel: "warning",
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error("esbuild produced no output");
  return sizes(code);
}

/** One line per file: widget.js, then each chunk (name, file, sizes). */
export function sizeLines(widget: WidgetBuild): string[] {
  const line = (label: string, s: SizeReport) =>
    `${label}: ${s.raw} B raw, ${s.gzip} B gzip -9, ${s.brotli} B brotli`;
  return [
    line("widget.js (first load)", widget),
    ...Object.entries(widget.chunks).map(([name, c]) => line(`chunk ${name} (${c.file})`, c)),
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [widget, preact] = await Promise.all([buildWidget(), preactBaseline()]);
  for (const line of sizeLines(widget)) console.log(`public/${line}`);
  console.log(
    `budget for widget.js: ${GZIP_BUDGET} B gzip; Preact alone: ${preact.gzip} B gzip, ${preact.brotli} B brotli`,
  );
  if (process.argv.includes("--check") && widget.gzip > GZIP_BUDGET) {
    console.error(`widget.js is over its gzip budget by ${widget.gzip - GZIP_BUDGET} bytes`);
    process.exit(1);
  }
}
