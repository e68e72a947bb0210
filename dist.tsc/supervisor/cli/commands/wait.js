/**
 * `wait [--timeout DURATION]`: polls `/readyz` until it says ready. A front that does not
 * answer yet is waited for too (a CI job runs this right after starting the fleet); never
 * answering in time exits 3, answering but not ready exits 1 with what each MK6 waits for.
 */
import { parseDuration } from '../../../src/contract/duration.js';
import { HttpUnreachable } from '../../../src/shared/http-client.js';
import { out, Refused, say, send, Unreachable, UsageError } from '../context.js';
const DEFAULT_TIMEOUT = '60s';
export const wait = async (_args, o) => {
    // The one duration grammar; a bare number is seconds (`--timeout 90`), as before it.
    const timeoutMs = parseDuration(o.timeout ?? DEFAULT_TIMEOUT, { bare: 's' });
    if (timeoutMs === null)
        throw new UsageError(`--timeout: ${say(o).badDuration(String(o.timeout))}`);
    const deadline = Date.now() + timeoutMs;
    let last = null;
    let lastError = '';
    for (;;) {
        try {
            const res = await send(o, 'GET', '/readyz', undefined, undefined, Math.max(1000, Math.min(10_000, deadline - Date.now())));
            last = { status: res.status, body: res.body };
            if (res.status === 200) {
                const mk6 = res.body.mk6 ?? {};
                return out(o, res.body, () => say(o).fleetReady(Object.entries(mk6).map(([id, s]) => [id, say(o).readyState(readyState(s))])));
            }
        }
        catch (err) {
            if (!(err instanceof Unreachable || err instanceof HttpUnreachable))
                throw err;
            lastError = err.message;
        }
        if (Date.now() >= deadline)
            break;
        await new Promise((r) => setTimeout(r, Math.min(250, Math.max(0, deadline - Date.now()))));
    }
    if (!last)
        throw new Unreachable(lastError || say(o).noAnswer);
    const mk6 = last.body?.mk6 ?? {};
    const waiting = Object.entries(mk6).filter(([, s]) => s !== 'ready');
    o.io.err(`mk6-fleet: ${say(o).notReady(timeoutMs, waiting.length > 0)}`);
    for (const [id, state] of waiting)
        o.io.err(`  ${id}: ${say(o).readyState(readyState(state))}`);
    throw new Refused(last.status, last.body);
};
/**
 * An MK6's state as /readyz words it (supervisor/fleet/readiness.ts, the forms its schema lists),
 * read into its parts for the catalogue; a form not known here is printed as it came.
 */
export function readyState(text) {
    const simple = {
        ready: { is: 'ready' },
        starting: { is: 'starting' },
        changing: { is: 'changing' },
        stopped: { is: 'stopped' },
        'stopped (kill)': { is: 'stopped-kill' },
        'clock differs from the fleet': { is: 'clock-differs' },
    };
    if (Object.hasOwn(simple, text))
        return simple[text];
    let m;
    if ((m = /^errored: (.*)$/s.exec(text)))
        return { is: 'errored', problem: m[1] };
    if ((m = /^not answering on port (\d+)$/.exec(text)))
        return { is: 'not-answering', port: m[1] };
    if ((m = /^port (\d+) held by pid (\d+), pm2 runs pid (\d+)$/.exec(text)))
        return { is: 'port-held', port: m[1], pid: m[2], pm2Pid: m[3] };
    if ((m = /^mode (\S+), fleet (\S+)$/.exec(text)))
        return { is: 'mode', mode: m[1], fleet: m[2] };
    if ((m = /^outage (\S+) \(kill\)$/.exec(text)))
        return { is: 'outage', kind: m[1] };
    return { is: 'other', text };
}
