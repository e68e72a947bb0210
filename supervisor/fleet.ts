/**
 * The running fleet: one pm2 app per MK6, the fleet clock and mode, MK6s added by
 * provisioning, and what the supervisor must remember across its own restarts.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_CLOCK, isFleetClock, type FleetClock } from '../src/domain/clock.js';
import { errors } from '../src/domain/errors.js';
import type { FleetMode } from '../src/domain/fleet-controls.js';
import type { SiteConfig } from '../src/domain/sites.js';
import { OrderedJournal } from '../src/http/journal.js';
import { workerUrl } from '../src/http/views.js';
import { writeFileAtomic } from '../src/persist/atomic.js';
import { CorruptStateError, StateFile } from '../src/persist/state-file.js';
import { powerCutMarker, stateFilePath } from '../src/runtime.js';
import type { Fleet, Mk6Spec } from './fleet-file.js';
import { requestJson } from './http-client.js';
import { anyFreePort, isPortFree, nextFreePort } from './ports.js';
import type { AppStatus, ProcessManager } from './process-manager.js';
import { TimelineRunner } from './timeline-runner.js';

/** The worker as one bundled file: no module resolution at start, a third faster to answer (BENCHMARKS.md). */
const WORKER_SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), '../worker.cjs');
const READY_TIMEOUT_MS = 20_000;

export type MemberStatus = 'starting' | 'online' | 'stopped' | 'errored';

export interface Member {
  spec: Mk6Spec;
  /** Added by provisioning after start: removed again by /mock/reset. */
  added: boolean;
  app: string;
  status: MemberStatus;
  /** Why it is errored (e.g. a corrupt state file), shown in the inventory. */
  problem: string | null;
  /** The worker's last inventory entry: its topology, shown even while it is down. */
  last: Record<string, unknown> | null;
  /** The outage a kill imposed (refused = process stopped), until a restart. */
  outage: OutageKind | null;
}

export const OUTAGE_KINDS = ['refused', 'blackhole', 'reset'] as const;
export type OutageKind = (typeof OUTAGE_KINDS)[number];
export const RESTART_KINDS = ['warm', 'cold'] as const;
export type RestartKind = (typeof RESTART_KINDS)[number];

interface SupervisorState {
  version: 1;
  clock: FleetClock;
  mode: FleetMode;
  added: { id: string; port: number; sites: SiteConfig[] }[];
  daemonOwner: boolean;
}

export class FleetSupervisor {
  readonly members = new Map<string, Member>();
  private readonly names = new Map<string, Member>();
  readonly journal = new OrderedJournal();
  clock: FleetClock = SYSTEM_CLOCK;
  mode: FleetMode = 'mock';
  frontUrl = '';
  private daemonOwner = false;
  private readonly statePath: string;
  private readonly locks = new Map<string, Promise<unknown>>();
  /** The timeline of events on the fleet clock (supervisor/timeline.ts). */
  readonly timeline = new TimelineRunner(this);

  constructor(
    readonly fleet: Fleet,
    readonly pm: ProcessManager,
    readonly stateDir: string,
  ) {
    mkdirSync(stateDir, { recursive: true });
    this.statePath = join(stateDir, 'supervisor.json');
  }

  get prefix(): string {
    return `mk6-${this.fleet.name}-`;
  }

  /** Connects to pm2, adopts live workers of an earlier run, starts the others, waits for all. */
  async start(frontUrl: string, modeOverride: FleetMode | null): Promise<{ failed: string[] }> {
    this.frontUrl = frontUrl;
    const saved = this.loadState();
    this.clock = saved?.clock ?? SYSTEM_CLOCK;
    this.mode = modeOverride ?? saved?.mode ?? 'mock';
    if (this.mode === 'production') this.clock = SYSTEM_CLOCK;
    await this.pm.connect();
    this.daemonOwner = this.pm.startedDaemon || (saved?.daemonOwner ?? false);
    for (const spec of this.fleet.mk6) this.register(spec, false);
    for (const a of saved?.added ?? []) {
      if (!this.names.has(a.id)) this.register({ id: a.id, aliases: [], port: a.port, sites: a.sites, tokenEnv: null, line: 0 }, true);
    }
    const running = new Map((await this.pm.list(this.prefix)).map((p) => [p.name, p]));
    for (const [name] of running) {
      if (![...this.members.values()].some((m) => m.app === name)) await this.pm.delete(name).catch(() => {});
    }
    await this.assignPorts(running);
    const results = await Promise.all([...this.members.values()].map((m) => this.bringUp(m, running.get(m.app))));
    this.saveState();
    return { failed: results.filter((r): r is string => r !== null) };
  }

