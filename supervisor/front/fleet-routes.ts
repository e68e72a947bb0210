/** The fleet's own routes on the front, in one table. MK6 paths never reach here but for fleet actions. */
import Router from '@koa/router';
import type { Context, Next } from 'koa';
import { errors } from '../../src/contract/errors.js';
import { clockFromRequest, modeAnswer, modeFromRequest, RELEASE_ANSWER } from '../../src/contract/fleet-controls.js';
import { asBody, isSafeId } from '../../src/contract/schema/validate.js';
import { validateSites } from '../../src/domain/sites.js';
import { parseSinceId } from '../../src/journal/journal.js';
import { clockView } from '../../src/worker/http/views.js';
import { SECRET_HEADER, secretMatches } from '../../src/shared/internal.js';
import { readiness } from '../fleet/readiness.js';
import { OUTAGE_KINDS, RESTART_KINDS, type FleetSupervisor, type Member } from '../fleet/fleet-supervisor.js';
import { requestJson } from '../../src/shared/http-client.js';
import { parseTimeline, parseTimelineText, TimelineError, type TimelineEvent } from '../../src/config/timeline-file.js';
import { TIMELINE_HEADER } from '../recette/timeline-runner.js';
import { recetteRoutes } from '../recette/recette-routes.js';
import { journalBody, journalFormat } from '../../src/journal/har.js';
import { recorderOf, recordingRoutes } from '../session/recording.js';
import { fleetStream } from '../session/stream.js';

