/** The worker's cross-cutting middleware: errors, journal, production, MK6 API guards. */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Context, Middleware, Next } from 'koa';
import { Mk6Error, errors } from '../../contract/errors.js';
import { answerWithError, toMk6Error } from '../../shared/error-writer.js';
import { JSON_TYPE, jsonAnswerOf } from '../../shared/json-answer.js';
import { parseMk6Path } from '../../journal/mk6-path.js';
import type { WorkerRuntime } from '../runtime.js';
import { checkBearer, checkSingleAuthorization } from './auth.js';
import { classify } from '../../journal/classify.js';
import { BODY_CAP, capBody, type Journal, type NewEntry } from '../../journal/journal.js';
import { formatIso } from '../../domain/time.js';
import { recordingFlag, withFullBodies } from './recording-flag.js';
import { redactSecrets } from '../../journal/redact.js';
import { processLogger } from '../../shared/log.js';
import { namesOf } from '../../domain/mk6-names.js';


const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Turns any error (thrown, or a route's bare 404/405/501) into the contract's body, via the error writer. */
export function errorBodies(log: (msg: string, err: unknown) => void = defaultLog): Middleware {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
      if (ctx.body == null) {
        if (ctx.status === 404) throw errors.notFound(`Route inconnue: ${ctx.method} ${ctx.path.slice(0, 200)}`);
        if (ctx.status === 405) throw errors.methodNotAllowed(ctx.response.get('Allow').split(/, ?/).filter(Boolean));
        if (ctx.status === 501) throw toMk6Error({ status: 501 });
      }
    } catch (err) {
      const e = answerWithError(ctx, err);
      if (e.status >= 500 && !(err instanceof Mk6Error)) log(`${ctx.method} ${ctx.path}`, err);
    }
  };
}

function defaultLog(msg: string, err: unknown): void {
  processLogger().error({ err }, msg);
}

/**
 * Journals every request this worker answers (not journal reads, not the supervisor's own
 * calls), and turns JSON bodies into text once so the journal can cap them cheaply.
 */
export function journaling(
  journal: Journal,
  simNow: () => number,
  forward?: (entry: NewEntry) => void,
  worth: (ctx: Context) => boolean = () => true,
  /** Maps an alias in the path to the MK6's own id. */
  canonicalId: (name: string) => string = (name) => name,
): Middleware {
  return async (ctx: Context, next: Next) => {
    const headers = ctx.req.headers;
    const skip = ctx.path.startsWith('/api/v1/debug/') || ctx.path.startsWith('/_') || ctx.path === '/healthz' || isInternalCall(headers) || !worth(ctx);
    const started = performance.now();
    const simTime = simNow();
    await next();
    const answer = jsonAnswerOf(ctx);
    let text = answer?.text;
    const value = answer ? answer.value : ctx.body;
    if (!answer && value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && typeof (value as { pipe?: unknown }).pipe !== 'function') {
      text = JSON.stringify(value); // a body set as an object, not through answerJson
      ctx.body = text;
      ctx.type = JSON_TYPE;
    }
    if (skip) return;
    journalCall(journal, forward, canonicalId, {
      method: ctx.method,
      path: ctx.path,
      query: ctx.querystring === '' ? null : ctx.query,
      headers,
      reqBody: (ctx.request as { body?: unknown }).body,
      reqLength: ctx.request.length ?? 0,
      status: ctx.status,
      text,
      value,
      started,
      simTime,
      ip: ctx.ip,
    });
  };
}

/** One answered call, as both ways into a worker (the Koa app and the fast lane) see it. */
export interface AnsweredCall {
  method: string;
  path: string;
  /** The parsed query, null when the URL has none. */
  query: Record<string, unknown> | null;
  headers: IncomingHttpHeaders;
  reqBody: unknown;
  /** The request's Content-Length (0 when none). */
  reqLength: number;
  status: number;
  /** The answer's JSON text, when it was JSON. */
  text: string | undefined;
  value: unknown;
  /** performance.now() when the call came in. */
  started: number;
  /** The simulated time when the call came in. */
  simTime: number;
  ip: string;
}

