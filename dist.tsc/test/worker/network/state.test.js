import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Mk6Error } from "../../../src/contract/errors.js";
import { MAX_CONDITIONS } from "../../../src/worker/network/condition.js";
import { NetworkState } from "../../../src/worker/network/state.js";
const code = (fn) => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof Mk6Error);
    return `${err.status} ${err.code}`;
  }
  return "ok";
};
describe("NetworkState", () => {
  it("adds in order, replaces by name (counters start again), removes, reports matched and applied", () => {
    const net = new NetworkState(() => 0.5);
    net.add({ name: "half", type: "error", probability: 0.4 });
    net.add({ name: "lag", type: "latency", latency_ms: 10 });
    for (let i = 0; i < 3; i++) net.plan("GET", "/api/v1/mk6/A/monitoring");
    assert.deepEqual(net.report().map((c) => [c.name, c.matched, c.applied]), [["half", 3, 0], ["lag", 3, 3]]);
    net.add({ name: "half", type: "error", probability: 0.6 });
    assert.deepEqual(net.report().map((c) => [c.name, c.matched, c.applied]), [["half", 0, 0], ["lag", 3, 3]], "replaced in place");
    assert.equal(net.plan("GET", "/x").answer?.name, "half");
    assert.equal(net.remove("lag").name, "lag");
    assert.equal(code(() => net.remove("lag")), "404 NOT_FOUND");
    assert.deepEqual(net.list().map((c) => c.name), ["half"]);
  });
  it("refuses more than the limit, and duplicate names in a whole list", () => {
    const net = new NetworkState();
    for (let i = 0; i < MAX_CONDITIONS; i++) net.add({ name: `c${i}`, type: "timeout" });
    assert.equal(code(() => net.add({ name: "one-more", type: "timeout" })), "441 INVALID_VALUE");
    assert.equal(code(() => net.add({ name: "c0", type: "reset" })), "ok", "replacing is always possible");
    assert.equal(code(() => net.replaceAll([{ name: "a", type: "timeout" }, { name: "a", type: "reset" }])), "400 BAD_REQUEST");
    assert.equal(net.size, MAX_CONDITIONS, "a refused list changes nothing");
  });
  it("reads an outage kind: blackhole, reset, or none/null to lift it", () => {
    const net = new NetworkState();
    assert.equal(net.setOutage({ kind: "blackhole" }), "blackhole");
    assert.equal(net.setOutage({ kind: "none" }), null);
    assert.equal(net.setOutage({ kind: "reset" }), "reset");
    assert.equal(net.setOutage({ kind: null }), null);
    assert.equal(code(() => net.setOutage({ kind: "refused" })), "441 INVALID_VALUE", "refused is the supervisor's (process stopped)");
  });
});
