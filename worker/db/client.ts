/** Makes the Drizzle client once per request, read by handlers as `c.var.db`. */
import { drizzle } from "drizzle-orm/d1";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";
import * as schema from "./schema.ts";

export const dbProvider = createMiddleware<AppEnv>(async (c, next) => {
  c.set("db", drizzle(c.env.DB, { schema }));
  await next();
});
