/** `timeline load FILE | show | clear`: the fleet's timeline of events on its clock. */
import { call, out, readText, UsageError, type Command } from '../context.js';

export const timeline: Command = async ([sub, file], o) => {
  if (sub === 'load') {
    if (!file) throw new UsageError('timeline load FILE');
    const res = await call(o, 'POST', '/mock/timeline', readText(file), 'text/yaml');
    return out(o, res, () => timelineText(res));
  }
  if (sub === 'show' || sub === undefined) {
    const res = await call(o, 'GET', '/mock/timeline');
    return out(o, res, () => timelineText(res));
  }
  if (sub === 'clear') {
    const res = await call(o, 'DELETE', '/mock/timeline');
    return out(o, res, () => 'timeline vidée');
  }
  throw new UsageError(`timeline: sous-commande inconnue '${sub}' (load|show|clear)`);
};

function timelineText(t: unknown): string {
  const v = t as { count: number; fired: number; pending: number; events: Record<string, unknown>[] };
  const lines = [`timeline: ${v.count} événements, ${v.fired} déclenchés, ${v.pending} en attente`];
  for (const e of v.events) lines.push(`  ${e.at}  ${String(e.status).padEnd(7)}  ${e.action}${e.mk6 ? ` ${e.mk6}` : ''}${e.error ? `  (${e.error})` : ''}`);
  return lines.join('\n');
}
