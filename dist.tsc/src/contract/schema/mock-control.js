/** The mock control (`/mock/…`, `/supervision/…`): what a tester sends to drive the fleet, and its answers. */
import { CONSTRAINT_SOURCES, ExternalConstraint, Request, SITE_ROLES } from './mk6-api.js';
import { errors } from '../errors.js';
import { Nullable, ref, SAFE_ID_PATTERN, SafeId, SiteStateValue, StringEnum, Time, Type, when } from './kit.js';
import { contractFault } from './validate.js';
import { Dynamics, Profile } from './plant.js';
import { Mk6ClockView } from './mk6-clock.js';
import { say } from '../../i18n/api-messages.js';
export const MODES = ['mock', 'production'];
/** How `POST /mock/mk6/{id}/kill` stops an MK6 (the one list; a worker's own outage is one of the last two). */
export const KILL_KINDS = ['refused', 'blackhole', 'reset'];
export const RESTART_KINDS = ['warm', 'cold'];
export const MAX_SITES = 64;
export const MAX_SPEED = 100_000;
/** A site of the fleet file and of a provision: the same shape. */
export const SiteDef = Type.Object({
    sycode: contractFault(SafeId({ maxLength: 64 }), {
        invalid: (v, field) => (v.length === 0 || v.length > 64 ? errors.badRequest(say('fieldInvalid', field), { field }) : errors.badRequest(say('safeIdInvalid', field), { field })),
        wrongType: (_, field) => errors.badRequest(say('fieldInvalid', field), { field }),
    }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: contractFault(StringEnum(SITE_ROLES), {
        invalid: (v, field) => (v.length === 0 || v.length > 200 ? errors.badRequest(say('fieldInvalid', field), { field }) : errors.badRequest(say('roleInvalid', `'${v}'`), { field })),
        wrongType: (_, field) => errors.badRequest(say('fieldInvalid', field), { field }),
    }),
    pmax_kw: contractFault(Type.Number({ exclusiveMinimum: 0, maximum: 10_000_000 }), {
        invalid: (_, field) => errors.invalidValue(say('pmaxPositive'), { field, min: 0 }),
    }),
    prm_id: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    dynamics: Type.Optional(Dynamics),
    profile: Type.Optional(Profile),
}, { $id: 'SiteDef' });
export const Provision = Type.Object({ sites: Type.Array(ref(SiteDef), { minItems: 1, maxItems: MAX_SITES, description: 'exactly one thissite; unique sycodes and names' }) }, { $id: 'Provision' });
export const ProvisionResult = Type.Object({ mk6_id: Type.String(), sites: Type.Integer(), thissite: Type.String(), nearsite: Type.Array(Type.String()), port: Type.Integer(), url: Type.String() }, { $id: 'ProvisionResult' });
export const Mode = contractFault(StringEnum(MODES, { $id: 'Mode' }), {
    invalid: (v, field) => (v.length === 0 || v.length > 16 ? errors.badRequest(say('fieldInvalid', field), { field }) : errors.badRequest(say('fieldInvalidAmong', 'mode', `'${v}'`, 'mock|production'), { field })),
    wrongType: (_, field) => errors.badRequest(say('fieldInvalid', field), { field }),
});
export const Clock = Type.Object({
    now: Time(),
    source: StringEnum(['system', 'mock']),
    speed: Type.Optional(Type.Number()),
    frozen: Type.Optional(Type.Boolean()),
}, { $id: 'Clock' });
export const Mk6State = Type.Object({
    mk6_id: Type.String(),
    aliases: Type.Optional(Type.Array(Type.String())),
    sites: Type.Record(Type.String(), Type.Object({})),
    planning: Type.Array(ref(Request)),
    request_counter: Type.Optional(Type.Integer()),
    next_request_id: Type.Optional(Type.String()),
    offline: Type.Boolean(),
    auth: Type.Object({ enabled: Type.Boolean() }),
    clock: Type.Optional(ref(Clock)),
    mk6_clock: Type.Optional(ref(Mk6ClockView)),
    mode: Type.Optional(ref(Mode)),
}, { $id: 'Mk6State' });
export const SiteStateBody = Type.Object({ state: contractFault(Type.Union(SiteStateValue.anyOf, { description: SiteStateValue.description }), { invalid: (v) => errors.invalidValue(say('siteStateInvalid', v), { field: 'state', allowed: [0, 1, 2] }) }) }, { $id: 'SiteStateBody' });
export const SiteState = Type.Object({ mk6_id: Type.String(), sycode: Type.String(), state: SiteStateValue, base_state: Type.Integer(), fault: Type.Boolean() }, { $id: 'SiteState' });
export const Online = Type.Object({ mk6_id: Type.String(), online: Type.Boolean() }, { $id: 'Online' });
export const AuthBody = Type.Object({
    enabled: Type.Boolean({ default: true }),
    token: Type.Optional(contractFault(Type.String({ minLength: 1, maxLength: 512, pattern: '^[\\x21-\\x7e]+$', description: 'required when enabled; never logged nor journaled in clear' }), {
        invalid: (v, field) => (v.length === 0 || v.length > 512 ? errors.badRequest(say('fieldInvalid', field), { field }) : errors.badRequest(say('tokenVisibleAscii'), { field })),
    })),
}, { $id: 'AuthBody', allOf: [when('enabled', true, { token: { type: 'string' } })] });
export const AuthResult = Type.Object({ mk6_id: Type.String(), auth: Type.Object({ enabled: Type.Boolean() }) }, { $id: 'AuthResult' });
export const InjectExternal = Type.Object({
    source: contractFault(StringEnum(CONSTRAINT_SOURCES), {
        invalid: (v, field) => (v.length === 0 || v.length > 16 ? errors.badRequest(say('fieldInvalid', field), { field }) : errors.badRequest(say('fieldInvalidAmong', 'source', `'${v}'`, 'DEIE|SCADA'), { field })),
        wrongType: (_, field) => errors.badRequest(say('fieldInvalid', field), { field }),
    }),
    value_kw: contractFault(Type.Number({ minimum: 0 }), { invalid: (_, field) => errors.invalidValue(say('valueKwNonNegative'), { field, min: 0 }) }),
    start_time: Type.Optional(Time({ maxLength: 64 })),
    end_time: Type.Optional(Time({ maxLength: 64 })),
}, { $id: 'InjectExternal' });
export const InjectResult = Type.Object({ sycode: Type.String(), external_constraint: Nullable(ref(ExternalConstraint)), active: Type.Optional(Type.Boolean()) }, { $id: 'InjectResult' });
export const KillBody = Type.Object({
    kind: Type.Optional(StringEnum(KILL_KINDS, {
        default: 'refused',
        description: 'refused: process stopped (port refuses); blackhole: connections hang (proxy 504); reset: connections reset',
    })),
}, { $id: 'KillBody' });
export const RestartBody = Type.Object({ kind: Type.Optional(StringEnum(RESTART_KINDS, { default: 'warm', description: 'cold: a power cut, the planning is lost, the rest kept' })) }, { $id: 'RestartBody' });
export const KillResult = Type.Object({ mk6_id: Type.String(), status: Type.String(), pid: Nullable(Type.Integer()) }, { $id: 'KillResult' });
export const RestartResult = Type.Object({ mk6_id: Type.String(), status: Type.String(), pid: Nullable(Type.Integer()), url: Type.String() }, { $id: 'RestartResult' });
export const BroadcastReport = Type.Object({
    total: Type.Integer(),
    ok: Type.Array(Type.String()),
    failed: Type.Array(Type.Object({ mk6_id: Type.String(), error: Type.String() })),
}, { $id: 'BroadcastReport' });
export const SetTime = Type.Object({
    now: Type.Optional(Time({ maxLength: 64, description: 'absent with a speed: the current simulated instant' })),
    speed: Type.Optional(contractFault(Type.Number({ minimum: 0, maximum: MAX_SPEED, description: 'k times real time from `now`; 0 or absent: frozen' }), {
        invalid: (_, field) => errors.invalidValue(say('speedInvalid', MAX_SPEED), { field, min: 0, max: MAX_SPEED }),
        wrongType: (_, field) => errors.invalidValue(say('speedInvalid', MAX_SPEED), { field, min: 0, max: MAX_SPEED }),
    })),
}, { $id: 'SetTime', minProperties: 1 });
export const SetTimeResult = Type.Object({
    now: Time({ description: 'echoed in the seed form 2026-03-01T10:00:00+00:00' }),
    speed: Type.Optional(Type.Number()),
    workers: Type.Optional(ref(BroadcastReport)),
}, { $id: 'SetTimeResult' });
export const ReleaseResult = Type.Object({ message: Type.String(), now: Type.Null(), workers: Type.Optional(ref(BroadcastReport)) }, { $id: 'ReleaseResult' });
export const ModeBody = Type.Object({ mode: ref(Mode) }, { $id: 'ModeBody' });
export const ModeResult = Type.Object({ mode: ref(Mode), message: Type.Optional(Type.String()), workers: Type.Optional(ref(BroadcastReport)) }, { $id: 'ModeResult' });
export const ModeView = Type.Object({ mode: ref(Mode) }, { $id: 'ModeView' });
export const ResetResult = Type.Object({ message: Type.String(), removed: Type.Optional(Type.Array(Type.String())), workers: Type.Optional(ref(BroadcastReport)) }, { $id: 'ResetResult' });
