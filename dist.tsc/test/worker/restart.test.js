import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { api, assertError, mock, provision, setTime, startFor, startWorker, WorkerExitError } from "../helpers/worker-process.js";
const AUTH = { Authorization: "Bearer tok-restart" };
const iso = (hhmm) => `2026-03-01T${hhmm}:00Z`;
const stateFile = (w) => join(w.stateDir, `mk6-${w.id}.jsonl`);
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
async function buildState(w) {
  await setTime(w, iso("10:00"));
  await provision(w, [
    { sycode: "S_A", name: "Site A", role: "thissite", pmax_kw: 1e4, prm_id: "111" },
    { sycode: "S_B", name: "Site B", role: "nearsite", pmax_kw: 8340 },
    { sycode: "S_C", name: "Site C", role: "nearsite", pmax_kw: 11120 }
  ]);
  const posts = [
    { set: "Psetpoint", site: "S_A", psetpoint: 5e3, start_time: iso("09:00"), end_time: iso("18:00"), preset: "none" },
    { set: "stop", site: "S_B", start_time: iso("14:00"), end_time: iso("16:00") },
    { set: "Psetpoint", site: "S_A", psetpoint: 3e3, start_time: iso("16:00"), end_time: iso("18:00") },
    { set: "Psetpoint", site: "S_C", psetpoint: 2e3, start_time: iso("12:00") },
    { set: "stop", site: "S_C", start_time: iso("08:00"), end_time: iso("09:00") }
  ];
  for (const body of posts) assert.equal((await api(w, "POST", "requests", body)).status, 201);
  assert.equal((await api(w, "PATCH", "planning/REQ-003", { psetpoint: 2500 })).status, 200);
  assert.equal((await api(w, "DELETE", "planning/REQ-004")).status, 200);
  assert.equal((await mock(w, "POST", "site-state/S_C", { state: 1 })).status, 200);
  assert.equal((await mock(w, "POST", "fault/S_B")).status, 200);
  assert.equal((await mock(w, "POST", "sites/S_A/inject_external", { source: "DEIE", value_kw: 3e3, start_time: iso("09:00"), end_time: iso("12:00") })).status, 200);
  assert.equal((await mock(w, "POST", "sites/S_C/inject_external", { source: "SCADA", value_kw: 4e3 })).status, 200);
  assert.equal((await mock(w, "POST", "auth", { enabled: true, token: "tok-restart" })).status, 200);
}
describe("SIGKILL and restart on the same state dir", () => {
  it("restores sites, planning, states, faults, constraints, auth, offline, clock and the request counter", async (t) => {
    const w = await startFor(t, { id: "mk6-R", sites: [{ sycode: "INIT", name: "Initial", role: "thissite", pmax_kw: 1e3 }] });
    await buildState(w);
    const planning = (await api(w, "GET", "planning", void 0, AUTH)).body;
    const sites = (await api(w, "GET", "monitoring/sites", void 0, AUTH)).body;
    const planningBySite = (await api(w, "GET", "monitoring/planning", void 0, AUTH)).body;
    assert.deepEqual(planning.planning.map((r) => [r.id, r.state]), [["REQ-001", "active"], ["REQ-002", "scheduled"], ["REQ-003", "scheduled"]]);
    await mock(w, "POST", "offline");
    const state = (await mock(w, "GET", "state")).body;
    assert.equal(state.next_request_id, "REQ-006");
    const oldPid = w.pid;
    await w.kill9();
    assert.equal(pidAlive(oldPid), false);
    await w.restart();
    assert.notEqual(w.pid, oldPid);
    assert.deepEqual((await mock(w, "GET", "state")).body, state);
    assertError(await api(w, "GET", "monitoring", void 0, AUTH), 503, "MK6_OFFLINE");
    const time = (await w.http("GET", "/supervision/api/time")).body;
    assert.equal(time.source, "mock");
    assert.equal(time.now, iso("10:00"));
    await mock(w, "POST", "online");
    assertError(await api(w, "GET", "planning"), 401, "UNAUTHORIZED");
    assert.deepEqual((await api(w, "GET", "planning", void 0, AUTH)).body, planning);
    assert.deepEqual((await api(w, "GET", "monitoring/sites", void 0, AUTH)).body, sites);
    assert.deepEqual((await api(w, "GET", "monitoring/planning", void 0, AUTH)).body, planningBySite);
    assert.equal((await api(w, "GET", "planning/REQ-004", void 0, AUTH)).body.state, "deleted");
    assert.equal((await api(w, "GET", "planning/REQ-001", void 0, AUTH)).body.preset, "none");
    const next = await api(w, "POST", "requests", { set: "stop", site: "S_A" }, AUTH);
    assert.equal(next.status, 201);
    assert.equal(next.body.id, "REQ-006");
  });
  it("survives several kills in a row, each change acknowledged before the kill is kept", async (t) => {
    const w = await startFor(t, { id: "mk6-R", sites: [{ sycode: "S1", name: "One", role: "thissite", pmax_kw: 1e3 }] });
    await setTime(w, iso("10:00"));
    for (let round = 1; round <= 3; round++) {
      const res = await api(w, "POST", "requests", { set: "Psetpoint", site: "S1", psetpoint: round * 100, start_time: iso(`1${round}:00`) });
      assert.equal(res.body.id, `REQ-00${round}`);
      await w.kill9();
      await w.restart();
    }
    const planning = (await api(w, "GET", "planning")).body.planning;
    assert.deepEqual(planning.map((r) => [r.id, r.psetpoint]), [["REQ-001", 100], ["REQ-002", 200], ["REQ-003", 300]]);
  });
  it("keeps the request counter when the last changes were new requests alone (their lines carry no meta)", async (t) => {
    const w = await startFor(t, { id: "mk6-R", sites: [{ sycode: "S1", name: "One", role: "thissite", pmax_kw: 1e3 }] });
    await setTime(w, iso("10:00"));
    for (let i = 0; i < 3; i++) assert.equal((await api(w, "POST", "requests", { set: "stop", site: "S1", start_time: iso("12:00") })).status, 201);
    const lines = readFileSync(stateFile(w), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(lines.slice(-3).map((l) => [l.kind, "meta" in l, l.put.map((r) => r.id)]), [["delta", false, ["REQ-001"]], ["delta", false, ["REQ-002"]], ["delta", false, ["REQ-003"]]]);
    await w.kill9();
    await w.restart();
    assert.equal((await mock(w, "GET", "state")).body.next_request_id, "REQ-004");
    assert.equal((await api(w, "POST", "requests", { set: "stop", site: "S1", start_time: iso("13:00") })).body.id, "REQ-004");
  });
  it("drops a torn last line (an unacknowledged append) and starts with the state before it", async (t) => {
    const w = await startFor(t, { id: "mk6-R", sites: [{ sycode: "S1", name: "One", role: "thissite", pmax_kw: 1e3 }] });
    await setTime(w, iso("10:00"));
    await api(w, "POST", "requests", { set: "stop", site: "S1", start_time: iso("12:00") });
    const state = (await mock(w, "GET", "state")).body;
    await w.kill9();
    appendFileSync(stateFile(w), '{"kind":"delta","meta":{"version":1,"mk6":{"id":"mk6-R","si');
    await w.restart();
    assert.deepEqual((await mock(w, "GET", "state")).body, state);
  });
});
async function startedThenStopped(opts) {
  const w = await startWorker(opts);
  await w.stop();
  return w;
}
describe("corrupt state file", () => {
  it("makes the worker exit non-zero naming the file, and leaves the file byte-identical", async (t) => {
    const w = await startFor(t, { id: "mk6-R", sites: [{ sycode: "S1", name: "One", role: "thissite", pmax_kw: 1e3 }] });
    await setTime(w, iso("10:00"));
    await api(w, "POST", "requests", { set: "stop", site: "S1" });
    await api(w, "POST", "requests", { set: "stop", site: "S1" });
    await w.kill9();
    const path = stateFile(w);
    const lines = readFileSync(path, "utf8").split("\n");
    assert.ok(lines.length >= 3, "snapshot + deltas");
    lines[1] = lines[1].slice(0, 20) + "#garbage#" + lines[1].slice(20);
    writeFileSync(path, lines.join("\n"));
    const before = readFileSync(path);
    await assert.rejects(
      startedThenStopped({ id: "mk6-R", stateDir: w.stateDir }),
      (err) => {
        assert.ok(err instanceof WorkerExitError, String(err));
        assert.notEqual(err.exitCode, 0);
        assert.notEqual(err.exitCode, null);
        assert.ok(err.stderr.includes(path), `stderr names ${path}: ${err.stderr}`);
        return true;
      }
    );
    assert.deepEqual(readFileSync(path), before, "the corrupt file is left as it was");
  });
  it("refuses a state file that belongs to another MK6", async (t) => {
    const w = await startFor(t, { id: "mk6-R", sites: [{ sycode: "S1", name: "One", role: "thissite", pmax_kw: 1e3 }] });
    await w.kill9();
    const text = readFileSync(stateFile(w), "utf8").replace('"id":"mk6-R"', '"id":"mk6-Z"');
    writeFileSync(stateFile(w), text);
    await assert.rejects(startedThenStopped({ id: "mk6-R", stateDir: w.stateDir }), (err) => {
      assert.ok(err instanceof WorkerExitError);
      assert.notEqual(err.exitCode, 0);
      assert.ok(err.stderr.includes(stateFile(w)));
      return true;
    });
    assert.equal(readFileSync(stateFile(w), "utf8"), text);
  });
});
