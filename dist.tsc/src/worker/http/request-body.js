import { jsonBody } from '../../shared/json-body.js';
import { hasBody } from './has-body.js';
export function requestBody(ctx, next) {
    // Most of the gateway's calls are GETs with nothing to parse.
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || hasBody(ctx.req.headers))
        return jsonBody(ctx, next);
    ctx.request.body = {}; // what the parser gives a request without a body
    return next();
}
