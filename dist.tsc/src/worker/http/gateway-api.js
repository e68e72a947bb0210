/**
 * The MK6 gateway API's handlers, by route id (the routes are declared in
 * src/contract/routes/mk6-api.ts). The Koa router runs them (routes.ts) and the worker's
 * fast lane matches the same declarations (fast-lane.ts), so both ways in give the same
 * answer from the same code.
 */
import { readPatch, readSubmit } from '../../contract/commands.js';
import { GATEWAY_PREFIX, GATEWAY_ROUTES } from '../../contract/routes/index.js';
const ok = (answer) => (rt, params, body) => ({ status: 200, body: answer(rt, params, body) });
/** A write (every method but GET) ends with a commit, which resolves once the change is on disk. */
export const isWrite = (route) => route.method !== 'GET';
const ANSWERS = {
    getMonitoring: ok((rt) => rt.mk6.monitoring()),
    getSites: ok((rt) => ({ sites: rt.mk6.siteViews(rt.now()) })),
    getSite: ok((rt, p) => rt.mk6.siteView(p.sycode, rt.now())),
    getPlanningBySite: ok((rt) => ({ sites: rt.mk6.planningBySite(rt.now()) })),
    // the edge picks the status of what submit did: 201 a request created, 200 a main_reset
    postRequest: (rt, _p, body) => submitAnswer(rt.mk6.submit(readSubmit(body), rt.now())),
    getPlanning: ok((rt) => ({ mk6_id: rt.config.id, planning: rt.mk6.planning(rt.now()) })),
    getRequest: ok((rt, p) => rt.mk6.getRequest(p.request_id, rt.now())),
    patchRequest: ok((rt, p, body) => rt.mk6.patchRequest(p.request_id, readPatch(body), rt.now())),
    deleteRequest: ok((rt, p) => rt.mk6.deleteRequest(p.request_id, rt.now())),
};
/** The declared gateway routes with their answers (a declaration without one, or the reverse, stops the worker at start). */
const stray = Object.keys(ANSWERS).filter((id) => !GATEWAY_ROUTES.some((d) => d.id === id));
if (stray.length)
    throw new Error(`gateway handlers no route declares: ${stray.join(', ')}`);
export const GATEWAY_TABLE = GATEWAY_ROUTES.map((declaration) => {
    const answer = ANSWERS[declaration.id];
    if (!answer)
        throw new Error(`gateway route ${declaration.id} has no handler`);
    return { method: declaration.method.toUpperCase(), path: declaration.path.slice(GATEWAY_PREFIX.length), declaration, answer };
});
/** The status of what a submit did: 201 for a request created, 200 for a main_reset's count. */
export function submitAnswer(result) {
    return result.outcome === 'created' ? { status: 201, body: result.request } : { status: 200, body: result.result };
}
/** Runs a route. A write is committed whatever happened, and answers once it is durable; a read answers at once. */
export function runGatewayRoute(rt, route, params, body) {
    return isWrite(route) ? committed(rt, () => route.answer(rt, params, body)) : route.answer(rt, params, body);
}
async function committed(rt, apply) {
    try {
        return apply();
    }
    finally {
        await rt.commit();
    }
}
