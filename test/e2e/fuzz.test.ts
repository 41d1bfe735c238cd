// Fuzz: thousands of malformed requests against every route of the real worker in workerd (miniflare) — random
// bytes, wrong types, huge strings, deep nesting, unicode, SQL and script payloads, wrong methods
// and content types, hostile paths, queries and headers — then: no 5xx, every JSON error in the
// one error shape (pages may answer with an HTML error page), and the database byte-for-byte as
// before. The generator is seeded (FUZZ_SEED to replay a run) and bounded in count and time.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PublicQuiz } from "../../worker/contract.ts";
import { type ServerWithDatabase, startServerWithDatabase } from "./database.ts";
import { seedSlug } from "./harness.ts";

/** A request that died on a connection the server had just closed (no reply, nothing read). */
function staleConnection(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } } | null)?.cause;
  return ["UND_ERR_SOCKET", "EPIPE", "ECONNRESET"].includes(cause?.code ?? "");
}

const maxRequests = Number(process.env.FUZZ_REQUESTS ?? 3000);
const timeBudgetMs = Number(process.env.FUZZ_TIME_MS ?? 60_000);
/** Past the time budget a slow (shared, loaded) machine still sends this many, up to a hard cap. */
const minRequests = Math.min(maxRequests, 1000);
const hardCapMs = 180_000;
const concurrency = 12;
// A fixed default keeps CI reproducible; set FUZZ_SEED to explore other streams.
const seed = Number(process.env.FUZZ_SEED ?? 20261128);

let server: ServerWithDatabase;
let quiz: PublicQuiz;
let attemptId: string;

beforeAll(async () => {
  server = await startServerWithDatabase();
  quiz = (await (await fetch(`${server.origin}/api/quizzes/${seedSlug}`)).json()) as PublicQuiz;
  // One real attempt with one answer, so routes are also fuzzed with ids that exist.
  const started = await fetch(`${server.origin}/api/quizzes/${seedSlug}/attempts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  attemptId = ((await started.json()) as { attemptId: string }).attemptId;
  const first = quiz.questions[0];
  await fetch(`${server.origin}/api/attempts/${attemptId}/answers/${first?.id}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ choiceId: first?.choices[0]?.id }),
  });
});

afterAll(async () => {
  await server?.stop();
});

/** mulberry32: small, seeded, good enough to pick cases. */
function rng(state: number) {
  let s = state >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  return { next, int, pick };
}

const hostileStrings = [
  "' OR '1'='1",
  "1; DROP TABLE quizzes; --",
  '" OR 1=1 --',
  "') UNION SELECT answer, explanation FROM questions --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose.
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "..%2f..%2f",
  "%00",
  "\u0000",
  "\u202eevil",
  "\u200b\u200c\u200d",
  "\ud83d\ude00\ud83d\ude00",
  "كويز-اختبار",
  "тест-викторина",
  "Ω≈ç√∫˜µ≤≥÷",
  "A".repeat(300),
  "a".repeat(5000),
  "-leading",
  "UPPER-CASE",
  "with space",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "NaN",
  "-1",
  "99999999999999999999999",
];

const rawPathSegments = [
  "%E0%A4%A",
  "%",
  "%%",
  "%ZZ",
  "%C0%AF",
  "%2e%2e",
  "..",
  ".",
  ";",
  "@",
  "~",
];

type Gen = ReturnType<typeof rng>;

function segment(r: Gen): string {
  return r.next() < 0.2 ? r.pick(rawPathSegments) : encodeURIComponent(r.pick(hostileStrings));
}

