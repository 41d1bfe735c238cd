/**
 * Chromium for the browser tests and the widget benchmark: Debian's package at /usr/bin/chromium,
 * or `CHROMIUM_PATH`. `npm test` installs the package itself when it can (root, with apt) and
 * otherwise stops with the one command to run — never a download of a test tool's own browser.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const installCommand = "sudo apt-get install -y chromium";

function canInstallWithApt(): boolean {
  return process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
}

function apt(args: string[]): boolean {
  const result = spawnSync("apt-get", args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

/** Resolves to the browser's path, installing Debian's package first when it is missing. */
export function ensureChromium(): { ok: true; path: string } | { ok: false; message: string } {
  if (existsSync(chromiumPath)) return { ok: true, path: chromiumPath };
  if (process.env.CHROMIUM_PATH)
    return {
      ok: false,
      message: `CHROMIUM_PATH is ${chromiumPath}, which does not exist: point it at a Chromium binary, or unset it and run \`${installCommand}\`.`,
    };
  if (!canInstallWithApt())
    return {
      ok: false,
      message: `The browser tests need Chromium at /usr/bin/chromium: run \`${installCommand}\` (or set CHROMIUM_PATH), then \`npm test\` again.`,
    };
  console.log("  Chromium is missing: installing Debian's package (apt-get install chromium)…");
  if (!apt(["install", "-y", "-qq", "chromium"])) {
    // A fresh machine's package lists may be missing or stale.
    apt(["update", "-qq"]);
    apt(["install", "-y", "-qq", "chromium"]);
  }
  if (existsSync(chromiumPath)) return { ok: true, path: chromiumPath };
  return {
    ok: false,
    message: `Installing Chromium with apt failed (see above): run \`apt-get update && apt-get install -y chromium\`, then \`npm test\` again.`,
  };
}
