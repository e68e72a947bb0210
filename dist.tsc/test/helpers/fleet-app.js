import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stringify } from "yaml";
import { loadFleetFile } from "../../src/config/fleet-file.js";
import { parseTimelineText } from "../../src/config/timeline-file.js";
import { answerClientErrors } from "../../src/shared/client-errors.js";
import { ROUVAI } from "./fleet.js";
import { MemoryProcesses } from "./memory-processes.js";
import { quietLogger } from "./worker-app.js";
import { call, eventually, freePort, freePorts, lostSetpoints, ROUVAI as ROUVAI2, scaleFleet } from "./fleet.js";
let loadedWith = null;
async function supervisorModules(env) {
  for (const [k, v] of Object.entries(env)) {
    if (loadedWith && loadedWith[k] !== v && process.env[k] !== v) throw new Error(`${k}=${v}: the supervisor's modules were loaded with ${process.env[k]}`);
    process.env[k] = v;
  }
  loadedWith ??= { ...env };
  const [{ FleetSupervisor }, { createFront }, { flushWorkerJournals }, { supervisionPage }] = await Promise.all([
    import("../../supervisor/fleet/fleet-supervisor.js"),
    import("../../supervisor/front/front.js"),
    import("../../supervisor/front/fleet-routes.js"),
    import("../../supervisor/front/page.js")
  ]);
  return { FleetSupervisor, createFront, flushWorkerJournals, supervisionPage };
}
async function startFleet(def = { mk6: ROUVAI }, options = {}) {
  const { FleetSupervisor, createFront, flushWorkerJournals, supervisionPage } = await supervisorModules(options.env ?? {});
  const base = mkdtempSync(join(tmpdir(), "mk6-fleet-app-"));
  const stateDir = join(base, "state");
  const fleetFile = join(base, "fleet.yaml");
  writeFileSync(fleetFile, stringify({ name: def.name ?? "test", seed: def.seed ?? 42, proxy: { host: "127.0.0.1", port: 0 }, workers: { host: "127.0.0.1", base_port: 0 }, ...def }));
  const args = options.args ?? [];
  const arg = (flag) => args.includes(flag) ? args[args.indexOf(flag) + 1] : void 0;
  const mode = arg("--mode") ?? null;
  const timelineFile = arg("--timeline");
  const fleetDef = loadFleetFile(fleetFile);
  const processes = new MemoryProcesses();
  const supervisor = new FleetSupervisor(fleetDef, processes.asProcessManager(), stateDir);
  const server = createFront(supervisor, { page: supervisionPage(), logger: quietLogger({ component: "front" }) });
  answerClientErrors(server);
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  const started = (async () => {
    await supervisor.start(url, mode);
    const restored = await supervisor.timeline.restore();
    if (timelineFile) {
      const timeline = parseTimelineText(readFileSync(timelineFile, "utf8"), timelineFile);
      if (!(restored && supervisor.timeline.holds(timeline))) await supervisor.timeline.load(timeline, resolve(timelineFile));
    }
  })();
  started.catch(() => {
  });
  if ((options.waitFor ?? "ready") === "ready") await started;
  const ports = () => Object.fromEntries([...supervisor.members.values()].map((m) => [m.spec.id, m.spec.port]));
  let stopped = null;
  return {
    url,
    stateDir,
    fleetFile,
    get ports() {
      return ports();
    },
    worker: (id) => `http://127.0.0.1:${ports()[id]}`,
    supervisor,
    processes,
    started,
    output: () => "",
    stop: () => stopped ??= (async () => {
      await started.catch(() => {
      });
      await flushWorkerJournals(supervisor).catch(() => {
      });
      server.close();
      server.closeAllConnections();
      await supervisor.shutdown().catch(() => {
      });
      await processes.stopAll();
      rmSync(base, { recursive: true, force: true });
      rmSync(processes.home, { recursive: true, force: true });
    })()
  };
}
export {
  ROUVAI2 as ROUVAI,
  call,
  eventually,
  freePort,
  freePorts,
  lostSetpoints,
  scaleFleet,
  startFleet
};
