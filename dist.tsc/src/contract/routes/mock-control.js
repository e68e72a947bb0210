/** The tester's controls of one MK6 (`/mock/mk6/{mk6_id}/…`): sites, states, faults, constraints, auth, the plant, history, network. */
import { errors } from '../errors.js';
import * as S from '../schema/index.js';
import { BOTH, E, json, MOCK, mockOp, fleetOp } from './common.js';
import { PDL5, PLANT_EXAMPLES, PLANT_VIEW, ROU2_SITES } from './fixtures.js';
import { TAGS } from './kit.js';
import { say } from '../../i18n/api-messages.js';
export const MOCK_CONTROL_ROUTES = [
    fleetOp(BOTH, 'get', '/mock/mk6', 'getInventory', TAGS.mock, 'The fleet inventory (a worker lists itself)', { 200: json('every MK6', S.Inventory) }),
    fleetOp(BOTH, 'get', '/supervision/api/inventory', 'getSupervisionInventory', TAGS.mock, 'The fleet inventory (same as GET /mock/mk6)', { 200: json('every MK6', S.Inventory) }),
    mockOp('post', `${MOCK}/provision`, 'provision', "Replace the MK6's sites (clears its planning); on the front an unknown id spawns a new worker", { 200: json('the new topology', S.ProvisionResult) }, { 441: ['pmax_kw not positive', E.invalid(say('pmaxPositive'), { field: 'sites[0].pmax_kw', min: 0 })], 442: ['sites is absent', E.missing('sites')] }, { schema: S.Provision, examples: { ROU2: { value: { sites: ROU2_SITES } } } }, BOTH),
    mockOp('get', `${MOCK}/state`, 'getState', "The worker's whole state (never the auth token)", { 200: json('the state', S.Mk6State) }),
    mockOp('post', `${MOCK}/site-state/{sycode}`, 'setSiteState', 'Force a site state 0|1|2', { 200: json('the site state', S.SiteState) }, { 441: ['state not 0, 1 or 2', E.invalid(say('siteStateInvalid', 3), { field: 'state', allowed: [0, 1, 2] })], 442: ['state is absent', E.missing('state')] }, { schema: S.SiteStateBody, examples: { not_controllable: { value: { state: 1 } }, nominal: { value: { state: 2 } } } }),
    mockOp('post', `${MOCK}/fault/{sycode}`, 'setFault', 'Put a site in fault (state 0)', { 200: json('the site state', S.SiteState) }),
    mockOp('delete', `${MOCK}/fault/{sycode}`, 'clearFault', 'Clear the fault: the site gets back the state it had', { 200: json('the site state', S.SiteState) }),
    mockOp('post', `${MOCK}/offline`, 'setOffline', 'Soft outage: every MK6 API call answers 503 MK6_OFFLINE', { 200: json('offline', S.Online) }),
    mockOp('post', `${MOCK}/online`, 'setOnline', 'End of the soft outage', { 200: json('online', S.Online) }),
    mockOp('post', `${MOCK}/auth`, 'setAuth', "Bearer auth on this MK6's API", { 200: json('auth on or off', S.AuthResult) }, { 442: ['token is absent while enabling', E.missing('token')] }, { schema: S.AuthBody, examples: { on: { value: { enabled: true, token: 'secret123' } }, off: { value: { enabled: false } } } }),
    mockOp('post', `${MOCK}/sites/{sycode}/inject_external`, 'injectExternal', 'A DEIE or SCADA constraint on a site, optionally in a window', {
        200: json('the constraint', S.InjectResult, (t) => ({
            DEIE: { sycode: PDL5, external_constraint: { source: 'DEIE', value_kw: 3000, since: t.at(0), start_time: null, end_time: null }, active: true },
        })),
    }, {
        422: ['end_time <= start_time', E.timeRange],
        441: ['value_kw below 0', E.invalid(say('valueKwNonNegative'), { field: 'value_kw', min: 0 })],
        442: ['source or value_kw is absent', E.missing('source')],
    }, {
        schema: S.InjectExternal,
        examples: (t) => ({
            DEIE: { value: { source: 'DEIE', value_kw: 3000 } },
            window: { value: { source: 'DEIE', value_kw: 2000, start_time: t.at(0), end_time: t.at(4) } },
        }),
    }),
    mockOp('delete', `${MOCK}/sites/{sycode}/inject_external`, 'clearExternal', 'Remove the constraint', {
        200: json('no constraint', S.InjectResult, { cleared: { sycode: PDL5, external_constraint: null } }),
    }),
    // ── the plant behind a site: dynamics and production profile; the history export ──
    mockOp('get', `${MOCK}/sites/{sycode}/plant`, 'getPlant', "A site's plant: its dynamics and production profile, and what it gives now", {
        200: json('the plant', S.PlantView, { PDL5: PLANT_VIEW }),
    }),
    mockOp('post', `${MOCK}/sites/{sycode}/plant`, 'setPlant', "Set a site's dynamics (ramp, dead time) and/or production profile (model, walk, recorded day) at run time; null: back to none / the built-in model. The plant keeps its operating point of this instant and goes on from there.", { 200: json('the plant', S.PlantView, { PDL5: PLANT_VIEW }) }, {
        400: ['Nothing to change, an unknown key, a recorded time unreadable', errors.badRequest(say('nothingToChange', 'dynamics, profile'), {})],
        441: ['A value out of range (a ramp not positive, a bound above pmax, an unknown kind)', E.invalid(say('profileMaxAbovePmax', 'profile', 12000, 11120), { field: 'profile.max_kw', max: 11120 })],
        442: ['A field the profile requires is absent', E.missing('profile.points')],
    }, { schema: S.PlantBody, examples: PLANT_EXAMPLES }),
    {
        ...mockOp('get', `${MOCK}/history`, 'getHistory', `The monitoring values of the MK6's sites (or one) from..to every step, equal to what GET monitoring/sites answers at those instants; at most ${S.MAX_HISTORY_ROWS} rows (instants × sites), else 441. format=csv: text/csv, one header line (time,sycode,state,pavailable_kw,pactive_kw,psetpoint_recu_kw,external_constraint_kw), ISO times, kW`, {
            200: json('the rows (format=json; format=csv answers text/csv)', S.History),
        }, {
            400: ['A time or step unreadable', errors.badRequest(say('fieldInvalidValue', 'from', '"hier"'), { field: 'from' })],
            404: ['Unknown site (sycode)', E.site],
            422: ['to before from', E.timeRange],
            441: [`More than ${S.MAX_HISTORY_ROWS} rows, a step under 1 s, an unknown format`, E.invalid(say('tooManyRows', 86401, S.MAX_HISTORY_ROWS), { field: 'step', rows: 86401, max: S.MAX_HISTORY_ROWS })],
            442: ['from or to is absent', E.missing('from')],
        }),
        query: [
            { name: 'from', required: true, description: 'ISO time, the first instant (simulated)', schema: { type: 'string', format: 'date-time' }, example: (t) => t.at(0) },
            { name: 'to', required: true, description: 'ISO time, the last instant (included)', schema: { type: 'string', format: 'date-time' }, example: (t) => t.at(1) },
            { name: 'step', required: false, description: '30s, 5m, 1h… or seconds; whole seconds, at least 1 (default 60s)', schema: { type: 'string' }, example: '5m' },
            { name: 'format', required: false, description: 'json (default) or csv', schema: { type: 'string', enum: ['json', 'csv'] }, example: 'json' },
            { name: 'sycode', required: false, description: 'one site only', schema: { type: 'string' }, example: PDL5 },
        ],
    },
];
/**
 * Network conditions. Clearing them all is declared (and documented) before adding, so a
 * replay in path order adds `slow-gw` after the clear and removes it by name next.
 */