export function fleetRoutes(fleet: FleetSupervisor): Router {
  const r = new Router();
  const body = (ctx: Context): unknown => (ctx.request as { body?: unknown }).body;
  /** The fleet's own writes obey production mode like every worker does. */
  const writable = (_ctx: Context, next: Next) => {
    if (fleet.mode === 'production') throw errors.productionWrite();
    return next();
  };
  const member = (ctx: Context): Member => {
    const m = fleet.resolve(ctx.params.id);
    if (!m) throw errors.mk6NotFound(String(ctx.params.id).slice(0, 128));
    return m;
  };

  // ── clock, mode, reset: broadcast to every worker, in order with every process change ──
  r.get('/supervision/api/time', (ctx) => {
    ctx.body = clockView(fleet.clock);
  });
  r.post('/mock/time', writable, async (ctx) => {
    clockFromRequest(body(ctx), fleet.clock, Date.now()); // a bad body is refused at once, without waiting in the queue
    let echo: unknown;
    const workers = await fleet.setClock((current, anchor) => {
      const next = clockFromRequest(body(ctx), current, anchor);
      echo = next.echo;
      // Whole milliseconds: the workers read the instant from the ISO text, so all hold the very same clock.
      const clock = next.clock.source === 'mock' ? { ...next.clock, anchorSim: Math.floor(next.clock.anchorSim) } : next.clock;
      const exact = { now: new Date(clock.source === 'mock' ? clock.anchorSim : anchor).toISOString(), speed: clock.source === 'mock' ? clock.speed : 0 };
      return { clock, exact };
    });
    ctx.body = { ...(echo as object), workers };
    // The timeline's events up to the new time fire before the answer (not when the timeline itself moves the clock).
    if (!ctx.get(TIMELINE_HEADER)) await fleet.timeline.advance();
  });
  r.post('/mock/time/release', writable, async (ctx) => {
    ctx.body = { ...RELEASE_ANSWER, workers: await fleet.releaseClock() };
    await fleet.timeline.advance(); // on the system clock no event fires; the timer stops
  });
  r.get('/supervision/api/mode', (ctx) => {
    ctx.body = { mode: fleet.mode };
  });
  r.post('/supervision/mode', async (ctx) => {
    const mode = modeFromRequest(body(ctx));
    ctx.body = { ...modeAnswer(mode), workers: await fleet.setMode(mode) };
  });
  r.post('/mock/reset', writable, async (ctx) => {
    const { removed, restarted, workers } = await fleet.reset();
    fleet.timeline.rearm(); // the same timeline replays with the same clock moves
    ctx.body = { message: 'Mock réinitialisé', removed, restarted, workers };
  });

  // ── probes: is the front serving, is every MK6 that should be up serving ──
  r.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  r.get('/readyz', async (ctx) => {
    const state = await readiness(fleet);
    ctx.status = state.ready ? 200 : 503;
    if (!state.ready) ctx.set('Retry-After', '1');
    ctx.body = state;
  });

  // ── fleet control ──
  const inventory = async (ctx: Context) => {
    ctx.body = await fleetInventory(fleet);
  };
  r.get('/mock/mk6', inventory);
  r.get('/supervision/api/inventory', inventory);
  r.post('/mock/mk6/:id/provision', writable, async (ctx) => {
    const id = ctx.params.id;
    if (!isSafeId(id)) throw errors.badRequest("id invalide (lettres, chiffres, '.', '_', '-', 64 max)", { field: 'id' });
    const sites = validateSites(asBody(body(ctx)).sites);
    const added = await fleet.provisionNew(id, sites);
    // The new worker answers the provision itself, so its journal and answer are the usual ones.
    const res = await requestJson(`${fleet.url(added)}/mock/mk6/${encodeURIComponent(id)}/provision`, {
      method: 'POST',
      body: { sites },
      internal: false, // journaled by the new worker as any provision
    }).catch((err: NodeJS.ErrnoException) => {
      throw errors.mk6Unreachable(added.spec.id, err.code ?? err.message);
    });
    ctx.status = res.status;
    ctx.body = { ...(res.body as object), spawned: true };
  });
  r.post('/mock/mk6/:id/kill', writable, async (ctx) => {
    const m = member(ctx);
    const kind = kindOf(body(ctx), OUTAGE_KINDS, 'refused');
    await fleet.kill(m, kind);
    if (kind === 'refused') return void (ctx.body = { mk6_id: m.spec.id, status: 'stopped', pid: null });
    ctx.body = { mk6_id: m.spec.id, kind, status: m.status, outage: kind, pid: (await fleet.processes()).get(m.app)?.pid ?? null };
  });
  r.post('/mock/mk6/:id/restart', writable, async (ctx) => {
    const m = member(ctx);
    const kind = kindOf(body(ctx), RESTART_KINDS, 'warm');
    await fleet.restart(m, kind);
    const pid = (await fleet.processes()).get(m.app)?.pid ?? null;
    ctx.body = { mk6_id: m.spec.id, kind, status: m.status, pid, url: fleet.url(m) };
  });

  // ── the fleet live: Server-Sent Events (./stream.ts) ──
  r.get('/mock/stream', (ctx) => fleetStream(fleet).attach(ctx));

  // ── the timeline of events on the fleet clock ──
  r.get('/mock/timeline', (ctx) => {
    ctx.body = fleet.timeline.view();
  });
  r.post('/mock/timeline', writable, async (ctx) => {
    let events: TimelineEvent[];
    try {
      events = ctx.request.is('json') ? parseTimeline(body(ctx)) : parseTimelineText(await rawText(ctx), 'timeline');
    } catch (err) {
      throw err instanceof TimelineError ? err.toMk6Error() : err;
    }
    await fleet.timeline.load(events, 'POST /mock/timeline');
    ctx.body = fleet.timeline.view();
  });
  r.delete('/mock/timeline', writable, (ctx) => {
    fleet.timeline.clear();
    ctx.body = fleet.timeline.view();
  });

  // ── the fleet journal, and what workers ask of the supervisor ──
  r.get('/api/v1/debug/requests', async (ctx) => {
    const since = parseSinceId(ctx.query.since_id);
    if (Number.isNaN(since)) throw errors.badRequest('since_id doit être un entier >= 0', { field: 'since_id' });
    const format = journalFormat(ctx.query.format);
    await flushWorkerJournals(fleet);
    ctx.body = journalBody(fleet.journal.since(since), format, `${ctx.protocol}://${ctx.host}`);
  });
  r.delete('/api/v1/debug/requests', writable, async (ctx) => {
    await flushWorkerJournals(fleet);
    fleet.journal.clear();
    ctx.body = { message: 'Log vidé', count: 0 };
  });
  r.get('/_fleet/clock', (ctx) => {
    if (!secretMatches(ctx.get(SECRET_HEADER) || undefined, fleet.secret)) throw errors.notFound();
    ctx.body = { ...fleet.settings(), recording: recorderOf(fleet).on }; // a (re)started worker learns the recording too
  });
  recetteRoutes(r, fleet, () => flushWorkerJournals(fleet)); // the event log and the verdicts (supervisor/recette-routes.ts)
  recordingRoutes(r, fleet, writable, () => flushWorkerJournals(fleet)); // the gateway's session as HAR (supervisor/recording.ts)
  return r;
}

