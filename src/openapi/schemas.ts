/**
 * The contract's JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12), referenced by the
 * document as `#/components/schemas/<name>`. Answers leave extra fields open (the front
 * adds a broadcast report, requests echo extras); the error body is closed.
 */
type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: 'null' }] });
const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties), extra: Schema = {}): Schema => ({
  type: 'object',
  properties,
  required,
  ...extra,
});
const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const bool: Schema = { type: 'boolean' };
const time: Schema = { type: 'string', format: 'date-time' };
const sycodeMap = (value: Schema): Schema => ({ type: 'object', additionalProperties: value });

const broadcastReport = obj(
  {
    total: int,
    ok: { type: 'array', items: str },
    failed: { type: 'array', items: obj({ mk6_id: str, error: str }) },
  },
  ['total', 'ok', 'failed'],
);

const constraint = obj({
  source: { type: 'string', enum: ['DEIE', 'SCADA'] },
  value_kw: num,
  since: time,
  start_time: nullable(time),
  end_time: nullable(time),
});

const request = obj(
  {
    id: { type: 'string', pattern: '^REQ-[0-9]{3,}$', examples: ['REQ-001'] },
    seq: { type: 'integer', minimum: 1 },
    set: { type: 'string', enum: ['Psetpoint', 'stop'] },
    site: { ...sycodeMap(str), minProperties: 1, maxProperties: 1, description: '{SYCODE: site name}' },
    psetpoint: { ...nullable(num), description: 'kW; null for a stop' },
    start_time: time,
    end_time: { ...nullable(time), description: 'null: open-ended' },
    state: { type: 'string', enum: ['scheduled', 'active', 'expired', 'deleted'] },
    created_at: time,
  },
  undefined,
  { additionalProperties: true, description: 'A setpoint request; unknown fields of the body it came from are echoed.' },
);

const siteView = obj({
  sycode: str,
  site_name: str,
  role: { type: 'string', enum: ['thissite', 'nearsite'] },
  prm_id: nullable(str),
  state: { type: 'integer', enum: [0, 1, 2], description: '0 not accessible, 1 not controllable, 2 nominal' },
  fault: bool,
  pmax_wf: num,
  pavailable: num,
  pactive: num,
  psetpoint_recu: num,
  stop_wf_active: bool,
  active_request: nullable(ref('Request')),
  external_constraint: nullable(ref('ExternalConstraint')),
});

const siteDef = obj(
  {
    sycode: str,
    name: str,
    role: { type: 'string', enum: ['thissite', 'nearsite'] },
    pmax_kw: { type: 'number', exclusiveMinimum: 0 },
    prm_id: nullable(str),
  },
  ['sycode', 'name', 'role', 'pmax_kw'],
);

const inventoryEntry = obj(
  {
    mk6_id: str,
    aliases: { type: 'array', items: str },
    thissite: nullable(str),
    sycodes: { type: 'array', items: str },
    sites: { type: 'array', items: { type: 'object' } },
    network: obj({ host: str, port: int, url: str }),
    process: obj(
      {
        status: { type: 'string', enum: ['starting', 'online', 'stopped', 'errored'] },
        pid: nullable(int),
        restarts: int,
        memory_bytes: num,
        uptime_s: nullable(num),
      },
      ['status', 'pid', 'restarts'],
    ),
    online: bool,
  },
  ['mk6_id', 'aliases', 'network', 'process', 'online'],
);

const journalEntry = obj(
  {
    id: { type: 'integer', minimum: 1 },
    ts: time,
    method: str,
    path: str,
    query: { type: 'object' },
    source: { type: 'string', enum: ['GW', 'MOCK', 'SUPERVISION', 'OTHER'] },
    endpoint: nullable(str),
    mk6_id: nullable(str),
    req_body: { description: 'the JSON body as received (token masked), or its text cut at 4 KiB' },
    status: int,
    resp_body: { description: 'the JSON answer, or its text cut at 4 KiB' },
    duration_ms: num,
    remote: nullable(str),
    sim_time: nullable(time),
  },
  ['id', 'ts', 'method', 'path', 'query', 'source', 'endpoint', 'mk6_id', 'status', 'duration_ms'],
);

