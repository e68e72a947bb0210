/**
 * The plant behind a site, opt-in per site (fleet file, provision, `PUT /mock/mk6/{id}/sites/{sycode}/plant`):
 * its dynamics (ramp, dead time) and its production profile (what `pavailable` follows).
 * The variants' fields are checked by hand in src/domain/profiles.ts (one message per
 * field, whatever the variant); these declarations give the document and the fleet file.
 */
import { errors } from '../errors.js';
import { Nullable, Type } from './kit.js';
import { checked, contractFault } from './validate.js';
import { say } from '../../i18n/api-messages.js';
export const MAX_RAMP_KW_PER_MIN = 10_000_000;
export const MAX_DEAD_TIME_S = 3600;
export const MAX_RECORDED_POINTS = 2000;
/** Steps a plant keeps across a trimmed history (its dead time's worth). */
export const MAX_PLANT_STEPS = 1000;
const kwPerMin = (description) => Type.Number({ exclusiveMinimum: 0, maximum: MAX_RAMP_KW_PER_MIN, description });
export const Dynamics = objectWithFieldFaults(Type.Object({
    ramp_kw_per_min: kwPerMin('how fast pactive may rise (and fall, unless ramp_down_kw_per_min), kW per simulated minute'),
    ramp_down_kw_per_min: Type.Optional(kwPerMin('how fast pactive may fall (a stop, a lower setpoint or constraint); default ramp_kw_per_min')),
    dead_time_s: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_DEAD_TIME_S, description: 'simulated seconds the plant keeps its course after its target changes; default 0' })),
}, {
    additionalProperties: false,
    description: 'pactive follows min(pavailable, setpoint, constraint) through a dead time and a ramp; state 0 drops it to 0 at once. Absent: pactive is that minimum at once.',
}));
function objectWithFieldFaults(schema) {
    return contractFault(schema, {
        invalid: (value, field) => fieldsFault(schema, value, field),
        wrongType: (_, field) => errors.badRequest(say('objectExpected', field), { field }),
    });
}
const Fraction = (description) => Type.Number({ minimum: 0, maximum: 1, description });
export const ProfileModel = Type.Object({
    kind: Type.Literal('model'),
    low: Type.Optional(Fraction('lowest pavailable, a fraction of pmax (default 0)')),
    high: Type.Optional(Fraction('highest pavailable, a fraction of pmax (default 1)')),
    variability: Type.Optional(Fraction('how far the wind swings around the middle of [low, high] (default 1: the whole range)')),
    seed: Type.Optional(Type.Integer({ description: "the curve's seed (default: the fleet seed)" })),
}, { additionalProperties: false, description: 'the built-in wind model (smooth noise at 3 h, 40 min and 7 min), scaled into [low, high] × pmax' });
export const ProfileWalk = Type.Object({
    kind: Type.Literal('walk'),
    min_kw: Type.Number({ minimum: 0 }),
    max_kw: Type.Number({ minimum: 0, description: '<= pmax_kw, >= min_kw' }),
    step_kw: Type.Number({ minimum: 0, description: 'each interval the value moves by a uniform draw in [-step_kw, +step_kw], kept in [min_kw, max_kw]' }),
    interval_s: Type.Number({ minimum: 1, maximum: 86_400 }),
    seed: Type.Optional(Type.Integer({ description: 'default: the fleet seed' })),
}, { additionalProperties: false, description: 'a seeded random walk on the simulated clock (seed 001), restarting each UTC day at 00:00 from a seeded value' });
/** [time, kW]: a pair (JSON Schema 2020-12 and TypeBox alike; the domain checks each element, src/domain/profiles.ts). */
export const RecordedPoint = Type.Array(Type.Union([Type.String(), Type.Number()]), { minItems: 2, maxItems: 2, description: '[time, kW]: time "HH:MM", "HH:MM:SS" or an ISO time (its UTC time of day), kW in 0..pmax' });
export const ProfileRecorded = Type.Object({
    kind: Type.Literal('recorded'),
    points: Type.Optional(Type.Array(RecordedPoint, { minItems: 1, maxItems: MAX_RECORDED_POINTS })),
    file: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'fleet file only: a CSV (time,kW per line) or JSON file, relative to the fleet file' })),
}, { additionalProperties: false, description: 'a recorded day: time of day → kW, interpolated linearly, repeated every day (UTC)' });
export const Profile = contractFault(Type.Union([ProfileModel, ProfileWalk, ProfileRecorded], { description: 'what pavailable follows; absent: the built-in model' }), 
// The variant's own fault (one field, its wording) rather than "no variant matched".
{
    invalid: (value, field) => profileFault(value, field),
    wrongType: (_, field) => errors.badRequest(say('plantObjectExpected', field), { field }),
});
const VARIANTS = { model: ProfileModel, walk: ProfileWalk, recorded: ProfileRecorded };
/** The first fault of a profile that matches no variant: its kind, then its fields. */
export function profileFault(value, field) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return errors.badRequest(say('plantObjectExpected', field), { field });
    const kind = value.kind;
    if (typeof kind !== 'string' || !Object.hasOwn(VARIANTS, kind)) {
        return errors.invalidValue(say('fieldInvalidAmong', `${field}.kind`, JSON.stringify(kind ?? null).slice(0, 40), 'model|walk|recorded'), { field: `${field}.kind`, allowed: Object.keys(VARIANTS) });
    }
    return fieldsFault(VARIANTS[kind], value, field);
}
/** The first fault of an object against its (closed) schema, field by field, by the one mapping of validate.ts. */
export function fieldsFault(schema, body, field) {
    const props = (schema.properties ?? {});
    for (const key of Object.keys(body)) {
        if (!(key in props))
            return errors.badRequest(say('unknownKey', `${field}.${key}`, Object.keys(props).join(', ')), { field: `${field}.${key}` });
    }
    for (const [key, prop] of Object.entries(props)) {
        const v = body[key];
        if (v === undefined) {
            if ((schema.required ?? []).includes(key))
                return errors.missingField(`${field}.${key}`);
            continue;
        }
        try {
            checked(prop, v, `${field}.${key}`);
        }
        catch (err) {
            return err;
        }
    }
    return errors.badRequest(say('fieldInvalid', field), { field });
}
/** `PUT /mock/mk6/{id}/sites/{sycode}/plant`: both, either, or null to go back to the default. */
export const PlantBody = Type.Object({
    dynamics: Type.Optional(Nullable(Dynamics)),
    profile: Type.Optional(Nullable(Profile)),
}, { $id: 'PlantBody', minProperties: 1 });
export const PlantView = Type.Object({
    mk6_id: Type.String(),
    sycode: Type.String(),
    dynamics: Nullable(Dynamics),
    profile: Nullable(Profile),
    pavailable: Type.Number(),
    pactive: Type.Number(),
}, { $id: 'PlantView' });
/** `GET /mock/mk6/{id}/history`: at most this many rows (instants × sites) per answer. */
export const MAX_HISTORY_ROWS = 20_000;
export const HistoryRow = Type.Object({
    time: Type.String({ format: 'date-time' }),
    sycode: Type.String(),
    state: Type.Integer(),
    pavailable: Type.Number(),
    pactive: Type.Number(),
    psetpoint_recu: Type.Number(),
    external_constraint_kw: Nullable(Type.Number()),
});
export const History = Type.Object({
    mk6_id: Type.String(),
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    step_s: Type.Number(),
    count: Type.Integer(),
    rows: Type.Array(HistoryRow),
}, { $id: 'History', description: 'what GET monitoring/sites answers (or would answer) at each instant from..to, every step; rows by time, then site' });
