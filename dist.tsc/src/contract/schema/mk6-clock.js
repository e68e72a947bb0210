/**
 * An MK6's own clock (DESIGN.md "Per-MK6 clock"): `{offset, drift_ppm}` in the fleet file
 * (per MK6, `clock:`), in `POST /mock/mk6/{id}/clock` and in a timeline's `clock_skew`, and
 * the view every answer about it gives. The offset is a duration of the one grammar
 * (../duration.ts) with a sign: `+90s`, `-2m`, `1h30m` (no sign: ahead).
 */
import { DURATION_PATTERN } from '../duration.js';
import { errors } from '../errors.js';
import { Nullable, Time, Type } from './kit.js';
import { contractFault } from './validate.js';
import { say } from '../../i18n/api-messages.js';
/** `+90s`, `-2m`, `1h30m`: the duration grammar with an optional sign. */
export const OFFSET_PATTERN = `^[+-]?${DURATION_PATTERN.slice(1)}`;
export const OFFSET_HINT = '+90s, -2m, 1h30m';
/** At most 100 years either way: a dead RTC battery is 2000-01-01, and every date stays formattable. */
export const MAX_OFFSET_MS = 36_500 * 86_400_000;
/** ±10 %: a quartz drifts by tens of ppm; a test wants to see it within minutes. Above −10⁶ the MK6's time never runs backwards. */
export const MAX_DRIFT_PPM = 100_000;
const offsetFault = (_, field) => errors.badRequest(say('fieldInvalidHint', field, OFFSET_HINT), { field });
/** The fields, declared once for the body, the fleet file and the timeline. */
export const MK6_CLOCK_FIELDS = {
    offset: Type.Optional(contractFault(Type.String({ pattern: OFFSET_PATTERN, maxLength: 40, description: `signed duration, e.g. ${OFFSET_HINT}; no sign: ahead of the fleet; default 0s` }), {
        invalid: offsetFault,
        wrongType: offsetFault,
    })),
    drift_ppm: Type.Optional(Type.Number({ minimum: -MAX_DRIFT_PPM, maximum: MAX_DRIFT_PPM, description: 'parts per million the MK6 gains (negative: loses) per fleet second, counted from when it is set; default 0' })),
};
/** `POST /mock/mk6/{id}/clock`: the MK6's clock becomes exactly this (a field absent is 0). */
export const Mk6ClockBody = Type.Object(MK6_CLOCK_FIELDS, { $id: 'Mk6ClockBody', minProperties: 1 });
/** What the MK6 says of its clock (`GET|POST|DELETE /mock/mk6/{id}/clock`, the inventory, the state). */
export const Mk6ClockView = Type.Object({
    mk6_id: Type.String(),
    own: Type.Boolean({ description: 'false: the MK6 reads the fleet clock (offset 0, drift 0)' }),
    offset: Type.String({ description: 'the offset in the duration grammar, signed (`+1m30s`, `-2m`, `+0s`)' }),
    offset_ms: Type.Integer(),
    drift_ppm: Type.Number(),
    since: Nullable(Time({ description: 'the fleet time the drift counts from (null on the fleet clock)' })),
    ahead_ms: Type.Integer({ description: 'MK6 time − fleet time now: the offset plus the drift gathered since `since`' }),
    now: Time({ description: "the MK6's own time now" }),
    fleet_now: Time({ description: 'the fleet clock now' }),
}, { $id: 'Mk6ClockView' });
