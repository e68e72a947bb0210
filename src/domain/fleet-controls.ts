/** Inputs of the fleet-wide controls (clock, mode), validated the same way by worker and supervisor. */
import { mockClock, simulatedNow, type FleetClock } from './clock.js';
import { errors } from './errors.js';
import { asBody, isAbsent, requiredString } from './input.js';
import { formatIsoOffset, parseIsoTime } from './time.js';

export type FleetMode = 'mock' | 'production';

export const MAX_SPEED = 100_000;

/**
 * `POST /mock/time {now, speed?}`: freeze at `now`, or run `speed` times real time from
 * there. A speed alone keeps the current simulated instant. Returns the clock and the echo.
 */
export function clockFromRequest(raw: unknown, current: FleetClock, anchorReal: number) {
  const body = asBody(raw);
  const speedRaw = body.speed;
  if (!isAbsent(speedRaw) && (typeof speedRaw !== 'number' || !(speedRaw >= 0) || speedRaw > MAX_SPEED)) {
    throw errors.invalidValue(`speed invalide (0..${MAX_SPEED})`, { field: 'speed', min: 0, max: MAX_SPEED });
  }
  const speed = isAbsent(speedRaw) ? 0 : (speedRaw as number);
  let sim: number;
  if (isAbsent(body.now)) {
    if (isAbsent(speedRaw)) throw errors.missingField('now');
    sim = simulatedNow(current, anchorReal);
  } else {
    const parsed = typeof body.now === 'string' && body.now.length <= 64 ? parseIsoTime(body.now) : null;
    if (parsed === null) throw errors.badRequest(`now invalide: ${JSON.stringify(body.now)?.slice(0, 80)}`, { field: 'now' });
    sim = parsed;
  }
  const clock = mockClock(sim, anchorReal, speed);
  return { clock, echo: { now: formatIsoOffset(sim), ...(speed !== 0 ? { speed } : {}) } };
}

export function modeFromRequest(raw: unknown): FleetMode {
  const mode = requiredString(asBody(raw), 'mode', 16);
  if (mode !== 'production' && mode !== 'mock') throw errors.badRequest(`mode invalide: '${mode}' (mock|production)`, { field: 'mode' });
  return mode;
}

export function modeAnswer(mode: FleetMode) {
  return { mode, message: mode === 'production' ? 'Mode production: écritures bloquées' : 'Mode mock: écritures autorisées' };
}

export const RELEASE_ANSWER = { message: 'Horloge liberee — temps reel actif', now: null } as const;

/** The supervisor stamps broadcasts with one real-time anchor so every worker reads one time. */
export function anchorFromHeader(header: string | undefined, fallback: number): number {
  return header && /^\d{1,16}$/.test(header) ? Number(header) : fallback;
}
