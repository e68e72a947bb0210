/** Network conditions of an MK6 (`/mock/mk6/{id}/network`, the fleet file's `network:`, timeline `network_add`). */
import { errors } from '../errors.js';
import { SafeId, StringEnum, Type, when } from './kit.js';
import { contractFault } from './validate.js';
import { say } from '../../i18n/api-messages.js';
export const CONDITION_TYPES = ['latency', 'timeout', 'reset', 'error', 'slow'];
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
export const MAX_MS = 600_000;
/** Every field of every type, in the order they are checked; each type takes its own (see src/network/behaviours/). */
export const NetworkCondition = Type.Object({
    name: SafeId({ description: 'unique per MK6; posting the same name replaces it' }),
    type: contractFault(StringEnum(CONDITION_TYPES), {
        invalid: (v, field) => errors.invalidValue(say('fieldInvalidAmong', 'type', String(JSON.stringify(v)?.slice(0, 40)), CONDITION_TYPES.join('|')), { field, allowed: [...CONDITION_TYPES] }),
        wrongType: (v, field) => errors.invalidValue(say('fieldInvalidAmong', 'type', String(JSON.stringify(v)?.slice(0, 40)), CONDITION_TYPES.join('|')), { field, allowed: [...CONDITION_TYPES] }),
    }),
    probability: Type.Optional(Type.Number({ minimum: 0, maximum: 1, default: 1 })),
    methods: Type.Optional(Type.Array(StringEnum(HTTP_METHODS), { minItems: 1 })),
    path: Type.Optional(contractFault(Type.String({ minLength: 1, maxLength: 200, description: 'only requests whose path matches (substring, or a glob with *)' }), {
        invalid: (_, field) => errors.badRequest(say('conditionPathInvalid'), { field }),
        wrongType: (_, field) => errors.badRequest(say('conditionPathInvalid'), { field }),
    })),
    first_n: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e9, description: 'only the first N matching requests' })),
    latency_ms: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_MS, description: 'latency (required)' })),
    jitter_ms: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_MS, description: 'latency' })),
    when: Type.Optional(StringEnum(['before', 'during'], { default: 'before', description: 'reset' })),
    status: Type.Optional(Type.Integer({ minimum: 400, maximum: 599, default: 500, description: 'error' })),
    code: Type.Optional(contractFault(Type.String({ pattern: '^[A-Z][A-Z0-9_]{0,63}$', default: 'INJECTED_ERROR', description: 'error' }), {
        invalid: (_, field) => errors.badRequest(say('conditionCodeInvalid'), { field }),
        wrongType: (_, field) => errors.badRequest(say('conditionCodeInvalid'), { field }),
    })),
    message: Type.Optional(contractFault(Type.String({ maxLength: 500, description: 'error' }), {
        invalid: (_, field) => errors.badRequest(say('conditionMessageInvalid'), { field }),
        wrongType: (_, field) => errors.badRequest(say('conditionMessageInvalid'), { field }),
    })),
    rate_bytes_per_s: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e9, description: 'slow (required)' })),
}, {
    $id: 'NetworkCondition',
    allOf: [
        when('type', 'latency', { latency_ms: { type: 'number' } }),
        when('type', 'slow', { rate_bytes_per_s: { type: 'number' } }),
    ],
});
const Counted = Type.Object({ matched: Type.Integer(), applied: Type.Integer() });
export const NetworkConditions = Type.Object({
    mk6_id: Type.String(),
    conditions: Type.Array(Type.Intersect([Type.Object({ name: Type.String(), type: Type.String() }, { additionalProperties: true }), Counted])),
    outage: Type.Optional(Type.Union([StringEnum(['blackhole', 'reset']), Type.Null()], { description: 'the outage kind while killed with blackhole or reset, else null' })),
}, { $id: 'NetworkConditions' });
export const NetworkChange = Type.Object({
    mk6_id: Type.String(),
    condition: Type.Optional(Type.Object({ name: Type.String(), type: Type.String() }, { additionalProperties: true })),
    removed: Type.Optional(Type.Unknown()),
}, { $id: 'NetworkChange' });