  resolve(idOrAlias: string): Member | undefined {
    return this.names.get(idOrAlias);
  }

  url(member: Member): string {
    return workerUrl(this.fleet.workers.host, member.spec.port);
  }

  /** Provisioning an id the fleet does not have: a new worker on the next free port. */
  provisionNew(id: string, sites: SiteConfig[]): Promise<Member> {
    return this.exclusive(`provision:${id}`, async () => {
      const existing = this.names.get(id);
      if (existing) {
        if (existing.status === 'starting') await this.waitReady(existing);
        return existing;
      }
      const port = await nextFreePort(this.fleet.workers.host, [...this.members.values()].map((m) => m.spec.port));
      const member = this.register({ id, aliases: [], port, sites, tokenEnv: null, line: 0 }, true);
      this.removeStateFile(id); // an added MK6 starts blank, whatever an earlier run left
      const problem = await this.bringUp(member, undefined);
      this.saveState();
      if (problem) throw errors.mk6Unreachable(id, problem);
      return member;
    });
  }

  /**
   * `refused`: the process is stopped (its port refuses connections). `blackhole` / `reset`:
   * the process stays, and answers nothing / resets every connection, until a restart.
   */
  kill(member: Member, kind: OutageKind = 'refused'): Promise<void> {
    return this.exclusive(member.spec.id, async () => {
      if (kind === 'refused') {
        await this.pm.stop(member.app);
        member.status = 'stopped';
      } else {
        if (member.status !== 'online') throw errors.mk6Unreachable(member.spec.id, member.status);
        const res = await requestJson(`${this.url(member)}/_worker/outage`, { method: 'POST', body: { kind } });
        if (res.status !== 200) throw errors.mk6Unreachable(member.spec.id, `outage: ${res.status}`);
      }
      member.outage = kind;
    });
  }

  /** `warm`: the MK6 comes back as it was. `cold`: its planning is lost, as after a power cut (sites, identity, counter kept). */
  restart(member: Member, kind: RestartKind = 'warm'): Promise<void> {
    return this.exclusive(member.spec.id, async () => {
      member.status = 'starting';
      const marker = powerCutMarker(this.stateDir, member.spec.id);
      if (kind === 'cold') writeFileSync(marker, new Date().toISOString() + '\n');
      await this.pm.restart(member.app).catch((err: unknown) => {
        if (kind === 'cold') rmSync(marker, { force: true }); // not restarted: no power cut for a later start
        throw err;
      });
      member.outage = null;
      const problem = await this.waitReady(member);
      if (problem) throw errors.mk6Unreachable(member.spec.id, problem);
    });
  }

  setClock(clock: FleetClock): void {
    this.clock = clock;
    this.saveState();
  }

  setMode(mode: FleetMode): void {
    this.mode = mode;
    if (mode === 'production') this.clock = SYSTEM_CLOCK;
    this.saveState();
  }

  /**
   * Back to the fleet file: added MK6s removed (workers deleted, state files gone), MK6s
   * that are down started again from a blank state; the caller broadcasts the reset itself.
   */
  async resetMembers(): Promise<{ removed: string[]; restarted: string[] }> {
    const removed: string[] = [];
    for (const member of [...this.members.values()].filter((m) => m.added)) {
      await this.pm.delete(member.app).catch(() => {});
      this.unregister(member);
      this.removeStateFile(member.spec.id);
      removed.push(member.spec.id);
    }
    const down = [...this.members.values()].filter((m) => m.status !== 'online');
    await Promise.all(
      down.map(async (m) => {
        await this.pm.delete(m.app).catch(() => {});
        this.removeStateFile(m.spec.id);
        m.problem = null;
        await this.bringUp(m, undefined);
      }),
    );
    this.clock = SYSTEM_CLOCK;
    this.journal.clear();
    for (const m of this.members.values()) m.outage = null; // the workers' reset lifts a blackhole or reset
    this.saveState();
    return { removed, restarted: down.map((m) => m.spec.id) };
  }

