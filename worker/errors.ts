/**
 * One error shape everywhere: `{ error: { code, message } }`. Route code throws `ApiError`;
 * `onError` maps it (and Hono's own HTTPExceptions) to JSON; anything else is logged and
 * becomes a generic 500 that reveals nothing.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ApiError as ApiErrorBody } from "./contract.ts";

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export const notFound = (what: string): ApiError =>
  new ApiError(404, "not_found", `${what} was not found.`);

export function errorBody(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** Hono's built-in exceptions (malformed JSON, body too large) get a code of their own. */
function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 429:
      return "rate_limited";
    case 503:
      return "unavailable";
    default:
      return "error";
  }
}

export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    return c.json(errorBody(err.code, err.message), err.status, err.headers);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = err.message.startsWith("Malformed JSON")
      ? "malformed_json"
      : codeForStatus(status);
    return c.json(errorBody(code, err.message || "Request rejected."), status);
  }
  console.error("unhandled error", c.req.method, c.req.path, err);
  return c.json(errorBody("internal", "Something went wrong on our side. Please try again."), 500);
}

export function handleNotFound(c: Context): Response {
  return c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}.`), 404);
}