/** A body no schema accepts: not JSON, not an object, wrong types, unknown keys, too big, too deep. */
function invalidBody(r: Gen): string | Uint8Array<ArrayBuffer> {
  switch (r.int(9)) {
    case 0: {
      const bytes = new Uint8Array(1 + r.int(2000));
      crypto.getRandomValues(bytes);
      bytes[0] = 0x01; // never whitespace, never the start of JSON
      return bytes;
    }
    case 1:
      return r.pick([
        '{"choiceId":"a"',
        "{'choiceId':'a'}",
        "{choiceId:a}",
        '{"a":1,}',
        "[",
        "}{",
        '{"\\ud800":1',
      ]);
    case 2:
      return r.pick(["[]", '[{"choiceId":"a"}]', '"a"', "1e999", "null", "true", "-0", "0"]);
    case 3:
      return JSON.stringify(
        r.pick([
          { choiceId: 1 },
          { choiceId: null },
          { choiceId: ["a"] },
          { choiceId: { $ne: null } },
          { learnerId: 5 },
          { learnerName: {} },
          { group: [] },
          { pageUrl: 42 },
          { title: 1, article: [] },
          { prompt: 5 },
          { choices: "a,b,c" },
          { answer: true },
          { allowedOrigins: "*" },
          { count: "many" },
        ]),
      );
    case 4: {
      // Hostile values, made invalid by an unknown key (every schema is strict).
      const value = r.pick(hostileStrings);
      const field = r.pick([
        "choiceId",
        "learnerId",
        "learnerName",
        "group",
        "pageUrl",
        "title",
        "prompt",
        "article",
      ]);
      return JSON.stringify({
        [field]: value,
        [r.pick(["admin", "isAdmin", "score", "correct", "x"])]: value,
      });
    }
    case 5:
      return r.pick([
        '{"__proto__":{"polluted":true},"choiceId":"a"}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '{"choiceId":"a","choiceId":"b","extra":1}',
      ]);
    case 6: {
      const big = "x".repeat(r.pick([70_000, 210_000, 300_000]));
      return JSON.stringify({ learnerName: big, title: big, article: 7 });
    }
    case 7: {
      const depth = r.pick([64, 1000, 20_000]);
      return r.next() < 0.5
        ? `${"[".repeat(depth)}${"]".repeat(depth)}`
        : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
    }
    default:
      return JSON.stringify({
        choiceId: r.pick(hostileStrings),
        unexpected: r.pick(hostileStrings),
      });
  }
}

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  /** A browser page rather than an API: an HTML error page is an acceptable answer. */
  page: boolean;
}

const jsonTypes = [
  "application/json",
  "application/json; charset=utf-8",
  "application/vnd.api+json",
];
const wrongTypes = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=fuzz",
  "application/xml",
  "text/html",
  "application/jsonx",
  "json",
];

