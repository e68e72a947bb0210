/** The worker's cross-cutting middleware: errors, journal, production, MK6 API guards. */
import type { Context, Middleware, Next } from 'koa';
import { Mk6Error, errors } from '../domain/errors.js';
import type { WorkerRuntime } from '../runtime.js';
import { checkBearer, checkSingleAuthorization } from './auth.js';
import { classify, decode } from './classify.js';
import { BODY_CAP, capBody, type Journal, type NewEntry } from './journal.js';
import { formatIso } from '../domain/time.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The one place any error becomes the contract's body. */
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

/** Writes any error as the contract's body, status and headers; the one place that does. */
export function answerWithError(ctx: Context, err: unknown): Mk6Error {
  const e = toMk6Error(err);
  ctx.status = e.status;
  ctx.body = e.toBody();
  for (const [name, value] of Object.entries(e.headers)) ctx.set(name, value);
  return e;
}

export function toMk6Error(err: unknown): Mk6Error {
  if (err instanceof Mk6Error) return err;
  const e = err as { status?: number; statusCode?: number; type?: string; message?: string; expose?: boolean; headers?: Record<string, string> };
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    let out: Mk6Error;
    if (status === 413) out = errors.payloadTooLarge('64 KiB');
    else if (status === 400) out = errors.badRequest(e.type === 'entity.parse.failed' || /JSON/i.test(e.message ?? '') ? 'JSON invalide' : (e.expose && e.message) || 'Requête invalide');
    else if (status === 405) out = errors.methodNotAllowed(String(e.headers?.Allow ?? '').split(/, ?/).filter(Boolean));
    else out = new Mk6Error(status, statusCode(status), (e.expose && e.message) || 'Requête refusée');
    if (e.headers?.Allow) out.headers.Allow = e.headers.Allow;
    return out;
  }
  if (status === 501) return new Mk6Error(501, 'NOT_IMPLEMENTED', 'Méthode non implémentée');
  return new Mk6Error(500, 'INTERNAL_ERROR', 'Erreur interne');
}

function statusCode(status: number): string {
  return ({ 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 406: 'NOT_ACCEPTABLE', 411: 'LENGTH_REQUIRED', 414: 'URI_TOO_LONG', 415: 'UNSUPPORTED_MEDIA_TYPE', 431: 'HEADERS_TOO_LARGE' } as Record<number, string>)[status] ?? 'BAD_REQUEST';
}

function defaultLog(msg: string, err: unknown): void {
  console.error(JSON.stringify({ level: 'error', msg, err: err instanceof Error ? err.stack : String(err) }));
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
    const skip = ctx.path.startsWith('/api/v1/debug/') || ctx.path.startsWith('/_') || ctx.path === '/healthz' || ctx.get('x-mk6-internal') !== '' || !worth(ctx);
    const started = performance.now();
    const simTime = simNow();
    await next();
    let text: string | undefined;
    const value = ctx.body;
    if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && typeof (value as { pipe?: unknown }).pipe !== 'function') {
      text = JSON.stringify(value);
      ctx.body = text;
      ctx.type = 'application/json; charset=utf-8';
    }
    if (skip) return;
    const where = classify(ctx.path);
    const entry: NewEntry = {
      ts: new Date().toISOString(),
      method: ctx.method,
      path: ctx.path,
      query: redactSecrets({ ...ctx.query }) as Record<string, unknown>,
      source: where.source,
      endpoint: where.endpoint,
      mk6_id: where.mk6_id === null ? null : canonicalId(where.mk6_id),
      req_body: journaledRequestBody(ctx, where.endpoint),
      status: ctx.status,
      resp_body: capBody(text, value),
      duration_ms: Math.round((performance.now() - started) * 1000) / 1000,
      remote: ctx.ip || null,
      sim_time: formatIso(simTime),
    };
    journal.add(entry);
    forward?.(entry);
  };
}

/**
 * Secrets stay out of the journal: the token given to `/mock/mk6/{id}/auth`, and a token a
 * client put where it does not belong (`?access_token=`, a body field), masked by name.
 */
const SECRET_FIELD = /^(token|access_token|id_token|refresh_token|api_?key|apikey|password|secret|authorization|bearer)$/i;

function redactSecrets(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  if (!Object.keys(value).some((k) => SECRET_FIELD.test(k))) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '***' : v]));
}

/** In production mode every write but the mode switch is refused, before anything else. */
export function productionGuard(rt: WorkerRuntime): Middleware {
  return (ctx: Context, next: Next) => {
    if (rt.mode === 'production' && WRITES.has(ctx.method) && ctx.path !== '/supervision/mode' && !ctx.path.startsWith('/_worker/')) {
      throw errors.productionWrite();
    }
    return next();
  };
}

const API_PATH = /^\/api\/v1\/mk6\/([^/]+)(?:\/|$)/;
const MOCK_PATH = /^\/mock\/mk6\/([^/]+)(?:\/|$)/;

/**
 * Paths naming an MK6 must name this one (its id or an alias). On the gateway API the
 * contract's order follows: offline, then bearer auth. Runs before the body is parsed.
 */
export function mk6Guard(rt: WorkerRuntime): Middleware {
  const names = new Set([rt.config.id, ...rt.config.aliases]);
  return (ctx: Context, next: Next) => {
    const api = API_PATH.exec(ctx.path);
    const mock = api ? null : MOCK_PATH.exec(ctx.path);
    const named = api ?? mock;
    if (named) {
      const id = decode(named[1]);
      if (!names.has(id)) throw errors.mk6NotFound(id.slice(0, 128));
    }
    if (api) {
      if (rt.mk6.isOffline) throw errors.mk6Offline(rt.config.id);
      checkSingleAuthorization(ctx.req.rawHeaders);
      const token = rt.mk6.requiredToken;
      if (token !== null) checkBearer(ctx.get('authorization') || undefined, token);
    }
    return next();
  };
}

export function isWrite(method: string): boolean {
  return WRITES.has(method);
}

/** The request body as journaled: token redacted, cut at 4 KiB like answers (bounds the journal's memory). */
function journaledRequestBody(ctx: Context, endpoint: string | null): unknown {
  const body = redactSecrets((ctx.request as { body?: unknown }).body ?? null);
  if ((ctx.request.length ?? 0) <= BODY_CAP) return body;
  return capBody(JSON.stringify(body), body);
}