export const NETWORK_ROUTES = [
    mockOp('delete', `${MOCK}/network`, 'clearNetwork', 'Remove every network condition', { 200: json('removed', S.NetworkChange) }),
    mockOp('get', `${MOCK}/network`, 'getNetwork', "This MK6's network conditions, with how many requests each matched and acted on", { 200: json('the conditions', S.NetworkConditions) }),
    mockOp('post', `${MOCK}/network`, 'addNetworkCondition', 'Add (or replace, by name) a network condition: latency, timeout, reset, error or slow, optionally filtered by methods, path, probability, first_n. Answers of the MK6 API then follow the condition, not this document.', { 201: json('added', S.NetworkChange) }, { 441: ['Unknown type, or a value out of range', E.invalid(say('fieldInvalidAmong', 'type', '"x"', S.CONDITION_TYPES.join('|')), { field: 'type', allowed: [...S.CONDITION_TYPES] })], 442: ['name or type is absent', E.missing('name')] }, {
        schema: S.NetworkCondition,
        // `slow-gw` first: a generator that replays only an operation's first example removes it next.
        examples: {
            latency: { value: { name: 'slow-gw', type: 'latency', latency_ms: 800, jitter_ms: 200 } },
            error: { value: { name: 'flaky', type: 'error', status: 503, probability: 0.2, methods: ['POST'] } },
        },
    }),
    mockOp('delete', `${MOCK}/network/{name}`, 'removeNetworkCondition', 'Remove one network condition', { 200: json('removed', S.NetworkChange) }, {
        404: ['Unknown condition', errors.notFound(say('conditionNotFound', 'x'))],
    }),
];
