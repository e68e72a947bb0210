import { it } from "node:test";
import assert from "node:assert/strict";
import { parseRecetteText, RecetteError } from "../../src/config/recette-file.js";
const FILE = `name: ""
window: { from: 2026-03-01T10:00:00Z, to: nope }
extra: 1
checks:
  - { id: a, kind: max_rate_while_down, per_minute: 0 }
  - { id: b, kind: no_errors, methods: [] }
  - { id: c, kind: max_rate_while_down, per_minute: "x" }
  - { id: a, kind: no_errors, methods: [GETT] }
  - 7
  - { id: e, kind: polls, max_gap: 2 min, mk6: [NOPE] }
`;
function problems(lang) {
  try {
    parseRecetteText(FILE, "r.yaml", /* @__PURE__ */ new Set(["ROU2"]), lang);
  } catch (err) {
    if (err instanceof RecetteError) return err.problems;
    throw err;
  }
  assert.fail("the file is refused");
}
it("every fault of a recette file, at its line and path, in French and in English", () => {
  assert.deepEqual(problems("fr"), [
    "r.yaml:3 extra: champ inconnu",
    'r.yaml:1 name: longueur entre 1 et 200 caract\xE8res ("")',
    'r.yaml:2 window.to: heure ISO 8601 invalide: "nope"',
    "r.yaml:5 checks[0].per_minute: sup\xE9rieur \xE0 0 attendu (0)",
    "r.yaml:6 checks[1].methods: au moins 1 \xE9l\xE9ment",
    'r.yaml:7 checks[2].per_minute: attendu: un nombre ("x")',
    'r.yaml:8 checks[3].methods[0]: valeur invalide: "GETT" (GET|POST|PATCH|PUT|DELETE)',
    "r.yaml:8 checks[3].id: id en double (d\xE9j\xE0 checks[0])",
    "r.yaml:9 checks[4]: un objet {id, kind, \u2026} est attendu",
    'r.yaml:10 checks[5].max_gap: dur\xE9e invalide: "2 min" (ex. 30s, 5m, 1h, 1h30m)',
    "r.yaml:10 checks[5].mk6[0]: MK6 inconnu: 'NOPE' (ROU2)"
  ]);
  assert.deepEqual(problems("en"), [
    "r.yaml:3 extra: unknown field",
    'r.yaml:1 name: length between 1 and 200 characters ("")',
    'r.yaml:2 window.to: invalid ISO 8601 time: "nope"',
    "r.yaml:5 checks[0].per_minute: greater than 0 expected (0)",
    "r.yaml:6 checks[1].methods: at least 1 item",
    'r.yaml:7 checks[2].per_minute: a number is expected ("x")',
    'r.yaml:8 checks[3].methods[0]: invalid value: "GETT" (GET|POST|PATCH|PUT|DELETE)',
    "r.yaml:8 checks[3].id: duplicate id (already checks[0])",
    "r.yaml:9 checks[4]: an object {id, kind, \u2026} is expected",
    'r.yaml:10 checks[5].max_gap: invalid duration: "2 min" (e.g. 30s, 5m, 1h, 1h30m)',
    "r.yaml:10 checks[5].mk6[0]: unknown MK6: 'NOPE' (ROU2)"
  ]);
});
