/**
 * CORS per quiz for the learner API. The widget runs on a publisher's page and calls this worker
 * cross-origin; a quiz's `allowedOrigins` (exact origins) decide which pages may do that:
 *
 * - `GET /api/quizzes/:slug`, `POST /api/quizzes/:slug/attempts` and `/api/attempts/:id[/…]`
 *   answer with `Access-Control-Allow-Origin: <the caller's origin>` when it is in the quiz's list,
 *   `*` when the list is empty; a browser request from any other origin gets 403 before the
 *   handler runs (so it changes nothing), preflight included.
 * - `/api/health` and `DELETE /api/learners/:id` (proved by the learner's secret) allow any origin.
 * - Every other `/api/*` route (the educator API) sends no CORS headers at all.
 *
 * Never `Access-Control-Allow-Credentials`: learners have no cookies. Same-origin requests (the
 * demo and embed pages) and requests without an Origin header (servers, curl) are not restricted.
 * Responses carry `Vary: Origin` because the allowed origin depends on the caller.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { attemptById, quizBySlug } from "../db/lookups.ts";
import { peekPublishedQuiz } from "../db/quiz-cache.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";

type Scope =
  | { kind: "any" }
  | { kind: "quiz"; slug: string }
  | { kind: "attempt"; attemptId: string };

interface LearnerRoute {
  pattern: RegExp;
  methods: readonly string[];
  headers: readonly string[];
  scope: (match: RegExpExecArray) => Scope;
}

const segment = "([^/]+)";
const learnerRoutes: readonly LearnerRoute[] = [
  {
    pattern: /^\/api\/health$/,
    methods: ["GET"],
    headers: [],
    scope: () => ({ kind: "any" }),
  },
  {
    pattern: new RegExp(`^/api/quizzes/${segment}$`),
    methods: ["GET"],
    headers: [],
    scope: (m) => ({ kind: "quiz", slug: m[1] ?? "" }),
  },
  {
    pattern: new RegExp(`^/api/quizzes/${segment}/attempts$`),
    methods: ["POST"],
    headers: ["Content-Type"],
    scope: (m) => ({ kind: "quiz", slug: m[1] ?? "" }),
  },
  {
    pattern: new RegExp(`^/api/attempts/${segment}(?:/finish|/answers/${segment})?$`),
    methods: ["GET", "POST", "PUT"],
    headers: ["Content-Type"],
    scope: (m) => ({ kind: "attempt", attemptId: m[1] ?? "" }),
  },
  {
    pattern: new RegExp(`^/api/learners/${segment}$`),
    methods: ["DELETE"],
    headers: ["Authorization"],
    scope: () => ({ kind: "any" }),
  },
];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const slugPattern = /^[a-z0-9-]{1,80}$/;

/** The quiz's allowed origins; an empty list (or an unknown quiz) means any origin. */
async function allowedOriginsFor(c: Context<AppEnv>, scope: Scope): Promise<string[]> {
  if (scope.kind === "quiz" && slugPattern.test(scope.slug)) {
    const cached = peekPublishedQuiz(scope.slug)?.quiz;
    return (cached ?? (await quizBySlug(c, scope.slug)))?.allowedOrigins ?? [];
  }
  if (scope.kind === "attempt" && uuidPattern.test(scope.attemptId)) {
    return (await attemptById(c, scope.attemptId))?.allowedOrigins ?? [];
  }
  return [];
}

function decodedPath(c: Context): string {
  try {
    return decodeURI(c.req.path);
  } catch {
    return c.req.path;
  }
}

function findRoute(path: string): { route: LearnerRoute; scope: Scope } | null {
  for (const route of learnerRoutes) {
    const match = route.pattern.exec(path);
    if (match) return { route, scope: route.scope(match) };
  }
  return null;
}

const originNotAllowed = () =>
  new ApiError(403, "origin_not_allowed", "This quiz cannot be used from this website.");

export const learnerCors = createMiddleware<AppEnv>(async (c, next) => {
  const found = findRoute(decodedPath(c));
  if (!found) return next();
  const { route, scope } = found;
  c.header("Vary", "Origin");

  const origin = c.req.header("origin");
  const preflight = c.req.method === "OPTIONS" && c.req.header("access-control-request-method");
  const method = preflight ? (c.req.header("access-control-request-method") ?? "") : c.req.method;
  // Another method on a learner path (an educator route added there later) gets no CORS.
  const learnerMethod = route.methods.includes(method === "HEAD" ? "GET" : method.toUpperCase());
  if (!preflight && !learnerMethod) return next();
  if (preflight && !learnerMethod) {
    throw new ApiError(405, "method_not_allowed", `${method} is not allowed here.`, {
      Allow: route.methods.join(", "),
    });
  }
  // Without an Origin header there is no browser to instruct; same-origin needs no CORS.
  if (!preflight && (!origin || origin === new URL(c.req.url).origin)) {
    await next();
    varyOnOrigin(c.res.headers);
    return;
  }

  let allowOrigin = "*";
  if (origin && scope.kind !== "any") {
    const allowed = await allowedOriginsFor(c, scope);
    if (allowed.length > 0) {
      const sameOrigin = origin === new URL(c.req.url).origin;
      if (!sameOrigin && !allowed.includes(origin)) throw originNotAllowed();
      allowOrigin = origin;
    }
  }
  const corsHeaders: Record<string, string> = {
    "Access-Control-Allow-Origin": allowOrigin,
    "Access-Control-Expose-Headers": "Retry-After",
  };

  if (preflight) {
    return c.body(null, 204, {
      ...corsHeaders,
      "Access-Control-Allow-Methods": route.methods.join(", "),
      ...(route.headers.length > 0 && {
        "Access-Control-Allow-Headers": route.headers.join(", "),
      }),
      "Access-Control-Max-Age": "600",
    });
  }

  await next();
  for (const [name, value] of Object.entries(corsHeaders)) c.res.headers.set(name, value);
  varyOnOrigin(c.res.headers);
});

function varyOnOrigin(headers: Headers): void {
  const vary = headers.get("vary") ?? "";
  if (!/(?:^|,)\s*origin\s*(?:,|$)/i.test(vary)) headers.append("Vary", "Origin");
}
