/**
 * The Recall worker: mounts one sub-app per resource, makes the database client once per request,
 * and maps every error to the one JSON error shape.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { credentialProvider } from "./auth.ts";
import { dbProvider } from "./db/client.ts";
import type { AppEnv } from "./env.ts";
import { ApiError, handleError, handleNotFound } from "./errors.ts";
import { attemptRoutes } from "./routes/attempts.ts";
import { authoring } from "./routes/authoring.ts";
import { demo } from "./routes/demo.ts";
import { educator } from "./routes/educator.ts";
import { embed } from "./routes/embed.ts";
import { health } from "./routes/health.ts";
import { learnerQuizzes } from "./routes/learner-quizzes.ts";
import { learners } from "./routes/learners.ts";
import { reports } from "./routes/reports.ts";
import { learnerCors } from "./security/cors.ts";
import { securityHeaders } from "./security/headers.ts";

/** Request bodies above this are refused before they are read (articles are capped at 200 KB). */
const maxBodyBytes = 256 * 1024;

const app = new Hono<AppEnv>()
  .use("*", securityHeaders)
  .use("*", dbProvider)
  // Per-quiz CORS for the learner API (reads the quiz's allowed origins); none for educator routes.
  .use("/api/*", learnerCors)
  .use(
    "*",
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError(
          413,
          "payload_too_large",
          `Request bodies are limited to ${maxBodyBytes} bytes.`,
        );
      },
    }),
  )
  .use("*", credentialProvider)
  .route("/", health)
  .route("/", learnerQuizzes)
  .route("/", attemptRoutes)
  .route("/", learners)
  .route("/", authoring)
  .route("/", reports)
  .route("/", educator)
  .route("/", embed)
  .route("/", demo)
  .onError(handleError)
  .notFound(handleNotFound);

export type App = typeof app;
export default app;
