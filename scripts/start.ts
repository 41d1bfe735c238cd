/**
 * `npm start`: the whole demo on one machine, offline. Builds the widget, makes sure .dev.vars
 * holds an ADMIN_TOKEN, applies the migrations to the local D1, loads every bank in
 * questions/banks/ as a published quiz, then runs `wrangler dev` on 127.0.0.1:8787.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { prepareLocalDatabase } from "./lib/seed.ts";
import { root, startDev } from "./lib/wrangler.ts";

const port = Number(process.env.PORT ?? 8787);
const devVars = path.join(root, ".dev.vars");

async function ensureAdminToken(): Promise<"created" | "kept"> {
  const current = existsSync(devVars) ? await readFile(devVars, "utf8") : "";
  if (/^ADMIN_TOKEN\s*=/m.test(current)) return "kept";
  const token = randomBytes(24).toString("base64url");
  const line = `ADMIN_TOKEN="${token}"\n`;
  if (current === "") await writeFile(devVars, line, { mode: 0o600 });
  else await appendFile(devVars, `${current.endsWith("\n") ? "" : "\n"}${line}`);
  return "created";
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
const token = await ensureAdminToken();
console.log(
  token === "created"
    ? "  Created .dev.vars with a random ADMIN_TOKEN (git-ignored)."
    : "  Using the ADMIN_TOKEN already in .dev.vars.",
);

step("Local D1: applying migrations and loading the question banks");
const slugs = await prepareLocalDatabase({ quiet: true });
console.log(`  Loaded ${slugs.length} quiz${slugs.length === 1 ? "" : "zes"}: ${slugs.join(", ")}`);

step(`Starting wrangler dev on 127.0.0.1:${port}`);
const server = await startDev({ port, inheritOutput: true, readyTimeoutMs: 90_000 });
const seed = slugs.includes("pakistan-russia-75-years") ? "pakistan-russia-75-years" : slugs[0];
console.log(`
  Recall is running.
    Demo:     ${server.origin}/
    Quiz API: ${server.origin}/api/quizzes/${seed ?? "<slug>"}
    Educator: ${server.origin}/educator  (sign in with ADMIN_TOKEN from .dev.vars)
    Report:   ${server.origin}/educator/quizzes/${seed ?? "<slug>"}
  Press Ctrl+C to stop.
`);

const shutdown = () => {
  void server.stop().then(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
server.process.on("exit", (code) => process.exit(code ?? 0));
