import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseFleet } from "../../src/config/fleet-file.js";
import { fleetFileFaults } from "../helpers/file-faults.js";
const fleet = (network) => `name: t
mk6:
  - id: A
    sites:
      - {sycode: S1, name: S1, role: thissite, pmax_kw: 1000}
    network:
${network}`;
const problems = (text) => fleetFileFaults(text, "fleet.yaml");
describe("fleet file network conditions", () => {
  it("reads them into the MK6 spec as validated views", () => {
    const f = parseFleet(fleet("      - {name: lag, type: latency, latency_ms: 200, jitter_ms: 20}\n      - {name: dead, type: timeout, methods: [post]}"), "fleet.yaml");
    assert.deepEqual(f.mk6[0].network, [
      { name: "lag", type: "latency", latency_ms: 200, jitter_ms: 20, probability: 1 },
      { name: "dead", type: "timeout", probability: 1, methods: ["POST"] }
    ]);
  });
  it("names the file, the line and the field of each fault", () => {
    assert.deepEqual(problems(fleet("      - {name: lag, type: timeout}\n      - name: lag\n        type: latency\n        latency_ms: 3\n      - name: slow\n        type: latency\n        latency_ms: -3\n      - {name: x, type: warp}")), [
      "fleet.yaml:8 mk6[0].network[1].name: condition 'lag' d\xE9j\xE0 d\xE9finie",
      "fleet.yaml:13 mk6[0].network[2].latency_ms: latency_ms invalide: -3 (un nombre >= 0 et <= 600000)",
      'fleet.yaml:14 mk6[0].network[3].type: type invalide: "warp" (latency|timeout|reset|error|slow)'
    ]);
    assert.match(problems(fleet("      lag"))[0], /^fleet\.yaml:7 mk6\[0\]\.network: une liste/);
  });
});
