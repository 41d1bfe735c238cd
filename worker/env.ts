/** The worker's environment: its bindings (from wrangler.toml and .dev.vars) and per-request variables. */
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { Credential } from "./auth.ts";
import type * as schema from "./db/schema.ts";

export type Database = DrizzleD1Database<typeof schema>;

export interface Bindings {
  /** The D1 database holding quizzes, questions, attempts and responses. */
  DB: D1Database;
  /** Static assets: the built widget bundle (public/widget.js). */
  ASSETS: Fetcher;
  /** Secret that can do everything an educator key can, on every quiz (set in .dev.vars / `wrangler secret`). */
  ADMIN_TOKEN: string;
}

export interface Variables {
  /** The Drizzle client over `DB`, made once per request. */
  db: Database;
  /** Who the request proves to be (bearer token or educator session); null for learners. */
  credential: Credential | null;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
