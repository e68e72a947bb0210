/** `mk6-fleet events --follow`: the fleet's event log as it grows, read from GET /mock/stream (Server-Sent Events). */
import { openEventStream } from '../../src/shared/http-client.js';
const RECONNECT_MS = 1000;
/**
 * Follows `base/mock/stream?types=fleet` from event id `since` on, calling `onEvent` for each,
 * until SIGINT/SIGTERM; a dropped stream is opened again from the last id it gave.
 * Rejects only if the fleet cannot be reached at all at first.
 */
export async function followFleetEvents(base, since, onEvent) {
    let last = since;
    let close = null;
    let stopped = false;
    const quit = () => {
        stopped = true;
        close?.();
    };
    process.once('SIGINT', quit);
    process.once('SIGTERM', quit);
    let first = true;
    while (!stopped) {
        const stream = openEventStream(`${base}/mock/stream?types=fleet&interval_ms=250&since_id=${last}`, (e) => {
            if (e.id !== null)
                last = Math.max(last, Number(e.id));
            onEvent(e);
        }, () => (first = false));
        close = stream.close;
        try {
            await stream.done;
        }
        catch (err) {
            if (first)
                throw err;
        }
        if (!stopped)
            await new Promise((r) => setTimeout(r, RECONNECT_MS));
    }
}
