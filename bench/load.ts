/**
 * The load section (issue 14): bench/load-mix.ts for a minute at 64 connections (the figures the
 * issue names: `load.errors`, `load.lostAnswers`, `load.p50Ms`, `load.p99Ms`), then a shorter
 * burst of the same mix at 256 connections, which may meet 429s or queueing but never a 5xx.
 */

import type { Results } from "./lib/results.ts";
import { round } from "./lib/stats.ts";
import { type LoadMixPlan, type LoadMixResult, runLoadMix } from "./load-mix.ts";
import type { BenchServer } from "./server.ts";

const describe = (plan: LoadMixPlan) =>
  `${plan.connections} connections for ${plan.seconds} s, each a reader's visit after another (GET quiz, start with the widget's own attempt and learner ids, ten answers with choices from the payload, finish) on one of the bench's ten-question quizzes at random, from one of ${plan.readerAddresses.toLocaleString("en-US")} reader addresses or, for ${Math.round(plan.schoolShare * 100)}% of visits, one of ${plan.schoolAddresses} school addresses (a classroom behind one NAT); Node keep-alive client on loopback to workerd (miniflare), local D1`;

function record(results: Results, prefix: string, plan: LoadMixPlan, r: LoadMixResult): void {
  const how = describe(plan);
  results.set(
    `${prefix}.errors`,
    r.errors,
    `non-2xx responses and socket errors over ${r.requests} requests (${r.rateLimited} × 429, ${r.serverErrors} × 5xx, ${r.socketErrors} socket errors); ${how}${r.samples.length ? `; first: ${r.samples.join(" | ")}` : ""}`,
  );
  results.set(
    `${prefix}.lostAnswers`,
    r.lostAnswers,
    "recounted from D1 after the run: Σ over the run's attempts of |answers that got a 200 − responses stored| (a lost answer or a doubled one each count 1)",
  );
  results.set(`${prefix}.p50Ms`, round(r.p50Ms), `median latency over every request; ${how}`);
  results.set(`${prefix}.p99Ms`, round(r.p99Ms), "99th percentile latency over every request");
  results.set(`${prefix}.rps`, round(r.rps, 1), "requests answered per second, all kinds");
  results.set(`${prefix}.requests`, r.requests);
  results.set(`${prefix}.sessions`, r.sessions, "attempts started");
  results.set(
    `${prefix}.finishedSessions`,
    r.finishedSessions,
    "visits that finished with the score their answers added up to",
  );
  results.set(`${prefix}.rateLimited`, r.rateLimited);
  results.set(`${prefix}.serverErrors`, r.serverErrors);
  results.set(
    `${prefix}.wrongScores`,
    r.wrongScores,
    "finished attempts whose stored score or finish differs from what the reader was told",
  );
  results.set(
    `${prefix}.counterMismatches`,
    r.counterMismatches,
    "quizzes whose report counters (report_choice_counts) do not add up to their responses rows",
  );
  for (const [kind, ms] of Object.entries(r.perKindP50Ms)) {
    results.set(`${prefix}.p50Ms.${kind}`, round(ms));
  }
}

export async function measureLoad(
  results: Results,
  server: BenchServer,
  plan: LoadMixPlan,
  burst: LoadMixPlan,
  log: (text: string) => void,
): Promise<void> {
  if (server.loadQuizzes.length === 0) throw new Error("the bench server has no load quizzes");
  const steady = await runLoadMix(server, plan);
  log(`load ${JSON.stringify(steady)}`);
  record(results, "load", plan, steady);
  const peak = await runLoadMix(server, burst);
  log(`load burst ${JSON.stringify(peak)}`);
  record(results, `load.c${burst.connections}`, burst, peak);
}
