/**
 * The OpenAPI 3.1 document of everything the fleet serves: one source, two audiences.
 * The front serves it whole; a worker serves the operations it answers itself (every tag
 * but those in FRONT_ONLY_TAGS). Built on demand (the worker loads this module lazily).
 */
import { ref, schemas } from './schemas.js';

type Obj = Record<string, any>;
export type Audience = 'front' | 'worker';

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

const json = (schema: Obj, examples?: Record<string, unknown>) => ({
  'application/json': { schema, ...(examples ? { examples: Object.fromEntries(Object.entries(examples).map(([k, v]) => [k, { value: v }])) } : {}) },
});
const ok = (description: string, schemaName: string, examples?: Record<string, unknown>) => ({ description, content: json(ref(schemaName), examples) });

interface ErrorCase {
  code: string;
  message: string;
  details?: Obj;
}
/** One error status of an operation, with one example per contract code it may carry. */
const err = (status: number, description: string, ...cases: ErrorCase[]) => ({
  description,
  content: json(
    ref('Error'),
    Object.fromEntries(cases.map((c) => [c.code, { error: c.code, code: status, message: c.message, details: c.details ?? {} }])),
  ),
});

const E = {
  badRequest: (message = 'JSON invalide', details: Obj = {}) => ({ code: 'BAD_REQUEST', message, details }),
  unauthorized: err(401, 'Bearer auth is on and the token is missing or wrong (WWW-Authenticate: Bearer)', {
    code: 'UNAUTHORIZED',
    message: 'Authentification requise (Bearer)',
    details: { reason: 'missing' },
  }),
  forbidden: err(403, 'Production mode: writes are refused', { code: 'FORBIDDEN', message: 'Écriture bloquée en mode production' }),
  mk6NotFound: { code: 'MK6_NOT_FOUND', message: "MK6 inconnu: 'FAKE'", details: { mk6_id: 'FAKE' } },
  siteNotFound: { code: 'SITE_NOT_FOUND', message: "Site inconnu: 'FAKE'", details: { site: 'FAKE' } },
  notFound: { code: 'NOT_FOUND', message: 'Route inconnue: GET /nowhere' },
  offline: { code: 'MK6_OFFLINE', message: 'MK6 mk6-A hors ligne', details: { mk6_id: 'mk6-A' } },
  siteNotAccessible: { code: 'SITE_NOT_ACCESSIBLE', message: 'Site SYC1 non accessible (state=0)', details: { sycode: 'SYC1', state: 0 } },
  unreachable: err(502, 'Front only: the MK6 process is down (killed, stopped)', {
    code: 'MK6_UNREACHABLE',
    message: 'MK6 ROU2 injoignable',
    details: { mk6_id: 'ROU2', cause: 'stopped' },
  }),
  tooLarge: err(413, 'JSON body over 64 KiB', { code: 'PAYLOAD_TOO_LARGE', message: 'Corps de requête trop gros (max 64 KiB)', details: { limit: '64 KiB' } }),
  methodNotAllowed: { code: 'METHOD_NOT_ALLOWED', message: 'Méthode non autorisée', details: { allowed: ['GET'] } },
  requestNotFound: { code: 'REQUEST_NOT_FOUND', message: "Consigne inconnue: 'REQ-999'", details: { request_id: 'REQ-999' } },
  locked: err(409, 'The request is active, expired or deleted', {
    code: 'REQUEST_LOCKED',
    message: 'Consigne REQ-001 verrouillée (état active)',
    details: { request_id: 'REQ-001', state: 'active' },
  }),
  timeRange: err(422, 'end_time <= start_time', {
    code: 'INVALID_TIME_RANGE',
    message: 'end_time doit être postérieur à start_time',
    details: { start_time: '2026-03-01T18:00:00Z', end_time: '2026-03-01T14:00:00Z' },
  }),
  invalidValue: (details: Obj) => err(441, 'A value out of range', { code: 'INVALID_VALUE', message: 'Valeur hors limites', details }),
  missing: (field: string) => err(442, 'A required field is absent', { code: 'MISSING_FIELD', message: `Champ obligatoire manquant: ${field}`, details: { field } }),
};

