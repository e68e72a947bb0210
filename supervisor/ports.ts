/** Port checks on this machine: is a port free, and which free one comes next. */
import net from 'node:net';

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
