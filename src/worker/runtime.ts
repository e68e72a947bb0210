/**
 * One MK6 worker's state apart from HTTP: the domain model, the fleet clock and mode it
 * was last told, and the state file they are persisted to. Every handler that changes
 * something ends with `commit()`, which resolves once the change is on disk.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_CLOCK, isFleetClock, simulatedNow, type FleetClock } from '../domain/clock.js';
import { Mk6, emptyMk6Data, type Mk6Data } from '../domain/mk6.js';
import type { StoredRequest } from '../domain/requests.js';
import type { SiteConfig } from '../domain/sites.js';
import { CorruptStateError, StateFile, lockStateFile } from '../persist/state-file.js';
import type { ConditionView } from './network/condition.js';
import { NetworkState } from './network/state.js';
import { powerCutFileName, stateFileName } from '../domain/mk6-names.js';
import { fleetClockMoved, isMk6Clock, mk6Time, setMk6Clock, type Mk6Clock, type Mk6ClockSetting } from '../domain/mk6-clock.js';

import type { FleetMode } from '../contract/fleet-controls.js';

export type { FleetMode };

export interface WorkerConfig {
  id: string;
  aliases: string[];
  host: string;
  port: number;
  seed: number;
  /** The sites of the fleet file: where /mock/reset returns to. */
  initialSites: SiteConfig[];
  stateDir: string;
  /** Tokens configured in the fleet file (from env): auth on from the start. */
  initialToken: string | null;
  /** Network conditions of the fleet file: applied on a fresh start and on /mock/reset. */
  initialNetwork?: unknown[];
  /** The MK6's own clock in the fleet file (offset, drift): set on a fresh start and on /mock/reset. */
  initialClock?: Mk6ClockSetting | null;
  /** The supervisor's secret for internal calls (null: standalone, no internal route answers). */
  internalSecret?: string | null;
}

/** The fleet's clock and mode as the supervisor gives them, with their generation. */
export interface FleetSettings {
  clock: FleetClock;
  mode: FleetMode;
  gen: number;
}

interface PersistedMeta {
  version: 1;
  mk6: Omit<Mk6Data, 'requests'>;
  clock: FleetClock;
  mode: FleetMode;
  /** The MK6's network conditions (absent in files of earlier versions). */
  network?: ConditionView[];
  /** The generation of the fleet's clock and mode this MK6 last took (absent in earlier files). */
  fleet_gen?: number;
  /** The MK6's own clock (absent or null: the fleet clock; absent in files of earlier versions). */
  mk6_clock?: Mk6Clock | null;
}

export class WorkerRuntime {
  mk6: Mk6;
  clock: FleetClock = SYSTEM_CLOCK;
  /** The MK6's own clock against the fleet's (src/domain/mk6-clock.ts); null: it reads the fleet clock. */
  ownClock: Mk6Clock | null = null;
  mode: FleetMode = 'mock';
  /**
   * Which change of the fleet's clock and mode this MK6 has taken: the supervisor counts
   * them, so an older answer (the clock fetched at start) never undoes a newer broadcast.
   */
  fleetGen = 0;
  readonly startedAt = Date.now();
  /** Set when the process is asked to stop: new calls are turned away, those in flight end first. */
  stopping = false;
  /** Calls being answered now (the worker's stop waits for them before it closes the state file). */
  inFlight = 0;
  /** Calls the fast lane answered (src/http/fast-lane.ts): the supervisor's health check shows it. */
  fastLaneCalls = 0;
  readonly network = new NetworkState();
  /** Closes and reopens the port, for the supervisor of an external engine (src/worker/listener.ts); set once listening. */
  listener: { close(): void; reopen(kind: 'warm' | 'cold'): Promise<void> } | null = null;
  private metaDirty = false;
  private behind: NodeJS.Timeout | null = null;
  private file: StateFile<PersistedMeta, StoredRequest>;

