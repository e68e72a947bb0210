import { SYSTEM_CLOCK, isFleetClock } from '../../domain/clock.js';
import { errors } from '../../contract/errors.js';
import { anchorFromHeader, clockFromRequest, modeAnswer, modeFromRequest, releaseAnswer } from '../../contract/fleet-controls.js';
import { asBody } from '../../contract/schema/validate.js';
import { readAuth, readConstraint, readPlant, readSiteState } from '../../contract/commands.js';
import { readSites } from '../../contract/sites-body.js';
import { checkSites } from '../../domain/sites.js';
import { readMk6Clock } from '../../contract/mk6-clock.js';
import { effectiveState } from '../../domain/mk6.js';
import { parseSinceId } from '../../journal/journal.js';
import { clockView, inventoryEntry, mk6ClockOf, stateView, workerUrl } from './views.js';
import { FLEET_GEN_HEADER } from '../../shared/internal.js';
import { journalBody, journalFormat } from '../../journal/har.js';
import { recordingFlag } from './recording-flag.js';
import { answerHistory } from './history.js';
import { formatIso } from '../../domain/time.js';
import { answerJson } from '../../shared/json-answer.js';
import { processLogger } from '../../shared/log.js';
import { GATEWAY_TABLE, runGatewayRoute } from './gateway-api.js';
import { buildRouter } from '../../contract/routes/build-router.js';
import { routerRoutes } from '../../contract/routes/index.js';
import { say } from '../../i18n/api-messages.js';
import { sentence, answerLang } from '../../i18n/answer-lang.js';
/** The worker's router, built from the declarations the worker serves. */
export function workerRoutes(rt, journal, sink) {
    return buildRouter('worker', routerRoutes('worker'), workerHandlers(rt, journal, sink));
}
export function workerHandlers(rt, journal, sink) {
    const body = (ctx) => ctx.request.body;
    /** Runs a change, persists it (whatever happened), answers its result. */
    const change = async (ctx, apply, status = 200) => {
        try {
            answerJson(ctx, apply(), status);
        }
        finally {
            await rt.commit();
        }
    };
    /**
     * The fleet's clock and mode as the supervisor broadcasts them: the supervisor holds them
     * durably (supervisor.json) and gives them again to a worker that restarts, so the worker
     * answers at once and persists behind (within a second); a broadcast to 250 workers does not
     * wait for 250 fsyncs. Sent to the worker's own port by anyone else, the change is durable
     * before the answer.
     */
    const fleetChange = (ctx, apply) => {
        if (ctx.state.trusted !== true || !ctx.get(FLEET_GEN_HEADER))
            return change(ctx, apply);
        answerJson(ctx, apply());
        rt.persistBehind((err) => processLogger().error({ mk6_id: rt.config.id, err: String(err) }, 'persisting the fleet clock/mode'));
    };
    /** Internal routes answer the supervisor only (its secret); anyone else meets an unknown route. */
    const internalOnly = (ctx, next) => {
        if (ctx.state.trusted !== true)
            throw errors.notFound();
        return next();
    };
    /** A broadcast of the supervisor carries the generation of the fleet's clock and mode. */
    const noteGen = (ctx) => {
        if (ctx.state.trusted === true && ctx.get(FLEET_GEN_HEADER))
            rt.noteFleetGen(Number(ctx.get(FLEET_GEN_HEADER)));
    };
    const siteAnswer = (site) => ({
        mk6_id: rt.config.id,
        sycode: site.sycode,
        state: effectiveState(site),
        base_state: site.state,
        fault: site.fault,
    });
    const gateway = Object.fromEntries(GATEWAY_TABLE.map((route) => [route.declaration.id, async (ctx) => {
            const out = await runGatewayRoute(rt, route, ctx.params, body(ctx));
            answerJson(ctx, out.body, out.status);
        }]));
    const inventory = (ctx) => {
        answerJson(ctx, { count: 1, mk6: [inventoryEntry(rt)] });
    };
    const networkChange = (ctx, apply, status = 200) => change(ctx, () => {
        const out = apply();
        rt.networkChanged();
        return out;
    }, status);
    /** A soft outage of this MK6 (offline), or its end. */
    const soft = (ctx, offline) => change(ctx, () => {
        rt.mk6.setOffline(offline);
        return { mk6_id: rt.config.id, online: !offline };
    });
    return {
        ...gateway, // the MK6 gateway API (gateway-api.ts; the worker's fast lane answers the same declarations)
        // ── mock control of this MK6 ──
        getInventory: inventory,
        getSupervisionInventory: inventory,
        provision: (ctx) => change(ctx, () => {
            const sites = rt.mk6.provision(checkSites(readSites(asBody(body(ctx)).sites)));
            return {
                mk6_id: rt.config.id,
                sites: sites.length,
                thissite: sites.find((s) => s.role === 'thissite')?.sycode,
                nearsite: sites.filter((s) => s.role === 'nearsite').map((s) => s.sycode),
                port: rt.config.port,
                url: workerUrl(rt.config.host, rt.config.port),
            };
        }),
        getState: (ctx) => {
            answerJson(ctx, stateView(rt));
        },
        setSiteState: (ctx) => change(ctx, () => siteAnswer(rt.mk6.setSiteState(ctx.params.sycode, readSiteState(body(ctx)), rt.now()))),
        setFault: (ctx) => change(ctx, () => siteAnswer(rt.mk6.setFault(ctx.params.sycode, true, rt.now()))),
        clearFault: (ctx) => change(ctx, () => siteAnswer(rt.mk6.setFault(ctx.params.sycode, false, rt.now()))),
        setOffline: (ctx) => soft(ctx, true),
        setOnline: (ctx) => soft(ctx, false),
        setAuth: (ctx) => change(ctx, () => ({ mk6_id: rt.config.id, auth: rt.mk6.setAuth(readAuth(body(ctx))) })),
        injectExternal: (ctx) => change(ctx, () => {
            const now = rt.now();
            const site = rt.mk6.injectConstraint(ctx.params.sycode, readConstraint(body(ctx)), now);
            return {
                sycode: site.sycode,
                external_constraint: rt.mk6.viewConstraint(site, now, true),
                active: rt.mk6.viewConstraint(site, now) !== null,
            };
        }),
        clearExternal: (ctx) => change(ctx, () => ({ sycode: rt.mk6.clearConstraint(ctx.params.sycode, rt.now()).sycode, external_constraint: null })),
        // ── the plant behind each site (src/domain/plant.ts, profiles.ts) and the history export ──
        getPlant: (ctx) => {
            answerJson(ctx, { mk6_id: rt.config.id, ...rt.mk6.plantView(ctx.params.sycode, rt.now()) });
        },
        setPlant: (ctx) => change(ctx, () => {
            const now = rt.now();
            rt.mk6.setPlant(ctx.params.sycode, readPlant(body(ctx)), now);
            return { mk6_id: rt.config.id, ...rt.mk6.plantView(ctx.params.sycode, now) };
        }),
        getHistory: (ctx) => answerHistory(ctx, rt.mk6, rt.config.id),
        // ── network conditions of this MK6 (src/network/) ──
        getNetwork: (ctx) => {
            answerJson(ctx, { mk6_id: rt.config.id, conditions: rt.network.report(), outage: rt.network.outage });
        },
        addNetworkCondition: (ctx) => networkChange(ctx, () => ({ mk6_id: rt.config.id, condition: rt.network.add(body(ctx)) }), 201),
        removeNetworkCondition: (ctx) => networkChange(ctx, () => ({ mk6_id: rt.config.id, removed: rt.network.remove(ctx.params.name) })),
        clearNetwork: (ctx) => networkChange(ctx, () => {
            const removed = rt.network.list();
            rt.network.replaceAll([]);
            return { mk6_id: rt.config.id, removed };
        }),
        // ── the MK6's own clock (src/domain/mk6-clock.ts): its time is what the MK6 says and decides by ──
        getMk6Clock: (ctx) => {
            answerJson(ctx, mk6ClockOf(rt));
        },
        setMk6Clock: (ctx) => change(ctx, () => {
            rt.setOwnClock(readMk6Clock(body(ctx)));
            return mk6ClockOf(rt);
        }),
        resetMk6Clock: (ctx) => change(ctx, () => {
            rt.setOwnClock(null);
            return mk6ClockOf(rt);
        }),
        // ── fleet-wide controls (broadcast by the supervisor, or sent here directly) ──
        getTime: (ctx) => {
            answerJson(ctx, clockView(rt.clock));
        },
        setTime: (ctx) => fleetChange(ctx, () => {
            const { clock, echo } = clockFromRequest(body(ctx), rt.clock, anchorFromHeader(ctx.get('x-mk6-clock-anchor'), Date.now()));
            rt.setClock(clock);
            noteGen(ctx);
            return echo;
        }),
        releaseTime: (ctx) => fleetChange(ctx, () => {
            rt.setClock(SYSTEM_CLOCK);
            noteGen(ctx);
            return releaseAnswer(answerLang(ctx));
        }),
        getMode: (ctx) => {
            answerJson(ctx, { mode: rt.mode });
        },
        setMode: (ctx) => fleetChange(ctx, () => {
            const mode = modeFromRequest(body(ctx));
            rt.setMode(mode);
            noteGen(ctx);
            return modeAnswer(mode, answerLang(ctx));
        }),
        reset: (ctx) => change(ctx, () => {
            rt.reset();
            noteGen(ctx);
            journal.clear();
            return { message: sentence(ctx, 'mockReset'), mk6_id: rt.config.id };
        }),
        // ── journal (since_id is checked by the declaration's query validator) ──
        getJournal: (ctx) => {
            answerJson(ctx, journalBody(journal.since(parseSinceId(ctx.query.since_id)), journalFormat(ctx.query.format), `${ctx.protocol}://${ctx.host}`));
        },
        clearJournal: (ctx) => {
            journal.clear();
            answerJson(ctx, { message: sentence(ctx, 'journalCleared'), count: 0 });
        },
        // ── the supervisor's internal calls ──
        /** The fleet records the gateway's calls: forward the bodies the journal cuts, uncut (supervisor/recording.ts). */
        workerRecording: [internalOnly, (ctx) => {
                recordingFlag.on = asBody(body(ctx)).on === true;
                answerJson(ctx, { mk6_id: rt.config.id, recording: recordingFlag.on });
            }],
        workerFlushJournal: [internalOnly, async (ctx) => {
                await sink?.flush();
                answerJson(ctx, { flushed: true });
            }],
        /** The supervisor's kill {kind: blackhole|reset} (and `none` to lift it): in memory, gone with the process. */
        workerOutage: [internalOnly, (ctx) => {
                const outage = rt.network.setOutage(body(ctx));
                if (outage === null)
                    rt.network.releaseHeld();
                answerJson(ctx, { mk6_id: rt.config.id, outage });
            }],
        /** Each site's values for the front's live stream (GET /mock/stream): not journaled, like every internal call. */
        workerTelemetry: [internalOnly, (ctx) => {
                const now = rt.now();
                const sites = {};
                for (const [sycode, v] of Object.entries(rt.mk6.siteViews(now)))
                    sites[sycode] = { pavailable: v.pavailable, pactive: v.pactive, consigne: v.psetpoint_recu, state: v.state };
                answerJson(ctx, { mk6_id: rt.config.id, sim_time: formatIso(rt.fleetNow()), sites }); // values on the MK6's time, charted on the fleet's
            }],
        workerHealth: [internalOnly, (ctx) => {
                const process_ = { pid: process.pid, memory_bytes: process.memoryUsage.rss(), uptime_s: Math.round(process.uptime()) }; // the external engine's inventory
                answerJson(ctx, { mk6_id: rt.config.id, ...process_, status: 'ready', outage: rt.network.outage, clock: rt.clock, mk6_clock: rt.ownClock, mode: rt.mode, fleet_gen: rt.fleetGen, fast_lane_calls: rt.fastLaneCalls });
            }],
        /** Engine external: the supervisor's kill refused closes the port once this answer is out; its restart reopens it before answering (src/worker/listener.ts). */
        workerListener: [internalOnly, async (ctx) => {
                const b = asBody(body(ctx));
                const control = rt.listener;
                if (!control)
                    throw errors.notFound();
                if (b.open === false) {
                    ctx.res.once('finish', () => control.close());
                    return answerJson(ctx, { mk6_id: rt.config.id, open: false });
                }
                const kind = b.kind === 'cold' ? 'cold' : 'warm';
                await control.reopen(kind);
                answerJson(ctx, { mk6_id: rt.config.id, open: true, kind });
            }],
        /** The fleet's clock and mode pushed to one MK6 that missed a broadcast (it was starting). */
        workerFleet: [internalOnly, (ctx) => change(ctx, () => {
                const b = asBody(body(ctx));
                const gen = Number(b.gen);
                if (!isFleetClock(b.clock) || (b.mode !== 'mock' && b.mode !== 'production') || !Number.isSafeInteger(gen)) {
                    throw errors.badRequest(say('fleetSettingsInvalid'));
                }
                return { mk6_id: rt.config.id, applied: rt.applyFleet({ clock: b.clock, mode: b.mode, gen }), fleet_gen: rt.fleetGen };
            })],
    };
}
