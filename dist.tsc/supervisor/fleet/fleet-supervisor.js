/**
 * The running fleet: one pm2 app per MK6, the fleet clock and mode, MK6s added by
 * provisioning. Every change to an MK6's process goes through its lifecycle queue, and
 * every fleet-wide change (start, reset, clock, mode) through the queue's barrier, so no
 * interleaving of calls can leave two apps for one MK6 or a worker that missed a broadcast.
 */
import { mkdirSync } from 'node:fs';
import { SYSTEM_CLOCK } from '../../src/domain/clock.js';
import { errors } from '../../src/contract/errors.js';
import { FLEET_GEN_HEADER } from '../../src/shared/internal.js';
import { OrderedJournal } from '../../src/journal/journal.js';
import { broadcast } from './broadcast.js';
import { useInternalSecret } from '../../src/shared/http-client.js';
import { pm2AppPrefix } from '../../src/domain/mk6-names.js';
import { START_CONCURRENCY, WorkerLauncher } from './launcher.js';
import { LifecycleQueue } from './lifecycle-queue.js';
import { afterReset, stopOrphans } from './member.js';
import { Roster } from './roster.js';
import { readPm2View } from './pm2-view.js';
import { killWorker, restartWorker } from './outages.js';
import { FleetApps, groupByName, inBatches } from './fleet-apps.js';
import { discardStateFile } from './state-files.js';
import { PortBook } from './ports.js';
import { ExternalProcesses, readExternalView } from './external-processes.js';
import { internalSecret, loadSupervisorState, saveSupervisorState } from './supervisor-state.js';
import { TimelineRunner } from '../recette/timeline-runner.js';
import { EventLog } from '../session/events.js';
export { OUTAGE_KINDS, RESTART_KINDS } from './member.js';
/** How long shutdown waits for operations in flight before it removes the apps anyway. */
const DRAIN_TIMEOUT_MS = 10_000;
export class FleetSupervisor {
    fleet;
    pm;
    stateDir;
    roster;
    apps;
    journal = new OrderedJournal();
    clock = SYSTEM_CLOCK;
    mode = 'mock';
    /** Counts changes of the clock and mode (workers keep the newest they were given). */
    gen = 0;
    frontUrl = '';
    phase = 'starting';
    secret;
    daemonOwner = false;
    saved;
    queue = new LifecycleQueue();
    launcher;
    ports;
    markStarted;
    started = new Promise((r) => (this.markStarted = r));
    stopped = null;
    /** The timeline of events on the fleet clock (supervisor/timeline.ts). */
    timeline = new TimelineRunner(this);
    /** What the fleet did, on both clocks (supervisor/events.ts). */
    events = new EventLog(this);
    constructor(fleet, pm, stateDir) {
        this.fleet = fleet;
        this.pm = pm;
        this.stateDir = stateDir;
        mkdirSync(stateDir, { recursive: true });
        this.roster = new Roster(fleet.name);
        this.apps = new FleetApps(pm, pm2AppPrefix(fleet.name), stateDir);
        this.secret = internalSecret(stateDir);
        useInternalSecret(this.secret);
        this.saved = loadSupervisorState(stateDir);
        this.ports = new PortBook(fleet.workers, () => this.roster.all().map((m) => ({ host: m.spec.host, port: m.spec.port })));
        this.clock = this.saved?.clock ?? SYSTEM_CLOCK;
        this.mode = this.saved?.mode ?? 'mock';
        this.gen = this.saved?.gen ?? 0;
        this.launcher = new WorkerLauncher({
            fleet,
            pm,
            stateDir,
            secret: this.secret,
            frontUrl: () => this.frontUrl,
            settings: () => this.settings(),
            stopping: () => this.phase === 'stopping',
            raiseGen: (above) => (this.gen = Math.max(this.gen, above + 1)),
        });
        // Every MK6 of the fleet file (and, with pm2, those added in an earlier run) is known, with its port, before anything starts.
        this.roster.load(fleet, pm instanceof ExternalProcesses ? [] : (this.saved?.added ?? []));
        if (pm instanceof ExternalProcesses)
            for (const m of this.roster.all())
                pm.watch(m.app, m.spec.id, this.url(m));
    }
    /** Every MK6 of the fleet, by id. */
    get members() {
        return this.roster.members;
    }
    /** `pm2` (spawned here) or `external` (adopted: docs/engines.md). */
    get engine() {
        return this.pm instanceof ExternalProcesses ? 'external' : 'pm2';
    }
    get prefix() {
        return this.apps.prefix;
    }
    settings() {
        return { clock: this.clock, mode: this.mode, gen: this.gen };
    }
    /** Connects to pm2, adopts live workers of an earlier run, starts the others, waits for all. */
    async start(frontUrl, modeOverride) {
        try {
            return await this.queue.fleetWide(async () => {
                this.frontUrl = frontUrl;
                if (modeOverride && modeOverride !== this.mode)
                    this.changeSettings(this.clock, modeOverride);
                if (this.mode === 'production' && this.clock.source !== 'system')
                    this.changeSettings(SYSTEM_CLOCK, this.mode);
                await this.pm.connect();
                this.daemonOwner = this.pm.startedDaemon || (this.saved?.daemonOwner ?? false);
                const byApp = groupByName(await this.apps.all());
                for (const name of byApp.keys()) {
                    if (!this.roster.all().some((m) => m.app === name))
                        await this.pm.delete(name).catch(() => { });
                }
                await this.ports.assign(this.roster.all().map((m) => ({ spec: m.spec, adopted: byApp.get(m.app)?.[0] })));
                // A start rate matched to the cores: all at once only makes 250 node processes fight for 2 cores and queue in pm2.
                const results = await inBatches(this.roster.all(), START_CONCURRENCY, (m) => this.launcher.bringUp(m, byApp.get(m.app) ?? []));
                this.saveState();
                return { failed: results.filter((r) => r !== null) };
            });
        }
        finally {
            if (this.phase === 'starting')
                this.phase = 'running';
            this.markStarted();
        }
    }
    /** Resolves once the fleet has started; a control call waits at most `timeoutMs`, then FLEET_STARTING. */
    async whenRunning(timeoutMs) {
        if (this.phase === 'running')
            return;
        if (this.phase === 'stopping')
            throw errors.fleetStopping();
        let timer;
        const late = new Promise((r) => (timer = setTimeout(() => r('late'), timeoutMs)));
        const outcome = await Promise.race([this.started.then(() => 'started'), late]);
        clearTimeout(timer);
        if (outcome === 'late')
            throw errors.fleetStarting(timeoutMs, Math.max(1, Math.ceil(timeoutMs / 6000)));
        if (this.phase === 'stopping')
            throw errors.fleetStopping();
    }
    resolve(idOrAlias) {
        return this.roster.byName(idOrAlias);
    }
    url(member) {
        return this.launcher.url(member);
    }
    /** Provisioning an id the fleet does not have: a new worker on the next free port. */
    provisionNew(id, sites) {
        return this.queue.forMk6(id, async () => {
            this.assertServing();
            this.assertWritable();
            const existing = this.roster.byName(id);
            if (existing)
                return existing;
            if (this.engine === 'external')
                throw errors.mk6NotFound(id); // nothing is spawned: the fleet is the fleet file's
            const at = await this.ports.reserve();
            try {
                const member = this.roster.add({ id, aliases: [], host: at.host, port: at.port, sites, tokenEnv: null, line: 0 }, true);
                discardStateFile(this.stateDir, id); // an added MK6 starts blank, whatever an earlier run left
                const problem = await this.launcher.bringUp(member, await this.apps.named(member.app));
                this.saveState();
                if (problem)
                    throw errors.mk6Unreachable(id, problem);
                return member;
            }
            finally {
                this.ports.release(at);
            }
        });
    }
    /** A hard outage (supervisor/fleet/outages.ts): `refused` stops the process; `blackhole` / `reset` keep it, silent. */
    kill(member, kind = 'refused') {
        return this.onMember(member, () => killWorker(this, member, kind));
    }
    /** `warm`: the MK6 comes back as it was. `cold`: its planning is lost, as after a power cut (sites, identity, counter kept). */
    restart(member, kind = 'warm') {
        return this.onMember(member, () => restartWorker(this, member, kind));
    }
    /**
     * Freezes, steps or runs the fleet clock on every worker; answers who got it. `next` is
     * computed in turn, from the clock as the calls before it left it, at one real instant.
     */
    setClock(next) {
        return this.fleetOp(() => {
            const anchor = Date.now();
            const { clock, exact } = next(this.clock, anchor);
            this.events.clock(this.clock, clock, anchor);
            this.changeSettings(clock, this.mode);
            return this.broadcast('/mock/time', exact, { 'x-mk6-clock-anchor': String(anchor) });
        });
    }
    releaseClock() {
        return this.fleetOp(() => {
            this.events.clock(this.clock, SYSTEM_CLOCK, Date.now());
            this.changeSettings(SYSTEM_CLOCK, this.mode);
            return this.broadcast('/mock/time/release', {});
        });
    }
    setMode(mode) {
        return this.fleetOp(() => {
            this.events.record('mode', null, { mode });
            this.changeSettings(mode === 'production' ? SYSTEM_CLOCK : this.clock, mode);
            return this.broadcast('/supervision/mode', { mode });
        }, true);
    }
    /**
     * Back to the fleet file: added MK6s removed (workers deleted, state files gone), MK6s
     * that are down started again from a blank state, then every worker reset.
     */
    reset() {
        return this.fleetOp(async () => {
            const removed = [];
            for (const member of this.roster.all().filter((m) => m.added)) {
                await this.pm.delete(member.app).catch(() => { });
                this.roster.remove(member);
                discardStateFile(this.stateDir, member.spec.id);
                removed.push(member.spec.id);
            }
            const down = this.roster.all().filter((m) => m.status !== 'online');
            await Promise.all(down.map(async (m) => {
                const apps = await this.apps.named(m.app);
                if (apps.length)
                    await this.pm.delete(m.app).catch(() => { });
                discardStateFile(this.stateDir, m.spec.id);
                m.problem = null;
                await this.launcher.bringUp(m, []);
            }));
            this.changeSettings(SYSTEM_CLOCK, this.mode);
            this.journal.clear();
            for (const m of this.members.values())
                afterReset(m); // no outage; the fleet file's MK6 clock
            const workers = await this.broadcast('/mock/reset', {});
            this.events.record('reset', null, { removed, restarted: down.map((m) => m.spec.id) });
            return { removed, restarted: down.map((m) => m.spec.id), workers };
        });
    }
    /** pm2's view of every member, keyed by app name; a worker pm2 rebooted behind our back is given the fleet's clock. */
    async processes() {
        const list = await this.apps.recent();
        const byApp = new Map(list.map((p) => [p.name, p]));
        const view = this.engine === 'external' ? readExternalView : readPm2View; // the workers' own word, or pm2's
        view(this.roster.all(), byApp, (m) => this.queue.busy(m.spec.id), (m, oldPid, newPid) => {
            if (oldPid !== null && oldPid !== newPid)
                this.events.respawned(m.spec.id, oldPid, newPid, this.engine); // the same pid back is a listener reopened, not a new process
            void this.launcher.resync(m);
        });
        return byApp;
    }
    onlineMembers() {
        return this.roster.online();
    }
    /** Whether an operation on this MK6 is queued or running. */
    busy(member) {
        return this.queue.busy(member.spec.id);
    }
    /** The worker's own word on its process, clock and mode (null when it does not answer). */
    health(member, timeoutMs = 1000) {
        return this.launcher.health(member, timeoutMs);
    }
    /** Stops every worker of this fleet (ghosts included), and the pm2 daemon it started; in-flight ops end first (bounded), queued ones are refused. */
    shutdown() {
        this.stopped ??= (async () => {
            this.phase = 'stopping';
            if (this.engine === 'external')
                return this.saveState(); // the workers are their engine's: left running
            await this.apps.deleteAll(this.roster.all().map((m) => m.app), () => this.queue.drained(DRAIN_TIMEOUT_MS));
            if (this.pm.daemonAlive()) {
                const others = await this.pm.list('').catch(() => []);
                if (this.daemonOwner && others.length === 0)
                    await this.pm.killDaemon().catch(() => { });
            }
            else
                await stopOrphans(this.members.values(), this.stateDir);
            this.pm.disconnect();
            this.daemonOwner = false;
            this.saveState();
        })();
        return this.stopped;
    }
    // ── internals ────────────────────────────────────────────────────────────
    /** An operation on one MK6's process, in its queue; refused once the fleet stops, in production, or the MK6 is gone. */
    onMember(member, op) {
        return this.queue.forMk6(member.spec.id, async () => {
            this.assertServing();
            this.assertWritable();
            if (this.members.get(member.spec.id) !== member)
                throw errors.mk6NotFound(member.spec.id);
            return op();
        });
    }
    /** A fleet-wide write, ordered with every other; only the mode switch itself may run in production. */
    fleetOp(op, modeSwitch = false) {
        return this.queue.fleetWide(async () => {
            this.assertServing();
            if (!modeSwitch)
                this.assertWritable();
            return op();
        });
    }
    assertServing() {
        if (this.phase === 'stopping')
            throw errors.fleetStopping();
    }
    /** A write queued behind a switch to production is refused when its turn comes, as the workers would refuse it. */
    assertWritable() {
        if (this.mode === 'production')
            throw errors.productionWrite();
    }
    changeSettings(clock, mode) {
        this.clock = clock;
        this.mode = mode;
        this.gen++;
        this.saveState();
    }
    broadcast(path, body, headers = {}) {
        const [online, down] = [this.onlineMembers(), this.roster.all().filter((m) => m.status !== 'online')];
        return broadcast(online.map((m) => ({ id: m.spec.id, url: this.url(m) })), down.map((m) => ({ id: m.spec.id, status: m.status })), path, body, { ...headers, [FLEET_GEN_HEADER]: String(this.gen) });
    }
    saveState() {
        saveSupervisorState(this.stateDir, {
            version: 1,
            clock: this.clock,
            mode: this.mode,
            gen: this.gen,
            added: this.roster.all().filter((m) => m.added).map((m) => ({ id: m.spec.id, host: m.spec.host, port: m.spec.port, sites: m.spec.sites })),
            daemonOwner: this.daemonOwner,
        });
    }
}
