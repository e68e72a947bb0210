import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { call, ROUVAI, startFleet } from "../../helpers/fleet-app.js";
import { rawGet } from "../../helpers/network-client.js";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const at = (hhmm) => `2026-03-01T${hhmm}:00Z`;
describe("a day of field trouble (timelines/field-day.yaml)", () => {
  let fleet;
  before(async () => {
    fleet = await startFleet({ mk6: ROUVAI }, { args: ["--timeline", join(ROOT, "timelines/field-day.yaml")], env: { MK6_BLACKHOLE_TIMEOUT_MS: "800" } });
  });
  after(() => fleet?.stop());
  const both = (id, sub) => [`${fleet.url}/api/v1/mk6/${id}/${sub}`, `${fleet.worker(id)}/api/v1/mk6/${id}/${sub}`];
  const time = (hhmm) => call(fleet.url, "POST", "/mock/time", { now: at(hhmm) });
  it("meets each trouble at its simulated time, on the proxy and on the MK6 ports", async () => {
    await time("08:00");
    const req = { set: "Psetpoint", site: "8FV8C98VwC40", psetpoint: 5e3, start_time: at("15:00"), end_time: at("16:00") };
    assert.equal((await call(fleet.url, "POST", "/api/v1/mk6/ROU1.3/requests", req)).status, 201);
    await time("10:05");
    for (const url of both("ROU1.1", "monitoring/sites/8FV898VMwWX0")) {
      const site = JSON.parse((await rawGet(url)).body);
      assert.equal(site.external_constraint?.value_kw, 4e3, url);
      assert.ok(site.pactive <= 4e3);
    }
    await time("11:05");
    await assert.rejects(rawGet(both("ROU2", "monitoring")[1], 1e3), { code: "ETIMEDOUT" });
    const proxied = await rawGet(both("ROU2", "monitoring")[0], 5e3);
    assert.equal(proxied.status, 504);
    assert.equal(JSON.parse(proxied.body).error, "MK6_UNREACHABLE");
    for (const url of both("ROU1.2", "monitoring")) assert.equal((await rawGet(url, 1e3)).status, 200, "the others answer");
    await time("11:25");
    for (const url of both("ROU2", "monitoring")) assert.equal((await rawGet(url, 2e3)).status, 200, url);
    await time("12:05");
    for (const url of both("VAI", "monitoring")) {
      const r = await rawGet(url, 1e4);
      const floor = 250 + r.body.length / 500 * 1e3 * 0.8;
      assert.ok(r.ms >= floor, `${url}: ${r.ms.toFixed(0)} ms for ${r.body.length} B (>= ${floor.toFixed(0)})`);
    }
    await time("12:30");
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/ROU1.1/monitoring/sites/8FV898VMwWX0")).body.external_constraint, null);
    await time("13:30");
    for (const url of both("VAI", "monitoring")) assert.ok((await rawGet(url)).ms < 200, url);
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/ROU1.3/planning")).body.planning.length, 1);
    await time("14:05");
    for (const url of both("ROU1.3", "planning")) assert.deepEqual(JSON.parse((await rawGet(url)).body).planning, [], url);
    assert.deepEqual(Object.keys((await call(fleet.url, "GET", "/api/v1/mk6/ROU1.3/monitoring")).body.thissite), ["8FV8C98VwC40"]);
    const t = (await call(fleet.url, "GET", "/mock/timeline")).body;
    assert.equal(t.pending, 0);
    assert.deepEqual(t.events.map((e) => e.status), Array(7).fill("fired"));
  });
});
