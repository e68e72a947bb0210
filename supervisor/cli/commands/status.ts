/** `status`: the fleet's MK6s, processes, outages, network, clock and timeline. */
import { call, out, type Command } from '../context.js';

export const status: Command = async (_args, o) => {
  const [inv, clock, timeline] = await Promise.all([call(o, 'GET', '/mock/mk6'), call(o, 'GET', '/supervision/api/time'), call(o, 'GET', '/mock/timeline').catch(() => null)]);
  out(o, { inventory: inv, clock, timeline }, () => statusText(inv, clock, timeline));
};

function statusText(inv: unknown, clock: unknown, timeline: unknown): string {
  const c = clock as { now: string; source: string; speed?: number };
  const lines = [`horloge: ${c.now} (${c.source}${c.speed ? ` ×${c.speed}` : c.source === 'mock' ? ', figée' : ''})`];
  for (const m of (inv as { mk6: Record<string, any>[] }).mk6) {
    const net = (m.network_conditions ?? []).map((n: { name: string; type: string }) => `${n.name}:${n.type}`).join(',');
    lines.push(
      [m.mk6_id.padEnd(10), String(m.network?.url ?? '').padEnd(24), String(m.process?.status ?? '').padEnd(8), m.online ? 'online' : 'OFFLINE', m.outage ? `outage=${m.outage}` : '', net ? `network=${net}` : '']
        .filter(Boolean)
        .join('  '),
    );
  }
  const t = timeline as { count: number; fired: number; pending: number; next_at: string | null } | null;
  if (t && t.count) lines.push(`timeline: ${t.fired} déclenchés, ${t.pending} en attente${t.next_at ? `, prochain à ${t.next_at}` : ''}`);
  return lines.join('\n');
}
