/**
 * The route table, dispatched by the path's first segment (`api`, `mock`, `supervision`,
 * `_worker`): @koa/router tests every route's regexp on every request, so a gateway GET
 * tried the forty-odd routes of the whole table; now it tries the dozen under `/api`. The
 * table stays one Router (its `stack` is what the contract tests read); each group is a
 * Router over the same layers, so 404, 405 with Allow and 501 answer as before.
 */
import Router from '@koa/router';
export function routesByPrefix(table) {
    const groups = new Map();
    for (const layer of table.stack) {
        const key = firstSegment(String(layer.path));
        if (!groups.has(key))
            groups.set(key, []);
        groups.get(key).push(layer);
    }
    const handlers = new Map();
    for (const [key, layers] of groups) {
        const group = new Router();
        group.stack = layers;
        const routes = group.routes();
        const allowed = group.allowedMethods();
        // as app.use(routes) then app.use(allowed): the second runs when no route answered
        handlers.set(key, (ctx, next) => routes(ctx, () => allowed(ctx, next)));
    }
    return (ctx, next) => {
        const handler = handlers.get(firstSegment(ctx.path));
        return handler ? handler(ctx, next) : next();
    };
}
/** `/api/v1/…` → `api`; `/` → ``. */
function firstSegment(path) {
    const end = path.indexOf('/', 1);
    return end < 0 ? path.slice(1) : path.slice(1, end);
}
