/** What the supervisor does to a worker's state file: an MK6 removed or started blank loses it. */
import { existsSync, renameSync, unlinkSync } from 'node:fs';
import { CorruptStateError, StateFile } from '../../src/persist/state-file.js';
import { stateFilePath } from '../../src/worker/runtime.js';
/** A state file that would not load is evidence: it is set aside, never deleted. */
export function discardStateFile(stateDir, id) {
    const path = stateFilePath(stateDir, id);
    if (!existsSync(path))
        return;
    try {
        StateFile.load(path);
        unlinkSync(path);
    }
    catch (err) {
        if (!(err instanceof CorruptStateError))
            throw err;
        renameSync(path, `${path}.corrupt-${Date.now()}`);
    }
}
