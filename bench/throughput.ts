/**
 * Worker throughput (issue 7, point 3) under the local worker (workerd via miniflare) on loopback: requests/s and p50/p99
 * for GET quiz, PUT answer (fresh D1 writes: every request answers a question no request answered
 * before) and finish (each request finishes a different attempt that holds a full set of
 * answers), each as a ratio to the bare route /api/health and to its floor — a bare Worker doing
 * the same D1 work (bench/floors/worker.ts) — run right beside it (order alternating by round, to
 * cancel drift); ratios are medians over rounds.
 */

import {
  type LoadOptions,
  type LoadResult,
  load,
  readerAddresses,
  type SlotPlan,
  slotPath,
  type Target,
} from "./lib/load.ts";
import type { Results } from "./lib/results.ts";
import { median, round } from "./lib/stats.ts";
import { answerPrefix, type BenchServer, finishPrefix } from "./server.ts";

/** Waits until the server answers a bare request (the queue left by the last run is served). */
async function drain(origin: string): Promise<void> {
  const deadline = performance.now() + 15_000;
  while (performance.now() < deadline) {
    try {
      const res = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // still busy
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ThroughputPlan {
  rounds: number;
  seconds: number;
  threads: number;
  connections: number;
  /** Fresh-write slots each thread may use in one run (more than it can send in `seconds`). */
  perThread: number;
}

/** How many answer and finish attempts the pools need for this plan. */
export function poolSizes(plan: ThroughputPlan, questionCount: number) {
  // The measured rounds, the warm-up run and the one-at-a-time probe each take a slot range, for
  // the route and for its floor; answers also take two per round to price the report counters.
  const range = plan.threads * plan.perThread;
  const slots = 2 * (plan.rounds + 2) * range;
  const answerSlots = slots + 2 * plan.rounds * range;
  return { answerAttempts: Math.ceil(answerSlots / questionCount), finishAttempts: slots };
}

type Measured = "getQuiz" | "answer" | "finish";
type FloorName = `${Measured}Floor`;
type RouteName = "health" | Measured | FloorName;
const measured: Measured[] = ["getQuiz", "answer", "finish"];
const floorOf = (route: Measured): FloorName => `${route}Floor`;
const routes: RouteName[] = ["health", ...measured, ...measured.map(floorOf)];

export async function measureThroughput(
  results: Results,
  server: BenchServer,
  plan: ThroughputPlan,
  options: { workDir: string; wrk: string | null; log: (text: string) => void },
): Promise<void> {
  const loadOptions = (seconds: number): LoadOptions => ({
    origin: server.origin,
    threads: plan.threads,
    connections: plan.connections,
    seconds,
    workDir: options.workDir,
  });
  const nextSlot = { answer: 0, finish: 0 };
  const slots = (kind: "answer" | "finish", base: SlotPlan["base"]): SlotPlan => {
    const first = nextSlot[kind];
    nextSlot[kind] += plan.threads * plan.perThread;
    return {
      kind,
      base,
      prefix: kind === "answer" ? answerPrefix : finishPrefix,
      first,
      perThread: plan.perThread,
      attempts: server.answerAttempts,
      questions: server.questionIds,
    };
  };
  // Every request carries the Origin a widget on a blog would send, so per-quiz CORS runs as it
  // does for real readers.
  const headers = { Origin: "http://127.0.0.1" };
  const target = (route: RouteName): Target => {
    switch (route) {
      case "health":
        return { name: route, method: "GET", headers, path: "/api/health" };
      case "getQuiz":
        return { name: route, method: "GET", headers, path: `/api/quizzes/${server.slug}` };
      case "getQuizFloor":
        return { name: route, method: "GET", headers, path: `/floor/quizzes/${server.slug}` };
      case "answer":
      case "answerFloor":
        return {
          name: route,
          method: "PUT",
          headers,
          body: '{"choiceId":"a"}',
          path: slots("answer", route === "answer" ? "/api" : "/floor"),
        };
      case "finish":
      case "finishFloor":
        return {
          name: route,
          method: "POST",
          headers,
          path: slots("finish", route === "finish" ? "/api" : "/floor"),
        };
    }
  };
  const useWrk = options.wrk !== null;
  // One request at a time first: what each route costs alone, without queueing.
  const alone = new Map<RouteName, number>();
  for (const route of routes) {
    const t = target(route);
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const p = typeof t.path === "string" ? t.path : slotPath(t.path, 0, i);
      const t0 = performance.now();
      const res = await fetch(`${server.origin}${p}`, {
        method: t.method,
        headers: {
          ...t.headers,
          ...(t.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: t.body ?? null,
      });
      await res.arrayBuffer();
      if (i > 2) samples.push(performance.now() - t0);
    }
    alone.set(route, median(samples));
  }
  // Warm-up: one short run per route (JIT, D1 page cache), not counted.
  for (const route of routes) await load(target(route), loadOptions(1), useWrk);

  const runs = new Map<RouteName, LoadResult[]>(routes.map((r) => [r, []]));
  const vsHealth = new Map<Measured, number[]>(measured.map((r) => [r, []]));
  const vsFloor = new Map<Measured, number[]>(measured.map((r) => [r, []]));
  let overflow = false;
  let stalls = 0;
  const measure = async (route: RouteName, label: string) => {
    // Start only once the previous run's queue has drained: a bare request must come back.
    await drain(server.origin);
    const t = target(route);
    const result = await load(t, loadOptions(plan.seconds), useWrk);
    options.log(`${label} ${route}\n${result.raw}`);
    // More requests than a thread's range (threads share the load about evenly): a thread may
    // have wrapped, replaying writes.
    if (typeof t.path !== "string")
      overflow ||= result.requests > plan.threads * plan.perThread * 0.9;
    runs.get(route)?.push(result);
    return result;
  };
  // Each route runs between its own /api/health run and its floor's run (health first in even
  // rounds, the floor first in odd ones), so drift on a shared machine hits every side alike.
  for (let round = 0; round < plan.rounds; round++) {
    for (const route of measured) {
      const label = `round ${round + 1}`;
      const order: RouteName[] =
        round % 2 === 0 ? ["health", route, floorOf(route)] : [floorOf(route), route, "health"];
      // A run that got no answer at all means the server was away (stalled by the machine's load):
      // that triple says nothing about the route, so run it again.
      for (let tries = 1; ; tries++) {
        const got = new Map<RouteName, LoadResult>();
        for (const name of order) got.set(name, await measure(name, label));
        const [health, own, floor] = ["health", route, floorOf(route)].map(
          (name) => got.get(name as RouteName)?.rps ?? 0,
        ) as [number, number, number];
        if ((health > 0 && own > 0 && floor > 0) || tries === 3) {
          vsHealth.get(route)?.push(own / health);
          vsFloor.get(route)?.push(own / floor);
          break;
        }
        stalls++;
      }
    }
  }

  // Two targets run back to back, in alternating order, for `plan.rounds` rounds: the median of
  // their requests/s ratio (first ÷ second).
  const pairRatio = async (
    label: string,
    first: () => Target,
    second: () => Target,
  ): Promise<number | null> => {
    const ratios: number[] = [];
    for (let round = 0; round < plan.rounds; round++) {
      const pair: [0 | 1, () => Target][] = [
        [0, first],
        [1, second],
      ];
      if (round % 2 === 1) pair.reverse();
      const got: [number, number] = [0, 0];
      for (const [side, make] of pair) {
        await drain(server.origin);
        const t = make();
        const result = await load(t, loadOptions(plan.seconds), useWrk);
        options.log(`${label} round ${round + 1} ${t.name}\n${result.raw}`);
        got[side] = result.rps;
      }
      if (got[1] > 0) ratios.push(got[0] / got[1]);
    }
    return round(median(ratios), 3);
  };

  // The report counters' price on a write: the floor's answer into responses (triggers) beside
  // the same write into a copy without them.
  const plainTarget = (): Target => ({
    name: "answerFloorPlain",
    method: "PUT",
    headers,
    body: '{"choiceId":"a"}',
    path: { ...slots("answer", "/floor"), answers: "plain-answers" },
  });
  results.set(
    "worker.answerFloorVsPlain",
    await pairRatio("counters", () => target("answerFloor"), plainTarget),
    `the floor's answer write (req/s) into responses, whose triggers keep the report counters, ÷ the same write into a copy without them; median of ${plan.rounds} alternating pairs: what the counters cost every answer`,
  );

  // What reaching the app's own code costs before any of its work: /api/health (Hono, every
  // middleware, no D1) beside the floor's `{"ok":true}` (a plain fetch handler, no D1) from the
  // same Worker script behind the same asset router (bench/floors/beside-app.ts).
  const noWork = (base: "/floor" | "/direct"): Target => ({
    name: base === "/floor" ? "floorNoWork" : "directNoWork",
    method: "GET",
    headers,
    path: `${base}/ping`,
  });
  results.set(
    "worker.healthVsBareFetch",
    await pairRatio(
      "reach",
      () => target("health"),
      () => noWork("/floor"),
    ),
    `GET /api/health req/s ÷ the floor's no-work reply (the same {"ok":true} from the plain fetch handler in the same Worker script, behind the same asset router, no D1) in the same round; median of ${plan.rounds} alternating pairs: what Hono and the middleware cost a request before any route's work`,
  );
  // The way in itself: the same no-work reply through the local asset router (wrangler.toml's
  // [assets] with run_worker_first: an RPC proxy and the router Worker before the app's script)
  // beside the same handler as a Worker miniflare routes to directly (scripts/lib/miniflare.ts).
  results.set(
    "worker.assetRouterVsDirect",
    await pairRatio(
      "router",
      () => noWork("/floor"),
      () => noWork("/direct"),
    ),
    `the floor's no-work reply through the local asset router (req/s) ÷ the same reply from a Worker miniflare routes to directly; median of ${plan.rounds} alternating pairs: what the local [assets] router costs every app and floor request alike (not measured on Cloudflare itself)`,
  );

  const generator = useWrk ? `${options.wrk}` : "the Node keep-alive fallback (wrk not installed)";
  const how = `${generator}, Origin header set as a browser would, each request from one of ${readerAddresses} reader addresses in turn (CF-Connecting-IP, which the per-client rate limits key on), ${plan.threads} threads, ${plan.connections} connections, ${plan.seconds} s per run, each route run between an adjacent /api/health run and its floor's run (bench/floors/worker.ts, in the app's own Worker script behind the same asset router: bench/floors/beside-app.ts; the same workerd and D1) in ${plan.rounds} rounds (order alternating), after a 1 s warm-up per route, loopback to workerd (miniflare) (local D1)`;
  results.note(
    "worker.loadGenerator",
    `${how}${stalls ? `; ${stalls} pair(s) re-run because the server answered nothing during a run` : ""}`,
  );
  for (const route of routes) {
    const list = runs.get(route) ?? [];
    const prefix = `worker.${route}`;
    results.set(
      `${prefix}.aloneMs`,
      round(alone.get(route)),
      "one request at a time (Node fetch, keep-alive), median of 27 after 3",
    );
    results.set(`${prefix}.rps`, round(median(list.map((r) => r.rps)), 1));
    results.set(`${prefix}.p50Ms`, round(median(list.map((r) => r.p50Ms))));
    results.set(`${prefix}.p99Ms`, round(median(list.map((r) => r.p99Ms))));
    const errors = list.reduce((sum, r) => sum + r.errors, 0);
    const requests = list.reduce((sum, r) => sum + r.requests, 0);
    results.set(`${prefix}.requests`, requests);
    results.set(
      `${prefix}.errors`,
      errors,
      errors ? "non-2xx responses or socket errors during the measured runs" : undefined,
    );
  }
  const ratioNote = (what: string) =>
    `${what} req/s / the adjacent /api/health run's req/s, median of ${plan.rounds} rounds (${how})`;
  const floorNote = (what: string, floor: string) =>
    `${what} req/s / its floor's req/s in the same round (${floor}), median of ${plan.rounds} rounds`;
  const describe: Record<Measured, [string, string]> = {
    getQuiz: [
      "GET /api/quizzes/:slug",
      "a bare Worker reading the same quiz and questions in one batch",
    ],
    answer: [
      "PUT /api/attempts/:id/answers/:q (each a fresh D1 insert)",
      "a bare Worker doing one INSERT … ON CONFLICT DO NOTHING RETURNING graded against the stored key, plus one read",
    ],
    finish: [
      "POST /api/attempts/:id/finish (each a different attempt with all questions answered)",
      "a bare Worker doing one UPDATE … RETURNING of the recount, plus one read of the responses with the key, explanation and source the review shows",
    ],
  };
  const wrapped = overflow
    ? "; WARNING: a slot range may have wrapped, so some writes were replays"
    : "";
  for (const route of measured) {
    const [what, floor] = describe[route];
    const note = route === "getQuiz" ? "" : wrapped;
    results.set(
      `worker.${route}Ratio`,
      round(median(vsHealth.get(route) ?? []), 3),
      `${ratioNote(what)}${note}`,
    );
    results.set(
      `worker.${route}VsFloor`,
      round(median(vsFloor.get(route) ?? []), 3),
      `${floorNote(what, floor)}${note}`,
    );
  }
}
