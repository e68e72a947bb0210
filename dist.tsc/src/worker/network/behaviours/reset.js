import { NetworkCondition } from '../../../contract/schema/index.js';
import { optional } from '../../../contract/schema/validate.js';
/** Long enough for the partial answer to leave the kernel before the RST discards the rest. */
const FLUSH_MS = 20;
export const reset = {
    type: 'reset',
    fields: ['when'],
    parse: (body) => ({ when: optional(NetworkCondition, body, 'when') ?? 'before' }),
    phase: (p) => (p.when === 'during' ? 'response' : 'answer'),
    answer: (_p, ex) => ex.reset(),
    respond: (_p, ex, out) => {
        ex.res.writeHead(out.status, { ...out.headers, 'content-length': String(out.body.length) });
        const part = out.body.subarray(0, Math.floor(out.body.length / 2));
        ex.res.write(part, () => setTimeout(() => ex.reset(), FLUSH_MS));
    },
};
