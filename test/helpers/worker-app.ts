/**
 * The real MK6 worker inside the test process: the server main.ts builds (runtime on its
 * state file, fast lane, Koa app), on 127.0.0.1:0 with a temp state dir. Same handle as
 * worker-process.ts for every test that exercises routes and the model, not a process:
 * `restart()` is a graceful stop and a new start on the same state dir; there is no SIGKILL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { checkedSites } from '../../src/config/sites-file.js';
import { createLogger, type Logger } from '../../src/shared/log.js';
import { SECRET_ENV } from '../../src/shared/internal.js';
import { parseConditionList } from '../../src/worker/network/state.js';
import { clockFromEnv } from '../../src/contract/mk6-clock.js';
import { startWorkerServer, type WorkerServer, type WorkerServerConfig } from '../../src/worker/server.js';
import { request, type StartOptions, type WorkerHandle } from './worker-process.js';

export { api, assertError, mock, provision, request, setTime, type HttpResponse, type SiteSpec, type StartOptions, type WorkerHandle } from './worker-process.js';

/** Each worker's lock on its state file is released at exit: many in one process is not a leak. */
process.setMaxListeners(0);

/** Logs go nowhere unless LOG_LEVEL asks for them (then to stderr, out of the test reporter's stdout). */
export function quietLogger(base: Record<string, unknown> = {}): Logger {
  const level = process.env.LOG_LEVEL ?? 'silent';
  const destination = level === 'silent' ? new Writable({ write: (_c, _e, done) => done() }) : process.stderr;
  return createLogger({ level, base, destination });
}

/** The worker's configuration from the environment pm2 (or the caller) gives it, read as main.ts reads it. */
export function configFromEnv(env: Record<string, string | undefined>): WorkerServerConfig {
  const tokenEnv = env.MK6_TOKEN_ENV;
  return {
    id: env.MK6_ID ?? '',
    aliases: (env.MK6_ALIASES ?? '').split(',').filter(Boolean),
    host: env.MK6_HOST ?? '127.0.0.1',
    port: Number(env.MK6_PORT ?? 0),
    seed: Number(env.MK6_SEED ?? 1) | 0,
    initialSites: env.MK6_SITES_JSON ? checkedSites(JSON.parse(env.MK6_SITES_JSON), 'MK6_SITES_JSON') : [],
    initialNetwork: env.MK6_NETWORK_JSON ? parseConditionList(JSON.parse(env.MK6_NETWORK_JSON), 'MK6_NETWORK_JSON') : [],
    initialClock: clockFromEnv(env.MK6_CLOCK_JSON),
    stateDir: env.MK6_STATE_DIR ?? '.fleet-state',
    initialToken: tokenEnv ? env[tokenEnv] || null : null,
    supervisorUrl: env.MK6_SUPERVISOR_URL || null,
    internalSecret: env[SECRET_ENV] || null,
  };
}

/** Read by the worker from its own process environment (not its configuration). */
const PROCESS_ENV_KEYS = ['MK6_FAST_LANE'];
let booting: Promise<unknown> = Promise.resolve();

/** Starts run one at a time while `env`'s process-wide keys are set, so two workers never see each other's. */
function withProcessEnv<T>(env: Record<string, string>, start: () => Promise<T>): Promise<T> {
  const run = booting.then(async () => {
    const saved = PROCESS_ENV_KEYS.map((k) => [k, process.env[k]] as const);
    for (const k of PROCESS_ENV_KEYS) if (env[k] === undefined) delete process.env[k]; else process.env[k] = env[k];
    try {
      return await start();
    } finally {
      for (const [k, v] of saved) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  });
  booting = run.catch(() => {});
  return run;
}

/** Starts the worker in process; `opts.env` is read as the worker process reads its environment. */
export async function startWorker(opts: StartOptions): Promise<WorkerHandle & { readonly server: WorkerServer }> {
  const ownsDir = opts.stateDir === undefined;
  const stateDir = opts.stateDir ?? mkdtempSync(join(tmpdir(), `mk6-app-${opts.id}-`));
  const env: Record<string, string> = { MK6_ID: opts.id, MK6_STATE_DIR: stateDir, ...(opts.aliases?.length ? { MK6_ALIASES: opts.aliases.join(',') } : {}), ...(opts.sites ? { MK6_SITES_JSON: JSON.stringify(opts.sites) } : {}), ...opts.env };
  const boot = () => withProcessEnv(env, () => startWorkerServer(configFromEnv(env), quietLogger({ mk6_id: opts.id })));
  let running: WorkerServer | null = null;
  try {
    running = await boot();
  } catch (err) {
    if (ownsDir) rmSync(stateDir, { recursive: true, force: true });
    throw err;
  }
  const halt = async () => {
    const r = running;
    running = null;
    if (!r) return;
    await r.close();
    r.server.closeAllConnections();
  };
  const live = () => {
    if (!running) throw new Error(`worker ${opts.id} is not running`);
    return running;
  };
  const handle = {
    id: opts.id,
    stateDir,
    get server() {
      return live();
    },
    get port() {
      return live().port;
    },
    get url() {
      return `http://127.0.0.1:${live().port}`;
    },
    get pid() {
      live();
      return process.pid;
    },
    stderr: '',
    http: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => request(handle.url, method, path, body, headers),
    async stop() {
      await halt();
      if (ownsDir) rmSync(stateDir, { recursive: true, force: true });
    },
    kill9(): Promise<void> {
      throw new Error('an in-process worker cannot be killed: use test/helpers/worker-process.ts');
    },
    async restart() {
      await halt();
      running = await boot();
    },
  };
  return handle;
}

/** Starts a worker that is stopped (and its temp dir removed) when test `t` ends. */
export async function startFor(t: { after(fn: () => unknown): void }, opts: StartOptions): Promise<WorkerHandle & { readonly server: WorkerServer }> {
  const worker = await startWorker(opts);
  t.after(() => worker.stop());
  return worker;
}
