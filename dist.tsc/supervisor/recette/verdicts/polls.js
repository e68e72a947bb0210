import { parseDuration } from '../../../src/config/recette-file.js';
import { callEvidence, downIntervals, eventEvidence, glob, inWindow, judge, scope } from './run.js';
export const DEFAULT_POLL_PATH = '*/monitoring*';
export function polls(params, run) {
    const maxGap = parseDuration(params.max_gap) ?? 0;
    const pattern = params.path ?? DEFAULT_POLL_PATH;
    const match = glob(pattern);
    const label = pattern.replace(/\*/g, '').replace(/^\/+|\/+$/g, '') || pattern;
    const jumps = run.events.filter((e) => e.kind === 'clock_set' || e.kind === 'clock_release').map((e) => jumpOf(e)).filter((j) => j.to < j.from || j.to - j.from > maxGap);
    const faults = [];
    let watched = 0;
    let counted = 0;
    const unjudged = [];
    for (const mk6 of scope(run, params.mk6)) {
        const start = startOf(run, mk6);
        if (!start)
            continue;
        let livedUp = 0;
        const steps = [{ ...start, type: 'start', order: 0 }];
        for (const c of run.calls) {
            if (c.mk6 === mk6 && c.method === 'GET' && match.test(c.path) && c.wall >= start.wall)
                steps.push({ sim: c.sim, wall: c.wall, type: 'poll', order: 2, journalId: c.id });
        }
        for (const i of downIntervals(run, mk6)) {
            steps.push({ ...i.from, type: 'down', order: 1, eventId: i.eventIds[0] });
            if (i.to)
                steps.push({ ...i.to, type: 'up', order: 1, eventId: i.eventIds[1] });
        }
        steps.push({ ...run.end, type: 'end', order: 3 });
        steps.sort((a, b) => a.wall - b.wall || a.order - b.order);
        let depth = 0;
        let prev = null;
        const gap = (to) => {
            if (!prev)
                return;
            const lived = livedTime(prev, to, jumps, run);
            livedUp += lived;
            if (lived > maxGap) {
                const stepsSkipped = jumps.some((j) => j.wall > prev.wall && j.wall < to.wall);
                faults.push({
                    message: run.say.polls.gap({ mk6, label, lived, from: prev.sim, to: to.sim, maxGap, stepsSkipped }),
                    evidence: [stepEvidence(mk6, prev, run.say.polls.lastBefore(label)), stepEvidence(mk6, to, run.say.polls.nextAfter(label, lived))],
                });
            }
        };
        for (const s of steps) {
            if (s.type === 'poll') {
                if (depth > 0)
                    continue;
                if (inWindow(run, s.sim))
                    counted++;
                gap(s);
                prev = s;
            }
            else if (s.type === 'down') {
                if (depth++ === 0)
                    gap(s);
                prev = null;
            }
            else if (s.type === 'up') {
                depth = Math.max(0, depth - 1);
                if (depth === 0)
                    prev = s;
            }
            else if (s.type === 'end') {
                if (depth === 0)
                    gap(s);
            }
            else
                prev = s;
        }
        if (livedUp > maxGap)
            watched++;
        else
            unjudged.push(mk6);
    }
    if (watched === 0 && faults.length === 0) {
        return { status: 'not_applicable', message: unjudged.length ? run.say.polls.noneUpLongEnough(unjudged, maxGap) : run.say.polls.nothingObserved, evidence: [] };
    }
    return judge(run, faults, run.say.polls.pass({ watched, maxGap, counted, label }) + (unjudged.length ? run.say.polls.notJudged(unjudged, maxGap) : ''));
}
/** When an MK6 starts being watched: the run's start, or its provision if the fleet file does not have it. */
function startOf(run, mk6) {
    if (run.topology.has(mk6))
        return run.start;
    const added = run.events.find((e) => e.kind === 'provision' && e.mk6 === mk6);
    return added ? { sim: added.sim, wall: added.wall, eventId: added.id } : null;
}
function jumpOf(e) {
    const t = (v) => (typeof v === 'string' ? Date.parse(v) : NaN);
    const from = t(e.details.from);
    const to = t(e.details.to);
    return { wall: e.wall, from: Number.isFinite(from) ? from : e.sim, to: Number.isFinite(to) ? to : e.sim };
}
/** Simulated time lived between two instants, jumps taken out, clipped to the window. */
function livedTime(a, b, jumps, run) {
    const pieces = [];
    let from = a.sim;
    for (const j of jumps) {
        if (j.wall <= a.wall || j.wall >= b.wall)
            continue;
        pieces.push([from, j.from]);
        from = j.to;
    }
    pieces.push([from, b.sim]);
    let total = 0;
    for (const [x, y] of pieces)
        total += Math.max(0, Math.min(y, run.window.to) - Math.max(x, run.window.from));
    return total;
}
function stepEvidence(mk6, s, what) {
    if (s.journalId !== undefined)
        return callEvidence({ id: s.journalId, mk6, sim: s.sim, wall: s.wall }, what);
    if (s.eventId !== undefined)
        return eventEvidence({ id: s.eventId, mk6, sim: s.sim, wall: s.wall }, what);
    return { what, mk6_id: mk6, sim_time: new Date(s.sim).toISOString() };
}
