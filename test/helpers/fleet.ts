/**
 * Starts the real fleet for a test: the compiled supervisor, real pm2 with its own
 * PM2_HOME, real workers on ephemeral loopback ports, a temp state dir. `stop()` ends
 * what it started (the supervisor by pid, then that PM2_HOME's daemon by its pid file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { call, jsonOrText, send, type Answer } from './http.js';
import { packageRoot } from '../../src/shared/package-root.js';

const ROOT = packageRoot(import.meta.url);
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
  /** SIGTERMs the supervisor and waits for it to exit (nothing cleaned up behind it); its exit code. */
  terminate: () => Promise<number | null>;
  /** SIGKILLs the supervisor (its workers live on under pm2). */
  killSupervisor: () => Promise<void>;
  stop: () => Promise<void>;
}

/** A fleet of `n` MK6 of one site each (`M1`…, sycodes `S1`…): the scale bench's and the 250-MK6 page test's. */
export function scaleFleet(n: number): FleetMk6Def[] {
  return Array.from({ length: n }, (_, i) => ({ id: `M${i + 1}`, sites: [{ sycode: `S${i + 1}`, name: `Site ${i + 1}`, role: 'thissite' as const, pmax_kw: 10000 }] }));
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
  options: {
    args?: string[];
    env?: Record<string, string>;
    timeoutMs?: number;
    /** How long `stop()` waits for the supervisor to stop its workers before it ends it (default 15 s). */
    stopTimeoutMs?: number;
    /** `ready` (default): until GET /readyz is 200; `started`: until /readyz says the start is over; `front`: as soon as GET /healthz answers. */
    waitFor?: 'ready' | 'started' | 'front';
  } = {},
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
    // The kernel may hand out again a port the test already chose for an MK6: never give it to the proxy.
    const workerPorts = new Set(def.mk6.map((m) => m.port).filter((p): p is number => typeof p === 'number'));
    let port = portArg([...extra, ...(options.args ?? [])]) ?? (await freePort());
    while (workerPorts.has(port)) port = await freePort();
    const portFlag = portArg(options.args ?? []) === null && portArg(extra) === null ? ['--port', String(port)] : [];
    child = spawn(process.execPath, [SUPERVISOR, '--fleet', fleetFile, '--state-dir', stateDir, ...portFlag, ...extra, ...(options.args ?? [])], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    pid = child.pid ?? 0;
    url = `http://127.0.0.1:${port}`;
    child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    // As a script would: poll over HTTP, never a line on stdout.
    const waitFor = options.waitFor ?? 'ready';
    const probe = waitFor === 'front' ? '/healthz' : '/readyz';
    // `started`: the start is over, whatever came of it (a corrupt state file leaves its MK6 errored, the fleet not ready).
    const done = waitFor === 'started' ? (status: number, body: any) => status === 200 || body?.phase === 'running' : undefined;
    const gone = new Promise<never>((_, fail) => child.once('exit', (code) => fail(new Error(`supervisor exited with ${code}:\n${log}`))));
    gone.catch(() => {});
    await Promise.race([gone, untilAnswers(url + probe, options.timeoutMs ?? 60_000, () => log, done)]);
    const inventory = (await call(url, 'GET', '/supervision/api/inventory')).body as { mk6: { mk6_id: string; network: { port: number } }[] };
    ports = Object.fromEntries(inventory.mk6.map((m) => [m.mk6_id, m.network.port]));
  };
  const exited = () => new Promise<void>((ok) => (child.exitCode !== null || child.signalCode !== null ? ok() : child.once('exit', () => ok())));

  try {
    await launch([]);
  } catch (err) {
    // Not started in time: end what was started all the same (the caller has no handle to stop it).
    if (child! && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited(), new Promise((r) => (timer = setTimeout(r, 30_000)))]);
      clearTimeout(timer);
    }
    killDaemon(home);
    rmSync(base, { recursive: true, force: true });
    throw err;
  }
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
    terminate: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited();
      }
      return child.exitCode;
    },
    killSupervisor: async () => {
      child.kill('SIGKILL');
      await exited();
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited(), new Promise((r) => (timer = setTimeout(r, options.stopTimeoutMs ?? 15_000)))]);
        clearTimeout(timer); // else it holds the test process 15 s after every fleet
      }
      killDaemon(home);
      // A supervisor still stopping when its daemon is gone would wait for it forever (and hold this test process).
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited();
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
  return fleet;
}

function portArg(args: string[]): number | null {
  const i = args.indexOf('--port');
  return i >= 0 && args[i + 1] !== undefined && Number(args[i + 1]) > 0 ? Number(args[i + 1]) : null;
}

/** A loopback port the kernel says is free now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = net.createServer();
    server.once('error', fail);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => ok(port));
    });
  });
}

/**
 * A loopback URL nothing listens on (ECONNREFUSED): port 1 lies outside the ephemeral range
 * every test's port comes from, so no test running beside it can be handed it meanwhile, as a
 * port found free and closed again can.
 */
export const NOBODY_URL = 'http://127.0.0.1:1';

/** `n` distinct free loopback ports (the kernel may give the same free port twice in a row). */
export async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** Polls `url` until it answers 200 (connection refused and 503 mean: not yet). */
export async function untilAnswers(
  url: string,
  timeoutMs: number,
  log: () => string = () => '',
  done: (status: number, body: any) => boolean = (status) => status === 200,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await send(url, 'GET', '', { timeoutMs: 2000 });
      if (done(res.status, jsonOrText(res.text))) return;
      last = `${res.status} ${res.text.slice(0, 500)}`;
    } catch (err) {
      last = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} not 200 in ${timeoutMs} ms (${last}):\n${log()}`);
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

export { call, type Answer };

/** Polls `check` until it returns a value (not undefined) or the time is up: at once, then every 20 to 50 ms. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 20;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(50, delay * 2);
  }
}

/**
 * What a gateway re-sends after a cold restart: the setpoints it planned that are not over at
 * `now` and that the MK6's planning (`held`) no longer has.
 */
export function lostSetpoints(planned: Record<string, unknown>[], held: { psetpoint: number; end_time: string }[], now: string): Record<string, unknown>[] {
  return planned.filter((req) => Date.parse(String(req.end_time)) > Date.parse(now) && !held.some((r) => r.psetpoint === req.psetpoint && r.end_time === req.end_time));
}
