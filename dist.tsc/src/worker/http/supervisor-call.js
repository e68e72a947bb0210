import { SECRET_HEADER, secretMatches } from '../../shared/internal.js';
/** Marks `ctx.state.trusted` on a call that carries the fleet's secret (none without one: a worker started alone). */
export function supervisorCalls(secret) {
    return (ctx, next) => {
        ctx.state.trusted = secretMatches(ctx.get(SECRET_HEADER) || undefined, secret);
        return next();
    };
}
export function isSupervisorCall(ctx) {
    return ctx.state.trusted === true;
}
/** Whether a call says it has the secret, before anyone checks it (the fast lane leaves those to the Koa app). */
export function claimsSecret(headers) {
    return headers[SECRET_HEADER] !== undefined;
}
