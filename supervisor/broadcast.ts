/** A fleet-wide control sent to every running worker in parallel, under a timeout. */
import { requestJson } from './http-client.js';
import type { FleetSupervisor } from './fleet.js';

export interface BroadcastReport {
  total: number;
  ok: string[];
  failed: { mk6_id: string; error: string }[];
}

export async function broadcast(
  fleet: FleetSupervisor,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 2000,
): Promise<BroadcastReport> {
  const members = fleet.onlineMembers();
  const results = await Promise.all(
    members.map(async (m) => {
      try {
        const res = await requestJson(`${fleet.url(m)}${path}`, {
          method: 'POST',
          body: body ?? {},
          headers: { 'x-mk6-internal': 'broadcast', ...headers },
          timeoutMs,
        });
        if (res.status >= 400) {
          const err = res.body as { error?: string } | null;
          return { id: m.spec.id, error: `${res.status} ${err?.error ?? ''}`.trim() };
        }
        return { id: m.spec.id, error: null };
      } catch (err) {
        return { id: m.spec.id, error: (err as Error).message };
      }
    }),
  );
  const down = [...fleet.members.values()].filter((m) => m.status !== 'online').map((m) => ({ mk6_id: m.spec.id, error: m.status }));
  return {
    total: fleet.members.size,
    ok: results.filter((r) => r.error === null).map((r) => r.id),
    failed: [...results.filter((r) => r.error !== null).map((r) => ({ mk6_id: r.id, error: r.error as string })), ...down],
  };
}
