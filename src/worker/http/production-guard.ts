/** In production mode every write but the mode switch is refused, before anything else. */
import type { Context, Middleware, Next } from 'koa';
import { errors } from '../../contract/errors.js';
import type { WorkerRuntime } from '../runtime.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function productionGuard(rt: WorkerRuntime): Middleware {
  return (ctx: Context, next: Next) => {
    checkProductionWrite(rt, ctx.method, ctx.path);
    return next();
  };
}

/** Refuses a write in production mode, but the mode switch and the supervisor's own calls. */
export function checkProductionWrite(rt: WorkerRuntime, method: string, path: string): void {
  if (rt.mode === 'production' && WRITES.has(method) && path !== '/supervision/mode' && !path.startsWith('/_worker/')) throw errors.productionWrite();
}
