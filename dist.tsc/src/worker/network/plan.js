import { matchesRequest } from './condition.js';
import { BEHAVIOURS } from './registry.js';
export function planRequest(conditions, counters, method, path, random) {
    const plan = { delayMs: 0, answer: null, response: null, fired: [] };
    for (const c of conditions) {
        if (!matchesRequest(c, method, path))
            continue;
        const seen = (counters.get(c.name) ?? 0) + 1;
        counters.set(c.name, seen);
        if (c.first_n !== null && seen > c.first_n)
            continue;
        if (c.probability < 1 && !(random() < c.probability))
            continue;
        const behaviour = BEHAVIOURS.get(c.type);
        if (!behaviour)
            continue;
        const phase = behaviour.phase(c.params);
        if (phase === 'delay')
            plan.delayMs += behaviour.delayMs?.(c.params, random) ?? 0;
        else if (phase === 'answer') {
            if (plan.answer)
                continue;
            plan.answer = c;
        }
        else {
            if (plan.response)
                continue;
            plan.response = c;
        }
        plan.fired.push(c.name);
    }
    return plan;
}
