import { errors } from '../../src/contract/errors.js';
import { clockFromRequest, modeAnswer, modeFromRequest, releaseAnswer } from '../../src/contract/fleet-controls.js';
import { asBody, isSafeId } from '../../src/contract/schema/validate.js';
import { checkSites } from '../../src/domain/sites.js';
import { readSites } from '../../src/contract/sites-body.js';
import { parseSinceId } from '../../src/journal/journal.js';
import { clockView } from '../../src/worker/http/views.js';
import { SECRET_HEADER, secretMatches } from '../../src/shared/internal.js';
import { readiness } from '../fleet/readiness.js';
import { ExternalProcesses } from '../fleet/external-processes.js';
import { OUTAGE_KINDS, RESTART_KINDS } from '../fleet/fleet-supervisor.js';
import { requestJson } from '../../src/shared/http-client.js';
import { parseTimeline, parseTimelineText, TimelineError } from '../../src/config/timeline-file.js';
import { TIMELINE_HEADER } from '../recette/timeline-runner.js';
import { recetteHandlers } from '../recette/recette-routes.js';
import { chaosHandlers } from '../recette/chaos-routes.js';
import { journalBody, journalFormat } from '../../src/journal/har.js';
import { recorderOf, recordingHandlers } from '../session/recording.js';
import { buildRouter } from '../../src/contract/routes/build-router.js';
import { routerRoutes } from '../../src/contract/routes/index.js';
import { fleetStream } from '../session/stream.js';
import { say } from '../../src/i18n/api-messages.js';
import { sentence, answerLang } from '../../src/i18n/answer-lang.js';
import { readTextBody } from '../../src/shared/text-body.js';
export function fleetRoutes(fleet) {
    /** The fleet's own writes obey production mode like every worker does: each route that declares a 403 meets it. */
    const writable = (_ctx, next) => {
        if (fleet.mode === 'production')
            throw errors.productionWrite();
        return next();
    };
    const flush = () => flushWorkerJournals(fleet);
    const handlers = {
        ...fleetHandlers(fleet),
        ...recetteHandlers(fleet, flush), // the event log and the verdicts (supervisor/recette/recette-routes.ts)
        ...recordingHandlers(fleet, flush), // the gateway's session as HAR (supervisor/session/recording.ts)
        ...chaosHandlers(fleet), // POST /mock/chaos (supervisor/recette/chaos-routes.ts)
    };
    return buildRouter('front', routerRoutes('front'), handlers, (route) => (route.fails[403] ? [writable] : []));
}
function fleetHandlers(fleet) {
    const body = (ctx) => ctx.request.body;
    const member = (ctx) => {
        const m = fleet.resolve(ctx.params.mk6_id);
        if (!m)
            throw errors.mk6NotFound(String(ctx.params.mk6_id).slice(0, 128));
        return m;
    };
    const inventory = async (ctx) => {
        ctx.body = await fleetInventory(fleet, answerLang(ctx));
    };
    return {
        // ── clock, mode, reset: broadcast to every worker, in order with every process change ──
        getTime: (ctx) => {
            ctx.body = clockView(fleet.clock);
        },
        setTime: async (ctx) => {
            clockFromRequest(body(ctx), fleet.clock, Date.now()); // a bad body is refused at once, without waiting in the queue
            let echo;
            const workers = await fleet.setClock((current, anchor) => {
                const next = clockFromRequest(body(ctx), current, anchor);
                echo = next.echo;
                // Whole milliseconds: the workers read the instant from the ISO text, so all hold the very same clock.
                const clock = next.clock.source === 'mock' ? { ...next.clock, anchorSim: Math.floor(next.clock.anchorSim) } : next.clock;
                const exact = { now: new Date(clock.source === 'mock' ? clock.anchorSim : anchor).toISOString(), speed: clock.source === 'mock' ? clock.speed : 0 };
                return { clock, exact };
            });
            ctx.body = { ...echo, workers };
            // The timeline's events up to the new time fire before the answer (not when the timeline itself moves the clock).
            if (!ctx.get(TIMELINE_HEADER))
                await fleet.timeline.advance();
        },
        releaseTime: async (ctx) => {
            ctx.body = { ...releaseAnswer(answerLang(ctx)), workers: await fleet.releaseClock() };
            await fleet.timeline.advance(); // on the system clock no event fires; the timer stops
        },
        getMode: (ctx) => {
            ctx.body = { mode: fleet.mode };
        },
        setMode: async (ctx) => {
            const mode = modeFromRequest(body(ctx));
            ctx.body = { ...modeAnswer(mode, answerLang(ctx)), workers: await fleet.setMode(mode) };
        },
        reset: async (ctx) => {
            const { removed, restarted, workers } = await fleet.reset();
            fleet.timeline.rearm(); // the same timeline replays with the same clock moves
            ctx.body = { message: sentence(ctx, 'mockReset'), removed, restarted, workers };
        },
        // ── probes: is the front serving, is every MK6 that should be up serving ──
        getHealth: (ctx) => {
            ctx.body = { status: 'ok' };
        },
        getReadiness: async (ctx) => {
            const state = await readiness(fleet);
            ctx.status = state.ready ? 200 : 503;
            if (!state.ready)
                ctx.set('Retry-After', '1');
            ctx.body = state;
        },
        // ── fleet control ──
        getInventory: inventory,
        getSupervisionInventory: inventory,
        provision: async (ctx) => {
            const id = ctx.params.mk6_id;
            if (!isSafeId(id))
                throw errors.badRequest(say('safeIdInvalid', 'id'), { field: 'id' });
            const sites = checkSites(readSites(asBody(body(ctx)).sites));
            const added = await fleet.provisionNew(id, sites);
            // The new worker answers the provision itself, so its journal and answer are the usual ones.
            const res = await requestJson(`${fleet.url(added)}/mock/mk6/${encodeURIComponent(id)}/provision`, {
                method: 'POST',
                body: { sites },
                internal: false, // journaled by the new worker as any provision
            }).catch((err) => {
                throw errors.mk6Unreachable(added.spec.id, err.code ?? err.message);
            });
            ctx.status = res.status;
            ctx.body = { ...res.body, spawned: true };
        },
        killMk6: async (ctx) => {
            const m = member(ctx);
            const kind = kindOf(body(ctx), OUTAGE_KINDS, 'refused');
            await fleet.kill(m, kind);
            if (kind === 'refused')
                return void (ctx.body = { mk6_id: m.spec.id, status: 'stopped', pid: null });
            ctx.body = { mk6_id: m.spec.id, kind, status: m.status, outage: kind, pid: (await fleet.processes()).get(m.app)?.pid ?? null };
        },
        restartMk6: async (ctx) => {
            const m = member(ctx);
            const kind = kindOf(body(ctx), RESTART_KINDS, 'warm');
            await fleet.restart(m, kind);
            const pid = (await fleet.processes()).get(m.app)?.pid ?? null;
            ctx.body = { mk6_id: m.spec.id, kind, status: m.status, pid, url: fleet.url(m) };
        },
        // ── the fleet live: Server-Sent Events (supervisor/session/stream.ts) ──
        getStream: (ctx) => fleetStream(fleet).attach(ctx),
        // ── the timeline of events on the fleet clock ──
        getTimeline: (ctx) => {
            ctx.body = fleet.timeline.view();
        },
        loadTimeline: async (ctx) => {
            let events;
            try {
                events = ctx.request.is('json') ? parseTimeline(body(ctx)) : parseTimelineText(await readTextBody(ctx), 'timeline');
            }
            catch (err) {
                throw err instanceof TimelineError ? err.toMk6Error() : err;
            }
            await fleet.timeline.load(events, 'POST /mock/timeline');
            ctx.body = fleet.timeline.view();
        },
        clearTimeline: (ctx) => {
            fleet.timeline.clear();
            ctx.body = fleet.timeline.view();
        },
        // ── the fleet journal (since_id is checked by the declaration's query validator), and what workers ask of the supervisor ──
        getJournal: async (ctx) => {
            const format = journalFormat(ctx.query.format);
            await flushWorkerJournals(fleet);
            ctx.body = journalBody(fleet.journal.since(parseSinceId(ctx.query.since_id)), format, `${ctx.protocol}://${ctx.host}`);
        },
        clearJournal: async (ctx) => {
            await flushWorkerJournals(fleet);
            fleet.journal.clear();
            ctx.body = { message: sentence(ctx, 'journalCleared'), count: 0 };
        },
        fleetListener: (ctx) => {
            if (!secretMatches(ctx.get(SECRET_HEADER) || undefined, fleet.secret))
                throw errors.notFound();
            ctx.body = fleet.pm instanceof ExternalProcesses ? fleet.pm.takeReopen(String(ctx.query.mk6_id ?? '')) : { open: false, kind: null };
        },
        fleetSettings: (ctx) => {
            if (!secretMatches(ctx.get(SECRET_HEADER) || undefined, fleet.secret))
                throw errors.notFound();
            ctx.body = { ...fleet.settings(), recording: recorderOf(fleet).on }; // a (re)started worker learns the recording too
        },
    };
}
/** `{"kind": …}` of kill and restart: absent (or no body) = the default; else one of the kinds, or 441. */
function kindOf(raw, kinds, fallback) {
    const kind = asBody(raw).kind;
    if (kind === undefined || kind === null)
        return fallback;
    if (typeof kind !== 'string' || !kinds.includes(kind)) {
        throw errors.invalidValue(say('fieldInvalidAmong', 'kind', String(JSON.stringify(kind)?.slice(0, 40)), kinds.join('|')), { field: 'kind', allowed: kinds });
    }
    return kind;
}
/** Entries still on their way from a worker are fetched first, so a read right after a call sees it (and a stop loses none). */
export async function flushWorkerJournals(fleet) {
    await Promise.all(fleet.onlineMembers().map((m) => requestJson(`${fleet.url(m)}/_worker/journal/flush`, { method: 'POST', timeoutMs: 300 }).catch(() => null)));
}
/** Each MK6's topology (from its worker, or remembered while it is down) merged with its process. */
/** The inventory; a process's `problem` in `lang` (`Content-Language` said by the caller). */
export async function fleetInventory(fleet, lang) {
    const processes = await fleet.processes();
    const mk6 = await Promise.all([...fleet.members.values()].map(async (m) => {
        let answered = false; // online means: it answers on its port now, not only that pm2 runs it
        if (m.status === 'online') {
            try {
                const res = await requestJson(`${fleet.url(m)}/mock/mk6`, { timeoutMs: 1000 });
                const entry = res.body?.mk6?.[0];
                if (res.status === 200 && entry) {
                    m.last = entry;
                    answered = true;
                }
            }
            catch {
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
            problem: m.problem?.(lang) ?? null,
        };
    }));
    return { count: mk6.length, fleet: fleet.fleet.name, engine: fleet.engine, mk6 };
}
