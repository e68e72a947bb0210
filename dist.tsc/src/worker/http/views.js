/** Answers of the mock control API that several routes (and the supervisor) share. */
import { effectiveState } from '../../domain/mk6.js';
import { simulatedNow } from '../../domain/clock.js';
import { formatIso } from '../../domain/time.js';
import { mk6ClockView } from '../../contract/mk6-clock.js';
/** The MK6's own clock as it says it (GET /mock/mk6/{id}/clock, the inventory, the state). */
export function mk6ClockOf(rt) {
    return mk6ClockView(rt.config.id, rt.ownClock, rt.fleetNow());
}
export function clockView(clock, realNow = Date.now()) {
    const now = formatIso(simulatedNow(clock, realNow));
    if (clock.source === 'system')
        return { now, source: 'system' };
    return { now, source: 'mock', ...(clock.speed !== 0 ? { speed: clock.speed } : { frozen: true }) };
}
export function workerUrl(host, port) {
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
/** This worker as one entry of the fleet inventory. */
export function inventoryEntry(rt) {
    const sites = rt.mk6.siteList();
    const { host, port } = rt.config;
    return {
        mk6_id: rt.config.id,
        aliases: rt.config.aliases,
        thissite: sites.find((s) => s.role === 'thissite')?.sycode ?? null,
        sycodes: sites.map((s) => s.sycode),
        sites: sites.map((s) => ({
            sycode: s.sycode,
            name: s.name,
            role: s.role,
            pmax_kw: s.pmax_kw,
            prm_id: s.prm_id,
            state: effectiveState(s),
            fault: s.fault,
            ...(s.dynamics ? { dynamics: s.dynamics } : {}),
            ...(s.profile ? { profile: s.profile } : {}),
        })),
        network: { host, port, url: workerUrl(host, port) },
        process: {
            status: 'online',
            pid: process.pid,
            restarts: Number(process.env.restart_time ?? 0) || 0,
            memory_bytes: process.memoryUsage.rss(),
            uptime_s: Math.round((Date.now() - rt.startedAt) / 1000),
        },
        online: !rt.mk6.isOffline,
        auth: { enabled: rt.mk6.requiredToken !== null },
        mode: rt.mode,
        network_conditions: rt.network.list(),
        outage: rt.network.outage,
        clock: mk6ClockOf(rt),
    };
}
/** The worker's whole state, for /mock/mk6/{id}/state. Never the auth token. */
export function stateView(rt) {
    const now = rt.now();
    const mk6 = rt.mk6;
    const views = mk6.siteViews(now);
    const sites = {};
    for (const site of mk6.siteList()) {
        sites[site.sycode] = {
            ...views[site.sycode],
            base_state: site.state,
            configured_constraint: mk6.viewConstraint(site, now, true),
            dynamics: site.dynamics ?? null,
            profile: site.profile ?? null,
        };
    }
    return {
        mk6_id: rt.config.id,
        aliases: rt.config.aliases,
        sites,
        planning: mk6.allRequests(now),
        request_counter: mk6.toMeta().counter,
        next_request_id: mk6.nextRequestId,
        offline: mk6.isOffline,
        network_conditions: rt.network.list(),
        auth: { enabled: mk6.requiredToken !== null },
        clock: clockView(rt.clock),
        mk6_clock: mk6ClockOf(rt),
        mode: rt.mode,
    };
}
