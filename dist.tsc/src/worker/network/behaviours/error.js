/** `error`: the MK6 is not asked; the answer is `status` (default 500) with the contract's error body. */
import { errors } from '../../../contract/errors.js';
import { NetworkCondition } from '../../../contract/schema/index.js';
import { optional } from '../../../contract/schema/validate.js';
export const error = {
    type: 'error',
    fields: ['status', 'code', 'message'],
    parse: (body) => {
        const code = optional(NetworkCondition, body, 'code');
        const message = optional(NetworkCondition, body, 'message');
        return {
            status: optional(NetworkCondition, body, 'status') ?? 500,
            code: code ?? 'INJECTED_ERROR',
            message: message ?? 'Erreur injectée',
        };
    },
    phase: () => 'answer',
    answer: (p, ex) => ex.fail(errors.injected(p.status, p.code, p.message)),
};
