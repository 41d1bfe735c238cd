/**
 * Load generation on loopback: wrk when it is installed (Debian's `wrk`, a prerequisite the bench
 * never installs itself), else a small keep-alive Node client with the same shape (threads x
 * connections, fixed duration). Requests that must be fresh writes walk through numbered slots,
 * each thread in its own range, so no request repeats another (no idempotent replays).
 */
import { execFile, spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { quantile } from "./stats.ts";

/** Fresh-write targets: slot -> (attempt, question). Attempt ids are `<prefix>-0000-4000-8000-<slot hex>`. */
export interface SlotPlan {
  kind: "answer" | "finish";
  /** Where the attempts routes live: the app's `/api` or the bare floor's `/floor`. */
  base: "/api" | "/floor";
  /** The answer route's segment after the attempt id (the floor's trigger-less copy differs). */
  answers?: string;
  /** Eight hex digits that start every attempt id of the pool. */
  prefix: string;
  /** First slot of this run; thread t uses [first + t * perThread, first + (t + 1) * perThread). */
  first: number;
  perThread: number;
  /** Attempts in the pool (answer slots are question-major over them). */
  attempts: number;
  questions: string[];
}

export interface Target {
  name: string;
  method: "GET" | "PUT" | "POST";
  body?: string;
  /** Extra request headers (e.g. the Origin a browser would send). */
  headers?: Record<string, string>;
  /** A fixed path, or a plan of fresh writes. */
  path: string | SlotPlan;
}

export interface LoadOptions {
  origin: string;
  threads: number;
  connections: number;
  seconds: number;
  workDir: string;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Successful (2xx/3xx) responses per second: a 429 or 5xx is not throughput. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses outside 2xx/3xx plus socket errors. */
  errors: number;
  /** The load generator's own report, for the run log. */
  raw: string;
}

/**
 * Requests come from many readers, as a real site's do: each carries one of this many client
 * addresses in `CF-Connecting-IP` (in turn), the header Cloudflare sets and the worker's
 * per-client rate limits key on. One address for all would measure the limiter, not the route.
 */
export const readerAddresses = 4096;

const readerAddress = (n: number) => {
  const i = n % readerAddresses;
  return `10.0.${i >> 8}.${i & 255}`;
};

export const attemptId = (prefix: string, n: number) =>
  `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/** The path of the `n`-th request of thread `t` (the same mapping the wrk script uses). */
export function slotPath(plan: SlotPlan, t: number, n: number): string {
  const slot = plan.first + t * plan.perThread + (n % plan.perThread);
  if (plan.kind === "finish") return `${plan.base}/attempts/${attemptId(plan.prefix, slot)}/finish`;
  const attempt = slot % plan.attempts;
  const question = plan.questions[Math.floor(slot / plan.attempts) % plan.questions.length];
  return `${plan.base}/attempts/${attemptId(plan.prefix, attempt)}/${plan.answers ?? "answers"}/${question}`;
}

export function wrkAvailable(): string | null {
  const probe = spawnSync("wrk", ["--version"], { encoding: "utf8" });
  if (probe.error) return null;
  const line = `${probe.stdout}${probe.stderr}`.split("\n")[0] ?? "";
  return line.replace(/\s*Copyright.*$/, "").trim() || "wrk";
}

function wrkScript(target: Target): string {
  const lines = [`wrk.method = "${target.method}"`];
  for (const [name, value] of Object.entries(target.headers ?? {})) {
    lines.push(`wrk.headers["${name}"] = "${value}"`);
  }
  if (target.body !== undefined) {
    lines.push(`wrk.body = '${target.body}'`, `wrk.headers["Content-Type"] = "application/json"`);
  }
  const plan = target.path;
  const reader = [
    "local reader = 0",
    "local function nextReader()",
    `  local i = reader % ${readerAddresses}`,
    "  reader = reader + 1",
    '  wrk.headers["CF-Connecting-IP"] = string.format("10.0.%d.%d", math.floor(i / 256), i % 256)',
    "end",
  ];
  if (typeof plan === "string") {
    lines.push(...reader, "function request()", "  nextReader()", "  return wrk.format()", "end");
    return `${lines.join("\n")}\n`;
  }
  lines.push(
    ...reader,
    `local first, perThread, attempts = ${plan.first}, ${plan.perThread}, ${plan.attempts}`,
    `local questions = { ${plan.questions.map((q) => `"${q}"`).join(", ")} }`,
    "local threadCount = 0",
    "function setup(thread)",
    '  thread:set("tindex", threadCount)',
    "  threadCount = threadCount + 1",
    "end",
    "local n = 0",
    "function request()",
    "  local slot = first + tindex * perThread + (n % perThread)",
    "  n = n + 1",
    "  nextReader()",
    plan.kind === "finish"
      ? `  local p = string.format("${plan.base}/attempts/${plan.prefix}-0000-4000-8000-%012x/finish", slot)`
      : `  local q = questions[math.floor(slot / attempts) % #questions + 1]\n  local p = string.format("${plan.base}/attempts/${plan.prefix}-0000-4000-8000-%012x/${plan.answers ?? "answers"}/%s", slot % attempts, q)`,
    "  return wrk.format(nil, p)",
    "end",
  );
  return `${lines.join("\n")}\n`;
}

const unitMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function parseDuration(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m?.[1] || !m[2]) return Number.NaN;
  return Number(m[1]) * (unitMs[m[2]] ?? Number.NaN);
}

export function parseWrk(output: string): LoadResult {
  const requests = /(\d+) requests in ([\d.]+)(\w+)/.exec(output);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const p50 = /\n\s+50%\s+(\S+)/.exec(output);
  const p99 = /\n\s+99%\s+(\S+)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    output,
  );
  if (!requests?.[1] || !rps?.[1] || !p50?.[1] || !p99?.[1]) {
    throw new Error(`could not read wrk's output:\n${output}`);
  }
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const failed = Number(non2xx?.[1] ?? 0);
  const total = Number(requests[1]);
  return {
    requests: total,
    seconds: parseDuration(`${requests[2]}${requests[3]}`) / 1000,
    rps: total > 0 ? (Number(rps[1]) * Math.max(0, total - failed)) / total : 0,
    p50Ms: parseDuration(p50[1]),
    p99Ms: parseDuration(p99[1]),
    errors: failed + socketErrors,
    raw: output,
  };
}

async function runWrk(target: Target, options: LoadOptions): Promise<LoadResult> {
  const script = path.join(options.workDir, `wrk-${target.name}.lua`);
  await writeFile(script, wrkScript(target));
  const url = `${options.origin}${typeof target.path === "string" ? target.path : "/"}`;
  const args = ["-t", String(options.threads), "-c", String(options.connections)];
  // A generous timeout: on a loaded machine a slow answer is still an answer, not an error.
  args.push("-d", `${options.seconds}s`, "--timeout", "10s", "--latency", "-s", script, url);
  // Asynchronously: the process being measured may share this event loop (the smoke's stub).
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile("wrk", args, { timeout: (options.seconds + 30) * 1000 }, (error, out, err) => {
      if (error) reject(new Error(`wrk failed: ${err || out || error.message}`));
      else resolve(out);
    });
  });
  return parseWrk(stdout);
}

/** The Node fallback: `connections` keep-alive loops split over `threads` slot ranges. */
async function runNode(target: Target, options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const url = new URL(options.origin);
  const latencies: number[] = [];
  let errors = 0;
  let failed = 0;
  const counters = new Array<number>(options.threads).fill(0);
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const once = (t: number) =>
    new Promise<void>((resolve) => {
      const n = counters[t] ?? 0;
      counters[t] = n + 1;
      const p = typeof target.path === "string" ? target.path : slotPath(target.path, t, n);
      const t0 = performance.now();
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: target.method,
          path: p,
          headers: {
            ...target.headers,
            "cf-connecting-ip": readerAddress(sent++),
            ...(target.body === undefined ? {} : { "content-type": "application/json" }),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - t0);
            if ((res.statusCode ?? 0) >= 400) {
              errors++;
              failed++;
            }
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(target.body);
    });
  const loops = Array.from({ length: options.connections }, async (_, c) => {
    while (performance.now() < deadline) await once(c % options.threads);
  });
  await Promise.all(loops);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const result = {
    requests: latencies.length,
    seconds,
    rps: (latencies.length - failed) / seconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    errors,
  };
  return { ...result, raw: JSON.stringify(result) };
}

export function load(target: Target, options: LoadOptions, useWrk: boolean): Promise<LoadResult> {
  return useWrk ? runWrk(target, options) : runNode(target, options);
}