  /** pm2's view of every member, keyed by app name. */
  async processes(): Promise<Map<string, AppStatus>> {
    const list = await this.pm.list(this.prefix);
    const byApp = new Map(list.map((p) => [p.name, p]));
    for (const m of this.members.values()) {
      const p = byApp.get(m.app);
      if (m.status === 'starting' && this.locks.has(m.spec.id)) continue; // a start in progress; else a failed one: pm2 knows
      if (!p) m.status = m.status === 'errored' ? 'errored' : 'stopped';
      else if (p.status === 'online') m.status = 'online';
      else if (p.status === 'stopped' || p.status === 'stopping') m.status = m.problem ? 'errored' : 'stopped';
      else if (p.status === 'errored') m.status = 'errored';
    }
    return byApp;
  }

  onlineMembers(): Member[] {
    return [...this.members.values()].filter((m) => m.status === 'online');
  }

  /** Stops every worker, and the pm2 daemon if this fleet started it. */
  async shutdown(): Promise<void> {
    await Promise.all([...this.members.values()].map((m) => this.pm.delete(m.app).catch(() => {})));
    const others = await this.pm.list('').catch(() => []);
    if (this.daemonOwner && others.length === 0) await this.pm.killDaemon().catch(() => {});
    this.pm.disconnect();
    this.daemonOwner = false;
    this.saveState();
  }

  // ── internals ────────────────────────────────────────────────────────────

  private register(spec: Mk6Spec, added: boolean): Member {
    const member: Member = { spec, added, app: `${this.prefix}${spec.id}`, status: 'starting', problem: null, last: null, outage: null };
    this.members.set(spec.id, member);
    for (const name of [spec.id, ...spec.aliases]) this.names.set(name, member);
    return member;
  }

  private unregister(member: Member): void {
    this.members.delete(member.spec.id);
    for (const name of [member.spec.id, ...member.spec.aliases]) this.names.delete(name);
  }

  /** Ports of 0 get a free one; a live worker of an earlier run keeps its own. */
  private async assignPorts(running: Map<string, AppStatus>): Promise<void> {
    const taken = new Set([...this.members.values()].map((m) => m.spec.port));
    for (const m of this.members.values()) {
      if (m.spec.port !== 0) continue;
      const adopted = running.get(m.app);
      const earlier = Number(adopted?.env.MK6_PORT ?? 0);
      let port = adopted?.status === 'online' && earlier > 0 ? earlier : 0;
      // The kernel may hand the same free port out twice in a row: never give it to two MK6s.
      while (port === 0 || (taken.has(port) && port !== earlier)) port = await anyFreePort(this.fleet.workers.host);
      taken.add(port);
      m.spec.port = port;
    }
  }

  /** Adopts a matching live worker, else (re)starts it. Returns a problem, or null once ready. */
  private async bringUp(member: Member, running: AppStatus | undefined): Promise<string | null> {
    const env = this.workerEnv(member);
    const same = running && running.status === 'online' && Object.entries(env).every(([k, v]) => running.env[k] === v);
    if (same && !(await this.waitReady(member, 1500))) return null; // adopted as it is
    if (running) await this.pm.delete(member.app).catch(() => {});
    try {
      StateFile.load(stateFilePath(this.stateDir, member.spec.id));
    } catch (err) {
      if (!(err instanceof CorruptStateError)) throw err;
      member.status = 'errored';
      member.problem = err.message;
      return `${member.spec.id}: ${err.message}`;
    }
    if (!(await isPortFree(this.fleet.workers.host, member.spec.port))) {
      member.status = 'errored';
      member.problem = `port ${member.spec.port} déjà pris sur cette machine`;
      const where = member.spec.line ? `${this.fleet.file}:${member.spec.line} ` : '';
      return `${where}${member.spec.id}: ${member.problem}`;
    }
    member.status = 'starting';
    await this.pm.start({ name: member.app, script: WORKER_SCRIPT, args: ['--state-dir', this.stateDir], env });
    return this.waitReady(member);
  }

