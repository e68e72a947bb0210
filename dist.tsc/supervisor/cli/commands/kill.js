/** `kill ID [--kind refused|blackhole|reset]`: a hard outage, the MK6's process stopped. */
import { call, mk6Path, out, say } from '../context.js';
export const kill = async ([id], o) => {
    const res = (await call(o, 'POST', `${mk6Path(o, 'kill', id)}/kill`, o.kind ? { kind: o.kind } : {}));
    out(o, res, () => say(o).killed(String(id), res.kind ?? o.kind ?? 'refused', res.status));
};
