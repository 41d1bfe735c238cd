/**
 * Report (issue 7, point 5): time for `GET /api/quizzes/:slug/report` (admin token) over quizzes
 * holding 1k, 10k and 100k generated responses, measured end to end over loopback against
 * the local worker's D1 (workerd via miniflare): median of several sequential requests after one warm-up.
 */
import type { Results } from "./lib/results.ts";
import { median, round } from "./lib/stats.ts";
import type { BenchServer } from "./server.ts";

const label = (responses: number) =>
  responses >= 1000 ? `${responses / 1000}k` : String(responses);

export async function measureReport(
  results: Results,
  server: BenchServer,
  options: { smoke: boolean },
): Promise<void> {
  for (const quiz of server.reportQuizzes) {
    const key = `report.ms${label(quiz.responses)}`;
    const url = `${server.origin}/api/quizzes/${quiz.slug}/report`;
    const get = async () => {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${server.adminToken}` } });
      const body = await res.text();
      const ms = performance.now() - t0;
      if (!res.ok)
        throw new Error(
          `GET ${new URL(url).pathname} answered ${res.status}: ${body.slice(0, 200)}`,
        );
      return { ms, bytes: body.length };
    };
    try {
      const warm = await get();
      const runs = options.smoke ? 1 : quiz.responses >= 100_000 ? 5 : 7;
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) samples.push((await get()).ms);
      results.set(
        key,
        round(median(samples), 1),
        `GET /api/quizzes/:slug/report over ${quiz.responses} responses (${Math.ceil(quiz.responses / server.questionIds.length)} attempts, 90% finished, 4 groups, 3 pages): median of ${runs} requests after one warm-up, loopback to workerd (miniflare), local D1`,
      );
      results.set(`report.jsonBytes${label(quiz.responses)}`, warm.bytes);
    } catch (error) {
      results.set(key, null, (error as Error).message);
    }
  }
}
