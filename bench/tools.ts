/** Bench plumbing: pinned processes, readiness, wrk runs, RSS. Loopback only; everything stops itself. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';

export const CLIENT_CPU = '0';
export const SERVER_CPU = '1';

export function pinnedNode(script: string, args: string[], env: Record<string, string | undefined>, cpu = SERVER_CPU): ChildProcess {
  // Output to /dev/null: an undrained pipe would stall the logging server and skew the figures.
  return spawn('taskset', ['-c', cpu, process.execPath, script, ...args], { env: { ...process.env, ...env }, stdio: 'ignore' });
}

export function pin(pid: number, cpu = SERVER_CPU): void {
  execFileSync('taskset', ['-a', '-cp', cpu, String(pid)], { stdio: 'ignore' });
}

export async function waitFor200(url: string, timeoutMs = 20_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`${url} not answering`);
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => ok(port));
    });
  });
}

export interface WrkResult {
  rps: number;
  p99ms: number;
  requests: number;
}

/** wrk on the client core; `lua` for POST bodies. */
export function wrk(url: string, connections: number, seconds: number, lua?: string): WrkResult {
  const args = ['-c', CLIENT_CPU, 'wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...(lua ? ['-s', lua] : []), url];
  const out = execFileSync('taskset', args, { encoding: 'utf8' });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const p99 = /99%\s+([\d.]+)(us|ms|s)\b/.exec(out);
  const p99ms = p99 ? Number(p99[1]) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[p99[2]] : NaN;
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  if (errors) throw new Error(`wrk saw ${errors[1]} error answers on ${url}:\n${out}`);
  return { rps, p99ms, requests };
}

/** CPU time (user + system) a process has used so far, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14 and 15)
}

/** wrk, plus the server's CPU per answered request: unlike req/s, it does not depend on how fast the client is. */
export function wrkWithCpu(pid: number, url: string, connections: number, seconds: number, lua?: string): WrkResult & { cpuUsPerRequest: number } {
  const before = cpuMs(pid);
  const r = wrk(url, connections, seconds, lua);
  return { ...r, cpuUsPerRequest: ((cpuMs(pid) - before) * 1000) / r.requests };
}

/**
 * Waits until these processes are idle (under 1 % of a core over 300 ms, at most 30 s): servers
 * pinned to one core measured one after the other must not pay for the previous one's tail (a
 * worker still syncing its state file, a GC) in the next one's figures.
 */
export async function untilQuiet(pids: number[], maxMs = 30_000, quietMs = 3): Promise<void> {
  const total = () => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  for (const until = Date.now() + maxMs; Date.now() < until; ) {
    const before = total();
    await new Promise((r) => setTimeout(r, 300));
    if (total() - before <= quietMs) return;
  }
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    child.once('exit', () => ok());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** Exactly `count` requests (half GET, half POST when a body is given) at `concurrency`, keep-alive. */
export async function sendExactly(base: string, getPath: string, post: { path: string; body: string } | null, count: number, concurrency = 32): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const one = (i: number) =>
    new Promise<void>((ok, fail) => {
      const isPost = post !== null && i % 2 === 1;
      const req = http.request(base + (isPost ? post.path : getPath), {
        method: isPost ? 'POST' : 'GET',
        agent,
        headers: isPost ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(post.body) } : {},
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => (res.statusCode! < 400 ? ok() : fail(new Error(`status ${res.statusCode}`))));
      });
      req.on('error', fail);
      req.end(isPost ? post.body : undefined);
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await one(next++);
    }),
  );
  agent.destroy();
}