export const schemas: Record<string, Schema> = {
  Error: obj(
    {
      error: { type: 'string', description: 'the contract code, e.g. SITE_NOT_FOUND' },
      code: { type: 'integer', description: 'the HTTP status' },
      message: str,
      details: { type: 'object' },
    },
    undefined,
    { additionalProperties: false },
  ),
  Monitoring: obj({
    thissite: sycodeMap(str),
    nearsite: { type: 'array', items: sycodeMap(str) },
    state: sycodeMap({ type: 'integer', enum: [0, 1, 2] }),
  }),
  SiteView: siteView,
  SiteViews: obj({ sites: sycodeMap(ref('SiteView')) }),
  PlanningBySite: obj({ sites: sycodeMap(obj({ sycode: str, site_name: str, planning: { type: 'array', items: ref('Request') } })) }),
  Request: request,
  Planning: obj({ mk6_id: str, planning: { type: 'array', items: ref('Request') } }),
  NewRequest: obj(
    {
      set: { type: 'string', enum: ['Psetpoint', 'stop', 'main_reset'] },
      site: { type: 'string', description: 'sycode or site name (Psetpoint, stop; optional for main_reset)' },
      psetpoint: { type: 'number', description: 'kW, 0..pmax (Psetpoint)' },
      start_time: { ...time, description: 'absent: now' },
      end_time: { ...time, description: 'absent: open-ended' },
      confirm: { type: 'boolean', description: 'main_reset only: must be true' },
      reason: str,
    },
    ['set'],
    { additionalProperties: true },
  ),
  RequestPatch: obj({ psetpoint: num, start_time: time, end_time: time }, [], { minProperties: 1 }),
  MainResetResult: obj({ deleted_count: int, kept_count: int, reason: {} }, ['deleted_count', 'kept_count']),
  ExternalConstraint: constraint,
  SiteDef: siteDef,
  Provision: obj({ sites: { type: 'array', items: ref('SiteDef'), minItems: 1 } }),
  ProvisionResult: obj({ mk6_id: str, sites: int, thissite: str, nearsite: { type: 'array', items: str }, port: int, url: str }),
  Inventory: obj({ count: int, mk6: { type: 'array', items: ref('InventoryEntry') } }),
  Health: obj({ status: { const: 'ok' }, mk6_id: str, pid: int }, ['status']),
  Readiness: obj({
    ready: { type: 'boolean' },
    phase: { enum: ['starting', 'running', 'stopping'] },
    mk6: { type: 'object', additionalProperties: str, description: 'per MK6: `ready`, or what it waits for (`starting`, `not answering on port N`, `clock differs from the fleet`, …); `stopped (kill)` and outages are not waited for' },
  }),
  InventoryEntry: inventoryEntry,
  Mk6State: obj(
    {
      mk6_id: str,
      aliases: { type: 'array', items: str },
      sites: sycodeMap({ type: 'object' }),
      planning: { type: 'array', items: ref('Request') },
      request_counter: int,
      next_request_id: str,
      offline: bool,
      auth: obj({ enabled: bool }),
      clock: ref('Clock'),
      mode: ref('Mode'),
    },
    ['mk6_id', 'sites', 'planning', 'offline', 'auth'],
  ),
  SiteStateBody: obj({ state: { type: 'integer', enum: [0, 1, 2] } }),
  SiteState: obj({ mk6_id: str, sycode: str, state: { type: 'integer', enum: [0, 1, 2] }, base_state: int, fault: bool }),
  Online: obj({ mk6_id: str, online: bool }),
  AuthBody: obj({ enabled: bool, token: { type: 'string', description: 'required when enabled; never logged nor journaled in clear' } }, ['enabled']),
  AuthResult: obj({ mk6_id: str, auth: obj({ enabled: bool }) }),
  InjectExternal: obj(
    { source: { type: 'string', enum: ['DEIE', 'SCADA'] }, value_kw: num, start_time: time, end_time: time },
    ['source', 'value_kw'],
  ),
  InjectResult: obj({ sycode: str, external_constraint: nullable(ref('ExternalConstraint')), active: bool }, ['sycode', 'external_constraint']),
  KillResult: obj({ mk6_id: str, status: str, pid: nullable(int) }),
  RestartResult: obj({ mk6_id: str, status: str, pid: nullable(int), url: str }),
  Clock: obj({ now: time, source: { type: 'string', enum: ['system', 'mock'] }, speed: num, frozen: bool }, ['now', 'source']),
  SetTime: obj({ now: time, speed: { type: 'number', minimum: 0, description: 'k times real time from `now`; 0 or absent: frozen' } }, []),
  SetTimeResult: obj({ now: { ...time, description: 'echoed in the seed form 2026-03-01T10:00:00+00:00' }, speed: num, workers: ref('BroadcastReport') }, ['now']),
  ReleaseResult: obj({ message: str, now: { type: 'null' }, workers: ref('BroadcastReport') }, ['message', 'now']),
  Mode: { type: 'string', enum: ['mock', 'production'] },
  ModeBody: obj({ mode: ref('Mode') }),
  ModeResult: obj({ mode: ref('Mode'), message: str, workers: ref('BroadcastReport') }, ['mode']),
  ResetResult: obj({ message: str, removed: { type: 'array', items: str }, workers: ref('BroadcastReport') }, ['message']),
  KillBody: obj(
    { kind: { type: 'string', enum: ['refused', 'blackhole', 'reset'], default: 'refused', description: 'refused: process stopped (port refuses); blackhole: connections hang (proxy 504); reset: connections reset' } },
    [],
  ),
  RestartBody: obj({ kind: { type: 'string', enum: ['warm', 'cold'], default: 'warm', description: 'cold: a power cut, the planning is lost, the rest kept' } }, []),
  NetworkCondition: obj(
    {
      name: { type: 'string', description: 'unique per MK6; posting the same name replaces it' },
      type: { type: 'string', enum: ['latency', 'timeout', 'reset', 'error', 'slow'] },
      probability: { type: 'number', minimum: 0, maximum: 1, default: 1 },
      methods: { type: 'array', items: { type: 'string', enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] } },
      path: { type: 'string', description: 'only requests whose path matches' },
      first_n: { type: 'integer', minimum: 1, description: 'only the first N matching requests' },
      latency_ms: { type: 'number', description: 'latency' },
      jitter_ms: { type: 'number', description: 'latency' },
      when: { type: 'string', enum: ['before', 'during'], description: 'reset' },
      status: { type: 'integer', minimum: 400, maximum: 599, description: 'error (default 500)' },
      code: { type: 'string', description: 'error' },
      message: { type: 'string', description: 'error' },
      rate_bytes_per_s: { type: 'number', description: 'slow' },
    },
    ['name', 'type'],
    { additionalProperties: true },
  ),
  NetworkConditions: obj(
    {
      mk6_id: str,
      conditions: { type: 'array', items: { allOf: [ref('NetworkCondition')], properties: { matched: int, applied: int } } },
      outage: { description: 'the outage kind while killed with blackhole or reset, else null' },
    },
    ['mk6_id', 'conditions'],
  ),
  NetworkChange: obj({ mk6_id: str, condition: ref('NetworkCondition'), removed: {} }, ['mk6_id']),
  Timeline: obj(
    {
      source: nullable(str),
      count: int,
      fired: int,
      pending: int,
      next_at: nullable(time),
      events: {
        type: 'array',
        items: obj({ index: int, at: time, action: str, mk6: str, status: { type: 'string', enum: ['pending', 'fired', 'failed'] } }, ['index', 'at', 'action', 'status'], { additionalProperties: true }),
      },
    },
    ['count', 'events'],
  ),
  TimelineBody: {
    description: 'a list of events, or {timeline: [...]} / {events: [...]}; also accepted as YAML text',
    oneOf: [
      { type: 'array', items: ref('TimelineEvent') },
      obj({ timeline: { type: 'array', items: ref('TimelineEvent') } }),
      obj({ events: { type: 'array', items: ref('TimelineEvent') } }),
    ],
  },
  TimelineEvent: obj(
    {
      at: time,
      action: {
        type: 'string',
        description: 'site_state, fault_on, fault_off, constraint_on, constraint_off, offline, online, kill, restart, network_add, network_rm, speed; its own fields beside it (sycode, state, value_kw, kind, condition, …)',
        examples: ['constraint_on'],
      },
      mk6: str,
    },
    ['at', 'action'],
    { additionalProperties: true },
  ),
  BroadcastReport: broadcastReport,
  JournalEntry: journalEntry,
  Journal: { type: 'array', items: ref('JournalEntry') },
  JournalCleared: obj({ message: str, count: int }),
};
