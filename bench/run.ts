/**
 * `npm run bench`: Recall against its peers and its limits, side by side in one run (issue 7).
 * Writes bench/results.json (the flat figures + notes) and BENCHMARKS.md (tables, targets, method).
 *
 *   node bench/run.ts            the full bench (about 8-11 minutes on a 2-core machine)
 *   node bench/run.ts --smoke    a few-second check that the bench still works: widget and
 *                                Preact sizes, one generation per article, the load generator
 *                                against a local stub; prints, writes nothing
 *   node bench/run.ts --only widget,generation   some sections only (prints, writes nothing);
 *                                sections: widget peers worker generation speed throughput report
 *                                load
 *   --no-wrk                     use the Node load generator even where wrk is installed
 *
 * Prerequisites: Debian's `wrk` (`apt-get install -y wrk`; without it a Node load generator is
 * used and results say so), Chromium at /usr/bin/chromium (or CHROMIUM_PATH), the npm registry
 * for the peer packages (without it those figures are null with the reason). Loopback only.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { root } from "../scripts/lib/wrangler.ts";
import { measureGeneration } from "./generation.ts";
import { load, wrkAvailable } from "./lib/load.ts";
import { Results, requiredKeys } from "./lib/results.ts";
import { measureLoad } from "./load.ts";
import type { LoadMixPlan } from "./load-mix.ts";
import { renderMarkdown } from "./markdown.ts";
import { measureReport, reportSizes } from "./report.ts";
import { type BenchServer, startBenchServer } from "./server.ts";
import { measureThroughput, poolSizes, type ThroughputPlan } from "./throughput.ts";
import { measurePeers, measureWidgetWeight } from "./weight.ts";
import { measureWidgetSpeed } from "./widget-speed.ts";
import { measureWorkerBundle, measureWorkerStartup } from "./worker-bundle.ts";

const sectionNames = [
  "widget",
  "peers",
  "worker",
  "generation",
  "speed",
  "throughput",
  "report",
  "load",
];

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const onlyArg = args.find((a) => a.startsWith("--only"));
const only = onlyArg
  ? new Set(
      (onlyArg.includes("=") ? onlyArg.split("=")[1] : args[args.indexOf(onlyArg) + 1])?.split(","),
    )
  : null;
for (const name of only ?? []) {
  if (!sectionNames.includes(name)) {
    console.error(`Unknown section "${name}"; sections: ${sectionNames.join(", ")}`);
    process.exit(2);
  }
}
const enabled = (name: string) => (only ? only.has(name) : true);

/** The load run (issue 14): readers' visits at 64 connections for a minute, then a burst at 256. */
const loadPlan: LoadMixPlan = {
  seconds: 60,
  connections: 64,
  readerAddresses: 1 << 16,
  schoolAddresses: 8,
  schoolShare: 0.1,
};
const burstPlan: LoadMixPlan = { ...loadPlan, seconds: 20, connections: 256 };

const plan: ThroughputPlan = {
  // Many short rounds: on a shared 2-core machine other processes' bursts last seconds, so a
  // route and its floor compared a second apart, fifteen times, drift least.
  rounds: 15,
  seconds: 1,
  threads: 2,
  connections: 20,
  perThread: 800,
};