const param = (name: string, description: string, example: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' }, example });
const P = {
  mk6: param('mk6_id', 'the MK6 id (or one of its aliases, e.g. MK6_ROU1.1)', 'ROU2'),
  sycode: param('sycode', 'the site code', '8FV8C9MWwHH0'),
  req: param('request_id', 'a request id', 'REQ-001'),
};

/** Errors every MK6 API call may answer: unknown MK6, offline, auth, the front's 502. */
const mk6Errors = (extra: Obj = {}, write = false) => ({
  ...(write ? { 400: err(400, 'Malformed JSON or an invalid value', E.badRequest()), 403: E.forbidden, 413: E.tooLarge } : {}),
  401: E.unauthorized,
  404: err(404, 'Unknown MK6', E.mk6NotFound),
  502: E.unreachable,
  503: err(503, 'The MK6 is offline (soft outage)', E.offline),
  ...extra,
});
/** Errors of a mock control call on one MK6. */
const mockErrors = (extra: Obj = {}, write = true) => ({
  ...(write ? { 400: err(400, 'Malformed JSON or an invalid value', E.badRequest()), 403: E.forbidden, 413: E.tooLarge } : {}),
  404: err(404, 'Unknown MK6 (or site)', E.mk6NotFound, E.siteNotFound),
  502: E.unreachable,
  ...extra,
});
const writeErrors = (extra: Obj = {}) => ({
  400: err(400, 'Malformed JSON or an invalid value', E.badRequest()),
  403: E.forbidden,
  413: E.tooLarge,
  ...extra,
});

const op = (tag: string, operationId: string, summary: string, responses: Obj, more: Obj = {}) => ({
  tags: [tag],
  operationId,
  summary,
  ...(tag === TAGS.mk6 ? { security: [{}, { bearer: [] }] } : {}),
  ...more,
  responses,
});
const body = (schemaName: string, examples?: Record<string, unknown>, required = true) => ({ required, content: json(ref(schemaName), examples) });

const API = '/api/v1/mk6/{mk6_id}';
const MOCK = '/mock/mk6/{mk6_id}';

const ROU2_MONITORING = {
  thissite: { '8FV8CCX2w7X0': 'ROU2 PDL10' },
  nearsite: [{ '8FV8C9MWwHJ0': 'ROU2 PDL8' }, { '8FV8C9MWwHH0': 'ROU2 PDL5' }, { '8FV8CCX2w7W0': 'ROU2 PDL9' }],
  state: { '8FV8CCX2w7X0': 2, '8FV8C9MWwHJ0': 2, '8FV8C9MWwHH0': 2, '8FV8CCX2w7W0': 2 },
};
const REQ_001 = {
  id: 'REQ-001',
  seq: 1,
  set: 'Psetpoint',
  site: { '8FV898VPwW20': 'ROU1 PDL2' },
  psetpoint: 5000,
  start_time: '2026-03-01T12:00:00Z',
  end_time: '2026-03-01T18:00:00Z',
  state: 'scheduled',
  created_at: '2026-03-01T10:00:00Z',
};
const PDL5 = {
  sycode: '8FV8C9MWwHH0',
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

function paths(): Obj {
  return {
    // ── MK6 gateway API ──
    [`${API}/monitoring`]: {
      parameters: [P.mk6],
      get: op(TAGS.mk6, 'getMonitoring', 'Topology and state of every site', { 200: ok('thissite, nearsites and their state', 'Monitoring', { ROU2: ROU2_MONITORING }), ...mk6Errors() }),
    },
    [`${API}/monitoring/sites`]: {
      parameters: [P.mk6],
      get: op(TAGS.mk6, 'getSites', 'Every site, in full', { 200: ok('SiteView by sycode', 'SiteViews'), ...mk6Errors() }),
    },
    [`${API}/monitoring/sites/{sycode}`]: {
      parameters: [P.mk6, P.sycode],
      get: op(TAGS.mk6, 'getSite', 'One site', {
        200: ok('the site', 'SiteView', { PDL5: PDL5 }),
        ...mk6Errors({ 404: err(404, 'Unknown MK6 or site', E.siteNotFound, E.mk6NotFound) }),
      }),
    },
    [`${API}/monitoring/planning`]: {
      parameters: [P.mk6],
      get: op(TAGS.mk6, 'getPlanningBySite', 'Planning grouped by site', { 200: ok('scheduled and active requests by sycode', 'PlanningBySite'), ...mk6Errors() }),
    },
    [`${API}/requests`]: {
      parameters: [P.mk6],
      post: op(
        TAGS.mk6,
        'postRequest',
        'Send a setpoint (Psetpoint), a stop, or a main_reset',
        {
          200: ok('main_reset done: scheduled requests deleted, active ones kept', 'MainResetResult', { main_reset: { deleted_count: 2, kept_count: 1, reason: 'nettoyage test' } }),
          201: ok('the new request', 'Request', { REQ_001 }),
          ...mk6Errors(
            {
              400: err(400, 'Invalid set, non-numeric psetpoint, unparseable time, malformed JSON', E.badRequest("set invalide: 'invalid'", { field: 'set', value: 'invalid' })),
              404: err(404, 'Unknown MK6 or site', E.siteNotFound, E.mk6NotFound),
              422: E.timeRange,
              441: E.invalidValue({ max: 8340, site: 'SYC1' }),
              442: E.missing('psetpoint'),
              443: err(443, 'main_reset without "confirm": true', { code: 'CONFIRMATION_REQUIRED', message: 'main_reset exige "confirm": true', details: { field: 'confirm' } }),
              503: err(503, 'The MK6 is offline, or the site is in state 0', E.siteNotAccessible, E.offline),
            },
            true,
          ),
        },
        {
          requestBody: body('NewRequest', {
            psetpoint: { set: 'Psetpoint', site: '8FV898VPwW20', psetpoint: 5000, start_time: '2026-03-01T12:00:00Z', end_time: '2026-03-01T18:00:00Z' },
            stop_by_name: { set: 'stop', site: 'ROU1 PDL1', start_time: '2026-03-01T14:00:00Z', end_time: '2026-03-01T16:00:00Z' },
            with_extra: { set: 'Psetpoint', site: 'SYC1', psetpoint: 5000, start_time: '2026-03-01T12:00:00Z', end_time: '2026-03-01T18:00:00Z', preset: 'none' },
            main_reset: { set: 'main_reset', confirm: true, reason: 'nettoyage test' },
          }),
        },
      ),
    },
    [`${API}/planning`]: {
      parameters: [P.mk6],
      get: op(TAGS.mk6, 'getPlanning', 'Scheduled and active requests, by start time', { 200: ok('the planning', 'Planning'), ...mk6Errors() }),
    },
    [`${API}/planning/{request_id}`]: {
      parameters: [P.mk6, P.req],
      get: op(TAGS.mk6, 'getRequest', 'One request, whatever its state', {
        200: ok('the request', 'Request', { REQ_001 }),
        ...mk6Errors({ 405: err(405, 'Unknown request (the seed answers 405 REQUEST_NOT_FOUND, kept on purpose)', E.requestNotFound) }),
      }),
      patch: op(
        TAGS.mk6,
        'patchRequest',
        'Change psetpoint, start or end of a scheduled request',
        {
          200: ok('the changed request', 'Request'),
          ...mk6Errors(
            {
              405: err(405, 'Unknown request', E.requestNotFound),
              409: E.locked,
              422: E.timeRange,
              441: E.invalidValue({ max: 8340, site: 'SYC1' }),
              503: err(503, 'The MK6 is offline, or the site is in state 0', E.siteNotAccessible, E.offline),
            },
            true,
          ),
        },
        { requestBody: body('RequestPatch', { psetpoint: { psetpoint: 6000 } }) },
      ),
      delete: op(TAGS.mk6, 'deleteRequest', 'Delete a scheduled or active request (deleting the active one returns the site to Pmax)', {
        200: ok('the deleted request (state deleted)', 'Request'),
        ...mk6Errors({ 405: err(405, 'Unknown request', E.requestNotFound), 409: E.locked, 403: E.forbidden }),
      }),
    },

    // ── mock control ──
    '/mock/mk6': {
      get: op(TAGS.mock, 'getInventory', 'The fleet inventory (a worker lists itself)', { 200: ok('every MK6', 'Inventory') }),
    },
    '/supervision/api/inventory': {
      get: op(TAGS.mock, 'getSupervisionInventory', 'The fleet inventory (same as GET /mock/mk6)', { 200: ok('every MK6', 'Inventory') }),
    },
    [`${MOCK}/provision`]: {
      parameters: [P.mk6],
      post: op(
        TAGS.mock,
        'provision',
        "Replace the MK6's sites (clears its planning); on the front an unknown id spawns a new worker",
        { 200: ok('the new topology', 'ProvisionResult'), ...mockErrors({ 442: E.missing('sites') }) },
        {
          requestBody: body('Provision', {
            ROU1_1: {
              sites: [
                { sycode: '8FV898VMwWX0', name: 'ROU1 PDL1', role: 'thissite', pmax_kw: 8340, prm_id: '50048589698480' },
                { sycode: '8FV898VPwW20', name: 'ROU1 PDL2', role: 'nearsite', pmax_kw: 8340, prm_id: '50035999249967' },
              ],
            },
          }),
        },
      ),
    },
    [`${MOCK}/state`]: {
      parameters: [P.mk6],
      get: op(TAGS.mock, 'getState', "The worker's whole state (never the auth token)", { 200: ok('the state', 'Mk6State'), ...mockErrors({}, false) }),
    },
    [`${MOCK}/site-state/{sycode}`]: {
      parameters: [P.mk6, P.sycode],
      post: op(
        TAGS.mock,
        'setSiteState',
        'Force a site state 0|1|2',
        { 200: ok('the site state', 'SiteState'), ...mockErrors({ 441: E.invalidValue({ field: 'state', allowed: [0, 1, 2] }), 442: E.missing('state') }) },
        { requestBody: body('SiteStateBody', { not_controllable: { state: 1 } }) },
      ),
    },
    [`${MOCK}/fault/{sycode}`]: {
      parameters: [P.mk6, P.sycode],
      post: op(TAGS.mock, 'setFault', 'Put a site in fault (state 0)', { 200: ok('the site state', 'SiteState'), ...mockErrors() }),
      delete: op(TAGS.mock, 'clearFault', 'Clear the fault: the site gets back the state it had', { 200: ok('the site state', 'SiteState'), ...mockErrors() }),
    },
    [`${MOCK}/offline`]: {
      parameters: [P.mk6],
      post: op(TAGS.mock, 'setOffline', 'Soft outage: every MK6 API call answers 503 MK6_OFFLINE', { 200: ok('offline', 'Online'), ...mockErrors() }),
    },
    [`${MOCK}/online`]: {
      parameters: [P.mk6],
      post: op(TAGS.mock, 'setOnline', 'End of the soft outage', { 200: ok('online', 'Online'), ...mockErrors() }),
    },
    [`${MOCK}/auth`]: {
      parameters: [P.mk6],
      post: op(
        TAGS.mock,
        'setAuth',
        "Bearer auth on this MK6's API",
        { 200: ok('auth on or off', 'AuthResult'), ...mockErrors({ 442: E.missing('token') }) },
        { requestBody: body('AuthBody', { on: { enabled: true, token: 'secret123' }, off: { enabled: false } }) },
      ),
    },
    [`${MOCK}/sites/{sycode}/inject_external`]: {
      parameters: [P.mk6, P.sycode],
      post: op(
        TAGS.mock,
        'injectExternal',
        'A DEIE or SCADA constraint on a site, optionally in a window',
        {
          200: ok('the constraint', 'InjectResult', {
            DEIE: { sycode: '8FV898VMwWX0', external_constraint: { source: 'DEIE', value_kw: 3000, since: '2026-03-14T12:00:00Z', start_time: null, end_time: null }, active: true },
          }),
          ...mockErrors({ 422: E.timeRange, 441: E.invalidValue({ field: 'value_kw' }), 442: E.missing('source') }),
        },
        {
          requestBody: body('InjectExternal', {
            DEIE: { source: 'DEIE', value_kw: 3000 },
            window: { source: 'DEIE', value_kw: 2000, start_time: '2026-03-14T10:00:00Z', end_time: '2026-03-14T14:00:00Z' },
          }),
        },
      ),
      delete: op(TAGS.mock, 'clearExternal', 'Remove the constraint', {
        200: ok('no constraint', 'InjectResult', { cleared: { sycode: '8FV898VMwWX0', external_constraint: null } }),
        ...mockErrors(),
      }),
    },
    [`${MOCK}/kill`]: {
      parameters: [P.mk6],
      post: op(
        TAGS.fleet,
        'killMk6',
        'Hard outage: stop the process (its port refuses connections; the proxy answers 502), or make it hang (blackhole: the proxy answers 504) or reset connections',
        { 200: ok('stopped', 'KillResult'), ...writeErrors({ 404: err(404, 'Unknown MK6', E.mk6NotFound), 441: E.invalidValue({ field: 'kind' }) }) },
        { requestBody: body('KillBody', { refused: {}, blackhole: { kind: 'blackhole' } }, false) },
      ),
    },
    [`${MOCK}/restart`]: {
      parameters: [P.mk6],
      post: op(
        TAGS.fleet,
        'restartMk6',
        'Start the process again, with the state it had (cold: a power cut, the planning is lost)',
        { 200: ok('running', 'RestartResult'), ...writeErrors({ 404: err(404, 'Unknown MK6', E.mk6NotFound), 441: E.invalidValue({ field: 'kind' }) }) },
        { requestBody: body('RestartBody', { warm: {}, cold: { kind: 'cold' } }, false) },
      ),
    },
    [`${MOCK}/network`]: {
      parameters: [P.mk6],
      get: op(TAGS.mock, 'getNetwork', "This MK6's network conditions, with how many requests each matched and acted on", { 200: ok('the conditions', 'NetworkConditions'), ...mockErrors({}, false) }),
      post: op(
        TAGS.mock,
        'addNetworkCondition',
        'Add (or replace, by name) a network condition: latency, timeout, reset, error or slow, optionally filtered by methods, path, probability, first_n. Answers of the MK6 API then follow the condition, not this document.',
        { 201: ok('added', 'NetworkChange'), ...mockErrors({ 441: E.invalidValue({ field: 'type' }), 442: E.missing('name') }) },
        {
          requestBody: body('NetworkCondition', {
            latency: { name: 'slow-gw', type: 'latency', latency_ms: 800, jitter_ms: 200 },
            error: { name: 'flaky', type: 'error', status: 503, probability: 0.2, methods: ['POST'] },
          }),
        },
      ),
      delete: op(TAGS.mock, 'clearNetwork', 'Remove every network condition', { 200: ok('removed', 'NetworkChange'), ...mockErrors() }),
    },
    [`${MOCK}/network/{name}`]: {
      parameters: [P.mk6, param('name', 'the condition name', 'slow-gw')],
      delete: op(TAGS.mock, 'removeNetworkCondition', 'Remove one network condition', {
        200: ok('removed', 'NetworkChange'),
        ...mockErrors({ 404: err(404, 'Unknown MK6 or condition', E.mk6NotFound, { code: 'NOT_FOUND', message: "Condition réseau inconnue: 'x'" }) }),
      }),
    },
    '/mock/timeline': {
      get: op(TAGS.fleet, 'getTimeline', 'The timeline of events on the fleet clock, with what fired', { 200: ok('the timeline', 'Timeline') }),
      post: op(
        TAGS.fleet,
        'loadTimeline',
        'Load a timeline (replaces the current one): events fire when the fleet clock reaches them',
        { 200: ok('the timeline', 'Timeline'), ...writeErrors({ 441: E.invalidValue({ field: 'action' }), 442: E.missing('at') }) },
        {
          requestBody: {
            required: true,
            content: {
              ...json(ref('TimelineBody'), { constraint: { timeline: [{ at: '2026-03-01T10:00:00Z', action: 'constraint_on', mk6: 'VAI', sycode: '8FV897G6wGQ0', value_kw: 3000 }] } }),
              'application/yaml': { schema: { type: 'string' } },
            },
          },
        },
      ),
      delete: op(TAGS.fleet, 'clearTimeline', 'Clear the timeline', { 200: ok('the empty timeline', 'Timeline'), 403: E.forbidden }),
    },

    // ── clock, mode and reset (the front broadcasts them to every worker) ──
    '/supervision/api/time': {
      get: op(TAGS.clock, 'getTime', 'The fleet clock', {
        200: ok('now and its source', 'Clock', { system: { now: '2026-02-25T09:00:00Z', source: 'system' }, mock: { now: '2026-03-01T10:00:00Z', source: 'mock', frozen: true } }),
      }),
    },
    '/mock/time': {
      post: op(
        TAGS.clock,
        'setTime',
        'Freeze the fleet clock at `now` (or run it `speed` times real time from there)',
        { 200: ok('the echo', 'SetTimeResult', { frozen: { now: '2026-03-01T10:00:00+00:00' } }), ...writeErrors({ 441: E.invalidValue({ field: 'speed', min: 0, max: 100000 }), 442: E.missing('now') }) },
        { requestBody: body('SetTime', { freeze: { now: '2026-03-01T10:00:00Z' }, run_x60: { now: '2026-03-01T10:00:00Z', speed: 60 } }) },
      ),
    },
    '/mock/time/release': {
      post: op(TAGS.clock, 'releaseTime', 'Back to real time', {
        200: ok('released', 'ReleaseResult', { released: { message: 'Horloge liberee — temps reel actif', now: null } }),
        ...writeErrors(),
      }),
    },
    '/supervision/api/mode': {
      get: op(TAGS.clock, 'getMode', 'mock or production', { 200: { description: 'the mode', content: json({ type: 'object', properties: { mode: ref('Mode') }, required: ['mode'] }) } }),
    },
    '/supervision/mode': {
      post: op(
        TAGS.clock,
        'setMode',
        'production: every write (but this one) answers 403 and the clock is released',
        { 200: ok('the mode', 'ModeResult'), 400: err(400, 'Unknown mode', E.badRequest("mode invalide: 'x' (mock|production)", { field: 'mode' })), 413: E.tooLarge, 442: E.missing('mode') },
        { requestBody: body('ModeBody', { production: { mode: 'production' }, mock: { mode: 'mock' } }) },
      ),
    },
    '/mock/reset': {
      post: op(TAGS.clock, 'reset', 'Back to the fleet file: no requests, states 2, no faults, constraints or auth; added MK6s removed; clock released; journal cleared', {
        200: ok('reset', 'ResetResult'),
        ...writeErrors(),
      }),
    },

    // ── journal ──
    '/api/v1/debug/requests': {
      get: op(
        TAGS.journal,
        'getJournal',
        'Every request the MK6 workers received (newest 1000, one id sequence for the fleet)',
        { 200: ok('journal entries, oldest first', 'Journal'), 400: err(400, 'since_id is not an integer >= 0', E.badRequest('since_id doit être un entier >= 0', { field: 'since_id' })) },
        { parameters: [{ name: 'since_id', in: 'query', required: false, description: 'only entries with id > since_id', schema: { type: 'integer', minimum: 0 } }] },
      ),
      delete: op(TAGS.journal, 'clearJournal', 'Clear the journal', {
        200: ok('cleared', 'JournalCleared', { cleared: { message: 'Log vidé', count: 0 } }),
        403: E.forbidden,
      }),
    },

    // ── probes (Kubernetes-style names): a CI job waits on /readyz ──
    '/healthz': {
      get: op(TAGS.meta, 'getHealth', 'Liveness: 200 while the process serves (on the front and on every worker port; a worker adds its id and pid)', {
        200: ok('serving', 'Health', { front: { status: 'ok' }, worker: { status: 'ok', mk6_id: 'ROU2', pid: 4242 } }),
      }),
    },
    '/readyz': {
      get: op(TAGS.fleet, 'getReadiness', 'Readiness: 200 only when every MK6 that should be up serves on its port, as the process pm2 runs, with the fleet clock and mode', {
        200: ok('ready', 'Readiness', { ready: { ready: true, phase: 'running', mk6: { 'ROU1.1': 'ready', ROU2: 'stopped (kill)' } } }),
        503: {
          description: 'not ready (same body), with what each MK6 waits for',
          headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer' } } },
          content: json(ref('Readiness'), { starting: { ready: false, phase: 'starting', mk6: { 'ROU1.1': 'starting', ROU2: 'ready' } } }),
        },
      }),
    },

    // ── contract and observability ──
    '/openapi.json': {
      get: op(TAGS.meta, 'getOpenapi', 'This document (a worker serves only the operations it answers)', {
        200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) },
      }),
    },
    '/docs': {
      get: op(TAGS.fleet, 'getDocs', 'Interactive reference of this document (Swagger UI)', { 200: { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } } }),
    },
    '/metrics': {
      get: op(TAGS.fleet, 'getMetrics', 'Prometheus metrics of the fleet (requests by MK6, endpoint and status, latencies, setpoints, restarts, up/down, journal size)', {
        200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } },
      }),
    },
    '/supervision': {
      get: op(TAGS.fleet, 'getSupervisionPage', 'The supervision web page', { 200: { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } } }),
    },
  };
}

