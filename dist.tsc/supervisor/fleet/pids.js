/** Whether a process runs: it exists and is not a zombie (killed, not yet reaped by its parent). */
import { readFileSync } from 'node:fs';
export function isRunning(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
    }
    catch (err) {
        return err.code === 'EPERM';
    }
    try {
        const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)\s*/, '')[0];
        return state !== 'Z' && state !== 'X';
    }
    catch {
        return false; // gone meanwhile
    }
}
