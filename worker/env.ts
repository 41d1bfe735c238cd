/** The worker's environment: its bindings (from wrangler.toml and .dev.vars) and per-request variables. */
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { Credential } from "./auth.ts";
import type * as schema from "./db/schema.ts";
import type { FrameAncestors } from "./security/headers.ts";

export type Database = DrizzleD1Database<typeof schema>;

export interface Bindings {
  /** The D1 database holding quizzes, questions, attempts and responses. */
  DB: D1Database;
  /** Static assets: the built widget bundle (public/widget.js). */
  ASSETS: Fetcher;
  /** Secret that can do everything an educator key can, on every quiz (set in .dev.vars / `wrangler secret`). */
  ADMIN_TOKEN: string;
  /** Rate limit on answers per attempt (wrangler.toml `[[ratelimits]]`; worker/security/rate-limit.ts). */
  ANSWER_ATTEMPT_LIMITER: RateLimit;
  /** Rate limit on answers per quiz, across all its attempts. */
  ANSWER_QUIZ_LIMITER: RateLimit;
  /** Rate limit on attempts started per learner id. */
  START_LEARNER_LIMITER: RateLimit;
  /** Rate limit on attempts started per quiz. */
  START_QUIZ_LIMITER: RateLimit;
  /** Rate limit on educator sign-in attempts per client address (educators only; never stored). */
  SIGNIN_LIMITER: RateLimit;
}

export interface Variables {
  /** The Drizzle client over `DB`, made once per request. */
  db: Database;
  /** Who the request proves to be (bearer token or educator session); null for learners. */
  credential: Credential | null;
  /** This response's CSP nonce, for inline `<script nonce="…">` (worker/security/headers.ts). */
  cspNonce: string;
  /** Who may frame this HTML page; set with `allowFraming(c, …)`, unset means nobody. */
  frameAncestors: FrameAncestors | undefined;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
