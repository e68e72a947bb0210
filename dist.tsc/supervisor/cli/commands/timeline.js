/** `timeline load FILE | show | clear`: the fleet's timeline of events on its clock. */
import { call, out, readText, say, UsageError } from '../context.js';
export const timeline = async ([sub, file], o) => {
    if (sub === 'load') {
        if (!file)
            throw new UsageError(say(o).timelineLoadUsage);
        const res = await call(o, 'POST', '/mock/timeline', readText(o, file), 'text/yaml');
        return out(o, res, () => timelineText(o, res));
    }
    if (sub === 'show' || sub === undefined) {
        const res = await call(o, 'GET', '/mock/timeline');
        return out(o, res, () => timelineText(o, res));
    }
    if (sub === 'clear') {
        const res = await call(o, 'DELETE', '/mock/timeline');
        return out(o, res, () => say(o).timelineCleared);
    }
    throw new UsageError(say(o).unknownSubcommand('timeline', sub, 'load|show|clear'));
};
function timelineText(o, t) {
    const v = t;
    const lines = [say(o).timelineSummary(v.count, v.fired, v.pending)];
    for (const e of v.events)
        lines.push(`  ${e.at}  ${say(o).timelineStatus(String(e.status)).padEnd(10)}  ${e.action}${e.mk6 ? ` ${e.mk6}` : ''}${e.error ? `  (${e.error})` : ''}`);
    return lines.join('\n');
}
