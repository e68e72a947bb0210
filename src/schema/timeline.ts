/** The timeline of events on the fleet clock (`POST /mock/timeline`, `--timeline FILE`) and how it is shown. */
import { KILL_KINDS, RESTART_KINDS } from './mock-control.js';
import { CONSTRAINT_SOURCES } from './mk6-api.js';
import { NetworkCondition } from './network.js';
import { Nullable, ref, SafeId, SiteStateValue, StringEnum, Time, Type, type TSchema } from './kit.js';

export const MAX_EVENTS = 10_000;

const base = { at: Time({ description: 'when it fires, on the fleet clock' }) };
const onMk6 = { ...base, mk6: SafeId({ description: 'the MK6 id' }) };
const event = (action: string, fields: Record<string, TSchema>, withMk6 = true) =>
  Type.Object({ ...(withMk6 ? onMk6 : base), action: Type.Literal(action), ...fields }, { additionalProperties: false });
const sycode = SafeId();

/** Each action with its own fields: the HTTP call a tester would make on the front. */
export const TIMELINE_EVENTS = {
  site_state: event('site_state', { sycode, state: SiteStateValue }),
  fault_on: event('fault_on', { sycode }),
  fault_off: event('fault_off', { sycode }),
  constraint_on: event('constraint_on', {
    sycode,
    value_kw: Type.Number(),
    source: Type.Optional(StringEnum(CONSTRAINT_SOURCES)),
    start_time: Type.Optional(Time()),
    end_time: Type.Optional(Time()),
  }),
  constraint_off: event('constraint_off', { sycode }),
  offline: event('offline', {}),
  online: event('online', {}),
  kill: event('kill', { kind: Type.Optional(StringEnum(KILL_KINDS)) }),
  restart: event('restart', { kind: Type.Optional(StringEnum(RESTART_KINDS)) }),
  network_add: event('network_add', { condition: ref(NetworkCondition) }),
  network_rm: event('network_rm', { name: Type.Optional(SafeId()) }),
  speed: event('speed', { speed: Type.Number({ minimum: 0 }) }, false),
};

export const TimelineEvent = Type.Union(Object.values(TIMELINE_EVENTS), { $id: 'TimelineEvent' });
const Events = Type.Array(ref(TimelineEvent), { maxItems: MAX_EVENTS });
export const TimelineBody = Type.Union(
  [Events, Type.Object({ timeline: Events }), Type.Object({ events: Events })],
  { $id: 'TimelineBody', description: 'a list of events, or {timeline: [...]} / {events: [...]}; also accepted as YAML text' },
);

export const Timeline = Type.Object(
  {
    source: Type.Optional(Nullable(Type.String())),
    count: Type.Integer(),
    fired: Type.Optional(Type.Integer()),
    pending: Type.Optional(Type.Integer()),
    next_at: Type.Optional(Nullable(Time())),
    events: Type.Array(
      Type.Object(
        { index: Type.Integer(), at: Time(), action: Type.String(), mk6: Type.Optional(Type.String()), status: StringEnum(['pending', 'fired', 'failed'] as const) },
        { additionalProperties: true },
      ),
    ),
  },
  { $id: 'Timeline' },
);
