/**
 * The front on :9001. MK6 paths go straight to their worker through http-proxy (path
 * unchanged, keep-alive); the fleet's own routes (broadcasts, fleet control, inventory,
 * fleet journal, page) are a small Koa app. Internal routes serve the workers.
 */
import http from 'node:http';
import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import httpProxy from 'http-proxy';
import { Mk6Error, errors } from '../../src/contract/errors.js';
import { parseMk6Path, type Mk6Path } from '../../src/journal/mk6-path.js';
import { writeError } from '../../src/shared/error-writer.js';
import { authorizationCount } from '../../src/worker/http/auth.js';
import type { NewEntry } from '../../src/journal/journal.js';
import { errorBodies } from '../../src/worker/http/error-bodies.js';
import { journaling } from '../../src/worker/http/journaling.js';
import { simulatedNow } from '../../src/domain/clock.js';
import type { FleetSupervisor } from '../fleet/fleet-supervisor.js';
import { SECRET_HEADER, secretMatches } from '../../src/shared/internal.js';
import { fleetRoutes } from './fleet-routes.js';
import { createLogger, requestIdFrom, type Logger } from '../../src/shared/log.js';
import { FleetMetrics } from './metrics.js';
import { observability } from './observability.js';
import { journalFrontAnswer, markFrontAnswer } from '../session/front-journal.js';
import { recordEntry } from '../session/recording.js';
import { asSupervisorRead } from './page-reads.js';
import { BlackholedCalls } from './blackholed-calls.js';
import { say } from '../../src/i18n/api-messages.js';

/** Control calls: made while the fleet starts, they wait for it (the MK6 API and reads of the fleet's state do not). */
const CONTROL = /^\/(mock\/|supervision\/mode(?:[/?#]|$)|api\/v1\/debug\/)/;
/** How long a control call waits for the fleet's start before 503 FLEET_STARTING. */
const STARTUP_WAIT_MS = Number(process.env.MK6_STARTUP_WAIT_MS) > 0 ? Number(process.env.MK6_STARTUP_WAIT_MS) : 30_000;
const JOURNAL_BATCH_LIMIT = 64 * 1024 * 1024;
/** How long the proxy waits on a blackholed MK6 before it answers 504 MK6_UNREACHABLE. */
const BLACKHOLE_TIMEOUT_MS = Number(process.env.MK6_BLACKHOLE_TIMEOUT_MS) > 0 ? Number(process.env.MK6_BLACKHOLE_TIMEOUT_MS) : 10_000;

/** The proxy's options for one call, with the MK6 it goes to when that MK6 is not blackholed (see BlackholedCalls). */
type PassOn = httpProxy.ServerOptions & { mk6?: string };

export interface FrontOptions {
  /** Extra Koa middleware served before the fleet routes (the supervision page). */
  page?: Koa.Middleware;
  /** The access log (default: pino on stdout at LOG_LEVEL). */
  logger?: Logger;
  metrics?: FleetMetrics;
}

export function createFront(fleet: FleetSupervisor, options: FrontOptions = {}): http.Server {
  const app = new Koa({ proxy: true });
  const router = fleetRoutes(fleet);
  // Reads are the page's polling; a new MK6's provision is journaled by its worker.
  const isWrite = (ctx: Koa.Context) => ctx.method !== 'GET' && ctx.method !== 'HEAD' && !ctx.path.endsWith('/provision');
  app.use(journaling({ journal: fleet.journal, simNow: () => simulatedNow(fleet.clock, Date.now()), worth: isWrite }));
  const metrics = options.metrics ?? new FleetMetrics(fleet);
  const logger = options.logger ?? createLogger({ base: { component: 'front' } });
  app.use(errorBodies((msg, err) => logger.error({ err }, msg))); // an unexpected 500: logged, its message hidden
  app.use(observability(metrics)); // /openapi.json, /docs, /metrics
  if (options.page) app.use(options.page);
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '64kb', strict: true }));
  app.use(router.routes());
  app.use(router.allowedMethods()); // sets 405/501 with Allow; errorBodies writes the body
  const koa = app.callback();

  const proxy = httpProxy.createProxyServer({
    agent: new http.Agent({ keepAlive: true, maxSockets: 512 }),
    xfwd: true,
    proxyTimeout: 0,
  });
  proxy.on('error', (err, req, res) => {
    const id = mk6PathOf(req)?.id ?? '?';
    const member = fleet.resolve(id);
    const outage = member?.outage ?? null;
    const code = (err as NodeJS.ErrnoException).code ?? err.message;
    if (!(res instanceof http.ServerResponse)) return void res.destroy();
    // A reset injected by a network condition reaches the client as a reset, as on the worker's port.
    // A reset while the fleet restarts or kills that MK6 (before the outage is recorded) is that outage's: 502.
    if (code === 'ECONNRESET' && outage === null && member?.status === 'online' && !fleet.busy(member)) return void req.socket.resetAndDestroy();
    if (outage === 'blackhole') return sendError(res, errors.mk6Timeout(id, BLACKHOLE_TIMEOUT_MS));
    sendError(res, errors.mk6Unreachable(id, code));
  });
  // A call on its way to an MK6 as a kill blackholes it gets a blackholed MK6's timeout too.
  const blackholed = new BlackholedCalls(BLACKHOLE_TIMEOUT_MS, (id) => fleet.resolve(id)?.outage === 'blackhole');
  fleet.events.onRecord((e) => {
    if (e.kind === 'kill' && e.details.kind === 'blackhole' && e.mk6_id !== null) blackholed.blackholed(e.mk6_id);
  });
  proxy.on('proxyReq', (proxyReq, _req, res, options) => {
    const id = (options as PassOn).mk6;
    if (id !== undefined) blackholed.track(id, proxyReq, res);
  });
  // An answer cut by a reset in its middle (network condition `reset` during): cut the client's too.
  proxy.on('proxyRes', (proxyRes, req) => proxyRes.once('aborted', () => req.socket.resetAndDestroy()));

  const route = (req: http.IncomingMessage, res: http.ServerResponse, m: Mk6Path | null) => {
    if (m) {
      const member = fleet.resolve(m.id);
      const action = m.scope === 'mock' ? m.rest.split('/')[0] : undefined;
      // A provision of an MK6 still starting (being spawned by another provision) waits for it in the fleet route.
      const fleetAction = action === 'kill' || action === 'restart' || (action === 'provision' && (!member || member.status === 'starting'));
      if (!fleetAction) {
        // No member yet: a (re)starting supervisor is still loading its fleet — not an unknown MK6.
        if (!member && fleet.phase === 'starting') return sendError(res, errors.mk6Unreachable(m.id.slice(0, 128), 'fleet starting'));
        if (!member) return sendError(res, errors.mk6NotFound(m.id.slice(0, 128)));
        // http-proxy would forward only the first of two Authorization headers: refuse the ambiguity here.
        if (authorizationCount(req.rawHeaders) > 1) return sendError(res, errors.badRequest(say('severalAuthorizations'), { header: 'authorization' }));
        if (member.status === 'stopped' || member.status === 'errored') {
          return sendError(res, errors.mk6Unreachable(member.spec.id, member.status));
        }
        // A blackholed MK6 never answers: the proxy gives up after a while (504) instead of hanging forever.
        const target = fleet.url(member);
        return proxy.web(req, res, member.outage === 'blackhole' ? { target, proxyTimeout: BLACKHOLE_TIMEOUT_MS } : ({ target, mk6: member.spec.id } as PassOn));
      }
    }
    return koa(req, res);
  };

  return http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/_fleet/journal' && req.method === 'POST') return ingestJournal(fleet, req, res, metrics);
    const path = url.split('?')[0];
    asSupervisorRead(req, fleet.secret); // the page's read of an MK6, made by the supervisor: not journaled (page-reads.ts)
    const m = mk6PathOf(req);
    accessLog(req, res, logger, metrics, m ? m.id : null, path);
    if (m?.scope === 'api') journalFrontAnswer(fleet, req, res); // 502/504 the front answers itself
    if (fleet.phase === 'running') return route(req, res, m); // the hot path: no start-up check
    const isControl = CONTROL.test(url) && !(url.startsWith('/api/v1/debug/') && (req.method === 'GET' || req.method === 'HEAD'));
    if (!isControl) return route(req, res, m);
    // Never on a half-started fleet: the call waits (its body unread meanwhile), or is told to come back.
    fleet.whenRunning(STARTUP_WAIT_MS).then(
      () => route(req, res, m),
      (err: Mk6Error) => sendError(res, err),
    );
  });
}

