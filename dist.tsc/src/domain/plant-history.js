export const LOG_KEPT = 256;
/**
 * C(s) = min(setpoint in force at s, constraint in force at s) as steps. A request counts
 * from max(start, created_at) (the controller cannot obey it before it got it) until
 * min(end, deleted_at); the highest seq wins where requests overlap; none: pmax.
 */
export function commandSignal(pmaxKw, requests, log, current) {
    const reqs = [];
    for (const r of requests) {
        const from = Math.max(r.start, r.created_at);
        const to = Math.min(r.end ?? Infinity, r.deleted_at ?? Infinity);
        if (to > from)
            reqs.push({ from, to, kw: r.set === 'stop' ? 0 : r.psetpoint, seq: r.seq });
    }
    const caps = [];
    const addCap = (c, from, to) => {
        if (c === null)
            return;
        const a = Math.max(from, c.start ?? -Infinity);
        const b = Math.min(to, c.end ?? Infinity);
        if (b > a)
            caps.push({ from: a, to: b, kw: c.value_kw, seq: 0 });
    };
    if (log.length === 0)
        addCap(current, -Infinity, Infinity);
    log.forEach((e, i) => addCap(e.constraint, e.at, i + 1 < log.length ? log[i + 1].at : Infinity));
    const times = new Set();
    for (const iv of [...reqs, ...caps]) {
        times.add(iv.from);
        times.add(iv.to);
    }
    const sorted = [...times].filter(Number.isFinite).sort((a, b) => a - b);
    reqs.sort((a, b) => a.from - b.from);
    caps.sort((a, b) => a.from - b.from);
    const heap = new SeqHeap();
    let r = 0;
    let c = 0;
    const valueAt = (s) => {
        while (r < reqs.length && reqs[r].from <= s)
            heap.push(reqs[r++]);
        while (heap.size > 0 && heap.top().to <= s)
            heap.pop();
        while (c < caps.length && caps[c].to <= s)
            c++;
        const setpoint = heap.size > 0 ? heap.top().kw : pmaxKw;
        const cap = c < caps.length && caps[c].from <= s ? caps[c].kw : Infinity;
        return Math.min(setpoint, cap);
    };
    const initial = Math.min(pmaxKw, caps.length > 0 && caps[0].from === -Infinity ? caps[0].kw : Infinity);
    const steps = [];
    let prev = initial;
    for (const s of sorted) {
        const kw = valueAt(s);
        if (kw !== prev)
            steps.push({ at: s, kw });
        prev = kw;
    }
    return { initial, steps };
}
/**
 * The heap's top is the live request of highest seq. Requests leave it lazily: one whose
 * window ended is dropped when it reaches the top (times only grow in the sweep), but one
 * below a live top stays until then, which is right: the top outranks it.
 */
class SeqHeap {
    items = [];
    get size() {
        return this.items.length;
    }
    top() {
        return this.items[0];
    }
    push(x) {
        const a = this.items;
        a.push(x);
        let i = a.length - 1;
        while (i > 0) {
            const p = (i - 1) >> 1;
            if (a[p].seq >= a[i].seq)
                break;
            [a[p], a[i]] = [a[i], a[p]];
            i = p;
        }
    }
    pop() {
        const a = this.items;
        const last = a.pop();
        if (a.length === 0)
            return;
        a[0] = last;
        let i = 0;
        for (;;) {
            const l = 2 * i + 1;
            const r = l + 1;
            let m = i;
            if (l < a.length && a[l].seq > a[m].seq)
                m = l;
            if (r < a.length && a[r].seq > a[m].seq)
                m = r;
            if (m === i)
                break;
            [a[m], a[i]] = [a[i], a[m]];
            i = m;
        }
    }
}
/** The state-0 stretches of the log, [from, to) (to: Infinity while it lasts). */
export function tripsOf(log) {
    const out = [];
    log.forEach((e, i) => {
        if (e.state !== 0)
            return;
        const to = i + 1 < log.length ? log[i + 1].at : Infinity;
        const prev = out[out.length - 1];
        if (prev && prev[1] === e.at)
            prev[1] = to;
        else if (to > e.at)
            out.push([e.at, to]);
    });
    return out;
}