function makeCase(r: Gen, adminToken: string): Case {
  const realSlug = seedSlug;
  const realQuestion = quiz.questions[r.int(quiz.questions.length)]?.id ?? "q1";
  const slug = () => (r.next() < 0.3 ? realSlug : segment(r));
  const attempt = () => (r.next() < 0.3 ? crypto.randomUUID() : segment(r));
  const learner = () =>
    r.next() < 0.5
      ? Array.from({ length: 32 }, () => r.pick([..."0123456789abcdef"])).join("")
      : segment(r);

  // [method, path, takes a JSON body, has only invalid params, is a page]
  const routes: [string, string, boolean, boolean, boolean][] = [
    ["GET", "/api/health", false, false, false],
    ["GET", `/api/quizzes/${slug()}`, false, false, false],
    ["POST", `/api/quizzes/${slug()}/attempts`, true, false, false],
    ["PUT", `/api/attempts/${attemptId}/answers/${realQuestion}`, true, false, false],
    ["PUT", `/api/attempts/${attempt()}/answers/${segment(r)}`, true, true, false],
    // Finish takes no body: only ever with ids that do not exist, so it cannot close the attempt.
    ["POST", `/api/attempts/${attempt()}/finish`, false, true, false],
    ["GET", `/api/attempts/${r.next() < 0.3 ? attemptId : attempt()}`, false, false, false],
    ["DELETE", `/api/learners/${learner()}`, false, false, false],
    [
      "GET",
      `/api/learners/${learner()}/reviews?${r.pick(["quiz", "site", "x"])}=${segment(r)}`,
      false,
      false,
      false,
    ],
    ["PUT", `/api/learners/${learner()}/reviews/${realSlug}.${realQuestion}`, true, false, false],
    ["PUT", `/api/learners/${learner()}/reviews/${segment(r)}`, true, true, false],
    ["POST", "/api/sites", true, false, false],
    ["GET", "/api/sites", false, false, false],
    ["GET", `/api/sites/${segment(r)}/quizzes`, false, false, false],
    ["GET", `/api/sites/${segment(r)}/quiz?url=${segment(r)}`, false, false, false],
    ["POST", "/api/quizzes", true, false, false],
    ["GET", `/api/quizzes/${slug()}/questions`, false, false, false],
    ["PATCH", `/api/quizzes/${slug()}/questions/${segment(r)}`, true, true, false],
    ["PATCH", `/api/quizzes/${realSlug}/questions/${realQuestion}`, true, false, false],
    ["DELETE", `/api/quizzes/${segment(r)}/questions/${segment(r)}`, false, true, false],
    ["POST", `/api/quizzes/${segment(r)}/publish`, false, true, false],
    ["GET", `/api/quizzes/${slug()}/report`, false, false, false],
    ["GET", `/api/quizzes/${slug()}/report.csv`, false, false, false],
    ["GET", `/api/quizzes/${slug()}/attempts.csv`, false, false, false],
    ["GET", `/api/quizzes/${slug()}/xapi`, false, false, false],
    ["GET", `/api/quizzes/${slug()}/retention.csv`, false, false, false],
    ["GET", "/", false, false, true],
    ["GET", `/embed/${slug()}`, false, false, true],
    ["GET", "/oembed", false, false, false],
    ["GET", "/educator", false, false, true],
    ["POST", "/educator/sign-in", false, false, true],
    ["GET", `/educator/quizzes/${slug()}`, false, false, true],
    ["GET", `/educator/quizzes/${slug()}/review`, false, false, true],
    ["POST", `/educator/quizzes/${segment(r)}/publish`, false, true, true],
    ["GET", "/educator/sites", false, false, true],
    ["POST", "/educator/sites", false, false, true],
    ["GET", `/educator/sites/${segment(r)}`, false, false, true],
    ["GET", `/${segment(r)}/${segment(r)}`, false, false, false],
  ];
  const [routeMethod, path, takesBody, invalidParams, page] = r.pick(routes);

  // Wrong methods now and then: the router must answer them in the error shape too.
  const method =
    r.next() < 0.2
      ? r.pick(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"])
      : routeMethod;
  const headers: Record<string, string> = {};
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  const canHaveBody = method !== "GET" && method !== "HEAD";
  let bodyIsInvalid = false;
  if (canHaveBody && (takesBody || r.next() < 0.3)) {
    body = invalidBody(r);
    bodyIsInvalid = true;
    headers["content-type"] = r.next() < 0.75 ? r.pick(jsonTypes) : r.pick(wrongTypes);
  } else if (canHaveBody && r.next() < 0.5) {
    // A valid-looking body under a wrong content type: refused before it is read.
    body = "{}";
    headers["content-type"] = r.pick(wrongTypes);
    bodyIsInvalid = true;
  }
  // Routes that write with a body must never get a valid one; routes that write without a body
  // are only listed with ids that do not exist.
  if (takesBody && method === routeMethod && !bodyIsInvalid && !invalidParams) {
    body = invalidBody(r);
    headers["content-type"] = r.pick(jsonTypes);
  }

  // The admin token only where nothing valid could follow from it.
  const readOnly = method === "GET" || method === "HEAD" || method === "OPTIONS";
  const ownBodyRoute = takesBody && method === routeMethod;
  if (r.next() < 0.35 && (invalidParams || ownBodyRoute || readOnly)) {
    headers.authorization = `Bearer ${adminToken}`;
  } else if (r.next() < 0.3) {
    headers.authorization = r.pick([
      "Bearer",
      "Bearer ",
      `Bearer ${"x".repeat(600)}`,
      "Basic YWRtaW46YWRtaW4=",
      `Bearer ${r.pick(hostileStrings).replace(/[^\x21-\x7e]/g, "x")}`,
      "Bearer rk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      `Bearer ${"0".repeat(64)}`,
    ]);
  }
  if (r.next() < 0.4) {
    headers.origin = r.pick([
      "https://evil.example",
      "null",
      "http://127.0.0.1:1",
      "https://blog.example",
    ]);
  }
  if (method === "OPTIONS" && r.next() < 0.7) {
    headers["access-control-request-method"] = r.pick([
      "GET",
      "POST",
      "PUT",
      "DELETE",
      "TRACE",
      "X",
    ]);
    headers["access-control-request-headers"] = r.pick(["content-type", "authorization", "x-evil"]);
  }

  let query = "";
  if (r.next() < 0.3) {
    const key = r.pick([
      "quiz",
      "format",
      "group",
      "page",
      "limit",
      "cursor",
      "url",
      "since",
      "__proto__",
      "a",
    ]);
    query = `?${key}=${encodeURIComponent(r.pick(hostileStrings))}`;
    if (r.next() < 0.3) query += `&${key}=${encodeURIComponent(r.pick(hostileStrings))}`;
  }
  return { method, path: `${path}${query}`, headers, body, page };
}

interface Failure {
  case: string;
  status: number;
  problem: string;
}

function describeCase(c: Case): string {
  const size =
    c.body === undefined ? 0 : typeof c.body === "string" ? c.body.length : c.body.byteLength;
  return `${c.method} ${c.path.slice(0, 160)} ${JSON.stringify(c.headers).slice(0, 200)} body:${size}B`;
}

function isErrorShape(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== "error") return false;
  const error = (body as { error: unknown }).error;
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    Object.keys(error).length === 2 &&
    typeof code === "string" &&
    code.length > 0 &&
    typeof message === "string" &&
    message.length > 0
  );
}

