/** Liveness for load balancers and the test harness. */
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";

export const health = new Hono<AppEnv>().get("/api/health", (c) => c.json({ ok: true }));
