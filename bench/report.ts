/**
 * Report (issue 7, point 5; issue 14): time for `GET /api/quizzes/:slug/report` (admin token) over
 * quizzes holding 1k to 1M generated responses, measured end to end over loopback against
 * the local worker's D1 (workerd via miniflare): median of several sequential requests after one warm-up.
 * Beside each, its floor: one bare `SELECT … GROUP BY` over the same responses from a plain Worker
 * in the same workerd (bench/floors/worker.ts); `report.vsFloor…` is the report's time over it.
 */
import type { Results } from "./lib/results.ts";
import { median, round } from "./lib/stats.ts";
import { type BenchServer, reportQuestionCount } from "./server.ts";

/** Responses in the report quizzes: the time should grow no faster than the count. */
export const reportSizes = [1000, 10_000, 100_000, 300_000, 1_000_000];

export const reportLabel = (responses: number) =>
  responses >= 1_000_000
    ? `${responses / 1_000_000}m`
    : responses >= 1000
      ? `${responses / 1000}k`
      : String(responses);
const label = reportLabel;

export async function measureReport(
  results: Results,
  server: BenchServer,
  options: { smoke: boolean },
): Promise<void> {
  for (const quiz of server.reportQuizzes) {
    const key = `report.ms${label(quiz.responses)}`;
    const timed = (url: string, headers: Record<string, string>) => async () => {
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      const body = await res.text();
      const ms = performance.now() - t0;
      if (!res.ok)
        throw new Error(
          `GET ${new URL(url).pathname} answered ${res.status}: ${body.slice(0, 200)}`,
        );
      return { ms, bytes: body.length };
    };
    const get = timed(`${server.origin}/api/quizzes/${quiz.slug}/report`, {
      authorization: `Bearer ${server.adminToken}`,
    });
    const floor = timed(`${server.origin}/floor/quizzes/${quiz.slug}/report`, {});
    try {
      const warm = await get();
      const runs = options.smoke ? 1 : quiz.responses >= 100_000 ? 5 : 7;
      await floor();
      const samples: number[] = [];
      const floorSamples: number[] = [];
      // Alternating, so drift on a shared machine hits both alike.
      for (let i = 0; i < runs; i++) {
        samples.push((await get()).ms);
        floorSamples.push((await floor()).ms);
      }
      results.set(
        key,
        round(median(samples), 1),
        `GET /api/quizzes/:slug/report over ${quiz.responses} responses (${Math.ceil(quiz.responses / reportQuestionCount)} attempts × ${reportQuestionCount} questions, 90% finished, 4 groups, 3 pages): median of ${runs} requests after one warm-up, loopback to workerd (miniflare), local D1`,
      );
      results.set(`report.jsonBytes${label(quiz.responses)}`, warm.bytes);
      results.set(`report.floorMs${label(quiz.responses)}`, round(median(floorSamples), 1));
      results.set(
        `report.vsFloor${label(quiz.responses)}`,
        round(median(samples) / median(floorSamples), 2),
        "the report's median time ÷ its floor's (a bare SELECT … GROUP BY over the same responses), same requests interleaved",
      );
    } catch (error) {
      results.set(key, null, (error as Error).message);
    }
  }
  const responses = server.reportQuizzes.reduce((sum, quiz) => sum + quiz.responses, 0);
  if (responses > 0) {
    results.set(
      "report.bytesPerResponse",
      Math.round(server.databaseBytes / responses),
      `the seeded database's size (${server.databaseBytes} bytes: attempts, responses, their indexes and the report counters) ÷ the ${responses} report responses in it`,
    );
  }
  const [small, large] = [results.get("report.ms100k"), results.get("report.ms1m")];
  if (small !== null && large !== null) {
    results.set(
      "report.growth1m",
      round(large / small / 10, 2),
      "(report time over 1M responses ÷ over 100k) ÷ 10: 1 is linear growth, below it sublinear",
    );
  }
}
