/**
 * The pieces every declaration shares: the contract's errors as the code raises them (the
 * very constructors of ../errors.ts, so their messages cannot drift), the error tables each
 * kind of route answers, and the builders of the three kinds: an MK6 API operation, a mock
 * control of one MK6 (both served by the worker, proxied by the front), a fleet operation.
 */
import { errors, Mk6Error } from '../errors.js';
import { TAGS } from './kit.js';
import { PDL5, ROU2 } from './fixtures.js';
import { say } from '../../i18n/api-messages.js';
export const API = '/api/v1/mk6/{mk6_id}';
export const MOCK = '/mock/mk6/{mk6_id}';
export const E = {
    json: errors.badRequest(say('jsonInvalid')),
    tooLarge: errors.payloadTooLarge('64 KiB'),
    forbidden: errors.productionWrite(),
    mk6: errors.mk6NotFound('FAKE'),
    site: errors.siteNotFound('FAKE'),
    offline: errors.mk6Offline(ROU2),
    unauthorized: errors.unauthorized('missing'),
    unreachable: errors.mk6Unreachable(ROU2, 'stopped'),
    timeout: errors.mk6Timeout(ROU2, 10_000),
    starting: errors.fleetStarting(30_000, 5),
    headers: errors.headersTooLarge(),
    requestNotFound: errors.requestNotFound('REQ-999'),
    locked: errors.requestLocked('REQ-001', 'active'),
    timeRange: errors.invalidTimeRange('2026-03-01T18:00:00Z', '2026-03-01T14:00:00Z'),
    notAccessible: errors.siteNotAccessible(PDL5),
    missing: (field) => errors.missingField(field),
    invalid: (message, details) => errors.invalidValue(message, details),
};
/** What every operation may answer: Node's parser refuses headers over 16 KiB. */
const ANY = { 431: ['Request headers over 16 KiB (refused before any route)', E.headers] };
/** Through the front, an MK6 whose process is down or hangs. */
const PROXIED = {
    502: ['Front only: the MK6 process is down (killed, stopped) or resets connections', E.unreachable],
    504: ['Front only: the MK6 accepts connections but never answers (kill kind blackhole)', E.timeout],
};
/** Front only: a control call made while the fleet starts waits for it, at most 30 s. */
export const STARTING_DESCRIPTION = 'Front only: the fleet is still starting; the call waited 30 s (try again after Retry-After)';
const STARTING = { 503: [STARTING_DESCRIPTION, E.starting] };
/** The front's control calls: every `/mock/…` operation, the mode switch, clearing the journal. */
const isControl = (method, path) => path.startsWith('/mock/') || path === '/supervision/mode' || (path === '/api/v1/debug/requests' && method !== 'get');
/** A write: production mode refuses it; with a JSON body, malformed or too large. */
function writeFails(withBody) {
    const out = { 403: ['Production mode: writes are refused', E.forbidden] };
    if (withBody) {
        out[400] = ['Malformed JSON or an invalid value', E.json];
        out[413] = ['JSON body over 64 KiB', E.tooLarge];
    }
    return out;
}
/** Merges error tables; a status in several keeps every example. */
function fails(...tables) {
    const out = {};
    for (const table of tables) {
        for (const [status, [description, ...cases]] of Object.entries(table)) {
            const had = out[Number(status)];
            out[Number(status)] = had ? [`${had[0]}; or ${description}`, ...had.slice(1), ...cases] : [description, ...cases];
        }
    }
    return out;
}
/** Served by the worker; the front passes it through. */
const PROXY = { worker: 'router', front: 'proxy' };
/** An MK6 API operation: unknown MK6, offline, bearer auth, the front's 502/504. */
export function mk6Op(method, path, id, summary, ok, extra = {}, body) {
    const base = {
        401: ['Bearer auth is on and the token is missing or wrong', E.unauthorized],
        404: ['Unknown MK6', E.mk6],
        503: ['The MK6 is offline (soft outage)', E.offline],
    };
    return { id, method, path, serve: PROXY, tag: TAGS.mk6, summary, ok, body, fails: fails(ANY, base, PROXIED, method === 'get' ? {} : writeFails(Boolean(body)), extra) };
}
/** A mock control of one MK6 (proxied by the front). */
export function mockOp(method, path, id, summary, ok, extra = {}, body, serve = PROXY) {
    const notFound = { 404: ['Unknown MK6 (or site)', E.mk6, ...(path.includes('{sycode}') ? [E.site] : [])] };
    return { id, method, path, serve, tag: TAGS.mock, summary, ok, body, fails: fails(ANY, notFound, PROXIED, STARTING, method === 'get' ? {} : writeFails(Boolean(body)), extra) };
}
/** A fleet-wide operation (the front's own, or broadcast to every worker). */
export function fleetOp(serve, method, path, id, tag, summary, ok, extra = {}, body) {
    return { id, method, path, serve, tag, summary, ok, body, fails: fails(ANY, isControl(method, path) ? STARTING : {}, method === 'get' ? {} : writeFails(Boolean(body)), extra) };
}
/** The mode switch and the verdicts are the writes production mode lets through. */
export function withoutProductionGuard(route) {
    const { 403: _, ...rest } = route.fails;
    return { ...route, fails: rest };
}
export const json = (description, schema, examples) => ({ description, schema, examples });
/** Served by the worker and answered by the front itself (broadcasts, the fleet's journal). */
export const BOTH = { worker: 'router', front: 'own' };
/** The front's own. */
export const FRONT = { front: 'own' };
