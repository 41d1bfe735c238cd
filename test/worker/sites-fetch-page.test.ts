// The page fetcher of site mode (worker/sites/fetch-page.ts) against a real HTTP server on
// 127.0.0.1 (test/worker/sites-pages-server.ts): what it returns for a page, redirects within and
// off the origin, non-HTML, 3 MB, no answer; and that production refuses http and non-public
// addresses before connecting.
import { describe, expect, inject, it } from "vitest";
import { ApiError } from "../../worker/errors.ts";
import { refusalReason } from "../../worker/sites/address-policy.ts";
import { extractArticle } from "../../worker/sites/extract-article.ts";
import { type FetchPageOutcome, fetchPage } from "../../worker/sites/fetch-page.ts";

declare module "vitest" {
  interface ProvidedContext {
    sitesPagesPort: number;
  }
}

const origin = `http://127.0.0.1:${inject("sitesPagesPort")}`;
const local = { allowLocalHttp: true };

function expectFailure(outcome: FetchPageOutcome, status: number, code: string) {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.error).toBeInstanceOf(ApiError);
  expect(outcome.error.status).toBe(status);
  expect(outcome.error.code).toBe(code);
  expect(outcome.error.message.length).toBeGreaterThan(0);
}

async function hits(path: string): Promise<number> {
  const res = await fetch(`${origin}/__hits?path=${encodeURIComponent(path)}`);
  const body = (await res.json()) as { count: number };
  return body.count;
}

