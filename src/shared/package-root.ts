import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root (the nearest folder above `moduleUrl` with a package.json), so that a
 * module finds the package's files wherever it was built to: dist/supervisor/fleet/launcher.js,
 * the bundled dist/supervisor/main.js, or supervisor/front/page.ts run from source.
 */
export function packageRoot(moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}
