/**
 * Plays the loaded timeline against the fleet clock. An event fires once the clock (mock,
 * frozen and stepped, or running at a speed) has reached its time; each fires exactly
 * once, in order, by the same HTTP call a tester would make on the front. A step of the
 * clock waits for what it fires; at a speed, a timer wakes up for the next event.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulatedNow } from '../../src/domain/clock.js';
import { writeFileAtomic } from '../../src/persist/atomic.js';
import { formatIso } from '../../src/domain/time.js';
import { requestJson } from '../../src/shared/http-client.js';
import { actionRequest, dueEvents, eventView, inOrder, nextPendingAt } from '../../src/config/timeline-file.js';
/** Calls made by the timeline carry it, so the clock route they reach does not play the timeline again. */
export const TIMELINE_HEADER = 'x-mk6-timeline';
const ACTION_TIMEOUT_MS = 30_000;
const MAX_TIMER_MS = 60_000;
export class TimelineRunner {
    fleet;
    events = [];
    source = null;
    fired = new Map();
    running = null;
    again = false;
    timer = null;
    constructor(fleet) {
        this.fleet = fleet;
    }
    /** Replaces the timeline (nothing fired yet) and plays what is already due. */
    load(events, source) {
        this.events = events;
        this.source = source;
        this.fired.clear();
        this.save();
        return this.advance();
    }
    clear() {
        this.events = [];
        this.source = null;
        this.fired.clear();
        this.save();
        this.schedule();
    }
    /** Back to nothing fired (on /mock/reset): the same timeline replays with the same clock moves. */
    rearm() {
        this.fired.clear();
        this.save();
        this.schedule();
    }
    /**
     * After a restart of the supervisor: the timeline and what had fired, so nothing fires
     * twice. Returns whether one was restored; plays what came due meanwhile.
     */
    async restore() {
        try {
            if (!existsSync(this.path))
                return false;
            const saved = JSON.parse(readFileSync(this.path, 'utf8'));
            if (saved.version !== 1 || !Array.isArray(saved.events) || !Array.isArray(saved.fired))
                return false;
            this.events = saved.events;
            this.source = saved.source;
            this.fired.clear();
            for (const [index, firing] of saved.fired)
                this.fired.set(index, firing);
        }
        catch {
            return false; // the supervisor's own memo: a timeline can be loaded again
        }
        await this.advance();
        return true;
    }
    /** Whether these events are the loaded timeline (a --timeline file given again at a restart). */
    holds(events) {
        return JSON.stringify(events) === JSON.stringify(this.events);
    }
    get path() {
        return join(this.fleet.stateDir, 'timeline.json');
    }
    save() {
        const saved = { version: 1, source: this.source, events: this.events, fired: [...this.fired] };
        try {
            writeFileAtomic(this.path, JSON.stringify(saved) + '\n');
        }
        catch {
            /* a timeline that cannot be saved still plays; only a supervisor restart would forget it */
        }
    }
    get size() {
        return this.events.length;
    }
    /** Fires every due event, one at a time (an event may move the clock), then arms the timer. */
    advance() {
        if (this.running) {
            this.again = true;
            return this.running;
        }
        const play = async () => {
            do {
                this.again = false;
                for (;;) {
                    if (this.fleet.clock.source !== 'mock')
                        break;
                    const now = simulatedNow(this.fleet.clock, Date.now());
                    const [ev] = dueEvents(this.events, new Set(this.fired.keys()), now);
                    if (!ev)
                        break;
                    await this.fire(ev, now);
                }
            } while (this.again);
        };
        // `.finally` runs after the assignment, even when nothing was due (no await in play).
        this.running = play().finally(() => {
            this.running = null;
            this.schedule();
        });
        return this.running;
    }
    view() {
        const pending = this.events.length - this.fired.size;
        return {
            source: this.source,
            count: this.events.length,
            fired: this.fired.size,
            pending,
            next_at: pending ? formatIso(nextPendingAt(this.events, new Set(this.fired.keys()))) : null,
            events: inOrder(this.events).map((ev) => {
                const f = this.fired.get(ev.index);
                return {
                    ...eventView(ev),
                    status: !f ? 'pending' : f.error ? 'failed' : 'fired',
                    ...(f ? { fired_at: formatIso(f.sim), fired_real_at: new Date(f.real).toISOString(), result_status: f.status, ...(f.error ? { error: f.error } : {}) } : {}),
                };
            }),
        };
    }
    stop() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = null;
    }
    async fire(ev, now) {
        const firing = { sim: now, real: Date.now(), status: 0, error: null };
        this.fired.set(ev.index, firing); // before the call: exactly once, whatever it does
        this.save();
        const call = actionRequest(ev);
        try {
            const res = await requestJson(`${this.fleet.frontUrl}${call.path}`, {
                method: call.method,
                body: call.body,
                headers: { [TIMELINE_HEADER]: String(ev.index) },
                internal: false, // a timeline action is journaled as the tester's own would be
                timeoutMs: ACTION_TIMEOUT_MS,
            });
            firing.status = res.status;
            if (res.status >= 400) {
                const body = res.body;
                firing.error = `${res.status} ${body?.error ?? ''} ${body?.message ?? ''}`.trim();
            }
        }
        catch (err) {
            firing.error = err.message;
        }
        this.save();
        this.fleet.events?.record('timeline_fired', ev.mk6, { index: ev.index, at: formatIso(ev.at), action: ev.action, ...ev.fields, status: firing.status, error: firing.error });
    }
    /** At a speed, wakes up when the next pending event is due (re-checking at least every minute). */
    schedule() {
        this.stop();
        const clock = this.fleet.clock;
        if (clock.source !== 'mock' || clock.speed <= 0)
            return;
        const next = nextPendingAt(this.events, new Set(this.fired.keys()));
        if (next === null)
            return;
        const wait = (next - simulatedNow(clock, Date.now())) / clock.speed;
        this.timer = setTimeout(() => void this.advance(), Math.max(0, Math.min(MAX_TIMER_MS, Math.ceil(wait))));
        this.timer.unref();
    }
}
