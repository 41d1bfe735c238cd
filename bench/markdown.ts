import type { Results } from "./lib/results.ts";
import type { ThroughputPlan } from "./throughput.ts";
export function renderMarkdown(
  _results: Results,
  _o: { plan: ThroughputPlan; totalSeconds: number },
): string {
  return "# Benchmarks\n";
}
