/**
 * The MK6 gateway API in one table: each route's method, path under `/api/v1/mk6/:id` and
 * answer. The Koa router registers it (routes.ts) and the worker's fast lane matches it
 * (fast-lane.ts), so both ways in give the same answer from the same code.
 */
import { readPatch, readSubmit } from '../../contract/commands.js';
import type { SubmitResult } from '../../domain/mk6.js';
import type { WorkerRuntime } from '../runtime.js';

export interface GatewayAnswer {
  status: number;
  body: unknown;
}

export interface GatewayRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Under `/api/v1/mk6/:id`, in @koa/router's syntax (`:name` is one segment). */
  path: string;
  answer: (rt: WorkerRuntime, params: Record<string, string>, body: unknown) => GatewayAnswer;
}

export const GATEWAY_PREFIX = '/api/v1/mk6/:id';

type Answer = (rt: WorkerRuntime, params: Record<string, string>, body: unknown) => unknown;
const ok = (answer: Answer): GatewayRoute['answer'] => (rt, params, body) => ({ status: 200, body: answer(rt, params, body) });
const route = (method: GatewayRoute['method'], path: string, answer: Answer): GatewayRoute => ({ method, path, answer: ok(answer) });

/** A write (every method but GET) ends with a commit, which resolves once the change is on disk. */
export const isWrite = (route: GatewayRoute): boolean => route.method !== 'GET';

export const GATEWAY_ROUTES: readonly GatewayRoute[] = [
  route('GET', '/monitoring', (rt) => rt.mk6.monitoring()),
  route('GET', '/monitoring/sites', (rt) => ({ sites: rt.mk6.siteViews(rt.now()) })),
  route('GET', '/monitoring/sites/:sycode', (rt, p) => rt.mk6.siteView(p.sycode, rt.now())),
  route('GET', '/monitoring/planning', (rt) => ({ sites: rt.mk6.planningBySite(rt.now()) })),
  // the edge picks the status of what submit did: 201 a request created, 200 a main_reset
  { method: 'POST', path: '/requests', answer: (rt, _p, body) => submitAnswer(rt.mk6.submit(readSubmit(body), rt.now())) },
  route('GET', '/planning', (rt) => ({ mk6_id: rt.config.id, planning: rt.mk6.planning(rt.now()) })),
  route('GET', '/planning/:req', (rt, p) => rt.mk6.getRequest(p.req, rt.now())),
  route('PATCH', '/planning/:req', (rt, p, body) => rt.mk6.patchRequest(p.req, readPatch(body), rt.now())),
  route('DELETE', '/planning/:req', (rt, p) => rt.mk6.deleteRequest(p.req, rt.now())),
];

/** The status of what a submit did: 201 for a request created, 200 for a main_reset's count. */
export function submitAnswer(result: SubmitResult): GatewayAnswer {
  return result.outcome === 'created' ? { status: 201, body: result.request } : { status: 200, body: result.result };
}

/** Runs a route. A write is committed whatever happened, and answers once it is durable; a read answers at once. */
export function runGatewayRoute(rt: WorkerRuntime, route: GatewayRoute, params: Record<string, string>, body: unknown): GatewayAnswer | Promise<GatewayAnswer> {
  return isWrite(route) ? committed(rt, () => route.answer(rt, params, body)) : route.answer(rt, params, body);
}

async function committed(rt: WorkerRuntime, apply: () => GatewayAnswer): Promise<GatewayAnswer> {
  try {
    return apply();
  } finally {
    await rt.commit();
  }
}