/**
 * One log line and one metric per request the front answers. The request id (the caller's
 * x-request-id, or a new one) goes on to the worker and back in the answer.
 */
function accessLog(req: http.IncomingMessage, res: http.ServerResponse, logger: Logger, metrics: FleetMetrics, mk6Id: string | null, path: string): void {
  const started = performance.now();
  const reqId = requestIdFrom(req.headers['x-request-id']);
  req.headers['x-request-id'] = reqId;
  res.setHeader('x-request-id', reqId);
  res.once('close', () => {
    const seconds = (performance.now() - started) / 1000;
    const route = mk6Id !== null ? 'proxy' : 'fleet';
    metrics.observeFront(route, mk6Id, res.statusCode, seconds);
    const level = res.statusCode >= 500 && res.statusCode !== 502 && res.statusCode !== 503 ? 'error' : path.startsWith('/_') || path === '/healthz' || path === '/readyz' ? 'debug' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    logger[level](
      { req_id: reqId, method: req.method, path, status: res.statusCode, duration_ms: Math.round(seconds * 1e6) / 1000, route, ...(mk6Id !== null ? { mk6_id: mk6Id } : {}) },
      'request',
    );
  });
}

function sendError(res: http.ServerResponse, err: Mk6Error): void {
  if (res.headersSent) return void res.destroy();
  markFrontAnswer(res, writeError(res, err));
}

/** The MK6 a request names (`/api/v1/mk6/<id>/…`, `/mock/mk6/<id>/…`), by the one parser the worker uses too. */
function mk6PathOf(req: http.IncomingMessage): Mk6Path | null {
  const url = req.url ?? '/';
  const q = url.search(/[?#]/);
  return parseMk6Path(q < 0 ? url : url.slice(0, q));
}

/** Workers hand in their journal entries here; the fleet numbers them in one sequence. */
function ingestJournal(fleet: FleetSupervisor, req: http.IncomingMessage, res: http.ServerResponse, metrics: FleetMetrics): void {
  // Only the fleet's own workers (the secret they were spawned with) may write to the journal.
  if (!secretMatches(header(req, SECRET_HEADER), fleet.secret)) return void req.resume().once('end', () => sendError(res, errors.notFound()));
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > JOURNAL_BATCH_LIMIT) req.destroy();
    else chunks.push(c);
  });
  req.on('end', () => {
    try {
      const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { entries?: NewEntry[] };
      for (const entry of Array.isArray(batch.entries) ? batch.entries : []) {
        recordEntry(fleet, entry); // a recording keeps it, with its full bodies (supervisor/recording.ts)
        fleet.journal.add(entry);
        metrics.observeEntry(entry);
        fleet.events.fromJournal(entry);
      }
      res.writeHead(204).end();
    } catch {
      sendError(res, errors.badRequest(say('journalBatchUnreadable')));
    }
  });
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
