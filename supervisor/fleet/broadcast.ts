/** A fleet-wide control sent to every running worker in parallel, under a timeout. */
import { requestJson } from '../../src/shared/http-client.js';

export interface BroadcastReport {
  total: number;
  ok: string[];
  failed: { mk6_id: string; error: string }[];
}

export interface BroadcastTarget {
  id: string;
  url: string;
}

/** Sends to every target; the MK6s that are down are reported as failed with their status. */
export async function broadcast(
  targets: BroadcastTarget[],
  down: { id: string; status: string }[],
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 2000,
): Promise<BroadcastReport> {
  const results = await Promise.all(
    targets.map(async (t) => {
      try {
        const res = await requestJson(`${t.url}${path}`, {
          method: 'POST',
          body: body ?? {},
          headers,
          timeoutMs,
        });
        if (res.status >= 400) {
          const err = res.body as { error?: string } | null;
          return { id: t.id, error: `${res.status} ${err?.error ?? ''}`.trim() };
        }
        return { id: t.id, error: null };
      } catch (err) {
        return { id: t.id, error: (err as Error).message };
      }
    }),
  );
  return {
    total: targets.length + down.length,
    ok: results.filter((r) => r.error === null).map((r) => r.id),
    failed: [...results.filter((r) => r.error !== null).map((r) => ({ mk6_id: r.id, error: r.error as string })), ...down.map((d) => ({ mk6_id: d.id, error: d.status }))],
  };
}
