import assert from "node:assert/strict";
import { test } from "node:test";
import { workerRoutes } from "../../src/worker/http/routes.js";
import { GATEWAY_TABLE } from "../../src/worker/http/gateway-api.js";
import { Journal } from "../../src/journal/journal.js";
import { openapiDocument } from "../../src/contract/openapi/document.js";
import { GATEWAY_PREFIX, koaPath, ROUTES } from "../../src/contract/routes/index.js";
import { buildRouter } from "../../src/contract/routes/build-router.js";
import { parseMk6Path } from "../../src/journal/mk6-path.js";
import { fleetRoutes } from "../../supervisor/front/fleet-routes.js";
import { OBSERVABILITY_ROUTES } from "../../supervisor/front/observability.js";
const VERBS = ["get", "put", "post", "patch", "delete"];
const key = (r) => `${r.method.toUpperCase()} ${r.path}`;
const byId = new Map(ROUTES.map((r) => [r.id, r]));
function declarationsOf(stack) {
  return stack.map((layer) => {
    const route = layer.name ? byId.get(layer.name) : void 0;
    assert.ok(route, `a route no declaration names: ${layer.methods.join(",")} ${String(layer.path)}`);
    assert.equal(layer.path, koaPath(route.path), `${route.id}: served on the declared path`);
    assert.ok(layer.methods.includes(route.method.toUpperCase()), `${route.id}: served with the declared method`);
    assert.deepEqual(layer.methods.filter((m) => m !== "HEAD"), [route.method.toUpperCase()], `${route.id}: one method per layer`);
    return route;
  });
}
const sorted = (routes) => routes.map(key).sort();
test("every declaration has a unique id, a unique method and path, and someone who serves it", () => {
  assert.equal(byId.size, ROUTES.length, "ids are unique");
  assert.equal(new Set(ROUTES.map(key)).size, ROUTES.length, "method + path are unique");
  for (const r of ROUTES) assert.ok(r.serve.worker || r.serve.front, `${r.id} is served by someone`);
});
test("the worker's router is the declarations the worker serves in its router, each once", () => {
  const served = declarationsOf(workerRoutes({}, new Journal()).stack);
  assert.deepEqual(sorted(served), sorted(ROUTES.filter((r) => r.serve.worker === "router")));
});
test("the worker's fast lane answers exactly the gateway's declarations, on their methods and paths", () => {
  const gateway = ROUTES.filter((r) => r.path.startsWith(`${GATEWAY_PREFIX}/`));
  assert.ok(gateway.length >= 9);
  assert.deepEqual(GATEWAY_TABLE.map((g) => g.declaration), gateway);
  for (const g of GATEWAY_TABLE) {
    assert.equal(`${GATEWAY_PREFIX}${g.path}`, g.declaration.path);
    assert.equal(g.method, g.declaration.method.toUpperCase());
    assert.equal(g.declaration.serve.worker, "router", `${g.declaration.id}: the Koa router answers it too`);
  }
});
test("the front's router is the declarations the front answers itself; the rest it passes to the MK6 the path names", () => {
  const served = declarationsOf(fleetRoutes({}).stack);
  assert.deepEqual(sorted(served), sorted(ROUTES.filter((r) => r.serve.front === "own")));
  for (const r of ROUTES.filter((d) => d.serve.front === "proxy")) {
    const concrete = r.path.replace(/\{(\w+)\}/g, "X");
    assert.ok(parseMk6Path(concrete), `${key(r)}: the front proxies it, so its path names an MK6`);
    assert.equal(r.serve.worker, "router", `${key(r)}: a worker answers what the front passes through`);
  }
});
test("the routes served by a middleware are declared as such, and the front's observability router is built from them", () => {
  const middleware = ROUTES.filter((r) => r.serve.worker === "middleware" || r.serve.front === "middleware").map((r) => r.id).sort();
  assert.deepEqual(middleware, ["fleetJournalIntake", "getDocs", "getHealth", "getHistoryForPage", "getMetrics", "getNetworkForPage", "getOpenapi", "getStateForPage", "getSupervisionPage"]);
  for (const r of OBSERVABILITY_ROUTES) assert.equal(r.serve.front, "middleware", r.id);
  const router = buildRouter("observability", OBSERVABILITY_ROUTES, Object.fromEntries(OBSERVABILITY_ROUTES.map((r) => [r.id, () => void 0])));
  assert.deepEqual(sorted(declarationsOf(router.stack)), sorted(OBSERVABILITY_ROUTES));
});
test("a declaration without its handler, or a handler without its declaration, stops the build", () => {
  const [first, second] = ROUTES.filter((r) => r.serve.worker === "router");
  assert.throws(() => buildRouter("t", [first, second], { [first.id]: () => void 0 }), new RegExp(`${second.id}\\) has no handler`));
  assert.throws(() => buildRouter("t", [first], { [first.id]: () => void 0, nowhere: () => void 0 }), /handlers no route declares: nowhere/);
});
function documented(doc) {
  const out = [];
  for (const [path, item] of Object.entries(doc.paths)) for (const verb of VERBS) if (item[verb]) out.push(`${verb.toUpperCase()} ${path}`);
  return out.sort();
}
test("the document is the declarations: every public one, in the front's; the ones a worker serves, in a worker's", () => {
  const front = openapiDocument("front");
  assert.deepEqual(documented(front), sorted(ROUTES.filter((r) => !r.internal)));
  assert.deepEqual(documented(openapiDocument("worker")), sorted(ROUTES.filter((r) => !r.internal && r.serve.worker)));
  for (const r of ROUTES.filter((d) => !d.internal)) assert.equal(front.paths[r.path][r.method].operationId, r.id);
  for (const r of ROUTES.filter((d) => d.internal)) assert.ok(r.path.startsWith("/_"), `${r.id}: an internal route lives under /_`);
});