/** A YAML timeline posted as text (the body parser only reads JSON), up to 256 KiB. */
async function rawText(ctx: Context): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 256 * 1024) throw errors.payloadTooLarge('256 KiB');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `{"kind": …}` of kill and restart: absent (or no body) = the default; else one of the kinds, or 441. */
function kindOf<K extends string>(raw: unknown, kinds: readonly K[], fallback: K): K {
  const kind = asBody(raw).kind;
  if (kind === undefined || kind === null) return fallback;
  if (typeof kind !== 'string' || !kinds.includes(kind as K)) {
    throw errors.invalidValue(`kind invalide: ${JSON.stringify(kind)?.slice(0, 40)} (${kinds.join('|')})`, { field: 'kind', allowed: kinds });
  }
  return kind as K;
}

/** Entries still on their way from a worker are fetched first, so a read right after a call sees it (and a stop loses none). */
export async function flushWorkerJournals(fleet: FleetSupervisor): Promise<void> {
  await Promise.all(
    fleet.onlineMembers().map((m) => requestJson(`${fleet.url(m)}/_worker/journal/flush`, { method: 'POST', timeoutMs: 300 }).catch(() => null)),
  );
}

/** Each MK6's topology (from its worker, or remembered while it is down) merged with its process. */
export async function fleetInventory(fleet: FleetSupervisor) {
  const processes = await fleet.processes();
  const mk6 = await Promise.all(
    [...fleet.members.values()].map(async (m) => {
      let answered = false; // online means: it answers on its port now, not only that pm2 runs it
      if (m.status === 'online') {
        try {
          const res = await requestJson(`${fleet.url(m)}/mock/mk6`, { timeoutMs: 1000 });
          const entry = (res.body as { mk6?: Record<string, unknown>[] })?.mk6?.[0];
          if (res.status === 200 && entry) {
            m.last = entry;
            answered = true;
          }
        } catch {
          /* answering nothing right now: show what we knew */
        }
      }
      const p = processes.get(m.app);
      const topology = m.last ?? {
        thissite: m.spec.sites.find((s) => s.role === 'thissite')?.sycode ?? null,
        sycodes: m.spec.sites.map((s) => s.sycode),
        sites: m.spec.sites,
      };
      return {
        ...topology,
        mk6_id: m.spec.id,
        aliases: m.spec.aliases,
        network: { host: m.spec.host, port: m.spec.port, url: fleet.url(m) },
        process: {
          status: m.status,
          pid: p?.pid ?? null,
          restarts: p?.restarts ?? 0,
          memory_bytes: p?.memory_bytes ?? 0,
          uptime_s: p?.uptime_s ?? null,
          app: m.app,
        },
        online: answered && m.outage === null && m.last?.online !== false,
        outage: m.outage,
        added: m.added,
        problem: m.problem,
      };
    }),
  );
  return { count: mk6.length, fleet: fleet.fleet.name, mk6 };
}
