/**
 * `mk6-fleet` with no fleet, in process (the exit code `main` gives the bin): usage faults (a
 * bad duration among them) exit 2 before any call, a fleet that does not answer exits 3. The
 * spawned bin's own exit status and the commands' effects on a real fleet are fleet-cli.test.ts's.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NOBODY_URL } from '../helpers/fleet.js';
import { runCli } from './in-process.js';

/** The whole environment of a run: nothing of this process's (its language settings included). */
const cli = (...args: string[]) => runCli(args, {});

/** Nothing listens there (test/helpers/fleet.ts). */
const closedUrl = async (): Promise<string> => NOBODY_URL;

describe('mk6-fleet exit codes without a fleet', () => {
  it('2 for a duration outside the grammar, with what was wrong, before calling anyone', async () => {
    const url = await closedUrl();
    const advance = await cli('--lang', 'fr', '--url', url, 'time', 'advance', '5 min');
    assert.equal(advance.code, 2, advance.stderr);
    assert.match(advance.stderr, /durée invalide: "5 min" \(ex\. 30s, 5m, 1h, 1h30m\)/);
    const wait = await cli('--url', url, 'wait', '--timeout', '1.5h', '--lang', 'fr');
    assert.equal(wait.code, 2, wait.stderr);
    assert.match(wait.stderr, /--timeout: durée invalide: "1\.5h"/);
  });

  it('2 for an unknown command or an option the command does not take', async () => {
    for (const args of [['nope'], ['status', '--reset'], ['record', 'status', '--kind', 'cold'], []]) {
      const r = await cli('--lang', 'en', '--url', 'http://127.0.0.1:1', ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /usage: mk6-fleet/);
    }
  });

  it('3 when the fleet does not answer: a command, a session command, and wait once its time is up', async () => {
    const url = await closedUrl();
    for (const args of [['status'], ['record', 'status'], ['wait', '--timeout', '300ms'], ['time', 'advance', '90s']]) {
      const r = await cli('--url', url, ...args, '--lang', 'fr');
      assert.equal(r.code, 3, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /injoignable.*ECONNREFUSED/);
    }
  });
});
