/**
 * Which conditions act on one request, and how: pure, with the random source and the
 * per-condition counters passed in. Conditions are looked at in the order they were
 * added; every one that matches counts the request (for `first_n`), then fires with its
 * probability. The delays of every firing latency add up; the first firing `answer`
 * behaviour replaces the MK6's answer; else the first firing `response` one writes it.
 */
import type { Random } from './behaviour.js';
import type { NetworkCondition } from './condition.js';
import { matchesRequest } from './condition.js';
import { BEHAVIOURS } from './registry.js';

export interface Plan {
  delayMs: number;
  answer: NetworkCondition | null;
  response: NetworkCondition | null;
  /** Names of the conditions that fired, in order. */
  fired: string[];
}

/** How many matching requests each condition has seen (by name); the plan updates it. */
export type Counters = Map<string, number>;

export function planRequest(conditions: readonly NetworkCondition[], counters: Counters, method: string, path: string, random: Random): Plan {
  const plan: Plan = { delayMs: 0, answer: null, response: null, fired: [] };
  for (const c of conditions) {
    if (!matchesRequest(c, method, path)) continue;
    const seen = (counters.get(c.name) ?? 0) + 1;
    counters.set(c.name, seen);
    if (c.first_n !== null && seen > c.first_n) continue;
    if (c.probability < 1 && !(random() < c.probability)) continue;
    const behaviour = BEHAVIOURS.get(c.type);
    if (!behaviour) continue;
    const phase = behaviour.phase(c.params);
    if (phase === 'delay') plan.delayMs += behaviour.delayMs?.(c.params, random) ?? 0;
    else if (phase === 'answer') {
      if (plan.answer) continue;
      plan.answer = c;
    } else {
      if (plan.response) continue;
      plan.response = c;
    }
    plan.fired.push(c.name);
  }
  return plan;
}
