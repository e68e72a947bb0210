#!/usr/bin/env node
/** The `mk6-fleet` program (package.json's bin): runs `main` (program.ts) on the command line. Imported by nothing, so a bundle that inlines program.ts never runs it. */
import { isProgram } from '../../src/shared/is-program.js';
import { main } from './program.js';
if (isProgram(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(`mk6-fleet: ${(err as Error).stack ?? err}`);
      process.exitCode = 1;
    },
  );
}
