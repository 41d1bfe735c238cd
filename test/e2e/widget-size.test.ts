// The widget's size budget (issues 4 and 14): the first load, widget.js, at most GZIP_BUDGET bytes
// gzip -9, built fresh from source.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { buildWidget, GZIP_BUDGET } from "../../scripts/build-widget.ts";

const root = path.resolve(import.meta.dirname, "../..");
const text = (code: Uint8Array) => new TextDecoder().decode(code);

it("widget.js stays within its gzip budget and is one self-contained script", async () => {
  const widget = await buildWidget(null);
  console.log(
    `widget.js: ${widget.raw} B raw, ${widget.gzip} B gzip -9, ${widget.brotli} B brotli`,
  );
  expect(widget.gzip).toBeLessThanOrEqual(GZIP_BUDGET);
  const main = text(widget.code);
  // One IIFE: nothing to import, and no worker code pulled in by a stray value import.
  expect(main).not.toMatch(/\bimport\s*[({"']|\brequire\(/);
  expect(main).not.toMatch(/drizzle|hono/i);
});

it("the README's reservation for host pages is the height the widget holds while loading", () => {
  const readme = readFileSync(path.join(root, "widget", "README.md"), "utf8");
  const styles = readFileSync(path.join(root, "widget", "styles.css"), "utf8");
  const advised = /`recall-quiz \{ display: block; min-height: ([\d.]+em) \}`/.exec(readme)?.[1];
  const held = /\n\.r \{[^}]*\n {2}min-height: ([\d.]+em);/.exec(styles)?.[1];
  expect(advised).toBeTruthy();
  expect(held).toBe(advised);
});
