/** `network ID ls | add NAME TYPE [key=value …] | rm [NAME]`: an MK6's network conditions. */
import { call, mk6Path, out, say, UsageError } from '../context.js';
export const network = async ([id, sub, ...more], o) => {
    const base = `${mk6Path(o, 'network', id)}/network`;
    if (sub === 'ls' || sub === undefined) {
        const res = (await call(o, 'GET', base));
        return out(o, res, () => res.conditions.map((c) => `${c.name}\t${c.type}\t${JSON.stringify(c)}`).join('\n') || say(o).noConditions);
    }
    if (sub === 'add') {
        const [name, type, ...pairs] = more;
        if (!name || !type)
            throw new UsageError(say(o).networkAddUsage);
        const res = await call(o, 'POST', base, { name, type, ...keyValues(o, pairs) });
        return out(o, res, () => say(o).conditionAdded(String(id), name, type));
    }
    if (sub === 'rm') {
        const res = await call(o, 'DELETE', more[0] ? `${base}/${encodeURIComponent(more[0])}` : base);
        return out(o, res, () => (more[0] ? say(o).conditionRemoved(String(id), more[0]) : say(o).conditionsRemoved(String(id))));
    }
    throw new UsageError(say(o).unknownSubcommand('network', sub, 'ls|add|rm'));
};
/** `key=value` pairs: numbers and booleans typed, `methods` a comma list. */
function keyValues(o, pairs) {
    const values = {};
    for (const pair of pairs) {
        const at = pair.indexOf('=');
        if (at <= 0)
            throw new UsageError(say(o).badPair(pair));
        const key = pair.slice(0, at);
        const raw = pair.slice(at + 1);
        if (key === 'methods')
            values[key] = raw.split(',').filter(Boolean);
        else if (raw !== '' && Number.isFinite(Number(raw)))
            values[key] = Number(raw);
        else if (raw === 'true' || raw === 'false')
            values[key] = raw === 'true';
        else
            values[key] = raw;
    }
    return values;
}
