/**
 * End-to-end harness: the real worker in workerd through miniflare (scripts/lib/miniflare.ts) on a
 * free loopback port with its own fresh local D1 (real migrations, every bank loaded), and a real
 * headless Chromium (Debian's, via playwright-core).
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { chromiumPath } from "../../scripts/lib/chromium.ts";
import { startLocalWorker } from "../../scripts/lib/miniflare.ts";
import { root } from "../../scripts/lib/wrangler.ts";

export const seedSlug = "pakistan-russia-75-years";

export interface TestServer {
  origin: string;
  adminToken: string;
  /** The folder holding this server's local D1 (removed by `stop`). */
  persistTo: string;
  stop(): Promise<void>;
}

let widgetBuilt = false;

export function buildWidget(): void {
  if (widgetBuilt) return;
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "build-widget.ts")], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(`widget build failed:\n${result.stdout}${result.stderr}`);
  widgetBuilt = true;
}

/** `vars`: more of the worker's variables (`LOCAL_RUN: "true"` lets site mode fetch 127.0.0.1). */
export async function startServer(vars: Record<string, string> = {}): Promise<TestServer> {
  buildWidget();
  const persistTo = await mkdtemp(path.join(os.tmpdir(), "recall-e2e-"));
  const adminToken = randomBytes(24).toString("base64url");
  const worker = await startLocalWorker({ persistTo, vars: { ...vars, ADMIN_TOKEN: adminToken } });
  return {
    origin: worker.origin,
    adminToken,
    persistTo,
    async stop() {
      await worker.stop();
      await rm(persistTo, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
    ],
  });
}
