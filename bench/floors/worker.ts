/**
 * The floors of the worker benchmark: a bare Worker (a plain `fetch` handler — no Hono, no
 * validation, no CORS, no rate limits) doing the least D1 work each learner route must do, in
 * the same workerd and over the same D1 as the app (scripts/lib/miniflare.ts runs both; routes
 * under /floor/ come here). A route's throughput over its floor's says how much the framework,
 * validation and extra queries cost (bench/throughput.ts, bench/report.ts).
 *
 *   GET  /floor/quizzes/:slug                   the quiz and its active questions, one batch
 *   PUT  /floor/attempts/:id/answers/:question  one INSERT … ON CONFLICT DO NOTHING RETURNING,
 *                                               graded against the stored key, plus one read
 *   PUT  /floor/attempts/:id/plain-answers/:q   the same into a copy of responses without the
 *                                               report counters' triggers (their price)
 *   POST /floor/attempts/:id/finish             one UPDATE … RETURNING of the recount, plus one
 *                                               read of the responses with what the review shows
 *                                               (key, explanation, source), as the reply must
 *   GET  /floor/quizzes/:slug/report            one SELECT … GROUP BY over the quiz's responses
 *   GET  /floor/ping                            no work: `{"ok":true}`, as /api/health replies
 */

export interface FloorEnv {
  DB: D1Database;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });

async function quiz(db: D1Database, slug: string): Promise<Response> {
  const [quizRows, questionRows] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        "SELECT slug, title, source_url AS sourceUrl, locale FROM quizzes WHERE slug = ? AND status = 'published'",
      )
      .bind(slug),
    db
      .prepare(
        "SELECT q.id, q.type, q.prompt, q.choices FROM questions q JOIN quizzes z ON z.id = q.quiz_id WHERE z.slug = ? AND z.status = 'published' AND q.status = 'active' ORDER BY q.position",
      )
      .bind(slug),
  ]);
  const head = quizRows?.results[0];
  if (!head) return json({ error: "not found" }, 404);
  const questions = (questionRows?.results ?? []).map((row) => ({
    ...row,
    choices: JSON.parse(String(row.choices)),
  }));
  return json({ ...head, questions });
}

/**
 * The answer's write: its time to answer from the attempt's latest earlier answer (or its start)
 * as the app stores it. `table` is `responses`, or the trigger-less copy the bench makes to
 * price the report counters (bench/server.ts).
 */
async function answer(
  db: D1Database,
  attemptId: string,
  questionId: string,
  request: Request,
  table: "responses" | "responses_plain",
): Promise<Response> {
  const { choiceId } = (await request.json()) as { choiceId: string };
  const [, read] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `INSERT INTO ${table} (attempt_id, quiz_id, question_id, choice_id, correct, answered_at, ms_to_answer)
         SELECT a.id, a.quiz_id, k.id, ?1, ?1 = k.answer, ?2, max(0, ?2 - coalesce(
           (SELECT max(p.answered_at) FROM ${table} p WHERE p.quiz_id = a.quiz_id AND p.attempt_id = a.id), a.started_at))
         FROM attempts a JOIN questions k ON k.quiz_id = a.quiz_id AND k.id = ?3 AND k.status = 'active'
         WHERE a.id = ?4 AND a.finished_at IS NULL
         ON CONFLICT DO NOTHING RETURNING correct`,
      )
      .bind(choiceId, Date.now(), questionId, attemptId),
    db
      .prepare(
        `SELECT r.choice_id AS choiceId, r.correct, k.answer, k.explanation, k.source
         FROM ${table} r JOIN questions k ON k.quiz_id = r.quiz_id AND k.id = r.question_id
         WHERE r.attempt_id = ? AND r.question_id = ?`,
      )
      .bind(attemptId, questionId),
  ]);
  const row = read?.results[0];
  if (!row) return json({ error: "not found" }, 404);
  return json({
    correct: row.correct === 1,
    correctChoiceId: row.answer,
    explanation: row.explanation,
    source: JSON.parse(String(row.source)),
  });
}

async function finish(db: D1Database, attemptId: string): Promise<Response> {
  const [updated, review] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `UPDATE attempts SET finished_at = coalesce(finished_at, ?1),
           score = (SELECT count(*) FROM responses WHERE attempt_id = ?2 AND correct = 1),
           max_score = (SELECT count(*) FROM questions WHERE quiz_id = attempts.quiz_id AND status = 'active')
         WHERE id = ?2 RETURNING score, max_score AS maxScore`,
      )
      .bind(Date.now(), attemptId),
    db
      .prepare(
        `SELECT r.question_id AS questionId, r.choice_id AS choiceId, r.correct, k.answer, k.explanation, k.source
         FROM responses r JOIN questions k ON k.quiz_id = r.quiz_id AND k.id = r.question_id
         WHERE r.attempt_id = ? ORDER BY k.position`,
      )
      .bind(attemptId),
  ]);
  const head = updated?.results[0];
  if (!head) return json({ error: "not found" }, 404);
  // The review the contract's reply carries: each answer with its key, explanation and source.
  const items = (review?.results ?? []).map((row) => ({
    questionId: row.questionId,
    choiceId: row.choiceId,
    correct: row.correct === 1,
    correctChoiceId: row.answer,
    explanation: row.explanation,
    source: JSON.parse(String(row.source)),
  }));
  return json({ ...head, review: items });
}

async function report(db: D1Database, slug: string): Promise<Response> {
  const { results } = await db
    .prepare(
      `SELECT r.question_id AS questionId, r.choice_id AS choiceId, count(*) AS picks, sum(r.correct) AS correct
       FROM responses r WHERE r.quiz_id = (SELECT id FROM quizzes WHERE slug = ?)
       GROUP BY r.question_id, r.choice_id`,
    )
    .bind(slug)
    .all();
  return json({ choices: results });
}

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const parts = new URL(request.url).pathname.split("/").slice(2).map(decodeURIComponent);
    const [resource, id, action, sub] = parts;
    if (resource === "ping" && request.method === "GET") return json({ ok: true });
    if (resource === "quizzes" && id && request.method === "GET")
      return action === "report" ? report(env.DB, id) : quiz(env.DB, id);
    if (resource === "attempts" && id && action === "answers" && sub && request.method === "PUT")
      return answer(env.DB, id, sub, request, "responses");
    if (
      resource === "attempts" &&
      id &&
      action === "plain-answers" &&
      sub &&
      request.method === "PUT"
    )
      return answer(env.DB, id, sub, request, "responses_plain");
    if (resource === "attempts" && id && action === "finish" && request.method === "POST")
      return finish(env.DB, id);
    return json({ error: "no such floor" }, 404);
  },
};
