// Security headers: every response is nosniff and sends no referrer; every HTML page gets a CSP
// with a fresh nonce and a frame-ancestors chosen per page (none by default, the quiz's allowed
// origins or any for the iframe embed page).

import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { html } from "hono/html";
import { beforeEach, describe, expect, it } from "vitest";
import { dbProvider } from "../../worker/db/client.ts";
import type { AppEnv } from "../../worker/env.ts";
import { seedQuizSlug } from "../../worker/routes/demo.ts";
import { allowFraming, securityHeaders } from "../../worker/security/headers.ts";
import { call, resetDatabase, seedQuiz, slug } from "./fixtures.ts";

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz();
  await seedQuiz({ slug: seedQuizSlug });
  await seedQuiz({ slug: "fenced", allowedOrigins: ["https://blog.example", "https://b.example"] });
});

function directives(csp: string | null): Map<string, string> {
  expect(csp).not.toBeNull();
  return new Map(
    (csp ?? "").split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")] as const;
    }),
  );
}

describe("HTML pages", () => {
  it("get a strict CSP with a per-response nonce and cannot be framed", async () => {
    const res = await call("GET", "/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const csp = directives(res.headers.get("content-security-policy"));
    expect(csp.get("default-src")).toBe("'none'");
    expect(csp.get("script-src")).toMatch(/^'self' 'nonce-[A-Za-z0-9_-]{24}'$/);
    expect(csp.get("script-src")).not.toContain("unsafe-inline");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'none'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    // The demo page has no inline script: every <script> loads from this origin.
    const page = await res.text();
    for (const tag of page.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="/);
  });

  it("use a fresh nonce on every response", async () => {
    const nonceOf = async () =>
      directives((await call("GET", "/")).headers.get("content-security-policy")).get("script-src");
    expect(await nonceOf()).not.toBe(await nonceOf());
  });

  it("let a handler use the nonce for an inline script and allow framing per page", async () => {
    const pages = new Hono<AppEnv>()
      .use("*", securityHeaders)
      .use("*", dbProvider)
      .get("/inline", (c) =>
        c.html(html`<script nonce="${c.get("cspNonce")}">document.title = "x";</script>`),
      )
      .get("/framed-by-list", (c) => {
        allowFraming(c, ["https://blog.example"]);
        return c.html("<p>framed</p>");
      })
      .get("/framed-by-any", (c) => {
        allowFraming(c, []);
        return c.html("<p>framed</p>");
      })
      .get("/embed/:slug", (c) => c.html("<p>quiz</p>"));
    const fetchPage = (path: string) => pages.fetch(new Request(`http://recall.test${path}`), env);

    const inline = await fetchPage("/inline");
    const nonce = /'nonce-([^']+)'/.exec(inline.headers.get("content-security-policy") ?? "")?.[1];
    expect(await inline.text()).toContain(`nonce="${nonce}"`);

    const listed = directives(
      (await fetchPage("/framed-by-list")).headers.get("content-security-policy"),
    );
    expect(listed.get("frame-ancestors")).toBe("'self' https://blog.example");
    const any = await fetchPage("/framed-by-any");
    expect(directives(any.headers.get("content-security-policy")).get("frame-ancestors")).toBe("*");
    expect(any.headers.get("x-frame-options")).toBeNull();

    // The embed page without an explicit choice: the quiz's allowed origins, or any.
    const fenced = await fetchPage("/embed/fenced");
    expect(directives(fenced.headers.get("content-security-policy")).get("frame-ancestors")).toBe(
      "'self' https://blog.example https://b.example",
    );
    expect(fenced.headers.get("x-frame-options")).toBeNull();
    const open = await fetchPage(`/embed/${slug}`);
    expect(directives(open.headers.get("content-security-policy")).get("frame-ancestors")).toBe(
      "*",
    );
  });
});

describe("JSON responses", () => {
  it("are nosniff, send no referrer and may not be framed or run anything", async () => {
    for (const res of [
      await call("GET", `/api/quizzes/${slug}`),
      await call("GET", "/api/quizzes/no-such-quiz"),
      await call("GET", "/no/such/route"),
    ]) {
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
    }
  });
});
