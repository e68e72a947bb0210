/**
 * Each MK6 at its own address, as in the field: `workers.address_per_mk6` gives MK6 n the
 * (n+1)th address of a loopback range, all on one port; `host` gives one MK6 its own. The
 * proxy, the inventory, provisioning and kill follow; a bad range or a clash is a fault of
 * the file with its line.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, freePort, startFleet, type RunningFleet } from '../../helpers/fleet.js';
import { assertRefused, inventory, ok } from '../../helpers/fleet-util.js';
import { fleetFileFaults } from '../../helpers/file-faults.js';

const site = (id: string) => [{ sycode: `S${id}`, name: `${id} PDL`, role: 'thissite', pmax_kw: 1000 }];
/** A /24 of 127.0.0.0/8 nobody else here uses (the whole of it is loopback on Linux). */
const NET = `127.0.${100 + Math.floor(Math.random() * 150)}`;

describe('an address per MK6', () => {
  let fleet: RunningFleet;
  let port: number;
  before(async () => {
    port = await freePort();
    fleet = await startFleet({
      workers: { address_per_mk6: `${NET}.0/24`, port },
      mk6: [
        { id: 'A', sites: site('A') },
        { id: 'B', sites: site('B') },
        { id: 'C', host: `${NET}.50`, sites: site('C') },
      ],
    } as any);
  });
  after(async () => {
    await fleet?.stop();
  });

  it('every MK6 answers on its own address and the same port, directly and through the proxy', async () => {
    const inv = await inventory(fleet.url);
    assert.deepEqual(
      Object.fromEntries(Object.entries(inv).map(([id, m]) => [id, m.network])),
      {
        A: { host: `${NET}.1`, port, url: `http://${NET}.1:${port}` },
        B: { host: `${NET}.2`, port, url: `http://${NET}.2:${port}` },
        C: { host: `${NET}.50`, port, url: `http://${NET}.50:${port}` },
      },
    );
    for (const id of ['A', 'B', 'C']) {
      const direct = await ok(inv[id].network.url, 'GET', `/api/v1/mk6/${id}/monitoring`);
      assert.deepEqual(direct.thissite, { [`S${id}`]: `${id} PDL` });
      assert.deepEqual(await ok(fleet.url, 'GET', `/api/v1/mk6/${id}/monitoring`), direct);
    }
    // An MK6 asked on another's address is not that MK6.
    assert.equal((await call(inv.A.network.url, 'GET', '/api/v1/mk6/B/monitoring')).status, 404);
  });

  it('a provisioned MK6 takes the next address; a killed one refuses on its address only', async () => {
    const added = await ok(fleet.url, 'POST', '/mock/mk6/D/provision', { sites: site('D') });
    assert.deepEqual([added.url, added.port], [`http://${NET}.3:${port}`, port]);
    await ok(added.url, 'GET', '/api/v1/mk6/D/monitoring');
    await ok(fleet.url, 'POST', '/mock/mk6/A/kill');
    await assertRefused(`http://${NET}.1:${port}/api/v1/mk6/A/monitoring`);
    await ok(`http://${NET}.2:${port}`, 'GET', '/api/v1/mk6/B/monitoring');
    await ok(fleet.url, 'POST', '/mock/mk6/A/restart');
    await ok(`http://${NET}.1:${port}`, 'GET', '/api/v1/mk6/A/monitoring');
    assert.deepEqual((await ok(fleet.url, 'POST', '/mock/reset')).removed, ['D']);
  });
});

describe('addresses in the fleet file', () => {
  const fault = (text: string): string[] => fleetFileFaults(text, 'f.yaml');
  const mk6 = 'mk6:\n  - id: A\n    sites: [{sycode: S, name: A, role: thissite, pmax_kw: 10}]\n  - id: B\n    sites: [{sycode: T, name: B, role: thissite, pmax_kw: 10}]\n';

  it('a range outside 127.0.0.0/8, or a bad address, is a fault at its line', () => {
    assert.deepEqual(fault(`workers:\n  address_per_mk6: 10.0.0.0/24\n  port: 8080\n${mk6}`), [
      'f.yaml:2 workers.address_per_mk6: plage invalide: "10.0.0.0/24" (une plage de 127.0.0.0/8, /8 à /30, ex. 127.0.1.0/24)',
    ]);
    assert.match(fault(`${mk6}    host: 127.0.1.999\n`)[0], /^f\.yaml:6 mk6\[1\]\.host: adresse IPv4 invalide/);
  });

  it('two MK6 on one address and port clash; the same port on two addresses does not', () => {
    assert.deepEqual(fault(`workers:\n  address_per_mk6: 127.0.1.0/24\n  port: 8080\n${mk6}`), []);
    const clash = fault(`workers:\n  address_per_mk6: 127.0.1.0/24\n  port: 8080\n${mk6}    host: 127.0.1.1\n`);
    assert.equal(clash.length, 1);
    assert.match(clash[0], /^f\.yaml:9 mk6\[1\]\.host: 127\.0\.1\.1:8080 déjà utilisé par mk6\[0\] \(A\)$/);
    assert.match(fault(`workers:\n  address_per_mk6: 127.0.1.0/30\n  port: 8080\n${mk6}  - id: C\n    sites: [{sycode: U, name: C, role: thissite, pmax_kw: 10}]\n`)[0], /plus de MK6 que d'adresses dans 127\.0\.1\.0\/30 \(2\)/);
  });
});
