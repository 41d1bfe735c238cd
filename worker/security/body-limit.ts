/**
 * Request bodies are refused above a size before they are read. Most routes take small JSON; the
 * two that take an article (POST /api/quizzes and the console's "create a quiz" form) take an
 * article of the documented 200,000 characters in any script: a form post spends up to 9 bytes
 * on one character (a 3-byte UTF-8 character, percent-encoded), JSON up to 6 (`\uXXXX`).
 */
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";

export const maxBodyBytes = 256 * 1024;
export const maxArticleChars = 200_000;
export const maxArticleBodyBytes = maxArticleChars * 9 + 64 * 1024;

const articleRoutes = new Set(["/api/quizzes", "/educator/new"]);

const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(
        413,
        "payload_too_large",
        maxSize === maxBodyBytes
          ? `Request bodies are limited to ${maxBodyBytes} bytes.`
          : `Articles are limited to ${maxArticleChars} characters.`,
      );
    },
  });

const small = limit(maxBodyBytes);
const article = limit(maxArticleBodyBytes);

export const bodyLimits = createMiddleware<AppEnv>((c, next) =>
  c.req.method === "POST" && articleRoutes.has(c.req.path) ? article(c, next) : small(c, next),
);
