/**
 * Drift guard: every route of the worker's and the front's route tables is in the OpenAPI
 * document, and every documented operation is served. A route added without its contract
 * (or a documented one removed) fails here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkerRuntime } from '../../src/worker/runtime.js';
import { workerRoutes } from '../../src/worker/http/routes.js';
import { Journal } from '../../src/journal/journal.js';
import { openapiDocument } from '../../src/contract/openapi/document.js';
import { PAGE_READS } from '../../src/contract/openapi/routes.js';
import type { FleetSupervisor } from '../../supervisor/fleet/fleet-supervisor.js';
import { fleetRoutes } from '../../supervisor/front/fleet-routes.js';

type Obj = Record<string, any>;
const VERBS = ['get', 'put', 'post', 'patch', 'delete'];
/** Served outside the route tables: the document itself, a worker's liveness probe (it meets outages), the front's own pages and the page's reads of an MK6 (proxied with the secret). */
const OUTSIDE_TABLES = {
  worker: ['GET /openapi.json', 'GET /healthz'],
  front: ['GET /openapi.json', 'GET /docs', 'GET /metrics', 'GET /supervision', ...PAGE_READS.map((view) => `GET /supervision/api/mk6/{}/${view}`)],
};

const norm = (path: string) => path.replace(/:[A-Za-z_]+|\{[^}]+\}/g, '{}');
/** "METHOD /path/{}" of a router's public routes (HEAD goes with GET). */
function routed(router: { stack: { methods: string[]; path: string | RegExp }[] }): Set<string> {
  const out = new Set<string>();
  for (const layer of router.stack) {
    if (typeof layer.path !== 'string' || layer.path.startsWith('/_')) continue;
    for (const m of layer.methods) if (m !== 'HEAD') out.add(`${m} ${norm(layer.path)}`);
  }
  return out;
}
function documented(doc: Obj): Set<string> {
  const out = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths as Obj)) for (const verb of VERBS) if (item[verb]) out.add(`${verb.toUpperCase()} ${norm(path)}`);
  return out;
}
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();

test("the worker's routes and the worker's document are the same set", () => {
  const routes = routed(workerRoutes({} as WorkerRuntime, new Journal()));
  const doc = documented(openapiDocument('worker'));
  for (const extra of OUTSIDE_TABLES.worker) routes.add(norm(extra));
  assert.deepEqual(minus(routes, doc), [], 'worker routes missing from the document');
  assert.deepEqual(minus(doc, routes), [], 'documented operations no worker route serves');
});

test("the front's routes (its own and the ones it proxies) and the front's document are the same set", () => {
  const worker = routed(workerRoutes({} as WorkerRuntime, new Journal()));
  const front = routed(fleetRoutes({} as FleetSupervisor));
  const doc = documented(openapiDocument('front'));
  const served = new Set([...worker, ...front, ...OUTSIDE_TABLES.front.map(norm)]);
  assert.deepEqual(minus(front, doc), [], 'front routes missing from the document');
  assert.deepEqual(minus(served, doc), [], 'served operations missing from the document');
  assert.deepEqual(minus(doc, served), [], 'documented operations nothing serves');
});