  private workerEnv(member: Member): Record<string, string> {
    const { spec } = member;
    const env: Record<string, string> = {
      MK6_ID: spec.id,
      MK6_PORT: String(spec.port),
      MK6_HOST: this.fleet.workers.host,
      MK6_ALIASES: spec.aliases.join(','),
      MK6_SEED: String(this.fleet.seed),
      MK6_SITES_JSON: JSON.stringify(spec.sites),
      ...(spec.network?.length ? { MK6_NETWORK_JSON: JSON.stringify(spec.network) } : {}),
      MK6_SUPERVISOR_URL: this.frontUrl,
      MK6_STATE_DIR: this.stateDir,
    };
    if (spec.tokenEnv) {
      env.MK6_TOKEN_ENV = spec.tokenEnv;
      env[spec.tokenEnv] = process.env[spec.tokenEnv] ?? '';
    }
    return env;
  }

  /** Polls the worker's health route until it answers; null when ready, else why not. */
  private async waitReady(member: Member, timeoutMs = READY_TIMEOUT_MS): Promise<string | null> {
    const deadline = Date.now() + timeoutMs;
    const url = `${this.url(member)}/_worker/health`;
    let delay = 10;
    while (Date.now() < deadline) {
      try {
        const res = await requestJson(url, { timeoutMs: 1000 });
        if (res.status === 200) {
          member.status = 'online';
          member.problem = null;
          // An adopted worker may be blackholed or resetting (a kill before the supervisor restarted).
          const outage = (res.body as { outage?: unknown } | null)?.outage;
          member.outage = outage === 'blackhole' || outage === 'reset' ? outage : null;
          return null;
        }
      } catch {
        /* not listening yet */
      }
      const p = (await this.pm.list(member.app)).find((x) => x.name === member.app);
      if (p && (p.status === 'stopped' || p.status === 'errored')) break;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(100, delay * 2);
    }
    member.status = 'errored';
    member.problem = `ne répond pas sur ${this.url(member)} (voir: npx pm2 logs ${member.app})`;
    return `${member.spec.id}: ${member.problem}`;
  }

  /** A state file that would not load is evidence: it is set aside, never deleted. */
  private removeStateFile(id: string): void {
    const path = stateFilePath(this.stateDir, id);
    if (!existsSync(path)) return;
    try {
      StateFile.load(path);
      unlinkSync(path);
    } catch (err) {
      if (!(err instanceof CorruptStateError)) throw err;
      renameSync(path, `${path}.corrupt-${Date.now()}`);
    }
  }

  private loadState(): SupervisorState | null {
    if (!existsSync(this.statePath)) return null;
    try {
      const s = JSON.parse(readFileSync(this.statePath, 'utf8')) as SupervisorState;
      if (s.version !== 1) return null;
      return { ...s, clock: isFleetClock(s.clock) ? s.clock : SYSTEM_CLOCK, added: Array.isArray(s.added) ? s.added : [] };
    } catch {
      return null; // the supervisor's own memo is a convenience: start from the fleet file
    }
  }

  private saveState(): void {
    const state: SupervisorState = {
      version: 1,
      clock: this.clock,
      mode: this.mode,
      added: [...this.members.values()].filter((m) => m.added).map((m) => ({ id: m.spec.id, port: m.spec.port, sites: m.spec.sites })),
      daemonOwner: this.daemonOwner,
    };
    writeFileAtomic(this.statePath, JSON.stringify(state, null, 2) + '\n');
  }

  /** One operation at a time per key (an MK6 id), so kill/restart/provision never interleave. */
  private exclusive<T>(key: string, run: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(run);
    this.locks.set(key, next);
    void next.finally(() => {
      if (this.locks.get(key) === next) this.locks.delete(key);
    }).catch(() => {});
    return next;
  }
}
