/** The worker's Koa app: middleware in the contract's order, one concern each, then the router built from the route declarations. */
import Koa from 'koa';
import { workerRoutes } from './routes.js';
import { createLogger } from '../../shared/log.js';
import { canonicalIdOf } from '../../domain/mk6-names.js';
import { serveOpenapi } from '../../contract/openapi/serve.js';
import { requestLog } from './request-log.js';
import { whileServing } from './stopping.js';
import { supervisorCalls } from './supervisor-call.js';
import { journaling } from './journaling.js';
import { networkConditions } from '../network/middleware.js';
import { healthz } from './healthz.js';
import { errorBodies } from './error-bodies.js';
import { productionGuard } from './production-guard.js';
import { mk6Guard } from './mk6-guard.js';
import { requestBody } from './request-body.js';
import { routesByPrefix } from './prefix-routes.js';
export function createWorkerApp(rt, journal, sink, logger) {
    const app = new Koa({ proxy: true });
    const log = logger ?? createLogger({ base: { mk6_id: rt.config.id } });
    app.use(requestLog(log)); // one line per request, x-request-id in and out
    app.use(whileServing(rt)); // a stopping worker says offline; calls in flight counted
    app.use(supervisorCalls(rt.config.internalSecret ?? null)); // the supervisor's own calls: by the secret alone
    app.use(serveOpenapi('worker', rt.config.id)); // loaded on first request, never journaled
    const router = workerRoutes(rt, journal, sink);
    app.use(journaling({ journal, simNow: () => rt.fleetNow(), mk6Now: () => rt.ownNow(), forward: sink?.push, canonicalId: canonicalIdOf(rt.config) }));
    app.use(networkConditions(rt.network)); // inside the journal: what the gateway sent is journaled whatever it met
    app.use(healthz(rt));
    app.use(errorBodies((msg, err) => log.error({ err }, msg))); // an unexpected 500: logged, its message hidden
    app.use(productionGuard(rt)); // production → offline → auth → the rest
    app.use(mk6Guard(rt));
    app.use(requestBody);
    app.use(routesByPrefix(router)); // 405/501 with Allow set there too; errorBodies writes the body
    return app;
}
