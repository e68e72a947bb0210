/**
 * Starting one MK6's worker under pm2 and knowing when it serves: the environment it is
 * spawned with, adoption of a live worker of an earlier run, the wait for its health, and
 * the push of the fleet's clock and mode when it missed a broadcast while it was starting.
 * No queueing here: FleetSupervisor calls these inside an MK6's lifecycle queue.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { simulatedNow, type FleetClock } from '../../src/domain/clock.js';
import type { Mk6Clock } from '../../src/domain/mk6-clock.js';
import { workerUrl } from '../../src/worker/http/views.js';
import { SECRET_ENV } from '../../src/shared/internal.js';
import { packageRoot } from '../../src/shared/package-root.js';
import { CorruptStateError, StateFile } from '../../src/persist/state-file.js';
import { stateFilePath, type FleetSettings } from '../../src/worker/runtime.js';
import type { Fleet } from '../../src/config/fleet-file.js';
import { requestJson } from '../../src/shared/http-client.js';
import type { Member } from './member.js';
import { isPortFree } from './ports.js';
import type { AppStatus } from './process-manager.js';
import { ExternalProcesses, type Engine } from './external-processes.js';
import { verbatim, type ApiText } from '../../src/i18n/api-messages.js';
import { sayFleet } from '../../src/i18n/fleet-messages.js';

/**
 * The worker as one bundled file (dist/worker.cjs): no module resolution at start, a third faster
 * to answer (BENCHMARKS.md); started through a CommonJS entry that pm2 requires instead of
 * importing (src/worker/pm2/worker.cjs).
 */
const WORKER_SCRIPT = join(packageRoot(import.meta.url), 'dist/pm2-worker/worker.cjs');
const READY_TIMEOUT_MS = 20_000;
/** An external worker not answering at start is waited for no longer: it is adopted when it answers (readExternalView). */
const EXTERNAL_READY_TIMEOUT_MS = Number(process.env.MK6_EXTERNAL_WAIT_MS) > 0 ? Number(process.env.MK6_EXTERNAL_WAIT_MS) : 20_000;
/**
 * A young generation of 2 MiB semi-spaces: a worker keeps every request's journal entry for
 * a while, so V8 would grow its young generation to 16 MiB semi-spaces under load and keep
 * them (RSS ×1.5 against a bare Koa process after 10,000 requests; ×1.2 with this, BENCHMARKS.md).
 */
export const WORKER_NODE_ARGS = (process.env.MK6_WORKER_NODE_ARGS ?? '--max-semi-space-size=2').split(/\s+/).filter(Boolean);

/** What a worker says of itself on `/_worker/health`. */
export interface WorkerHealth {
  mk6_id: string;
  pid: number;
  outage: string | null;
  clock: FleetClock;
  /** The MK6's own clock (offset, drift), null on the fleet clock; absent from a worker of an earlier version. */
  mk6_clock?: Mk6Clock | null;
  mode: string;
  fleet_gen: number;
}

export interface LauncherContext {
  fleet: Fleet;
  pm: Engine;
  stateDir: string;
  secret: string;
  frontUrl: () => string;
  /** The fleet's clock and mode now. */
  settings: () => FleetSettings;
  /** True once the supervisor stops: nothing new is spawned then. */
  stopping: () => boolean;
  /** A worker knows a newer generation than the supervisor (its memo was lost): count on from there. */
  raiseGen: (above: number) => void;
}

/** Workers started at once: enough to keep every core busy while others wait on pm2 or their port. */
export const START_CONCURRENCY = Number(process.env.MK6_START_CONCURRENCY) > 0 ? Number(process.env.MK6_START_CONCURRENCY) : Math.max(8, 8 * availableParallelism());

export class WorkerLauncher {
  constructor(private readonly ctx: LauncherContext) {}

  url(member: Member): string {
    return workerUrl(member.spec.host, member.spec.port);
  }

  /**
   * Adopts the one live worker of an earlier run that matches, else removes every app of
   * that name (a ghost included) and starts one. Returns a problem, or null once it serves.
   */
  async bringUp(member: Member, running: AppStatus[]): Promise<ApiText | null> {
    if (this.ctx.pm instanceof ExternalProcesses) return this.adopt(member, this.ctx.pm);
    const env = this.env(member);
    const only = running.length === 1 ? running[0] : undefined;
    const same = only && only.status === 'online' && Object.entries(env).every(([k, v]) => only.env[k] === v);
    if (same && !(await this.waitReady(member, 1500))) return null; // adopted as it is
    if (running.length > 0) await this.ctx.pm.delete(member.app).catch(() => {});
    try {
      StateFile.load(stateFilePath(this.ctx.stateDir, member.spec.id));
    } catch (err) {
      if (!(err instanceof CorruptStateError)) throw err;
      return this.errored(member, verbatim(err.message));
    }
    if (!(await isPortFree(member.spec.host, member.spec.port))) {
      const problem = member.spec.host === this.ctx.fleet.workers.host ? sayFleet('portTaken', member.spec.port) : sayFleet('addressTaken', `${member.spec.host}:${member.spec.port}`);
      const where = member.spec.line ? `${this.ctx.fleet.file}:${member.spec.line} ` : '';
      return this.errored(member, problem, (lang) => `${where}${member.spec.id}: ${problem(lang)}`);
    }
    if (this.ctx.stopping()) return this.errored(member, sayFleet('fleetStopping'));
    member.status = 'starting';
    try {
      await this.ctx.pm.start({ name: member.app, script: WORKER_SCRIPT, args: ['--state-dir', this.ctx.stateDir], env, nodeArgs: WORKER_NODE_ARGS });
    } catch (err) {
      // A slow or failing pm2 costs this MK6 its start, never the supervisor: it says why and the rest goes on.
      await this.ctx.pm.delete(member.app).catch(() => {});
      return this.errored(member, verbatim(`pm2: ${(err as Error).message}`));
    }
    return this.waitReady(member);
  }

