/** Inputs of the fleet-wide controls (clock, mode), validated the same way by worker and supervisor. */
import { mockClock, simulatedNow } from '../domain/clock.js';
import { errors } from './errors.js';
import { Mode, SetTime } from './schema/index.js';
import { asBody, checked, isAbsent, optional, optionalTime } from './schema/validate.js';
import { formatIsoOffset } from '../domain/time.js';
import { apiMessages } from '../i18n/api-messages.js';
export { MAX_SPEED } from './schema/index.js';
/**
 * `POST /mock/time {now, speed?}`: freeze at `now`, or run `speed` times real time from
 * there. A speed alone keeps the current simulated instant. Returns the clock and the echo.
 */
export function clockFromRequest(raw, current, anchorReal) {
    const body = asBody(raw);
    const speedRaw = optional(SetTime, body, 'speed');
    const speed = speedRaw ?? 0;
    let sim;
    if (isAbsent(body.now)) {
        if (speedRaw === undefined)
            throw errors.missingField('now');
        sim = simulatedNow(current, anchorReal);
    }
    else {
        sim = optionalTime(SetTime, body, 'now');
    }
    const clock = mockClock(sim, anchorReal, speed);
    return { clock, echo: { now: formatIsoOffset(sim), ...(speed !== 0 ? { speed } : {}) } };
}
export function modeFromRequest(raw) {
    const mode = asBody(raw).mode;
    if (isAbsent(mode))
        throw errors.missingField('mode');
    return checked(Mode, mode, 'mode');
}
export function modeAnswer(mode, lang) {
    return { mode, message: apiMessages[lang][mode === 'production' ? 'modeProduction' : 'modeMock'] };
}
export function releaseAnswer(lang) {
    return { message: apiMessages[lang].clockReleased, now: null };
}
/** The supervisor stamps broadcasts with one real-time anchor so every worker reads one time. */
export function anchorFromHeader(header, fallback) {
    return header && /^\d{1,16}$/.test(header) ? Number(header) : fallback;
}
