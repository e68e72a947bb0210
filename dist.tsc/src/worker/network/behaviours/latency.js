import { NetworkCondition } from '../../../contract/schema/index.js';
import { optional, required } from '../../../contract/schema/validate.js';
export const latency = {
    type: 'latency',
    fields: ['latency_ms', 'jitter_ms'],
    parse: (body) => ({
        latency_ms: required(NetworkCondition, body, 'latency_ms'),
        jitter_ms: optional(NetworkCondition, body, 'jitter_ms') ?? 0,
    }),
    phase: () => 'delay',
    delayMs: (p, random) => {
        const base = p.latency_ms;
        const jitter = p.jitter_ms;
        return Math.max(0, base + (random() * 2 - 1) * jitter);
    },
};
