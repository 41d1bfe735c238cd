// The embed page as WordPress frames it for a provider it does not trust (issue 17 acceptance),
// in a real Chromium against the worker in workerd: the oEmbed html filtered the way
// `wp_filter_oembed_result()` filters it (blockquote + plain iframe, `#?secret=`, exactly
// `sandbox="allow-scripts"`, clipped until the frame speaks), on a host page of another origin
// that speaks WordPress's height protocol and starts listening late, as `wp-embed.js` may. A
// question is answered with feedback and the frame grows to its content. Also: a quiz limited to
// some sites says why it cannot run in such a frame, and the iframe snippet keeps to the column
// and its content's height under theme rules that stretch and cap frames.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { iframeSnippet } from "../../worker/embed/snippets.ts";
import { answerFirstQuestion, contentHeight, embedFrame, frameBox } from "./embed-frames.ts";
import { launchBrowser, seedSlug, startServer, type TestServer } from "./harness.ts";
import { type HostSite, startHostSite } from "./pages/host-server.ts";

const root = path.resolve(import.meta.dirname, "../..");

let server: TestServer;
let browser: Browser;
let host: HostSite;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

/** What wp_filter_oembed_result() keeps of a rich oEmbed html, and what it adds (WordPress 6.1). */
function filteredAsUntrusted(html: string, secret: string): string {
  const quote = /<blockquote[^>]*>([\s\S]*?)<\/blockquote>/.exec(html);
  const frame = /<iframe\b([^>]*)><\/iframe>/.exec(html);
  if (!quote || !frame) throw new Error(`no blockquote + iframe in ${html}`);
  const kept = ["src", "width", "height", "frameborder", "marginwidth", "marginheight", "title"];
  const attributes = [...(frame[1] ?? "").matchAll(/([a-z-]+)="([^"]*)"/g)]
    .filter(([, name]) => kept.includes(name ?? ""))
    .map(([, name, value]) =>
      name === "src"
        ? `src="${value}#?secret=${secret}" data-secret="${secret}"`
        : `${name}="${value}"`,
    );
  const link = (quote[1] ?? "").replace(/<a [^>]*?(href="[^"]*")[^>]*>/, "<a $1>");
  return `<blockquote class="wp-embedded-content" data-secret="${secret}">${link}</blockquote><iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" ${attributes.join(" ")}></iframe>`;
}

/**
 * A post's column holding the filtered embed, and WordPress's side of the height protocol as
 * wp-embed.js implements it (same messages, same clamp to 200–1000 px), started only when the
 * test calls `listen()` (by then the frame's first height messages went nowhere), or with `early`
 * right away, before the frame has navigated (its "ready" goes to the frame's first, blank page).
 */
function wordpressLikePage(_api: string, query: URLSearchParams): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
<style>body{margin:0;font:18px/1.6 Georgia,serif}.entry{max-width:700px;margin:0 auto}.entry iframe{max-width:100%}</style></head>
<body><main class="entry"><h1>A post</h1><p>Before the quiz.</p>${query.get("html") ?? ""}<p>After the quiz.</p></main>
<script>
window.listen = function () {
  addEventListener("message", function (e) {
    var d = e.data;
    if (!d || !(d.secret || d.message || d.value) || /[^a-zA-Z0-9]/.test(d.secret)) return;
    document.querySelectorAll('blockquote[data-secret="' + d.secret + '"]').forEach(function (b) { b.style.display = "none"; });
    document.querySelectorAll('iframe[data-secret="' + d.secret + '"]').forEach(function (f) {
      if (e.source !== f.contentWindow) return;
      f.removeAttribute("style");
      if (d.message === "height") {
        var h = parseInt(d.value, 10);
        f.height = h > 1000 ? 1000 : ~~h < 200 ? 200 : h;
      }
    });
  });
  document.querySelectorAll("iframe.wp-embedded-content").forEach(function (f) {
    f.contentWindow.postMessage({ message: "ready", secret: f.getAttribute("data-secret") }, "*");
  });
};
${query.has("early") ? "listen();" : ""}
</script></body></html>`;
}

/** Theme rules that stretch frames past the column, cap their height, and a script that caps it again. */
function themedPage(_api: string, query: URLSearchParams): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Themed post</title>
<style>
body{margin:0;font:18px/1.6 Georgia,serif}
.content>*{max-width:320px;margin-left:auto!important;margin-right:auto!important}
iframe{height:150px;max-height:150px}
</style></head>
<body><main class="content"><h1>Themed post</h1><p>Before the quiz.</p>${query.get("html") ?? ""}<p>After the quiz.</p></main>
<script>
// Like Twenty Twenty-One's responsive-embeds.js: a frame with width and height keeps their ratio.
function cap() { document.querySelectorAll("iframe").forEach(function (f) {
  if (f.width && f.height) f.style.maxHeight = Math.round(f.parentElement.clientWidth * f.height / f.width) + "px";
}); }
cap(); addEventListener("resize", cap);
</script></body></html>`;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  host = await startHostSite(server.origin, { "/post": wordpressLikePage, "/themed": themedPage });
});

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await host?.stop();
  await server?.stop();
});

