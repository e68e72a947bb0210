/**
 * What a site could produce: a smooth, deterministic function of (fleet seed, sycode,
 * simulated time). Value noise at three time scales (3 h gusts of weather, 40 min and
 * 7 min fluctuations), each knot hashed from the seed and sycode, eased between knots.
 * The same scenario replayed gives the same numbers; a frozen clock freezes them.
 */
const HOUR = 3_600_000;
const OCTAVES = [
    { period: 3 * HOUR, weight: 0.55 },
    { period: 40 * 60_000, weight: 0.3 },
    { period: 7 * 60_000, weight: 0.15 },
];
export function availablePower(seed, sycode, t, pmaxKw) {
    return Math.round(pmaxKw * availableFraction(seed, sycode, t));
}
/** The model's fraction of pmax at t, in [0, 1] (profiles scale it, src/domain/profiles.ts). */
export function availableFraction(seed, sycode, t) {
    const key = hashString(sycode) ^ Math.imul(seed | 0, 0x9e3779b1);
    let fraction = 0;
    for (let i = 0; i < OCTAVES.length; i++) {
        const { period, weight } = OCTAVES[i];
        fraction += weight * valueNoise(t / period, (key + i * 0x632be5ab) | 0);
    }
    // Stretch the middle so a day shows both calm (near 0) and full-load (near pmax) hours.
    return Math.min(1, Math.max(0, (fraction - 0.5) * 1.6 + 0.5));
}
function valueNoise(x, key) {
    const k = Math.floor(x);
    const f = x - k;
    const eased = f * f * (3 - 2 * f);
    const a = knot(k, key);
    const b = knot(k + 1, key);
    return a + (b - a) * eased;
}
/** A knot value in [0, 1) from an integer index and a key (splitmix32). */
function knot(index, key) {
    let z = (Math.imul(index | 0, 0x85ebca6b) ^ key) >>> 0;
    z = Math.imul(z ^ (z >>> 16), 0x7feb352d) >>> 0;
    z = Math.imul(z ^ (z >>> 15), 0x846ca68b) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 4294967296;
}
/** FNV-1a of a text: the seed of a site's curve (and of a walk profile's). */
export function hashString(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h | 0;
}
