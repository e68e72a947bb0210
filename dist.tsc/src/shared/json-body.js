import readJson from 'co-body/lib/json.js';
/** The largest body a worker reads. */
export const BODY_LIMIT = '64kb';
/** koa-bodyparser's JSON types: the Koa app reads these as JSON, any other type as no body. */
const JSON_TYPES = ['application/json', 'application/json-patch+json', 'application/vnd.api+json', 'application/csp-report', 'application/scim+json'];
const OPTIONS = { limit: BODY_LIMIT, strict: true };
/** Reads a JSON body (an object or an array; none is `{}`); a fault is co-body's 400 or 413. */
export function readJsonBody(req) {
    return readJson(req, OPTIONS);
}
/** koa-bodyparser for JSON only: `ctx.request.body` is the parsed JSON, or `{}` for any other type. */
export async function jsonBody(ctx, next) {
    const request = ctx.request;
    if (request.body === undefined)
        request.body = ctx.is(JSON_TYPES) ? await readJsonBody(ctx.req) : {}; // no body at all: {} either way
    await next();
}
