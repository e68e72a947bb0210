import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import fc from "fast-check";
import { isSafeId } from "../../src/contract/schema/validate.js";
import { startFleet } from "../helpers/fleet-app.js";
import { startWorker } from "../helpers/worker-app.js";
import { replay, TWO_SITES } from "../helpers/fuzz.js";
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const T0 = "2026-03-01T10:00:00Z";
const SITES = TWO_SITES;
function raw(base, method, path, body2, headers2 = {}) {
  const url = new URL(base);
  if (body2 !== void 0) headers2 = { ...headers2, "content-length": String(Buffer.byteLength(body2)) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: headers2, agent: false, timeout: 1e4 }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed = text;
        try {
          parsed = JSON.parse(text);
        } catch {
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, text });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path.slice(0, 100)}: no answer in 10 s`)));
    req.on("error", reject);
    req.end(body2);
  });
}
const encodeAll = (s) => Array.from(Buffer.from(s, "utf8")).map((b) => /[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, "0")}`).join("");
function assertErrorBody(res, what) {
  const b = res.body;
  const ok = b && typeof b === "object" && typeof b.error === "string" && b.code === res.status && typeof b.message === "string" && b.details !== null && typeof b.details === "object" && !Array.isArray(b.details);
  assert.ok(ok, `${what}: not the contract's error body: ${res.status} ${res.text.slice(0, 300)}`);
}
const printable = fc.string({ unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const hostile = fc.oneof(
  fc.constantFrom("../x", "a/b", "..", ".", "", " ", "x".repeat(10 * 1024), "\0", "a\nb", "", "\xE9", "\u540D\u524D", "\u{1F600}", "%", "%zz", "__proto__", "constructor", "REQ-000", "REQ-999999999999999999999"),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 20 })
);
const segment = (valid) => fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...valid).map(encodeURIComponent) },
  { weight: 2, arbitrary: hostile.map(encodeAll) },
  { weight: 1, arbitrary: fc.constantFrom("%", "%zz", "%C0%AF", "%E0%A4%A", "..%2F..%2Fetc", "%00", "%2e%2e") }
);
const time = fc.oneof(
  fc.constantFrom(T0, "2026-03-01T11:00:00Z", "2026-03-01T12:00:00+02:00", "2026-03-01T10:00:00.123", "2026-13-45T99:99:99Z", "now", "", "0000-01-01T00:00:00Z", "275760-09-13T00:00:00Z", "9999-12-31T23:59:59Z"),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer(),
  fc.string({ maxLength: 70 })
);
const number = fc.oneof(fc.integer({ min: -10, max: 12e3 }), fc.double(), fc.constantFrom(0, -0, 1e308, -1e308, 8e3, 1e4, 10001), fc.string({ maxLength: 8 }));
const any = fc.oneof(fc.constant(null), fc.boolean(), fc.string({ maxLength: 20 }), number, fc.array(fc.jsonValue(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }));
const site = () => fc.record({ sycode: fc.oneof(fc.constantFrom("S1", "S2", "S3"), hostile), name: fc.oneof(fc.constantFrom("Site 1", "N"), any), role: fc.oneof(fc.constantFrom("thissite", "nearsite"), any), pmax_kw: number }, { requiredKeys: [] });
const fields = fc.record(
  {
    set: fc.oneof(fc.constantFrom("Psetpoint", "stop", "main_reset", "psetpoint", ""), any),
    site: fc.oneof(fc.constantFrom("S1", "S2", "Site 1", "S0"), hostile, any),
    psetpoint: number,
    start_time: time,
    end_time: time,
    confirm: fc.oneof(fc.boolean(), any),
    reason: any,
    sites: fc.oneof(fc.array(site(), { maxLength: 3 }), any),
    state: fc.oneof(fc.constantFrom(0, 1, 2, 3, -1, "1"), any),
    enabled: fc.oneof(fc.boolean(), any),
    token: fc.oneof(printable, any),
    source: fc.oneof(fc.constantFrom("DEIE", "SCADA", "deie"), any),
    value_kw: number,
    now: time,
    speed: number,
    mode: fc.oneof(fc.constantFrom("production", "mock", "MOCK"), any),
    type: fc.oneof(fc.constantFrom("latency", "timeout", "reset", "error", "slow", "nope"), any),
    __proto__: any
  },
  { requiredKeys: [] }
);
const nearlyValid = fc.tuple(fc.constantFrom("set", "site", "psetpoint", "start_time", "end_time", "confirm", "none"), fields, fc.boolean()).map(([key, f, drop]) => {
  const b = { set: "Psetpoint", site: "S1", psetpoint: 100, start_time: "2026-03-01T11:00:00Z", end_time: "2026-03-01T12:00:00Z" };
  if (drop) delete b[key];
  else if (key in f) b[key] = f[key];
  return JSON.stringify(b);
});
const body = fc.oneof(
  { weight: 3, arbitrary: nearlyValid },
  { weight: 4, arbitrary: fields.map((f) => JSON.stringify(f)) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.constantFrom("{", '{"set":', "null", "[]", '"x"', '{"a":1}{', "\0", '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}') },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constant(void 0) }
);
const query = fc.option(fc.dictionary(fc.constantFrom("since_id", "site", "x", "__proto__", "constructor", "a[b]", "id"), fc.oneof(printable, hostile), { maxKeys: 3 }), { nil: void 0 });
const headers = fc.record(
  {
    "content-type": fc.oneof(fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/*"), printable),
    authorization: fc.oneof(fc.constantFrom("Bearer ", "Bearer x", "Basic Zm9vOmJhcg==", "bearer"), printable),
    "x-mk6-clock-anchor": fc.oneof(fc.stringMatching(/^\d{1,16}$/), printable),
    "x-forwarded-for": fc.oneof(fc.constantFrom("1.2.3.4", "::1", "garbage", "1.2.3.4, 5.6.7.8"), printable),
    "x-mk6-internal": printable,
    accept: printable,
    "accept-encoding": fc.constantFrom("gzip", "br", "identity", "*")
  },
  { requiredKeys: [] }
);
const ROUTES = [
  ["GET", "/api/v1/mk6/{id}/monitoring"],
  ["GET", "/api/v1/mk6/{id}/monitoring/sites"],
  ["GET", "/api/v1/mk6/{id}/monitoring/sites/{sycode}"],
  ["GET", "/api/v1/mk6/{id}/monitoring/planning"],
  ["POST", "/api/v1/mk6/{id}/requests"],
  ["GET", "/api/v1/mk6/{id}/planning"],
  ["GET", "/api/v1/mk6/{id}/planning/{req}"],
  ["PATCH", "/api/v1/mk6/{id}/planning/{req}"],
  ["DELETE", "/api/v1/mk6/{id}/planning/{req}"],
  ["GET", "/mock/mk6"],
  ["GET", "/supervision/api/inventory"],
  ["POST", "/mock/mk6/{id}/provision"],
  ["GET", "/mock/mk6/{id}/state"],
  ["POST", "/mock/mk6/{id}/site-state/{sycode}"],
  ["POST", "/mock/mk6/{id}/fault/{sycode}"],
  ["DELETE", "/mock/mk6/{id}/fault/{sycode}"],
  ["POST", "/mock/mk6/{id}/offline"],
  ["POST", "/mock/mk6/{id}/online"],
  ["POST", "/mock/mk6/{id}/auth"],
  ["POST", "/mock/mk6/{id}/sites/{sycode}/inject_external"],
  ["DELETE", "/mock/mk6/{id}/sites/{sycode}/inject_external"],
  ["GET", "/mock/mk6/{id}/network"],
  ["POST", "/mock/mk6/{id}/network"],
  ["DELETE", "/mock/mk6/{id}/network"],
  ["GET", "/supervision/api/time"],
  ["POST", "/mock/time"],
  ["POST", "/mock/time/release"],
  ["GET", "/supervision/api/mode"],
  ["POST", "/supervision/mode"],
  ["POST", "/mock/reset"],
  ["GET", "/api/v1/debug/requests"],
  ["DELETE", "/api/v1/debug/requests"],
  ["PUT", "/api/v1/mk6/{id}/requests"],
  ["GET", "/nowhere/{id}"]
];
const METHODS = ["GET", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS"];
describe("bad input on a worker (property-based)", () => {
  let worker;
  const get = async (path) => raw(worker.url, "GET", path);
  const restore = async () => {
    await raw(worker.url, "DELETE", "/mock/mk6/FZ/network");
    await raw(worker.url, "POST", "/supervision/mode", '{"mode":"mock"}', { "content-type": "application/json" });
    await raw(worker.url, "POST", "/mock/mk6/FZ/online");
    await raw(worker.url, "POST", "/mock/mk6/FZ/auth", '{"enabled":false}', { "content-type": "application/json" });
    await raw(worker.url, "POST", "/mock/time", JSON.stringify({ now: T0 }), { "content-type": "application/json" });
    const state = (await get("/mock/mk6/FZ/state")).body;
    if (Object.keys(state.sites).length < 2) await raw(worker.url, "POST", "/mock/mk6/FZ/provision", JSON.stringify({ sites: SITES }), { "content-type": "application/json" });
    if (state.planning.length < 2) await seed();
  };
  const seed = async () => {
    for (const b of [
      { set: "Psetpoint", site: "S1", psetpoint: 5e3, start_time: "2026-03-01T09:00:00Z", end_time: "2026-03-01T12:00:00Z" },
      { set: "stop", site: "S2", start_time: "2026-03-01T14:00:00Z" }
    ]) {
      const res = await raw(worker.url, "POST", "/api/v1/mk6/FZ/requests", JSON.stringify(b), { "content-type": "application/json" });
      assert.equal(res.status, 201, res.text);
    }
  };
  before(async () => {
    worker = await startWorker({ id: "FZ", aliases: ["MK6_FZ"], sites: SITES });
    await restore();
  });
  after(() => worker?.stop());
  it(`never a 500, a crash, a state change on refusal, or another error body (${RUNS} random requests)`, { timeout: 6e5 }, async () => {
    const seen = {};
    const request = fc.record({
      route: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ROUTES, ...ROUTES.filter(([m, p]) => m !== "GET" && p.includes("{id}/requests")).flatMap((r) => [r, r, r])) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...METHODS), fc.constantFrom(...ROUTES.map((r) => r[1]))) }),
      id: segment(["FZ", "MK6_FZ"]),
      sycode: segment(["S1", "S2", "Site 1"]),
      req: segment(["REQ-001", "REQ-002", "REQ-003", "REQ-1"]),
      query,
      body,
      headers
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const [method, template] = r.route;
        let path = template.replace("{id}", r.id).replace("{sycode}", r.sycode).replace("{req}", r.req);
        if (r.query) path += "?" + new URLSearchParams(r.query).toString();
        const hdrs = { ...r.headers };
        if (r.body !== void 0 && hdrs["content-type"] === void 0) hdrs["content-type"] = "application/json";
        const what = `${method} ${path.slice(0, 200)} ${JSON.stringify(hdrs).slice(0, 200)} body ${String(r.body).slice(0, 200)}`;
        const write = method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
        const before2 = write ? (await get("/mock/mk6/FZ/state")).text : "";
        const res = await raw(worker.url, method, path, method === "GET" || method === "HEAD" ? void 0 : r.body, hdrs);
        seen[res.status] = (seen[res.status] ?? 0) + 1;
        assert.ok(res.status < 500 || res.status === 503, `${what}: ${res.status} ${res.text.slice(0, 300)}`);
        if (res.status >= 400 && method !== "HEAD") assertErrorBody(res, what);
        assert.equal((await get("/healthz")).status, 200, `${what}: the worker stopped answering`);
        if (write && res.status >= 400) {
          assert.equal((await get("/mock/mk6/FZ/state")).text, before2, `${what}: refused with ${res.status} but the state changed`);
        }
        if (write && res.status < 400) await restore();
      }),
      { numRuns: RUNS, endOnFailure: true, includeErrorInReport: true, ...replay }
    );
    console.log(`bad input on a worker: ${RUNS} random requests, answers by status ${JSON.stringify(seen)}`);
    assert.ok(Object.keys(seen).some((s) => Number(s) >= 400) && Object.keys(seen).some((s) => Number(s) < 300));
  });
  it("refuses a provision whose sycodes could name a path (400, nothing changes)", { timeout: 3e5 }, async () => {
    await fc.assert(
      fc.asyncProperty(hostile.filter((s) => !isSafeId(s)), fc.boolean(), async (bad, inThissite) => {
        const before2 = (await get("/mock/mk6/FZ/state")).text;
        const sites = [
          { sycode: inThissite ? bad : "S1", name: "A", role: "thissite", pmax_kw: 10 },
          { sycode: inThissite ? "S2" : bad, name: "B", role: "nearsite", pmax_kw: 10 }
        ];
        const res = await raw(worker.url, "POST", "/mock/mk6/FZ/provision", JSON.stringify({ sites }), { "content-type": "application/json" });
        assert.equal(res.status, 400, `sycode ${JSON.stringify(bad).slice(0, 80)}: ${res.status} ${res.text.slice(0, 200)}`);
        assertErrorBody(res, "provision");
        assert.equal((await get("/mock/mk6/FZ/state")).text, before2);
        assert.deepEqual(readdirSync(worker.stateDir).sort(), ["mk6-FZ.jsonl", "mk6-FZ.jsonl.lock"]);
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 3)) }
    );
  });
});
describe("bad MK6 ids at the front (property-based)", () => {
  let fleet;
  before(async () => {
    fleet = await startFleet({ mk6: [{ id: "A", sites: [{ sycode: "SA", name: "A", role: "thissite", pmax_kw: 100 }] }] }, { timeoutMs: 12e4 });
  });
  after(() => fleet?.stop());
  it("answers 400 to a provision of a new id that could name a file or a pm2 app, and creates nothing", { timeout: 3e5 }, async () => {
    const base = dirname(fleet.stateDir);
    const listing = () => JSON.stringify([readdirSync(base).sort(), readdirSync(fleet.stateDir).sort()]);
    const initial = listing();
    const sites = [{ sycode: "N1", name: "N", role: "thissite", pmax_kw: 10 }];
    const ids = fc.oneof(fc.constantFrom("../x", "a/b", "..", ".", "x".repeat(10 * 1024), "x".repeat(65), "\0", "a	b", "\x7F", "\xE9", "ROU\u200B", "\u540D\u524D", "a b", "a;b", "$(id)", "`id`", "a\\b"), hostile).filter((s) => !isSafeId(s) && s !== "");
    await fc.assert(
      fc.asyncProperty(ids, async (bad) => {
        const res = await raw(fleet.url, "POST", `/mock/mk6/${encodeAll(bad)}/provision`, JSON.stringify({ sites }), { "content-type": "application/json" });
        assert.equal(res.status, 400, `id ${JSON.stringify(bad).slice(0, 80)}: ${res.status} ${res.text.slice(0, 200)}`);
        assertErrorBody(res, "provision");
        assert.equal(res.body.error, "BAD_REQUEST");
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 3)) }
    );
    assert.equal(listing(), initial, "no file created or removed next to the state dir");
    const inventory = (await raw(fleet.url, "GET", "/mock/mk6")).body;
    assert.deepEqual(inventory.mk6.map((m) => m.mk6_id), ["A"], "no worker spawned");
    const apps = JSON.stringify(inventory.mk6.map((m) => m.process.app));
    assert.equal(apps, JSON.stringify(["mk6-test-A"]));
  });
  it(`never a 500 or another error body on the front's own routes and proxied paths (${Math.max(60, Math.floor(RUNS / 3))} random requests)`, { timeout: 6e5 }, async () => {
    const FRONT = [
      ["GET", "/mock/mk6"],
      ["GET", "/supervision/api/inventory"],
      ["GET", "/supervision/api/time"],
      ["GET", "/supervision/api/mode"],
      ["GET", "/api/v1/debug/requests"],
      ["DELETE", "/api/v1/debug/requests"],
      ["POST", "/mock/time"],
      ["POST", "/mock/time/release"],
      ["POST", "/supervision/mode"],
      ["POST", "/mock/reset"],
      ["POST", "/mock/mk6/{id}/kill"],
      ["POST", "/mock/mk6/{id}/restart"],
      ["POST", "/mock/mk6/{id}/provision"],
      ["GET", "/mock/mk6/{id}/state"],
      ["POST", "/api/v1/mk6/{id}/requests"],
      ["GET", "/api/v1/mk6/{id}/planning/{req}"],
      ["PATCH", "/supervision/mode"]
    ];
    const seen = {};
    const restore = async () => {
      await raw(fleet.url, "POST", "/supervision/mode", '{"mode":"mock"}', { "content-type": "application/json" });
      const inv = (await raw(fleet.url, "GET", "/mock/mk6")).body;
      if (inv.mk6[0].process.status !== "online") await raw(fleet.url, "POST", "/mock/mk6/A/restart");
    };
    await fc.assert(
      fc.asyncProperty(
        fc.record({ route: fc.constantFrom(...FRONT), id: segment(["A", "B"]), req: segment(["REQ-001"]), query, body, headers }),
        async (r) => {
          const [method, template] = r.route;
          let path = template.replace("{id}", r.id).replace("{req}", r.req);
          if (r.query) path += "?" + new URLSearchParams(r.query).toString();
          const hdrs = { ...r.headers };
          if (r.body !== void 0 && hdrs["content-type"] === void 0) hdrs["content-type"] = "application/json";
          const what = `${method} ${path.slice(0, 200)} ${JSON.stringify(hdrs).slice(0, 200)} body ${String(r.body).slice(0, 200)}`;
          const res = await raw(fleet.url, method, path, method === "GET" ? void 0 : r.body, hdrs);
          seen[res.status] = (seen[res.status] ?? 0) + 1;
          assert.ok(res.status < 500 || res.status === 502 || res.status === 503, `${what}: ${res.status} ${res.text.slice(0, 300)}`);
          if (res.status >= 400) assertErrorBody(res, what);
          assert.equal((await raw(fleet.url, "GET", "/supervision/api/time")).status, 200, `${what}: the front stopped answering`);
          if (method !== "GET" && res.status < 400) await restore();
        }
      ),
      { numRuns: Math.max(60, Math.floor(RUNS / 3)), endOnFailure: true, includeErrorInReport: true }
    );
    console.log(`bad input on the front: answers by status ${JSON.stringify(seen)}`);
  });
});
