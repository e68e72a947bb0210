/**
 * A Koa router built from the declarations: each route a side answers in its router gets
 * its declared method and path, the validators its declaration implies, then its handler,
 * found by the route's id. A declared route without a handler, or a handler no declaration
 * names, stops the build (the app does not start), so the table and the code cannot part.
 */
import Router, {} from '@koa/router';
import { errors } from '../errors.js';
import { koaPath } from './index.js';
import { say } from '../../i18n/api-messages.js';
/** `label` names the router in a build error; `declared`: the routes it answers (e.g. routerRoutes('worker')). */
export function buildRouter(label, declared, handlers, before = () => []) {
    const ids = new Set(declared.map((d) => d.id));
    const stray = Object.keys(handlers).filter((id) => !ids.has(id));
    if (stray.length)
        throw new Error(`${label}: handlers no route declares: ${stray.join(', ')}`);
    const router = new Router();
    for (const route of declared) {
        const handler = handlers[route.id];
        if (!handler)
            throw new Error(`${label}: ${route.method.toUpperCase()} ${route.path} (${route.id}) has no handler`);
        const validate = queryValidator(route);
        const chain = [...(validate ? [validate] : []), ...before(route), ...[handler].flat()];
        router.register(koaPath(route.path), [route.method.toUpperCase()], chain, { name: route.id });
    }
    return router;
}
/**
 * The query's counters (`since_id`, `limit`: declared integers from 0) checked before the
 * handler: an id that is not an integer >= 0 is a 400 naming the field. Other query
 * values keep their route's own checks (a range answers 441 there).
 */
function queryValidator(route) {
    const counters = (route.query ?? []).filter((q) => q.schema.type === 'integer' && q.schema.minimum === 0).map((q) => q.name);
    if (counters.length === 0)
        return null;
    return (ctx, next) => {
        for (const name of counters) {
            const raw = ctx.query[name];
            if (raw === undefined)
                continue;
            const n = Number(raw);
            if (!Number.isSafeInteger(n) || n < 0)
                throw errors.badRequest(say('mustBeNonNegativeInteger', name), { field: name });
        }
        return next();
    };
}
