/** `error`: the MK6 is not asked; the answer is `status` (default 500) with the contract's error body. */
import { Mk6Error } from '../../domain/errors.js';
import { errors } from '../../domain/errors.js';
import { isAbsent } from '../../domain/input.js';
import type { Behaviour } from '../behaviour.js';
import { numberField } from '../fields.js';

const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

export const error: Behaviour = {
  type: 'error',
  fields: ['status', 'code', 'message'],
  parse: (body) => {
    const code = body.code;
    if (!isAbsent(code) && (typeof code !== 'string' || !CODE.test(code))) {
      throw errors.badRequest('code invalide (majuscules, chiffres, _; 64 max)', { field: 'code' });
    }
    const message = body.message;
    if (!isAbsent(message) && (typeof message !== 'string' || message.length > 500)) {
      throw errors.badRequest('message invalide (chaîne, 500 max)', { field: 'message' });
    }
    return {
      status: numberField(body, 'status', { min: 400, max: 599, integer: true }) ?? 500,
      code: (code as string | undefined) ?? 'INJECTED_ERROR',
      message: (message as string | undefined) ?? 'Erreur injectée',
    };
  },
  phase: () => 'answer',
  answer: (p, ex) => ex.fail(new Mk6Error(p.status as number, p.code as string, p.message as string, { injected: true })),
};
