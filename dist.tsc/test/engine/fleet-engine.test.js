import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseFleet } from "../../src/config/fleet-file.js";
import { spawnSync } from "node:child_process";
import { SUPERVISOR } from "../helpers/fleet.js";
import { fleetFileFaults } from "../helpers/file-faults.js";
const SITES = "sites: [{sycode: S, name: S, role: thissite, pmax_kw: 10}]";
const faults = (text) => fleetFileFaults(text, "f.yaml");
describe("engine in the fleet file", () => {
  it("pm2 by default; external when the file says so", () => {
    assert.equal(parseFleet(`mk6:
  - {id: A, ${SITES}}
`, "f.yaml").engine, "pm2");
    const fleet = parseFleet(`engine: external
mk6:
  - {id: A, host: mk6-0.mk6.recette.svc.cluster.local, port: 8080, ${SITES}}
`, "f.yaml");
    assert.equal(fleet.engine, "external");
    assert.deepEqual([fleet.mk6[0].host, fleet.mk6[0].port], ["mk6-0.mk6.recette.svc.cluster.local", 8080]);
  });
  it("a bad engine, and an MK6 without a port under engine external, are faults at their lines", () => {
    assert.deepEqual(faults(`engine: docker
mk6:
  - {id: A, ${SITES}}
`), ['f.yaml:1 engine: engine invalide: "docker" (pm2|external)']);
    assert.deepEqual(faults(`engine: external
workers: {base_port: 0}
mk6:
  - {id: A, ${SITES}}
`), ["f.yaml:4 mk6[0]: engine external: le port de chaque MK6 est donn\xE9 (pas 0)"]);
  });
  it("a host is an IPv4 address or a DNS name; a bad address stays a fault", () => {
    assert.match(faults(`mk6:
  - {id: A, host: 127.0.0.300, ${SITES}}
`)[0], /mk6\[0\]\.host: adresse IPv4 invalide/);
    assert.match(faults(`mk6:
  - {id: A, host: -bad.name, ${SITES}}
`)[0], /mk6\[0\]\.host: adresse IPv4 invalide/);
  });
});
describe("--engine", () => {
  it("anything but pm2|external is refused before anything starts: exit 2", () => {
    const r = spawnSync(process.execPath, [SUPERVISOR, "--engine", "k8s"], { encoding: "utf8", timeout: 2e4, env: { PATH: process.env.PATH, LANG: "fr_FR.UTF-8" } });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /--engine invalide: 'k8s' \(pm2\|external\)/);
  });
});
