/**
 * The route table of the contract: every operation the fleet serves, with its body, its
 * answers (schemas from src/schema/) and the contract's errors it may raise (built by the
 * very constructors of src/domain/errors.ts, so their messages cannot drift). The examples
 * match the default fleet (fleet.yaml) and are safe to replay in path order against a fresh
 * one: the clock is frozen first, ROU2 keeps its own sites, every id they name exists.
 */
import { errors, Mk6Error } from '../errors.js';
import * as S from '../schema/index.js';
import { Type, type TSchema } from '../schema/kit.js';

export const TAGS = {
  mk6: 'MK6 API',
  mock: 'Mock control',
  clock: 'Clock, mode and reset',
  journal: 'Journal',
  fleet: 'Fleet',
  meta: 'Contract and observability',
} as const;

/** Operations only the supervisor's front answers. */
export const FRONT_ONLY_TAGS: ReadonlySet<string> = new Set([TAGS.fleet]);

export type Verb = 'get' | 'post' | 'patch' | 'delete';
/** status → [description, the contract errors it carries (one example each)] */
export type Fails = Record<number, [string, ...Mk6Error[]]>;
interface Answer {
  description: string;
  schema?: TSchema;
  examples?: Record<string, unknown>;
  /** A non-JSON answer (HTML, text). */
  type?: string;
  /** Response headers, name → description. */
  headers?: Record<string, string>;
}
export interface Route {
  method: Verb;
  path: string;
  id: string;
  tag: string;
  summary: string;
  description?: string;
  body?: { schema: TSchema; examples?: Record<string, unknown>; required?: boolean; yaml?: boolean };
  query?: Record<string, unknown>[];
  ok: Record<number, Answer>;
  fails: Fails;
}

const API = '/api/v1/mk6/{mk6_id}';
const MOCK = '/mock/mk6/{mk6_id}';

// ── the default fleet's ROU2, as the examples use it ──
const ROU2 = 'ROU2';
const PDL10 = '8FV8CCX2w7X0'; // thissite, pmax 11120
const PDL5 = '8FV8C9MWwHH0'; // nearsite, pmax 11120
const ROU2_SITES = [
  { sycode: PDL10, name: 'ROU2 PDL10', role: 'thissite', pmax_kw: 11120, prm_id: '50048300262939' },
  { sycode: '8FV8C9MWwHJ0', name: 'ROU2 PDL8', role: 'nearsite', pmax_kw: 11120, prm_id: '50015159886785' },
  { sycode: PDL5, name: 'ROU2 PDL5', role: 'nearsite', pmax_kw: 11120, prm_id: '50049023851893' },
  { sycode: '8FV8CCX2w7W0', name: 'ROU2 PDL9', role: 'nearsite', pmax_kw: 11120, prm_id: '50048155545173' },
];
const ROU2_MONITORING = {
  thissite: { [PDL10]: 'ROU2 PDL10' },
  nearsite: [{ '8FV8C9MWwHJ0': 'ROU2 PDL8' }, { [PDL5]: 'ROU2 PDL5' }, { '8FV8CCX2w7W0': 'ROU2 PDL9' }],
  state: { [PDL10]: 2, '8FV8C9MWwHJ0': 2, [PDL5]: 2, '8FV8CCX2w7W0': 2 },
};
const REQ_001 = {
  id: 'REQ-001',
  seq: 1,
  set: 'Psetpoint',
  site: { [PDL10]: 'ROU2 PDL10' },
  psetpoint: 5000,
  start_time: '2026-03-01T12:00:00Z',
  end_time: '2026-03-01T18:00:00Z',
  state: 'scheduled',
  created_at: '2026-03-01T10:00:00Z',
};
const PDL5_VIEW = {
  sycode: PDL5,
  site_name: 'ROU2 PDL5',
  role: 'nearsite',
  prm_id: '50049023851893',
  state: 2,
  fault: false,
  pmax_wf: 11120,
  pavailable: 6480.5,
  pactive: 6480.5,
  psetpoint_recu: 11120,
  stop_wf_active: false,
  active_request: null,
  external_constraint: null,
};

const PLANT_VIEW = {
  mk6_id: ROU2,
  sycode: PDL5,
  dynamics: { ramp_kw_per_min: 1000, dead_time_s: 30 },
  profile: null,
  pavailable: 6480,
  pactive: 6480,
};
const PLANT_EXAMPLES = {
  ramp: { dynamics: { ramp_kw_per_min: 1000, ramp_down_kw_per_min: 2000, dead_time_s: 30 } },
  recorded_day: { profile: { kind: 'recorded', points: [['00:00', 2000], ['06:00', 3500], ['12:00', 9000], ['18:00', 5000]] } },
  walk: { profile: { kind: 'walk', min_kw: 1000, max_kw: 8000, step_kw: 250, interval_s: 10, seed: 7 } },
  model: { profile: { kind: 'model', low: 0.2, high: 0.9, variability: 0.5 } },
  back_to_default: { dynamics: null, profile: null },
};

