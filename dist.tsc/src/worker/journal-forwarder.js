/**
 * Sends this worker's journal entries to the supervisor, which numbers them in the one
 * fleet journal. One POST in flight at a time: an idle worker sends an entry at once
 * (before its answer leaves), a busy one batches what piles up meanwhile. When the
 * supervisor is away, batches are dropped: the worker's own journal still has them.
 */
import http from 'node:http';
import { httpCall, internalHeaders } from '../shared/http-client.js';
const MAX_BATCH = 1000;
export class JournalForwarder {
    mk6Id;
    secret;
    queue = [];
    inFlight = null;
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    url;
    constructor(supervisorUrl, mk6Id, secret = null) {
        this.mk6Id = mk6Id;
        this.secret = secret;
        this.url = new URL('/_fleet/journal', supervisorUrl).href;
    }
    push = (entry) => {
        this.queue.push(entry);
        if (this.queue.length > MAX_BATCH)
            this.queue.shift();
        if (!this.inFlight)
            this.inFlight = this.drain();
    };
    /** Resolves once everything queued so far has been handed to the supervisor (or dropped). */
    async flush() {
        while (this.inFlight)
            await this.inFlight;
    }
    close() {
        this.agent.destroy();
    }
    async drain() {
        while (this.queue.length > 0) {
            const entries = this.queue;
            this.queue = [];
            await this.send(entries);
        }
        this.inFlight = null;
    }
    send(entries) {
        // Dropped when the supervisor is away or slow: the worker's own journal still has them.
        return httpCall(this.url, { method: 'POST', body: { mk6_id: this.mk6Id, entries }, agent: this.agent, timeoutMs: 2000, headers: internalHeaders(this.secret) }).then(() => undefined, () => undefined);
    }
}
