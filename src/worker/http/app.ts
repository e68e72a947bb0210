/** The worker's Koa app: middleware in the contract's order, then the router built from the route declarations. */
import Koa from 'koa';
import type { WorkerRuntime } from '../runtime.js';
import type { Journal, JournalSink } from '../../journal/journal.js';
import { errorBodies, journaling, mk6Guard, productionGuard } from './middleware.js';
import { workerRoutes } from './routes.js';
import { createLogger, type Logger } from '../../shared/log.js';
import { serveOpenapi } from '../../contract/openapi/serve.js';
import { requestLog } from './request-log.js';
import { networkConditions } from '../network/middleware.js';
import { SECRET_HEADER, secretMatches } from '../../shared/internal.js';
import { answerWithError } from '../../shared/error-writer.js';
import { answerJson } from '../../shared/json-answer.js';
import { jsonBody } from '../../shared/json-body.js';
import { errors } from '../../contract/errors.js';
import { routesByPrefix } from './prefix-routes.js';
import { routeById } from '../../contract/routes/index.js';
import type { IncomingHttpHeaders } from 'node:http';

export function createWorkerApp(rt: WorkerRuntime, journal: Journal, sink?: JournalSink, logger?: Logger): Koa {
  const app = new Koa({ proxy: true });
  const log = logger ?? createLogger({ base: { mk6_id: rt.config.id } });
  app.use(requestLog(log)); // one line per request, x-request-id in and out
  const secret = rt.config.internalSecret ?? null;
  app.use(async (ctx, next) => {
    // Stopping (pm2 restart, SIGTERM): a call on a kept-alive connection gets "offline, come back"
    // and the connection is closed, never a 500 from a state file already closed.
    if (rt.stopping) {
      ctx.set('Connection', 'close');
      return void answerWithError(ctx, errors.mk6Offline(rt.config.id));
    }
    ctx.state.trusted = secretMatches(ctx.get(SECRET_HEADER) || undefined, secret); // the supervisor's own call
    rt.inFlight++;
    try {
      await next();
    } finally {
      rt.inFlight--;
    }
  });
  app.use(serveOpenapi('worker', rt.config.id)); // loaded on first request, never journaled
  const router = workerRoutes(rt, journal, sink);
  const names = new Set([rt.config.id, ...rt.config.aliases]);
  app.use(journaling(journal, () => rt.now(), sink?.push, undefined, (name) => (names.has(name) ? rt.config.id : name)));
  app.use(networkConditions(rt.network)); // inside the journal: what the gateway sent is journaled whatever it met
  const health = routeById('getHealth').path;
  app.use((ctx, next) => {
    // A liveness probe (not journaled): it meets an outage like any caller, a blackholed MK6 does not answer it.
    if (ctx.path !== health || ctx.method !== 'GET') return next();
    answerJson(ctx, { status: 'ok', mk6_id: rt.config.id, pid: process.pid });
  });
  app.use(errorBodies((msg, err) => log.error({ err }, msg))); // an unexpected 500: logged, its message hidden
  app.use(productionGuard(rt)); // production → offline → auth → the rest
  app.use(mk6Guard(rt));
  // A GET or HEAD that carries no body has nothing to parse: most of the gateway's calls.
  app.use((ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || hasBody(ctx.req.headers)) return jsonBody(ctx, next);
    (ctx.request as { body?: unknown }).body = {}; // what the parser gives a request without a body
    return next();
  });
  app.use(routesByPrefix(router)); // 405/501 with Allow set there too; errorBodies writes the body
  return app;
}

/** Whether a request says it has a body (RFC 9112: Content-Length or Transfer-Encoding). */
export function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}
