/**
 * The fleet's Prometheus metrics (prom-client, own registry). Counted from the fleet
 * journal's entries, which every worker forwards whether the call came through the front
 * or straight to its port; plus what the front itself sees (proxy and fleet routes), and
 * gauges read at scrape time (up/down, pm2 restarts, journal size).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
/** Endpoint labels kept as they are; anything else is `other` (bounded label values). */
const ENDPOINTS = new Set([
    'monitoring', 'monitoring/sites', 'monitoring/sites/{sycode}', 'monitoring/planning', 'requests', 'planning', 'planning/{request_id}',
    'inventory', 'provision', 'state', 'site-state', 'fault', 'offline', 'online', 'auth', 'inject_external', 'kill', 'restart',
    'time', 'time/release', 'reset', 'mode', 'network', 'api/inventory', 'api/time', 'api/mode',
]);
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
export class FleetMetrics {
    fleet;
    registry = new Registry();
    requests;
    latency;
    accepted;
    refused;
    frontRequests;
    frontLatency;
    constructor(fleet) {
        this.fleet = fleet;
        const registers = [this.registry];
        collectDefaultMetrics({ register: this.registry, prefix: 'mk6_supervisor_' });
        this.requests = new Counter({
            name: 'mk6_requests_total',
            help: 'Requests answered by the MK6 workers (via the front or on their own port), from the fleet journal',
            labelNames: ['mk6_id', 'source', 'endpoint', 'method', 'status'],
            registers,
        });
        this.latency = new Histogram({
            name: 'mk6_request_duration_seconds',
            help: 'Time a worker took to answer, from the fleet journal',
            labelNames: ['mk6_id', 'endpoint'],
            buckets: LATENCY_BUCKETS,
            registers,
        });
        this.accepted = new Counter({ name: 'mk6_setpoints_accepted_total', help: 'POST requests accepted (201, or 200 for main_reset), by set', labelNames: ['mk6_id', 'set'], registers });
        this.refused = new Counter({ name: 'mk6_setpoints_refused_total', help: 'POST requests refused, by the contract error code', labelNames: ['mk6_id', 'code'], registers });
        this.frontRequests = new Counter({
            name: 'mk6_front_requests_total',
            help: 'Requests the front answered: proxied to an MK6 (route=proxy) or its own (route=fleet)',
            labelNames: ['route', 'mk6_id', 'status'],
            registers,
        });
        this.frontLatency = new Histogram({ name: 'mk6_front_request_duration_seconds', help: 'Time the front took to answer, proxy included', labelNames: ['route'], buckets: LATENCY_BUCKETS, registers });
        const members = () => [...fleet.members.values()];
        new Gauge({
            name: 'mk6_up',
            help: '1 when the MK6 worker process is online, 0 when stopped, starting or errored',
            labelNames: ['mk6_id'],
            registers,
            collect() {
                this.reset();
                for (const m of members())
                    this.set({ mk6_id: m.spec.id }, m.status === 'online' ? 1 : 0);
            },
        });
        new Gauge({
            name: 'mk6_worker_restarts',
            help: 'Times pm2 restarted the MK6 worker (crashes, SIGKILL)',
            labelNames: ['mk6_id'],
            registers,
            async collect() {
                const processes = await fleet.processes().catch(() => new Map());
                this.reset();
                for (const m of members())
                    this.set({ mk6_id: m.spec.id }, processes.get(m.app)?.restarts ?? 0);
            },
        });
        new Gauge({
            name: 'mk6_journal_entries',
            help: 'Entries held by the fleet journal (the newest 1000 are kept)',
            registers,
            collect() {
                this.set(fleet.journal.size);
            },
        });
        new Gauge({
            name: 'mk6_journal_last_id',
            help: 'Id of the newest fleet journal entry (ever increasing)',
            registers,
            collect() {
                this.set(fleet.journal.latestId);
            },
        });
    }
    /** One journal entry a worker forwarded. */
    observeEntry(entry) {
        const mk6_id = this.mk6Label(entry.mk6_id);
        const endpoint = entry.endpoint !== null && ENDPOINTS.has(entry.endpoint) ? entry.endpoint : 'other';
        const status = String(entry.status);
        this.requests.inc({ mk6_id, source: entry.source, endpoint, method: entry.method, status });
        if (typeof entry.duration_ms === 'number')
            this.latency.observe({ mk6_id, endpoint }, entry.duration_ms / 1000);
        if (entry.source !== 'GW' || endpoint !== 'requests' || entry.method !== 'POST')
            return;
        if (entry.status < 300) {
            const set = entry.req_body?.set;
            this.accepted.inc({ mk6_id, set: set === 'Psetpoint' || set === 'stop' || set === 'main_reset' ? set : 'other' });
        }
        else {
            const code = entry.resp_body?.error;
            this.refused.inc({ mk6_id, code: typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : String(entry.status) });
        }
    }
    /** One request the front answered. */
    observeFront(route, mk6Id, status, seconds) {
        this.frontRequests.inc({ route, mk6_id: mk6Id === null ? '' : this.mk6Label(mk6Id), status: String(status) });
        this.frontLatency.observe({ route }, seconds);
    }
    /** A known MK6 by its own id (aliases folded), else `unknown`: label values stay bounded. */
    mk6Label(id) {
        if (id === null)
            return 'none';
        return this.fleet.resolve(id)?.spec.id ?? 'unknown';
    }
}
