import { NetworkCondition } from '../../../contract/schema/index.js';
import { required } from '../../../contract/schema/validate.js';
const TICK_MS = 50;
export const slow = {
    type: 'slow',
    fields: ['rate_bytes_per_s'],
    parse: (body) => ({ rate_bytes_per_s: required(NetworkCondition, body, 'rate_bytes_per_s') }),
    phase: () => 'response',
    respond: (p, ex, out) => {
        const rate = p.rate_bytes_per_s;
        const chunk = Math.max(1, Math.round((rate * TICK_MS) / 1000));
        const every = Math.max(1, Math.round((chunk * 1000) / rate));
        ex.res.writeHead(out.status, { ...out.headers, 'content-length': String(out.body.length) });
        let at = 0;
        const next = () => {
            if (ex.res.destroyed)
                return;
            if (at >= out.body.length)
                return void ex.res.end();
            ex.res.write(out.body.subarray(at, at + chunk));
            at += chunk;
            setTimeout(next, every);
        };
        setTimeout(next, every);
    },
};