/** The whole document, or a worker's part of it. A new object each call. */
export function openapiDocument(audience: Audience = 'front', mk6Id?: string): Obj {
  let all = paths();
  if (audience === 'worker') {
    all = Object.fromEntries(
      Object.entries(all)
        .map(([path, item]) => {
          const kept = Object.fromEntries(Object.entries(item as Obj).filter(([k, v]) => k === 'parameters' || !(v as Obj).tags?.some((t: string) => FRONT_ONLY_TAGS.has(t))));
          return [path, kept] as const;
        })
        .filter(([, item]) => Object.keys(item).some((k) => k !== 'parameters')),
    );
    for (const item of Object.values(all)) {
      for (const o of Object.values(item as Obj)) if (!Array.isArray(o)) delete (o as Obj).responses['502']; // a worker never proxies
    }
  }
  if (audience === 'front') addFleetStarting(all);
  const info = {
    title: audience === 'front' ? 'MK6 fleet simulator' : `MK6 simulator — worker${mk6Id ? ` ${mk6Id}` : ''}`,
    version: '1.0.0',
    description:
      'Simulated MK6 wind-farm park controllers for gateway recette. Every error body is `{"error", "code", "message", "details"}`. ' +
      'Call an MK6 through the front (`/api/v1/mk6/{mk6_id}/…`) or on its own port (same paths). ' +
      'Non-standard statuses of the MK6 contract: 441 INVALID_VALUE, 442 MISSING_FIELD, 443 CONFIRMATION_REQUIRED; an unknown request answers 405 REQUEST_NOT_FOUND.',
  };
  const tags = Object.values(TAGS)
    .filter((t) => audience === 'front' || !FRONT_ONLY_TAGS.has(t))
    .map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/', description: audience === 'front' ? 'the front proxy (this origin)' : 'this MK6 worker (this origin)' }],
    tags,
    paths: all,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Only when enabled by POST /mock/mk6/{mk6_id}/auth' } },
    },
  };
}

