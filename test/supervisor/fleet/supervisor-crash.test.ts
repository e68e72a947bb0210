/**
 * The supervisor dies (SIGKILL): its workers live on under pm2 and keep answering on their
 * ports; the next supervisor on the same PM2_HOME and state adopts them — same pids, same
 * ports, one pm2 app each, all their state, the MK6 added by provisioning too; then a
 * SIGTERM (Ctrl-C) stops the fleet and leaves no process behind.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, freePorts, ROUVAI, startFleet, type RunningFleet } from '../../helpers/fleet.js';
import { assertError, assertRefused, gone, inventory, iso, ok, pm2Apps, scheduleTwo } from '../../helpers/fleet-util.js';
import { call } from '../../helpers/fleet.js';

let fleet: RunningFleet;
before(async () => {
  // Fixed ports, as in fleet.yaml: the next supervisor finds them held by the workers it must adopt.
  const ports = await freePorts(ROUVAI.length);
  fleet = await startFleet({ mk6: ROUVAI.map((m, i) => ({ ...m, port: ports[i] })) });
});
after(async () => {
  await fleet?.stop();
});

describe('the supervisor dies', () => {
  it('its workers keep answering; the next one adopts them with their state; stop leaves no process', async () => {
    const front = fleet.url;
    await ok(front, 'POST', '/mock/reset');
    await ok(front, 'POST', '/mock/time', { now: iso('01', '10:00') });
    const planning = await scheduleTwo(front, 'VAI', '8FV897G6wGQ0');
    await ok(front, 'POST', '/mock/mk6/ROU2/fault/8FV8C9MWwHJ0');
    const added = await ok(front, 'POST', '/mock/mk6/EXTRA/provision', { sites: [{ sycode: 'X1', name: 'Extra', role: 'thissite', pmax_kw: 900 }] });
    await ok(added.url, 'POST', '/api/v1/mk6/EXTRA/requests', { set: 'stop', site: 'X1' }, 201);
    const pidsOf = (inv: Record<string, any>) => Object.fromEntries(Object.entries(inv).map(([id, m]) => [id, m.process.pid]));
    const pids = pidsOf(await inventory(front));
    assert.equal(Object.keys(pids).length, 6);
    const ports = { ...fleet.ports };

    await fleet.killSupervisor();
    await assertRefused(`${front}/mock/mk6`);
    for (const id of Object.keys(ports)) await ok(fleet.worker(id), 'GET', `/api/v1/mk6/${id}/monitoring`);
    await ok(added.url, 'GET', '/api/v1/mk6/EXTRA/monitoring');

    assert.match(readFileSync(fleet.fleetFile, 'utf8'), new RegExp(`port: ${ports.VAI}`));
    await fleet.respawn();
    assert.equal(fleet.url, front, 'the same proxy port');
    assert.deepEqual(Object.fromEntries(Object.entries(fleet.ports).filter(([id]) => id in ports)), ports, 'same ports, no clash');
    const inv = await inventory(front);
    assert.deepEqual(pidsOf(inv), pids, 'adopted, not restarted');
    for (const m of Object.values(inv)) assert.deepEqual([m.mk6_id, m.process.status], [m.mk6_id, 'online']);
    assert.equal(inv.EXTRA.network.port, added.port);
    const apps = pm2Apps(fleet.home);
    assert.equal(apps.length, 6, `one pm2 app per MK6: ${apps.map((a) => a.name)}`);
    assert.equal(new Set(apps.map((a) => a.name)).size, 6);
    assert.deepEqual(apps.map((a) => a.pid).sort(), Object.values(pids).sort());

    assert.deepEqual(await ok(front, 'GET', '/supervision/api/time'), { now: iso('01', '10:00'), source: 'mock', frozen: true });
    assert.deepEqual((await ok(front, 'GET', '/api/v1/mk6/VAI/planning')).planning, planning);
    assert.equal((await ok(front, 'GET', '/api/v1/mk6/ROU2/monitoring')).state['8FV8C9MWwHJ0'], 0);
    assert.deepEqual((await ok(front, 'GET', '/api/v1/mk6/EXTRA/planning')).planning.map((r: any) => r.id), ['REQ-001']);
    // The adopted workers journal into the new supervisor, and its broadcasts reach them.
    await ok(fleet.worker('ROU1.3'), 'GET', '/api/v1/mk6/ROU1.3/monitoring');
    assert.equal((await ok(front, 'GET', '/api/v1/debug/requests')).at(-1).path, '/api/v1/mk6/ROU1.3/monitoring');
    assert.equal((await ok(front, 'POST', '/mock/time', { now: iso('01', '11:00') })).workers.ok.length, 6);
    assert.equal((await ok(added.url, 'GET', '/supervision/api/time')).now, iso('01', '11:00'));
    // It still knows EXTRA was added: a reset removes it.
    assert.deepEqual((await ok(front, 'POST', '/mock/reset')).removed, ['EXTRA']);
    assertError(await call(front, 'GET', '/api/v1/mk6/EXTRA/monitoring'), 404, 'MK6_NOT_FOUND');
    await eventually(async () => (gone(pids.EXTRA) ? true : undefined), 5000, 'EXTRA stopped');

    const daemon = Number(readFileSync(join(fleet.home, 'pm2.pid'), 'utf8'));
    assert.ok(daemon > 0 && !gone(daemon));
    const supervisor = fleet.pid;
    const all = [supervisor, daemon, ...Object.entries(pids).filter(([id]) => id !== 'EXTRA').map(([, pid]) => pid)];
    // What Ctrl-C does. (The helper's stop() would also SIGKILL the daemon: check before it.)
    process.kill(supervisor, 'SIGTERM');
    await eventually(async () => (all.every(gone) ? true : undefined), 15_000, 'every process gone');
    await fleet.stop();
    for (const pid of all) assert.ok(gone(pid), `pid ${pid} gone`);
  });
});

