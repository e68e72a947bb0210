/**
 * One queue per MK6 for everything that changes its process (start, provision, kill,
 * restart), and a barrier for what changes the whole fleet (start, reset, clock, mode,
 * shutdown). A fleet-wide operation waits for every operation queued before it, and every
 * operation queued after it waits for it: whatever order calls arrive in, no two of them
 * act on one MK6's process at once, and a reset never overlaps a restart.
 */
export class LifecycleQueue {
    /** The last operation queued for each MK6 since the last fleet-wide one. */
    tails = new Map();
    barrier = Promise.resolve();
    /** Operations queued or running, per MK6 ('*' = fleet-wide). */
    pending = new Map();
    /** Runs `op` once every earlier operation on this MK6 (and every earlier fleet-wide one) has ended. */
    forMk6(id, op) {
        const previous = this.tails.get(id) ?? this.barrier;
        const next = this.track(id, settled(previous).then(op));
        this.tails.set(id, next);
        return next;
    }
    /** Runs `op` once every operation queued so far has ended; later ones wait for it. */
    fleetWide(op) {
        const before = [this.barrier, ...this.tails.values()];
        const next = this.track('*', Promise.all(before.map(settled)).then(op));
        this.barrier = next;
        this.tails.clear();
        return next;
    }
    /** Whether an operation on this MK6 (or on the whole fleet) is queued or running. */
    busy(id) {
        return (this.pending.get(id) ?? 0) > 0 || (this.pending.get('*') ?? 0) > 0;
    }
    /** Resolves once everything queued so far has ended (or `timeoutMs` has passed). */
    async drained(timeoutMs) {
        const all = Promise.all([this.barrier, ...this.tails.values()].map(settled)).then(() => true);
        let timer;
        const late = new Promise((r) => (timer = setTimeout(() => r(false), timeoutMs)));
        const done = await Promise.race([all, late]);
        clearTimeout(timer);
        return done;
    }
    track(key, run) {
        this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
        const done = () => {
            const n = (this.pending.get(key) ?? 1) - 1;
            if (n > 0)
                this.pending.set(key, n);
            else
                this.pending.delete(key);
        };
        run.then(done, done);
        return run;
    }
}
/** Waits for an operation whatever its outcome: a failed kill does not block the next restart. */
function settled(p) {
    return p.then(() => undefined, () => undefined);
}
