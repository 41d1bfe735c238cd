/**
 * `npm start`: the whole demo on one machine, offline. Builds the widget, makes sure .dev.vars
 * holds an ADMIN_TOKEN (and `LOCAL_RUN=true`, so site mode may fetch the demo blog over http from
 * 127.0.0.1), applies the migrations to the local D1, loads every bank in questions/banks/ as a
 * published quiz, runs `wrangler dev` on 127.0.0.1:8787, then serves the demo blog (demo/blog/)
 * on 127.0.0.1:8788 and registers it as a site (once: a later start finds it registered).
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type DemoBlog, startDemoBlog } from "./lib/demo-blog.ts";
import { prepareLocalDatabase } from "./lib/seed.ts";
import { root, startDev } from "./lib/wrangler.ts";

const port = Number(process.env.PORT ?? 8787);
const blogPort = Number(process.env.BLOG_PORT ?? 8788);
const devVars = path.join(root, ".dev.vars");

/** The variable's value in .dev.vars, added (with `make()`) when missing. */
async function ensureDevVar(
  name: string,
  make: () => string,
): Promise<{ value: string; created: boolean }> {
  const current = existsSync(devVars) ? await readFile(devVars, "utf8") : "";
  const found = new RegExp(`^${name}\\s*=\\s*"?([^"\\n]*)"?\\s*$`, "m").exec(current);
  if (found) return { value: found[1] ?? "", created: false };
  const value = make();
  const line = `${name}="${value}"\n`;
  if (current === "") await writeFile(devVars, line, { mode: 0o600 });
  else await appendFile(devVars, `${current.endsWith("\n") ? "" : "\n"}${line}`);
  return { value, created: true };
}

interface SiteListing {
  sites: { siteId: string; origin: string }[];
}

/** The demo blog's site id: registered through the API on the first start, found on later ones. */
async function ensureDemoSite(api: string, adminToken: string, origin: string) {
  const headers = { authorization: `Bearer ${adminToken}`, "content-type": "application/json" };
  const listed = await fetch(`${api}/api/sites`, { headers });
  if (!listed.ok) throw new Error(`GET /api/sites answered ${listed.status}`);
  const known = ((await listed.json()) as SiteListing).sites.find((s) => s.origin === origin);
  if (known) return { siteId: known.siteId, siteKey: null };
  const res = await fetch(`${api}/api/sites`, {
    method: "POST",
    headers,
    body: JSON.stringify({ origin, name: "Harbour Notes (demo blog)", policy: "publish" }),
  });
  if (res.status !== 201)
    throw new Error(`POST /api/sites answered ${res.status}: ${await res.text()}`);
  const site = (await res.json()) as { siteId: string; siteKey: string };
  return { siteId: site.siteId, siteKey: site.siteKey };
}

/** Serves demo/blog/ and registers it; null (with the reason printed) when it cannot. */
async function startBlog(api: string, adminToken: string): Promise<DemoBlog | null> {
  let blog: DemoBlog;
  try {
    blog = await startDemoBlog({ port: blogPort, recallOrigin: api });
  } catch (err) {
    console.log(
      `  The demo blog could not listen on 127.0.0.1:${blogPort} (${String(err)}); set BLOG_PORT.`,
    );
    return null;
  }
  try {
    const site = await ensureDemoSite(api, adminToken, blog.origin);
    blog.setSiteId(site.siteId);
    console.log(
      site.siteKey
        ? `  Registered ${blog.origin} as site ${site.siteId}. Its site key (shown once): ${site.siteKey}`
        : `  ${blog.origin} is site ${site.siteId} (registered on an earlier start).`,
    );
    return blog;
  } catch (err) {
    console.log(`  The demo blog could not be registered as a site: ${String(err)}`);
    await blog.stop();
    return null;
  }
}

function step(message: string) {
  console.log(`\n▸ ${message}`);
}

step("Building the widget");
const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-widget.ts")], {
  cwd: root,
  stdio: "inherit",
});
if (build.status !== 0) process.exit(build.status ?? 1);

step("Admin token");
const token = await ensureDevVar("ADMIN_TOKEN", () => randomBytes(24).toString("base64url"));
console.log(
  token.created
    ? "  Created .dev.vars with a random ADMIN_TOKEN (git-ignored)."
    : "  Using the ADMIN_TOKEN already in .dev.vars.",
);
// A local run: site mode may fetch the demo blog over http from 127.0.0.1 (never in production).
await ensureDevVar("LOCAL_RUN", () => "true");

step("Local D1: applying migrations and loading the question banks");
const slugs = await prepareLocalDatabase({ quiet: true });
console.log(`  Loaded ${slugs.length} quiz${slugs.length === 1 ? "" : "zes"}: ${slugs.join(", ")}`);

step(`Starting wrangler dev on 127.0.0.1:${port}`);
const server = await startDev({ port, inheritOutput: true, readyTimeoutMs: 90_000 });
const seed = slugs.includes("pakistan-russia-75-years") ? "pakistan-russia-75-years" : slugs[0];

step(`Demo blog (site mode) on 127.0.0.1:${blogPort}`);
const blog = await startBlog(server.origin, token.value);
console.log(`
  Recall is running.
    Demo:     ${server.origin}/
    Blog:     ${blog ? `${blog.origin}/  (one <recall-quiz site> tag; each post's quiz is made on its first view)` : "not running (see above)"}
    Quiz API: ${server.origin}/api/quizzes/${seed ?? "<slug>"}
    Educator: ${server.origin}/educator  (sign in with ADMIN_TOKEN from .dev.vars)
    Report:   ${server.origin}/educator/quizzes/${seed ?? "<slug>"}
    Sites:    ${server.origin}/educator/sites
  Press Ctrl+C to stop.
`);

const shutdown = () => {
  void Promise.all([server.stop(), blog?.stop()]).then(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
server.process.on("exit", (code) => process.exit(code ?? 0));
