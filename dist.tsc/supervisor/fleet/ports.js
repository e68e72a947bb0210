/** Port checks on this machine: is a port free, and which free one comes next. */
import net from 'node:net';
import { workerUrl } from '../../src/worker/http/views.js';
import { requestJson } from '../../src/shared/http-client.js';
import { SECRET_HEADER } from '../../src/shared/internal.js';
import { sayFile } from '../../src/i18n/file-messages.js';
export function isPortFree(host, port) {
    return new Promise((resolve) => {
        const server = net.createServer();
        server.once('error', () => resolve(false));
        server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
    });
}
/** A port the kernel says is free now (port 0), for fleets that ask for any port. */
export function anyFreePort(host) {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen({ host, port: 0, exclusive: true }, () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}
/**
 * The fleet file's fixed worker ports that something else already holds on this machine,
 * as `file:line mk6[i].port: …` faults, checked before anything starts. A port held by this
 * very MK6's worker of an earlier run (its supervisor died) is not a fault: it is adopted.
 */
export async function portsTaken(fleet, secret) {
    const problems = await Promise.all(fleet.mk6.map(async (spec, i) => {
        if (spec.port === 0 || (await isPortFree(spec.host, spec.port)))
            return null;
        // With the fleet's secret, a worker in a kill outage (blackhole, reset) still says who it is.
        const path = secret ? '/_worker/health' : '/healthz';
        const headers = secret ? { [SECRET_HEADER]: secret } : {};
        const health = await requestJson(`${workerUrl(spec.host, spec.port)}${path}`, { timeoutMs: 1000, headers }).catch(() => null);
        if (health?.status === 200 && health.body?.mk6_id === spec.id)
            return null;
        const taken = sayFile('portTakenHere', spec.port, spec.id);
        return (lang) => `${fleet.file}:${spec.line} mk6[${i}].port: ${taken(lang)}`;
    }));
    return problems.filter((p) => p !== null);
}
/**
 * Where the fleet's workers listen. The fleet file's places are known before anything
 * starts; a port of 0 gets a free one (a live worker of an earlier run keeps its own); a
 * provisioned MK6 gets the first free place after them all (the next port above them, or
 * with `address_per_mk6` the next address of the range on the common port), reserved
 * before the check that it is free, so two provisions at once never get the same one, nor
 * a place of the fleet file.
 */
export class PortBook {
    workers;
    used;
    /** Places handed to MK6s being provisioned, before they are members ("host:port"). */
    reserved = new Set();
    constructor(workers, 
    /** Where every member listens now. */
    used) {
        this.workers = workers;
        this.used = used;
    }
    async assign(members) {
        const taken = new Set(this.used().map(place));
        for (const { spec, adopted } of members) {
            if (spec.port !== 0)
                continue;
            const earlier = Number(adopted?.env.MK6_PORT ?? 0);
            let port = adopted?.status === 'online' && earlier > 0 && !taken.has(place({ host: spec.host, port: earlier })) ? earlier : 0;
            // The kernel may hand the same free port out twice in a row: never give it to two MK6s.
            while (port === 0 || taken.has(place({ host: spec.host, port })))
                port = await anyFreePort(spec.host);
            taken.add(place({ host: spec.host, port }));
            spec.port = port;
        }
    }
    async reserve() {
        const used = new Set([...this.used().map(place), ...this.reserved]);
        for (const candidate of this.candidates()) {
            const key = place(candidate);
            if (used.has(key))
                continue;
            this.reserved.add(key);
            if (await isPortFree(candidate.host, candidate.port))
                return candidate;
            this.reserved.delete(key);
            used.add(key);
        }
        const host = this.workers.host;
        for (;;) {
            const port = await anyFreePort(host);
            if (!used.has(place({ host, port })) && !this.reserved.has(place({ host, port }))) {
                this.reserved.add(place({ host, port }));
                return { host, port };
            }
        }
    }
    /** The MK6 holds it now (or never will): no longer a reservation. */
    release(at) {
        this.reserved.delete(place(at));
    }
    *candidates() {
        const range = this.workers.addresses;
        if (range && this.workers.port) {
            for (let i = 0; i < range.size; i++)
                yield { host: range.address(i), port: this.workers.port };
            return;
        }
        const ports = this.used().filter((u) => u.host === this.workers.host).map((u) => u.port);
        for (let port = Math.max(9100, ...ports) + 1; port <= 65535; port++)
            yield { host: this.workers.host, port };
    }
}
const place = (at) => `${at.host}:${at.port}`;
