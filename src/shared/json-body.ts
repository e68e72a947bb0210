/**
 * The worker's JSON body parser, for the Koa app and the fast lane alike: co-body's JSON
 * reader with koa-bodyparser's options and JSON types. Only that reader is loaded:
 * koa-bodyparser (and co-body's index) load the form parser too, with qs and its
 * dependencies, ~1.7 MiB of RSS in a process that never reads a form.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, Next } from 'koa';
import readJson from 'co-body/lib/json.js';

/** The largest body a worker reads. */
export const BODY_LIMIT = '64kb';
/** koa-bodyparser's JSON types: the Koa app reads these as JSON, any other type as no body. */
const JSON_TYPES = ['application/json', 'application/json-patch+json', 'application/vnd.api+json', 'application/csp-report', 'application/scim+json'];
const OPTIONS = { limit: BODY_LIMIT, strict: true } as const;

/** Reads a JSON body (an object or an array; none is `{}`); a fault is co-body's 400 or 413. */
export function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return readJson(req, OPTIONS);
}

/** koa-bodyparser for JSON only: `ctx.request.body` is the parsed JSON, or `{}` for any other type. */
export async function jsonBody(ctx: Context, next: Next): Promise<void> {
  const request = ctx.request as { body?: unknown };
  if (request.body === undefined) request.body = ctx.is(JSON_TYPES) ? await readJsonBody(ctx.req) : {}; // no body at all: {} either way
  await next();
}