// ── the contract's errors, raised by the same constructors the code uses ──
const E = {
  json: errors.badRequest('JSON invalide'),
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
  missing: (field: string) => errors.missingField(field),
  invalid: (message: string, details: Record<string, unknown>) => errors.invalidValue(message, details),
};

/** What every operation may answer: Node's parser refuses headers over 16 KiB. */
const ANY: Fails = { 431: ['Request headers over 16 KiB (refused before any route)', E.headers] };
/** Through the front, an MK6 whose process is down or hangs. */
const PROXIED: Fails = {
  502: ['Front only: the MK6 process is down (killed, stopped) or resets connections', E.unreachable],
  504: ['Front only: the MK6 accepts connections but never answers (kill kind blackhole)', E.timeout],
};
/** Front only: a control call made while the fleet starts waits for it, at most 30 s. */
export const STARTING_DESCRIPTION = 'Front only: the fleet is still starting; the call waited 30 s (try again after Retry-After)';
const STARTING: Fails = { 503: [STARTING_DESCRIPTION, E.starting] };
/** The front's control calls: every `/mock/…` operation, the mode switch, clearing the journal. */
const isControl = (method: Verb, path: string) => path.startsWith('/mock/') || path === '/supervision/mode' || (path === '/api/v1/debug/requests' && method !== 'get');

/** A write: production mode refuses it; with a JSON body, malformed or too large. */
function writeFails(withBody: boolean): Fails {
  const out: Fails = { 403: ['Production mode: writes are refused', E.forbidden] };
  if (withBody) {
    out[400] = ['Malformed JSON or an invalid value', E.json];
    out[413] = ['JSON body over 64 KiB', E.tooLarge];
  }
  return out;
}
/** Merges error tables; a status in several keeps every example. */
function fails(...tables: Fails[]): Fails {
  const out: Fails = {};
  for (const table of tables) {
    for (const [status, [description, ...cases]] of Object.entries(table)) {
      const had = out[Number(status)];
      out[Number(status)] = had ? [`${had[0]}; or ${description}`, ...(had.slice(1) as Mk6Error[]), ...cases] : [description, ...cases];
    }
  }
  return out;
}

/** An MK6 API operation: unknown MK6, offline, bearer auth, the front's 502/504. */
function mk6Op(method: Verb, path: string, id: string, summary: string, ok: Record<number, Answer>, extra: Fails = {}, body?: Route['body']): Route {
  const base: Fails = {
    401: ['Bearer auth is on and the token is missing or wrong', E.unauthorized],
    404: ['Unknown MK6', E.mk6],
    503: ['The MK6 is offline (soft outage)', E.offline],
  };
  return { method, path, id, tag: TAGS.mk6, summary, ok, body, fails: fails(ANY, base, PROXIED, method === 'get' ? {} : writeFails(Boolean(body)), extra) };
}
/** A mock control of one MK6 (proxied by the front). */
function mockOp(method: Verb, path: string, id: string, summary: string, ok: Record<number, Answer>, extra: Fails = {}, body?: Route['body']): Route {
  const notFound: Fails = { 404: ['Unknown MK6 (or site)', E.mk6, ...(path.includes('{sycode}') ? [E.site] : [])] };
  return { method, path, id, tag: TAGS.mock, summary, ok, body, fails: fails(ANY, notFound, PROXIED, STARTING, method === 'get' ? {} : writeFails(Boolean(body)), extra) };
}
/** A fleet-wide operation (the front's own, or broadcast to every worker). */
function fleetOp(method: Verb, path: string, id: string, tag: string, summary: string, ok: Record<number, Answer>, extra: Fails = {}, body?: Route['body']): Route {
  return { method, path, id, tag, summary, ok, body, fails: fails(ANY, isControl(method, path) ? STARTING : {}, method === 'get' ? {} : writeFails(Boolean(body)), extra) };
}
/** The mode switch is the one write production mode lets through. */
function withoutProductionGuard(route: Route): Route {
  const { 403: _, ...rest } = route.fails;
  return { ...route, fails: rest };
}
const json = (description: string, schema: TSchema, examples?: Record<string, unknown>): Answer => ({ description, schema, examples });

