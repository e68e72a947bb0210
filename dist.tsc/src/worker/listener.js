import { httpCall, internalHeaders } from '../shared/http-client.js';
const POLL_MS = 200;
export class ListenerControl {
    server;
    rt;
    supervisorUrl;
    secret;
    log;
    closed = false;
    poll = null;
    constructor(server, rt, supervisorUrl, secret, log) {
        this.server = server;
        this.rt = rt;
        this.supervisorUrl = supervisorUrl;
        this.secret = secret;
        this.log = log;
    }
    /** `kill refused`: the port refuses until a restart. */
    close() {
        if (this.closed)
            return;
        this.closed = true;
        this.drop();
        this.log.info({ host: this.rt.config.host, port: this.rt.config.port }, 'listener closed (kill refused)');
        this.waitForRestart();
    }
    /** `restart warm|cold`: as a new process of the same MK6, on the same port. */
    async reopen(kind) {
        if (this.poll)
            clearInterval(this.poll);
        this.poll = null;
        // Asked on its own port: that call's connection is kept to answer it (the idle and held ones go).
        if (!this.closed)
            this.drop(false);
        this.closed = true;
        this.rt.network.outage = null;
        if (kind === 'cold')
            this.rt.mk6.clearPlanning(this.rt.now());
        this.rt.networkChanged(); // persisted with the planning's loss before the port answers again
        await this.rt.commit();
        await new Promise((ok, fail) => {
            this.server.once('error', fail);
            this.server.listen(this.rt.config.port, this.rt.config.host, () => {
                this.server.off('error', fail);
                ok();
            });
        });
        this.closed = false;
        this.log.info({ host: this.rt.config.host, port: this.rt.config.port, kind }, 'listener reopened (restart)');
    }
    /** The process stops: no more asking. */
    stop() {
        if (this.poll)
            clearInterval(this.poll);
        this.poll = null;
    }
    drop(all = true) {
        this.server.close();
        if (all)
            this.server.closeAllConnections();
        else
            this.server.closeIdleConnections();
        this.rt.network.releaseHeld();
    }
    waitForRestart() {
        if (!this.supervisorUrl) {
            this.poll = setInterval(() => { }, 60_000); // alone: closed until the process stops (and alive till then)
            return;
        }
        const url = new URL('/_fleet/listener', this.supervisorUrl);
        url.searchParams.set('mk6_id', this.rt.config.id);
        const ask = async () => {
            this.poll = null;
            const res = await httpCall(url.href, { headers: internalHeaders(this.secret), timeoutMs: 1000 }).catch(() => null);
            const body = res?.status === 200 ? res.body : null;
            if (body?.open === true && this.closed) {
                await this.reopen(body.kind === 'cold' ? 'cold' : 'warm').catch((err) => {
                    this.log.error({ err }, 'listener: reopen failed');
                    this.closed = true;
                });
            }
            if (this.closed && !this.rt.stopping) {
                this.poll = setTimeout(() => void ask(), POLL_MS);
            }
        };
        this.poll = setTimeout(() => void ask(), POLL_MS); // kept referenced: with its port closed, it is what keeps the process alive
    }
}