it("answers thousands of malformed requests without a 5xx, in the error shape, changing nothing", async () => {
  const before = server.snapshot();
  const r = rng(seed);
  const cases: Case[] = [];
  const statuses: Record<string, number> = {};
  const failures: Failure[] = [];
  let htmlErrorPages = 0;
  let oembed501s = 0;
  let reconnects = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + timeBudgetMs;

  async function worker() {
    const more = () =>
      sent < maxRequests &&
      (performance.now() < deadline || sent < minRequests) &&
      performance.now() < started + hardCapMs;
    while (more()) {
      const c = makeCase(r, server.adminToken);
      cases.push(c);
      sent++;
      let res: Response;
      const send = () =>
        fetch(`${server.origin}${c.path}`, {
          method: c.method,
          headers: c.headers,
          body: c.body,
          redirect: "manual",
        });
      try {
        try {
          res = await send();
        } catch (err) {
          // workerd may close a keep-alive connection after a reply whose request body the worker
          // never read, and the client can pick that socket just before the close reaches it. A
          // browser sends the request again on a new connection; so does this client, once, and
          // counts it. A second failure, or any other one, is a failure.
          if (!staleConnection(err)) throw err;
          reconnects++;
          res = await send();
        }
      } catch (err) {
        failures.push({
          case: describeCase(c),
          status: 0,
          problem: `fetch failed: ${String(err)} (${String((err as Error).cause)})`,
        });
        continue;
      }
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      const text = await res.text();
      const type = res.headers.get("content-type") ?? "";
      // oEmbed's own spec answers an unsupported format with 501: the one 5xx that is a reply.
      const oembed501 = res.status === 501 && c.path.startsWith("/oembed");
      if (oembed501) oembed501s++;
      if (res.status >= 500 && !oembed501) {
        failures.push({ case: describeCase(c), status: res.status, problem: text.slice(0, 200) });
      } else if (res.status >= 400 && c.method !== "HEAD") {
        if (/application\/json/.test(type)) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          if (!isErrorShape(parsed)) {
            failures.push({
              case: describeCase(c),
              status: res.status,
              problem: `not the error shape: ${text.slice(0, 200)}`,
            });
          }
        } else if (c.page && /text\/html/.test(type)) {
          htmlErrorPages++;
        } else {
          failures.push({
            case: describeCase(c),
            status: res.status,
            problem: `content-type ${type}: ${text.slice(0, 120)}`,
          });
        }
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  const after = server.snapshot();
  const fiveXx = failures.filter((f) => f.status >= 500).length;

  console.info(
    [
      `fuzz figures (seed ${seed}; replay with FUZZ_SEED=${seed}):`,
      `  requests sent: ${sent} in ${(elapsedMs / 1000).toFixed(1)} s (${(sent / (elapsedMs / 1000)).toFixed(0)}/s, ${concurrency} in flight)`,
      `  statuses: ${JSON.stringify(statuses)}`,
      `  5xx seen: ${fiveXx} (plus ${oembed501s} oEmbed 501 "format not supported", as its spec asks); errors outside the error shape: ${failures.filter((f) => f.status < 500).length}; HTML error pages (browser pages): ${htmlErrorPages}; sent again after a closed keep-alive connection: ${reconnects}`,
      `  rows before: ${JSON.stringify(before.counts)}`,
      `  rows after:  ${JSON.stringify(after.counts)}`,
      `  checksum before ${before.checksum.slice(0, 16)}…, after ${after.checksum.slice(0, 16)}… (${before.checksum === after.checksum ? "unchanged" : "CHANGED"})`,
      ...failures.slice(0, 10).map((f) => `  FAIL ${f.status} ${f.case}: ${f.problem}`),
    ].join("\n"),
  );

  expect(sent).toBeGreaterThanOrEqual(minRequests);
  expect(failures).toEqual([]);
  // Re-sending is for the rare race above, not a way to hide a server that drops requests.
  expect(reconnects).toBeLessThan(sent / 20);
  expect(after.counts).toEqual(before.counts);
  expect(after.checksum).toBe(before.checksum);
}, 300_000);
