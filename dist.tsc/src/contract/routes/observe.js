/** The journal, the probes, this document and the front's pages. */
import { errors } from '../errors.js';
import * as S from '../schema/index.js';
import { Type } from '../schema/kit.js';
import { BOTH, FRONT, fleetOp, json } from './common.js';
import { ROU2 } from './fixtures.js';
import { TAGS } from './kit.js';
import { say, apiMessages } from '../../i18n/api-messages.js';
export const JOURNAL_ROUTES = [
    {
        ...fleetOp(BOTH, 'get', '/api/v1/debug/requests', 'getJournal', TAGS.journal, 'Every request the MK6 workers received (newest 1000, one id sequence for the fleet); `?format=har`: the same as HAR 1.2', {
            200: json('journal entries, oldest first; with format=har, a HAR 1.2 log of them (bodies cut at 4 KiB marked _truncated; Authorization masked)', Type.Union([Type.Unsafe(Type.Ref(S.Journal.$id)), Type.Unsafe(Type.Ref(S.Har.$id))])),
        }, {
            400: ['since_id is not an integer >= 0, or an unknown format', errors.badRequest(say('mustBeNonNegativeInteger', 'since_id'), { field: 'since_id' }), errors.badRequest(say('fieldInvalidHint', 'format', 'json|har'), { field: 'format', allowed: ['json', 'har'] })],
        }),
        query: [
            { name: 'since_id', required: false, description: 'only entries with id > since_id', schema: { type: 'integer', minimum: 0 }, example: 0 },
            { name: 'format', required: false, description: '`json` (default): the entries; `har`: HAR 1.2 (open it in a browser devtools Network tab, Charles, Insomnia, k6)', schema: { type: 'string', enum: ['json', 'har'] }, example: 'har' },
        ],
    },
    fleetOp(BOTH, 'delete', '/api/v1/debug/requests', 'clearJournal', TAGS.journal, 'Clear the journal', { 200: json('cleared', S.JournalCleared, { cleared: { message: apiMessages.fr.journalCleared, count: 0 } }) }),
];
/** Probes (Kubernetes-style names): a CI job waits on /readyz (or `mk6-fleet wait`). */
export const PROBE_ROUTES = [
    // A worker answers it in a middleware before its guards: it meets an outage like any caller, never production mode or auth.
    fleetOp({ worker: 'middleware', front: 'own' }, 'get', '/healthz', 'getHealth', TAGS.meta, 'Liveness: 200 while the process serves (the front, and every worker port: a worker adds its id and pid)', {
        200: json('serving', S.Health, { front: { status: 'ok' }, worker: { status: 'ok', mk6_id: ROU2, pid: 4242 } }),
    }),
    fleetOp(FRONT, 'get', '/readyz', 'getReadiness', TAGS.fleet, 'Readiness: 200 only when every MK6 that should be up serves on its port, as the process pm2 runs, with the fleet clock and mode', {
        200: json('ready', S.Readiness, { ready: { ready: true, phase: 'running', mk6: { 'ROU1.1': 'ready', 'ROU1.2': 'ready', 'ROU1.3': 'ready', ROU2: 'ready', VAI: 'ready' } } }),
        503: { ...json('not ready (same body): what each MK6 waits for', S.Readiness, { starting: { ready: false, phase: 'starting', mk6: { 'ROU1.1': 'starting', ROU2: 'ready' } } }), headers: { 'Retry-After': 'seconds before asking again' } },
    }),
];
export const META_ROUTES = [
    // Served before the routers (never journaled): src/contract/openapi/serve.ts, supervisor/front/observability.ts.
    fleetOp({ worker: 'middleware', front: 'middleware' }, 'get', '/openapi.json', 'getOpenapi', TAGS.meta, 'This document (a worker serves only the operations it answers)', {
        200: json('OpenAPI 3.1', Type.Object({ openapi: Type.Literal('3.1.0'), paths: Type.Object({}) })),
    }),
    fleetOp({ front: 'middleware' }, 'get', '/docs', 'getDocs', TAGS.fleet, 'Interactive reference of this document (Swagger UI)', { 200: { description: 'HTML page', type: 'text/html' } }),
    fleetOp({ front: 'middleware' }, 'get', '/metrics', 'getMetrics', TAGS.fleet, 'Prometheus metrics of the fleet (requests by MK6, endpoint and status, latencies, setpoints, restarts, up/down, journal size)', {
        200: { description: 'Prometheus text exposition format', type: 'text/plain' },
    }),
    // The supervision page (supervisor/front/page.ts) serves it with its assets, before the router.
    fleetOp({ front: 'middleware' }, 'get', '/supervision', 'getSupervisionPage', TAGS.fleet, 'The supervision web page', { 200: { description: 'HTML page', type: 'text/html' } }),
];
