import { windowHolds } from './requests.js';
import { formatIso, formatOptional } from './time.js';
export function newSiteRecord(config) {
    return { ...config, state: 2, fault: false, constraint: null, ...(config.dynamics ? { plant: { log: [], anchor: null } } : {}) };
}
export function effectiveState(site) {
    return site.fault ? 0 : site.state;
}
/** The site's constraint as the API shows it: null when none, or outside its window unless `evenOutsideWindow`. */
export function viewConstraint(site, now, evenOutsideWindow = false) {
    const c = site.constraint;
    if (!c || (!evenOutsideWindow && !windowHolds(c.start, c.end, now)))
        return null;
    return { source: c.source, value_kw: c.value_kw, since: formatIso(c.since), start_time: formatOptional(c.start), end_time: formatOptional(c.end) };
}
export function loggedConstraint(site) {
    const c = site.constraint;
    return c === null ? null : { value_kw: c.value_kw, start: c.start, end: c.end };
}
/** The site's conditions from `now` on, as its plant's log notes them. */
export function conditionsOf(site, now) {
    return { at: now, state: effectiveState(site), constraint: loggedConstraint(site) };
}
