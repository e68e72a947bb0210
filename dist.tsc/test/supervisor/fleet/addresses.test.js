import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { call, freePort, startFleet } from "../../helpers/fleet.js";
import { assertRefused, inventory, ok } from "../../helpers/fleet-util.js";
import { fleetFileFaults } from "../../helpers/file-faults.js";
const site = (id) => [{ sycode: `S${id}`, name: `${id} PDL`, role: "thissite", pmax_kw: 1e3 }];
const NET = `127.0.${100 + Math.floor(Math.random() * 150)}`;
describe("an address per MK6", () => {
  let fleet;
  let port;
  before(async () => {
    port = await freePort();
    fleet = await startFleet({
      workers: { address_per_mk6: `${NET}.0/24`, port },
      mk6: [
        { id: "A", sites: site("A") },
        { id: "B", sites: site("B") },
        { id: "C", host: `${NET}.50`, sites: site("C") }
      ]
    });
  });
  after(async () => {
    await fleet?.stop();
  });
  it("every MK6 answers on its own address and the same port, directly and through the proxy", async () => {
    const inv = await inventory(fleet.url);
    assert.deepEqual(
      Object.fromEntries(Object.entries(inv).map(([id, m]) => [id, m.network])),
      {
        A: { host: `${NET}.1`, port, url: `http://${NET}.1:${port}` },
        B: { host: `${NET}.2`, port, url: `http://${NET}.2:${port}` },
        C: { host: `${NET}.50`, port, url: `http://${NET}.50:${port}` }
      }
    );
    for (const id of ["A", "B", "C"]) {
      const direct = await ok(inv[id].network.url, "GET", `/api/v1/mk6/${id}/monitoring`);
      assert.deepEqual(direct.thissite, { [`S${id}`]: `${id} PDL` });
      assert.deepEqual(await ok(fleet.url, "GET", `/api/v1/mk6/${id}/monitoring`), direct);
    }
    assert.equal((await call(inv.A.network.url, "GET", "/api/v1/mk6/B/monitoring")).status, 404);
  });
  it("a provisioned MK6 takes the next address; a killed one refuses on its address only", async () => {
    const added = await ok(fleet.url, "POST", "/mock/mk6/D/provision", { sites: site("D") });
    assert.deepEqual([added.url, added.port], [`http://${NET}.3:${port}`, port]);
    await ok(added.url, "GET", "/api/v1/mk6/D/monitoring");
    await ok(fleet.url, "POST", "/mock/mk6/A/kill");
    await assertRefused(`http://${NET}.1:${port}/api/v1/mk6/A/monitoring`);
    await ok(`http://${NET}.2:${port}`, "GET", "/api/v1/mk6/B/monitoring");
    await ok(fleet.url, "POST", "/mock/mk6/A/restart");
    await ok(`http://${NET}.1:${port}`, "GET", "/api/v1/mk6/A/monitoring");
    assert.deepEqual((await ok(fleet.url, "POST", "/mock/reset")).removed, ["D"]);
  });
});
describe("addresses in the fleet file", () => {
  const fault = (text) => fleetFileFaults(text, "f.yaml");
  const mk6 = "mk6:\n  - id: A\n    sites: [{sycode: S, name: A, role: thissite, pmax_kw: 10}]\n  - id: B\n    sites: [{sycode: T, name: B, role: thissite, pmax_kw: 10}]\n";
  it("a range outside 127.0.0.0/8, or a bad address, is a fault at its line", () => {
    assert.deepEqual(fault(`workers:
  address_per_mk6: 10.0.0.0/24
  port: 8080
${mk6}`), [
      'f.yaml:2 workers.address_per_mk6: plage invalide: "10.0.0.0/24" (une plage de 127.0.0.0/8, /8 \xE0 /30, ex. 127.0.1.0/24)'
    ]);
    assert.match(fault(`${mk6}    host: 127.0.1.999
`)[0], /^f\.yaml:6 mk6\[1\]\.host: adresse IPv4 invalide/);
  });
  it("two MK6 on one address and port clash; the same port on two addresses does not", () => {
    assert.deepEqual(fault(`workers:
  address_per_mk6: 127.0.1.0/24
  port: 8080
${mk6}`), []);
    const clash = fault(`workers:
  address_per_mk6: 127.0.1.0/24
  port: 8080
${mk6}    host: 127.0.1.1
`);
    assert.equal(clash.length, 1);
    assert.match(clash[0], /^f\.yaml:9 mk6\[1\]\.host: 127\.0\.1\.1:8080 déjà utilisé par mk6\[0\] \(A\)$/);
    assert.match(fault(`workers:
  address_per_mk6: 127.0.1.0/30
  port: 8080
${mk6}  - id: C
    sites: [{sycode: U, name: C, role: thissite, pmax_kw: 10}]
`)[0], /plus de MK6 que d'adresses dans 127\.0\.1\.0\/30 \(2\)/);
  });
});
