import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { call, eventually, ROUVAI, startFleet } from "../helpers/fleet.js";
import { checkAgainstContract } from "../helpers/contract.js";
const TOKEN = "tok-SECRET-c0ntract-42";
const T = (hhmm) => `2026-03-01T${hhmm}:00Z`;
let fleet;
before(async () => {
  fleet = await startFleet({ mk6: ROUVAI.filter((m) => m.id === "ROU1.1" || m.id === "ROU2") }, { args: ["--log-level", "debug"] });
});
after(() => fleet?.stop());
async function c(base, method, path, status, body, headers, audience = "front") {
  const res = await call(base, method, path, body, headers);
  assert.equal(res.status, status, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 400)}`);
  checkAgainstContract(method, path, res.status, res.body, audience);
  return res;
}
function workerLogs() {
  const dir = join(fleet.home, "logs");
  if (!existsSync(dir)) return "";
  return readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
}
const jsonLines = (text) => text.split("\n").flatMap((l) => {
  const start = l.indexOf("{");
  if (start < 0) return [];
  try {
    return [JSON.parse(l.slice(start))];
  } catch {
    return [];
  }
});
test("the front serves the whole document, /docs from its own dependencies", async () => {
  const doc = (await c(fleet.url, "GET", "/openapi.json", 200)).body;
  assert.equal(doc.openapi, "3.1.0");
  assert.ok(doc.paths["/metrics"] && doc.paths["/mock/mk6/{mk6_id}/kill"]);
  const page = await call(fleet.url, "GET", "/docs");
  assert.equal(page.status, 200);
  assert.match(page.headers.get("content-type") ?? "", /text\/html/);
  assert.match(page.body, /\/docs\/assets\/swagger-ui-bundle\.js/);
  assert.match(page.body, /url: '\/openapi\.json'/);
  for (const asset of ["swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"]) {
    const res = await fetch(`${fleet.url}/docs/assets/${asset}`);
    assert.equal(res.status, 200, asset);
    assert.ok((await res.arrayBuffer()).byteLength > 1e3, asset);
  }
  const outside = await call(fleet.url, "GET", "/docs/assets/package.json");
  assert.equal(outside.status, 404);
});
test("a worker serves its part of the document on its own port", async () => {
  const doc = (await c(fleet.worker("ROU2"), "GET", "/openapi.json", 200, void 0, void 0, "worker")).body;
  assert.equal(doc.openapi, "3.1.0");
  assert.ok(doc.paths["/api/v1/mk6/{mk6_id}/requests"].post);
  assert.equal(doc.paths["/metrics"], void 0);
  assert.equal(doc.paths["/mock/mk6/{mk6_id}/kill"], void 0);
  assert.match(doc.info.title, /ROU2/);
});
test("the MK6 API through the front matches the document, errors included", async () => {
  const F = fleet.url;
  const A = "/api/v1/mk6/ROU1.1";
  await c(F, "POST", "/mock/reset", 200);
  await c(F, "POST", "/mock/time", 200, { now: T("10:00") });
  await c(F, "GET", "/supervision/api/time", 200);
  await c(F, "GET", `${A}/monitoring`, 200);
  await c(F, "GET", "/api/v1/mk6/MK6_ROU1.1/monitoring", 200);
  await c(F, "GET", `${A}/monitoring/sites`, 200);
  await c(F, "GET", `${A}/monitoring/sites/8FV898VMwWX0`, 200);
  await c(F, "GET", `${A}/monitoring/sites/FAKE`, 404);
  await c(F, "GET", "/api/v1/mk6/NOPE/monitoring", 404);
  const created = await c(F, "POST", `${A}/requests`, 201, { set: "Psetpoint", site: "8FV898VPwW20", psetpoint: 5e3, start_time: T("12:00"), end_time: T("18:00"), preset: "none" });
  assert.equal(created.body.preset, "none");
  await c(F, "POST", `${A}/requests`, 201, { set: "stop", site: "ROU1 PDL1", start_time: T("14:00"), end_time: T("16:00") });
  await c(F, "POST", `${A}/requests`, 201, { set: "Psetpoint", site: "8FV898VMwWX0", psetpoint: 3e3 });
  await c(F, "POST", `${A}/requests`, 400, { set: "invalid" });
  await c(F, "POST", `${A}/requests`, 400, '{"set": ');
  await c(F, "POST", `${A}/requests`, 441, { set: "Psetpoint", site: "8FV898VMwWX0", psetpoint: 99999 });
  await c(F, "POST", `${A}/requests`, 442, { set: "Psetpoint", site: "8FV898VMwWX0" });
  await c(F, "POST", `${A}/requests`, 404, { set: "stop", site: "NONEXISTENT" });
  await c(F, "POST", `${A}/requests`, 422, { set: "Psetpoint", site: "8FV898VMwWX0", psetpoint: 5e3, start_time: T("18:00"), end_time: T("14:00") });
  await c(F, "POST", `${A}/requests`, 443, { set: "main_reset" });
  await c(F, "POST", "/mock/mk6/ROU1.1/site-state/8FV898VPwW20", 200, { state: 0 });
  await c(F, "POST", `${A}/requests`, 503, { set: "stop", site: "8FV898VPwW20" });
  await c(F, "POST", "/mock/mk6/ROU1.1/site-state/8FV898VPwW20", 200, { state: 2 });
  await c(F, "GET", `${A}/monitoring/planning`, 200);
  await c(F, "GET", `${A}/planning`, 200);
  await c(F, "GET", `${A}/planning/REQ-001`, 200);
  await c(F, "GET", `${A}/planning/REQ-999`, 405);
  await c(F, "PATCH", `${A}/planning/REQ-001`, 200, { psetpoint: 6e3 });
  await c(F, "PATCH", `${A}/planning/REQ-003`, 409, { psetpoint: 6e3 });
  await c(F, "DELETE", `${A}/planning/REQ-003`, 200);
  await c(F, "POST", `${A}/requests`, 200, { set: "main_reset", confirm: true, reason: "nettoyage test" });
  await c(F, "GET", `${A}/monitoring/sites/8FV898VMwWX0`, 200);
});
test("the mock control, clock, mode, fleet and journal routes match the document", async () => {
  const F = fleet.url;
  const M = "/mock/mk6/ROU2";
  await c(F, "GET", "/mock/mk6", 200);
  await c(F, "GET", "/supervision/api/inventory", 200);
  await c(F, "GET", `${M}/state`, 200);
  await c(F, "POST", `${M}/fault/8FV8C9MWwHJ0`, 200);
  await c(F, "DELETE", `${M}/fault/8FV8C9MWwHJ0`, 200);
  await c(F, "POST", `${M}/sites/8FV8CCX2w7X0/inject_external`, 200, { source: "DEIE", value_kw: 3e3 });
  await c(F, "POST", `${M}/sites/8FV8CCX2w7X0/inject_external`, 200, { source: "SCADA", value_kw: 2e3, start_time: T("10:00"), end_time: T("14:00") });
  await c(F, "GET", "/api/v1/mk6/ROU2/monitoring/sites/8FV8CCX2w7X0", 200);
  await c(F, "GET", `${M}/state`, 200);
  await c(F, "DELETE", `${M}/sites/8FV8CCX2w7X0/inject_external`, 200);
  await c(F, "POST", `${M}/offline`, 200);
  await c(F, "GET", "/api/v1/mk6/ROU2/monitoring", 503);
  await c(F, "POST", `${M}/online`, 200);
  await c(F, "POST", `${M}/auth`, 200, { enabled: true, token: TOKEN });
  await c(F, "GET", "/api/v1/mk6/ROU2/monitoring", 401);
  await c(F, "GET", "/api/v1/mk6/ROU2/monitoring", 401, void 0, { authorization: "Bearer wrong" });
  await c(F, "GET", "/api/v1/mk6/ROU2/monitoring", 200, void 0, { authorization: `Bearer ${TOKEN}` });
  await c(F, "POST", `${M}/auth`, 200, { enabled: false });
  await c(F, "POST", "/mock/mk6/mk6-A/provision", 200, { sites: [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 8340 }] });
  await c(F, "POST", "/mock/mk6/mk6-A/provision", 442, {});
  await c(F, "POST", "/mock/mk6/ROU1.1/kill", 200);
  await c(F, "GET", "/api/v1/mk6/ROU1.1/monitoring", 502);
  await c(F, "POST", "/mock/mk6/ROU1.1/restart", 200);
  await c(F, "POST", "/mock/mk6/NOPE/kill", 404);
  await c(F, "POST", "/mock/mk6/ROU1.1/restart", 200, { kind: "cold" });
  await c(F, "POST", `${M}/network`, 201, { name: "slow-gw", type: "latency", latency_ms: 5, methods: ["GET"] });
  await c(F, "POST", `${M}/network`, 441, { name: "bad", type: "teleport" });
  await c(F, "GET", `${M}/network`, 200);
  await c(F, "DELETE", `${M}/network/slow-gw`, 200);
  await c(F, "DELETE", `${M}/network/nope`, 404);
  await c(F, "DELETE", `${M}/network`, 200);
  await c(F, "GET", "/mock/timeline", 200);
  await c(F, "POST", "/mock/timeline", 200, { timeline: [{ at: "2030-01-01T00:00:00Z", action: "fault_on", mk6: "ROU2", sycode: "8FV8C9MWwHJ0" }] });
  await c(F, "DELETE", "/mock/timeline", 200);
  await c(F, "POST", "/mock/time", 200, { now: T("10:00"), speed: 60 });
  await c(F, "POST", "/mock/time", 400, { now: "hier" });
  await c(F, "POST", "/mock/time/release", 200);
  await c(F, "GET", "/supervision/api/mode", 200);
  await c(F, "POST", "/supervision/mode", 200, { mode: "production" });
  await c(F, "POST", "/api/v1/mk6/ROU2/requests", 403, { set: "stop", site: "8FV8CCX2w7X0" });
  await c(F, "POST", "/mock/reset", 403);
  await c(F, "POST", "/supervision/mode", 400, { mode: "demo" });
  await c(F, "POST", "/supervision/mode", 200, { mode: "mock" });
  await c(F, "GET", "/api/v1/debug/requests", 200);
  await c(F, "GET", "/api/v1/debug/requests?since_id=3", 200);
  await c(F, "GET", "/api/v1/debug/requests?since_id=x", 400);
});
test("straight to a worker's port, answers match the worker's document", async () => {
  const W = fleet.worker("ROU2");
  const A = "/api/v1/mk6/ROU2";
  const w = (method, path, status, body) => c(W, method, path, status, body, void 0, "worker");
  await w("GET", `${A}/monitoring`, 200);
  await w("GET", `${A}/monitoring/sites`, 200);
  await w("GET", "/api/v1/mk6/ROU1.1/monitoring", 404);
  await w("POST", `${A}/requests`, 201, { set: "Psetpoint", site: "8FV8CCX2w7X0", psetpoint: 5e3, start_time: T("12:00"), end_time: T("14:00") });
  await w("POST", `${A}/requests`, 441, { set: "Psetpoint", site: "8FV8CCX2w7X0", psetpoint: 99999 });
  await w("GET", `${A}/planning`, 200);
  await w("GET", "/mock/mk6", 200);
  await w("GET", "/mock/mk6/ROU2/state", 200);
  await w("GET", "/supervision/api/time", 200);
  await w("POST", "/mock/time", 200, { now: T("10:00") });
  await w("GET", "/api/v1/debug/requests", 200);
});
test("every answer the fleet journaled (front and worker ports) matches the document", async () => {
  const entries = (await c(fleet.url, "GET", "/api/v1/debug/requests", 200)).body;
  assert.ok(entries.length >= 60, `only ${entries.length} entries`);
  let checked = 0;
  for (const e of entries) {
    if (typeof e.resp_body === "string") continue;
    checkAgainstContract(e.method, e.path, e.status, e.resp_body);
    checked++;
  }
  assert.ok(checked >= 60, `only ${checked} checked`);
});
test("the request id goes from the front to the worker and back; both log the request, never a token", async () => {
  const reqId = "contract-req-42";
  const res = await call(fleet.url, "GET", "/api/v1/mk6/ROU2/monitoring", void 0, { "x-request-id": reqId });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("x-request-id"), reqId);
  const fresh = await call(fleet.url, "GET", "/api/v1/mk6/ROU2/planning");
  assert.match(fresh.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/, "the front makes one when absent");
  const direct = await call(fleet.worker("ROU2"), "GET", "/api/v1/mk6/ROU2/planning", void 0, { "x-request-id": "direct-1" });
  assert.equal(direct.headers.get("x-request-id"), "direct-1");
  const front = await eventually(async () => jsonLines(fleet.output()).find((l) => l.req_id === reqId), 5e3, "the front log line");
  assert.deepEqual({ method: front.method, path: front.path, status: front.status, mk6_id: front.mk6_id, route: front.route }, { method: "GET", path: "/api/v1/mk6/ROU2/monitoring", status: 200, mk6_id: "ROU2", route: "proxy" });
  assert.equal(typeof front.duration_ms, "number");
  const worker = await eventually(async () => jsonLines(workerLogs()).find((l) => l.req_id === reqId), 1e4, "the worker log line in pm2 logs");
  assert.deepEqual({ mk6_id: worker.mk6_id, method: worker.method, path: worker.path, status: worker.status }, { mk6_id: "ROU2", method: "GET", path: "/api/v1/mk6/ROU2/monitoring", status: 200 });
  assert.equal(typeof worker.duration_ms, "number");
  assert.ok(jsonLines(workerLogs()).some((l) => l.level === 20), "--log-level debug reached the workers");
  await eventually(async () => workerLogs().includes("/mock/mk6/ROU2/auth") ? true : void 0, 1e4, "the auth calls in the worker log");
  assert.ok(!fleet.output().includes(TOKEN), "no token in the supervisor log");
  assert.ok(!workerLogs().includes(TOKEN), "no token in the worker logs");
});
function samples(text) {
  return text.split("\n").flatMap((line) => {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) return [];
    const labels = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    return [{ name: m[1], labels, value: Number(m[3]) }];
  });
}
const sum = (list, name, where) => list.filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v)).reduce((a, s) => a + s.value, 0);
test("/metrics counts the traffic by MK6, endpoint and status, through the front and straight to a port", async () => {
  const W = fleet.worker("ROU2");
  for (let i = 0; i < 5; i++) assert.equal((await call(W, "GET", "/api/v1/mk6/ROU2/monitoring/planning")).status, 200);
  await call(fleet.url, "GET", "/api/v1/debug/requests");
  const list = await eventually(async () => {
    const res = await fetch(`${fleet.url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /text\/plain/);
    const parsed = samples(await res.text());
    return sum(parsed, "mk6_requests_total", { mk6_id: "ROU2", endpoint: "monitoring/planning", status: "200" }) >= 5 ? parsed : void 0;
  }, 1e4, "direct traffic in /metrics");
  assert.ok(sum(list, "mk6_requests_total", { mk6_id: "ROU1.1", endpoint: "monitoring", source: "GW", status: "200" }) >= 2);
  assert.ok(sum(list, "mk6_requests_total", { mk6_id: "ROU2", endpoint: "monitoring", status: "401" }) >= 2);
  assert.ok(sum(list, "mk6_setpoints_accepted_total", { mk6_id: "ROU1.1", set: "Psetpoint" }) >= 2);
  assert.ok(sum(list, "mk6_setpoints_accepted_total", { mk6_id: "ROU1.1", set: "main_reset" }) >= 1);
  for (const code of ["INVALID_VALUE", "MISSING_FIELD", "SITE_NOT_FOUND", "INVALID_TIME_RANGE", "CONFIRMATION_REQUIRED", "SITE_NOT_ACCESSIBLE"]) {
    assert.ok(sum(list, "mk6_setpoints_refused_total", { mk6_id: "ROU1.1", code }) >= 1, code);
  }
  assert.ok(sum(list, "mk6_setpoints_refused_total", { mk6_id: "ROU2", code: "INVALID_VALUE" }) >= 1, "a refusal sent straight to the port");
  assert.ok(sum(list, "mk6_request_duration_seconds_count", { mk6_id: "ROU2" }) >= 5);
  assert.ok(list.some((s) => s.name === "mk6_request_duration_seconds_bucket" && s.labels.le === "0.005"));
  assert.ok(sum(list, "mk6_front_requests_total", { route: "proxy", mk6_id: "ROU1.1", status: "502" }) >= 1);
  assert.equal(sum(list, "mk6_up", { mk6_id: "ROU2" }), 1);
  assert.equal(sum(list, "mk6_up", { mk6_id: "ROU1.1" }), 1);
  assert.ok(list.some((s) => s.name === "mk6_worker_restarts" && s.labels.mk6_id === "ROU2"));
  assert.ok(sum(list, "mk6_journal_entries", {}) > 0);
  assert.ok(list.some((s) => s.name === "mk6_supervisor_process_resident_memory_bytes"));
  await call(fleet.url, "POST", "/mock/mk6/ROU2/kill");
  const down = samples(await (await fetch(`${fleet.url}/metrics`)).text());
  assert.equal(sum(down, "mk6_up", { mk6_id: "ROU2" }), 0);
  await call(fleet.url, "POST", "/mock/mk6/ROU2/restart");
});
