/** `time set ISO [--speed K]`, `time advance DURATION`, `time speed K`, `time release`: the fleet clock. */
import { parseDuration } from '../../../src/contract/duration.js';
import { call, number, out, say, UsageError } from '../context.js';
export const time = async ([sub, arg], o) => {
    if (sub === 'set') {
        if (!arg)
            throw new UsageError(say(o).isoMissing);
        const speed = o.speed === undefined ? undefined : number(o, o.speed, '--speed');
        const res = await call(o, 'POST', '/mock/time', { now: arg, ...(speed !== undefined ? { speed } : {}) });
        return out(o, res, () => clockLine(o, res));
    }
    if (sub === 'advance') {
        // The one duration grammar; a bare number is milliseconds, a leading `-` goes back.
        const ms = parseDuration(arg, { bare: 'ms', negative: true });
        if (ms === null)
            throw new UsageError(say(o).badDuration(arg ?? ''));
        const clock = (await call(o, 'GET', '/supervision/api/time'));
        const now = new Date(Date.parse(clock.now) + ms).toISOString();
        const res = await call(o, 'POST', '/mock/time', { now, ...(clock.speed ? { speed: clock.speed } : {}) });
        return out(o, res, () => clockLine(o, res));
    }
    if (sub === 'speed') {
        const res = await call(o, 'POST', '/mock/time', { speed: number(o, arg, 'speed') });
        return out(o, res, () => clockLine(o, res));
    }
    if (sub === 'release') {
        const res = await call(o, 'POST', '/mock/time/release', {});
        return out(o, res, () => say(o).clockReleased);
    }
    throw new UsageError(say(o).unknownSubcommand('time', sub ?? '', 'set|advance|speed|release'));
};
/** The clock a POST /mock/time set: the fleet clock, frozen or running at its speed. */
function clockLine(o, res) {
    const r = res;
    return say(o).clock(r.now, 'mock', r.speed);
}
