import { errors } from '../contract/errors.js';
import { formatIso, formatOptional } from './time.js';
export function requestId(seq) {
    return `REQ-${String(seq).padStart(3, '0')}`;
}
export function windowHolds(start, end, t) {
    return (start === null || start <= t) && (end === null || t < end);
}
/** A window must end after it starts; else 422 INVALID_TIME_RANGE, echoing the times as given. */
export function checkWindow(start, end, given) {
    if (end !== null && end <= start)
        throw errors.invalidTimeRange(given.start?.text ?? formatIso(start), given.end?.text ?? '');
}
export function requestState(req, now) {
    if (req.deleted_at !== null)
        return 'deleted';
    if (now < req.start)
        return 'scheduled';
    if (req.end !== null && now >= req.end)
        return 'expired';
    return 'active';
}
/** What may happen to a request, and in which of its states. */
const ALLOWED = {
    change: ['scheduled'],
    delete: ['scheduled', 'active'],
};
/** The request's state at `now` if it allows `transition`; else 409 REQUEST_LOCKED. */
export function checkTransition(req, transition, now) {
    const state = requestState(req, now);
    if (!ALLOWED[transition].includes(state))
        throw errors.requestLocked(req.id, state);
    return state;
}
/** scheduled → its new setpoint or window (checked by the planning), its extras merged. */
export function changeRequest(req, to, now) {
    checkTransition(req, 'change', now);
    Object.assign(req, { psetpoint: to.psetpoint, start: to.start, end: to.end, extras: { ...req.extras, ...to.extras } });
}
/** scheduled or active → deleted. Deleting the active request is how a gateway gives a site back its Pmax. */
export function deleteRequest(req, now) {
    checkTransition(req, 'delete', now);
    req.deleted_at = now;
}
export function viewRequest(req, siteName, now) {
    const view = {
        id: req.id,
        seq: req.seq,
        set: req.set,
        site: { [req.sycode]: siteName },
        psetpoint: req.psetpoint,
        start_time: formatIso(req.start),
        end_time: formatOptional(req.end),
        state: requestState(req, now),
        created_at: formatIso(req.created_at),
    };
    for (const key in req.extras)
        if (!(key in view))
            view[key] = req.extras[key];
    return view;
}
/**
 * The request in force for a site at t: among its non-deleted requests whose window holds
 * t, the highest seq ("annule-et-remplace"). `requests` is the site's list in seq order.
 */
export function effectiveRequest(requests, t) {
    for (let i = requests.length - 1; i >= 0; i--) {
        const req = requests[i];
        if (req.deleted_at === null && windowHolds(req.start, req.end, t))
            return req;
    }
    return null;
}
export function byStartThenSeq(a, b) {
    return a.start - b.start || a.seq - b.seq;
}
