import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startWorkerServer } from "../../src/worker/server.js";
import { configFromEnv, quietLogger } from "./worker-app.js";
class MemoryProcesses {
  home = mkdtempSync(join(tmpdir(), "mk6-memory-pm-"));
  startedDaemon = false;
  apps = /* @__PURE__ */ new Map();
  alive = true;
  connected = false;
  /** As the supervisor expects it: `new FleetSupervisor(fleet, processes.asProcessManager(), dir)`. */
  asProcessManager() {
    return this;
  }
  /** The worker server behind an app (null when it is not running). */
  worker(name) {
    return this.apps.get(name)?.worker ?? null;
  }
  async connect() {
    if (!this.connected) this.startedDaemon = true;
    this.connected = true;
  }
  async start(spec) {
    this.assertAlive();
    const existing = this.apps.get(spec.name);
    if (existing?.status === "online") return;
    const app = existing ?? { spec, status: "stopped", worker: null, restarts: 0, startedAt: 0, problem: null };
    app.spec = spec;
    this.apps.set(spec.name, app);
    await this.boot(app);
  }
  async stop(name) {
    this.assertAlive();
    const app = this.known(name);
    await this.halt(app);
    app.status = "stopped";
  }
  async restart(name) {
    this.assertAlive();
    const app = this.known(name);
    await this.halt(app);
    app.restarts++;
    await this.boot(app);
  }
  async delete(name) {
    this.assertAlive();
    const app = this.known(name);
    this.apps.delete(name);
    await this.halt(app);
  }
  listRecent(prefix) {
    return this.list(prefix);
  }
  async list(prefix) {
    if (!this.connected) return [];
    this.assertAlive();
    const now = Date.now();
    return [...this.apps.entries()].filter(([name]) => name.startsWith(prefix)).map(([name, app]) => ({
      name,
      status: app.status,
      pid: app.status === "online" ? process.pid : null,
      restarts: app.restarts,
      memory_bytes: app.status === "online" ? process.memoryUsage().rss : 0,
      uptime_s: app.status === "online" ? Math.round((now - app.startedAt) / 1e3) : null,
      env: app.spec.env
    }));
  }
  daemonAlive() {
    return this.alive;
  }
  async killDaemon() {
    await this.stopAll();
    this.alive = false;
  }
  disconnect() {
    this.connected = false;
  }
  /** Ends every worker still running (the test's `after`, whatever the supervisor did). */
  async stopAll() {
    await Promise.all([...this.apps.values()].map((app) => this.halt(app)));
    this.apps.clear();
  }
  async boot(app) {
    const env = app.spec.env;
    try {
      app.worker = await startWorkerServer(configFromEnv(env), quietLogger({ mk6_id: env.MK6_ID }));
      app.status = "online";
      app.problem = null;
      app.startedAt = Date.now();
    } catch (err) {
      app.worker = null;
      app.status = "errored";
      app.problem = err.message;
    }
  }
  async halt(app) {
    const worker = app.worker;
    app.worker = null;
    if (!worker) return;
    await worker.close();
    worker.server.closeAllConnections();
  }
  known(name) {
    const app = this.apps.get(name);
    if (!app) throw new Error(`process or namespace ${name} not found`);
    return app;
  }
  assertAlive() {
    if (!this.alive) throw new Error("pm2: d\xE9mon absent");
  }
}
export {
  MemoryProcesses
};
