/**
 * The Drizzle client over the D1 binding, read by handlers as `c.var.db`. It holds no request
 * state, so one is made per binding and reused: building it walks the whole schema, which every
 * request paid for before.
 */
import { drizzle } from "drizzle-orm/d1";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Database } from "../env.ts";
import * as schema from "./schema.ts";

const clients = new WeakMap<D1Database, Database>();

export function databaseFor(binding: D1Database): Database {
  let db = clients.get(binding);
  if (!db) {
    db = drizzle(binding, { schema });
    clients.set(binding, db);
  }
  return db;
}

export const dbProvider = createMiddleware<AppEnv>(async (c, next) => {
  c.set("db", databaseFor(c.env.DB));
  await next();
});
