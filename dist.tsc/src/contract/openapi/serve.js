import { routeById } from '../routes/index.js';
export const OPENAPI_PATH = routeById('getOpenapi').path;
/** How long a built document is served before it is built again (its examples start at the next whole hour). */
const FRESH_MS = 10 * 60_000;
export function openapiText(audience, mk6Id) {
    let text = null;
    let builtAt = 0;
    return () => {
        if (text === null || Date.now() - builtAt > FRESH_MS) {
            builtAt = Date.now();
            text = import('./document.js').then((m) => JSON.stringify(m.openapiDocument(audience, mk6Id)));
        }
        return text;
    };
}
/** The handler of getOpenapi. */
export function openapiHandler(audience, mk6Id) {
    const load = openapiText(audience, mk6Id);
    return async (ctx) => {
        ctx.type = 'application/json; charset=utf-8';
        ctx.set('Access-Control-Allow-Origin', '*');
        ctx.body = await load();
    };
}
/** The worker's: GET (and HEAD) of the declared path, before anything else; any other call goes on. */
export function serveOpenapi(audience, mk6Id) {
    const answer = openapiHandler(audience, mk6Id);
    return (ctx, next) => (ctx.path !== OPENAPI_PATH || (ctx.method !== 'GET' && ctx.method !== 'HEAD') ? next() : answer(ctx));
}
