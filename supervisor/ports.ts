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

/**
 * The fleet's worker ports: those of the fleet file are known before anything starts; a
 * port of 0 gets a free one (a live worker of an earlier run keeps its own); a provisioned
 * MK6 gets the first free port above them all, reserved before the check that it is free,
 * so two provisions at once never get the same one, nor a port of the fleet file.
 */
export class PortBook {
  /** Ports handed to MK6s being provisioned, before they are members. */
  private readonly reserved = new Set<number>();

  constructor(
    private readonly host: string,
    /** The ports every member holds now. */
    private readonly used: () => number[],
  ) {}

  async assign(members: { spec: { port: number }; adopted?: { status: string; env: Record<string, string> } }[]): Promise<void> {
    const taken = new Set(this.used());
    for (const { spec, adopted } of members) {
      if (spec.port !== 0) continue;
      const earlier = Number(adopted?.env.MK6_PORT ?? 0);
      let port = adopted?.status === 'online' && earlier > 0 && !taken.has(earlier) ? earlier : 0;
      // The kernel may hand the same free port out twice in a row: never give it to two MK6s.
      while (port === 0 || taken.has(port)) port = await anyFreePort(this.host);
      taken.add(port);
      spec.port = port;
    }
  }

  async reserve(): Promise<number> {
    const used = new Set([...this.used(), ...this.reserved]);
    for (let port = Math.max(9100, ...used) + 1; port <= 65535; port++) {
      if (used.has(port)) continue;
      this.reserved.add(port);
      if (await isPortFree(this.host, port)) return port;
      this.reserved.delete(port);
      used.add(port);
    }
    for (;;) {
      const port = await anyFreePort(this.host);
      if (!this.reserved.has(port) && !this.used().includes(port)) {
        this.reserved.add(port);
        return port;
      }
    }
  }

  /** The MK6 holds it now (or never will): no longer a reservation. */
  release(port: number): void {
    this.reserved.delete(port);
  }
}