  private constructor(readonly config: WorkerConfig, data: Mk6Data) {
    this.mk6 = new Mk6(data, config.seed);
    this.file = new StateFile(stateFilePath(config.stateDir, config.id), () => this.snapshot());
  }

  /** Loads the MK6 from its state file, or creates it from the configuration. */
  static async start(config: WorkerConfig): Promise<WorkerRuntime> {
    mkdirSync(config.stateDir, { recursive: true });
    const path = stateFilePath(config.stateDir, config.id);
    const unlock = lockStateFile(path); // before reading: another live writer would make what we read stale
    process.once('exit', unlock);
    const saved = StateFile.load<PersistedMeta, StoredRequest>(path);
    let runtime: WorkerRuntime;
    if (saved) {
      const meta = saved.meta;
      if (!meta || meta.version !== 1 || !meta.mk6 || meta.mk6.id !== config.id) {
        throw new CorruptStateError(path, 1, `instantané inattendu (version ou id différent de ${config.id})`);
      }
      // A request's delta does not carry the counter (see commit): the highest id stored is at least it.
      const counter = saved.items.reduce((max, r) => Math.max(max, r.seq), meta.mk6.counter);
      runtime = new WorkerRuntime(config, { ...meta.mk6, counter, requests: saved.items });
      runtime.clock = isFleetClock(meta.clock) ? meta.clock : SYSTEM_CLOCK;
      runtime.mode = meta.mode === 'production' ? 'production' : 'mock';
      runtime.fleetGen = Number.isSafeInteger(meta.fleet_gen) ? (meta.fleet_gen as number) : 0;
      runtime.ownClock = isMk6Clock(meta.mk6_clock) ? meta.mk6_clock : null; // kept across every restart (docs/clock.md)
      try {
        runtime.network.replaceAll(Array.isArray(meta.network) ? meta.network : []);
      } catch (err) {
        throw new CorruptStateError(path, 1, `conditions réseau invalides: ${(err as Error).message}`);
      }
    } else {
      runtime = new WorkerRuntime(config, freshData(config));
      runtime.network.replaceAll(config.initialNetwork ?? []);
      runtime.ownClock = setMk6Clock(config.initialClock ?? null, runtime.fleetNow());
    }
    if (existsSync(powerCutMarker(config.stateDir, config.id))) {
      runtime.mk6.clearPlanning(runtime.now()); // a cold restart: the planning is lost as after a power cut (the plant keeps its output)
      runtime.metaDirty = true;
    }
    await runtime.file.open();
    rmSync(powerCutMarker(config.stateDir, config.id), { force: true });
    return runtime;
  }

  /** The MK6's own time: what it says and decides by (the fleet time, with its offset and drift). */
  now(): number {
    return mk6Time(this.ownClock, this.fleetNow());
  }

  /** The fleet clock's time: the journal's and the event log's `sim_time`. */
  fleetNow(): number {
    return simulatedNow(this.clock, Date.now());
  }

  /** The MK6's time when it runs its own clock, else null (the journal adds `mk6_time` then). */
  ownNow(): number | null {
    return this.ownClock === null ? null : this.now();
  }

  setClock(clock: FleetClock): void {
    const real = Date.now();
    this.ownClock = fleetClockMoved(this.ownClock, simulatedNow(clock, real), clock.source !== this.clock.source);
    this.clock = clock;
    this.metaDirty = true;
  }

  /** The MK6's own clock becomes `setting` from now (null: the fleet clock). */
  setOwnClock(setting: Mk6ClockSetting | null): void {
    this.ownClock = setMk6Clock(setting, this.fleetNow());
    this.metaDirty = true;
  }

  setMode(mode: FleetMode): void {
    this.mode = mode;
    if (mode === 'production') this.setClock(SYSTEM_CLOCK);
    this.metaDirty = true;
  }

