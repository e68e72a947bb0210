/**
 * pm2's daemon dies under a running fleet (killed, crashed), then the fleet is stopped
 * (Ctrl-C): the supervisor does not wait for ever on a daemon that will never answer; it
 * ends its own workers by pid and exits, leaving no process behind.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, ROUVAI, startFleet, type RunningFleet } from '../../helpers/fleet.js';
import { gone, inventory } from '../../helpers/fleet-util.js';

let fleet: RunningFleet;
before(async () => {
  fleet = await startFleet({ mk6: ROUVAI });
});
after(async () => {
  await fleet?.stop();
});

describe('the pm2 daemon dies', () => {
  it('a SIGTERM still stops the fleet: the supervisor ends its workers by pid and exits', { timeout: 90_000 }, async () => {
    const workers = Object.values(await inventory(fleet.url)).map((m: any) => m.process.pid as number);
    assert.equal(workers.length, ROUVAI.length);
    assert.ok(workers.every((pid) => pid > 0 && !gone(pid)));
    const daemon = Number(readFileSync(join(fleet.home, 'pm2.pid'), 'utf8'));
    process.kill(daemon, 'SIGKILL'); // ours: this test's own PM2_HOME
    await eventually(async () => (gone(daemon) ? true : undefined), 5000, 'the daemon to die');

    const started = Date.now();
    const code = await fleet.terminate(); // SIGTERM, waits for the supervisor to exit
    const tookMs = Date.now() - started;
    assert.equal(code, 0, fleet.output().slice(-2000));
    // pm2 is not asked (its pid file names a dead process), so nothing waits on pm2's timeouts
    assert.ok(tookMs < 15_000, `stopped in ${tookMs} ms:\n${fleet.output().slice(-3000)}`);
    await eventually(async () => (workers.every(gone) ? true : undefined), 5000, `workers ${workers.filter((p) => !gone(p))} to be ended`);
  });
});
