/**
 * Paths naming an MK6 must name this one (its id or an alias). On the gateway API the
 * contract's order follows: offline, then bearer auth (auth.ts). Runs before the body is parsed.
 */
import { namesOf } from '../../domain/mk6-names.js';
import { errors } from '../../contract/errors.js';
import { parseMk6Path } from '../../journal/mk6-path.js';
import { checkBearer, checkSingleAuthorization } from './auth.js';
export function mk6Guard(rt) {
    const names = new Set(namesOf(rt.config));
    return (ctx, next) => {
        const named = parseMk6Path(ctx.path);
        if (named?.scope === 'api')
            checkGatewayCall(rt, names, named.id, ctx.req);
        else if (named && !names.has(named.id))
            throw errors.mk6NotFound(named.id.slice(0, 128));
        return next();
    };
}
/** A gateway call's checks in the contract's order: this MK6 (or an alias), offline, one Authorization, the bearer. */
export function checkGatewayCall(rt, names, id, req) {
    if (!names.has(id))
        throw errors.mk6NotFound(id.slice(0, 128));
    if (rt.mk6.isOffline)
        throw errors.mk6Offline(rt.config.id);
    checkSingleAuthorization(req.rawHeaders);
    const token = rt.mk6.requiredToken;
    if (token !== null)
        checkBearer(req.headers.authorization || undefined, token);
}
