/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, one multiply-xorshift round per
 * draw, period 2³², good enough to draw a day of faults and tiny enough to check by hand.
 * The same seed gives the same sequence on every platform (only 32-bit integer arithmetic).
 */
export class Prng {
    state;
    constructor(seed) {
        this.state = seed >>> 0;
    }
    /** A float in [0, 1). */
    next() {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    /** An integer in [min, max]. */
    int(min, max) {
        return min + Math.floor(this.next() * (max - min + 1));
    }
    /** A float in [min, max). */
    between(min, max) {
        return min + this.next() * (max - min);
    }
    pick(items) {
        return items[Math.floor(this.next() * items.length)];
    }
    /** An exponential wait of mean 1/rate. */
    exponential(rate) {
        return -Math.log(1 - this.next()) / rate;
    }
    /** A copy of `items`, shuffled (Fisher–Yates). */
    shuffle(items) {
        const out = [...items];
        for (let i = out.length - 1; i > 0; i--) {
            const j = Math.floor(this.next() * (i + 1));
            [out[i], out[j]] = [out[j], out[i]];
        }
        return out;
    }
}
