/**
 * The Drizzle client over the D1 binding, read by handlers as `c.var.db`. It holds no request
 * state, so one is made per binding and reused: building it walks the whole schema, which every
 * request paid for before. Also: reads of raw SQL in one batch.
 */
import type { SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
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

/**
 * A Drizzle client for reads that any copy of the database may answer: a D1 session
 * (`withSession("first-unconstrained")`, D1's Sessions API), which a database with read
 * replication enabled serves from the nearest replica, and one without it from the primary.
 * Only for reads a reader makes and that may be a moment old (the public quiz, already cached for
 * two seconds per isolate); writes and educators' reads stay on `c.var.db`. One per request: a
 * session is a request's sequence of reads, and building the client costs microseconds. The cast:
 * Drizzle's D1 driver types its client as a D1Database; a session has the two methods it calls
 * for reads (`prepare`, `batch`).
 */
export function replicaReads(binding: D1Database): Database {
  return drizzle(binding.withSession("first-unconstrained") as unknown as D1Database, { schema });
}

export const dbProvider = createMiddleware<AppEnv>(async (c, next) => {
  c.set("db", databaseFor(c.env.DB));
  await next();
});

const dialect = new SQLiteAsyncDialect();

/**
 * Several read-only SQL queries in one D1 batch (one round trip), each answered as its rows.
 * Drizzle's own `db.batch` cannot take `sql` queries with parameters, so they are rendered here
 * and sent on the binding Drizzle wraps (`$client`).
 */
export async function readBatch(db: Database, queries: SQL[]): Promise<unknown[][]> {
  if (queries.length === 0) return [];
  const binding = (db as Database & { $client: D1Database }).$client;
  const statements = queries.map((query) => {
    const { sql, params } = dialect.sqlToQuery(query);
    return binding.prepare(sql).bind(...params);
  });
  const results = await binding.batch(statements);
  return results.map((result) => result.results);
}
