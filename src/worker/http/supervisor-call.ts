/**
 * The supervisor's own calls (broadcasts, health, journal flushes, outages, the page's reads
 * it makes on the page's behalf) are recognised by the fleet's secret alone, compared in
 * constant time (src/shared/internal.ts). Such a call may use the internal routes, is not
 * journaled and goes through an outage; no other header makes a call any of these.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Context, Middleware, Next } from 'koa';
import { SECRET_HEADER, secretMatches } from '../../shared/internal.js';

/** Marks `ctx.state.trusted` on a call that carries the fleet's secret (none without one: a worker started alone). */
export function supervisorCalls(secret: string | null): Middleware {
  return (ctx: Context, next: Next) => {
    ctx.state.trusted = secretMatches(ctx.get(SECRET_HEADER) || undefined, secret);
    return next();
  };
}

export function isSupervisorCall(ctx: Context): boolean {
  return ctx.state.trusted === true;
}

/** Whether a call says it has the secret, before anyone checks it (the fast lane leaves those to the Koa app). */
export function claimsSecret(headers: IncomingHttpHeaders): boolean {
  return headers[SECRET_HEADER] !== undefined;
}
