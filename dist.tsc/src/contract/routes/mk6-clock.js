/**
 * An MK6's own clock (`/mock/mk6/{mk6_id}/clock`, DESIGN.md "Per-MK6 clock"): read it, set
 * its offset and drift, return it to the fleet clock. Declared GET, POST, DELETE in this
 * order: a replay of the examples in path order leaves the MK6 on the fleet clock.
 */
import { errors } from '../errors.js';
import * as S from '../schema/index.js';
import { E, json, MOCK, mockOp } from './common.js';
import { ROU2 } from './fixtures.js';
import { say } from '../../i18n/api-messages.js';
const view = (t, own) => ({
    mk6_id: ROU2,
    own,
    offset: own ? '+1m30s' : '+0s',
    offset_ms: own ? 90_000 : 0,
    drift_ppm: own ? 200 : 0,
    since: own ? t.at(0) : null,
    ahead_ms: own ? 90_000 : 0,
    now: own ? t.at(0.025) : t.at(0),
    fleet_now: t.at(0),
});
export const MK6_CLOCK_ROUTES = [
    mockOp('get', `${MOCK}/clock`, 'getMk6Clock', "The MK6's own clock: its offset and drift against the fleet clock, its time and the fleet's now", {
        200: json('the clock', S.Mk6ClockView, (t) => ({ fleet: view(t, false), skewed: view(t, true) })),
    }),
    mockOp('post', `${MOCK}/clock`, 'setMk6Clock', "Run the MK6 on a clock of its own from now: MK6 time = fleet time + offset + drift_ppm × 10⁻⁶ × (fleet time since now). The clock becomes exactly the body (a field absent is 0). Everything the MK6 says and decides then uses its time (created_at, monitoring, when a request becomes active or ends, history); the journal and the event log keep both times", { 200: json('the clock', S.Mk6ClockView, (t) => ({ skewed: view(t, true) })) }, {
        400: ['offset not a signed duration, drift_ppm not a number, nothing to set', errors.badRequest(say('fieldInvalidHint', 'offset', S.OFFSET_HINT), { field: 'offset' })],
        441: ['drift_ppm or offset out of range', E.invalid(say('outOfRange', 'drift_ppm', 2e6, false, false, -S.MAX_DRIFT_PPM, S.MAX_DRIFT_PPM), { field: 'drift_ppm', min: -S.MAX_DRIFT_PPM, max: S.MAX_DRIFT_PPM })],
    }, {
        schema: S.Mk6ClockBody,
        examples: {
            ahead: { value: { offset: '+90s', drift_ppm: 200 } },
            behind: { value: { offset: '-2m' } },
        },
    }),
    mockOp('delete', `${MOCK}/clock`, 'resetMk6Clock', 'Back to the fleet clock (offset 0, drift 0); /mock/reset returns to the fleet file’s clock instead', {
        200: json('the clock', S.Mk6ClockView, (t) => ({ fleet: view(t, false) })),
    }),
];
