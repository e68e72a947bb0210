import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readPatch, readSubmit } from "../../src/contract/commands.js";
import { Mk6Error, errors } from "../../src/contract/errors.js";
import { Planning } from "../../src/domain/planning.js";
import { newSiteRecord } from "../../src/domain/site-records.js";
const at = (hhmm) => Date.parse(`2026-03-01T${hhmm}:00Z`);
const iso = (hhmm) => `2026-03-01T${hhmm}:00Z`;
const NOW = at("10:00");
function standIn() {
  const sites = /* @__PURE__ */ new Map([
    ["A", newSiteRecord({ sycode: "A", name: "Site A", role: "thissite", pmax_kw: 1e4, prm_id: null })],
    ["B", newSiteRecord({ sycode: "B", name: "Site B", role: "nearsite", pmax_kw: 8340, prm_id: null })]
  ]);
  const invalidated = [];
  const keptPlace = [];
  const find = (s) => {
    const site = sites.get(s) ?? [...sites.values()].find((x) => x.name === s);
    if (!site) throw errors.siteNotFound(s);
    return site;
  };
  const port = {
    find,
    accessible: (s) => {
      const site = find(s);
      if (site.state === 0) throw errors.siteNotAccessible(s);
      return site;
    },
    nameOf: (s) => sites.get(s)?.name ?? s,
    invalidate: (s) => invalidated.push(s),
    keepPlace: (s) => keptPlace.push(s)
  };
  return { sites, port, invalidated, keptPlace };
}
function codeOf(fn) {
  try {
    fn();
  } catch (err) {
    if (err instanceof Mk6Error) return err.code;
    throw err;
  }
  return "OK";
}
const submit = (p, body, now = NOW) => p.submit(readSubmit(body), now);
describe("the planning aggregate", () => {
  it("says what a submit did, without an HTTP status", () => {
    const { port } = standIn();
    const p = new Planning(port, [], 0);
    const created = submit(p, { set: "stop", site: "A", preset: "none" });
    assert.equal(created.outcome, "created");
    assert.ok(created.outcome === "created" && created.request.id === "REQ-001" && created.request.preset === "none");
    const reset = submit(p, { set: "main_reset", confirm: true });
    assert.deepEqual(reset, { outcome: "main_reset", result: { deleted_count: 0, kept_count: 1, reason: null, deleted: [] } });
    assert.ok(!("status" in created) && !("status" in reset));
  });
  it("keeps its own change set: written, removed, cleared", () => {
    const { port } = standIn();
    const p = new Planning(port, [], 0);
    submit(p, { set: "Psetpoint", site: "A", psetpoint: 1, start_time: iso("12:00") });
    submit(p, { set: "stop", site: "B" });
    assert.deepEqual([...p.takeChanges().requests], ["REQ-001", "REQ-002"]);
    assert.deepEqual([...p.takeChanges().requests], [], "taken once");
    p.delete("REQ-002", NOW);
    assert.deepEqual([...p.takeChanges().requests], ["REQ-002"]);
    p.clear();
    const cleared = p.takeChanges();
    assert.equal(cleared.reset, true);
    assert.equal(cleared.requests.size, 0);
    assert.equal(p.nextRequestId, "REQ-003", "the counter goes on after a clear");
  });
  it("tells the sites which site changed, and only that one", () => {
    const { port, invalidated } = standIn();
    const p = new Planning(port, [], 0);
    submit(p, { set: "Psetpoint", site: "A", psetpoint: 1, start_time: iso("12:00") });
    assert.deepEqual(invalidated.splice(0), ["A"]);
    submit(p, { set: "stop", site: "Site B", start_time: iso("12:00") });
    assert.deepEqual(invalidated.splice(0), ["B"]);
    p.patch("REQ-001", readPatch({ psetpoint: 2 }), NOW);
    assert.deepEqual(invalidated.splice(0), ["A"]);
    submit(p, { set: "main_reset", confirm: true, site: "B" });
    assert.deepEqual(invalidated.splice(0), ["B"]);
    p.delete("REQ-001", NOW);
    assert.deepEqual(invalidated.splice(0), ["A"]);
    assert.throws(() => submit(p, { set: "Psetpoint", site: "A", psetpoint: 99999 }));
    assert.deepEqual(invalidated, [], "a refused command changes nothing");
  });
  it("allows a change only while scheduled, a deletion while scheduled or active", () => {
    const { port } = standIn();
    const p = new Planning(port, [], 0);
    submit(p, { set: "stop", site: "A", start_time: iso("12:00") });
    submit(p, { set: "stop", site: "A" });
    submit(p, { set: "stop", site: "A", start_time: iso("08:00"), end_time: iso("09:00") });
    const patch = (id) => codeOf(() => p.patch(id, readPatch({ end_time: iso("23:00") }), NOW));
    const del = (id) => codeOf(() => p.delete(id, NOW));
    assert.deepEqual([patch("REQ-001"), patch("REQ-002"), patch("REQ-003")], ["OK", "REQUEST_LOCKED", "REQUEST_LOCKED"]);
    assert.deepEqual([del("REQ-003"), del("REQ-002"), del("REQ-001")], ["REQUEST_LOCKED", "OK", "OK"]);
    assert.deepEqual([patch("REQ-001"), del("REQ-001")], ["REQUEST_LOCKED", "REQUEST_LOCKED"], "deleted is final");
  });
  it("checks a command in the contract order, form and meaning together", () => {
    const { port, sites } = standIn();
    const p = new Planning(port, [], 0);
    assert.equal(codeOf(() => submit(p, { set: "Psetpoint", site: "NOPE" })), "SITE_NOT_FOUND");
    assert.equal(codeOf(() => submit(p, { set: "Psetpoint", site: "A", psetpoint: 1e9, start_time: "x" })), "INVALID_VALUE");
    assert.equal(codeOf(() => submit(p, { set: "Psetpoint", site: "A", psetpoint: "x", start_time: "x" })), "BAD_REQUEST");
    assert.equal(codeOf(() => submit(p, { set: "Psetpoint", site: "A", psetpoint: 5, end_time: iso("09:00") })), "INVALID_TIME_RANGE");
    sites.get("A").state = 0;
    assert.equal(codeOf(() => submit(p, { set: "Psetpoint", site: "A", start_time: "x" })), "SITE_NOT_ACCESSIBLE");
    assert.equal(codeOf(() => submit(p, { site: "A" })), "MISSING_FIELD");
    assert.equal(codeOf(() => submit(p, { set: "main_reset", site: "NOPE" })), "CONFIRMATION_REQUIRED");
    sites.get("A").state = 2;
    submit(p, { set: "stop", site: "A" });
    assert.equal(codeOf(() => p.patch("REQ-404", readPatch({}), NOW)), "REQUEST_NOT_FOUND");
    assert.equal(codeOf(() => p.patch("REQ-001", readPatch({}), NOW)), "REQUEST_LOCKED");
    submit(p, { set: "stop", site: "A", start_time: iso("12:00") });
    assert.equal(codeOf(() => p.patch("REQ-002", readPatch({}), NOW)), "BAD_REQUEST");
    assert.equal(codeOf(() => p.patch("REQ-002", readPatch({ psetpoint: 5 }), NOW)), "BAD_REQUEST", "a stop has no setpoint");
    assert.throws(() => readPatch([]), /objet JSON/, "a body that is no object is refused first");
  });
  it("forgets the oldest history past 1000, and only the sites that lose requests keep their place", () => {
    const { port, keptPlace } = standIn();
    const p = new Planning(port, [], 0);
    let t = NOW;
    for (let i = 0; i < 2001; i++) {
      submit(p, { set: "Psetpoint", site: "A", psetpoint: 1, start_time: new Date(t).toISOString(), end_time: new Date(t + 1e3).toISOString() }, t);
      t += 2e3;
    }
    submit(p, { set: "stop", site: "B", start_time: new Date(t + 6e4).toISOString() }, t);
    const changes = p.takeChanges();
    assert.equal(p.all().length, 1e3 + 1 + 1, "the newest 1000 of history, the last A (active), B");
    assert.equal(changes.removed.size, 1e3);
    assert.ok(changes.removed.has("REQ-001") && changes.removed.has("REQ-1000") && !changes.removed.has("REQ-1001"));
    assert.ok([...changes.removed].every((id) => !changes.requests.has(id)), "a forgotten request is not written");
    assert.deepEqual(keptPlace, ["A"]);
  });
});
