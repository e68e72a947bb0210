import assert from "node:assert/strict";
import { it } from "node:test";
import fc from "fast-check";
import { call, freePorts, startFleet } from "../../helpers/fleet.js";
import { leftoversAfterStop, settledViolations } from "../../helpers/invariants.js";
const RUNS = Number(process.env.MK6_FC_RUNS) > 0 ? Number(process.env.MK6_FC_RUNS) : 3;
const REPLAY = process.env.MK6_FC_SEED ? { seed: Number(process.env.MK6_FC_SEED), path: process.env.MK6_FC_PATH } : {};
const FILE_IDS = ["A", "B"];
const ALL_IDS = ["A", "B", "P1"];
const site = (id) => [{ sycode: `S${id}`, name: `${id} PDL`, role: "thissite", pmax_kw: 5e3 }];
const mk6 = fc.constantFrom(...ALL_IDS);
const op = fc.oneof(
  fc.constant({ kind: "reset" }),
  fc.record({ kind: fc.constant("kill"), mk6, how: fc.constantFrom("refused", "blackhole", "reset") }),
  fc.record({ kind: fc.constant("restart"), mk6, how: fc.constantFrom("warm", "cold") }),
  fc.record({ kind: fc.constant("provision"), mk6 }),
  fc.constant({ kind: "mode" }),
  fc.record({ kind: fc.constant("time"), minutes: fc.integer({ min: 0, max: 1439 }) }),
  { arbitrary: fc.record({ kind: fc.constant("setpoint"), mk6, via: fc.constantFrom("front", "port") }), weight: 3 }
);
const scenario = fc.record({
  duringStart: fc.boolean(),
  clients: fc.array(fc.array(op, { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 4 })
});
function allowed(op2, res, anyMode) {
  if (res === null) return op2.kind === "setpoint" && op2.via === "port";
  const code = res.body?.error;
  if (res.status === 503 && code === "FLEET_STARTING") return true;
  if (res.status === 403 && code === "FORBIDDEN") return anyMode;
  if (res.status === 404 && code === "MK6_NOT_FOUND") return op2.kind !== "reset" && op2.kind !== "time" && op2.kind !== "mode" && op2.mk6 === "P1";
  const unreachable = (res.status === 502 || res.status === 504) && code === "MK6_UNREACHABLE";
  switch (op2.kind) {
    case "reset":
    case "time":
    case "mode":
      return res.status === 200;
    case "kill":
      return res.status === 200 || unreachable && op2.how !== "refused";
    case "restart":
      return res.status === 200;
    case "provision":
      return res.status === 200 || unreachable;
    case "setpoint":
      return res.status === 201 || unreachable || res.status === 503 && code === "MK6_OFFLINE";
  }
}
it("random interleavings of lifecycle, mode, clock and setpoint calls keep every invariant", { timeout: RUNS * 24e4 }, async () => {
  let kw = 0;
  await fc.assert(
    fc.asyncProperty(scenario, async ({ duringStart, clients }) => {
      const free = await freePorts(FILE_IDS.length);
      const ports = Object.fromEntries(FILE_IDS.map((id, i) => [id, free[i]]));
      const fleet = await startFleet(
        { name: "prop", mk6: FILE_IDS.map((id) => ({ id, port: ports[id], sites: site(id) })) },
        { waitFor: duringStart ? "front" : "ready", env: { MK6_BLACKHOLE_TIMEOUT_MS: "300" } }
      );
      try {
        const sent = [];
        const anyMode = clients.flat().some((o) => o.kind === "mode");
        const portOf = async (id) => {
          const inv2 = await call(fleet.url, "GET", "/supervision/api/inventory").catch(() => null);
          return inv2?.body?.mk6?.find((m) => m.mk6_id === id)?.network?.url ?? null;
        };
        const one = async (o) => {
          const record = async (what, run) => {
            const s = { op: o, what, sentAt: Date.now(), doneAt: 0, res: null };
            sent.push(s);
            s.res = await run().catch(() => null);
            s.doneAt = Date.now();
          };
          const post = (base, path, body = {}) => () => call(base, "POST", path, body);
          switch (o.kind) {
            case "reset":
              return record("reset", post(fleet.url, "/mock/reset"));
            case "kill":
              return record(`kill ${o.mk6} ${o.how}`, post(fleet.url, `/mock/mk6/${o.mk6}/kill`, { kind: o.how }));
            case "restart":
              return record(`restart ${o.mk6} ${o.how}`, post(fleet.url, `/mock/mk6/${o.mk6}/restart`, { kind: o.how }));
            case "provision":
              return record(`provision ${o.mk6}`, post(fleet.url, `/mock/mk6/${o.mk6}/provision`, { sites: site(o.mk6) }));
            case "time":
              return record(`time +${o.minutes}m`, post(fleet.url, "/mock/time", { now: new Date(Date.UTC(2026, 2, 1) + o.minutes * 6e4).toISOString() }));
            case "mode":
              await record("mode production", post(fleet.url, "/supervision/mode", { mode: "production" }));
              return record("mode mock", post(fleet.url, "/supervision/mode", { mode: "mock" }));
            case "setpoint": {
              const base = o.via === "port" ? await portOf(o.mk6) : fleet.url;
              const body = { set: "Psetpoint", site: `S${o.mk6}`, psetpoint: 1e3 + kw++ % 4e3 };
              const send = () => fetch(`${base ?? fleet.url}/api/v1/mk6/${o.mk6}/requests`, {
                method: "POST",
                headers: { "content-type": "application/json" },
                body: JSON.stringify(body),
                signal: AbortSignal.timeout(3e3)
              }).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.json().catch(() => null) }));
              return record(`setpoint ${o.mk6} ${body.psetpoint} via ${base === fleet.url || base === null ? "front" : "port"}`, send);
            }
          }
        };
        await Promise.all(clients.map(async (ops) => {
          for (const o of ops) await one(o);
        }));
        const bad = sent.filter((s) => !allowed(s.op, s.res, anyMode));
        assert.deepEqual(bad.map((s) => `${s.what}: ${s.res?.status} ${JSON.stringify(s.res?.body)?.slice(0, 200)}`), [], "unexpected answers");
        const inv = (await call(fleet.url, "GET", "/mock/mk6")).body.mk6;
        for (const m of inv) {
          if (m.process.status !== "online" || m.outage) {
            const back = await call(fleet.url, "POST", `/mock/mk6/${m.mk6_id}/restart`, { kind: "warm" });
            assert.equal(back.status, 200, `restart ${m.mk6_id} to settle: ${JSON.stringify(back.body)}`);
          }
        }
        const { problems, settled } = await settledViolations(fleet, "prop", ports);
        assert.deepEqual(problems, [], problems.join("; "));
        for (const s of sent) {
          if (s.op.kind !== "setpoint" || s.res?.status !== 201) continue;
          const id = s.op.mk6;
          const eraser = sent.find(
            (e) => e.doneAt >= s.sentAt && (e.op.kind === "reset" || e.op.kind === "restart" && e.op.how === "cold" && e.op.mk6 === id || e.op.kind === "provision" && e.op.mk6 === id)
          );
          if (eraser) continue;
          const kept = await call(fleet.url, "GET", `/api/v1/mk6/${id}/planning/${s.res.body.id}`);
          assert.equal(kept.status, 200, `${s.what} acknowledged as ${s.res.body.id}, then lost: ${JSON.stringify(kept.body)}`);
          assert.equal(kept.body.psetpoint, s.res.body.psetpoint, `${s.what}: ${s.res.body.id} now holds another setpoint`);
        }
        assert.equal(await fleet.terminate(), 0, "the supervisor exits 0 on SIGTERM");
        assert.deepEqual(leftoversAfterStop(fleet.home, settled.pids), [], "nothing left after the stop");
      } finally {
        await fleet.stop();
      }
    }),
    { numRuns: RUNS, endOnFailure: true, ...REPLAY }
  );
});
