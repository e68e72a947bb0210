import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { call, eventually, startFleet, ROUVAI } from "../../helpers/fleet.js";
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 10);
const CLIENTS = 4;
const BASE_DAY = Date.parse("2026-03-01T10:00:00Z");
let fleet;
before(async () => {
  fleet = await startFleet(void 0, { timeoutMs: 12e4 });
});
after(async () => {
  await fleet?.stop();
});
async function tryCall(base, method, path, body) {
  try {
    const res = await fetch(base + path, {
      method,
      headers: body === void 0 ? {} : { "content-type": "application/json" },
      body: body === void 0 ? void 0 : JSON.stringify(body),
      signal: AbortSignal.timeout(15e3)
    });
    const text = await res.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
    }
    return { status: res.status, body: parsed };
  } catch {
    return { status: 0, body: null };
  }
}
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const pick = (items) => items[Math.floor(Math.random() * items.length)];
async function findLost(accepted) {
  const lost = [];
  const queue = [...accepted];
  const check = async () => {
    for (let a = queue.shift(); a; a = queue.shift()) {
      const res = await call(fleet.url, "GET", `/api/v1/mk6/${a.mk6}/planning/${a.id}`);
      const r = res.body;
      const same = res.status === 200 && r.id === a.id && r.seq === a.seq && r.set === a.body.set && r.psetpoint === a.body.psetpoint && r.start_time === a.body.start_time && r.end_time === a.body.end_time && r.reason === a.body.reason && r.tag === a.body.tag && Object.keys(r.site ?? {})[0] === a.body.site;
      if (!same) lost.push(`${a.mk6} ${a.id} (${a.via}): ${res.status} ${JSON.stringify(r).slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, check));
  return lost;
}
let tag = 0;
const newCounts = () => ({ sent: 0, posts: 0, created: 0, polls: 0, refused: 0, kills: 0, restarts: 0, other: {} });
async function traffic(deadline, accepted, counts) {
  while (Date.now() < deadline) {
    const m = pick(ROUVAI);
    const via = Math.random() < 0.5 ? "proxy" : "port";
    const base = via === "proxy" ? fleet.url : fleet.worker(m.id);
    counts.sent++;
    if (Math.random() < 0.5) {
      counts.polls++;
      const res2 = await tryCall(base, "GET", `/api/v1/mk6/${m.id}/${pick(["monitoring", "monitoring/sites", "planning"])}`);
      if (res2.status === 0) counts.refused++;
      else if (res2.status !== 200) counts.other[res2.status] = (counts.other[res2.status] ?? 0) + 1;
      continue;
    }
    counts.posts++;
    const n = ++tag;
    const site = pick(m.sites);
    const start = BASE_DAY + 36e5 * (24 + n);
    const body = {
      set: "Psetpoint",
      site: site.sycode,
      psetpoint: n % site.pmax_kw,
      start_time: iso(start),
      end_time: iso(start + 6e4 * (1 + n % 50)),
      reason: `chaos-${n}`,
      tag: n
    };
    const res = await tryCall(base, "POST", `/api/v1/mk6/${m.id}/requests`, body);
    if (res.status === 201) {
      counts.created++;
      accepted.push({ mk6: m.id, id: res.body.id, seq: res.body.seq, body, via });
    } else if (res.status === 0) counts.refused++;
    else counts.other[res.status] = (counts.other[res.status] ?? 0) + 1;
  }
}
function assertNoReuse(accepted) {
  for (const m of ROUVAI) {
    const mine = accepted.filter((a) => a.mk6 === m.id);
    assert.equal(new Set(mine.map((a) => a.id)).size, mine.length, `${m.id}: a request id was answered twice`);
    assert.equal(new Set(mine.map((a) => a.seq)).size, mine.length, `${m.id}: a seq was answered twice`);
  }
}
function fleetProcesses() {
  const found = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${name}/environ`, "utf8").split("\0");
      if (env.includes(`PM2_HOME=${fleet.home}`) || env.includes(`MK6_STATE_DIR=${fleet.stateDir}`)) found.push(Number(name));
    } catch {
    }
  }
  return found;
}
describe("chaos under load", () => {
  it(`keeps every 201 through ${SECONDS} s of random SIGKILLs and restarts`, { timeout: (SECONDS + 240) * 1e3 }, async () => {
    assert.equal((await call(fleet.url, "POST", "/mock/time", { now: iso(BASE_DAY) })).status, 200);
    const journalStart = (await call(fleet.url, "GET", "/api/v1/debug/requests")).body.at(-1)?.id ?? 0;
    const ids = ROUVAI.map((m) => m.id);
    const accepted = [];
    const counts = newCounts();
    const deadline = Date.now() + SECONDS * 1e3;
    const client = () => traffic(deadline, accepted, counts);
    const chaos = async () => {
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 300 + Math.random() * 900));
        if (Date.now() >= deadline) break;
        const id = pick(ids);
        if (Math.random() < 0.75) {
          const inv = await tryCall(fleet.url, "GET", "/mock/mk6");
          const up = (inv.body?.mk6 ?? []).filter((e) => e.process?.status === "online" && e.process.pid > 0);
          if (up.length === 0) continue;
          const pid = pick(up).process.pid;
          if (!isOurWorker(pid)) continue;
          process.kill(pid, "SIGKILL");
          counts.kills++;
        } else {
          const res = await tryCall(fleet.url, "POST", `/mock/mk6/${id}/restart`);
          if (res.status === 200) counts.restarts++;
        }
      }
    };
    const restartsBefore = await pm2Restarts();
    await Promise.all([...Array.from({ length: CLIENTS }, client), chaos()]);
    for (const id of ids) {
      await eventually(async () => (await tryCall(fleet.worker(id), "GET", `/api/v1/mk6/${id}/monitoring`)).status === 200 ? true : void 0, 3e4, `${id} on its port`);
      await eventually(async () => (await tryCall(fleet.url, "GET", `/api/v1/mk6/${id}/monitoring`)).status === 200 ? true : void 0, 3e4, `${id} via the proxy`);
    }
    let lastSeen = "";
    const inventory = await eventually(async () => {
      const inv = (await call(fleet.url, "GET", "/mock/mk6")).body;
      lastSeen = JSON.stringify(inv.mk6.map((e) => [e.mk6_id, e.process, e.problem]));
      return inv.mk6.every((e) => e.process.status === "online") ? inv : void 0;
    }, 6e4, "every MK6 online in the inventory").catch((err) => {
      throw new Error(`${err.message}: ${lastSeen}
${fleet.output().slice(-3e3)}`);
    });
    const pm2Restarted = await pm2Restarts() - restartsBefore;
    const perMk6 = /* @__PURE__ */ new Map();
    for (const pid of fleetProcesses()) {
      const id = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").find((e) => e.startsWith("MK6_ID="))?.slice(7);
      if (id) perMk6.set(id, [...perMk6.get(id) ?? [], pid]);
    }
    const twice = [...perMk6].filter(([, pids]) => pids.length > 1);
    if (twice.length > 0 || new Set(accepted.map((a) => `${a.mk6} ${a.id}`)).size !== accepted.length) {
      const seen = /* @__PURE__ */ new Map();
      const dups = accepted.filter((a) => {
        const k = `${a.mk6} ${a.id}`;
        const d = seen.has(k);
        seen.set(k, a);
        return d;
      }).slice(0, 5);
      console.log(`processes per MK6: ${JSON.stringify([...perMk6])}; duplicated ids (first 5): ${JSON.stringify(dups.map((a) => [a.mk6, a.id, a.seq, a.via, a.body.tag]))}`);
    }
    assert.deepEqual(twice, [], "two processes for one MK6");
    assertNoReuse(accepted);
    const ghost = { ...accepted[0], id: "REQ-999999" };
    assert.equal((await findLost([ghost])).length, 1, "the loss check must see a missing request");
    const lost = await findLost(accepted);
    const journal = (await call(fleet.url, "GET", `/api/v1/debug/requests?since_id=${journalStart}`)).body;
    console.log(
      `chaos ${SECONDS}s: sent ${counts.sent} (polls ${counts.polls}, setpoints ${counts.posts}), 201s ${counts.created}, kills ${counts.kills}, restarts via API ${counts.restarts}, pm2 restarts ${pm2Restarted}, refused connections ${counts.refused}, other answers ${JSON.stringify(counts.other)}, journal entries ${journal.length}, lost ${lost.length}`
    );
    assert.deepEqual(lost, [], "acknowledged (201) requests missing or changed after the chaos");
    assert.ok(counts.created > 50, `too little traffic got through to prove anything: ${counts.created} 201s`);
    assert.ok(counts.kills >= Math.max(2, SECONDS / 4), `too few kills: ${counts.kills}`);
    assert.ok(pm2Restarted >= counts.kills, `pm2 brought back ${pm2Restarted} of ${counts.kills} SIGKILLed workers`);
    for (const [code] of Object.entries(counts.other)) assert.ok(["502", "503"].includes(code), `unexpected answers: ${JSON.stringify(counts.other)}`);
    assert.equal(inventory.count, ids.length, "no MK6 duplicated or lost");
    for (let i = 1; i < journal.length; i++) assert.ok(journal[i].id > journal[i - 1].id, `journal ids must increase: ${journal[i - 1].id} then ${journal[i].id}`);
    assert.ok(journal.length > 0);
  });
  it("the supervisor SIGKILLed while the fleet is busy: adopted workers, every 201 kept, no duplicate, a clean stop", { timeout: 24e4 }, async () => {
    const accepted = [];
    const counts = newCounts();
    const before2 = (await call(fleet.url, "GET", "/mock/mk6")).body.mk6.map((e) => [e.mk6_id, e.process.pid, e.network.port]);
    const ports = { ...fleet.ports };
    const deadline = Date.now() + 9e3;
    const clients = Array.from({ length: CLIENTS }, () => traffic(deadline, accepted, counts));
    await new Promise((r) => setTimeout(r, 3e3));
    await fleet.killSupervisor();
    const duringGap = counts.created;
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(counts.created > duringGap, "the workers kept taking setpoints on their ports while the supervisor was dead");
    await fleet.respawn();
    await Promise.all(clients);
    assert.deepEqual(fleet.ports, ports, "the same ports: no clash");
    const after2 = (await call(fleet.url, "GET", "/mock/mk6")).body.mk6.map((e) => [e.mk6_id, e.process.pid, e.network.port]);
    assert.deepEqual(after2, before2, "adopted as they were: same pids and ports");
    const procs = fleetProcesses();
    assert.equal(procs.length, ROUVAI.length + 2, `one supervisor, one pm2 daemon, one process per MK6: ${procs}`);
    assertNoReuse(accepted);
    const lost = await findLost(accepted);
    const journal = (await call(fleet.url, "GET", "/api/v1/debug/requests")).body;
    for (let i = 1; i < journal.length; i++) assert.ok(journal[i].id > journal[i - 1].id, "journal ids increase after the new supervisor");
    console.log(`supervisor crash under load: sent ${counts.sent}, 201s ${counts.created} (${counts.created - duringGap} after the kill), refused ${counts.refused}, other ${JSON.stringify(counts.other)}, lost ${lost.length}`);
    assert.deepEqual(lost, []);
    for (const code of Object.keys(counts.other)) assert.ok(["502", "503"].includes(code), `unexpected answers: ${JSON.stringify(counts.other)}`);
    process.kill(fleet.pid, "SIGTERM");
    await eventually(async () => fleetProcesses().length === 0 ? true : void 0, 2e4, `no process left (${fleetProcesses()})`);
  });
});
function isOurWorker(pid, stateDir = fleet.stateDir) {
  try {
    const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
    return env.includes(`MK6_STATE_DIR=${stateDir}`);
  } catch {
    return false;
  }
}
async function pm2Restarts() {
  const inv = (await call(fleet.url, "GET", "/mock/mk6")).body;
  return inv.mk6.reduce((sum, e) => sum + (e.process.restarts ?? 0), 0);
}
