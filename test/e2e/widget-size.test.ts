// The widget's size budget (issue 4): widget.js at most GZIP_BUDGET gzip -9, built fresh from source.
import { expect, it } from "vitest";
import { buildWidget, GZIP_BUDGET } from "../../scripts/build-widget.ts";

it("widget.js stays within its gzip budget and is one self-contained script", async () => {
  const { code, raw, gzip, brotli } = await buildWidget(null);
  console.log(`widget.js: ${raw} B raw, ${gzip} B gzip -9, ${brotli} B brotli`);
  expect(gzip).toBeLessThanOrEqual(GZIP_BUDGET);
  const text = new TextDecoder().decode(code);
  // One IIFE: nothing left to fetch, and no worker code pulled in by a stray value import.
  expect(text).not.toMatch(/\bimport\s*[({"']|\brequire\(/);
  expect(text).not.toMatch(/drizzle|hono/i);
});
