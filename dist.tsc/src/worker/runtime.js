/**
 * One MK6 worker's state apart from HTTP: the domain model, the fleet clock and mode it
 * was last told, and the state file they are persisted to. Every handler that changes
 * something ends with `commit()`, which resolves once the change is on disk.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_CLOCK, isFleetClock, simulatedNow } from '../domain/clock.js';
import { Mk6, emptyMk6Data } from '../domain/mk6.js';
import { CorruptStateError, StateFile, lockStateFile } from '../persist/state-file.js';
import { NetworkState } from './network/state.js';
import { powerCutFileName, stateFileName } from '../domain/mk6-names.js';
import { fleetClockMoved, isMk6Clock, mk6Time, setMk6Clock } from '../domain/mk6-clock.js';
export class WorkerRuntime {
    config;
    mk6;
    clock = SYSTEM_CLOCK;
    /** The MK6's own clock against the fleet's (src/domain/mk6-clock.ts); null: it reads the fleet clock. */
    ownClock = null;
    mode = 'mock';
    /**
     * Which change of the fleet's clock and mode this MK6 has taken: the supervisor counts
     * them, so an older answer (the clock fetched at start) never undoes a newer broadcast.
     */
    fleetGen = 0;
    startedAt = Date.now();
    /** Set when the process is asked to stop: new calls are turned away, those in flight end first. */
    stopping = false;
    /** Calls being answered now (the worker's stop waits for them before it closes the state file). */
    inFlight = 0;
    /** Calls the fast lane answered (src/http/fast-lane.ts): the supervisor's health check shows it. */
    fastLaneCalls = 0;
    network = new NetworkState();
    /** Closes and reopens the port, for the supervisor of an external engine (src/worker/listener.ts); set once listening. */
    listener = null;
    metaDirty = false;
    behind = null;
    file;
    constructor(config, data) {
        this.config = config;
        this.mk6 = new Mk6(data, config.seed);
        this.file = new StateFile(stateFilePath(config.stateDir, config.id), () => this.snapshot());
    }
    /** Loads the MK6 from its state file, or creates it from the configuration. */
    static async start(config) {
        mkdirSync(config.stateDir, { recursive: true });
        const path = stateFilePath(config.stateDir, config.id);
        const unlock = lockStateFile(path); // before reading: another live writer would make what we read stale
        process.once('exit', unlock);
        const saved = StateFile.load(path);
        let runtime;
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
            runtime.fleetGen = Number.isSafeInteger(meta.fleet_gen) ? meta.fleet_gen : 0;
            runtime.ownClock = isMk6Clock(meta.mk6_clock) ? meta.mk6_clock : null; // kept across every restart (docs/clock.md)
            try {
                runtime.network.replaceAll(Array.isArray(meta.network) ? meta.network : []);
            }
            catch (err) {
                throw new CorruptStateError(path, 1, `conditions réseau invalides: ${err.message}`);
            }
        }
        else {
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
    now() {
        return mk6Time(this.ownClock, this.fleetNow());
    }
    /** The fleet clock's time: the journal's and the event log's `sim_time`. */
    fleetNow() {
        return simulatedNow(this.clock, Date.now());
    }
    /** The MK6's time when it runs its own clock, else null (the journal adds `mk6_time` then). */
    ownNow() {
        return this.ownClock === null ? null : this.now();
    }
    setClock(clock) {
        const real = Date.now();
        this.ownClock = fleetClockMoved(this.ownClock, simulatedNow(clock, real), clock.source !== this.clock.source);
        this.clock = clock;
        this.metaDirty = true;
    }
    /** The MK6's own clock becomes `setting` from now (null: the fleet clock). */
    setOwnClock(setting) {
        this.ownClock = setMk6Clock(setting, this.fleetNow());
        this.metaDirty = true;
    }
    setMode(mode) {
        this.mode = mode;
        if (mode === 'production')
            this.setClock(SYSTEM_CLOCK);
        this.metaDirty = true;
    }
    /** Takes the fleet's clock and mode unless this MK6 already has a newer generation; true if taken. */
    applyFleet(settings) {
        if (settings.gen < this.fleetGen)
            return false;
        this.fleetGen = settings.gen;
        this.setMode(settings.mode);
        if (settings.mode !== 'production')
            this.setClock(settings.clock);
        return true;
    }
    /** A broadcast of the supervisor says which generation it carries. */
    noteFleetGen(gen) {
        if (Number.isSafeInteger(gen) && gen > this.fleetGen) {
            this.fleetGen = gen;
            this.metaDirty = true;
        }
    }
    /** Back to the configuration: sites of the fleet file, nothing else. */
    reset() {
        const fresh = freshData(this.config);
        this.mk6.reset(fresh.sites);
        if (fresh.auth.token !== null)
            this.mk6.setAuth({ enabled: true, token: fresh.auth.token });
        this.clock = SYSTEM_CLOCK;
        this.ownClock = setMk6Clock(this.config.initialClock ?? null, this.fleetNow()); // the fleet file's clock, from now
        this.network.replaceAll(this.config.initialNetwork ?? []);
        this.network.outage = null; // a blackhole or reset imposed by a kill ends too
        this.network.releaseHeld();
        this.metaDirty = true;
    }
    /** After a change of the network conditions: they are persisted with the next commit. */
    networkChanged() {
        this.metaDirty = true;
    }
    /** Persists whatever changed since the last commit; resolves when it is durable. */
    commit() {
        const changes = this.mk6.takeChanges();
        const changed = changes.meta || changes.planningReset || changes.requests.size > 0 || changes.removed.size > 0;
        if (!changed && !this.metaDirty)
            return Promise.resolve();
        // The MK6's settings go along only when they changed, or when requests leave (a counter no
        // stored request holds any more). A new request alone writes itself: ~200 bytes, not ~800.
        const withMeta = changes.meta || this.metaDirty || changes.removed.size > 0 || changes.planningReset;
        this.metaDirty = false;
        const put = [];
        for (const id of changes.requests) {
            const req = this.mk6.storedRequest(id);
            if (req)
                put.push(req);
        }
        return this.file.append({ ...(withMeta ? { meta: this.meta() } : {}), put, removed: [...changes.removed], clear: changes.planningReset });
    }
    /**
     * Persists within PERSIST_BEHIND_MS what someone else already holds durably (the fleet's clock
     * and mode, in the supervisor's state): the workers of a broadcast to 250 do not write their
     * state files while the others still answer it, and broadcasts in a row share one write.
     * Any commit before then takes the change along.
     */
    persistBehind(onError) {
        if (this.behind)
            return;
        this.behind = setTimeout(() => {
            this.behind = null;
            this.commit().catch(onError);
        }, PERSIST_BEHIND_MS);
        this.behind.unref();
    }
    async close() {
        if (this.behind) {
            clearTimeout(this.behind);
            this.behind = null;
            await this.commit();
        }
        await this.file.close();
    }
    meta() {
        return { version: 1, mk6: this.mk6.toMeta(), clock: this.clock, mode: this.mode, network: this.network.list(), fleet_gen: this.fleetGen, mk6_clock: this.ownClock };
    }
    snapshot() {
        return { meta: this.meta(), items: this.mk6.toData().requests };
    }
}
/** How long a worker waits before it persists a fleet change the supervisor already holds. */
const PERSIST_BEHIND_MS = 1000;
export function stateFilePath(stateDir, id) {
    return join(stateDir, stateFileName(id));
}
/** Left by the supervisor before a cold restart: the worker starts with its planning lost, then removes it. */
export function powerCutMarker(stateDir, id) {
    return join(stateDir, powerCutFileName(id));
}
function freshData(config) {
    const data = emptyMk6Data(config.id, config.initialSites);
    if (config.initialToken)
        data.auth = { enabled: true, token: config.initialToken };
    return data;
}
