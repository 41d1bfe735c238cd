/**
 * `npm test`: every check, in order of speed, failing on the first failure — Biome (lint and
 * format), `tsc` for each room, schema vs migrations, binding types, the widget build, a smoke of
 * the benchmarks, Chromium (installed from Debian's packages when missing and possible), then vitest: questions in Node, worker tests inside workerd over a real D1, and the
 * browser end-to-end tests against the worker in workerd (started through miniflare).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureChromium } from "./lib/chromium.ts";
import { offlineEnv, root } from "./lib/wrangler.ts";

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

type Step = { name: string } & (
  | { command: string; args: string[] }
  | { run: () => { ok: true } | { ok: false; message: string } }
);

const steps: Step[] = [
  { name: "Biome (lint + format)", command: bin("biome"), args: ["ci", "."] },
  ...["questions", "worker", "widget", "test/worker", "bench/floors"].map((room) => ({
    name: `tsc ${room}`,
    command: bin("tsc"),
    args: ["-p", `${room}/tsconfig.json`],
  })),
  {
    name: "tsc scripts, CLI and Node tests",
    command: bin("tsc"),
    args: ["-p", "tsconfig.node.json"],
  },
  {
    name: "Migrations match the schema",
    command: process.execPath,
    args: [path.join(root, "scripts", "check-migrations.ts")],
  },
  {
    name: "Worker binding types match wrangler.toml (wrangler types --check)",
    command: bin("wrangler"),
    args: [
      "types",
      "worker/worker-configuration.d.ts",
      "--include-runtime=false",
      "--include-main-module=false",
      "--env-file=worker/secrets.example.env",
      "--check",
    ],
  },
  {
    name: "Widget build",
    command: process.execPath,
    args: [path.join(root, "scripts", "build-widget.ts")],
  },
  {
    name: "Bench smoke (npm run bench cannot rot unnoticed)",
    command: process.execPath,
    args: [path.join(root, "bench", "run.ts"), "--smoke"],
  },
  { name: "Chromium for the browser tests", run: ensureChromium },
  {
    name: "vitest (questions, worker, e2e)",
    command: bin("vitest"),
    args: ["run", ...process.argv.slice(2)],
  },
];

function runStep(step: Step): number {
  if ("run" in step) {
    const outcome = step.run();
    if (outcome.ok) return 0;
    console.error(outcome.message);
    return 1;
  }
  const result = spawnSync(step.command, step.args, {
    cwd: root,
    env: offlineEnv,
    stdio: "inherit",
  });
  return result.status ?? 1;
}

const started = Date.now();
for (const step of steps) {
  const t0 = Date.now();
  console.log(`\n━━ ${step.name}`);
  const status = runStep(step);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (status !== 0) {
    console.error(`\n✗ ${step.name} failed (${seconds} s).`);
    process.exit(status);
  }
  console.log(`✓ ${step.name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
