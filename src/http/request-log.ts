/** The worker's access log: one line per request, with the request id the proxy carried. */
import type { Context, Middleware, Next } from 'koa';
import { requestIdFrom, type Logger } from '../log.js';
import { isInternalCall } from './middleware.js';

export function requestLog(logger: Logger): Middleware {
  return async (ctx: Context, next: Next) => {
    const started = performance.now();
    const reqId = requestIdFrom(ctx.get('x-request-id') || undefined);
    ctx.set('x-request-id', reqId);
    try {
      await next();
    } finally {
      const status = ctx.status;
      // The supervisor's own calls (broadcasts, health, journal flushes) and probes only at debug.
      const internal = ctx.path.startsWith('/_') || ctx.path === '/healthz' || isInternalCall(ctx.req.headers);
      const level = status >= 500 ? 'error' : internal ? 'debug' : 'info';
      if (logger.isLevelEnabled(level)) {
        logger[level]({ req_id: reqId, method: ctx.method, path: ctx.path, status, duration_ms: Math.round((performance.now() - started) * 1000) / 1000 }, 'request');
      }
    }
  };
}
