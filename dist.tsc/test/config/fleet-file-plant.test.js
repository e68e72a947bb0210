import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFleet } from "../../src/config/fleet-file.js";
import { fleetFileFaults } from "../helpers/file-faults.js";
const dir = mkdtempSync(join(tmpdir(), "mk6-plant-file-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const fleetPath = join(dir, "fleet.yaml");
const fleet = (site) => `name: t
mk6:
  - id: A
    sites:
      - sycode: S1
        name: S1
        role: thissite
        pmax_kw: 8340
${site}
`;
const faults = (text) => {
  const found = fleetFileFaults(text, fleetPath, {});
  return found.length ? found : assert.fail("the file was accepted");
};
describe("fleet file: dynamics and profile per site", () => {
  it("carries them to the site", () => {
    const f = parseFleet(fleet("        dynamics: { ramp_kw_per_min: 1000, dead_time_s: 30 }\n        profile: { kind: walk, min_kw: 0, max_kw: 3000, step_kw: 100, interval_s: 10, seed: 4 }"), fleetPath, {});
    assert.deepEqual(f.mk6[0].sites[0].dynamics, { ramp_kw_per_min: 1e3, dead_time_s: 30 });
    assert.equal(f.mk6[0].sites[0].profile?.kind, "walk");
  });
  it("reads a recorded day from a CSV or JSON file next to the fleet file", () => {
    writeFileSync(join(dir, "day.csv"), "time,kW\n# a calm morning\n00:00,500\n06:00,1500\n12:00,6000\n");
    const f = parseFleet(fleet("        profile: { kind: recorded, file: day.csv }"), fleetPath, {});
    assert.deepEqual(f.mk6[0].sites[0].profile, { kind: "recorded", points: [["00:00", 500], ["06:00", 1500], ["12:00", 6e3]] });
    writeFileSync(join(dir, "day.json"), '{"points": [\n  ["00:00", 100],\n  ["12:00", 200]\n]}\n');
    const g = parseFleet(fleet("        profile: { kind: recorded, file: day.json }"), fleetPath, {});
    assert.deepEqual(g.mk6[0].sites[0].profile, { kind: "recorded", points: [["00:00", 100], ["12:00", 200]] });
  });
  it("names the recorded file and its line, and the fleet file and its line", () => {
    writeFileSync(join(dir, "bad.csv"), "time,kW\n00:00,500\n06:00,abc\n");
    const [p] = faults(fleet("        profile: { kind: recorded, file: bad.csv }"));
    assert.match(p, /fleet\.yaml:9 .*profile\.file: bad\.csv:3: kW invalide/);
    writeFileSync(join(dir, "high.csv"), "00:00,500\n06:00,9000\n");
    assert.match(faults(fleet("        profile: { kind: recorded, file: high.csv }"))[0], /high\.csv:2: kW hors plage \[0, 8340\]: 9000/);
    writeFileSync(join(dir, "bad.json"), '[\n  ["00:00", 100],\n  ["99:00", 200]\n]\n');
    assert.match(faults(fleet("        profile: { kind: recorded, file: bad.json }"))[0], /bad\.json:3: heure invalide/);
    assert.match(faults(fleet("        profile: { kind: recorded, file: none.csv }"))[0], /none\.csv: illisible \(ENOENT\)/);
    assert.match(faults(fleet("        dynamics: { ramp_kw_per_min: -5 }"))[0], /fleet\.yaml:9 .*ramp_kw_per_min/);
    assert.match(faults(fleet("        profile: { kind: walk, min_kw: 0, max_kw: 9000, step_kw: 1, interval_s: 10 }"))[0], /fleet\.yaml:9 .*max_kw \(9000\) dépasse pmax_kw \(8340\)/);
    assert.match(faults(fleet("        dynamics: { ramp_kw_per_min: 5, ramp: 3 }"))[0], /fleet\.yaml:9 .*ramp.*clé inconnue/);
  });
});
