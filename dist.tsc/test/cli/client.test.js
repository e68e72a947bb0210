import { describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultFleetUrl } from "../../supervisor/cli/fleet-url.js";
import { httpCall, HttpUnreachable, openEventStream } from "../../src/shared/http-client.js";
const DEFAULT_FLEET = resolve(dirname(fileURLToPath(import.meta.url)), "../../../fleet.yaml");
async function serve(t, handler) {
  const server = http.createServer(handler);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${server.address().port}`;
}
async function closedPort() {
  const server = http.createServer();
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}
describe("where the CLI finds the fleet", () => {
  const dir = mkdtempSync(join(tmpdir(), "mk6-cli-url-"));
  const fleetFile = (text) => {
    const file = join(dir, `fleet-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    return file;
  };
  const withProxy = (host, port, extra = "") => readFileSync(DEFAULT_FLEET, "utf8").replace(/proxy:\n  host: 127\.0\.0\.1\n  port: 9001/, `proxy:
  host: ${host}
  port: ${port}`) + extra;
  it("is $MK6_FLEET_URL first", () => {
    assert.equal(defaultFleetUrl({ MK6_FLEET_URL: "http://127.0.0.1:7777", MK6_FLEET: fleetFile(withProxy("127.0.0.1", 9555)) }), "http://127.0.0.1:7777");
  });
  it("is the proxy of the fleet file ($MK6_FLEET, then $MOCK_MK6_CONFIG_PATH), read by the fleet's loader", () => {
    const text = withProxy("127.0.0.2", 9555);
    assert.notEqual(text, readFileSync(DEFAULT_FLEET, "utf8"), "the proxy was rewritten");
    assert.equal(defaultFleetUrl({ MK6_FLEET: fleetFile(text) }), "http://127.0.0.2:9555");
    assert.equal(defaultFleetUrl({ MOCK_MK6_CONFIG_PATH: fleetFile(withProxy("127.0.0.1", 9556)) }), "http://127.0.0.1:9556");
  });
  it("does not need a gateway token the CLI's shell lacks", () => {
    const text = withProxy("127.0.0.1", 9557).replace("  - id: VAI\n", "  - id: VAI\n    auth: { token_env: MK6_TEST_TOKEN_NOBODY_SETS }\n");
    assert.match(text, /MK6_TEST_TOKEN_NOBODY_SETS/);
    assert.equal(defaultFleetUrl({ MK6_FLEET: fleetFile(text) }), "http://127.0.0.1:9557");
  });
  it("is http://127.0.0.1:9001 without a fleet file, or with one that does not load", () => {
    assert.equal(defaultFleetUrl({ MK6_FLEET: join(dir, "absent.yaml") }), "http://127.0.0.1:9001");
    assert.equal(defaultFleetUrl({ MK6_FLEET: fleetFile("proxy: [not, a, map\n") }), "http://127.0.0.1:9001");
    rmSync(dir, { recursive: true, force: true });
  });
});
describe("the product's HTTP client", () => {
  it("sends JSON or text with its type, and reads JSON, text or nothing back, whatever the status", async (t) => {
    const seen = [];
    const base = await serve(t, (req, res) => {
      let body = "";
      req.on("data", (c2) => body += c2);
      req.on("end", () => {
        seen.push({ method: req.method, type: req.headers["content-type"], body });
        if (req.url === "/json") res.writeHead(441, { "content-type": "application/json" }).end('{"error":"INVALID_VALUE"}');
        else if (req.url === "/empty") res.writeHead(204).end();
        else res.writeHead(200, { "content-type": "text/plain" }).end("plain");
      });
    });
    const a = await httpCall(`${base}/json`, { method: "POST", body: { a: 1 } });
    assert.deepEqual([a.status, a.body], [441, { error: "INVALID_VALUE" }]);
    const b = await httpCall(`${base}/text`, { method: "POST", body: "x: 1", contentType: "text/yaml" });
    assert.deepEqual([b.status, b.body, b.text], [200, "plain", "plain"]);
    const c = await httpCall(`${base}/empty`, { method: "DELETE" });
    assert.deepEqual([c.status, c.body], [204, null]);
    assert.deepEqual(seen, [
      { method: "POST", type: "application/json", body: '{"a":1}' },
      { method: "POST", type: "text/yaml", body: "x: 1" },
      { method: "DELETE", type: void 0, body: "" }
    ]);
  });
  it("rejects with the socket error when nothing listens, and with `timeout` when the answer is late", async (t) => {
    const port = await closedPort();
    await assert.rejects(httpCall(`http://127.0.0.1:${port}/`), (err) => err instanceof HttpUnreachable && err.reason === "ECONNREFUSED");
    const base = await serve(t, () => {
    });
    const started = Date.now();
    await assert.rejects(httpCall(`${base}/slow`, { timeoutMs: 200 }), (err) => err instanceof HttpUnreachable && err.reason === "timeout");
    assert.ok(Date.now() - started < 2e3, "the timeout bounds the whole call");
  });
  it("reads Server-Sent Events block by block, however the bytes are cut", async (t) => {
    const base = await serve(t, (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const text = ': hello\n\nretry: 1000\n\nevent: fleet\nid: 7\ndata: {"id":7,"kind":"clock"}\n\nevent: telemetry\ndata: line one\ndata: line two\n\n';
      let at = 0;
      const next = () => {
        if (at >= text.length) return void res.end();
        res.write(text.slice(at, at + 5));
        at += 5;
        setImmediate(next);
      };
      next();
    });
    const events = [];
    let opened = false;
    await openEventStream(`${base}/stream`, (e) => events.push(e), () => opened = true).done;
    assert.ok(opened);
    assert.deepEqual(events, [
      { event: "fleet", id: "7", data: { id: 7, kind: "clock" } },
      { event: "telemetry", id: null, data: "line one\nline two" }
    ]);
    const port = await closedPort();
    await assert.rejects(openEventStream(`http://127.0.0.1:${port}/stream`, () => {
    }).done, HttpUnreachable);
  });
});
