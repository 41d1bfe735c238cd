/**
 * Load (issue 14): readers taking quizzes as a real site's readers do, for a fixed time at a fixed
 * number of connections against the bench server: each reader opens a quiz (GET), starts an
 * attempt (POST, its own attempt id and learner id, as the widget makes them), answers its ten
 * questions with choices from the payload (PUT) and finishes (POST). Readers are spread over
 * many quizzes and client addresses, a share of them behind a few school addresses (a classroom
 * behind one NAT). Afterwards every acknowledged answer is recounted from D1: per attempt, the
 * responses stored must be exactly the answers that got a 200, finished attempts must hold the
 * score the reader was told, and the report counters must add up to the rows.
 */
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { quantile } from "./lib/stats.ts";
import type { BenchServer } from "./server.ts";

export interface LoadMixPlan {
  seconds: number;
  connections: number;
  /** Distinct reader addresses (CF-Connecting-IP), one per reader at random. */
  readerAddresses: number;
  /** School addresses, each shared by many readers (a classroom behind one NAT). */
  schoolAddresses: number;
  /** Share of readers behind a school address. */
  schoolShare: number;
}

export interface LoadMixResult {
  requests: number;
  sessions: number;
  finishedSessions: number;
  /** Non-2xx responses and socket errors. */
  errors: number;
  rateLimited: number;
  serverErrors: number;
  socketErrors: number;
  p50Ms: number;
  p99Ms: number;
  perKindP50Ms: Record<string, number>;
  rps: number;
  /** Σ over attempts of |answers acknowledged − responses stored|. */
  lostAnswers: number;
  /** Finished attempts whose stored score is not the one the reader was told. */
  wrongScores: number;
  /** Report counters that disagree with the rows (responses per quiz). */
  counterMismatches: number;
  /** The first few unexpected statuses, for the run log. */
  samples: string[];
}

interface Choice {
  id: string;
}
interface PublicQuiz {
  questions: { id: string; choices: Choice[] }[];
}

interface Ledger {
  answered: number;
  finishedScore: number | null;
  quiz: string;
}

