import { Mk6Error, errors } from '../../contract/errors.js';
import { answerWithError, toMk6Error } from '../../shared/error-writer.js';
import { say } from '../../i18n/api-messages.js';
/** `log` gets an unexpected 500 (not an Mk6Error): its message is hidden from the caller, not from the log. */
export function errorBodies(log) {
    return async (ctx, next) => {
        try {
            await next();
            if (ctx.body == null) {
                if (ctx.status === 404)
                    throw errors.notFound(say('unknownRouteAt', ctx.method, ctx.path.slice(0, 200)));
                if (ctx.status === 405)
                    throw errors.methodNotAllowed(ctx.response.get('Allow').split(/, ?/).filter(Boolean));
                if (ctx.status === 501)
                    throw toMk6Error({ status: 501 });
            }
        }
        catch (err) {
            const e = answerWithError(ctx, err);
            if (e.status >= 500 && !(err instanceof Mk6Error))
                log(`${ctx.method} ${ctx.path}`, err);
        }
    };
}
