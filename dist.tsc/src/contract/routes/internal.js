/**
 * The internal routes: the supervisor's own calls to a worker, and a worker's to the front.
 * They answer the internal secret only (anyone else meets 404, an unknown route) and are
 * never documented; declared here so every route served comes from a declaration.
 */
import { Type } from '../schema/kit.js';
const internal = (serve, method, path, id, summary) => ({
    id,
    method,
    path,
    serve,
    tag: 'internal',
    summary,
    ok: { 200: { description: summary, schema: Type.Object({}) } },
    fails: {},
    internal: true,
});
const WORKER = { worker: 'router' };
export const INTERNAL_ROUTES = [
    internal(WORKER, 'post', '/_worker/recording', 'workerRecording', 'Forward the bodies the journal cuts, uncut (the fleet records)'),
    internal(WORKER, 'post', '/_worker/journal/flush', 'workerFlushJournal', 'Hand in the journal entries still on their way'),
    internal(WORKER, 'post', '/_worker/outage', 'workerOutage', "The supervisor's kill {kind: blackhole|reset}, or none"),
    internal(WORKER, 'get', '/_worker/telemetry', 'workerTelemetry', "Each site's values for the live stream"),
    internal(WORKER, 'get', '/_worker/health', 'workerHealth', 'The worker as the supervisor checks it'),
    internal(WORKER, 'post', '/_worker/fleet', 'workerFleet', "The fleet's clock and mode, to an MK6 that missed a broadcast"),
    internal(WORKER, 'post', '/_worker/listener', 'workerListener', 'Engine external: {open: false} closes the listener (kill refused); {open: true, kind: warm|cold} reopens it'),
    internal({ front: 'own' }, 'get', '/_fleet/listener', 'fleetListener', 'Engine external: a worker whose listener a kill closed asks ?mk6_id= whether a restart waits for it'),
    internal({ front: 'own' }, 'get', '/_fleet/clock', 'fleetSettings', "The fleet's clock, mode and recording, for a (re)started worker"),
];
// Workers hand in their journal entries on the front's raw server, before its Koa app (front.ts).
INTERNAL_ROUTES.push(internal({ front: 'middleware' }, 'post', '/_fleet/journal', 'fleetJournalIntake', 'Journal entries from a worker, numbered in the fleet sequence'));
