// The widget's size budget (issues 4 and 14): the first load, widget.js, at most GZIP_BUDGET bytes
// gzip -9, built fresh from source; each lazy chunk's size reported on its own, and none of them
// carrying a second copy of Preact.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { buildWidget, GZIP_BUDGET, sizeLines } from "../../scripts/build-widget.ts";

const root = path.resolve(import.meta.dirname, "../..");
const text = (code: Uint8Array) => new TextDecoder().decode(code);
/** A string of Preact's own code (its SVG namespace check), in whichever bundle holds Preact. */
const preactMarker = "http://www.w3.org/2000/svg";

it("widget.js stays within its gzip budget, one self-contained script, and each chunk is reported", async () => {
  const widget = await buildWidget(null);
  for (const line of sizeLines(widget)) console.log(line);
  expect(widget.gzip).toBeLessThanOrEqual(GZIP_BUDGET);
  const main = text(widget.code);
  // One IIFE: nothing to import, and no worker code pulled in by a stray value import.
  expect(main).not.toMatch(/\bimport\s*[({"']|\brequire\(/);
  expect(main).not.toMatch(/drizzle|hono/i);
  expect(main).toContain(preactMarker);
  // It knows its chunks by their content-hashed names.
  const chunks = Object.entries(widget.chunks);
  expect(chunks.map(([name]) => name).sort()).toEqual(["flow", "review", "ru", "ur"]);
  for (const [name, chunk] of chunks) {
    expect(chunk.file).toMatch(new RegExp(`^widget-${name}\\.[0-9a-f]{8}\\.js$`));
    expect(main).toContain(chunk.file);
    const code = text(chunk.code);
    // A chunk reads widget.js's Preact and shared modules; it carries none of its own.
    expect(code, name).not.toContain(preactMarker);
    expect(code, name).not.toMatch(/\bimport\s*[({"']|\brequire\(/);
    expect(code, name).toContain(`.arrive(${JSON.stringify(name)},`);
    expect(chunk.gzip, name).toBeGreaterThan(0);
  }
});

it("the README's reservation for host pages is the height the widget holds while loading", () => {
  const readme = readFileSync(path.join(root, "widget", "README.md"), "utf8");
  const styles = readFileSync(path.join(root, "widget", "styles.css"), "utf8");
  const advised = /`recall-quiz \{ display: block; min-height: ([\d.]+em) \}`/.exec(readme)?.[1];
  const held = /\n\.r \{[^}]*\n {2}min-height: ([\d.]+em);/.exec(styles)?.[1];
  expect(advised).toBeTruthy();
  expect(held).toBe(advised);
});
