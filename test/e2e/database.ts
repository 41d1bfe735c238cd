/**
 * The real worker in workerd (as in harness.ts) whose local D1 the test can also read, to compare what
 * is stored with what the API said. The database file is opened read-only with node:sqlite while
 * the server runs (SQLite readers see the server's committed writes); nothing is written to it.
 */

import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { startServer, type TestServer } from "./harness.ts";

export interface Snapshot {
  counts: Record<string, number>;
  /** SHA-256 over every row of every table, in rowid order. */
  checksum: string;
}

export interface ServerWithDatabase extends TestServer {
  query<T>(sql: string, ...params: SQLInputValue[]): T[];
  snapshot(): Snapshot;
}

function databaseFile(persistTo: string): string {
  const dir = path.join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (!file) throw new Error(`no D1 database file in ${dir}`);
  return path.join(dir, file);
}

export async function startServerWithDatabase(): Promise<ServerWithDatabase> {
  const server = await startServer();
  const file = databaseFile(server.persistTo);

  function query<T>(sql: string, ...params: SQLInputValue[]): T[] {
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }

  function snapshot(): Snapshot {
    const tables = query<{ name: string }>(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' order by name",
    ).map((t) => t.name);
    const hash = createHash("sha256");
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const rows = query<Record<string, unknown>>(`select * from "${table}" order by rowid`);
      counts[table] = rows.length;
      hash.update(`${table}\n${JSON.stringify(rows)}\n`);
    }
    return { counts, checksum: hash.digest("hex") };
  }

  return { ...server, query, snapshot };
}
