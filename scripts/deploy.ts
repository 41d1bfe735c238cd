/**
 * `npm run deploy`: builds the widget, applies the migrations to the remote D1, then deploys the
 * worker with its static assets. Needs `wrangler login` (or CLOUDFLARE_API_TOKEN), the D1
 * database id in wrangler.toml, and the ADMIN_TOKEN secret (`wrangler secret put ADMIN_TOKEN`).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root } from "./lib/wrangler.ts";

const wranglerBin = path.join(root, "node_modules", "wrangler", "bin", "wrangler.js");
const dryRun = process.argv.includes("--dry-run");

function run(label: string, args: string[]) {
  console.log(`\n▸ ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed.`);
    process.exit(result.status ?? 1);
  }
}

run("Building the widget", [path.join(root, "scripts", "build-widget.ts")]);
if (dryRun) {
  run("Bundling the worker (dry run, nothing is uploaded)", [
    wranglerBin,
    "deploy",
    "--dry-run",
    "--minify",
  ]);
} else {
  run("Applying migrations to the remote D1", [
    wranglerBin,
    "d1",
    "migrations",
    "apply",
    "DB",
    "--remote",
  ]);
  run("Deploying the worker and the widget", [wranglerBin, "deploy", "--minify"]);
}
