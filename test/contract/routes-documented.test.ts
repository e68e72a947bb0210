/**
 * Every route the worker and the front serve comes from a declaration (src/contract/routes/),
 * and the document is those declarations: the built routers are read layer by layer (each
 * layer is named by its declaration's id and carries its method and path), the fast lane's
 * table is the gateway's declarations, what the front passes through names an MK6, and the
 * routes served by a middleware are the declarations that say so. A route added without a
 * declaration has no layer name; a declaration without a handler stops the router's build.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkerRuntime } from '../../src/worker/runtime.js';
import { workerRoutes } from '../../src/worker/http/routes.js';
import { GATEWAY_TABLE } from '../../src/worker/http/gateway-api.js';
import { Journal } from '../../src/journal/journal.js';
import { openapiDocument } from '../../src/contract/openapi/document.js';
import { GATEWAY_PREFIX, koaPath, ROUTES, type RouteDecl } from '../../src/contract/routes/index.js';
import { buildRouter } from '../../src/contract/routes/build-router.js';
import { parseMk6Path } from '../../src/journal/mk6-path.js';
import type { FleetSupervisor } from '../../supervisor/fleet/fleet-supervisor.js';
import { fleetRoutes } from '../../supervisor/front/fleet-routes.js';
import { OBSERVABILITY_ROUTES } from '../../supervisor/front/observability.js';

type Obj = Record<string, any>;
type Layer = { name?: string | null; methods: string[]; path: string | RegExp };
const VERBS = ['get', 'put', 'post', 'patch', 'delete'];
const key = (r: RouteDecl) => `${r.method.toUpperCase()} ${r.path}`;
const byId = new Map(ROUTES.map((r) => [r.id, r]));

/** Each layer of a built router, as the declaration it came from (failing on a layer no declaration names). */
function declarationsOf(stack: Layer[]): RouteDecl[] {
  return stack.map((layer) => {
    const route = layer.name ? byId.get(layer.name) : undefined;
    assert.ok(route, `a route no declaration names: ${layer.methods.join(',')} ${String(layer.path)}`);
    assert.equal(layer.path, koaPath(route.path), `${route.id}: served on the declared path`);
    assert.ok(layer.methods.includes(route.method.toUpperCase()), `${route.id}: served with the declared method`);
    assert.deepEqual(layer.methods.filter((m) => m !== 'HEAD'), [route.method.toUpperCase()], `${route.id}: one method per layer`);
    return route;
  });
}
const sorted = (routes: RouteDecl[]) => routes.map(key).sort();

test('every declaration has a unique id, a unique method and path, and someone who serves it', () => {
  assert.equal(byId.size, ROUTES.length, 'ids are unique');
  assert.equal(new Set(ROUTES.map(key)).size, ROUTES.length, 'method + path are unique');
  for (const r of ROUTES) assert.ok(r.serve.worker || r.serve.front, `${r.id} is served by someone`);
});

test("the worker's router is the declarations the worker serves in its router, each once", () => {
  const served = declarationsOf(workerRoutes({} as WorkerRuntime, new Journal()).stack as Layer[]);
  assert.deepEqual(sorted(served), sorted(ROUTES.filter((r) => r.serve.worker === 'router')));
});

test("the worker's fast lane answers exactly the gateway's declarations, on their methods and paths", () => {
  const gateway = ROUTES.filter((r) => r.path.startsWith(`${GATEWAY_PREFIX}/`));
  assert.ok(gateway.length >= 9);
  assert.deepEqual(GATEWAY_TABLE.map((g) => g.declaration), gateway);
  for (const g of GATEWAY_TABLE) {
    assert.equal(`${GATEWAY_PREFIX}${g.path}`, g.declaration.path);
    assert.equal(g.method, g.declaration.method.toUpperCase());
    assert.equal(g.declaration.serve.worker, 'router', `${g.declaration.id}: the Koa router answers it too`);
  }
});

test("the front's router is the declarations the front answers itself; the rest it passes to the MK6 the path names", () => {
  const served = declarationsOf(fleetRoutes({} as FleetSupervisor).stack as Layer[]);
  assert.deepEqual(sorted(served), sorted(ROUTES.filter((r) => r.serve.front === 'own')));
  for (const r of ROUTES.filter((d) => d.serve.front === 'proxy')) {
    const concrete = r.path.replace(/\{(\w+)\}/g, 'X');
    assert.ok(parseMk6Path(concrete), `${key(r)}: the front proxies it, so its path names an MK6`);
    assert.equal(r.serve.worker, 'router', `${key(r)}: a worker answers what the front passes through`);
  }
});

test('the routes served by a middleware are declared as such, and the front\'s observability router is built from them', () => {
  const middleware = ROUTES.filter((r) => r.serve.worker === 'middleware' || r.serve.front === 'middleware').map((r) => r.id).sort();
  // worker: the document and liveness (app.ts); front: the document, docs and metrics (observability.ts), the page (page.ts),
  // the journal intake (front.ts), the page's reads of an MK6 (page-reads.ts)
  assert.deepEqual(middleware, ['fleetJournalIntake', 'getDocs', 'getHealth', 'getHistoryForPage', 'getMetrics', 'getNetworkForPage', 'getOpenapi', 'getStateForPage', 'getSupervisionPage']);
  for (const r of OBSERVABILITY_ROUTES) assert.equal(r.serve.front, 'middleware', r.id);
  const router = buildRouter('observability', OBSERVABILITY_ROUTES, Object.fromEntries(OBSERVABILITY_ROUTES.map((r) => [r.id, () => undefined])));
  assert.deepEqual(sorted(declarationsOf(router.stack as Layer[])), sorted(OBSERVABILITY_ROUTES));
});

test('a declaration without its handler, or a handler without its declaration, stops the build', () => {
  const [first, second] = ROUTES.filter((r) => r.serve.worker === 'router');
  assert.throws(() => buildRouter('t', [first, second], { [first.id]: () => undefined }), new RegExp(`${second.id}\\) has no handler`));
  assert.throws(() => buildRouter('t', [first], { [first.id]: () => undefined, nowhere: () => undefined }), /handlers no route declares: nowhere/);
});

function documented(doc: Obj): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries(doc.paths as Obj)) for (const verb of VERBS) if (item[verb]) out.push(`${verb.toUpperCase()} ${path}`);
  return out.sort();
}

test('the document is the declarations: every public one, in the front\'s; the ones a worker serves, in a worker\'s', () => {
  const front = openapiDocument('front');
  assert.deepEqual(documented(front), sorted(ROUTES.filter((r) => !r.internal)));
  assert.deepEqual(documented(openapiDocument('worker')), sorted(ROUTES.filter((r) => !r.internal && r.serve.worker)));
  for (const r of ROUTES.filter((d) => !d.internal)) assert.equal(front.paths[r.path][r.method].operationId, r.id);
  for (const r of ROUTES.filter((d) => d.internal)) assert.ok(r.path.startsWith('/_'), `${r.id}: an internal route lives under /_`);
});
