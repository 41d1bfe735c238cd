/**
 * Site mode's test helpers: the worker called over HTTP inside workerd as a local run
 * (`LOCAL_RUN=true`, as `npm start` sets it, so pages on the 127.0.0.1 test server may be
 * fetched) or as production, waiting for the work a response leaves running (`waitUntil`: the
 * background recheck of a post) before the test reads the database; console forms and sign-in;
 * a registered site on the pages server of test/worker/sites-pages-server.ts; and row counts.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, inject } from "vitest";
import app from "../../worker/index.ts";

export const pagesOrigin = `http://127.0.0.1:${inject("sitesPagesPort")}`;
export const admin = { authorization: `Bearer ${env.ADMIN_TOKEN}` };

let client = 0;

/** Each test its own client address, so the per-client limits count only that test's requests. */
export function nextClient(): void {
  client++;
}

export interface CallOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (a form), with the content type the headers give. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** false: production (`LOCAL_RUN=false`, wrangler.toml's value). */
  local?: boolean;
}

export async function callWorker(
  method: string,
  path: string,
  { body, rawBody, headers = {}, local = true }: CallOptions = {},
): Promise<Response> {
  const init: RequestInit = {
    method,
    headers: { "cf-connecting-ip": `198.51.100.${client % 250}`, ...headers },
  };
  if (body !== undefined) {
    (init.headers as Record<string, string>)["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  if (rawBody !== undefined) init.body = rawBody;
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`http://recall.test${path}`, init),
    { ...env, LOCAL_RUN: local ? "true" : "false" },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

/** A console form post from the console's own origin. */
export function postForm(path: string, fields: Record<string, string>, cookie = "") {
  return callWorker("POST", path, {
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: "http://recall.test",
      ...(cookie && { cookie }),
    },
    rawBody: new URLSearchParams(fields).toString(),
  });
}

/** Signs in to the console with the key; returns the session cookie's `name=value`. */
export async function signIn(key: string, expectedLocation: string): Promise<string> {
  const res = await postForm("/educator/sign-in", { key });
  expect(res.status).toBe(303);
  expect(res.headers.get("location")).toBe(expectedLocation);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

export interface Site {
  siteId: string;
  siteKey: string;
  origin: string;
  policy: "publish" | "review";
}

export async function registerSite(
  policy: "publish" | "review" = "publish",
  extra: Record<string, unknown> = {},
): Promise<Site> {
  const res = await callWorker("POST", "/api/sites", {
    body: { origin: pagesOrigin, policy, ...extra },
    headers: admin,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Site;
}

/** The reader's request: the quiz of the page at `path` on the pages server. */
export function viewPost(site: Site, path: string, options: CallOptions = {}) {
  const url = encodeURIComponent(`${pagesOrigin}${path}`);
  return callWorker("GET", `/api/sites/${site.siteId}/quiz?url=${url}`, options);
}

export async function pageHits(path: string): Promise<number> {
  const res = await fetch(`${pagesOrigin}/__hits?path=${encodeURIComponent(path)}`);
  return ((await res.json()) as { count: number }).count;
}

export async function setVersion(key: string, n: number): Promise<void> {
  await fetch(`${pagesOrigin}/__version?key=${encodeURIComponent(key)}&n=${n}`);
}

const tables = [
  "site_pages",
  "educator_sessions",
  "responses",
  "attempts",
  "questions",
  "quizzes",
  "sites",
] as const;

/** Empty tables for the next test (storage is per test file, not per test). */
export async function resetSites(): Promise<void> {
  await env.DB.batch(tables.map((t) => env.DB.prepare(`delete from ${t}`)));
}

export async function countRows(table: (typeof tables)[number]): Promise<number> {
  const row = await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}
