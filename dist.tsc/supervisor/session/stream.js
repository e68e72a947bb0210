import { errors } from '../../src/contract/errors.js';
import { requestJson } from '../../src/shared/http-client.js';
import { say } from '../../src/i18n/api-messages.js';
export const STREAM_MIN_INTERVAL_MS = 100;
export const STREAM_MAX_INTERVAL_MS = 60_000;
export const STREAM_MAX_CLIENTS = 64;
/** Bytes a client may leave unread before it is dropped. */
export const STREAM_MAX_BUFFER = Number(process.env.MK6_STREAM_MAX_BUFFER) > 0 ? Number(process.env.MK6_STREAM_MAX_BUFFER) : 256 * 1024;
const KEEPALIVE_MS = 15_000;
/** One stream service per fleet. */
const services = new WeakMap();
export function fleetStream(fleet) {
    let s = services.get(fleet);
    if (!s)
        services.set(fleet, (s = new FleetStream(fleet)));
    return s;
}
export class FleetStream {
    fleet;
    clients = new Set();
    sample = null;
    sampling = null;
    constructor(fleet) {
        this.fleet = fleet;
    }
    get clientCount() {
        return this.clients.size;
    }
    /** Answers the request with the stream; it lasts until the client leaves, is dropped, or reaches `limit`. */
    attach(ctx) {
        const options = streamOptions(ctx);
        if (this.clients.size >= STREAM_MAX_CLIENTS) {
            throw errors.streamFull(STREAM_MAX_CLIENTS, 5);
        }
        // The answer is written here, not by Koa: an event stream has no end for Koa to pipe.
        ctx.respond = false;
        const res = ctx.res;
        ctx.req.socket.setTimeout(0);
        ctx.req.socket.setNoDelay(true);
        res.writeHead(200, {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-cache, no-transform',
            'x-accel-buffering': 'no',
            connection: 'keep-alive',
        });
        let lastId = options.sinceId ?? this.fleet.events.latestId;
        const lastSent = new Map();
        let sent = 0;
        let closed = false;
        let ticking = false;
        let lastWrite = Date.now();
        const close = () => {
            if (closed)
                return;
            closed = true;
            clearInterval(timer);
            this.clients.delete(close);
            res.end();
        };
        const drop = () => {
            if (closed)
                return;
            closed = true;
            clearInterval(timer);
            this.clients.delete(close);
            res.destroy(); // a slow reader: its buffered output goes with it
        };
        const write = (text) => {
            if (closed)
                return false;
            // What the client has not read yet, past what the kernel holds: the response's buffer and the socket's.
            if (res.writableLength + (res.socket?.writableLength ?? 0) > STREAM_MAX_BUFFER) {
                drop();
                return false;
            }
            res.write(text);
            lastWrite = Date.now();
            return true;
        };
        const send = (event, data, id) => {
            if (!write(`event: ${event}\n${id !== undefined ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`))
                return false;
            if (options.limit !== null && ++sent >= options.limit) {
                close();
                return false;
            }
            return true;
        };
        const tick = async () => {
            if (closed || ticking)
                return;
            ticking = true;
            try {
                if (options.fleet) {
                    for (const e of this.fleet.events.since(lastId)) {
                        lastId = e.id;
                        if (!send('fleet', e, e.id))
                            return;
                    }
                }
                if (options.telemetry) {
                    for (const t of await this.telemetry(options.intervalMs / 2)) {
                        const key = JSON.stringify(t.sites);
                        if (lastSent.get(t.mk6_id) === key)
                            continue;
                        lastSent.set(t.mk6_id, key);
                        if (!send('telemetry', t))
                            return;
                    }
                }
                if (Date.now() - lastWrite >= KEEPALIVE_MS)
                    write(': keepalive\n\n');
            }
            finally {
                ticking = false;
            }
        };
        const timer = setInterval(() => void tick().catch(() => close()), options.intervalMs);
        this.clients.add(close);
        res.on('close', close);
        res.on('error', () => close());
        write(`retry: 2000\n: mk6 fleet stream, interval ${options.intervalMs} ms\n\n`);
        void tick().catch(() => close());
    }
    /** Every online MK6's sites, sampled at most once per `maxAgeMs` for all clients together. */
    telemetry(maxAgeMs) {
        if (this.sample && Date.now() - this.sample.at < maxAgeMs)
            return Promise.resolve(this.sample.values);
        if (this.sampling)
            return this.sampling;
        const members = this.fleet.onlineMembers();
        const started = Date.now();
        this.sampling = Promise.all(members.map((m) => this.sampleOne(m)))
            .then((all) => {
            const values = all.filter((t) => t !== null);
            this.sample = { at: started, values };
            return values;
        })
            .finally(() => {
            this.sampling = null;
        });
        return this.sampling;
    }
    async sampleOne(member) {
        if (member.outage !== null)
            return null; // a blackholed MK6 would only time out
        try {
            const res = await requestJson(`${this.fleet.url(member)}/_worker/telemetry`, { timeoutMs: 1000 });
            return res.status === 200 ? res.body : null;
        }
        catch {
            return null; // down: no telemetry this round; the fleet event says why
        }
    }
}
function streamOptions(ctx) {
    const q = ctx.query;
    const int = (name) => {
        const v = q[name];
        if (v === undefined || v === '')
            return null;
        if (typeof v !== 'string' || !/^\d{1,9}$/.test(v))
            throw errors.badRequest(say('mustBeNonNegativeInteger', name), { field: name });
        return Number(v);
    };
    const intervalMs = int('interval_ms') ?? 1000;
    if (intervalMs < STREAM_MIN_INTERVAL_MS || intervalMs > STREAM_MAX_INTERVAL_MS) {
        throw errors.invalidValue(say('intervalOutOfRange', STREAM_MIN_INTERVAL_MS, STREAM_MAX_INTERVAL_MS, intervalMs), { field: 'interval_ms', min: STREAM_MIN_INTERVAL_MS, max: STREAM_MAX_INTERVAL_MS });
    }
    const typesText = typeof q.types === 'string' && q.types !== '' ? q.types : 'fleet,telemetry';
    const types = typesText.split(',');
    if (types.some((t) => t !== 'fleet' && t !== 'telemetry')) {
        throw errors.invalidValue(say('streamTypesInvalid', `'${typesText.slice(0, 40)}'`), { field: 'types', allowed: ['fleet', 'telemetry'] });
    }
    const lastEventId = ctx.get('last-event-id');
    const sinceId = int('since_id') ?? (/^\d{1,9}$/.test(lastEventId) ? Number(lastEventId) : null);
    const limit = int('limit');
    return { intervalMs, fleet: types.includes('fleet'), telemetry: types.includes('telemetry'), sinceId, limit: limit === 0 ? null : limit };
}