describe("a local run (allowLocalHttp)", () => {
  it("returns the page's HTML and its URL", async () => {
    const outcome = await fetchPage(`${origin}/post`, origin, local);
    expect(outcome).toMatchObject({ ok: true, url: `${origin}/post` });
    if (outcome.ok) expect(outcome.html).toContain("A tide pool holds sea water");
  });

  it("gives HTML the extractor turns into the post's title and text", async () => {
    const outcome = await fetchPage(`${origin}/redirect-within`, origin, local);
    if (!outcome.ok) throw outcome.error;
    const article = await extractArticle(outcome.html, outcome.url);
    expect(article.title).toBe("Tide pools");
    expect(article.text).toBe(
      "Tide pools\n\nA tide pool holds sea water left behind by the falling tide.",
    );
  });

  it("drops the URL's fragment", async () => {
    const outcome = await fetchPage(`${origin}/post#comments`, origin, local);
    expect(outcome).toMatchObject({ ok: true, url: `${origin}/post` });
  });

  it("accepts the registered origin with a trailing slash", async () => {
    const outcome = await fetchPage(`${origin}/post`, `${origin}/`, local);
    expect(outcome.ok).toBe(true);
  });

  it("follows a redirect within the origin and reports the final URL", async () => {
    const outcome = await fetchPage(`${origin}/redirect-within`, origin, local);
    expect(outcome).toMatchObject({ ok: true, url: `${origin}/post` });
  });

  it("follows an absolute redirect within the origin", async () => {
    const outcome = await fetchPage(`${origin}/redirect-absolute-within`, origin, local);
    expect(outcome).toMatchObject({ ok: true, url: `${origin}/post` });
  });

  it("sends no cookie, not even one set by a redirect, and no credentials", async () => {
    const outcome = await fetchPage(`${origin}/redirect-to-headers`, origin, local);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const sent = JSON.parse(/<pre>(.*)<\/pre>/s.exec(outcome.html)?.[1] ?? "{}") as object;
    expect(Object.keys(sent)).not.toContain("cookie");
    expect(Object.keys(sent)).not.toContain("authorization");
    expect(sent).toMatchObject({ accept: "text/html" });
  });

  it("refuses a redirect off the origin without following it", async () => {
    const before = await hits("/post");
    const outcome = await fetchPage(`${origin}/redirect-off-origin`, origin, local);
    expectFailure(outcome, 403, "origin_not_allowed");
    expect(await hits("/post")).toBe(before);
  });

  it("gives up on a redirect loop after a few hops", async () => {
    const before = await hits("/redirect-loop");
    const outcome = await fetchPage(`${origin}/redirect-loop`, origin, local);
    expectFailure(outcome, 502, "source_unavailable");
    expect((await hits("/redirect-loop")) - before).toBe(6);
  });

  it("treats a redirect without a Location as unavailable", async () => {
    const outcome = await fetchPage(`${origin}/redirect-no-location`, origin, local);
    expectFailure(outcome, 502, "source_unavailable");
  });

  it("refuses a URL on another origin without connecting", async () => {
    const other = origin.replace("127.0.0.1", "localhost");
    const before = await hits("/post");
    const outcome = await fetchPage(`${other}/post`, origin, local);
    expectFailure(outcome, 403, "origin_not_allowed");
    expect(await hits("/post")).toBe(before);
  });

  it("refuses another port of the same host", async () => {
    const outcome = await fetchPage("http://127.0.0.1:1/post", origin, local);
    expectFailure(outcome, 403, "origin_not_allowed");
  });

  it("refuses a URL that does not parse", async () => {
    expectFailure(await fetchPage("/post", origin, local), 400, "invalid_url");
  });

  it("refuses a URL with a user name and password", async () => {
    const withUser = origin.replace("http://", "http://editor:secret@");
    expectFailure(await fetchPage(`${withUser}/post`, origin, local), 403, "origin_not_allowed");
  });

  it("refuses a JSON response as not HTML", async () => {
    expectFailure(await fetchPage(`${origin}/json`, origin, local), 502, "not_html");
  });

  it("refuses a response without a content type as not HTML", async () => {
    expectFailure(await fetchPage(`${origin}/no-content-type`, origin, local), 502, "not_html");
  });

  it("reads the media type case-insensitively", async () => {
    const outcome = await fetchPage(`${origin}/post-upper-case-type`, origin, local);
    expect(outcome.ok).toBe(true);
  });

  it("stops reading a 3 MB page sent without a length", async () => {
    expectFailure(await fetchPage(`${origin}/large`, origin, local), 502, "too_large");
  });

  it("refuses a page that declares 3 MB before reading it", async () => {
    expectFailure(await fetchPage(`${origin}/large-declared`, origin, local), 502, "too_large");
  });

  it("reads a page just under 2 MB", async () => {
    const outcome = await fetchPage(`${origin}/just-under-limit`, origin, local);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.html.length).toBe(2 * 1024 * 1024 - 16 + 7);
  });

  it("gives up on a page that never answers", async () => {
    const started = Date.now();
    const outcome = await fetchPage(`${origin}/never`, origin, { ...local, timeoutMs: 300 });
    expectFailure(outcome, 502, "source_unavailable");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("gives up on a body that stops half way", async () => {
    const outcome = await fetchPage(`${origin}/stall-body`, origin, { ...local, timeoutMs: 300 });
    expectFailure(outcome, 502, "source_unavailable");
  });

  it("treats a 404 as unavailable", async () => {
    expectFailure(await fetchPage(`${origin}/not-found`, origin, local), 502, "source_unavailable");
  });

  it("treats a 500 as unavailable", async () => {
    const outcome = await fetchPage(`${origin}/server-error`, origin, local);
    expectFailure(outcome, 502, "source_unavailable");
  });

  it("decodes the charset the Content-Type names", async () => {
    const outcome = await fetchPage(`${origin}/latin1`, origin, local);
    expect(outcome.ok && outcome.html).toContain("Café crème – déjà vu");
  });

  it("decodes the charset a meta tag names", async () => {
    const outcome = await fetchPage(`${origin}/meta-charset`, origin, local);
    expect(outcome.ok && outcome.html).toContain("Grüße");
  });
});

describe("production (no local flag)", () => {
  it("refuses http on the loopback server without connecting", async () => {
    const before = await hits("/post");
    expectFailure(await fetchPage(`${origin}/post`, origin), 403, "origin_not_allowed");
    expect(await hits("/post")).toBe(before);
  });

  it("refuses plain http to a public host", async () => {
    const outcome = await fetchPage("http://blog.example.com/post", "http://blog.example.com");
    expectFailure(outcome, 403, "origin_not_allowed");
  });

  it.each([
    "https://10.0.0.8/post",
    "https://10.255.255.255/post",
    "https://172.16.0.1/post",
    "https://172.31.255.254/post",
    "https://192.168.1.20/post",
    "https://169.254.169.254/latest/meta-data",
    "https://127.0.0.1/post",
    "https://127.8.9.10/post",
    "https://0.0.0.0/post",
    "https://100.64.0.1/post",
    "https://0x7f.1/post",
    "https://2130706433/post",
    "https://[::1]/post",
    "https://[::]/post",
    "https://[fc00::1]/post",
    "https://[fd12:3456:789a::1]/post",
    "https://[fe80::1]/post",
    "https://[febf:ffff::1]/post",
    "https://[::ffff:127.0.0.1]/post",
    "https://[::ffff:10.1.2.3]/post",
    "https://localhost/post",
    "https://LOCALHOST./post",
    "https://blog.localhost/post",
  ])("refuses %s before any connection", async (url) => {
    const site = new URL(url).origin;
    const started = Date.now();
    const outcome = await fetchPage(url, site, { timeoutMs: 60_000 });
    expectFailure(outcome, 403, "origin_not_allowed");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("still refuses private addresses other than loopback with the local flag", async () => {
    const outcome = await fetchPage("http://192.168.1.20/post", "http://192.168.1.20", local);
    expectFailure(outcome, 403, "origin_not_allowed");
  });
});

describe("the address policy on its own", () => {
  it.each([
    "https://172.15.0.1/",
    "https://172.32.0.1/",
    "https://192.169.0.1/",
    "https://11.0.0.1/",
    "https://[2001:db8::1]/",
    "https://[fbff::1]/",
    "https://blog.example.com/",
  ])("lets %s through (public, only looks similar)", (url) => {
    expect(refusalReason(new URL(url), { allowLocalHttp: false })).toBeNull();
  });

  it("allows only loopback over http with the local flag", () => {
    const policy = { allowLocalHttp: true };
    expect(refusalReason(new URL("http://127.0.0.1:8788/"), policy)).toBeNull();
    expect(refusalReason(new URL("http://localhost:8788/"), policy)).toBeNull();
    expect(refusalReason(new URL("http://[::1]:8788/"), policy)).toBeNull();
    expect(refusalReason(new URL("http://10.0.0.1:8788/"), policy)).not.toBeNull();
    expect(refusalReason(new URL("http://blog.example.com/"), policy)).not.toBeNull();
  });

  it("refuses schemes other than http and https", () => {
    expect(refusalReason(new URL("ftp://blog.example.com/"), { allowLocalHttp: true })).toMatch(
      /ftp:/,
    );
  });
});
