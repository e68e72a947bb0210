/**
 * GET /openapi.json as Koa middleware. The document module is imported and serialised on
 * the first request only, then the text is kept: a worker's start-up does not pay for it.
 */
import type { Context, Middleware, Next } from 'koa';
import type { Audience } from './document.js';

export const OPENAPI_PATH = '/openapi.json';

export function openapiText(audience: Audience, mk6Id?: string): () => Promise<string> {
  let text: Promise<string> | null = null;
  return () => (text ??= import('./document.js').then((m) => JSON.stringify(m.openapiDocument(audience, mk6Id))));
}

export function serveOpenapi(audience: Audience, mk6Id?: string): Middleware {
  const load = openapiText(audience, mk6Id);
  return async (ctx: Context, next: Next) => {
    if (ctx.path !== OPENAPI_PATH || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    ctx.type = 'application/json; charset=utf-8';
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.body = await load();
  };
}