/**
 * On the front, a control call made while the fleet starts waits for it, then may answer
 * 503 FLEET_STARTING with Retry-After: declared on every such operation.
 */
function addFleetStarting(all: Obj): void {
  const starting = { error: 'FLEET_STARTING', code: 503, message: 'Flotte en cours de démarrage (attendu 30000 ms), réessayez', details: { waited_ms: 30000, retry_after_s: 5 } };
  for (const [path, item] of Object.entries(all)) {
    for (const [verb, o] of Object.entries(item as Obj)) {
      if (verb === 'parameters') continue;
      const control = path.startsWith('/mock/') || path === '/supervision/mode' || (path === '/api/v1/debug/requests' && verb !== 'get');
      if (!control) continue;
      const responses = (o as Obj).responses as Obj;
      const existing = responses['503'];
      const examples = { ...(existing?.content?.['application/json']?.examples ?? {}), FLEET_STARTING: { value: starting } };
      responses['503'] = {
        description: existing ? `${existing.description}; or the fleet is still starting (FLEET_STARTING, Retry-After)` : 'The fleet is still starting: the call waited 30 s (FLEET_STARTING); try again after Retry-After',
        headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer' } } },
        content: json(ref('Error'), Object.fromEntries(Object.entries(examples).map(([k, v]) => [k, (v as Obj).value]))),
      };
    }
  }
}
