/**
 * What a route declaration is (fastify's route object, for this fleet): method, path,
 * who serves it, its body, query and answers (schemas of ../schema/), the contract's errors
 * it may answer, summary and examples. The handler is named by the declaration's `id`: the
 * worker's and the front's handler tables are keyed by it, and building a router from them
 * fails on a declared route without a handler, or a handler no route declares
 * (./build-router.ts). Data only: no handler code, nothing heavy, safe in the worker's bundle.
 */
import type { Mk6Error } from '../errors.js';
import type { TSchema } from '../schema/kit.js';

export const TAGS = {
  mk6: 'MK6 API',
  mock: 'Mock control',
  clock: 'Clock, mode and reset',
  journal: 'Journal',
  fleet: 'Fleet',
  meta: 'Contract and observability',
} as const;

export type Verb = 'get' | 'post' | 'patch' | 'delete';
/** status → [description, the contract errors it carries (one example each)] */
export type Fails = Record<number, [string, ...Mk6Error[]]>;

/** The instants the examples name, relative to when the document is built (./example-times.ts). */
export interface ExampleClock {
  /** ISO time `hours` after the example day's anchor (the next whole hour after now). */
  at(hours: number): string;
}
/** One example of a request body, and the status its replay (in path order, on a fresh fleet) answers. */
export interface BodyExample {
  value: unknown;
  /** Default: the route's lowest success status. */
  status?: number;
}
export type Examples<T = unknown> = Record<string, T>;
/** Examples that name instants are built when the document is (times relative to now). */
export type Lazy<T> = T | ((t: ExampleClock) => T);

export interface Answer {
  description: string;
  schema?: TSchema;
  examples?: Lazy<Examples>;
  /** A non-JSON answer (HTML, text). */
  type?: string;
  /** Response headers, name → description. */
  headers?: Record<string, string>;
}
export interface QueryParam {
  name: string;
  required: boolean;
  description: string;
  schema: Record<string, unknown>;
  example?: Lazy<unknown>;
}

/**
 * Who answers a route. `worker`: the worker's router (and, for the MK6 API, its fast lane);
 * the front proxies it unless `front` is `own`. `front: 'own'`: the front's router answers it.
 * `middleware`: served before the routers by a middleware named in the app (the document,
 * liveness, pages), so its handler is not in a router table.
 */
export interface Serve {
  worker?: 'router' | 'middleware';
  front?: 'own' | 'proxy' | 'middleware';
}

export interface RouteDecl {
  /** The operationId, and the key of its handler in the worker's and the front's tables. */
  id: string;
  method: Verb;
  /** OpenAPI syntax: `{name}` is one segment. */
  path: string;
  serve: Serve;
  tag: string;
  summary: string;
  description?: string;
  body?: { schema: TSchema; examples?: Lazy<Examples<BodyExample>>; required?: boolean; yaml?: boolean };
  query?: QueryParam[];
  ok: Record<number, Answer>;
  fails: Fails;
  /** Internal (the supervisor's secret only): served, never documented. */
  internal?: true;
}

export const resolve = <T>(value: Lazy<T>, t: ExampleClock): T => (typeof value === 'function' ? (value as (t: ExampleClock) => T)(t) : value);
