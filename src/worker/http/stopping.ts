/**
 * A stopping worker (pm2 restart, SIGTERM) answers a call on a kept-alive connection
 * "offline, come back" and closes the connection, never a 500 from a state file already
 * closed; the calls in flight are counted so the stop can wait for them.
 */
import type { Context, Middleware, Next } from 'koa';
import { errors } from '../../contract/errors.js';
import { answerWithError } from '../../shared/error-writer.js';
import type { WorkerRuntime } from '../runtime.js';

export function whileServing(rt: WorkerRuntime): Middleware {
  return async (ctx: Context, next: Next) => {
    if (rt.stopping) {
      ctx.set('Connection', 'close');
      return void answerWithError(ctx, errors.mk6Offline(rt.config.id));
    }
    rt.inFlight++;
    try {
      await next();
    } finally {
      rt.inFlight--;
    }
  };
}
