/** One MK6 of the fleet as the supervisor sees it: its spec, its pm2 app, what it knows of its process. */
import { readFileSync } from 'node:fs';
import { isRunning } from './pids.js';
import { KILL_KINDS, RESTART_KINDS } from '../../src/contract/schema/mock-control.js';
import { setMk6Clock } from '../../src/domain/mk6-clock.js';
/** The kinds of a kill (`refused` stops the process) and of a restart: one list, in the schema. */
export const OUTAGE_KINDS = KILL_KINDS;
export { RESTART_KINDS };
export function newMember(spec, added, app) {
    return { spec, added, app, status: 'starting', problem: null, last: null, outage: null, pid: null, clock: null };
}
/** After /mock/reset: no outage, and the fleet file's clock from now (the fleet clock is released: fleet time is real time). */
export function afterReset(member) {
    member.outage = null; // the workers' reset lifts a blackhole or reset
    member.clock = setMk6Clock(member.spec.clock ?? null, Date.now());
}
/**
 * Ends the workers of a fleet whose pm2 daemon is gone (killed, crashed): nobody else will.
 * Each is ended by the pid it last reported, and only if that process is still this MK6's
 * worker of this state dir (its environment says so): a pid the system gave to another
 * process since is left alone. SIGTERM first (a worker closes its state file), SIGKILL after.
 */
export async function stopOrphans(members, stateDir, graceMs = 3000) {
    const ours = [...members].filter((m) => m.pid !== null && isWorkerOf(m.pid, m.spec.id, stateDir)).map((m) => m.pid);
    for (const pid of ours)
        signal(pid, 'SIGTERM');
    for (const until = Date.now() + graceMs; ours.some(isRunning) && Date.now() < until;)
        await new Promise((r) => setTimeout(r, 50));
    for (const pid of ours.filter(isRunning))
        signal(pid, 'SIGKILL');
    return ours;
}
function isWorkerOf(pid, id, stateDir) {
    try {
        const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
        return env.includes(`MK6_ID=${id}`) && env.includes(`MK6_STATE_DIR=${stateDir}`);
    }
    catch {
        return false; // gone, or not ours to read
    }
}
function signal(pid, sig) {
    try {
        process.kill(pid, sig);
    }
    catch {
        /* already gone */
    }
}
