/**
 * The Recall worker: mounts one sub-app per resource, makes the database client once per request,
 * and maps every error to the one JSON error shape.
 */
import { Hono } from "hono";
import { credentialProvider } from "./auth.ts";
import { dbProvider } from "./db/client.ts";
import type { AppEnv } from "./env.ts";
import { handleError, handleNotFound } from "./errors.ts";
import { attemptRoutes } from "./routes/attempts.ts";
import { authoring } from "./routes/authoring.ts";
import { demo } from "./routes/demo.ts";
import { educator } from "./routes/educator.ts";
import { educatorSites } from "./routes/educator-sites.ts";
import { embed } from "./routes/embed.ts";
import { health } from "./routes/health.ts";
import { learnerQuizzes } from "./routes/learner-quizzes.ts";
import { learners } from "./routes/learners.ts";
import { reports } from "./routes/reports.ts";
import { reviews } from "./routes/reviews.ts";
import { siteRoutes } from "./routes/sites.ts";
import { bodyLimits } from "./security/body-limit.ts";
import { learnerCors } from "./security/cors.ts";
import { securityHeaders } from "./security/headers.ts";

const app = new Hono<AppEnv>()
  .use("*", securityHeaders)
  .use("*", dbProvider)
  // Per-quiz CORS for the learner API (reads the quiz's allowed origins); none for educator routes.
  .use("/api/*", learnerCors)
  .use("*", bodyLimits)
  .use("*", credentialProvider)
  .route("/", health)
  .route("/", learnerQuizzes)
  .route("/", attemptRoutes)
  .route("/", learners)
  .route("/", reviews)
  .route("/", authoring)
  .route("/", siteRoutes)
  .route("/", reports)
  .route("/", educator)
  .route("/", educatorSites)
  .route("/", embed)
  .route("/", demo)
  .onError(handleError)
  .notFound(handleNotFound);

export type App = typeof app;
export default app;
