/** `restart ID [--kind warm|cold]`: the MK6's process started again (cold: a power cut, its state lost). */
import { call, mk6Path, out, say } from '../context.js';
export const restart = async ([id], o) => {
    const res = (await call(o, 'POST', `${mk6Path(o, 'restart', id)}/restart`, o.kind ? { kind: o.kind } : {}));
    out(o, res, () => say(o).restarted(String(id), res.kind ?? o.kind ?? 'warm', res.status));
};
