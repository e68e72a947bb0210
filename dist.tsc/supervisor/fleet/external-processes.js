/**
 * The external engine (`engine: external`, docs/engines.md): workers someone else runs (pods,
 * systemd, a script), adopted at each MK6's host/port. Nothing is spawned; it wears the
 * ProcessManager's face so the supervisor's code runs as with pm2: a list is each worker's own
 * word on `/_worker/health`, a stop closes the worker's listener (its port refuses), a restart
 * reopens it. A worker whose listener is closed cannot be called: it asks the front
 * (`GET /_fleet/listener`) until a restart is waiting for it.
 */
import net from 'node:net';
import { requestJson } from '../../src/shared/http-client.js';
import { sayFleet } from '../../src/i18n/fleet-messages.js';
/** How long a stop waits for the worker's port to refuse, and a health call for its answer. */
const STOP_WAIT_MS = 3000;
const HEALTH_TIMEOUT_MS = 1000;
export class ExternalProcesses {
    engine = 'external';
    home = '';
    startedDaemon = false;
    targets = new Map();
    /** Restarts waiting for a worker whose listener is closed, by MK6 id: it takes them when it asks. */
    reopening = new Map();
    recent = null;
    /** The supervisor names each MK6's app and URL (FleetSupervisor's constructor). */
    watch(app, id, url) {
        const known = this.targets.get(app);
        this.targets.set(app, { id, url, pid: known?.pid ?? null, restarts: known?.restarts ?? 0 });
    }
    async connect() { }
    /** Never reached (the launcher adopts instead): nothing is spawned here. */
    async start(app) {
        throw new Error(`engine external: ${app.name} is started by its own engine, not by the supervisor`);
    }
    /** `kill refused`: the worker closes its listener; resolves once its port refuses. */
    async stop(name) {
        const t = this.target(name);
        this.recent = null;
        const ask = () => requestJson(`${t.url}/_worker/listener`, { method: 'POST', body: { open: false }, timeoutMs: 2000 }).catch(() => null);
        let res = await ask();
        if (res && res.status !== 200)
            throw new Error(`${t.id}: listener: ${res.status}`);
        for (const until = Date.now() + STOP_WAIT_MS; Date.now() < until;) {
            if (await refusesConnections(t.url))
                return;
            await new Promise((r) => setTimeout(r, 25));
            // No answer is not a refusal: the ask may have gone on a pooled connection the worker had just closed.
            if (res === null)
                res = await ask();
        }
    }
    restart(name) {
        return this.reopen(name, 'warm');
    }
    /**
     * `restart warm|cold`: a worker that answers closes and reopens its listener at once (cold:
     * its planning dropped); one whose listener is closed is told when it next asks the front.
     */
    async reopen(name, kind) {
        const t = this.target(name);
        this.recent = null;
        this.reopening.delete(t.id);
        const res = await requestJson(`${t.url}/_worker/listener`, { method: 'POST', body: { open: true, kind }, timeoutMs: 2000 }).catch(() => null);
        if (res?.status !== 200)
            this.reopening.set(t.id, kind);
    }
    /** A closed worker asks: a restart waiting for it, taken once. */
    takeReopen(id) {
        const kind = this.reopening.get(id) ?? null;
        this.reopening.delete(id);
        return { open: kind !== null, kind };
    }
    /** Not ours to remove: the worker's engine owns it. */
    async delete(_name) { }
    /**
     * One round of health calls shared by the callers that ask while it runs, never kept after:
     * unlike pm2's list it is cheap, and an answer from before a restart would say the port refuses.
     */
    listRecent(prefix) {
        this.recent ??= this.list('').finally(() => (this.recent = null));
        return this.recent.then((all) => all.filter((p) => p.name.startsWith(prefix)));
    }
    /** Each worker as it answers now: `online` with its pid, `slow` (no answer in time), else `unreachable` (killed, rebooting, not there yet). */
    async list(prefix) {
        const apps = [...this.targets.entries()].filter(([name]) => name.startsWith(prefix));
        return Promise.all(apps.map(async ([name, t]) => {
            const answer = await this.healthOf(t, HEALTH_TIMEOUT_MS);
            const h = typeof answer === 'string' ? null : answer;
            if (h && t.pid !== null && h.pid !== t.pid)
                t.restarts++;
            if (h)
                t.pid = h.pid;
            return {
                name,
                status: h ? 'online' : answer === 'slow' ? 'slow' : 'unreachable',
                pid: h?.pid ?? null,
                restarts: t.restarts,
                memory_bytes: h?.memory_bytes ?? 0,
                uptime_s: h?.uptime_s ?? null,
                env: {},
            };
        }));
    }
    /** No daemon of ours. */
    daemonAlive() {
        return false;
    }
    async killDaemon() { }
    disconnect() { }
    target(name) {
        const t = this.targets.get(name);
        if (!t)
            throw new Error(`engine external: unknown app ${name}`);
        return t;
    }
    /**
     * The worker's word; `slow` when it did not answer in time (a loaded machine: nothing is
     * concluded), `unreachable` when its port refuses, its name does not resolve, or another answers.
     */
    async healthOf(t, timeoutMs) {
        let slow = false;
        const res = await requestJson(`${t.url}/_worker/health`, { timeoutMs }).catch((err) => {
            slow = err.code === undefined && err.message === 'timeout';
            return null;
        });
        if (slow)
            return 'slow';
        const body = (res?.status === 200 ? res.body : null);
        return body?.mk6_id === t.id && typeof body.pid === 'number' ? { pid: body.pid, memory_bytes: body.memory_bytes, uptime_s: body.uptime_s } : 'unreachable';
    }
}
/**
 * A new connection to `url` is refused: what `kill refused` promises. (A health call that fails
 * is not enough: on a loaded machine it may time out, or meet a pooled connection the worker
 * closed, while the port still accepts.)
 */
function refusesConnections(url) {
    const { hostname, port } = new URL(url);
    return new Promise((done) => {
        const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
        socket.setTimeout(300, () => (socket.destroy(), done(false)));
        socket.once('connect', () => (socket.destroy(), done(false)));
        socket.once('error', (err) => done(err.code === 'ECONNREFUSED'));
    });
}
/**
 * The workers' word read into each member (FleetSupervisor.processes with the external engine):
 * an MK6 that answers is online (one killed `refused` that answers again was restarted by its
 * engine); one that does not is stopped if killed on purpose, else errored until it answers.
 */
export function readExternalView(members, byApp, busy, back) {
    for (const m of members) {
        if (busy(m))
            continue;
        const p = byApp.get(m.app);
        if (p?.status === 'slow')
            continue; // no answer in time: nothing concluded
        if (p?.status === 'online' && p.pid !== null) {
            const reborn = m.status !== 'online' || (m.pid !== null && p.pid !== m.pid);
            if (m.outage === 'refused')
                m.outage = null;
            m.status = 'online';
            m.problem = null;
            if (reborn)
                back(m, m.pid, p.pid);
            m.pid = p.pid;
        }
        else if (m.outage === 'refused')
            m.status = 'stopped';
        else if (m.status !== 'starting') {
            m.status = 'errored';
            m.problem = sayFleet('notAnswering', `${m.spec.host}:${m.spec.port}`, 'engine external');
        }
    }
}
