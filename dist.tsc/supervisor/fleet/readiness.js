import { sameSettings } from './launcher.js';
import { offsetText } from '../../src/contract/mk6-clock.js';
export async function readiness(fleet) {
    const processes = fleet.phase === 'starting' ? null : await fleet.processes().catch(() => null);
    const entries = await Promise.all([...fleet.members.values()].map(async (m) => {
        const [state, blocking] = await memberReadiness(fleet, m, processes?.get(m.app)?.pid ?? null);
        return [m.spec.id, state, blocking];
    }));
    const own = [...fleet.members.values()].filter((m) => m.clock !== null);
    return {
        ready: fleet.phase === 'running' && entries.every(([, , blocking]) => !blocking),
        engine: fleet.engine,
        phase: fleet.phase,
        mk6: Object.fromEntries(entries.map(([id, state]) => [id, state])),
        ...(own.length ? { clocks: Object.fromEntries(own.map((m) => [m.spec.id, { offset: offsetText(m.clock.offsetMs), offset_ms: Math.round(m.clock.offsetMs), drift_ppm: m.clock.driftPpm }])) } : {}),
    };
}
/** What one MK6 waits for ('ready' when nothing), and whether the fleet waits for it. */
async function memberReadiness(fleet, m, pm2Pid) {
    if (m.status === 'stopped')
        return [m.outage === 'refused' ? 'stopped (kill)' : 'stopped', false];
    if (m.status === 'errored')
        return [`errored: ${m.problem?.('en') ?? 'unknown'}`, true]; // /readyz's states are English machine text
    if (m.status === 'starting' || fleet.busy(m))
        return [m.status === 'starting' ? 'starting' : 'changing', true];
    const health = await fleet.health(m);
    if (!health)
        return [`not answering on port ${m.spec.port}`, true];
    m.clock = health.mk6_clock ?? null; // its own clock is not the fleet's to judge: shown apart (clocks)
    if (pm2Pid !== null && health.pid !== pm2Pid)
        return [`port ${m.spec.port} held by pid ${health.pid}, pm2 runs pid ${pm2Pid}`, true];
    if (health.mode !== fleet.mode)
        return [`mode ${health.mode}, fleet ${fleet.mode}`, true];
    if (!sameSettings(health, fleet.settings()))
        return ['clock differs from the fleet', true];
    if (m.outage)
        return [`outage ${m.outage} (kill)`, false];
    return ['ready', false];
}