const results = new Results();
const started = performance.now();
const tmp = await mkdtemp(path.join(os.tmpdir(), "recall-bench-"));
/** The load generator's raw reports, for when a figure looks wrong (bench/last-run.log, ignored). */
const runLogLines: string[] = [];
const runLog = (text: string) => runLogLines.push(text);
const log = (text: string) =>
  console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}`);
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

async function section(
  name: string,
  keys: readonly string[],
  body: () => Promise<void>,
): Promise<void> {
  const t0 = performance.now();
  log(`${name}…`);
  try {
    await body();
  } catch (error) {
    const message = (error as Error).message.split("\n").slice(0, 4).join(" ");
    log(`${name} failed: ${message}`);
    results.unmeasured(keys, `${name} failed: ${message}`);
  }
  results.timings.set(name, Math.round((performance.now() - t0) / 100) / 10);
}

/** The load generator against a local stub: proves the wrk (or Node) path runs and parses. */
async function smokeLoad(wrk: string | null): Promise<void> {
  const stub = http.createServer((_req, res) => res.end('{"ok":true}'));
  await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  try {
    const target = { name: "smoke", method: "GET" as const, path: "/api/health" };
    const options = { origin, threads: 1, connections: 4, seconds: 1, workDir: tmp };
    const r = await load(target, options, wrk !== null);
    if (!(r.requests > 0) || !Number.isFinite(r.p99Ms) || r.errors > 0)
      throw new Error(`load generator returned ${r.raw}`);
    results.set("smoke.stubRps", Math.round(r.rps), `${wrk ?? "Node fallback"} against a stub`);
  } finally {
    stub.close();
  }
}

let server: BenchServer | null = null;
try {
  const wrk = args.includes("--no-wrk") ? null : wrkAvailable();
  results.note("bench.loadGenerator", wrk ?? "Node keep-alive fallback (wrk not found on PATH)");
  const cpus = os.cpus();
  results.note(
    "bench.machine",
    `${cpus.length} x ${cpus[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, load average at start ${loadAverage()}`,
  );
  results.note("bench.date", new Date().toISOString());
  const git = (...a: string[]) =>
    spawnSync("git", a, { cwd: root, encoding: "utf8" }).stdout?.trim() ?? "";
  // The bench's own outputs from an earlier run do not make the measured code different.
  const dirty = git("status", "--porcelain", "--untracked-files=no")
    .split("\n")
    .some((line) => line.trim() && !/ (BENCHMARKS\.md|bench\/results\.json)$/.test(line));
  results.note(
    "bench.commit",
    `commit ${git("rev-parse", "--short", "HEAD") || "unknown"}${dirty ? " with uncommitted changes in the working tree" : ""}`,
  );

  // Preparing the server's database is mostly wrangler start-ups: it runs while the sizes are
  // measured. Everything timed on the CPU (speed, throughput, report, start-up, generation)
  // runs alone, one after another.
  const needsServer =
    !smoke && (enabled("speed") || enabled("throughput") || enabled("report") || enabled("load"));
  const serverKeys = requiredKeys.filter((k) =>
    /^(widget\.(first|cls|interaction)|worker\.\w+(Ratio|VsFloor)|report\.|load\.)/.test(k),
  );
  const serverReady = needsServer
    ? section("server", serverKeys, async () => {
        const ready = await startBenchServer({
          tmp,
          pools: (questions) => poolSizes(plan, questions),
          reportSizes: enabled("report") ? reportSizes : [],
          loadQuizzes: enabled("load") ? 24 : 0,
        });
        server = ready;
        log(`server ready at ${ready.origin} after ${ready.setupSeconds.toFixed(1)} s`);
      })
    : Promise.resolve();

  if (enabled("widget"))
    await section("widget weight", ["widget.gzipBytes", "widget.brotliBytes"], () =>
      measureWidgetWeight(results),
    );
  if (!smoke && enabled("peers"))
    await section("peers", ["widget.vsTypeform", "widget.vsH5p"], () =>
      measurePeers(results, path.join(tmp, "peers")),
    );
  let workerBundle: string | null = null;
  if (!smoke && enabled("worker"))
    await section("worker bundle", ["worker.bundleGzipBytes", "worker.startupMs"], async () => {
      workerBundle = await measureWorkerBundle(results, tmp);
    });
  await serverReady;

  const live = server as BenchServer | null;
  if (live) {
    if (enabled("speed"))
      await section(
        "widget speed",
        requiredKeys.filter((k) => /^widget\.(first|cls|interaction)/.test(k)),
        () => measureWidgetSpeed(results, live, { runs: 10 }),
      );
    if (enabled("throughput"))
      await section(
        "throughput",
        requiredKeys.filter((k) => /^worker\.\w+(Ratio|VsFloor)$/.test(k)),
        () => measureThroughput(results, live, plan, { workDir: tmp, wrk, log: runLog }),
      );
    if (enabled("report"))
      await section(
        "report",
        requiredKeys.filter((k) => k.startsWith("report.")),
        () => measureReport(results, live, { smoke }),
      );
    if (enabled("load"))
      await section(
        "load",
        requiredKeys.filter((k) => k.startsWith("load.")),
        () => measureLoad(results, live, loadPlan, burstPlan, runLog),
      );
    await live.stop();
    server = null;
  }

  const bundle = workerBundle as string | null;
  if (bundle)
    await section("worker start-up", ["worker.startupMs"], () =>
      measureWorkerStartup(results, bundle, { smoke }),
    );
  if (enabled("generation"))
    await section("generation", ["generation.medianMs", "generation.ms2000Words"], () =>
      measureGeneration(results, { smoke }),
    );
  if (smoke) await section("load generator", ["smoke.stubRps"], () => smokeLoad(wrk));
} finally {
  const running = server as BenchServer | null;
  if (running) await running.stop();
  await rm(tmp, { recursive: true, force: true });
}

const total = (performance.now() - started) / 1000;
results.note("bench.loadEnd", loadAverage());
results.timings.set("total", Math.round(total * 10) / 10);
const json = results.toJson();
if (runLogLines.length) {
  await writeFile(path.join(root, "bench", "last-run.log"), `${runLogLines.join("\n\n")}\n`);
}
if (smoke || only) {
  if (smoke) {
    // Short enough for `npm test`'s log: the figures only, one per line.
    for (const [key, value] of results.figures) console.log(`  ${key} = ${value ?? "null"}`);
  } else console.log(JSON.stringify(json, null, 2));
  const expected = smoke
    ? ["widget.gzipBytes", "preact.gzipBytes", "generation.medianMs", "smoke.stubRps"]
    : [];
  const broken = expected.filter((k) => results.get(k) === null);
  if (broken.length) {
    console.error(`bench smoke failed: no figure for ${broken.join(", ")}`);
    process.exit(1);
  }
  log(smoke ? "smoke passed" : "done (partial run: nothing written)");
} else {
  await writeFile(path.join(root, "bench", "results.json"), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(
    path.join(root, "BENCHMARKS.md"),
    renderMarkdown(results, { plan, totalSeconds: total }),
  );
  log(`wrote bench/results.json and BENCHMARKS.md in ${total.toFixed(0)} s`);
}
