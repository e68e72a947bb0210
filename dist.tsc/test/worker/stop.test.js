import { it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { startWorker } from "../helpers/worker-process.js";
const SITES = [{ sycode: "S1", name: "S1", role: "thissite", pmax_kw: 1e3 }];
it("calls racing a SIGTERM on kept-alive connections: 201 or 503 or closed, never a 500, no 201 lost", { timeout: 6e4 }, async () => {
  for (let round = 0; round < 5; round++) {
    const w = await startWorker({ id: "STOP", sites: SITES });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const statuses = {};
    const accepted = [];
    const post = (i) => new Promise((resolve) => {
      const body = JSON.stringify({ set: "Psetpoint", site: "S1", psetpoint: i % 1e3, start_time: "2030-01-01T00:00:00Z" });
      const req = http.request(`${w.url}/api/v1/mk6/STOP/requests`, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
        let text = "";
        res.on("data", (c) => text += c);
        res.on("end", () => {
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          if (res.statusCode === 201) accepted.push(JSON.parse(text).id);
          if (res.statusCode === 503) assert.equal(JSON.parse(text).error, "MK6_OFFLINE");
          resolve();
        });
        res.on("error", () => resolve());
      });
      req.on("error", () => {
        statuses.closed = (statuses.closed ?? 0) + 1;
        resolve();
      });
      req.end(body);
    });
    let n = 0;
    let go = true;
    const clients = Array.from({ length: 8 }, async () => {
      while (go) await post(n++);
    });
    await new Promise((r) => setTimeout(r, 150 + round * 40));
    process.kill(w.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 400));
    go = false;
    await Promise.all(clients);
    agent.destroy();
    assert.equal(statuses[500], void 0, `round ${round}: ${JSON.stringify(statuses)}`);
    for (const code of Object.keys(statuses)) assert.ok(["201", "503", "closed"].includes(code), `round ${round}: ${JSON.stringify(statuses)}`);
    await w.restart();
    for (const id of accepted) assert.equal((await w.http("GET", `/api/v1/mk6/STOP/planning/${id}`)).status, 200, `round ${round}: ${id} acknowledged, then lost`);
    await w.stop();
  }
});
