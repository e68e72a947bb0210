import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { readPatch, readSubmit } from "../../src/contract/commands.js";
import { Mk6, emptyMk6Data } from "../../src/domain/mk6.js";
const T0 = Date.parse("2026-03-01T10:00:00Z");
const MIN = 6e4;
const iso = (t) => new Date(t).toISOString();
const PMAX = { A: 8e3, B: 5e3 };
const SITES = [
  { sycode: "A", name: "Site A", role: "thissite", pmax_kw: PMAX.A, prm_id: null },
  { sycode: "B", name: "Site B", role: "nearsite", pmax_kw: PMAX.B, prm_id: null }
];
const site = fc.constantFrom("A", "B");
const minutes = fc.integer({ min: -20, max: 40 });
const cmd = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("submit"), set: fc.constantFrom("Psetpoint", "stop"), site, kw: fc.integer({ min: -50, max: 9e3 }), startMin: fc.option(minutes), lenMin: fc.option(fc.integer({ min: -3, max: 60 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("patch"), pick: fc.nat(), kw: fc.option(fc.integer({ min: -50, max: 9e3 })), startMin: fc.option(minutes), lenMin: fc.option(fc.integer({ min: -3, max: 60 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete"), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("mainReset"), site: fc.option(site) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("fault"), site, on: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("clock"), min: fc.integer({ min: 0, max: 30 }) }) }
);
const scheduled = (r, now) => !r.deleted && now < r.start;
const active = (r, now) => !r.deleted && r.start <= now && (r.end === null || now < r.end);
function expected(model, sycode, t) {
  const holding = model.filter((r) => r.site === sycode && !r.deleted && r.start <= t && (r.end === null || t < r.end));
  const top = holding.sort((a, b) => b.seq - a.seq)[0];
  if (!top) return { setpoint: PMAX[sycode], stop: false, id: null };
  return { setpoint: top.set === "stop" ? 0 : top.kw, stop: top.set === "stop", id: top.id };
}
function accepted(fn) {
  try {
    fn();
    return true;
  } catch (err) {
    if (err instanceof Error && err.name === "Mk6Error") return false;
    throw err;
  }
}
describe("the effective setpoint obeys the contract", () => {
  it("over random submits, patches, deletions, main_resets, faults and clock moves", () => {
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 40 }), (cmds) => {
        const m = new Mk6(emptyMk6Data("R", SITES), 3);
        const model = [];
        const faulted = /* @__PURE__ */ new Set();
        let now = T0;
        for (const c of cmds) {
          if (c.kind === "clock") {
            now += c.min * MIN;
          } else if (c.kind === "fault") {
            m.setFault(c.site, c.on, now);
            if (c.on) faulted.add(c.site);
            else faulted.delete(c.site);
          } else if (c.kind === "submit") {
            const start = c.startMin === null ? now : now + c.startMin * MIN;
            const end = c.lenMin === null ? null : start + c.lenMin * MIN;
            const body = { set: c.set, site: c.site, ...c.set === "Psetpoint" ? { psetpoint: c.kw } : {}, ...c.startMin === null ? {} : { start_time: iso(start) }, ...end === null ? {} : { end_time: iso(end) } };
            const ok = !faulted.has(c.site) && (c.set === "stop" || c.kw >= 0 && c.kw <= PMAX[c.site]) && (end === null || end > start);
            assert.equal(accepted(() => m.submit(readSubmit(body), now)), ok, `submit ${JSON.stringify(body)}`);
            if (ok) model.push({ id: `REQ-${String(model.length + 1).padStart(3, "0")}`, seq: model.length + 1, site: c.site, set: c.set, kw: c.set === "stop" ? null : c.kw, start, end, deleted: false });
          } else if (c.kind === "patch" || c.kind === "delete") {
            const r = model[c.pick % Math.max(1, model.length)];
            if (!r) continue;
            if (c.kind === "delete") {
              const ok2 = scheduled(r, now) || active(r, now);
              assert.equal(accepted(() => m.deleteRequest(r.id, now)), ok2, `delete ${r.id}`);
              if (ok2) r.deleted = true;
              continue;
            }
            const body = { ...c.kw === null ? {} : { psetpoint: c.kw }, ...c.startMin === null ? {} : { start_time: iso(now + c.startMin * MIN) }, ...c.lenMin === null ? {} : { end_time: iso(now + (c.startMin ?? 0) * MIN + c.lenMin * MIN) } };
            const start = c.startMin === null ? r.start : now + c.startMin * MIN;
            const end = c.lenMin === null ? r.end : now + (c.startMin ?? 0) * MIN + c.lenMin * MIN;
            const kwOk = c.kw === null || r.set === "Psetpoint" && c.kw >= 0 && c.kw <= PMAX[r.site];
            const ok = Object.keys(body).length > 0 && scheduled(r, now) && !faulted.has(r.site) && kwOk && (end === null || end > start);
            assert.equal(accepted(() => m.patchRequest(r.id, readPatch(body), now)), ok, `patch ${r.id} ${JSON.stringify(body)}`);
            if (ok) Object.assign(r, { start, end, kw: c.kw ?? r.kw });
          } else {
            const body = { set: "main_reset", confirm: true, ...c.site === null ? {} : { site: c.site } };
            const out = m.submit(readSubmit(body), now);
            const gone = model.filter((r) => (c.site === null || r.site === c.site) && scheduled(r, now));
            assert.ok(out.outcome === "main_reset");
            assert.deepEqual(out.result.deleted, gone.map((r) => r.id), "main_reset deletes the scheduled requests");
            for (const r of gone) r.deleted = true;
          }
          for (const sycode of ["A", "B"]) {
            for (const t of [now - 10 * MIN, now, now + 5 * MIN, now + 30 * MIN, now + 90 * MIN]) {
              const view = m.siteView(sycode, t);
              const want = expected(model, sycode, t);
              assert.deepEqual({ setpoint: view.psetpoint_recu, stop: view.stop_wf_active, id: view.active_request?.id ?? null }, want, `${sycode} at ${iso(t)}`);
            }
          }
        }
      }),
      { numRuns: Number(process.env.FC_RUNS) > 0 ? Number(process.env.FC_RUNS) : 100 }
    );
  });
});
