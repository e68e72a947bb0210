import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseFleet } from "../../src/config/fleet-file.js";
import { YamlSource } from "../../src/config/yaml-source.js";
import { fleetFileFaults, timelineFaults } from "../helpers/file-faults.js";
const problems = (text, file = "fleet.yaml", env = {}) => fleetFileFaults(text, file, env);
const timelineProblems = (text) => timelineFaults(text, "day.yaml");
describe("YAML path \u2192 line", () => {
  it("finds the node of a path, else its closest ancestor", () => {
    const src = new YamlSource("mk6:\n  - id: A\n    sites:\n      - sycode: S\n        pmax_kw: 0\n", "f.yaml");
    assert.equal(src.lineOf(["mk6", 0, "sites", 0, "pmax_kw"]), 5);
    assert.equal(src.lineOf(["mk6", 0, "sites", 0, "name"]), 4, "an absent key: its object");
    assert.equal(src.lineOf([]), 1);
    assert.equal(src.fault(["mk6", 0, "sites", 0, "pmax_kw"], () => "x")("fr"), "f.yaml:5 mk6[0].sites[0].pmax_kw: x");
  });
});
describe("fleet file faults by schema, at their lines", () => {
  it("a fault deep in a site", () => {
    const text = [
      "name: t",
      //                                                  1
      "mk6:",
      //                                                     2
      "  - id: A",
      //                                                3
      "    sites:",
      //                                               4
      "      - sycode: S1",
      //                                       5
      "        name: S1",
      //                                         6
      "        role: thissite",
      //                                   7
      "        pmax_kw: 100",
      //                                     8
      "      - sycode: S2",
      //                                       9
      "        name: S2",
      //                                        10
      "        role: nearsite",
      //                                  11
      '        pmax_kw: "lots"'
      //                                 12
    ].join("\n");
    assert.deepEqual(problems(text), ["fleet.yaml:12 mk6[0].sites[1].pmax_kw: pmax_kw doit \xEAtre un nombre"]);
  });
  it("a fault in a network condition", () => {
    const text = "mk6:\n  - id: A\n    sites:\n      - {sycode: S1, name: S1, role: thissite, pmax_kw: 1}\n    network:\n      - name: lag\n        type: latency\n        latency_ms: 700000\n";
    assert.deepEqual(problems(text), ["fleet.yaml:8 mk6[0].network[0].latency_ms: latency_ms invalide: 700000 (un nombre >= 0 et <= 600000)"]);
  });
  it("several faults at once, schema and cross-field, in file order", () => {
    const text = [
      "name: t",
      //                                                               1
      "colour: red",
      //                                                           2
      "proxy: {port: 70000}",
      //                                                  3
      "mk6:",
      //                                                                  4
      "  - id: A",
      //                                                             5
      "    auth: {token_env: MISSING_TOKEN}",
      //                                  6
      "    sites:",
      //                                                            7
      "      - {sycode: S1, name: S1, role: thissite, pmax_kw: 1, pmax: 3}",
      //   8
      "  - id: A",
      //                                                             9
      "    port: abc",
      //                                                        10
      "    sites:",
      //                                                           11
      "      - {sycode: S1, name: S1, role: boss, pmax_kw: -1}",
      //              12
      "  - id: C",
      //                                                            13
      "    sites:",
      //                                                           14
      "      - {sycode: S1, name: S1, role: nearsite, pmax_kw: 1}",
      //           15
      '  - "not an object"'
      //                                                  16
    ].join("\n");
    assert.deepEqual(problems(text), [
      "fleet.yaml:2 colour: cl\xE9 inconnue (attendu: name, seed, engine, proxy, workers, mk6)",
      "fleet.yaml:3 proxy.port: port invalide: 70000 (0..65535, 0 = libre)",
      "fleet.yaml:6 mk6[0].auth.token_env: la variable d'environnement MISSING_TOKEN n'est pas d\xE9finie",
      "fleet.yaml:8 mk6[0].sites[0].pmax: cl\xE9 inconnue (attendu: sycode, name, role, pmax_kw, prm_id, dynamics, profile)",
      "fleet.yaml:9 mk6[1].id: 'A' d\xE9j\xE0 utilis\xE9 par mk6[0]",
      'fleet.yaml:10 mk6[1].port: port invalide: "abc" (0..65535, 0 = libre)',
      "fleet.yaml:12 mk6[1].sites[0].role: role invalide: 'boss' (thissite|nearsite)",
      "fleet.yaml:12 mk6[1].sites[0].pmax_kw: pmax_kw doit \xEAtre positif",
      "fleet.yaml:15 mk6[2].sites: Exactement un thissite attendu (0 trouv\xE9(s))",
      "fleet.yaml:16 mk6[3]: un objet {id, sites, \u2026} est attendu"
    ]);
  });
  it("a JSON file, with its lines", () => {
    const json = JSON.stringify({ mk6: [{ id: "A", port: 45e3, sites: [{ sycode: "S", name: "S", role: "thissite", pmax_kw: 1, prm_id: 7 }] }, { id: "B", port: 45e3, sites: [] }] }, null, 2);
    const line = (needle, nth = 0) => json.split("\n").map((l, i) => [l, i + 1]).filter(([l]) => l.includes(needle))[nth][1];
    assert.deepEqual(problems(json, "fleet.json"), [
      `fleet.json:${line('"prm_id": 7')} mk6[0].sites[0].prm_id: prm_id invalide`,
      `fleet.json:${line('"port": 45000', 1)} mk6[1].port: port 45000 d\xE9j\xE0 utilis\xE9 par mk6[0] (A)`,
      `fleet.json:${line('"sites": []')} mk6[1].sites: sites: entre 1 et 64 sites`
    ]);
  });
  it("a key without a value is absent, as a body field is; a valid file gives its typed fleet", () => {
    const fleet = parseFleet("mk6:\n  - id: A\n    aliases:\n    sites:\n      - {sycode: S, name: S, role: thissite, pmax_kw: 5, prm_id: }\n", "fleet.yaml", {});
    assert.deepEqual(fleet.mk6[0], { id: "A", aliases: [], host: "127.0.0.1", port: 9101, sites: [{ sycode: "S", name: "S", role: "thissite", pmax_kw: 5, prm_id: null }], tokenEnv: null, line: 2 });
    assert.deepEqual([fleet.name, fleet.seed, fleet.proxy, fleet.workers], ["fleet", 1, { host: "127.0.0.1", port: 9001 }, { host: "127.0.0.1", basePort: 9101, addresses: null, port: null }]);
  });
});
describe("timeline faults by schema, at their lines", () => {
  it("a fault in an event, in its network condition (at its value: the mapping under the key), and several at once", () => {
    const text = [
      "timeline:",
      //                                                                            1
      "  - at: 2026-03-01T10:00:00Z",
      //                                                        2
      "    action: constraint_on",
      //                                                           3
      "    mk6: VAI",
      //                                                                        4
      "    sycode: S1",
      //                                                                      5
      '    value_kw: "3 MW"',
      //                                                                6
      "    source: EDF",
      //                                                                     7
      "  - at: 2026-03-01T11:00:00Z",
      //                                                        8
      "    action: network_add",
      //                                                             9
      "    mk6: VAI",
      //                                                                       10
      "    condition:",
      //                                                                     11
      "      name: lag",
      //                                                                    12
      "      type: warp",
      //                                                                   13
      "  - {at: 2026-03-01T12:00:00Z, action: speed, speed: -1, mk6: A}"
      //                   14
    ].join("\n");
    assert.deepEqual(timelineProblems(text), [
      "day.yaml:6 events[0].value_kw: un nombre est attendu",
      "day.yaml:7 events[0].source: source invalide: 'EDF' (DEIE|SCADA)",
      'day.yaml:12 events[1].condition: type invalide: "warp" (latency|timeout|reset|error|slow)',
      "day.yaml:14 events[2].mk6: champ inconnu pour speed (attendu: at, action, speed)",
      "day.yaml:14 events[2].speed: un nombre >= 0 est attendu"
    ]);
  });
});
