/** `network ID ls | add NAME TYPE [key=value …] | rm [NAME]`: an MK6's network conditions. */
import { call, mk6Path, out, UsageError, type Command } from '../context.js';

export const network: Command = async ([id, sub, ...more], o) => {
  const base = `${mk6Path('network', id)}/network`;
  if (sub === 'ls' || sub === undefined) {
    const res = (await call(o, 'GET', base)) as { conditions: Record<string, unknown>[] };
    return out(o, res, () => res.conditions.map((c) => `${c.name}\t${c.type}\t${JSON.stringify(c)}`).join('\n') || '(aucune condition)');
  }
  if (sub === 'add') {
    const [name, type, ...pairs] = more;
    if (!name || !type) throw new UsageError('network ID add NAME TYPE [key=value …]');
    const res = await call(o, 'POST', base, { name, type, ...keyValues(pairs) });
    return out(o, res, () => `${id}: condition ${name} (${type}) ajoutée`);
  }
  if (sub === 'rm') {
    const res = await call(o, 'DELETE', more[0] ? `${base}/${encodeURIComponent(more[0])}` : base);
    return out(o, res, () => `${id}: ${more[0] ? `condition ${more[0]} retirée` : 'toutes les conditions retirées'}`);
  }
  throw new UsageError(`network: sous-commande inconnue '${sub}' (ls|add|rm)`);
};

/** `key=value` pairs: numbers and booleans typed, `methods` a comma list. */
function keyValues(pairs: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`paramètre invalide: '${pair}' (key=value attendu)`);
    const key = pair.slice(0, at);
    const raw = pair.slice(at + 1);
    if (key === 'methods') out[key] = raw.split(',').filter(Boolean);
    else if (raw !== '' && Number.isFinite(Number(raw))) out[key] = Number(raw);
    else if (raw === 'true' || raw === 'false') out[key] = raw === 'true';
    else out[key] = raw;
  }
  return out;
}
