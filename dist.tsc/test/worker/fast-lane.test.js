import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import net from "node:net";
import fc from "fast-check";
import { startWorker } from "../helpers/worker-app.js";
import { replay, TWO_SITES } from "../helpers/fuzz.js";
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const ID = "mk6-D";
const SITES = TWO_SITES;
const COMPARED_HEADERS = ["content-type", "content-length", "www-authenticate", "allow", "retry-after", "x-mk6-network", "connection"];
function send(base, method, path, body, headers) {
  const url = new URL(base);
  const all = body === void 0 ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: all, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => text += c);
      res.on("end", () => {
        const picked = {};
        for (const h of COMPARED_HEADERS) picked[h] = res.headers[h];
        resolve({ status: res.statusCode ?? 0, reason: res.statusMessage ?? "", headers: picked, text });
      });
    });
    req.setTimeout(5e3, () => req.destroy(new Error(`${method} ${path}: no answer in 5 s`)));
    req.on("error", reject);
    req.end(body);
  });
}
const idInPath = fc.constantFrom(ID, ID, ID, ID, ID, "ALIAS-D", "mk6%2DD", "MK6-D", "other", "%E0%A4%A");
const rest = fc.constantFrom(
  "monitoring",
  "monitoring",
  "monitoring/sites/S1",
  "monitoring/sites/S1",
  "requests",
  "requests",
  "requests",
  "planning",
  "planning/REQ-001",
  "monitoring",
  "monitoring/",
  "Monitoring",
  "monitoring/sites",
  "monitoring/sites/S1",
  "monitoring/sites/S2",
  "monitoring/sites/S9",
  "monitoring/sites/S%31",
  "monitoring/sites/",
  "monitoring/planning",
  "requests",
  "planning",
  "planning/REQ-001",
  "planning/REQ-002",
  "planning/REQ-999",
  "planning/REQ%2D001",
  "nothing"
);
const query = fc.constantFrom("", "", "", "", "", "", "", "", "?x=1", "?token=abc");
const bodies = fc.constantFrom(
  void 0,
  "",
  '{"set":"Psetpoint","site":"S1","psetpoint":5000,"start_time":"2026-03-01T12:00:00Z","end_time":"2026-03-01T18:00:00Z"}',
  '{"set":"Psetpoint","site":"S2","psetpoint":2000}',
  '{"set":"stop","site":"S1"}',
  '{"set":"main_reset","site":"S1"}',
  '{"set":"Psetpoint","site":"S1","psetpoint":"a lot"}',
  '{"set":"Psetpoint","site":"S1","psetpoint":99999999}',
  '{"psetpoint":3000}',
  '{"end_time":"2026-03-01T20:00:00Z"}',
  '{"set":"Psetpoint","site":"S1","psetpoint":1,"token":"secret","__proto__":{"x":1}}',
  "[1,2]",
  '"a string"',
  '{"set":',
  '  {"set":"stop","site":"S1"}  ',
  '{"set":"stop","site":"S1","note":"' + "x".repeat(5e3) + '"}'
);
const contentType = fc.constantFrom(void 0, "application/json", "application/json", "application/json", "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "text/plain", "application/vnd.api+json", "application/x-www-form-urlencoded");
const authorization = fc.constantFrom(void 0, void 0, void 0, void 0, "Bearer tok", "Bearer tok", "Bearer nope", "Basic dG9rOg==", "Bearer");
const requestId = fc.constantFrom(void 0, "gw-1", "bad id");
const forwardedFor = fc.constantFrom(void 0, void 0, void 0, "10.0.0.7", " 10.0.0.8 , 10.0.0.9");
const routed = fc.constantFrom(
  ["GET", "monitoring"],
  ["GET", "monitoring/sites"],
  ["GET", "monitoring/sites/S1"],
  ["GET", "monitoring/planning"],
  ["POST", "requests"],
  ["GET", "planning"],
  ["GET", "planning/REQ-001"],
  ["PATCH", "planning/REQ-001"],
  ["DELETE", "planning/REQ-002"]
);
const anyway = fc.tuple(fc.constantFrom("GET", "POST", "PATCH", "DELETE", "HEAD", "PUT"), rest);
const call = fc.record({ route: fc.oneof({ weight: 3, arbitrary: routed }, { weight: 1, arbitrary: anyway }), id: idInPath, query, body: bodies, type: contentType, auth: authorization, reqId: requestId, xff: forwardedFor }).map(({ route: [method, rest2], id, query: query2, body, type, auth, reqId, xff }) => {
  const headers = {};
  if (type !== void 0) headers["content-type"] = type;
  if (auth !== void 0) headers.authorization = auth;
  if (reqId !== void 0) headers["x-request-id"] = reqId;
  if (xff !== void 0) headers["x-forwarded-for"] = xff;
  const carries = method !== "GET" && method !== "HEAD" ? body : void 0;
  return { kind: "call", method, path: `/api/v1/mk6/${id}/${rest2}${query2}`, body: carries, headers };
});
const state = fc.constantFrom(
  { kind: "state", method: "POST", path: `/mock/mk6/${ID}/offline` },
  { kind: "state", method: "POST", path: `/mock/mk6/${ID}/online` },
  { kind: "state", method: "POST", path: `/mock/mk6/${ID}/auth`, body: { enabled: true, token: "tok" } },
  { kind: "state", method: "POST", path: `/mock/mk6/${ID}/auth`, body: { enabled: false } },
  { kind: "state", method: "POST", path: `/mock/mk6/${ID}/fault/S1` },
  { kind: "state", method: "DELETE", path: `/mock/mk6/${ID}/fault/S1` },
  { kind: "state", method: "POST", path: `/mock/mk6/${ID}/network`, body: { name: "flaky", type: "error", status: 503, methods: ["POST"] } },
  { kind: "state", method: "DELETE", path: `/mock/mk6/${ID}/network` }
);
function comparable(entries) {
  return entries.map(({ id: _id, ts: _ts, duration_ms: _d, req_headers, ...rest2 }) => {
    const headers = { ...req_headers };
    if (headers["x-request-id"] !== void 0 && headers["x-request-id"] !== "gw-1") delete headers["x-request-id"];
    return { ...rest2, remote: rest2.remote === "127.0.0.1" || rest2.remote === "::ffff:127.0.0.1" ? "loopback" : rest2.remote, req_headers: headers };
  });
}
describe("the fast lane answers as the Koa app does", () => {
  let lane;
  let koa;
  const SECRET = "fast-lane-test-secret";
  const laneCalls = async (w) => (await w.http("GET", "/_worker/health", void 0, { "x-mk6-secret": SECRET })).body.fast_lane_calls;
  before(async () => {
    [lane, koa] = await Promise.all([
      startWorker({ id: ID, sites: SITES, aliases: ["ALIAS-D"], env: { MK6_INTERNAL_SECRET: SECRET } }),
      startWorker({ id: ID, sites: SITES, aliases: ["ALIAS-D"], env: { MK6_INTERNAL_SECRET: SECRET, MK6_FAST_LANE: "off" } })
    ]);
  });
  after(async () => {
    await Promise.all([lane?.stop(), koa?.stop()]);
  });
  async function fresh(w) {
    assert.equal((await w.http("POST", "/supervision/mode", { mode: "mock" })).status, 200);
    assert.equal((await w.http("POST", "/mock/reset")).status, 200);
    assert.equal((await w.http("DELETE", `/mock/mk6/${ID}/network`)).status, 200);
    assert.equal((await w.http("POST", "/mock/time", { now: "2026-03-01T10:00:00Z" })).status, 200);
    assert.equal((await w.http("DELETE", "/api/v1/debug/requests")).status, 200);
  }
  async function both(method, path, body) {
    const [a, b] = await Promise.all([lane.http(method, path, body), koa.http(method, path, body)]);
    assert.equal(a.status, b.status, `${method} ${path}`);
  }
  it("gives the same answers and the same journal for any sequence of calls and changes of state", async () => {
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 4, arbitrary: call }, { weight: 1, arbitrary: state }), { minLength: 5, maxLength: 25 }), async (steps) => {
        await Promise.all([fresh(lane), fresh(koa)]);
        for (const step of steps) {
          if (step.kind === "state") {
            await both(step.method, step.path, step.body);
            continue;
          }
          calls++;
          const [a, b] = await Promise.all([send(lane.url, step.method, step.path, step.body, step.headers), send(koa.url, step.method, step.path, step.body, step.headers)]);
          assert.deepEqual(a, b, `${step.method} ${step.path} ${JSON.stringify(step.headers)} ${step.body?.slice(0, 80)}`);
        }
        const [ja, jb] = await Promise.all([lane.http("GET", "/api/v1/debug/requests"), koa.http("GET", "/api/v1/debug/requests")]);
        assert.deepEqual(comparable(ja.body), comparable(jb.body));
      }),
      { numRuns: RUNS, ...replay }
    );
    const taken = await laneCalls(lane);
    assert.ok(taken >= calls / 4, `the lane answered ${taken} of ${calls} calls`);
    assert.equal(await laneCalls(koa), 0);
  });
  it("takes the plain calls, and makes request ids in the shape of a UUID", async () => {
    await fresh(lane);
    const before2 = await laneCalls(lane);
    const direct = await new Promise(
      (resolve, reject) => http.get(`${lane.url}/api/v1/mk6/${ID}/monitoring`, (r) => {
        r.resume();
        resolve(r.headers["x-request-id"]);
      }).on("error", reject)
    );
    assert.match(direct ?? "", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(await laneCalls(lane), before2 + 1);
    assert.equal((await lane.http("POST", `/mock/mk6/${ID}/network`, { name: "slow", type: "latency", latency_ms: 1 })).status, 201);
    assert.equal((await send(lane.url, "GET", `/api/v1/mk6/${ID}/monitoring`, void 0, {})).status, 200);
    assert.equal(await laneCalls(lane), before2 + 1);
    assert.equal((await lane.http("DELETE", `/mock/mk6/${ID}/network`)).status, 200);
  });
  it("survives a gateway that goes away in the middle of its body, and journals the call as the Koa app does", async () => {
    await Promise.all([fresh(lane), fresh(koa)]);
    const before2 = await laneCalls(lane);
    for (const w of [lane, koa]) {
      const socket = net.connect(Number(new URL(w.url).port), "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      socket.write(`POST /api/v1/mk6/${ID}/requests HTTP/1.1\r
host: x\r
content-type: application/json\r
content-length: 100\r
\r
{"set":"st`);
      await new Promise((r) => setTimeout(r, 50));
      socket.destroy();
    }
    assert.equal(await laneCalls(lane), before2 + 1, "the lane took it");
    const torn = async (w) => {
      for (const until = Date.now() + 5e3; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
        const entries = (await w.http("GET", "/api/v1/debug/requests")).body;
        if (entries.some((e) => e.endpoint === "requests")) return entries;
      }
      assert.fail(`${w.url}: the torn call is not in the journal`);
    };
    const [ja, jb] = await Promise.all([torn(lane), torn(koa)]);
    assert.deepEqual(comparable(ja), comparable(jb));
    assert.equal(ja.find((e) => e.endpoint === "requests").status, 400);
    assert.equal((await send(lane.url, "GET", `/api/v1/mk6/${ID}/monitoring`, void 0, {})).status, 200);
  });
  it("refuses a write in production mode as the Koa app does, and journals it the same", async () => {
    await Promise.all([fresh(lane), fresh(koa)]);
    for (const w of [lane, koa]) assert.equal((await w.http("POST", "/supervision/mode", { mode: "production" })).status, 200);
    const before2 = await laneCalls(lane);
    const body = '{"set":"stop","site":"S1"}';
    const headers = { "content-type": "application/json", "x-request-id": "gw-1" };
    const [a, b] = await Promise.all([send(lane.url, "POST", `/api/v1/mk6/${ID}/requests`, body, headers), send(koa.url, "POST", `/api/v1/mk6/${ID}/requests`, body, headers)]);
    assert.equal(a.status, 403);
    assert.deepEqual(a, b);
    assert.equal(await laneCalls(lane), before2 + 1);
    const strip = (entries) => comparable(entries).map((e) => ({ ...e, sim_time: void 0 }));
    const [ja, jb] = await Promise.all([lane.http("GET", "/api/v1/debug/requests"), koa.http("GET", "/api/v1/debug/requests")]);
    assert.deepEqual(strip(ja.body), strip(jb.body));
    for (const w of [lane, koa]) assert.equal((await w.http("POST", "/supervision/mode", { mode: "mock" })).status, 200);
  });
});
