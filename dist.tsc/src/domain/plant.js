/**
 * The plant's answer to its command: dead time, then a ramp. Pure: the command's history,
 * the wind (`pavailable` as a function of time) and the instant go in, the plant's output
 * comes out; nothing is integrated in the background, so a frozen clock freezes it and a
 * replay of the same history gives the same numbers.
 *
 * The model, in the plant's own terms:
 * - the command C(s) = min(effective setpoint, active constraint) is a step function of time;
 * - the plant sees it `dead` ms late: D(s) = C(s - dead);
 * - its operating point y moves toward D at most `up` / `down` kW per ms, and never
 *   overshoots; whenever D changes, y starts from what the plant actually produces
 *   (min(y, pavailable)): a plant held back by the wind ramps down from its real output;
 * - the output is min(pavailable, y): the wind still limits it at once;
 * - a trip (state 0) forces y to 0 at once and holds D at 0 until `dead` ms after it ends;
 * - an anchor (a cold restart) forces y to a known value: what came before is forgotten,
 *   except the steps the plant had already received (`pending`).
 */
export function rampOf(d) {
    return { up: d.ramp_kw_per_min / 60_000, down: (d.ramp_down_kw_per_min ?? d.ramp_kw_per_min) / 60_000, dead: (d.dead_time_s ?? 0) * 1000 };
}
export function valueAt(signal, t) {
    const i = lastAtOrBefore(signal.steps, t);
    return i < 0 ? signal.initial : signal.steps[i].kw;
}
/**
 * What the plant is told, as it sees it: the command delayed by the dead time, from the
 * anchor on, with every trip [from, to) forced to 0 until `dead` after its end.
 */
export function delayedCommand(command, trips, anchor, dead) {
    let base;
    if (anchor === null) {
        base = { initial: command.initial, steps: command.steps.map((s) => ({ at: s.at + dead, kw: s.kw })) };
    }
    else {
        const after = command.steps.filter((s) => s.at > anchor.at).map((s) => ({ at: s.at + dead, kw: s.kw }));
        const pending = anchor.pending.filter((s) => s.at > anchor.at && s.at < anchor.at + dead);
        base = {
            initial: anchor.kw,
            steps: [{ at: anchor.at, kw: anchor.kw, force: anchor.kw }, ...pending, { at: anchor.at + dead, kw: valueAt(command, anchor.at) }, ...after],
        };
        base.steps = dedupe(base.steps);
    }
    let steps = base.steps;
    for (const [from, to] of [...trips].sort((a, b) => a[0] - b[0])) {
        if (anchor !== null && to + dead <= anchor.at)
            continue;
        const end = to + dead;
        const resume = valueAt(base, end);
        steps = steps.filter((s) => s.at < from || s.at >= end);
        steps.push({ at: from, kw: 0, force: 0 });
        if (Number.isFinite(end))
            steps.push({ at: end, kw: resume });
    }
    steps.sort((a, b) => a.at - b.at);
    return { initial: base.initial, steps };
}
/**
 * Bounds the work: every MAX_SCAN-th step the plant is taken as settled on the step before
 * (a rule of the step's index, so every instant asked agrees on it; it only matters after
 * thousands of steps none of which lasted long enough to settle).
 */
const MAX_SCAN = 5000;
/**
 * The operating point y at t of a plant told `told` (already delayed), with its ramp, its
 * pmax and its wind. The output is min(pavailable(t), y).
 *
 * Only the recent past matters: a stretch of constant target at least pmax / rate long
 * brings y to it from anywhere, so the walk back stops at the last such stretch (or the
 * last forced step) and integrates forward from there, exactly.
 */
export function operatingPoint(told, ramp, pmaxKw, pavailable, t, memo) {
    const steps = told.steps;
    const last = lastAtOrBefore(steps, t);
    if (last < 0)
        return told.initial;
    // y as it entered step `last` depends on nothing after it: kept, the next asks cost a search and one stretch.
    const known = memo?.get(last);
    if (known !== undefined)
        return approach(known, steps[last].kw, t - steps[last].at, ramp);
    const settleMs = pmaxKw / Math.min(ramp.up, ramp.down);
    let start = last;
    let y = NaN;
    for (let j = last; j >= 0; j--) {
        if (steps[j].force !== undefined) {
            start = j;
            y = steps[j].force;
            break;
        }
        const before = j > 0 ? steps[j - 1] : null;
        if (before === null || steps[j].at - before.at >= settleMs || j % MAX_SCAN === 0) {
            start = j;
            y = Math.min(before === null ? told.initial : before.kw, pavailable(steps[j].at));
            break;
        }
    }
    for (let k = start; k <= last; k++) {
        const step = steps[k];
        if (k > start)
            y = step.force !== undefined ? step.force : Math.min(y, pavailable(step.at));
        memo?.set(k, y);
        const until = k < last ? steps[k + 1].at : t;
        y = approach(y, step.kw, until - step.at, ramp);
    }
    return y;
}
function approach(y, target, dt, ramp) {
    if (y < target)
        return Math.min(target, y + ramp.up * dt);
    if (y > target)
        return Math.max(target, y - ramp.down * dt);
    return y;
}
/** Index of the last step at or before t (-1: none). Steps are sorted by time. */
export function lastAtOrBefore(steps, t) {
    let lo = 0;
    let hi = steps.length - 1;
    let found = -1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (steps[mid].at <= t) {
            found = mid;
            lo = mid + 1;
        }
        else {
            hi = mid - 1;
        }
    }
    return found;
}
/** Steps at one instant: the last one given wins, a force kept. */
function dedupe(steps) {
    const out = [];
    for (const s of steps) {
        const prev = out[out.length - 1];
        if (prev && prev.at === s.at)
            out[out.length - 1] = { ...s, ...(prev.force !== undefined && s.force === undefined ? { force: prev.force } : {}) };
        else
            out.push(s);
    }
    return out;
}
