/** A liveness probe (not journaled): it meets an outage like any caller, a blackholed MK6 does not answer it. */
import type { Context, Middleware, Next } from 'koa';
import { answerJson } from '../../shared/json-answer.js';
import type { WorkerRuntime } from '../runtime.js';
import { routeById } from '../../contract/routes/index.js';

export function healthz(rt: WorkerRuntime): Middleware {
  const path = routeById('getHealth').path;
  return (ctx: Context, next: Next) => {
    if (ctx.path !== path || ctx.method !== 'GET') return next();
    answerJson(ctx, { status: 'ok', mk6_id: rt.config.id, pid: process.pid });
  };
}
