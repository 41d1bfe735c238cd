/**
 * Validation at the edge of every route: one validator per input part (params, query, JSON body),
 * each failure turned into a 400 in the project's error shape by one hook (`failed`). Handlers
 * read input only through `c.req.valid(…)`. Every part goes through @hono/valibot-validator; a
 * JSON body is first checked for its content type (415) and an empty one counts as `{}`.
 */
import { vValidator } from "@hono/valibot-validator";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import * as v from "valibot";
import { ApiError } from "./errors.ts";

type AnySchema = v.GenericSchema;

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/** The value as the schema's output, or a 400 naming what is wrong (at most three issues). */
export function validate<S extends AnySchema>(
  schema: S,
  value: unknown,
  what: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) {
    throw new ApiError(400, "invalid_request", `Invalid ${what}: ${describeIssues(result.issues)}`);
  }
  return result.output;
}

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;

/**
 * Before the JSON validator: a body needs a JSON content type (415 otherwise), and an empty body
 * counts as `{}` (Hono's JSON reader would call it malformed). Malformed JSON stays a 400.
 */
async function prepareJson(c: Context): Promise<void> {
  const mediaType = (c.req.header("content-type") ?? "").split(";")[0]?.trim() ?? "";
  if (!jsonMediaType.test(mediaType)) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      "Send the request body as JSON with `Content-Type: application/json`.",
    );
  }
  // HonoRequest parses JSON from its cached body text (a promise, though typed as a string), so an
  // empty body is handed on as "{}".
  if ((await c.req.text()).trim() === "") {
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve("{}");
    return;
  }
  // Every body is a JSON object. The object schemas would take an array as an object without
  // keys (`[]` as `{}`), so arrays and bare values are refused here. Malformed JSON is left to
  // the validator (its 400), which reads the same cached parse.
  const body: unknown = await c.req.json().catch(() => ({}));
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError(400, "invalid_request", "Invalid request body: must be a JSON object.");
  }
}

const partNames = { param: "URL parameters", query: "query string", json: "request body" } as const;

/** The one error hook: a failed validation becomes 400 invalid_request naming what was wrong. */
function failed(result: {
  success: boolean;
  issues?: readonly v.BaseIssue<unknown>[] | undefined;
  target: keyof typeof partNames;
}) {
  if (!result.success) {
    throw new ApiError(
      400,
      "invalid_request",
      `Invalid ${partNames[result.target]}: ${describeIssues(result.issues ?? [])}`,
    );
  }
}

export const params = <S extends AnySchema>(schema: S) => vValidator("param", schema, failed);

export const query = <S extends AnySchema>(schema: S) => vValidator("query", schema, failed);

export const jsonBody = <S extends AnySchema>(schema: S) => {
  const validateJson = vValidator("json", schema, failed);
  return createMiddleware(async (c, next) => {
    await prepareJson(c);
    return validateJson(c, next);
  }) as unknown as typeof validateJson;
};

/** Shared field schemas. */
export const slugSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, "must be a slug (a-z, 0-9, dashes)"),
);
/** A site's public id, as `registerSite` makes them (9 random bytes in base64url) and the snippet names it. */
export const siteIdSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{4,40}$/, "must be a site id (letters, digits, - and _)"),
);
export const questionIdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9-]{1,32}$/, "must be a question id"),
);
/** The path parameters of a quiz's routes and of its questions' routes. */
export const slugParams = v.strictObject({ slug: slugSchema });
export const questionParams = v.strictObject({ slug: slugSchema, id: questionIdSchema });
export const uuidSchema = v.pipe(v.string(), v.uuid("must be a UUID"));
export const choiceIdSchema = v.pipe(v.string(), v.regex(/^[a-z]$/, "must be a choice id"));
/** The first 32 hex digits of SHA-256 of the secret the widget keeps (worker/routes/learners.ts). */
export const learnerIdSchema = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f]{32}$/, "must be 32 lowercase hex digits (see docs/security.md)"),
);
/** Control characters other than tab and newlines have no place in names, prompts or articles. */
export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

/** Plain text from a learner or educator: bounded, no control characters. */
export const textField = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, "must not be empty"),
    v.maxLength(max, `must be at most ${max} characters`),
    v.check((value) => !hasControlCharacters(value), "must not contain control characters"),
  );
export const urlField = v.pipe(
  v.string(),
  v.maxLength(2048, "must be at most 2048 characters"),
  v.url("must be a URL"),
  v.regex(/^https?:\/\//i, "must be an http(s) URL"),
);
