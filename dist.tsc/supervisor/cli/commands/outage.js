/** `offline ID` | `online ID`: the soft outage, every MK6 API call answered 503 MK6_OFFLINE. */
import { call, mk6Path, out, say } from '../context.js';
const outage = (which) => async ([id], o) => {
    const res = await call(o, 'POST', `${mk6Path(o, which, id)}/${which}`, {});
    out(o, res, () => say(o).outageSet(String(id), which === 'offline'));
};
export const offline = outage('offline');
export const online = outage('online');
