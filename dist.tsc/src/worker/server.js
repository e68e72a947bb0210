/**
 * One MK6 worker assembled and listening: the runtime on its state file, the fleet's clock
 * asked of the supervisor, the Koa app behind the fast lane, the journal forwarder. The
 * process entry point (main.ts) and the in-process test harness both build it here.
 */
import http from 'node:http';
import { isFleetClock } from '../domain/clock.js';
import { answerClientErrors } from '../shared/client-errors.js';
import { createLogger } from '../shared/log.js';
import { httpCall, internalHeaders } from '../shared/http-client.js';
import { Journal } from '../journal/journal.js';
import { createWorkerApp } from './http/app.js';
import { fastLane } from './http/fast-lane.js';
import { recordingFlag } from './http/recording-flag.js';
import { JournalForwarder } from './journal-forwarder.js';
import { ListenerControl } from './listener.js';
import { WorkerRuntime } from './runtime.js';
/** Resolves once listening; rejects with CorruptStateError (state file) or the listen error. */
export async function startWorkerServer(config, log = createLogger({ base: { mk6_id: config.id } })) {
    const rt = await WorkerRuntime.start(config);
    if (config.supervisorUrl)
        await fetchFleetClock(rt, config.supervisorUrl, config.internalSecret);
    const forwarder = config.supervisorUrl ? new JournalForwarder(config.supervisorUrl, config.id, config.internalSecret) : null;
    const journal = new Journal();
    const app = createWorkerApp(rt, journal, forwarder ?? undefined, log);
    // The gateway's plain calls take the fast lane; the rest, and anything unusual, the Koa app.
    const server = http.createServer(fastLane({ rt, journal, forward: forwarder?.push, log, koa: app.callback() }));
    answerClientErrors(server);
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    try {
        await new Promise((listening, failed) => {
            server.once('error', failed);
            server.listen(config.port, config.host, () => {
                server.off('error', failed);
                listening();
            });
        });
    }
    catch (err) {
        forwarder?.close();
        await rt.close();
        throw err;
    }
    const { port } = server.address();
    rt.config.port = port; // port 0: provision answers and the inventory give the bound port
    const listener = new ListenerControl(server, rt, config.supervisorUrl, config.internalSecret, log);
    rt.listener = listener;
    // A broadcast sent while this MK6 was not yet listening is in this second answer.
    if (config.supervisorUrl)
        void fetchFleetClock(rt, config.supervisorUrl, config.internalSecret);
    let closed = null;
    const close = () => (closed ??= (async () => {
        rt.stopping = true;
        listener.stop();
        server.close();
        rt.network.releaseHeld(); // connections held by `timeout` or a blackhole
        server.closeIdleConnections();
        // The calls already inside end (and commit) before the state file closes; bounded, pm2 kills at 3 s.
        for (const until = Date.now() + 2000; rt.inFlight > 0 && Date.now() < until;)
            await new Promise((r) => setTimeout(r, 10));
        await forwarder?.flush();
        forwarder?.close();
        await rt.close();
    })());
    return { server, rt, port, close };
}
/**
 * The fleet's clock and mode, so a restarted MK6 is on fleet time from its first answer.
 * Asked before listening, and once more after: a broadcast sent while this MK6 was not yet
 * listening is in the second answer; the generation keeps an older answer from undoing it.
 */
async function fetchFleetClock(rt, supervisorUrl, secret) {
    const fleet = await getJson(new URL('/_fleet/clock', supervisorUrl), internalHeaders(secret), 1500);
    // No supervisor (standalone, or it is restarting): the persisted clock stands.
    if (!fleet || !isFleetClock(fleet.clock) || (fleet.mode !== 'production' && fleet.mode !== 'mock'))
        return;
    rt.applyFleet({ clock: fleet.clock, mode: fleet.mode, gen: Number.isSafeInteger(fleet.gen) ? fleet.gen : 0 });
    recordingFlag.on = fleet.recording === true; // the fleet records the gateway's calls (supervisor/session/recording.ts)
    await rt.commit();
}
/** A JSON GET answered 200 with an object, else null (no supervisor, or it is restarting). */
async function getJson(url, headers, timeoutMs) {
    const res = await httpCall(url.href, { headers, timeoutMs }).catch(() => null);
    return res?.status === 200 && res.body !== null && typeof res.body === 'object' ? res.body : null;
}
