/**
 * A ProcessManager without pm2: each "process" is a real worker server inside the test
 * process, started from the very environment the launcher hands pm2 (MK6_ID, MK6_PORT,
 * MK6_SITES_JSON, the secret…) and listening on the port the supervisor assigned. The
 * supervisor's own code (ports, launcher, lifecycle queue, broadcasts, journal) runs as is.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppSpec, AppStatus, ProcessManager } from '../../supervisor/fleet/process-manager.js';
import { startWorkerServer, type WorkerServer } from '../../src/worker/server.js';
import { configFromEnv, quietLogger } from './worker-app.js';

interface App {
  spec: AppSpec;
  status: 'online' | 'stopped' | 'errored';
  worker: WorkerServer | null;
  restarts: number;
  startedAt: number;
  /** Why the last start failed (a corrupt state file, a port taken). */
  problem: string | null;
}

/** Public face of ProcessManager (its privates aside): the supervisor cannot tell the difference. */
type Processes = { [K in keyof ProcessManager]: ProcessManager[K] };

export class MemoryProcesses implements Processes {
  readonly home = mkdtempSync(join(tmpdir(), 'mk6-memory-pm-'));
  startedDaemon = false;
  private readonly apps = new Map<string, App>();
  private alive = true;
  private connected = false;

  /** As the supervisor expects it: `new FleetSupervisor(fleet, processes.asProcessManager(), dir)`. */
  asProcessManager(): ProcessManager {
    return this as unknown as ProcessManager;
  }

  /** The worker server behind an app (null when it is not running). */
  worker(name: string): WorkerServer | null {
    return this.apps.get(name)?.worker ?? null;
  }

  async connect(): Promise<void> {
    if (!this.connected) this.startedDaemon = true;
    this.connected = true;
  }

  async start(spec: AppSpec): Promise<void> {
    this.assertAlive();
    const existing = this.apps.get(spec.name);
    if (existing?.status === 'online') return; // pm2 start of a running app: nothing to do
    const app: App = existing ?? { spec, status: 'stopped', worker: null, restarts: 0, startedAt: 0, problem: null };
    app.spec = spec;
    this.apps.set(spec.name, app);
    await this.boot(app);
  }

  async stop(name: string): Promise<void> {
    this.assertAlive();
    const app = this.known(name);
    await this.halt(app);
    app.status = 'stopped';
  }

  async restart(name: string): Promise<void> {
    this.assertAlive();
    const app = this.known(name);
    await this.halt(app);
    app.restarts++;
    await this.boot(app);
  }

  async delete(name: string): Promise<void> {
    this.assertAlive();
    const app = this.known(name);
    this.apps.delete(name);
    await this.halt(app);
  }

  listRecent(prefix: string): Promise<AppStatus[]> {
    return this.list(prefix);
  }

  async list(prefix: string): Promise<AppStatus[]> {
    if (!this.connected) return [];
    this.assertAlive();
    const now = Date.now();
    return [...this.apps.entries()]
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, app]) => ({
        name,
        status: app.status,
        pid: app.status === 'online' ? process.pid : null,
        restarts: app.restarts,
        memory_bytes: app.status === 'online' ? process.memoryUsage().rss : 0,
        uptime_s: app.status === 'online' ? Math.round((now - app.startedAt) / 1000) : null,
        env: app.spec.env,
      }));
  }

  daemonAlive(): boolean {
    return this.alive;
  }

  async killDaemon(): Promise<void> {
    await this.stopAll();
    this.alive = false;
  }

  disconnect(): void {
    this.connected = false;
  }

  /** Ends every worker still running (the test's `after`, whatever the supervisor did). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.apps.values()].map((app) => this.halt(app)));
    this.apps.clear();
  }

  private async boot(app: App): Promise<void> {
    const env = app.spec.env;
    try {
      app.worker = await startWorkerServer(configFromEnv(env), quietLogger({ mk6_id: env.MK6_ID }));
      app.status = 'online';
      app.problem = null;
      app.startedAt = Date.now();
    } catch (err) {
      // As pm2 leaves a worker that exited before it said ready (stop_exit_codes, or crashing): not online.
      app.worker = null;
      app.status = 'errored';
      app.problem = (err as Error).message;
    }
  }

  private async halt(app: App): Promise<void> {
    const worker = app.worker;
    app.worker = null;
    if (!worker) return;
    await worker.close();
    worker.server.closeAllConnections();
  }

  private known(name: string): App {
    const app = this.apps.get(name);
    if (!app) throw new Error(`process or namespace ${name} not found`);
    return app;
  }

  private assertAlive(): void {
    if (!this.alive) throw new Error('pm2: démon absent');
  }
}
