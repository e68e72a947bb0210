/**
 * An MK6's own clock against the fleet clock (DESIGN.md "Per-MK6 clock"): an offset, and a
 * drift in parts per million counted from the fleet instant `since` it was set:
 *
 *   MK6 time = fleet time + offset + drift_ppm × 10⁻⁶ × (fleet time − since)
 *
 * Pure: the fleet time is given, the MK6's time is returned. A frozen fleet clock freezes
 * it, steps and speed carry it (the drift grows with the fleet time that passes, stepped or
 * run). `null` is an MK6 on the fleet clock.
 */
/** The MK6's time at fleet time `fleetNow`. */
export function mk6Time(clock, fleetNow) {
    if (clock === null)
        return fleetNow;
    return fleetNow + clock.offsetMs + (clock.driftPpm * (fleetNow - clock.since)) / 1e6;
}
/** The setting taking effect at fleet time `fleetNow`; offset 0 and drift 0 is the fleet clock (null). */
export function setMk6Clock(setting, fleetNow) {
    if (setting === null || (setting.offsetMs === 0 && setting.driftPpm === 0))
        return null;
    return { offsetMs: setting.offsetMs, driftPpm: setting.driftPpm, since: fleetNow };
}
/**
 * The fleet clock moved from `before` to `after` (fleet times at one real instant). Forward,
 * the drift goes on counting (a step carries it). Back before `since` (a day replayed) or
 * between real and simulated time (`sourceChanged`: the fleet leaves or returns to the
 * system clock), the drift counts afresh from there: the MK6 keeps its offset and is never
 * behind it for a time before its drift was set.
 */
export function fleetClockMoved(clock, after, sourceChanged) {
    if (clock === null || clock.driftPpm === 0)
        return clock;
    if (!sourceChanged && after >= clock.since)
        return clock;
    return { ...clock, since: after };
}
/** How far ahead of the fleet (ms, negative: behind) the MK6 is at fleet time `fleetNow`. */
export function mk6Ahead(clock, fleetNow) {
    return mk6Time(clock, fleetNow) - fleetNow;
}
/** A persisted or reported clock, checked (a state file of an earlier version has none). */
export function isMk6Clock(value) {
    if (!value || typeof value !== 'object')
        return false;
    const c = value;
    return Number.isFinite(c.offsetMs) && Number.isFinite(c.driftPpm) && Number.isFinite(c.since);
}
