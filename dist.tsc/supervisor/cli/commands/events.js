/** `events [--since N] [--follow]`: the fleet's event log; `--follow` goes on live (GET /mock/stream). */
import { call, number, out, Unreachable } from '../context.js';
import { followFleetEvents } from '../stream.js';
export const events = async (_args, o) => {
    const since = o.since === undefined ? 0 : number(o, o.since, '--since');
    const past = (await call(o, 'GET', `/mock/events?since_id=${since}`));
    if (!o.follow)
        return out(o, past, () => past.map(eventLine).join('\n'));
    const print = (e) => o.io.out(o.json ? JSON.stringify(e) : eventLine(e));
    past.forEach(print);
    const last = past.reduce((n, e) => Math.max(n, Number(e.id)), since);
    await followFleetEvents(o.url, last, (e) => {
        if (e.event === 'fleet')
            print(e.data);
    }).catch((err) => {
        throw new Unreachable(err.message);
    });
};
function eventLine(e) {
    return `${e.id}\t${e.sim_time}\t${e.wall_time}\t${e.kind}\t${e.mk6_id ?? '-'}\t${JSON.stringify(e.details)}`;
}