async function newPage(viewport = { width: 900, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (err) => pageErrors.push(err.message));
  return page;
}

async function oembedHtml(slug: string): Promise<string> {
  const url = `${server.origin}/embed/${slug}`;
  const res = await fetch(
    `${server.origin}/oembed?${new URLSearchParams({ url, format: "json" })}`,
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { html: string }).html;
}

const clamp = (h: number) => Math.min(1000, Math.max(200, h));

describe("the embed page in WordPress's sandboxed frame", () => {
  it("is answered with feedback and grows to its content, answering WordPress's late ready", async () => {
    const page = await newPage();
    const html = filteredAsUntrusted(await oembedHtml(seedSlug), "Zq3x9Wm2Ab");
    await page.goto(`${host.origin}/post?${new URLSearchParams({ html })}`);
    const iframe = page.locator("iframe");
    expect(await iframe.getAttribute("sandbox")).toBe("allow-scripts");
    const frame = page.frameLocator("iframe");
    await frame.getByRole("button", { name: "Check answer" }).waitFor();
    // Nobody listened yet: the frame is still clipped behind its fallback link.
    expect(await iframe.getAttribute("style")).toContain("clip");
    expect(await page.locator("blockquote").isVisible()).toBe(true);

    await page.evaluate(() => (window as unknown as { listen(): void }).listen());
    await expect.poll(() => iframe.getAttribute("style")).toBeNull();
    expect(await page.locator("blockquote").isVisible()).toBe(false);
    await expect
      .poll(async () => (await frameBox(iframe)).height)
      .toBe(clamp(await contentHeight(page)));
    const introHeight = (await frameBox(iframe)).height;

    const feedback = await answerFirstQuestion(frame);
    expect(feedback).toMatch(/\b(Correct|Incorrect)\b/);
    // The widget holds its first screen's height, so the feedback need not be taller: a phone's
    // narrower column makes the quiz taller, and the frame follows.
    await page.setViewportSize({ width: 375, height: 900 });
    await expect.poll(() => contentHeight(page)).toBeGreaterThan(introHeight);
    const grown = await contentHeight(page);
    await expect.poll(async () => (await frameBox(iframe)).height).toBe(clamp(grown));
    // The frame's own origin is opaque (its API calls say `Origin: null`), and they were served.
    expect(await embedFrame(page).evaluate(() => self.origin)).toBe("null");
    // The frame fits the column.
    expect((await frameBox(iframe)).width).toBeLessThanOrEqual(700);
  });

  it("is shown and sized when WordPress's ready came before the frame had loaded", async () => {
    const page = await newPage();
    const html = filteredAsUntrusted(await oembedHtml(seedSlug), "Ea5Vt7Nc3Q");
    await page.goto(`${host.origin}/post?${new URLSearchParams({ html, early: "1" })}`);
    const iframe = page.locator("iframe");
    await page.frameLocator("iframe").getByRole("button", { name: "Check answer" }).waitFor();
    await expect.poll(() => iframe.getAttribute("style")).toBeNull();
    await expect
      .poll(async () => (await frameBox(iframe)).height)
      .toBe(clamp(await contentHeight(page)));
  });

  it("says why a quiz limited to some sites cannot run there, and runs it unsandboxed on those sites", async () => {
    const article = readFileSync(
      path.join(root, "questions", "articles", `${seedSlug}.txt`),
      "utf8",
    );
    const admin = {
      authorization: `Bearer ${server.adminToken}`,
      "content-type": "application/json",
    };
    const created = await fetch(`${server.origin}/api/quizzes`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({
        title: "Limited quiz",
        article,
        count: 4,
        allowedOrigins: [host.origin],
      }),
    });
    expect(created.status).toBe(201);
    const { slug } = (await created.json()) as { slug: string };
    const published = await fetch(`${server.origin}/api/quizzes/${slug}/publish`, {
      method: "POST",
      headers: admin,
    });
    expect(published.status).toBe(200);
    // What a sandboxed frame's requests would meet: `Origin: null` is no listed origin.
    const fromSandbox = await fetch(`${server.origin}/api/quizzes/${slug}`, {
      headers: { origin: "null" },
    });
    expect(fromSandbox.status).toBe(403);

    const sandboxed = await newPage();
    const apiCalls: string[] = [];
    sandboxed.on("request", (r) => {
      if (r.url().startsWith(`${server.origin}/api/`)) apiCalls.push(r.url());
    });
    const html = filteredAsUntrusted(await oembedHtml(slug), "Lm4Kp8Qr1Z");
    await sandboxed.goto(`${host.origin}/post?${new URLSearchParams({ html })}`);
    await sandboxed.evaluate(() => (window as unknown as { listen(): void }).listen());
    const note = sandboxed.frameLocator("iframe").getByText("only be taken on the websites");
    await note.waitFor();
    expect(apiCalls).toEqual([]);
    expect(await sandboxed.locator("iframe").getAttribute("style")).toBeNull();

    // The same quiz in the iframe snippet (no sandbox) on its allowed site works.
    const open = await newPage();
    const snippet = iframeSnippet(server.origin, slug, "Limited quiz");
    await open.goto(`${host.origin}/post?${new URLSearchParams({ html: snippet })}`);
    const feedback = await answerFirstQuestion(open.frameLocator("iframe"));
    expect(feedback).toMatch(/\b(Correct|Incorrect)\b/);
  });
});

describe("the iframe snippet under theme rules", () => {
  it("keeps to the column and to its content's height on a phone", async () => {
    const page = await newPage({ width: 375, height: 740 });
    const html = iframeSnippet(server.origin, seedSlug, "Seed");
    await page.goto(`${host.origin}/themed?${new URLSearchParams({ html })}`);
    const iframe = page.locator("iframe");
    const frame = page.frameLocator("iframe");
    await frame.getByRole("button", { name: "Check answer" }).waitFor();
    const column = await page
      .locator("main > p")
      .first()
      .evaluate((p) => p.clientWidth);
    expect(column).toBe(320);
    await expect.poll(async () => (await frameBox(iframe)).height).toBe(await contentHeight(page));
    expect((await frameBox(iframe)).width).toBe(column);
    await answerFirstQuestion(frame);
    const grown = await contentHeight(page);
    await expect.poll(async () => (await frameBox(iframe)).height).toBe(grown);
    expect(grown).toBeGreaterThan(150);
    // The whole quiz shows: nothing inside the frame scrolls.
    expect(
      await embedFrame(page).evaluate(
        () => document.documentElement.scrollHeight <= window.innerHeight,
      ),
    ).toBe(true);
  });
});
