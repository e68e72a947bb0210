/**
 * The names of one MK6, in one place: the id and aliases a path may use (the fleet file
 * gives them; the default fleet writes `MK6_<id>` for each, since the seed calls ROU1.1
 * `MK6_ROU1.1`), the name of its pm2 app (`mk6-<fleet>-<id>`) and of its files in the state
 * dir (`mk6-<id>.jsonl`). Pure.
 */
/** Every name a path may call an MK6 by: its id first, then its aliases. */
export function namesOf(mk6) {
    return [mk6.id, ...mk6.aliases];
}
/** A name of this MK6 (id or alias) → its id; any other name unchanged. */
export function canonicalIdOf(mk6) {
    const names = new Set(namesOf(mk6));
    return (name) => (names.has(name) ? mk6.id : name);
}
/** The start of every pm2 app name of a fleet: another fleet on the same PM2_HOME has its own. */
export function pm2AppPrefix(fleet) {
    return `mk6-${fleet}-`;
}
export function pm2AppName(fleet, id) {
    return pm2AppPrefix(fleet) + id;
}
/** The MK6's state file in the state dir. */
export function stateFileName(id) {
    return `mk6-${id}.jsonl`;
}
/** Left by the supervisor before a cold restart (a power cut). */
export function powerCutFileName(id) {
    return `mk6-${id}.power-cut`;
}