export async function runLoadMix(server: BenchServer, plan: LoadMixPlan): Promise<LoadMixResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  const url = new URL(server.origin);
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  const ledger = new Map<string, Ledger>();
  const result = {
    requests: 0,
    sessions: 0,
    finishedSessions: 0,
    errors: 0,
    rateLimited: 0,
    serverErrors: 0,
    socketErrors: 0,
    samples: [] as string[],
  };

  const request = (
    kind: string,
    method: string,
    path: string,
    address: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> =>
    new Promise((resolve) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const t0 = performance.now();
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: {
            origin: "https://blog.example",
            "cf-connecting-ip": address,
            ...(payload === undefined ? {} : { "content-type": "application/json" }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const ms = performance.now() - t0;
            latencies.push(ms);
            const list = byKind.get(kind) ?? [];
            list.push(ms);
            byKind.set(kind, list);
            result.requests++;
            const status = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString("utf8");
            if (status >= 400) {
              result.errors++;
              if (status === 429) result.rateLimited++;
              if (status >= 500) result.serverErrors++;
              if (result.samples.length < 5)
                result.samples.push(`${kind} ${status} ${text.slice(0, 160)}`);
            }
            let json: unknown = null;
            try {
              json = JSON.parse(text);
            } catch {
              // not JSON: counted above if it was an error
            }
            resolve({ status, json });
          });
        },
      );
      req.on("error", (err) => {
        result.requests++;
        result.errors++;
        result.socketErrors++;
        if (result.samples.length < 5) result.samples.push(`${kind} socket ${err.message}`);
        resolve({ status: 0, json: null });
      });
      req.end(payload);
    });

  const schools = Array.from({ length: plan.schoolAddresses }, (_, i) => `192.0.2.${i + 1}`);
  const address = () => {
    if (Math.random() < plan.schoolShare) {
      return schools[Math.floor(Math.random() * schools.length)] ?? "192.0.2.1";
    }
    const i = Math.floor(Math.random() * plan.readerAddresses);
    return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  };

  /** One reader's visit: open the quiz, start, answer every question, finish. */
  async function session(deadline: number): Promise<void> {
    const slug = server.loadQuizzes[Math.floor(Math.random() * server.loadQuizzes.length)] ?? "";
    const from = address();
    const quiz = await request("getQuiz", "GET", `/api/quizzes/${slug}`, from);
    if (quiz.status !== 200) return;
    const attemptId = randomUUID();
    const learnerId = randomBytes(16).toString("hex");
    const started = await request("start", "POST", `/api/quizzes/${slug}/attempts`, from, {
      attemptId,
      learnerId,
      pageUrl: `https://blog.example/posts/${slug}`,
    });
    if (started.status !== 201) return;
    result.sessions++;
    const entry: Ledger = { answered: 0, finishedScore: null, quiz: slug };
    ledger.set(attemptId, entry);
    let correct = 0;
    for (const question of (quiz.json as PublicQuiz).questions) {
      if (performance.now() > deadline) return;
      const choice = question.choices[Math.floor(Math.random() * question.choices.length)];
      const answered = await request(
        "answer",
        "PUT",
        `/api/attempts/${attemptId}/answers/${question.id}`,
        from,
        { choiceId: choice?.id },
      );
      if (answered.status !== 200) return;
      entry.answered++;
      if ((answered.json as { correct: boolean }).correct) correct++;
    }
    const finished = await request("finish", "POST", `/api/attempts/${attemptId}/finish`, from);
    if (finished.status !== 200) return;
    const { score } = finished.json as { score: number };
    entry.finishedScore = score;
    if (score === correct) result.finishedSessions++;
    else result.samples.push(`finish said ${score}, the answers said ${correct}`);
  }

  const started = performance.now();
  const deadline = started + plan.seconds * 1000;
  await Promise.all(
    Array.from({ length: plan.connections }, async () => {
      while (performance.now() < deadline) await session(deadline);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();

  const recount = await recountFromD1(server, ledger);
  const perKindP50Ms = Object.fromEntries(
    [...byKind].map(([kind, list]) => [kind, quantile(list, 0.5)]),
  );
  return {
    ...result,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    perKindP50Ms,
    rps: result.requests / seconds,
    ...recount,
  };
}

/** Compares what the readers were told with what D1 holds. */
async function recountFromD1(
  server: BenchServer,
  ledger: Map<string, Ledger>,
): Promise<Pick<LoadMixResult, "lostAnswers" | "wrongScores" | "counterMismatches">> {
  const slugs = server.loadQuizzes.map((s) => `'${s}'`).join(", ");
  // The attempts this run started (an earlier run's stay out of its count).
  const { results: stored } = await server.db
    .prepare(
      `select a.id as id, count(r.question_id) as responses, a.finished_at is not null as finished,
         a.score as score
       from attempts a left join responses r on r.attempt_id = a.id
       where a.id in (select value from json_each(?)) group by a.id`,
    )
    .bind(JSON.stringify([...ledger.keys()]))
    .all<{ id: string; responses: number; finished: number; score: number | null }>();
  let lostAnswers = 0;
  let wrongScores = 0;
  const seen = new Set<string>();
  for (const row of stored) {
    seen.add(row.id);
    const told = ledger.get(row.id);
    lostAnswers += Math.abs((told?.answered ?? 0) - row.responses);
    if (told?.finishedScore !== null && told?.finishedScore !== undefined) {
      if (!row.finished || row.score !== told.finishedScore) wrongScores++;
    }
  }
  for (const [id, told] of ledger) if (!seen.has(id)) lostAnswers += told.answered;
  const { results: counters } = await server.db
    .prepare(
      `select z.slug as slug,
         (select count(*) from responses r where r.quiz_id = z.id) as rows,
         (select coalesce(sum(c.responses), 0) from report_choice_counts c where c.quiz_id = z.id) as counted
       from quizzes z where z.slug in (${slugs})`,
    )
    .all<{ slug: string; rows: number; counted: number }>();
  const counterMismatches = counters.filter((c) => c.rows !== c.counted).length;
  return { lostAnswers, wrongScores, counterMismatches };
}
