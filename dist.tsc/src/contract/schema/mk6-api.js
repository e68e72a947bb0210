/** The MK6 gateway API (`/api/v1/mk6/{mk6_id}/…`): what the gateway sends and reads. */
import { errors } from '../errors.js';
import { BySycode, Nullable, ref, SiteStateValue, StringEnum, Time, Type, when } from './kit.js';
import { contractFault } from './validate.js';
import { say } from '../../i18n/api-messages.js';
export const SET_VALUES = ['Psetpoint', 'stop', 'main_reset'];
export const CONSTRAINT_SOURCES = ['DEIE', 'SCADA'];
export const SITE_ROLES = ['thissite', 'nearsite'];
export const REQUEST_STATES = ['scheduled', 'active', 'expired', 'deleted'];
export const ExternalConstraint = Type.Object({
    source: StringEnum(CONSTRAINT_SOURCES),
    value_kw: Type.Number(),
    since: Time(),
    start_time: Nullable(Time()),
    end_time: Nullable(Time()),
}, { $id: 'ExternalConstraint' });
export const Request = Type.Object({
    id: Type.String({ pattern: '^REQ-[0-9]{3,}$', examples: ['REQ-001'] }),
    seq: Type.Integer({ minimum: 1 }),
    set: StringEnum(['Psetpoint', 'stop']),
    site: BySycode(Type.String(), { minProperties: 1, maxProperties: 1, description: '{SYCODE: site name}' }),
    psetpoint: Nullable(Type.Number(), { description: 'kW; null for a stop' }),
    start_time: Time(),
    end_time: Nullable(Time(), { description: 'null: open-ended' }),
    state: StringEnum(REQUEST_STATES),
    created_at: Time(),
}, { $id: 'Request', additionalProperties: true, description: 'A setpoint request; unknown fields of the body it came from are echoed.' });
export const SiteView = Type.Object({
    sycode: Type.String(),
    site_name: Type.String(),
    role: StringEnum(SITE_ROLES),
    prm_id: Nullable(Type.String()),
    state: SiteStateValue,
    fault: Type.Boolean(),
    pmax_wf: Type.Number(),
    pavailable: Type.Number(),
    pactive: Type.Number(),
    psetpoint_recu: Type.Number(),
    stop_wf_active: Type.Boolean(),
    active_request: Nullable(ref(Request)),
    external_constraint: Nullable(ref(ExternalConstraint)),
}, { $id: 'SiteView' });
export const Monitoring = Type.Object({
    thissite: BySycode(Type.String()),
    nearsite: Type.Array(BySycode(Type.String())),
    state: BySycode(SiteStateValue),
}, { $id: 'Monitoring' });
export const SiteViews = Type.Object({ sites: BySycode(ref(SiteView)) }, { $id: 'SiteViews' });
export const PlanningBySite = Type.Object({ sites: BySycode(Type.Object({ sycode: Type.String(), site_name: Type.String(), planning: Type.Array(ref(Request)) })) }, { $id: 'PlanningBySite' });
export const Planning = Type.Object({ mk6_id: Type.String(), planning: Type.Array(ref(Request)) }, { $id: 'Planning' });
/**
 * `POST /requests`. Fields are declared in the order the contract checks them (set, site,
 * psetpoint, times); the `if`/`then` says what `set` requires.
 */
export const NewRequest = Type.Object({
    set: contractFault(StringEnum(SET_VALUES), {
        invalid: (set) => errors.badRequest(say('fieldInvalidValue', 'set', `'${typeof set === 'string' ? set.slice(0, 64) : JSON.stringify(set)?.slice(0, 64)}'`), { field: 'set', allowed: [...SET_VALUES] }),
        wrongType: (set) => errors.badRequest(say('fieldInvalidValue', 'set', `'${JSON.stringify(set)?.slice(0, 64)}'`), { field: 'set', allowed: [...SET_VALUES] }),
    }),
    site: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'sycode or site name (Psetpoint, stop; optional for main_reset)' })),
    psetpoint: Type.Optional(Type.Number({ description: 'kW, 0..pmax of the site (Psetpoint); outside: 441 {max, site}' })),
    start_time: Type.Optional(Time({ maxLength: 64, description: 'absent: now' })),
    end_time: Type.Optional(Time({ maxLength: 64, description: 'absent: open-ended' })),
    confirm: Type.Optional(Type.Boolean({ description: 'main_reset only: must be true' })),
    reason: Type.Optional(Type.String()),
}, {
    $id: 'NewRequest',
    additionalProperties: true,
    allOf: [
        when('set', 'Psetpoint', { site: { type: 'string' }, psetpoint: { type: 'number', minimum: 0 } }),
        when('set', 'stop', { site: { type: 'string' } }),
        when('set', 'main_reset', { confirm: { const: true } }),
    ],
});
export const RequestPatch = Type.Object({
    psetpoint: Type.Optional(Type.Number({ description: 'kW, 0..pmax of the site; outside: 441 {max, site}' })),
    start_time: Type.Optional(Time({ maxLength: 64 })),
    end_time: Type.Optional(Time({ maxLength: 64 })),
}, { $id: 'RequestPatch', minProperties: 1, additionalProperties: true });
export const MainResetResult = Type.Object({ deleted_count: Type.Integer(), kept_count: Type.Integer(), reason: Type.Optional(Type.Unknown()) }, { $id: 'MainResetResult' });
