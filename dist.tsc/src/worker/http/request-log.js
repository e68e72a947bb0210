import { logRequestLine, requestIdFrom } from '../../shared/log.js';
import { isSupervisorCall } from './supervisor-call.js';
export function requestLog(logger) {
    return async (ctx, next) => {
        const started = performance.now();
        const reqId = requestIdFrom(ctx.get('x-request-id') || undefined);
        ctx.set('x-request-id', reqId);
        try {
            await next();
        }
        finally {
            // The supervisor's own calls (broadcasts, health, journal flushes) and probes only at debug.
            const internal = ctx.path.startsWith('/_') || ctx.path === '/healthz' || isSupervisorCall(ctx);
            logRequest(logger, reqId, ctx.method, ctx.path, ctx.status, started, internal);
        }
    };
}
/** The access log's line for one request (the fast lane writes the same). */
export function logRequest(logger, reqId, method, path, status, started, internal = false) {
    const level = status >= 500 ? 'error' : internal ? 'debug' : 'info';
    if (logger.isLevelEnabled(level)) {
        logRequestLine(logger, level, { req_id: reqId, method, path, status, duration_ms: Math.round((performance.now() - started) * 1000) / 1000 });
    }
}
