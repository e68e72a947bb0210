/**
 * `record start [NAME] | stop | status | fetch [NAME] [--out FILE]`: the fleet records every
 * gateway call, full bodies, as HAR (<state-dir>/recordings/NAME.har).
 */
import { writeFileSync } from 'node:fs';
import { call, EXIT, Refused, say, send, UsageError } from '../context.js';
export const record = async ([action, name, ...extra], o) => {
    if (extra.length)
        throw new UsageError(say(o).recordUsage);
    switch (action) {
        case 'start':
        case 'stop':
            return show(o, await call(o, 'POST', '/mock/recording', { on: action === 'start', ...(action === 'start' && name ? { name } : {}) }));
        case 'status':
            return show(o, await call(o, 'GET', '/mock/recording'));
        case 'fetch':
            return fetchHar(o, name);
        default:
            throw new UsageError(say(o).recordUsage);
    }
};
function show(o, v) {
    const r = v;
    const text = () => say(o).recording({ on: r.on === true, name: r.name ? String(r.name) : undefined, entries: Number(r.entries), bytes: Number(r.bytes), full: r.full === true, dropped: Number(r.dropped ?? 0) });
    o.io.out(o.json ? JSON.stringify(r, null, 2) : `${text()}${r.file ? `\n${r.file}` : ''}`);
}
/** The recording's HAR as the fleet wrote it (the current or last one without NAME), to --out or stdout. */
async function fetchHar(o, name) {
    const which = name ?? (await call(o, 'GET', '/mock/recording')).name ?? undefined;
    if (!which)
        throw new UsageError(say(o).noRecording);
    const res = await send(o, 'GET', `/mock/recordings/${encodeURIComponent(which)}`);
    if (res.status !== 200)
        throw new Refused(res.status, res.body);
    if (o.out) {
        writeFileSync(o.out, res.text);
        o.io.err(say(o).fetched(o.out, res.body.log.entries.length));
    }
    else
        o.io.write(res.text);
    return EXIT.ok;
}
