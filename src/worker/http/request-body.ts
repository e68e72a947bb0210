/** The request body: parsed as JSON (json-body.ts) when there is one; a GET or HEAD without one skips the parser. */
import type { Context, Next } from 'koa';
import { jsonBody } from '../../shared/json-body.js';
import { hasBody } from './has-body.js';

export function requestBody(ctx: Context, next: Next): Promise<void> {
  // Most of the gateway's calls are GETs with nothing to parse.
  if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || hasBody(ctx.req.headers)) return jsonBody(ctx, next);
  (ctx.request as { body?: unknown }).body = {}; // what the parser gives a request without a body
  return next();
}