  /** The external engine's worker, where the fleet file says it is (reopened if a kill closed it, then reset). */
  private async adopt(member: Member, pm: ExternalProcesses): Promise<ApiText | null> {
    if (member.outage === 'refused') await pm.reopen(member.app, 'warm');
    member.status = 'starting';
    return this.waitReady(member, EXTERNAL_READY_TIMEOUT_MS);
  }

  /** Polls the worker's health until it answers, then gives it the fleet's clock and mode if it missed them. */
  async waitReady(member: Member, timeoutMs = READY_TIMEOUT_MS): Promise<ApiText | null> {
    const deadline = Date.now() + timeoutMs;
    let delay = 10;
    let nextPm2Check = Date.now() + 200;
    while (Date.now() < deadline) {
      const health = await this.health(member, 1000);
      if (health) {
        await this.sync(member, health);
        member.status = 'online';
        member.problem = null;
        member.pid = health.pid;
        member.clock = health.mk6_clock ?? null;
        // An adopted worker may be blackholed or resetting (a kill before the supervisor restarted).
        member.outage = health.outage === 'blackhole' || health.outage === 'reset' ? health.outage : null;
        return null;
      }
      if (Date.now() >= nextPm2Check && !(this.ctx.pm instanceof ExternalProcesses)) {
        nextPm2Check = Date.now() + 200;
        const p = (await this.ctx.pm.listRecent(member.app)).find((x) => x.name === member.app);
        if (p && (p.status === 'stopped' || p.status === 'errored')) break;
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(100, delay * 2);
    }
    const see = this.ctx.pm instanceof ExternalProcesses ? verbatim('engine external') : sayFleet('seePm2Logs', member.app);
    const url = this.url(member);
    return this.errored(member, (lang) => sayFleet('notAnswering', url, see(lang))(lang));
  }

  /** The worker's own word on its process, clock and mode; null when it does not answer. */
  async health(member: Member, timeoutMs: number): Promise<WorkerHealth | null> {
    try {
      const res = await requestJson(`${this.url(member)}/_worker/health`, { timeoutMs });
      const body = res.body as WorkerHealth | null;
      return res.status === 200 && body?.mk6_id === member.spec.id ? body : null;
    } catch {
      return null; // not listening (yet)
    }
  }

  /** A worker pm2 rebooted may have started before the last broadcast: give it the fleet's clock and mode. */
  async resync(member: Member): Promise<void> {
    const health = await this.health(member, 1000);
    if (!health) return;
    member.pid = health.pid;
    member.clock = health.mk6_clock ?? null;
    await this.sync(member, health);
  }

  /** Pushes the fleet's clock and mode to a worker that has an older generation of them. */
  async sync(member: Member, health: WorkerHealth): Promise<void> {
    if (health.fleet_gen > this.ctx.settings().gen) this.ctx.raiseGen(health.fleet_gen);
    const settings = this.ctx.settings();
    if (health.fleet_gen === settings.gen && sameSettings(health, settings)) return;
    await requestJson(`${this.url(member)}/_worker/fleet`, { method: 'POST', body: settings, timeoutMs: 2000 }).catch(() => null);
  }

  env(member: Member): Record<string, string> {
    const { spec } = member;
    const env: Record<string, string> = {
      MK6_ID: spec.id,
      MK6_PORT: String(spec.port),
      MK6_HOST: member.spec.host,
      MK6_ALIASES: spec.aliases.join(','),
      MK6_SEED: String(this.ctx.fleet.seed),
      MK6_SITES_JSON: JSON.stringify(spec.sites),
      ...(spec.network?.length ? { MK6_NETWORK_JSON: JSON.stringify(spec.network) } : {}),
      ...(spec.clock ? { MK6_CLOCK_JSON: JSON.stringify({ offset_ms: spec.clock.offsetMs, drift_ppm: spec.clock.driftPpm }) } : {}),
      MK6_SUPERVISOR_URL: this.ctx.frontUrl(),
      MK6_STATE_DIR: this.ctx.stateDir,
      [SECRET_ENV]: this.ctx.secret,
    };
    if (spec.tokenEnv) {
      env.MK6_TOKEN_ENV = spec.tokenEnv;
      env[spec.tokenEnv] = process.env[spec.tokenEnv] ?? '';
    }
    return env;
  }

  /** The MK6 in error for `problem`; what its start reports (`ID: problem` unless said). */
  private errored(member: Member, problem: ApiText, report: ApiText = (lang) => `${member.spec.id}: ${problem(lang)}`): ApiText {
    member.status = 'errored';
    member.problem = problem;
    return report;
  }
}

/** Same mode, and a clock that reads the same time at the same speed (to the millisecond). */
export function sameSettings(worker: { clock: FleetClock; mode: string }, fleet: { clock: FleetClock; mode: string }): boolean {
  if (worker.mode !== fleet.mode) return false;
  const a = worker.clock;
  const b = fleet.clock;
  if (a.source !== b.source) return false;
  if (a.source === 'system' || b.source === 'system') return true;
  const t = Date.now();
  return a.speed === b.speed && Math.abs(simulatedNow(a, t) - simulatedNow(b, t)) < 2;

}
