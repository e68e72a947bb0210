import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Mk6Error } from "../../../src/contract/errors.js";
import { conditionView, parseCondition, pathMatches } from "../../../src/worker/network/condition.js";
import { planRequest } from "../../../src/worker/network/plan.js";
import { BEHAVIOURS } from "../../../src/worker/network/registry.js";
const API = "/api/v1/mk6/ROU2/requests";
const sequence = (...values) => {
  let i = 0;
  return () => values[i++ % values.length];
};
const rejects = (raw, status, code, field) => {
  assert.throws(() => parseCondition(raw), (err) => {
    assert.ok(err instanceof Mk6Error);
    assert.equal(err.status, status, err.message);
    assert.equal(err.code, code);
    if (field) assert.equal(err.details.field, field);
    return true;
  });
};
describe("network condition validation", () => {
  it("reads every type with its defaults, and shows it flat as posted", () => {
    assert.deepEqual(conditionView(parseCondition({ name: "lag", type: "latency", latency_ms: 200, jitter_ms: 20 })), {
      name: "lag",
      type: "latency",
      latency_ms: 200,
      jitter_ms: 20,
      probability: 1
    });
    assert.deepEqual(parseCondition({ name: "dead", type: "timeout", methods: ["post"] }).methods, ["POST"]);
    assert.equal(parseCondition({ name: "r", type: "reset" }).params.when, "before");
    assert.deepEqual(parseCondition({ name: "e", type: "error", status: 503 }).params, { status: 503, code: "INJECTED_ERROR", message: "Erreur inject\xE9e" });
    assert.equal(parseCondition({ name: "s", type: "slow", rate_bytes_per_s: 100, path: "*/planning", first_n: 3 }).first_n, 3);
    assert.deepEqual([...BEHAVIOURS.keys()].sort(), ["error", "latency", "reset", "slow", "timeout"]);
  });
  it("answers 442 for a missing field, 441 for a value out of range, 400 for a wrong type or unknown key", () => {
    rejects({ type: "latency", latency_ms: 1 }, 442, "MISSING_FIELD", "name");
    rejects({ name: "x" }, 442, "MISSING_FIELD", "type");
    rejects({ name: "x", type: "latency" }, 442, "MISSING_FIELD", "latency_ms");
    rejects({ name: "x", type: "slow" }, 442, "MISSING_FIELD", "rate_bytes_per_s");
    rejects({ name: "x", type: "teleport" }, 441, "INVALID_VALUE", "type");
    rejects({ name: "x", type: "timeout", probability: 1.5 }, 441, "INVALID_VALUE", "probability");
    rejects({ name: "x", type: "latency", latency_ms: -1 }, 441, "INVALID_VALUE", "latency_ms");
    rejects({ name: "x", type: "error", status: 200 }, 441, "INVALID_VALUE", "status");
    rejects({ name: "x", type: "reset", when: "after" }, 441, "INVALID_VALUE", "when");
    rejects({ name: "x", type: "slow", rate_bytes_per_s: 0 }, 441, "INVALID_VALUE", "rate_bytes_per_s");
    rejects({ name: "x", type: "timeout", first_n: 0 }, 441, "INVALID_VALUE", "first_n");
    rejects({ name: "x", type: "timeout", methods: ["FETCH"] }, 441, "INVALID_VALUE", "methods");
    rejects({ name: "x", type: "timeout", methods: "POST" }, 400, "BAD_REQUEST", "methods");
    rejects({ name: "x", type: "latency", latency_ms: "200" }, 400, "BAD_REQUEST", "latency_ms");
    rejects({ name: "x", type: "latency", latency_ms: 2, lantency: 3 }, 400, "BAD_REQUEST", "lantency");
    rejects({ name: "a/b", type: "timeout" }, 400, "BAD_REQUEST", "name");
    rejects({ name: "x", type: "error", code: "lower" }, 400, "BAD_REQUEST", "code");
    rejects([1], 400, "BAD_REQUEST");
  });
  it("matches a path by substring, or by glob on the whole path", () => {
    assert.ok(pathMatches("requests", API));
    assert.ok(pathMatches("/api/v1/mk6/*/requests", API));
    assert.ok(!pathMatches("/api/v1/mk6/*/planning", API));
    assert.ok(pathMatches("*/planning*", "/api/v1/mk6/X/planning/REQ-001"));
    assert.ok(!pathMatches("planning", API));
  });
});
describe("planRequest", () => {
  const lag = parseCondition({ name: "lag", type: "latency", latency_ms: 100, jitter_ms: 10 });
  it("adds latencies with their jitter drawn from the random source", () => {
    const other = parseCondition({ name: "lag2", type: "latency", latency_ms: 50 });
    const plan = planRequest([lag, other], /* @__PURE__ */ new Map(), "GET", API, sequence(1));
    assert.equal(plan.delayMs, 160);
    assert.equal(planRequest([lag], /* @__PURE__ */ new Map(), "GET", API, sequence(0)).delayMs, 90);
    assert.deepEqual(plan.fired, ["lag", "lag2"]);
  });
  it("filters on method and path; the first answer behaviour wins, a response one waits behind it", () => {
    const dead = parseCondition({ name: "dead", type: "timeout", methods: ["POST"] });
    const err = parseCondition({ name: "err", type: "error", status: 503 });
    const slow = parseCondition({ name: "slow", type: "slow", rate_bytes_per_s: 10, path: "monitoring" });
    const post = planRequest([dead, err, slow], /* @__PURE__ */ new Map(), "POST", API, sequence(0.5));
    assert.equal(post.answer?.name, "dead");
    assert.equal(post.response, null, "slow is for monitoring only");
    const get = planRequest([dead, err, slow], /* @__PURE__ */ new Map(), "GET", "/api/v1/mk6/X/monitoring", sequence(0.5));
    assert.equal(get.answer?.name, "err");
    assert.equal(get.response?.name, "slow");
    assert.equal(planRequest([parseCondition({ name: "r", type: "reset", when: "during" })], /* @__PURE__ */ new Map(), "GET", API, Math.random).response?.name, "r");
  });
  it("fires with its probability, drawn once per matching request", () => {
    const half = parseCondition({ name: "half", type: "error", probability: 0.3 });
    const fired = [0.1, 0.29, 0.3, 0.9].map((x) => planRequest([half], /* @__PURE__ */ new Map(), "GET", API, sequence(x)).answer !== null);
    assert.deepEqual(fired, [true, true, false, false]);
  });
  it("acts on the first N matching requests only; requests it does not match do not count", () => {
    const first = parseCondition({ name: "first", type: "error", first_n: 2, methods: ["POST"] });
    const counters = /* @__PURE__ */ new Map();
    const seen = ["POST", "GET", "POST", "POST"].map((m) => planRequest([first], counters, m, API, Math.random).answer !== null);
    assert.deepEqual(seen, [true, false, true, false]);
    assert.equal(counters.get("first"), 3);
  });
});