  /** Takes the fleet's clock and mode unless this MK6 already has a newer generation; true if taken. */
  applyFleet(settings: FleetSettings): boolean {
    if (settings.gen < this.fleetGen) return false;
    this.fleetGen = settings.gen;
    this.setMode(settings.mode);
    if (settings.mode !== 'production') this.setClock(settings.clock);
    return true;
  }

  /** A broadcast of the supervisor says which generation it carries. */
  noteFleetGen(gen: number): void {
    if (Number.isSafeInteger(gen) && gen > this.fleetGen) {
      this.fleetGen = gen;
      this.metaDirty = true;
    }
  }

  /** Back to the configuration: sites of the fleet file, nothing else. */
  reset(): void {
    const fresh = freshData(this.config);
    this.mk6.reset(fresh.sites);
    if (fresh.auth.token !== null) this.mk6.setAuth({ enabled: true, token: fresh.auth.token });
    this.clock = SYSTEM_CLOCK;
    this.ownClock = setMk6Clock(this.config.initialClock ?? null, this.fleetNow()); // the fleet file's clock, from now
    this.network.replaceAll(this.config.initialNetwork ?? []);
    this.network.outage = null; // a blackhole or reset imposed by a kill ends too
    this.network.releaseHeld();
    this.metaDirty = true;
  }

  /** After a change of the network conditions: they are persisted with the next commit. */
  networkChanged(): void {
    this.metaDirty = true;
  }

  /** Persists whatever changed since the last commit; resolves when it is durable. */
  commit(): Promise<void> {
    const changes = this.mk6.takeChanges();
    const changed = changes.meta || changes.planningReset || changes.requests.size > 0 || changes.removed.size > 0;
    if (!changed && !this.metaDirty) return Promise.resolve();
    // The MK6's settings go along only when they changed, or when requests leave (a counter no
    // stored request holds any more). A new request alone writes itself: ~200 bytes, not ~800.
    const withMeta = changes.meta || this.metaDirty || changes.removed.size > 0 || changes.planningReset;
    this.metaDirty = false;
    const put: StoredRequest[] = [];
    for (const id of changes.requests) {
      const req = this.mk6.storedRequest(id);
      if (req) put.push(req);
    }
    return this.file.append({ ...(withMeta ? { meta: this.meta() } : {}), put, removed: [...changes.removed], clear: changes.planningReset });
  }

  /**
   * Persists within PERSIST_BEHIND_MS what someone else already holds durably (the fleet's clock
   * and mode, in the supervisor's state): the workers of a broadcast to 250 do not write their
   * state files while the others still answer it, and broadcasts in a row share one write.
   * Any commit before then takes the change along.
   */
  persistBehind(onError: (err: unknown) => void): void {
    if (this.behind) return;
    this.behind = setTimeout(() => {
      this.behind = null;
      this.commit().catch(onError);
    }, PERSIST_BEHIND_MS);
    this.behind.unref();
  }

  async close(): Promise<void> {
    if (this.behind) {
      clearTimeout(this.behind);
      this.behind = null;
      await this.commit();
    }
    await this.file.close();
  }

  private meta(): PersistedMeta {
    return { version: 1, mk6: this.mk6.toMeta(), clock: this.clock, mode: this.mode, network: this.network.list(), fleet_gen: this.fleetGen, mk6_clock: this.ownClock };
  }

  private snapshot() {
    return { meta: this.meta(), items: this.mk6.toData().requests };
  }
}

/** How long a worker waits before it persists a fleet change the supervisor already holds. */
const PERSIST_BEHIND_MS = 1000;

export function stateFilePath(stateDir: string, id: string): string {
  return join(stateDir, stateFileName(id));
}

/** Left by the supervisor before a cold restart: the worker starts with its planning lost, then removes it. */
export function powerCutMarker(stateDir: string, id: string): string {
  return join(stateDir, powerCutFileName(id));
}

function freshData(config: WorkerConfig): Mk6Data {
  const data = emptyMk6Data(config.id, config.initialSites);
  if (config.initialToken) data.auth = { enabled: true, token: config.initialToken };
  return data;
}
