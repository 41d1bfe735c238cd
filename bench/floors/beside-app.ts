/**
 * The app and its floors in one Worker script, for the benchmark (scripts/lib/miniflare.ts with
 * `floors`): requests under /floor/ go to the bare fetch handler (bench/floors/worker.ts), every
 * other request to the app (worker/index.ts) untouched. Both then reach the Worker the same way —
 * through the local asset router that wrangler.toml's [assets] with `run_worker_first` puts in
 * front of it, with /floor/* among the router's worker-first routes — so an app route's ratio to
 * its floor prices the app's own work (Hono, middleware, validation, queries), not the way in.
 * The one string test below is all the app pays for sharing the script.
 */
import app from "../../worker/index.ts";
import floors, { type FloorEnv } from "./worker.ts";

/** The path of an absolute request URL ("https://host/floor/…" → "/floor/…"). */
const pathOf = (url: string) => url.slice(url.indexOf("/", url.indexOf("//") + 2));

export default {
  fetch(
    request: Request,
    env: FloorEnv & Env,
    ctx: ExecutionContext,
  ): Response | Promise<Response> {
    if (pathOf(request.url).startsWith("/floor/")) return floors.fetch(request, env);
    return app.fetch(request, env, ctx);
  },
};
