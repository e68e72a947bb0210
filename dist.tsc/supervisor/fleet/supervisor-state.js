/**
 * What the supervisor remembers across its own restarts, in `<state-dir>/supervisor.json`:
 * the fleet clock and mode (and their generation), the MK6s added by provisioning, whether
 * it started the pm2 daemon. The internal secret lives beside it, readable by its owner only,
 * so a restarted supervisor still speaks to the workers it adopts.
 */
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_CLOCK, isFleetClock } from '../../src/domain/clock.js';
import { newSecret, SECRET_FILE_ENV, secretIn } from '../../src/shared/internal.js';
import { writeFileAtomic } from '../../src/persist/atomic.js';
export function loadSupervisorState(stateDir) {
    const path = join(stateDir, 'supervisor.json');
    if (!existsSync(path))
        return null;
    try {
        const s = JSON.parse(readFileSync(path, 'utf8'));
        if (s.version !== 1)
            return null;
        return {
            ...s,
            clock: isFleetClock(s.clock) ? s.clock : SYSTEM_CLOCK,
            gen: Number.isSafeInteger(s.gen) ? s.gen : 0,
            added: Array.isArray(s.added) ? s.added : [],
        };
    }
    catch {
        return null; // the supervisor's own memo is a convenience: start from the fleet file
    }
}
export function saveSupervisorState(stateDir, state) {
    writeFileAtomic(join(stateDir, 'supervisor.json'), JSON.stringify(state, null, 2) + '\n');
}
/**
 * The secret of this state dir, made once (0600); or the one in $MK6_INTERNAL_SECRET_FILE
 * (a Kubernetes Secret mounted in every pod), made there if the file does not exist yet.
 */
export function internalSecret(stateDir, file = process.env[SECRET_FILE_ENV]) {
    const existing = file ? secretIn(file) : existingSecret(stateDir);
    if (existing)
        return existing;
    const path = file || join(stateDir, 'internal.secret');
    const secret = newSecret();
    writeFileAtomic(path, secret + '\n');
    chmodSync(path, 0o600);
    return secret;
}
/** The secret an earlier run of this state dir left, if any (read only). */
export function existingSecret(stateDir) {
    const path = join(stateDir, 'internal.secret');
    if (!existsSync(path))
        return null;
    const text = readFileSync(path, 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(text) ? text : null;
}
