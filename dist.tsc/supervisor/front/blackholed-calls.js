export class BlackholedCalls {
    timeoutMs;
    isBlackholed;
    /** Per MK6 id, the calls on their way to its worker with no blackhole timeout of their own. */
    open = new Map();
    constructor(timeoutMs, isBlackholed) {
        this.timeoutMs = timeoutMs;
        this.isBlackholed = isBlackholed;
    }
    /** A call passed on to MK6 `id` while it was not blackholed, until its answer ends. */
    track(id, proxyReq, res) {
        // Its socket came after the kill (the proxy emits once one is assigned): no need to wait for the event.
        if (this.isBlackholed(id))
            return this.giveUpLater(id, proxyReq);
        let calls = this.open.get(id);
        if (!calls)
            this.open.set(id, (calls = new Set()));
        const set = calls.add(proxyReq);
        res.once('close', () => {
            set.delete(proxyReq);
            if (set.size === 0 && this.open.get(id) === set)
                this.open.delete(id);
        });
    }
    /** MK6 `id` went silent: its open calls get the timeout a new call gets. */
    blackholed(id) {
        for (const proxyReq of this.open.get(id) ?? [])
            this.giveUpLater(id, proxyReq);
    }
    giveUpLater(id, proxyReq) {
        const giveUp = () => {
            // A restart in the meantime ends the held call itself; the proxy's error handler answers 504.
            if (this.isBlackholed(id) && !proxyReq.destroyed)
                proxyReq.destroy(new Error('timeout'));
        };
        setTimeout(giveUp, this.timeoutMs).unref();
    }
}
