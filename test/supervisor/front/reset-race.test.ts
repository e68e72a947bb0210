/**
 * Calls racing a warm restart or a kill reset through the front (in process,
 * test/helpers/fleet-app.ts): the worker resets or closes the connection a call is on, before the
 * supervisor has recorded the outage or while it restarts the MK6. The front answers such a call
 * as it answers one made a moment later (502 MK6_UNREACHABLE, or 503 MK6_OFFLINE from a worker
 * as it stops), and never resets the gateway's connection: only an MK6 the fleet is not acting
 * on resets by itself (a network condition `reset`), and that reaches the gateway as a reset
 * (test/supervisor/fleet/outage.test.ts). Found by the lifecycle interleavings property: a
 * setpoint through the front during a warm restart got a reset.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, ROUVAI, startFleet, type RunningFleet } from '../../helpers/fleet-app.js';
import { checkAgainstContract } from '../../helpers/contract.js';

let fleet: RunningFleet;
before(async () => {
  fleet = await startFleet({ mk6: ROUVAI });
});
after(() => fleet?.stop());

/** What the front may answer about an MK6 it is restarting or killing (the contract's codes). */
const ALLOWED = new Set(['200', '502 MK6_UNREACHABLE', '503 MK6_OFFLINE']);

it('every call racing a warm restart or a kill reset gets an answer: 200, 502 MK6_UNREACHABLE or 503 MK6_OFFLINE, never a reset', async () => {
  const answers: string[] = [];
  for (const action of ['restart', 'kill', 'restart', 'kill', 'restart', 'kill'] as const) {
    let done = false;
    const gateway = async () => {
      while (!done) {
        const res = await fetch(`${fleet.url}/api/v1/mk6/ROU2/monitoring`, { signal: AbortSignal.timeout(5000) }).catch((err: Error & { cause?: { code?: string } }) => err.cause?.code ?? err.name);
        if (typeof res === 'string') {
          answers.push(`no answer: ${res}`);
          continue;
        }
        const body = (await res.json()) as { error?: string };
        answers.push(res.status === 200 ? '200' : `${res.status} ${body.error}`);
        if (res.status !== 200) checkAgainstContract('GET', '/api/v1/mk6/{mk6_id}/monitoring', res.status, body);
      }
    };
    const callers = Array.from({ length: 8 }, gateway);
    await new Promise((ok) => setTimeout(ok, 20)); // the callers are sending
    const path = action === 'kill' ? '/mock/mk6/ROU2/kill' : '/mock/mk6/ROU2/restart';
    const res = await call(fleet.url, 'POST', path, { kind: action === 'kill' ? 'reset' : 'warm' });
    await new Promise((ok) => setTimeout(ok, 20)); // calls after it too
    done = true;
    await Promise.all(callers);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    if (action === 'kill') assert.equal((await call(fleet.url, 'POST', '/mock/mk6/ROU2/restart', { kind: 'warm' })).status, 200);
  }
  const unexpected = answers.filter((a) => !ALLOWED.has(a));
  assert.deepEqual(unexpected, [], `of ${answers.length} calls`);
  assert.ok(answers.includes('200') && answers.includes('502 MK6_UNREACHABLE'), JSON.stringify([...new Set(answers)]));
});
