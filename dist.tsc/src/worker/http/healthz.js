import { answerJson } from '../../shared/json-answer.js';
import { routeById } from '../../contract/routes/index.js';
export function healthz(rt) {
    const path = routeById('getHealth').path;
    return (ctx, next) => {
        if (ctx.path !== path || ctx.method !== 'GET')
            return next();
        answerJson(ctx, { status: 'ok', mk6_id: rt.config.id, pid: process.pid });
    };
}
