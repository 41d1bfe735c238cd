/**
 * Validation at the edge of every route: one validator per input part (params, query, JSON body),
 * each failure turned into a 4xx in the project's error shape. Handlers read input only through
 * `c.req.valid(…)`.
 */
import type { Context } from "hono";
import { validator } from "hono/validator";
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

/** Parses a JSON body strictly: JSON content type required, malformed JSON is a 400. */
async function readJson(c: Context): Promise<unknown> {
  const mediaType = (c.req.header("content-type") ?? "").split(";")[0]?.trim() ?? "";
  if (!jsonMediaType.test(mediaType)) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      "Send the request body as JSON with `Content-Type: application/json`.",
    );
  }
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "malformed_json", "The request body is not valid JSON.");
  }
}

export const jsonBody = <S extends AnySchema>(schema: S) =>
  validator("json", async (_value, c) => validate(schema, await readJson(c), "request body"));

export const params = <S extends AnySchema>(schema: S) =>
  validator("param", (value) => validate(schema, value, "URL parameters"));

export const query = <S extends AnySchema>(schema: S) =>
  validator("query", (value) => validate(schema, value, "query string"));

/** Shared field schemas. */
export const slugSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, "must be a slug (a-z, 0-9, dashes)"),
);
export const questionIdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9-]{1,32}$/, "must be a question id"),
);
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
