/**
 * A small typed, promise-based face of pm2's programmatic API, bound to one PM2_HOME.
 * The rest of the supervisor never sees pm2 callbacks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from './pids.js';
const require = createRequire(import.meta.url);
const pm2Module = require('pm2');
/** pm2 exits a worker with this code, and must then leave it down: its state file is corrupt. */
export const EXIT_CORRUPT_STATE = 78;
/** Longer than pm2's own wait for a worker's ready (listen_timeout) plus its kill_timeout. */
const PM2_CALL_TIMEOUT_MS = 20_000;
export class ProcessManager {
    home;
    pm2;
    /** Whether connecting started the daemon (then stopping the fleet stops it too). */
    startedDaemon = false;
    /**
     * Set by connect(). Before it, no call reaches pm2: pm2's API would start a daemon of its
     * own for a call made before connect (seen: two daemons on one PM2_HOME, then every call hung).
     */
    connection = null;
    recent = null;
    constructor(home = process.env.PM2_HOME || join(homedir(), '.pm2')) {
        this.home = home;
        this.pm2 = new pm2Module.custom({ pm2_home: home, daemon_mode: true });
    }
    connect() {
        this.connection ??= new Promise((resolve, reject) => this.pm2.connect((err, meta) => {
            if (err)
                return reject(err);
            this.startedDaemon = meta?.new_pm2_instance === true;
            resolve();
        }));
        return this.connection;
    }
    start(app) {
        return this.call((cb) => this.pm2.start({
            name: app.name,
            script: app.script,
            args: app.args,
            env: app.env,
            exec_mode: 'fork',
            interpreter: process.execPath,
            node_args: app.nodeArgs ?? [],
            autorestart: true,
            // A killed MK6 is a rebooting MK6: back at once, however often the chaos tests kill it.
            restart_delay: 0,
            min_uptime: 200,
            max_restarts: 100_000,
            stop_exit_codes: [EXIT_CORRUPT_STATE],
            kill_timeout: 3000,
            wait_ready: true,
            listen_timeout: 10_000,
            merge_logs: true,
            time: true,
            // Nothing of pm2's own inside the worker: its metrics agent (pm2-io-bpm) alone weighs
            // ~20 MiB and slows every start; git metadata and source maps are of no use here.
            pmx: false,
            automation: false,
            vizion: false,
            disable_source_map_support: true,
        }, cb));
    }
    stop(name) {
        return this.call((cb) => this.pm2.stop(name, cb));
    }
    restart(name) {
        return this.call((cb) => this.pm2.restart(name, cb));
    }
    delete(name) {
        return this.call((cb) => this.pm2.delete(name, cb));
    }
    /**
     * pm2's list as of at most `maxAgeMs` ago, one call shared by every caller: for polling
     * (a start's health wait, the inventory, the refresh loop). A list is the daemon's most
     * expensive answer (every app's whole environment): 50 starting workers polling it each
     * kept the daemon busy. Decisions that follow a change use list() instead.
     */
    listRecent(prefix, maxAgeMs = 250) {
        const now = Date.now();
        if (!this.recent || now - this.recent.at > maxAgeMs) {
            const all = this.list('');
            this.recent = { at: now, all };
            all.catch(() => {
                if (this.recent?.all === all)
                    this.recent = null;
            });
        }
        return this.recent.all.then((all) => all.filter((p) => p.name.startsWith(prefix)));
    }
    async list(prefix) {
        if (!this.connection)
            return []; // not connected yet: no app of ours is known
        await this.connection;
        // Bounded like every call: a daemon that died leaves pm2's client waiting for ever.
        let all = [];
        await this.callNow((cb) => this.pm2.list((err, list) => {
            all = list ?? [];
            cb(err);
        }), PM2_CALL_TIMEOUT_MS);
        const now = Date.now();
        return all
            .filter((p) => p.name.startsWith(prefix))
            .map((p) => {
            const env = p.pm2_env ?? {};
            const status = String(env.status ?? 'unknown');
            const online = status === 'online';
            return {
                name: p.name,
                status,
                pid: online && p.pid ? p.pid : null,
                restarts: Number(env.restart_time ?? 0),
                memory_bytes: online ? Number(p.monit?.memory ?? 0) : 0,
                uptime_s: online && env.pm_uptime ? Math.max(0, Math.round((now - Number(env.pm_uptime)) / 1000)) : null,
                env: (env.env ?? {}),
            };
        });
    }
    /** Whether this PM2_HOME's daemon is alive: its pid file names a running process (a killed, unreaped one answers nothing). */
    daemonAlive() {
        try {
            return isRunning(Number(readFileSync(join(this.home, 'pm2.pid'), 'utf8')));
        }
        catch {
            return false;
        }
    }
    killDaemon() {
        return this.call((cb) => this.pm2.killDaemon(cb));
    }
    disconnect() {
        if (this.connection)
            this.pm2.disconnect();
    }
    /**
     * pm2 may never call back (seen: a restart whose new process is SIGKILLed before it says
     * ready): give up after a while, so no caller, nor the lock it holds, waits forever.
     */
    async call(run, timeoutMs = PM2_CALL_TIMEOUT_MS) {
        if (!this.connection)
            throw new Error('pm2: pas connecté');
        await this.connection;
        this.recent = null; // a change: the next poll asks pm2 afresh
        try {
            return await this.callNow(run, timeoutMs);
        }
        finally {
            this.recent = null;
        }
    }
    callNow(run, timeoutMs) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`pm2 ne répond pas après ${timeoutMs} ms`)), timeoutMs);
            run((err) => {
                clearTimeout(timer);
                if (err)
                    reject(err);
                else
                    resolve();
            });
        });
    }
}
