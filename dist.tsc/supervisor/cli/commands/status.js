/** `status`: the fleet's MK6s, processes, outages, network, clock and timeline. */
import { call, out, say } from '../context.js';
export const status = async (_args, o) => {
    const [inv, clock, timeline] = await Promise.all([call(o, 'GET', '/mock/mk6'), call(o, 'GET', '/supervision/api/time'), call(o, 'GET', '/mock/timeline').catch(() => null)]);
    out(o, { inventory: inv, clock, timeline }, () => statusText(say(o), inv, clock, timeline));
};
function statusText(msg, inv, clock, timeline) {
    const c = clock;
    const lines = [msg.clock(c.now, c.source, c.speed)];
    for (const m of inv.mk6) {
        const net = (m.network_conditions ?? []).map((n) => `${n.name}:${n.type}`).join(',');
        lines.push([m.mk6_id.padEnd(10), String(m.network?.url ?? '').padEnd(24), msg.processStatus(String(m.process?.status ?? '')).padEnd(10), msg.online(m.online), m.outage ? msg.outage(m.outage) : '', net ? msg.network(net) : '']
            .filter(Boolean)
            .join('  '));
    }
    const t = timeline;
    if (t && t.count)
        lines.push(msg.timelineProgress(t.fired, t.pending, t.next_at));
    return lines.join('\n');
}
