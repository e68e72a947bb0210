/** Port checks on this machine: is a port free, and which free one comes next. */
import net from 'node:net';
import type { Fleet } from './fleet-file.js';
import { workerUrl } from '../src/http/views.js';
import { requestJson } from './http-client.js';
import { SECRET_HEADER } from '../src/http/internal.js';

export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the kernel says is free now (port 0), for fleets that ask for any port. */
export function anyFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The first free port above every port in use by the fleet. */
export async function nextFreePort(host: string, used: Iterable<number>): Promise<number> {
  let port = Math.max(9100, ...used) + 1;
  while (port <= 65535) {
    if (await isPortFree(host, port)) return port;
    port++;
  }
  return anyFreePort(host);
}

/**
 * The fleet file's fixed worker ports that something else already holds on this machine,
 * as `file:line mk6[i].port: …` faults, checked before anything starts. A port held by this
 * very MK6's worker of an earlier run (its supervisor died) is not a fault: it is adopted.
 */
export async function portsTaken(fleet: Fleet, secret: string | null): Promise<string[]> {
  const problems = await Promise.all(
    fleet.mk6.map(async (spec, i) => {
      if (spec.port === 0 || (await isPortFree(fleet.workers.host, spec.port))) return null;
      // With the fleet's secret, a worker in a kill outage (blackhole, reset) still says who it is.
      const path = secret ? '/_worker/health' : '/healthz';
      const headers: Record<string, string> = secret ? { [SECRET_HEADER]: secret } : {};
      const health = await requestJson(`${workerUrl(fleet.workers.host, spec.port)}${path}`, { timeoutMs: 1000, headers }).catch(() => null);
      if (health?.status === 200 && (health.body as { mk6_id?: unknown } | null)?.mk6_id === spec.id) return null;
      return `${fleet.file}:${spec.line} mk6[${i}].port: port ${spec.port} déjà pris sur cette machine (${spec.id})`;
    }),
  );
  return problems.filter((p): p is string => p !== null);
}
