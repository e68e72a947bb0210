import { BEHAVIOURS } from './registry.js';
import { answerWithError } from '../../shared/error-writer.js';
import { parseMk6Path } from '../../journal/mk6-path.js';
import { isSupervisorCall } from '../http/supervisor-call.js';
/** nginx's "connection closed without response": the journal's status when nothing was answered. */
export const NO_ANSWER = 444;
export function networkConditions(net) {
    return async (ctx, next) => {
        const internal = isSupervisorCall(ctx);
        if (net.outage && !internal) {
            const ex = exchange(ctx, net);
            if (net.outage === 'blackhole')
                ex.hold();
            else
                ex.reset();
            return;
        }
        if (internal || parseMk6Path(ctx.path)?.scope !== 'api' || net.size === 0)
            return next();
        const plan = net.plan(ctx.method, ctx.path);
        if (plan.fired.length === 0)
            return next();
        ctx.set('x-mk6-network', plan.fired.join(','));
        if (plan.delayMs > 0)
            await new Promise((r) => setTimeout(r, plan.delayMs));
        if (plan.answer) {
            return BEHAVIOURS.get(plan.answer.type)?.answer?.(plan.answer.params, exchange(ctx, net));
        }
        await nextAsAnswer(ctx, next);
        if (plan.response && !ctx.req.socket.destroyed) {
            const out = finalAnswer(ctx);
            ctx.respond = false;
            BEHAVIOURS.get(plan.response.type)?.respond?.(plan.response.params, exchange(ctx, net), out);
        }
    };
}
/** Runs the MK6, turning an error into its contract body here, so a response behaviour sees the real answer. */
async function nextAsAnswer(ctx, next) {
    try {
        await next();
    }
    catch (err) {
        answerWithError(ctx, err);
    }
}
function exchange(ctx, net) {
    const socket = ctx.req.socket;
    return {
        req: ctx.req,
        res: ctx.res,
        hold: () => {
            ctx.respond = false;
            ctx.status = NO_ANSWER;
            ctx.req.resume();
            net.hold(socket);
        },
        reset: () => {
            ctx.respond = false;
            if (!ctx.headerSent)
                ctx.status = NO_ANSWER;
            if (!socket.destroyed)
                socket.resetAndDestroy();
        },
        fail: (err) => void answerWithError(ctx, err),
    };
}
function finalAnswer(ctx) {
    const value = ctx.body;
    let body;
    let type = ctx.response.get('Content-Type') || 'application/json; charset=utf-8';
    if (value == null)
        body = Buffer.alloc(0);
    else if (Buffer.isBuffer(value))
        body = value;
    else if (typeof value === 'string')
        body = Buffer.from(value);
    else {
        body = Buffer.from(JSON.stringify(value));
        type = 'application/json; charset=utf-8';
    }
    const headers = { ...ctx.response.headers };
    delete headers['content-length'];
    headers['content-type'] = type;
    return { status: ctx.status, headers, body };
}
