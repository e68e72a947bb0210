/**
 * Every route the fleet serves, declared once (./kit.ts), in the order the document lists
 * them: the examples are replayed in that order (path order) against a fresh default fleet.
 * The worker's router and fast lane, the front's router, the query validators and the
 * OpenAPI document are built from this list.
 */
import { MK6_API_ROUTES } from './mk6-api.js';
import { MOCK_CONTROL_ROUTES, NETWORK_ROUTES } from './mock-control.js';
import { MK6_CLOCK_ROUTES } from './mk6-clock.js';
import { CLOCK_ROUTES, FLEET_CONTROL_ROUTES, PROCESS_ROUTES, TIMELINE_ROUTES } from './fleet.js';
import { RECETTE_ROUTES } from './recette.js';
import { CHAOS_ROUTES } from './chaos.js';
import { JOURNAL_ROUTES, META_ROUTES, PROBE_ROUTES } from './observe.js';
import { INTERNAL_ROUTES } from './internal.js';
import { PAGE_READ_ROUTES } from './page-reads.js';
export * from './kit.js';
export { STARTING_DESCRIPTION } from './common.js';
export { PAGE_READS } from './page-reads.js';
export const ROUTES = [
    ...CLOCK_ROUTES, // first: the examples after it live on the clock it freezes
    ...MK6_API_ROUTES,
    ...MOCK_CONTROL_ROUTES,
    ...MK6_CLOCK_ROUTES,
    ...PROCESS_ROUTES,
    ...NETWORK_ROUTES,
    ...TIMELINE_ROUTES,
    ...CHAOS_ROUTES, // after the timeline's: its example's day (2030) never fires during the other examples
    ...RECETTE_ROUTES,
    ...FLEET_CONTROL_ROUTES,
    ...JOURNAL_ROUTES,
    ...PROBE_ROUTES,
    ...META_ROUTES,
    ...PAGE_READ_ROUTES,
    ...INTERNAL_ROUTES,
];
/** The MK6 gateway API's prefix; the fast lane answers what is under it. */
export const GATEWAY_PREFIX = '/api/v1/mk6/{mk6_id}';
/** `{name}` (OpenAPI) → `:name` (@koa/router). */
export const koaPath = (path) => path.replace(/\{(\w+)\}/g, ':$1');
/** The routes a side answers in its router (not in a middleware, not passed through). */
export const routerRoutes = (side) => ROUTES.filter((r) => (side === 'worker' ? r.serve.worker === 'router' : r.serve.front === 'own'));
/** The MK6 gateway API: answered by the worker's router and its fast lane alike. */
export const GATEWAY_ROUTES = ROUTES.filter((r) => r.path.startsWith(`${GATEWAY_PREFIX}/`));
export function routeById(id) {
    const route = ROUTES.find((r) => r.id === id);
    if (!route)
        throw new Error(`no route declared with id ${id}`);
    return route;
}
