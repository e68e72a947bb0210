/**
 * Loaded into a worker with `--import`: when the process exits, writes the builtin modules it
 * loaded to `$MK6_LOAD_PROBE_DIR/<pid>.json`, for a test to check what a worker never needs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.MK6_LOAD_PROBE_DIR;
if (dir) {
  process.on('exit', () => {
    writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify((process as unknown as { moduleLoadList: string[] }).moduleLoadList));
  });
}
