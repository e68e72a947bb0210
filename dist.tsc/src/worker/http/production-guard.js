import { errors } from '../../contract/errors.js';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export function productionGuard(rt) {
    return (ctx, next) => {
        checkProductionWrite(rt, ctx.method, ctx.path);
        return next();
    };
}
/** Refuses a write in production mode, but the mode switch and the supervisor's own calls. */
export function checkProductionWrite(rt, method, path) {
    if (rt.mode === 'production' && WRITES.has(method) && path !== '/supervision/mode' && !path.startsWith('/_worker/'))
        throw errors.productionWrite();
}
