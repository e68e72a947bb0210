/**
 * The supervisor inside the test process, assembled as supervisor/main.ts does it — the
 * fleet file loaded, FleetSupervisor, the front on 127.0.0.1:0 with the supervision page, the
 * timeline — over MemoryProcesses: every MK6 is a real worker server in this process on
 * the port the supervisor assigned. For tests of the fleet's routes, broadcasts, journal,
 * recording, verdicts and stream; pm2, kills of processes, crashes and restarts of the
 * supervisor keep the real fleet (fleet.ts).
 */
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { loadFleetFile } from '../../src/config/fleet-file.js';
import { parseTimelineText } from '../../src/config/timeline-file.js';
import type { FleetMode } from '../../src/contract/fleet-controls.js';
import { answerClientErrors } from '../../src/shared/client-errors.js';
import type { FleetSupervisor } from '../../supervisor/fleet/fleet-supervisor.js';
import { ROUVAI, type FleetDef } from './fleet.js';
import { MemoryProcesses } from './memory-processes.js';
import { quietLogger } from './worker-app.js';

export { call, eventually, freePort, freePorts, lostSetpoints, ROUVAI, scaleFleet, type Answer, type FleetDef, type FleetMk6Def, type FleetSiteDef } from './fleet.js';

export interface FleetInProcess {
  readonly url: string;
  readonly stateDir: string;
  readonly fleetFile: string;
  /** Each MK6's own port. */
  readonly ports: Record<string, number>;
  /** The worker URL of an MK6 (its own port). */
  worker(id: string): string;
  readonly supervisor: FleetSupervisor;
  readonly processes: MemoryProcesses;
  /** The fleet's first start (already settled unless `waitFor: 'front'`). */
  readonly started: Promise<unknown>;
  output(): string;
  stop(): Promise<void>;
}

/** The name the real fleet's tests use for their handle. */
export type RunningFleet = FleetInProcess;

export interface InProcessOptions {
  /** `--mode`, `--timeline` as the supervisor's command line takes them. */
  args?: string[];
  /**
   * Set in this process's environment before the supervisor's modules load: some are read
   * once at load (MK6_BLACKHOLE_TIMEOUT_MS, MK6_RECORDING_MAX_BYTES), so every fleet of a
   * test file must give the same values.
   */
  env?: Record<string, string>;
  /** Taken for the real fleet's options; nothing here waits on processes. */
  timeoutMs?: number;
  stopTimeoutMs?: number;
  /** `ready` (default): once the first start settled; `front`: as soon as the front listens. */
  waitFor?: 'ready' | 'front';
}

let loadedWith: Record<string, string> | null = null;

/** The supervisor's modules, loaded once the environment they read at load is set. */
async function supervisorModules(env: Record<string, string>) {
  for (const [k, v] of Object.entries(env)) {
    if (loadedWith && loadedWith[k] !== v && process.env[k] !== v) throw new Error(`${k}=${v}: the supervisor's modules were loaded with ${process.env[k]}`);
    process.env[k] = v;
  }
  loadedWith ??= { ...env };
  const [{ FleetSupervisor }, { createFront }, { flushWorkerJournals }, { supervisionPage }] = await Promise.all([
    import('../../supervisor/fleet/fleet-supervisor.js'),
    import('../../supervisor/front/front.js'),
    import('../../supervisor/front/fleet-routes.js'),
    import('../../supervisor/front/page.js'),
  ]);
  return { FleetSupervisor, createFront, flushWorkerJournals, supervisionPage };
}

export async function startFleet(def: FleetDef = { mk6: ROUVAI }, options: InProcessOptions = {}): Promise<FleetInProcess> {
  const { FleetSupervisor, createFront, flushWorkerJournals, supervisionPage } = await supervisorModules(options.env ?? {});
  const base = mkdtempSync(join(tmpdir(), 'mk6-fleet-app-'));
  const stateDir = join(base, 'state');
  const fleetFile = join(base, 'fleet.yaml');
  writeFileSync(fleetFile, stringify({ name: def.name ?? 'test', seed: def.seed ?? 42, proxy: { host: '127.0.0.1', port: 0 }, workers: { host: '127.0.0.1', base_port: 0 }, ...def }));
  const args = options.args ?? [];
  const arg = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const mode = (arg('--mode') as FleetMode | undefined) ?? null;
  const timelineFile = arg('--timeline');

  const fleetDef = loadFleetFile(fleetFile);
  const processes = new MemoryProcesses();
  const supervisor = new FleetSupervisor(fleetDef, processes.asProcessManager(), stateDir);
  const server = createFront(supervisor, { page: supervisionPage(), logger: quietLogger({ component: 'front' }) });
  answerClientErrors(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const started = (async () => {
    await supervisor.start(url, mode);
    const restored = await supervisor.timeline.restore();
    if (timelineFile) {
      const timeline = parseTimelineText(readFileSync(timelineFile, 'utf8'), timelineFile);
      if (!(restored && supervisor.timeline.holds(timeline))) await supervisor.timeline.load(timeline, resolve(timelineFile));
    }
  })();
  started.catch(() => {});
  if ((options.waitFor ?? 'ready') === 'ready') await started;

  const ports = () => Object.fromEntries([...supervisor.members.values()].map((m) => [m.spec.id, m.spec.port]));
  let stopped: Promise<void> | null = null;
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
    output: () => '',
    stop: () =>
      (stopped ??= (async () => {
        await started.catch(() => {});
        await flushWorkerJournals(supervisor).catch(() => {});
        server.close();
        server.closeAllConnections();
        await supervisor.shutdown().catch(() => {});
        await processes.stopAll();
        rmSync(base, { recursive: true, force: true });
        rmSync(processes.home, { recursive: true, force: true });
      })()),
  };
}
