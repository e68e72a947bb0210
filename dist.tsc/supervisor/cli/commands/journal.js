/** `journal [--since N] [--follow]`: the fleet journal (every call the gateway sent), one line per call. */
import { call, number, say, stopSignal } from '../context.js';
const POLL_MS = 500;
export const journal = async (_args, o) => {
    let since = o.since === undefined ? 0 : number(o, o.since, '--since');
    const signal = o.follow ? stopSignal() : { stopped: () => true };
    for (;;) {
        const entries = (await call(o, 'GET', `/api/v1/debug/requests?since_id=${since}`));
        for (const e of entries) {
            o.io.out(o.json ? JSON.stringify(e) : `${e.id}\t${e.ts}\t${e.sim_time ?? ''}\t${e.mk6_id ?? '-'}\t${e.method} ${e.path}\t${e.status}\t${say(o).durationMs(Number(e.duration_ms))}`);
            since = Math.max(since, Number(e.id));
        }
        if (!o.follow || signal.stopped())
            return;
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (signal.stopped())
            return;
    }
};
