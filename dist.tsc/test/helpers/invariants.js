import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { call, untilAnswers } from "./fleet.js";
import { gone, pm2Apps } from "./fleet-util.js";
async function settledViolations(fleet, fleetName, fleetFilePorts, timeoutMs = 6e4) {
  const problems = [];
  await untilAnswers(`${fleet.url}/readyz`, timeoutMs).catch(async (err) => {
    problems.push(`/readyz never 200: ${err.message.split("\n")[0]}`);
  });
  const inv = await call(fleet.url, "GET", "/mock/mk6");
  if (inv.status !== 200) return { problems: [...problems, `inventory ${inv.status}`], settled: { pids: [], inventory: {} } };
  const inventory = Object.fromEntries(inv.body.mk6.map((m) => [m.mk6_id, m]));
  const apps = pm2Apps(fleet.home).filter((a) => a.name.startsWith(`mk6-${fleetName}-`));
  const byName = /* @__PURE__ */ new Map();
  for (const a of apps) byName.set(a.name, [...byName.get(a.name) ?? [], a]);
  for (const name of byName.keys()) {
    const id = name.slice(`mk6-${fleetName}-`.length);
    if (!inventory[id]) problems.push(`pm2 app ${name} for no MK6 of the inventory`);
  }
  const [time, mode] = await Promise.all([call(fleet.url, "GET", "/supervision/api/time"), call(fleet.url, "GET", "/supervision/api/mode")]);
  const pids = [];
  for (const [id, m] of Object.entries(inventory)) {
    const mine = byName.get(`mk6-${fleetName}-${id}`) ?? [];
    if (m.process.status === "stopped") {
      if (mine.some((a) => a.status === "online")) problems.push(`${id}: stopped in the inventory, online in pm2`);
      continue;
    }
    if (mine.length !== 1) problems.push(`${id}: ${mine.length} pm2 apps (${mine.map((a) => `${a.pid}/${a.status}`).join(", ")})`);
    if (m.process.status !== "online") problems.push(`${id}: process ${m.process.status} (${m.problem ?? ""})`);
    const app = mine[0];
    if (app) pids.push(app.pid);
    if (app && m.process.pid !== app.pid) problems.push(`${id}: inventory pid ${m.process.pid}, pm2 pid ${app.pid}`);
    if (m.outage === "blackhole" || m.outage === "reset") continue;
    const worker = m.network.url;
    const health = await call(worker, "GET", "/healthz").catch(() => null);
    if (!health || health.status !== 200) problems.push(`${id}: port ${m.network.port} does not answer /healthz`);
    else if (health.body.mk6_id !== id || app && health.body.pid !== app.pid) problems.push(`${id}: port ${m.network.port} held by ${health.body.mk6_id} pid ${health.body.pid}, pm2 pid ${app?.pid}`);
    const [wTime, wMode] = await Promise.all([call(worker, "GET", "/supervision/api/time"), call(worker, "GET", "/supervision/api/mode")]);
    if (wMode.body?.mode !== mode.body.mode) problems.push(`${id}: mode ${wMode.body?.mode}, fleet ${mode.body.mode}`);
    if (wTime.body?.source !== time.body.source) problems.push(`${id}: clock ${wTime.body?.source}, fleet ${time.body.source}`);
    else if (time.body.source === "mock" && time.body.frozen && wTime.body.now !== time.body.now) problems.push(`${id}: clock ${wTime.body.now}, fleet ${time.body.now}`);
  }
  const filePorts = new Set(Object.values(fleetFilePorts));
  for (const [id, m] of Object.entries(inventory)) {
    if (!(id in fleetFilePorts) && filePorts.has(m.network.port)) problems.push(`${id} (provisioned) got port ${m.network.port} of the fleet file`);
    if (id in fleetFilePorts && m.network.port !== fleetFilePorts[id]) problems.push(`${id}: port ${m.network.port}, fleet file ${fleetFilePorts[id]}`);
  }
  return { problems, settled: { pids, inventory } };
}
function leftoversAfterStop(home, pids) {
  const problems = pids.filter((pid) => !gone(pid)).map((pid) => `worker pid ${pid} still running`);
  const pidFile = join(home, "pm2.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8"));
    if (pid > 0 && !gone(pid)) problems.push(`pm2 daemon ${pid} still running`);
  }
  return problems;
}
export {
  leftoversAfterStop,
  settledViolations
};
