/**
 * Runs one real MK6 worker process for a test: `node dist/worker.cjs --port 0` (the bundle pm2 runs), waits
 * for its "listening" JSON line on stdout (no sleeps), and talks to it over HTTP (./http.ts).
 * Processes are only ever signalled by their own pid; a safety net kills any worker still
 * alive when the test process exits.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { request, type HttpResponse } from './http.js';
import { packageRoot } from '../../src/shared/package-root.js';

/** dist/test/helpers/worker-process.js → dist/worker.cjs: the bundle pm2 runs, not the compiled sources. */
export const WORKER_SCRIPT = join(packageRoot(import.meta.url), 'dist/worker.cjs');

const START_TIMEOUT_MS = 15_000;

export interface SiteSpec {
  sycode: string;
  name: string;
  role: 'thissite' | 'nearsite';
  pmax_kw: number;
  prm_id?: string;
}

export interface StartOptions {
  id: string;
  /** Initial sites (the worker's "fleet file" sites, where /mock/reset returns to). */
  sites?: SiteSpec[];
  aliases?: string[];
  /** Reuse a state dir (e.g. a restart by hand); default: a fresh temp dir. */
  stateDir?: string;
  env?: Record<string, string>;
}

export { request, type HttpResponse };

export interface WorkerHandle {
  readonly id: string;
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly stateDir: string;
  /** Everything the current process wrote on stderr so far. */
  readonly stderr: string;
  /** `body`: an object is sent as JSON, a string is sent as is (for malformed JSON). */
  http(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResponse>;
  /** SIGTERM, wait for the exit, then remove the temp state dir if this helper made it. */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit; the state dir stays. */
  kill9(): Promise<void>;
  /** Starts a new process on the same id, sites, aliases and state dir (stops a live one first). */
  restart(): Promise<void>;
}

/** Raised when the worker exits before it listens (e.g. a corrupt state file). */
export class WorkerExitError extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly stderr: string,
  ) {
    super(`worker exited before listening (code ${exitCode}, signal ${signal}): ${stderr.trim()}`);
    this.name = 'WorkerExitError';
  }
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
});

interface Running {
  child: ChildProcess;
  port: number;
  exited: Promise<void>;
  stderr: () => string;
}

function spawnWorker(opts: StartOptions, stateDir: string): Promise<Running> {
  const args = [WORKER_SCRIPT, '--id', opts.id, '--port', '0', '--state-dir', stateDir];
  if (opts.aliases?.length) args.push('--aliases', opts.aliases.join(','));
  // Hermetic: no MK6_* from the caller's environment (supervisor URL, token, sites…) leaks in.
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('MK6_')) env[k] = v;
  if (opts.sites) env.MK6_SITES_JSON = JSON.stringify(opts.sites);
  Object.assign(env, opts.env);
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => (live.delete(child), done())));

  return new Promise<Running>((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
      rejectStart(new Error(`worker ${opts.id} did not listen within ${START_TIMEOUT_MS} ms: ${stderr}`));
    }, START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      let msg: { msg?: string; port?: number };
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      if (msg.msg === 'listening' && typeof msg.port === 'number') {
        clearTimeout(timer);
        resolveStart({ child, port: msg.port, exited, stderr: () => stderr });
      }
    });
    // 'close' comes after the exit and after stderr has drained: the message is complete.
    child.once('close', (code, sig) => {
      clearTimeout(timer);
      rejectStart(new WorkerExitError(code, sig, stderr));
    });
  });
}

export async function startWorker(opts: StartOptions): Promise<WorkerHandle> {
  const ownsDir = opts.stateDir === undefined;
  const stateDir = opts.stateDir ?? mkdtempSync(join(tmpdir(), `mk6-test-${opts.id}-`));
  let running: Running | null;
  try {
    running = await spawnWorker(opts, stateDir);
  } catch (err) {
    if (ownsDir) rmSync(stateDir, { recursive: true, force: true });
    throw err;
  }

  const signal = async (sig: NodeJS.Signals) => {
    const r = running;
    if (!r) return;
    running = null;
    if (r.child.exitCode === null && r.child.signalCode === null) process.kill(r.child.pid!, sig);
    await r.exited;
  };

  const handle: WorkerHandle = {
    id: opts.id,
    stateDir,
    get port() {
      if (!running) throw new Error(`worker ${opts.id} is not running`);
      return running.port;
    },
    get url() {
      return `http://127.0.0.1:${handle.port}`;
    },
    get pid() {
      if (!running) throw new Error(`worker ${opts.id} is not running`);
      return running.child.pid!;
    },
    get stderr() {
      return running?.stderr() ?? '';
    },
    http: (method, path, body, headers) => request(handle.url, method, path, body, headers),
    async stop() {
      await signal('SIGTERM');
      if (ownsDir) rmSync(stateDir, { recursive: true, force: true });
    },
    kill9: () => signal('SIGKILL'),
    async restart() {
      await signal('SIGTERM');
      running = await spawnWorker(opts, stateDir);
    },
  };
  return handle;
}

/** Provisions a worker's MK6 through its own mock API and checks the answer. */
export async function provision(worker: WorkerHandle, sites: SiteSpec[]): Promise<HttpResponse> {
  const res = await worker.http('POST', `/mock/mk6/${worker.id}/provision`, { sites });
  if (res.status !== 200) throw new Error(`provision ${worker.id} → ${res.status} ${res.text}`);
  return res;
}

/** Freezes the worker's clock at an ISO instant. */
export async function setTime(worker: WorkerHandle, now: string): Promise<HttpResponse> {
  const res = await worker.http('POST', '/mock/time', { now });
  if (res.status !== 200) throw new Error(`/mock/time ${now} → ${res.status} ${res.text}`);
  return res;
}

/** Starts a worker that is stopped (and its temp dir removed) when test `t` ends. */
export async function startFor(t: { after(fn: () => unknown): void }, opts: StartOptions): Promise<WorkerHandle> {
  const worker = await startWorker(opts);
  t.after(() => worker.stop());
  return worker;
}

/** `/api/v1/mk6/{id}/{sub}` on the worker (or on one of its aliases). */
export function api(worker: WorkerHandle, method: string, sub: string, body?: unknown, headers?: Record<string, string>, id = worker.id) {
  return worker.http(method, `/api/v1/mk6/${id}/${sub}`, body, headers);
}

/** `/mock/mk6/{id}/{sub}` on the worker (or on one of its aliases). */
export function mock(worker: WorkerHandle, method: string, sub: string, body?: unknown, id = worker.id) {
  return worker.http(method, `/mock/mk6/${id}/${sub}`, body);
}

/** Asserts the contract's error body: `{error, code, message, details}` (details: a subset). */
export function assertError(res: HttpResponse, status: number, code: string, details?: Record<string, unknown>): void {
  assert.equal(res.status, status, `status: ${res.text}`);
  assert.equal(res.body?.error, code, `error: ${res.text}`);
  assert.equal(res.body.code, status);
  assert.equal(typeof res.body.message, 'string');
  assert.ok(res.body.details && typeof res.body.details === 'object', `details: ${res.text}`);
  for (const [k, v] of Object.entries(details ?? {})) assert.deepEqual(res.body.details[k], v, `details.${k}`);
}
