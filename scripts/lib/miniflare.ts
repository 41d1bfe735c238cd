/**
 * The worker in-process through miniflare's API, for the end-to-end tests and the benchmark:
 * the worker bundled by esbuild, its bindings read from wrangler.toml by wrangler's own
 * translation (D1, rate limits, static assets with the same `run_worker_first` routes), a local
 * D1 persisted in a folder laid out as `wrangler dev --persist-to` lays it out, the real
 * migrations applied and every bank seeded through the D1 binding itself.
 *
 * Against spawning `wrangler dev` and polling it, this starts in well under a second instead of
 * several (no child process, no CLI start-up, no `wrangler d1` runs), and needs no output
 * parsing or process-group kills. `npm start` keeps `wrangler dev` (reload on change, the CLI a
 * user expects).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { convertV4MiniflareOptions, Miniflare, type V4WorkerOptions } from "miniflare";
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from "wrangler";
import { readBanks, seedStatements } from "./seed.ts";
import { root } from "./wrangler.ts";

/** miniflare's D1 binding as seen from Node. */
export type LocalD1 = Awaited<ReturnType<Miniflare["getD1Database"]>>;

const bundleDir = path.join(root, ".wrangler", "tmp", "miniflare-bundle");
const bundles = new Map<string, Promise<string>>();

/** Bundles a Worker entry once per process, as wrangler would for workerd. */
function bundle(entry: string): Promise<string> {
  let done = bundles.get(entry);
  if (!done) {
    const name = `${path.basename(path.dirname(entry))}-${path.basename(entry, ".ts")}`;
    const outfile = path.join(bundleDir, `${name}-${process.pid}.js`);
    done = build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: "esm",
      platform: "browser",
      conditions: ["workerd", "worker", "browser"],
      target: "es2024",
      logLevel: "error",
    }).then(() => outfile);
    bundles.set(entry, done);
  }
  return done;
}

/** Each migration's statements, in file order, as `wrangler d1 migrations apply` reads them. */
async function readMigrations(): Promise<{ name: string; queries: string[] }[]> {
  const dir = path.join(root, "migrations");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  return Promise.all(
    files.map(async (name) => ({
      name,
      queries: unstable_splitSqlQuery(await readFile(path.join(dir, name), "utf8")),
    })),
  );
}

/** Applies the migrations (recorded in `d1_migrations`, as wrangler does) and seeds every bank. */
async function prepare(db: LocalD1): Promise<void> {
  await db
    .prepare(
      "CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)",
    )
    .run();
  for (const migration of await readMigrations()) {
    await db.batch([
      ...migration.queries.map((query) => db.prepare(query)),
      db.prepare("INSERT INTO d1_migrations (name) VALUES (?)").bind(migration.name),
    ]);
  }
  const statements = seedStatements(await readBanks());
  await db.batch(statements.map((s) => db.prepare(s.sql).bind(...s.params)));
}

type AssetsOptions = V4WorkerOptions["assets"];

/** The assets options with one more worker-first route, as if wrangler.toml listed it. */
function withWorkerFirst(assets: AssetsOptions, route: string): AssetsOptions {
  if (!assets?.routerConfig?.static_routing)
    throw new Error("wrangler.toml has no worker-first routes");
  const routing: { user_worker: string[] } = assets.routerConfig.static_routing;
  return {
    ...assets,
    routerConfig: {
      ...assets.routerConfig,
      static_routing: { ...routing, user_worker: [...routing.user_worker, route] },
    },
  };
}

export interface LocalWorker {
  origin: string;
  /** The local D1, for set-up SQL beyond the seed (the bench's data). */
  db: LocalD1;
  stop(): Promise<void>;
}

/**
 * Starts the worker on 127.0.0.1 (a free port unless given) over a fresh D1 in `persistTo`.
 * With `floors`, the bench's floors (bench/floors/worker.ts) answer `/floor/*` from the app's own
 * Worker script (bench/floors/beside-app.ts), behind the same asset router, over the same D1; and
 * the same bare handler, as a Worker of its own that miniflare routes to directly, answers
 * `/direct/*` — the difference between the two is the local asset router's price.
 */
export async function startLocalWorker(options: {
  persistTo: string;
  vars?: Record<string, string>;
  port?: number;
  floors?: boolean;
}): Promise<LocalWorker> {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(path.join(root, "wrangler.toml"));
  const entry = options.floors
    ? path.join(root, "bench", "floors", "beside-app.ts")
    : path.join(root, "worker", "index.ts");
  const app: V4WorkerOptions = {
    ...workerOptions,
    // Module rules are for unbundled sources; the bundle is one ES module.
    modulesRules: undefined,
    rootPath: undefined,
    name: "recall",
    modules: true,
    scriptPath: await bundle(entry),
    bindings: { ...(workerOptions.bindings as Record<string, string>), ...options.vars },
    assets: options.floors
      ? withWorkerFirst(workerOptions.assets as AssetsOptions, "/floor/*")
      : (workerOptions.assets as AssetsOptions),
  };
  const direct: V4WorkerOptions = {
    name: "floors",
    modules: true,
    scriptPath: await bundle(path.join(root, "bench", "floors", "worker.ts")),
    compatibilityDate: workerOptions.compatibilityDate as string,
    d1Databases: workerOptions.d1Databases as V4WorkerOptions["d1Databases"],
    routes: ["*/direct/*"],
  };
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      host: "127.0.0.1",
      port: options.port ?? 0,
      resourcePersistencePath: path.join(options.persistTo, "v3"),
      workers: options.floors ? [app, direct] : [app],
    }),
  );
  try {
    const url = await mf.ready;
    const db = await mf.getD1Database("DB");
    await prepare(db);
    return { origin: url.origin, db, stop: () => mf.dispose() };
  } catch (error) {
    await mf.dispose();
    throw error;
  }
}