export const ROUTES: Route[] = [
  // ── the clock first: the examples below live on 2026-03-01 ──
  fleetOp('get', '/supervision/api/time', 'getTime', TAGS.clock, 'The fleet clock', {
    200: json('now and its source', S.Clock, { system: { now: '2026-02-25T09:00:00Z', source: 'system' }, mock: { now: '2026-03-01T10:00:00Z', source: 'mock', frozen: true } }),
  }),
  fleetOp(
    'post',
    '/mock/time',
    'setTime',
    TAGS.clock,
    'Freeze the fleet clock at `now` (or run it `speed` times real time from there)',
    { 200: json('the echo', S.SetTimeResult, { frozen: { now: '2026-03-01T10:00:00+00:00' } }) },
    { 441: ['speed out of 0..100000', E.invalid('speed invalide (0..100000)', { field: 'speed', min: 0, max: 100_000 })], 442: ['now is absent', E.missing('now')] },
    { schema: S.SetTime, examples: { run_x60: { now: '2026-03-01T09:00:00Z', speed: 60 }, freeze: { now: '2026-03-01T10:00:00Z' } } },
  ),

  // ── MK6 gateway API ──
  mk6Op('get', `${API}/monitoring`, 'getMonitoring', 'Topology and state of every site', { 200: json('thissite, nearsites and their state', S.Monitoring, { ROU2: ROU2_MONITORING }) }),
  mk6Op('get', `${API}/monitoring/sites`, 'getSites', 'Every site, in full', { 200: json('SiteView by sycode', S.SiteViews) }),
  mk6Op('get', `${API}/monitoring/sites/{sycode}`, 'getSite', 'One site', { 200: json('the site', S.SiteView, { PDL5: PDL5_VIEW }) }, { 404: ['Unknown site', E.site] }),
  mk6Op('get', `${API}/monitoring/planning`, 'getPlanningBySite', 'Planning grouped by site', { 200: json('scheduled and active requests by sycode', S.PlanningBySite) }),
  mk6Op(
    'post',
    `${API}/requests`,
    'postRequest',
    'Send a setpoint (Psetpoint), a stop, or a main_reset',
    {
      200: json('main_reset done: scheduled requests deleted, active ones kept', S.MainResetResult, { main_reset: { deleted_count: 0, kept_count: 0, reason: 'nettoyage PDL8' } }),
      201: json('the new request', S.Request, { REQ_001 }),
    },
    {
      400: ['Invalid set, non-numeric psetpoint, unparseable time', errors.badRequest("set invalide: 'invalid'", { field: 'set', allowed: [...S.SET_VALUES] }), errors.badRequest('psetpoint doit être un nombre', { field: 'psetpoint' })],
      404: ['Unknown site', E.site],
      422: ['end_time <= start_time', E.timeRange],
      441: ['psetpoint out of 0..pmax of the site', E.invalid(`psetpoint hors plage [0, 11120]: 12000`, { max: 11120, site: PDL10 })],
      442: ['A required field is absent (set first, then site, then psetpoint)', E.missing('set'), E.missing('site'), E.missing('psetpoint')],
      443: ['main_reset without "confirm": true', errors.confirmationRequired()],
      503: ['The site is in state 0', E.notAccessible],
    },
    {
      schema: S.NewRequest,
      examples: {
        psetpoint: { set: 'Psetpoint', site: PDL10, psetpoint: 5000, start_time: '2026-03-01T12:00:00Z', end_time: '2026-03-01T18:00:00Z' },
        stop_by_name: { set: 'stop', site: 'ROU2 PDL10', start_time: '2026-03-01T19:00:00Z', end_time: '2026-03-01T20:00:00Z' },
        with_extra: { set: 'Psetpoint', site: PDL5, psetpoint: 3000, start_time: '2026-03-01T12:00:00Z', end_time: '2026-03-01T18:00:00Z', preset: 'none' },
        main_reset: { set: 'main_reset', site: '8FV8C9MWwHJ0', confirm: true, reason: 'nettoyage PDL8' },
      },
    },
  ),
  mk6Op('get', `${API}/planning`, 'getPlanning', 'Scheduled and active requests, by start time', { 200: json('the planning', S.Planning) }),
  mk6Op('get', `${API}/planning/{request_id}`, 'getRequest', 'One request, whatever its state', { 200: json('the request', S.Request, { REQ_001 }) }, {
    405: ['Unknown request (the seed answers 405 REQUEST_NOT_FOUND, kept on purpose)', E.requestNotFound],
  }),
  mk6Op(
    'patch',
    `${API}/planning/{request_id}`,
    'patchRequest',
    'Change psetpoint, start or end of a scheduled request',
    { 200: json('the changed request', S.Request) },
    {
      405: ['Unknown request', E.requestNotFound],
      409: ['The request is active, expired or deleted', E.locked],
      422: ['end_time <= start_time', E.timeRange],
      441: ['psetpoint out of 0..pmax of the site', E.invalid(`psetpoint hors plage [0, 11120]: 12000`, { max: 11120, site: PDL10 })],
      503: ['The site is in state 0', E.notAccessible],
    },
    { schema: S.RequestPatch, examples: { psetpoint: { psetpoint: 6000 } } },
  ),
  mk6Op('delete', `${API}/planning/{request_id}`, 'deleteRequest', 'Delete a scheduled or active request (deleting the active one returns the site to Pmax)', { 200: json('the deleted request (state deleted)', S.Request) }, {
    405: ['Unknown request', E.requestNotFound],
    409: ['The request is expired or deleted', errors.requestLocked('REQ-001', 'deleted')],
  }),

  // ── mock control of one MK6 ──
  fleetOp('get', '/mock/mk6', 'getInventory', TAGS.mock, 'The fleet inventory (a worker lists itself)', { 200: json('every MK6', S.Inventory) }),
  fleetOp('get', '/supervision/api/inventory', 'getSupervisionInventory', TAGS.mock, 'The fleet inventory (same as GET /mock/mk6)', { 200: json('every MK6', S.Inventory) }),
  mockOp(
    'post',
    `${MOCK}/provision`,
    'provision',
    "Replace the MK6's sites (clears its planning); on the front an unknown id spawns a new worker",
    { 200: json('the new topology', S.ProvisionResult) },
    { 441: ['pmax_kw not positive', E.invalid('pmax_kw doit être positif', { field: 'sites[0].pmax_kw', min: 0 })], 442: ['sites is absent', E.missing('sites')] },
    { schema: S.Provision, examples: { ROU2: { sites: ROU2_SITES } } },
  ),
  mockOp('get', `${MOCK}/state`, 'getState', "The worker's whole state (never the auth token)", { 200: json('the state', S.Mk6State) }),
  mockOp(
    'post',
    `${MOCK}/site-state/{sycode}`,
    'setSiteState',
    'Force a site state 0|1|2',
    { 200: json('the site state', S.SiteState) },
    { 441: ['state not 0, 1 or 2', E.invalid('state invalide: 3 (0, 1 ou 2)', { field: 'state', allowed: [0, 1, 2] })], 442: ['state is absent', E.missing('state')] },
    { schema: S.SiteStateBody, examples: { not_controllable: { state: 1 }, nominal: { state: 2 } } },
  ),
  mockOp('post', `${MOCK}/fault/{sycode}`, 'setFault', 'Put a site in fault (state 0)', { 200: json('the site state', S.SiteState) }),
  mockOp('delete', `${MOCK}/fault/{sycode}`, 'clearFault', 'Clear the fault: the site gets back the state it had', { 200: json('the site state', S.SiteState) }),
  mockOp('post', `${MOCK}/offline`, 'setOffline', 'Soft outage: every MK6 API call answers 503 MK6_OFFLINE', { 200: json('offline', S.Online) }),
  mockOp('post', `${MOCK}/online`, 'setOnline', 'End of the soft outage', { 200: json('online', S.Online) }),
  mockOp(
    'post',
    `${MOCK}/auth`,
    'setAuth',
    "Bearer auth on this MK6's API",
    { 200: json('auth on or off', S.AuthResult) },
    { 442: ['token is absent while enabling', E.missing('token')] },
    { schema: S.AuthBody, examples: { on: { enabled: true, token: 'secret123' }, off: { enabled: false } } },
  ),
  mockOp(
    'post',
    `${MOCK}/sites/{sycode}/inject_external`,
    'injectExternal',
    'A DEIE or SCADA constraint on a site, optionally in a window',
    {
      200: json('the constraint', S.InjectResult, {
        DEIE: { sycode: PDL5, external_constraint: { source: 'DEIE', value_kw: 3000, since: '2026-03-01T10:00:00Z', start_time: null, end_time: null }, active: true },
      }),
    },
    {
      422: ['end_time <= start_time', E.timeRange],
      441: ['value_kw below 0', E.invalid('value_kw doit être >= 0', { field: 'value_kw', min: 0 })],
      442: ['source or value_kw is absent', E.missing('source')],
    },
    {
      schema: S.InjectExternal,
      examples: {
        DEIE: { source: 'DEIE', value_kw: 3000 },
        window: { source: 'DEIE', value_kw: 2000, start_time: '2026-03-01T10:00:00Z', end_time: '2026-03-01T14:00:00Z' },
      },
    },
  ),
  mockOp('delete', `${MOCK}/sites/{sycode}/inject_external`, 'clearExternal', 'Remove the constraint', {
    200: json('no constraint', S.InjectResult, { cleared: { sycode: PDL5, external_constraint: null } }),
  }),

  // ── the plant behind a site: dynamics and production profile; the history export ──
  mockOp('get', `${MOCK}/sites/{sycode}/plant`, 'getPlant', "A site's plant: its dynamics and production profile, and what it gives now", {
    200: json('the plant', S.PlantView, { PDL5: PLANT_VIEW }),
  }),
  mockOp(
    'post',
    `${MOCK}/sites/{sycode}/plant`,
    'setPlant',
    "Set a site's dynamics (ramp, dead time) and/or production profile (model, walk, recorded day) at run time; null: back to none / the built-in model. The plant keeps its operating point of this instant and goes on from there.",
    { 200: json('the plant', S.PlantView, { PDL5: PLANT_VIEW }) },
    {
      400: ['Nothing to change, an unknown key, a recorded time unreadable', errors.badRequest('Rien à modifier (dynamics, profile)', {})],
      441: ['A value out of range (a ramp not positive, a bound above pmax, an unknown kind)', E.invalid('profile.max_kw (12000) dépasse pmax_kw (11120)', { field: 'profile.max_kw', max: 11120 })],
      442: ['A field the profile requires is absent', E.missing('profile.points')],
    },
    { schema: S.PlantBody, examples: PLANT_EXAMPLES },
  ),
  {
    ...mockOp('get', `${MOCK}/history`, 'getHistory', `The monitoring values of the MK6's sites (or one) from..to every step, equal to what GET monitoring/sites answers at those instants; at most ${S.MAX_HISTORY_ROWS} rows (instants × sites), else 441. format=csv: text/csv, one header line (time,sycode,state,pavailable_kw,pactive_kw,psetpoint_recu_kw,external_constraint_kw), ISO times, kW`, {
      200: json('the rows (format=json; format=csv answers text/csv)', S.History),
    }, {
      400: ['A time or step unreadable', errors.badRequest('from invalide: "hier"', { field: 'from' })],
      404: ['Unknown site (sycode)', E.site],
      422: ['to before from', E.timeRange],
      441: [`More than ${S.MAX_HISTORY_ROWS} rows, a step under 1 s, an unknown format`, E.invalid(`trop de lignes: 86401 (max ${S.MAX_HISTORY_ROWS}): réduisez l'intervalle ou augmentez step`, { field: 'step', rows: 86401, max: S.MAX_HISTORY_ROWS })],
      442: ['from or to is absent', E.missing('from')],
    }),
    query: [
      { name: 'from', in: 'query', required: true, description: 'ISO time, the first instant (simulated)', schema: { type: 'string', format: 'date-time' }, example: '2026-03-01T10:00:00Z' },
      { name: 'to', in: 'query', required: true, description: 'ISO time, the last instant (included)', schema: { type: 'string', format: 'date-time' }, example: '2026-03-01T11:00:00Z' },
      { name: 'step', in: 'query', required: false, description: '30s, 5m, 1h… or seconds; whole seconds, at least 1 (default 60s)', schema: { type: 'string' }, example: '5m' },
      { name: 'format', in: 'query', required: false, description: 'json (default) or csv', schema: { type: 'string', enum: ['json', 'csv'] }, example: 'json' },
      { name: 'sycode', in: 'query', required: false, description: 'one site only', schema: { type: 'string' }, example: PDL5 },
    ],
  },
  {
    ...fleetOp('get', '/mock/stream', 'getStream', TAGS.fleet, 'The fleet live (Server-Sent Events): `event: fleet` for each entry of the event log (id: its id), `event: telemetry` for each MK6 whose sites changed ({mk6_id, sim_time, sites: {SYC: {pavailable, pactive, consigne, state}}}) at the rate the client picks. A client that does not read (256 KiB unread) is dropped; at most 64 clients.', {
      200: { description: 'text/event-stream, until the client leaves (or `limit` events)', type: 'text/event-stream' },
    }, {
      400: ['A query value that is not an integer', errors.badRequest('interval_ms doit être un entier >= 0', { field: 'interval_ms' })],
      441: ['interval_ms out of 100..60000, an unknown type', E.invalid('interval_ms hors plage [100, 60000]: 5', { field: 'interval_ms', min: 100, max: 60_000 })],
      503: ['64 clients already', errors.streamFull(64, 5)],
    }),
    query: [
      { name: 'interval_ms', in: 'query', required: false, description: 'how often the stream looks (100..60000, default 1000)', schema: { type: 'integer', minimum: 100, maximum: 60_000 }, example: 100 },
      { name: 'types', in: 'query', required: false, description: 'fleet, telemetry, or both (default)', schema: { type: 'string' }, example: 'fleet,telemetry' },
      { name: 'since_id', in: 'query', required: false, description: 'fleet events after this id first (also Last-Event-ID); default: only new ones', schema: { type: 'integer', minimum: 0 } },
      { name: 'limit', in: 'query', required: false, description: 'end the stream after this many events (0: never)', schema: { type: 'integer', minimum: 0 }, example: 1 },
    ],
  },
  fleetOp(
    'post',
    `${MOCK}/kill`,
    'killMk6',
    TAGS.fleet,
    'Hard outage: stop the process (its port refuses connections; the proxy answers 502), or make it hang (blackhole: the proxy answers 504) or reset connections',
    { 200: json('stopped', S.KillResult) },
    { 404: ['Unknown MK6', E.mk6], 441: ['Unknown kind', E.invalid(`kind invalide: "x" (${S.KILL_KINDS.join('|')})`, { field: 'kind', allowed: [...S.KILL_KINDS] })] },
    { schema: S.KillBody, examples: { refused: {} }, required: false },
  ),
  fleetOp(
    'post',
    `${MOCK}/restart`,
    'restartMk6',
    TAGS.fleet,
    'Start the process again, with the state it had (cold: a power cut, the planning is lost)',
    { 200: json('running', S.RestartResult) },
    { 404: ['Unknown MK6', E.mk6], 441: ['Unknown kind', E.invalid(`kind invalide: "x" (${S.RESTART_KINDS.join('|')})`, { field: 'kind', allowed: [...S.RESTART_KINDS] })] },
    { schema: S.RestartBody, examples: { warm: {} }, required: false },
  ),
  mockOp('get', `${MOCK}/network`, 'getNetwork', "This MK6's network conditions, with how many requests each matched and acted on", { 200: json('the conditions', S.NetworkConditions) }),
  mockOp(
    'post',
    `${MOCK}/network`,
    'addNetworkCondition',
    'Add (or replace, by name) a network condition: latency, timeout, reset, error or slow, optionally filtered by methods, path, probability, first_n. Answers of the MK6 API then follow the condition, not this document.',
    { 201: json('added', S.NetworkChange) },
    { 441: ['Unknown type, or a value out of range', E.invalid(`type invalide: "x" (${S.CONDITION_TYPES.join('|')})`, { field: 'type', allowed: [...S.CONDITION_TYPES] })], 442: ['name or type is absent', E.missing('name')] },
    {
      schema: S.NetworkCondition,
      examples: {
        error: { name: 'flaky', type: 'error', status: 503, probability: 0.2, methods: ['POST'] },
        latency: { name: 'slow-gw', type: 'latency', latency_ms: 800, jitter_ms: 200 },
      },
    },
  ),
  mockOp('delete', `${MOCK}/network/{name}`, 'removeNetworkCondition', 'Remove one network condition', { 200: json('removed', S.NetworkChange) }, {
    404: ['Unknown condition', errors.notFound("Condition réseau inconnue: 'x'")],
  }),
  mockOp('delete', `${MOCK}/network`, 'clearNetwork', 'Remove every network condition', { 200: json('removed', S.NetworkChange) }),

  // ── the front's timeline ──
  fleetOp('get', '/mock/timeline', 'getTimeline', TAGS.fleet, 'The timeline of events on the fleet clock, with what fired', { 200: json('the timeline', S.Timeline) }),
  fleetOp(
    'post',
    '/mock/timeline',
    'loadTimeline',
    TAGS.fleet,
    'Load a timeline (replaces the current one): events fire when the fleet clock reaches them',
    { 200: json('the timeline', S.Timeline) },
    { 413: ['Body over 256 KiB', errors.payloadTooLarge('256 KiB')] },
    {
      schema: S.TimelineBody,
      yaml: true,
      examples: { constraint: { timeline: [{ at: '2026-03-01T11:00:00Z', action: 'constraint_on', mk6: 'VAI', sycode: '8FV897G6wGQ0', value_kw: 3000 }] } },
    },
  ),
  fleetOp('delete', '/mock/timeline', 'clearTimeline', TAGS.fleet, 'Clear the timeline', { 200: json('the empty timeline', S.Timeline) }),

  // ── the recette: what the fleet did, and its verdict on the gateway ──
  {
    ...fleetOp('get', '/mock/events', 'getEvents', TAGS.fleet, 'The fleet event log: every action on the fleet (clock, reset, mode, kill, restart, respawn, outage, network, fault, site state, constraint, auth, provision, timeline firing) with its simulated and real time', {
      200: json('events, oldest first', S.FleetEvents, {
        kill: [{ id: 7, sim_time: '2026-03-01T11:00:00Z', wall_time: '2026-11-27T02:10:03.120Z', kind: 'kill', mk6_id: ROU2, details: { kind: 'blackhole' } }],
      }),
    }, {
      400: ['since_id is not an integer >= 0', errors.badRequest('since_id doit être un entier >= 0', { field: 'since_id' })],
    }),
    query: [{ name: 'since_id', in: 'query', required: false, description: 'only events with id > since_id', schema: { type: 'integer', minimum: 0 }, example: 0 }],
  },
  withoutProductionGuard(fleetOp(
    'post',
    '/mock/verdicts',
    'postVerdicts',
    TAGS.fleet,
    "The fleet judges the gateway: each check of a recette file (YAML text or JSON) over the journal and the event log since the last reset (reads only; allowed in production mode)",
    {
      200: json('the verdict: each check pass, fail or not_applicable, with its message and evidence', S.Verdict),
    },
    { 400: ['A bad recette file: every fault as `recette:line path: fault` in details.problems', errors.badRequest("Recette invalide: recette:4 checks[0].max_gap: durée invalide: \"2 min\" (ex. 30s, 5m, 1h, 1h30m)", { problems: ['recette:4 checks[0].max_gap: durée invalide: "2 min" (ex. 30s, 5m, 1h, 1h30m)'] })], 413: ['Body over 256 KiB', errors.payloadTooLarge('256 KiB')] },
    {
      schema: S.Recette,
      yaml: true,
      examples: {
        day: {
          name: 'GW 3.2 on ROUVAI',
          window: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' },
          checks: [
            { id: 'writes-accepted', kind: 'no_errors', methods: ['POST', 'PATCH', 'DELETE'] },
            { id: 'cadence', kind: 'polls', path: '*/monitoring*', max_gap: '2m', mk6: [ROU2] },
            { id: 'backoff', kind: 'max_rate_while_down', per_minute: 6 },
          ],
        },
      },
    },
  )),

  // ── recording the gateway's session (HAR 1.2, full bodies, beyond the journal's 1000) ──
  fleetOp('get', '/mock/recording', 'getRecording', TAGS.fleet, 'The recording: on or off, its file, how many gateway calls it holds, its size and cap', {
    200: json('the recording', S.RecordingView),
  }),
  fleetOp(
    'post',
    '/mock/recording',
    'setRecording',
    TAGS.fleet,
    'Start (`on: true`, optional `name`) or stop (`on: false`) recording every gateway call with its full bodies to <state-dir>/recordings/<name>.har (64 MiB at most; a name used before starts afresh)',
    { 200: json('the recording', S.RecordingView) },
    { 442: ['on is absent', E.missing('on')] },
    { schema: S.RecordingBody, examples: { start: { on: true, name: 'field-day' }, stop: { on: false } } },
  ),
  {
    ...fleetOp('get', '/mock/recordings/{recording}', 'getRecordingFile', TAGS.fleet, 'A recording as HAR 1.2 (the one in progress too): replay it with `mk6-fleet replay FILE.har --url BASE`', { 200: json('HAR 1.2', S.Har) }, {
      400: ['name is not a safe id', errors.badRequest("name invalide (lettres, chiffres, '.', '_', '-', 64 max)", { field: 'name' })],
      404: ['No such recording', errors.notFound("Enregistrement inconnu: 'x'")],
    }),
  },

  // ── fleet-wide controls (the front broadcasts them to every worker) ──
  fleetOp('post', '/mock/time/release', 'releaseTime', TAGS.clock, 'Back to real time', {
    200: json('released', S.ReleaseResult, { released: { message: 'Horloge liberee — temps reel actif', now: null } }),
  }),
  fleetOp('get', '/supervision/api/mode', 'getMode', TAGS.clock, 'mock or production', { 200: json('the mode', S.ModeView) }),
  withoutProductionGuard(fleetOp(
    'post',
    '/supervision/mode',
    'setMode',
    TAGS.clock,
    'production: every write (but this one) answers 403 and the clock is released',
    { 200: json('the mode', S.ModeResult) },
    { 400: ['Unknown mode', errors.badRequest("mode invalide: 'x' (mock|production)", { field: 'mode' })], 442: ['mode is absent', E.missing('mode')] },
    { schema: S.ModeBody, examples: { mock: { mode: 'mock' } } },
  )),
  fleetOp('post', '/mock/reset', 'reset', TAGS.clock, 'Back to the fleet file: no requests, states 2, no faults, constraints or auth; added MK6s removed; clock released; journal cleared', {
    200: json('reset', S.ResetResult),
  }),

  // ── journal ──
  {
    ...fleetOp('get', '/api/v1/debug/requests', 'getJournal', TAGS.journal, 'Every request the MK6 workers received (newest 1000, one id sequence for the fleet); `?format=har`: the same as HAR 1.2', {
      200: json('journal entries, oldest first; with format=har, a HAR 1.2 log of them (bodies cut at 4 KiB marked _truncated; Authorization masked)', Type.Union([Type.Unsafe(Type.Ref(S.Journal.$id as string)), Type.Unsafe(Type.Ref(S.Har.$id as string))])),
    }, {
      400: ['since_id is not an integer >= 0, or an unknown format', errors.badRequest('since_id doit être un entier >= 0', { field: 'since_id' }), errors.badRequest('format invalide (json|har)', { field: 'format', allowed: ['json', 'har'] })],
    }),
    query: [
      { name: 'since_id', in: 'query', required: false, description: 'only entries with id > since_id', schema: { type: 'integer', minimum: 0 }, example: 0 },
      { name: 'format', in: 'query', required: false, description: '`json` (default): the entries; `har`: HAR 1.2 (open it in a browser devtools Network tab, Charles, Insomnia, k6)', schema: { type: 'string', enum: ['json', 'har'] }, example: 'har' },
    ],
  },
  fleetOp('delete', '/api/v1/debug/requests', 'clearJournal', TAGS.journal, 'Clear the journal', { 200: json('cleared', S.JournalCleared, { cleared: { message: 'Log vidé', count: 0 } }) }),

  // ── probes (Kubernetes-style names): a CI job waits on /readyz (or `mk6-fleet wait`) ──
  fleetOp('get', '/healthz', 'getHealth', TAGS.meta, 'Liveness: 200 while the process serves (the front, and every worker port: a worker adds its id and pid)', {
    200: json('serving', S.Health, { front: { status: 'ok' }, worker: { status: 'ok', mk6_id: ROU2, pid: 4242 } }),
  }),
  fleetOp('get', '/readyz', 'getReadiness', TAGS.fleet, 'Readiness: 200 only when every MK6 that should be up serves on its port, as the process pm2 runs, with the fleet clock and mode', {
    200: json('ready', S.Readiness, { ready: { ready: true, phase: 'running', mk6: { 'ROU1.1': 'ready', 'ROU1.2': 'ready', 'ROU1.3': 'ready', ROU2: 'ready', VAI: 'ready' } } }),
    503: { ...json('not ready (same body): what each MK6 waits for', S.Readiness, { starting: { ready: false, phase: 'starting', mk6: { 'ROU1.1': 'starting', ROU2: 'ready' } } }), headers: { 'Retry-After': 'seconds before asking again' } },
  }),

  // ── contract and observability ──
  fleetOp('get', '/openapi.json', 'getOpenapi', TAGS.meta, 'This document (a worker serves only the operations it answers)', { 200: json('OpenAPI 3.1', Type.Object({ openapi: Type.Literal('3.1.0'), paths: Type.Object({}) })) }),
  fleetOp('get', '/docs', 'getDocs', TAGS.fleet, 'Interactive reference of this document (Swagger UI)', { 200: { description: 'HTML page', type: 'text/html' } }),
  fleetOp('get', '/metrics', 'getMetrics', TAGS.fleet, 'Prometheus metrics of the fleet (requests by MK6, endpoint and status, latencies, setpoints, restarts, up/down, journal size)', {
    200: { description: 'Prometheus text exposition format', type: 'text/plain' },
  }),
  fleetOp('get', '/supervision', 'getSupervisionPage', TAGS.fleet, 'The supervision web page', { 200: { description: 'HTML page', type: 'text/html' } }),
];

/**
 * The supervision page's reads of one MK6: the front makes them with the fleet's secret, so
 * they are not journaled and read an MK6 in an outage too (supervisor/front/page-reads.ts).
 * Each answers as its `/mock/mk6/{mk6_id}/…` twin.
 */
export const PAGE_READS = ['state', 'history', 'network'] as const;
for (const view of PAGE_READS) {
  const twin = ROUTES.find((r) => r.method === 'get' && r.path === `${MOCK}/${view}`)!;
  ROUTES.push({ ...twin, path: `/supervision/api/mk6/{mk6_id}/${view}`, id: `${twin.id}ForPage`, tag: TAGS.fleet, summary: `${twin.summary}, as the supervision page reads it: not journaled, answered through an outage` });
}

