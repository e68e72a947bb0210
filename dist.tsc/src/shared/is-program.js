import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
/** Whether the module at `moduleUrl` is the program node runs (npx and npm link run it through a symbolic link), not an import (a test's). */
export function isProgram(moduleUrl) {
    try {
        return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(moduleUrl));
    }
    catch {
        return false;
    }
}
