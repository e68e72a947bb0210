import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import net from "node:net";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { call, eventually, startFleet } from "../../helpers/fleet.js";
const TOKEN = "Sx9-fleetTOKEN-7qLm2Zp4";
const TOKEN2 = "kW3-setByTester-Jd8RtY0";
const SITE = (sycode) => [{ sycode, name: `Site ${sycode}`, role: "thissite", pmax_kw: 5e3 }];
let fleet;
before(async () => {
  fleet = await startFleet(
    { mk6: [{ id: "SA", auth: { token_env: "MK6_SEC_TOKEN" }, sites: SITE("SYA") }, { id: "SB", aliases: ["MK6_SB"], sites: SITE("SYB") }] },
    { env: { MK6_SEC_TOKEN: TOKEN }, timeoutMs: 12e4 }
  );
  const set = await call(fleet.url, "POST", "/mock/mk6/SB/auth", { enabled: true, token: TOKEN2 });
  assert.equal(set.status, 200, JSON.stringify(set.body));
});
after(() => fleet?.stop());
function rawHttp(base, head, body = "") {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let data = Buffer.alloc(0);
    socket.on("data", (c) => data = Buffer.concat([data, c]));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = data.toString("utf8");
      const [top, ...rest] = text.split("\r\n\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(top)?.[1] ?? 0);
      const headers = {};
      for (const line of top.split("\r\n").slice(1)) {
        const i = line.indexOf(":");
        headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      const payload = rest.join("\r\n\r\n");
      let parsed = payload;
      try {
        parsed = JSON.parse(payload);
      } catch {
      }
      resolve({ status, headers, body: parsed, text });
    });
    socket.setTimeout(1e4, () => socket.destroy(new Error("no answer in 10 s")));
    socket.write(`${head}\r
Host: ${url.host}\r
Connection: close\r
Content-Length: ${Buffer.byteLength(body)}\r
\r
${body}`);
  });
}
function assertUnauthorized(res, what) {
  assert.equal(res.status, 401, `${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  assert.equal(res.body.error, "UNAUTHORIZED", what);
  assert.equal(res.body.code, 401);
  assert.equal(typeof res.body.message, "string");
  assert.equal(typeof res.body.details, "object");
  const www = typeof res.headers.get === "function" ? res.headers.get("www-authenticate") : res.headers["www-authenticate"];
  assert.match(String(www), /^Bearer/, `${what}: WWW-Authenticate`);
}
const flip = (s) => [...s].map((c) => c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()).join("");
describe("bearer auth cannot be walked around", () => {
  for (const [id, token] of [["SA", TOKEN], ["SB", TOKEN2]]) {
    it(`${id}: every wrong way is 401 on the proxy and on its port; the right token passes`, async () => {
      const attempts = [
        ["no header", {}],
        ["Basic scheme", { authorization: `Basic ${Buffer.from(`u:${token}`).toString("base64")}` }],
        ["Basic scheme with the token", { authorization: `Basic ${token}` }],
        ["Token scheme", { authorization: `Token ${token}` }],
        ["no scheme", { authorization: token }],
        ["empty token", { authorization: "Bearer " }],
        ["Bearer alone", { authorization: "Bearer" }],
        ["token in the query", {}, `?access_token=${token}`],
        ["token in the query (token=)", {}, `?token=${token}`],
        ["upper case token", { authorization: `Bearer ${token.toUpperCase()}` }],
        ["lower case token", { authorization: `Bearer ${token.toLowerCase()}` }],
        ["case-flipped token", { authorization: `Bearer ${flip(token)}` }],
        ["a prefix of the token", { authorization: `Bearer ${token.slice(0, -1)}` }],
        ["a short prefix", { authorization: `Bearer ${token.slice(0, 4)}` }],
        ["the token plus a suffix", { authorization: `Bearer ${token}x` }],
        ["the token plus a second word", { authorization: `Bearer ${token} x` }],
        ["the token twice in one header", { authorization: `Bearer ${token}, Bearer ${token}` }],
        ["the token in another header", { "x-authorization": `Bearer ${token}`, "proxy-authorization": `Bearer ${token}`, cookie: `token=${token}` }]
      ];
      const sycode = id === "SA" ? "SYA" : "SYB";
      for (const base of [fleet.url, fleet.worker(id)]) {
        const where = base === fleet.url ? "proxy" : "port";
        const before2 = (await call(base, "GET", `/mock/mk6/${id}/state`)).body;
        for (const [name, headers, query = ""] of attempts) {
          assertUnauthorized(await call(base, "GET", `/api/v1/mk6/${id}/monitoring${query}`, void 0, headers), `${where} ${name} (GET)`);
          const write = await call(base, "POST", `/api/v1/mk6/${id}/requests${query}`, { set: "stop", site: sycode, token, access_token: token }, headers);
          assertUnauthorized(write, `${where} ${name} (POST)`);
        }
        for (const pair of [[`Bearer wrong`, `Bearer ${token}`], [`Bearer ${token}`, `Bearer wrong`]]) {
          const res = await rawHttp(base, `GET /api/v1/mk6/${id}/monitoring HTTP/1.1\r
Authorization: ${pair[0]}\r
Authorization: ${pair[1]}`);
          const order = pair[0] === "Bearer wrong" ? "wrong first" : "right first";
          assert.equal(res.status, 400, `${where} two Authorization headers (${order}): ${res.status}`);
          assert.equal(res.body.error, "BAD_REQUEST", `${where} two Authorization headers (${order})`);
        }
        assert.deepEqual((await call(base, "GET", `/mock/mk6/${id}/state`)).body.planning, before2.planning, `${where}: a refused write changed the planning`);
        for (const scheme of ["Bearer", "bearer", "BEARER"]) {
          const res = await call(base, "GET", `/api/v1/mk6/${id}/monitoring`, void 0, { authorization: `${scheme} ${token}` });
          assert.equal(res.status, 200, `${where} ${scheme} + the right token`);
        }
      }
    });
  }
});
describe("production mode", () => {
  it("refuses every write route of the contract on the proxy and on each worker port, and changes nothing", async () => {
    const routes = (id, sycode) => [
      ["POST", `/api/v1/mk6/${id}/requests`, { set: "stop", site: sycode }],
      ["POST", `/api/v1/mk6/${id}/requests`, { set: "main_reset", confirm: true }],
      ["PATCH", `/api/v1/mk6/${id}/planning/REQ-001`, { psetpoint: 1 }],
      ["DELETE", `/api/v1/mk6/${id}/planning/REQ-001`],
      ["PUT", `/api/v1/mk6/${id}/planning/REQ-001`, {}],
      ["POST", `/mock/mk6/${id}/provision`, { sites: SITE(sycode) }],
      ["POST", `/mock/mk6/${id}/site-state/${sycode}`, { state: 0 }],
      ["POST", `/mock/mk6/${id}/fault/${sycode}`],
      ["DELETE", `/mock/mk6/${id}/fault/${sycode}`],
      ["POST", `/mock/mk6/${id}/offline`],
      ["POST", `/mock/mk6/${id}/online`],
      ["POST", `/mock/mk6/${id}/auth`, { enabled: false }],
      ["POST", `/mock/mk6/${id}/sites/${sycode}/inject_external`, { source: "DEIE", value_kw: 1 }],
      ["DELETE", `/mock/mk6/${id}/sites/${sycode}/inject_external`],
      ["POST", `/mock/mk6/${id}/network`, { type: "latency", ms: 10 }],
      ["DELETE", `/mock/mk6/${id}/network`],
      ["POST", `/mock/mk6/${id}/kill`],
      ["POST", `/mock/mk6/${id}/restart`],
      ["POST", "/mock/time", { now: "2026-03-01T10:00:00Z" }],
      ["POST", "/mock/time/release"],
      ["POST", "/mock/reset"],
      ["DELETE", "/api/v1/debug/requests"]
    ];
    const ids = [["SA", "SYA", TOKEN], ["SB", "SYB", TOKEN2]];
    for (const [id, sycode, token] of ids) {
      const res = await call(fleet.url, "POST", `/api/v1/mk6/${id}/requests`, { set: "stop", site: sycode, start_time: "2030-01-01T00:00:00Z" }, { authorization: `Bearer ${token}` });
      assert.equal(res.status, 201);
    }
    assert.equal((await call(fleet.url, "POST", "/supervision/mode", { mode: "production" })).status, 200);
    try {
      const states = async () => Promise.all(
        ids.map(async ([id]) => {
          const s = (await call(fleet.worker(id), "GET", `/mock/mk6/${id}/state`)).body;
          const sites = Object.values(s.sites).map((x) => [x.sycode, x.base_state, x.fault, x.configured_constraint, x.pmax_wf]);
          return { sites, planning: s.planning.map((r) => [r.id, r.seq, r.psetpoint, r.start_time, r.end_time, r.deleted_at]), counter: s.request_counter, offline: s.offline, auth: s.auth, mode: s.mode, network: s.network };
        })
      );
      const before2 = await states();
      for (const [id, sycode, token] of ids) {
        for (const base of [fleet.url, fleet.worker(id)]) {
          for (const [method, path, body] of routes(id, sycode)) {
            if (base !== fleet.url && (path.endsWith("/kill") || path.endsWith("/restart"))) continue;
            const res = await call(base, method, path, body, { authorization: `Bearer ${token}` });
            assert.equal(res.status, 403, `${base === fleet.url ? "proxy" : `${id} port`}: ${method} ${path} \u2192 ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
            assert.equal(res.body.error, "FORBIDDEN");
            assert.equal(res.body.code, 403);
          }
        }
      }
      assert.deepEqual(await states(), before2, "a refused write changed a worker");
      const inv = (await call(fleet.url, "GET", "/mock/mk6")).body;
      assert.ok(inv.mk6.every((m) => m.process.status === "online"), "kill refused: every MK6 still online");
    } finally {
      assert.equal((await call(fleet.url, "POST", "/supervision/mode", { mode: "mock" })).status, 200);
    }
  });
});
describe("tokens never leak", () => {
  it("neither token is in the journal, the inventory, /state, the supervisor output or the pm2 logs", async () => {
    for (const [id, token] of [["SA", TOKEN], ["SB", TOKEN2]]) {
      await call(fleet.url, "GET", `/api/v1/mk6/${id}/monitoring`, void 0, { authorization: `Bearer ${token}` });
      await call(fleet.worker(id), "GET", `/api/v1/mk6/${id}/monitoring?access_token=${token}`);
      await call(fleet.worker(id), "POST", `/mock/mk6/${id}/auth`, { enabled: true, token });
    }
    const leaks = [];
    const check = (where, text) => {
      for (const t of [TOKEN, TOKEN2]) if (text.includes(t)) leaks.push(`${where} holds ${t === TOKEN ? "the fleet-file token" : "the token set by the tester"}`);
    };
    check("the fleet journal", JSON.stringify((await call(fleet.url, "GET", "/api/v1/debug/requests")).body));
    check("the inventory", JSON.stringify((await call(fleet.url, "GET", "/mock/mk6")).body));
    check("the supervision inventory", JSON.stringify((await call(fleet.url, "GET", "/supervision/api/inventory")).body));
    for (const id of ["SA", "SB"]) {
      check(`${id} /state via the proxy`, JSON.stringify((await call(fleet.url, "GET", `/mock/mk6/${id}/state`)).body));
      check(`${id} /state on its port`, JSON.stringify((await call(fleet.worker(id), "GET", `/mock/mk6/${id}/state`)).body));
      check(`${id} journal on its port`, JSON.stringify((await call(fleet.worker(id), "GET", "/api/v1/debug/requests")).body));
      check(`${id} inventory on its port`, JSON.stringify((await call(fleet.worker(id), "GET", "/mock/mk6")).body));
    }
    check("the supervisor's output", fleet.output());
    const logs = join(fleet.home, "logs");
    const files = existsSync(logs) ? readdirSync(logs).map((f) => join(logs, f)) : [];
    if (existsSync(join(fleet.home, "pm2.log"))) files.push(join(fleet.home, "pm2.log"));
    assert.ok(files.length > 0, "pm2 logs to read");
    for (const f of files) check(f, readFileSync(f, "utf8"));
    assert.deepEqual(leaks, []);
  });
});
describe("the network surface", () => {
  it("the proxy and every worker listen on 127.0.0.1 only", () => {
    const ports = /* @__PURE__ */ new Set([Number(new URL(fleet.url).port), ...Object.values(fleet.ports)]);
    const listening = [];
    for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
      if (!existsSync(file)) continue;
      for (const line of readFileSync(file, "utf8").trim().split("\n").slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols[3] !== "0A") continue;
        const [addr, port] = cols[1].split(":");
        if (ports.has(parseInt(port, 16))) listening.push({ addr, port: parseInt(port, 16) });
      }
    }
    assert.equal(new Set(listening.map((l) => l.port)).size, ports.size, `every port is listening: ${JSON.stringify(listening)}`);
    for (const l of listening) assert.equal(l.addr, "0100007F", `port ${l.port} listens on ${l.addr}, not 127.0.0.1`);
  });
  it("bodies over 64 KiB are 413 on the front, through the proxy and on a port; chunked ones too", async () => {
    const big = JSON.stringify({ now: "2026-03-01T10:00:00Z", pad: "x".repeat(70 * 1024) });
    const targets = [
      [fleet.url, "/mock/time"],
      [fleet.url, "/supervision/mode"],
      [fleet.url, "/mock/mk6/NEWONE/provision"],
      [fleet.url, "/api/v1/mk6/SB/requests"],
      [fleet.worker("SB"), "/mock/time"],
      [fleet.worker("SB"), "/mock/mk6/SB/provision"]
    ];
    for (const [base, path] of targets) {
      const res = await call(base, "POST", path, big, { authorization: `Bearer ${TOKEN2}` });
      assert.equal(res.status, 413, `${base} ${path}: ${res.status}`);
      assert.equal(res.body.error, "PAYLOAD_TOO_LARGE");
      const chunked = await new Promise((resolve, reject) => {
        const u = new URL(base + path);
        const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN2}` } }, (r) => {
          r.resume();
          r.on("end", () => resolve(r.statusCode ?? 0));
        });
        req.on("error", (err) => err.code === "EPIPE" || err.code === "ECONNRESET" ? resolve(413) : reject(err));
        for (let i = 0; i < 70; i++) req.write("x".repeat(1024));
        req.end();
      });
      assert.equal(chunked, 413, `${base} ${path} chunked: ${chunked}`);
    }
    assert.equal((await call(fleet.url, "GET", "/mock/mk6")).body.count, 2, "no MK6 spawned by a refused provision");
  });
  it("headers over 16 KiB are refused without a crash, on the front and on a port", async () => {
    for (const base of [fleet.url, fleet.worker("SA"), fleet.worker("SB")]) {
      for (const head2 of [`GET /mock/mk6 HTTP/1.1\r
X-Big: ${"a".repeat(17 * 1024)}`, `GET /mock/mk6 HTTP/1.1\r
${Array.from({ length: 400 }, (_, i) => `X-H${i}: ${"b".repeat(50)}`).join("\r\n")}`, `GET /mock/mk6?${"q".repeat(20 * 1024)} HTTP/1.1`]) {
        const res = await rawHttp(base, head2).catch(() => ({ status: 0 }));
        assert.ok(res.status === 431 || res.status === 414 || res.status === 400 || res.status === 0, `${base}: ${res.status}`);
      }
      const head = await rawHttp(base, `HEAD /mock/mk6/${"x".repeat(20 * 1024)}/fault/S1 HTTP/1.1`);
      assert.equal(head.status, 431, `${base} HEAD: ${head.text.slice(0, 200)}`);
      assert.equal(head.text.split("\r\n\r\n")[1], "", `${base} HEAD answered with a body`);
      await eventually(async () => (await call(base, "GET", "/mock/mk6")).status === 200 ? true : void 0, 1e4, `${base} still answers`);
    }
  });
});
