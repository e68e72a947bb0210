export const SYSTEM_CLOCK = { source: 'system' };
export function simulatedNow(clock, realNow) {
    if (clock.source === 'system')
        return realNow;
    return clock.anchorSim + Math.max(0, realNow - clock.anchorReal) * clock.speed;
}
export function mockClock(anchorSim, anchorReal, speed = 0) {
    return { source: 'mock', anchorSim, anchorReal, speed };
}
export function isFleetClock(value) {
    if (!value || typeof value !== 'object')
        return false;
    const c = value;
    if (c.source === 'system')
        return true;
    return (c.source === 'mock' &&
        Number.isFinite(c.anchorSim) &&
        Number.isFinite(c.anchorReal) &&
        typeof c.speed === 'number' &&
        c.speed >= 0);
}
