/** `latency`: the answer comes `latency_ms` later, give or take `jitter_ms` (uniform). */
import type { Behaviour } from '../behaviour.js';
import { numberField } from '../fields.js';

const MAX_MS = 600_000;

export const latency: Behaviour = {
  type: 'latency',
  fields: ['latency_ms', 'jitter_ms'],
  parse: (body) => ({
    latency_ms: numberField(body, 'latency_ms', { min: 0, max: MAX_MS, required: true }),
    jitter_ms: numberField(body, 'jitter_ms', { min: 0, max: MAX_MS }) ?? 0,
  }),
  phase: () => 'delay',
  delayMs: (p, random) => {
    const base = p.latency_ms as number;
    const jitter = p.jitter_ms as number;
    return Math.max(0, base + (random() * 2 - 1) * jitter);
  },
};