/** Adds a call to the journal, and hands it to the supervisor when there is one (the fleet journal, the recording). */
export function journalCall(journal: Journal, forward: ((entry: NewEntry) => void) | undefined, canonicalId: (name: string) => string, call: AnsweredCall): void {
  const where = classify(call.path);
  const entry: NewEntry = {
    ts: isoNow(),
    method: call.method,
    path: call.path,
    query: call.query === null ? {} : (redactSecrets({ ...call.query }) as Record<string, unknown>),
    source: where.source,
    endpoint: where.endpoint,
    mk6_id: where.mk6_id === null ? null : canonicalId(where.mk6_id),
    req_body: journaledRequestBody(call.reqBody, call.reqLength),
    status: call.status,
    resp_body: capBody(call.text, call.value),
    duration_ms: Math.round((performance.now() - call.started) * 1000) / 1000,
    remote: call.ip || null,
    sim_time: formatIso(call.simTime),
    req_headers: journaledHeaders(call.headers),
  };
  journal.add(entry);
  // While the fleet records, a gateway call goes to the supervisor with the bodies the journal cut.
  forward?.(recordingFlag.on && where.source === 'GW' ? withFullBodies(entry, call.reqBody, call.reqLength, call.text, call.value) : entry);
}

/** The wall clock in ISO 8601 with milliseconds; a busy worker answers many calls within one. */
let lastMs = 0;
let lastIso = '';
function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** A call marked `x-mk6-internal` (the page, the supervisor): not journaled. An empty value is not a mark. */
export function isInternalCall(headers: IncomingHttpHeaders): boolean {
  const mark = headers['x-mk6-internal'];
  return mark !== undefined && mark !== '';
}

/** The request headers the journal keeps: a few that say who called and how; Authorization masked (`***`). */
const KEPT_HEADERS = ['content-type', 'accept', 'user-agent', 'x-request-id'];
export function journaledHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = headers[name];
    if (typeof v === 'string' && v !== '') out[name] = v.slice(0, 200);
  }
  if (headers.authorization) out.authorization = '***'; // that one was sent, never what
  return out;
}

/** In production mode every write but the mode switch is refused, before anything else. */
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

/**
 * Paths naming an MK6 must name this one (its id or an alias). On the gateway API the
 * contract's order follows: offline, then bearer auth. Runs before the body is parsed.
 */
export function mk6Guard(rt: WorkerRuntime): Middleware {
  const names = new Set(namesOf(rt.config));
  return (ctx: Context, next: Next) => {
    const named = parseMk6Path(ctx.path);
    if (named?.scope === 'api') checkGatewayCall(rt, names, named.id, ctx.req);
    else if (named && !names.has(named.id)) throw errors.mk6NotFound(named.id.slice(0, 128));
    return next();
  };
}

/** A gateway call's checks in the contract's order: this MK6 (or an alias), offline, one Authorization, the bearer. */
export function checkGatewayCall(rt: WorkerRuntime, names: ReadonlySet<string>, id: string, req: IncomingMessage): void {
  if (!names.has(id)) throw errors.mk6NotFound(id.slice(0, 128));
  if (rt.mk6.isOffline) throw errors.mk6Offline(rt.config.id);
  checkSingleAuthorization(req.rawHeaders);
  const token = rt.mk6.requiredToken;
  if (token !== null) checkBearer(req.headers.authorization || undefined, token);
}

/** The request body as journaled: token redacted, cut at 4 KiB like answers (bounds the journal's memory). */
function journaledRequestBody(raw: unknown, length: number): unknown {
  const body = redactSecrets(raw ?? null);
  if (length <= BODY_CAP) return body;
  return capBody(JSON.stringify(body), body);
}
