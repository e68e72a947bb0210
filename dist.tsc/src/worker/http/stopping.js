import { errors } from '../../contract/errors.js';
import { answerWithError } from '../../shared/error-writer.js';
export function whileServing(rt) {
    return async (ctx, next) => {
        if (rt.stopping) {
            ctx.set('Connection', 'close');
            return void answerWithError(ctx, errors.mk6Offline(rt.config.id));
        }
        rt.inFlight++;
        try {
            await next();
        }
        finally {
            rt.inFlight--;
        }
    };
}
