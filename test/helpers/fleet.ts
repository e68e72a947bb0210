/**
 * Starts the real fleet for a test: the compiled supervisor, real pm2 with its own
 * PM2_HOME, real workers on ephemeral loopback ports, a temp state dir. `stop()` ends
 * what it started (the supervisor by pid, then that PM2_HOME's daemon by its pid file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SUPERVISOR = join(ROOT, 'dist/supervisor/main.js');

export interface FleetSiteDef {
  sycode: string;
  name: string;
  role: 'thissite' | 'nearsite';
  pmax_kw: number;
  prm_id?: string;
}

export interface FleetMk6Def {
  id: string;
  aliases?: string[];
  port?: number;
  sites: FleetSiteDef[];
  auth?: { token_env: string };
  [key: string]: unknown;
}

export interface FleetDef {
  name?: string;
  seed?: number;
  mk6: FleetMk6Def[];
  [key: string]: unknown;
}

export interface RunningFleet {
  url: string;
  pid: number;
  home: string;
  stateDir: string;
  fleetFile: string;
  ports: Record<string, number>;
  output: () => string;
  /** The worker URL of an MK6 (its own port). */
  worker: (id: string) => string;
  /** Restarts the supervisor alone on the same PM2_HOME, state dir and port. */
  respawn: () => Promise<void>;
  /** SIGKILLs the supervisor (its workers live on under pm2). */
  killSupervisor: () => Promise<void>;
  stop: () => Promise<void>;
}

/** The ROUVAI topology of seed scenario 1, as fleet.yaml has it. */
export const ROUVAI: FleetMk6Def[] = [
  { id: 'ROU1.1', aliases: ['MK6_ROU1.1'], sites: [
    { sycode: '8FV898VMwWX0', name: 'ROU1 PDL1', role: 'thissite', pmax_kw: 8340, prm_id: '50048589698480' },
    { sycode: '8FV898VPwW20', name: 'ROU1 PDL2', role: 'nearsite', pmax_kw: 8340, prm_id: '50035999249967' } ] },
  { id: 'ROU1.2', aliases: ['MK6_ROU1.2'], sites: [
    { sycode: '8FV899VJw7Q0', name: 'ROU1 PDL3', role: 'thissite', pmax_kw: 8340, prm_id: '50028763359904' } ] },
  { id: 'ROU1.3', aliases: ['MK6_ROU1.3'], sites: [
    { sycode: '8FV8C98VwC40', name: 'ROU1 PDL6bis', role: 'thissite', pmax_kw: 11120, prm_id: '50055536152901' } ] },
  { id: 'ROU2', aliases: ['MK6_ROU2'], sites: [
    { sycode: '8FV8CCX2w7X0', name: 'ROU2 PDL10', role: 'thissite', pmax_kw: 11120, prm_id: '50048300262939' },
    { sycode: '8FV8C9MWwHJ0', name: 'ROU2 PDL8', role: 'nearsite', pmax_kw: 11120, prm_id: '50015159886785' },
    { sycode: '8FV8C9MWwHH0', name: 'ROU2 PDL5', role: 'nearsite', pmax_kw: 11120, prm_id: '50049023851893' },
    { sycode: '8FV8CCX2w7W0', name: 'ROU2 PDL9', role: 'nearsite', pmax_kw: 11120, prm_id: '50048155545173' } ] },
  { id: 'VAI', aliases: ['MK6_VAI'], sites: [
    { sycode: '8FV897G6wGQ0', name: 'VAI PDL4', role: 'thissite', pmax_kw: 8340, prm_id: '50048444980651' },
    { sycode: '8FV897G6wGQ1', name: 'VAI PDL3', role: 'nearsite', pmax_kw: 11120, prm_id: '50014581015503' },
    { sycode: '8FV89688wQW0', name: 'VAI PDL2', role: 'nearsite', pmax_kw: 11120, prm_id: '50048155545061' },
    { sycode: '8FV89688wQV0', name: 'VAI PDL1', role: 'nearsite', pmax_kw: 8340, prm_id: '50055391435158' } ] },
];

export async function startFleet(
  def: FleetDef = { mk6: ROUVAI },
  options: { args?: string[]; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunningFleet> {
  const base = mkdtempSync(join(tmpdir(), 'mk6-fleet-'));
  const home = join(base, 'pm2');
  const stateDir = join(base, 'state');
  const fleetFile = join(base, 'fleet.yaml');
  const doc = { name: def.name ?? 'test', seed: def.seed ?? 42, proxy: { host: '127.0.0.1', port: 0 }, workers: { host: '127.0.0.1', base_port: 0 }, ...def };
  writeFileSync(fleetFile, stringify(doc));
  const env = { ...process.env, PM2_HOME: home, ...options.env };
  let child: ChildProcess;
  let log = '';
  let url = '';
  let pid = 0;
  let ports: Record<string, number> = {};

  const launch = async (extra: string[]) => {
    child = spawn(process.execPath, [SUPERVISOR, '--fleet', fleetFile, '--state-dir', stateDir, ...extra, ...(options.args ?? [])], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    pid = child.pid ?? 0;
    const ready = await new Promise<{ proxy: string; mk6: { id: string; port: number }[] }>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`fleet not ready in time:\n${log}`)), options.timeoutMs ?? 60_000);
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        const line = log.split('\n').find((l) => l.startsWith('{"event":"ready"'));
        if (line) {
          clearTimeout(timer);
          ok(JSON.parse(line));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`supervisor exited with ${code}:\n${log}`));
      });
    });
    url = ready.proxy;
    ports = Object.fromEntries(ready.mk6.map((m) => [m.id, m.port]));
  };
  const exited = () => new Promise<void>((ok) => (child.exitCode !== null || child.signalCode !== null ? ok() : child.once('exit', () => ok())));

  await launch([]);
  const fleet: RunningFleet = {
    get url() { return url; },
    get pid() { return pid; },
    home,
    stateDir,
    fleetFile,
    get ports() { return ports; },
    output: () => log,
    worker: (id) => `http://127.0.0.1:${ports[id]}`,
    respawn: async () => {
      log = '';
      await launch(['--port', new URL(url).port]);
    },
    killSupervisor: async () => {
      child.kill('SIGKILL');
      await exited();
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited(), new Promise((r) => (timer = setTimeout(r, 15_000)))]);
        clearTimeout(timer); // else it holds the test process 15 s after every fleet
      }
      killDaemon(home);
      rmSync(base, { recursive: true, force: true });
    },
  };
  return fleet;
}

/** The pm2 daemon of our own PM2_HOME, by its pid file: never anyone else's. */
function killDaemon(home: string): void {
  const pidFile = join(home, 'pm2.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    if (pid > 0) process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** A JSON call; `path` is appended to `base`. */
export async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** Polls `check` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 20;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(200, delay * 2);
  }
}
