/**
 * The timeline of events on the fleet clock (`POST /mock/timeline`, `--timeline FILE`) and
 * how it is shown. Each field carries the wording of its fault in a timeline (`worded`), so
 * supervisor/timeline.ts reports `file:line events[i].field: message` from these schemas.
 */
import { KILL_KINDS, RESTART_KINDS } from './mock-control.js';
import { CONSTRAINT_SOURCES } from './mk6-api.js';
import { NetworkCondition } from './network.js';
import { MK6_CLOCK_FIELDS } from './mk6-clock.js';
import { Nullable, ref, SafeId, SiteStateValue, StringEnum, Time, Type } from './kit.js';
import { worded } from './validate.js';
export const MAX_EVENTS = 10_000;
const at = worded(Time({ description: 'when it fires, on the fleet clock' }), (v) => `heure ISO 8601 invalide: ${JSON.stringify(v)?.slice(0, 60)}`);
const mk6 = worded(SafeId({ description: 'the MK6 id' }), (v) => `id invalide: ${JSON.stringify(v)?.slice(0, 60)}`, 'champ obligatoire (id du MK6)');
const event = (action, fields) => Type.Object({ at, action: Type.Literal(action), mk6, ...fields }, { additionalProperties: false });
const sycode = worded(SafeId(), () => 'sycode invalide');
const kind = (kinds) => () => `kind invalide (${kinds.join('|')})`;
/** Each action with its own fields: the HTTP call a tester would make on the front. */
export const TIMELINE_EVENTS = {
    site_state: event('site_state', { sycode, state: worded(Type.Union(SiteStateValue.anyOf, { description: SiteStateValue.description }), () => '0, 1 ou 2') }),
    fault_on: event('fault_on', { sycode }),
    fault_off: event('fault_off', { sycode }),
    constraint_on: event('constraint_on', {
        sycode,
        value_kw: worded(Type.Number(), () => 'un nombre est attendu'),
        source: Type.Optional(StringEnum(CONSTRAINT_SOURCES)),
        start_time: Type.Optional(Time()),
        end_time: Type.Optional(Time()),
    }),
    constraint_off: event('constraint_off', { sycode }),
    offline: event('offline', {}),
    online: event('online', {}),
    kill: event('kill', { kind: Type.Optional(worded(StringEnum(KILL_KINDS), kind(KILL_KINDS))) }),
    restart: event('restart', { kind: Type.Optional(worded(StringEnum(RESTART_KINDS), kind(RESTART_KINDS))) }),
    network_add: event('network_add', { condition: ref(NetworkCondition) }),
    network_rm: event('network_rm', { name: Type.Optional(worded(SafeId(), () => 'nom de condition invalide')) }),
    /** The MK6's own clock from then: POST /mock/mk6/{mk6}/clock {offset?, drift_ppm?} (at least one). */
    clock_skew: event('clock_skew', MK6_CLOCK_FIELDS),
    /** Back to the fleet clock: DELETE /mock/mk6/{mk6}/clock. */
    clock_reset: event('clock_reset', {}),
    speed: Type.Object({ at, action: Type.Literal('speed'), speed: worded(Type.Number({ minimum: 0 }), () => 'un nombre >= 0 est attendu') }, { additionalProperties: false }),
};
export const TIMELINE_ACTIONS = Object.keys(TIMELINE_EVENTS);
/** What every event has, read first: its time and which action it is (the schema of the rest). */
const actionFault = (v) => `action inconnue: ${JSON.stringify(v)?.slice(0, 40)} (${TIMELINE_ACTIONS.join('|')})`;
export const TimelineEventHead = Type.Object({ at, action: worded(StringEnum(TIMELINE_ACTIONS), actionFault, actionFault(undefined)) });
export const TimelineEvent = Type.Union(Object.values(TIMELINE_EVENTS), { $id: 'TimelineEvent' });
const Events = Type.Array(ref(TimelineEvent), { maxItems: MAX_EVENTS });
export const TimelineBody = Type.Union([Events, Type.Object({ timeline: Events }), Type.Object({ events: Events })], { $id: 'TimelineBody', description: 'a list of events, or {timeline: [...]} / {events: [...]}; also accepted as YAML text' });
export const Timeline = Type.Object({
    source: Type.Optional(Nullable(Type.String())),
    count: Type.Integer(),
    fired: Type.Optional(Type.Integer()),
    pending: Type.Optional(Type.Integer()),
    next_at: Type.Optional(Nullable(Time())),
    events: Type.Array(Type.Object({ index: Type.Integer(), at: Time(), action: Type.String(), mk6: Type.Optional(Type.String()), status: StringEnum(['pending', 'fired', 'failed']) }, { additionalProperties: true })),
}, { $id: 'Timeline' });
