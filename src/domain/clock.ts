/**
 * The fleet clock as data. A mock clock is an anchor: at real instant `anchorReal` the
 * simulated time was `anchorSim`, and it runs `speed` times real time from there (0 =
 * frozen). Every worker holds the same anchor, so they all read the same time.
 */
export type FleetClock =
  | { source: 'system' }
  | { source: 'mock'; anchorSim: number; anchorReal: number; speed: number };

export const SYSTEM_CLOCK: FleetClock = { source: 'system' };

export function simulatedNow(clock: FleetClock, realNow: number): number {
  if (clock.source === 'system') return realNow;
  return clock.anchorSim + Math.max(0, realNow - clock.anchorReal) * clock.speed;
}

export function mockClock(anchorSim: number, anchorReal: number, speed = 0): FleetClock {
  return { source: 'mock', anchorSim, anchorReal, speed };
}

export function isFleetClock(value: unknown): value is FleetClock {
  if (!value || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  if (c.source === 'system') return true;
  return (
    c.source === 'mock' &&
    Number.isFinite(c.anchorSim) &&
    Number.isFinite(c.anchorReal) &&
    typeof c.speed === 'number' &&
    c.speed >= 0
  );
}
