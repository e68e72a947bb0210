import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { verdictMessages } from "../../src/i18n/verdict-messages.js";
import { reportMessages } from "../../src/i18n/report-messages.js";
import { recetteFileMessages } from "../../src/i18n/verdict-file-messages.js";
const { noneSent: _noneSent, ...limitsLackingOne } = verdictMessages.en.limits;
const verdictLackingOne = { ...verdictMessages.en, limits: limitsLackingOne };
const { notHar: _notHar, ...replayLackingOne } = reportMessages.fr.replay;
const reportLackingOne = { ...reportMessages.fr, replay: replayLackingOne };
const { duplicateId: _duplicateId, ...fileLackingOne } = recetteFileMessages.en;
const fileMessagesLackingOne = fileLackingOne;
const otherParameters = { ...verdictMessages.en, andMore: (n, extra) => `${n}${extra}` };
void [verdictLackingOne, reportLackingOne, fileMessagesLackingOne, otherParameters];
function leaves(o, path = []) {
  return Object.entries(o).flatMap(([k, v]) => v && typeof v === "object" ? leaves(v, [...path, k]) : [[[...path, k].join("."), v]]);
}
const SAME_IN_BOTH = /* @__PURE__ */ new Set([
  "replay.absent"
  // `(absent)` is French and English alike
]);
describe("the verdict and report catalogues", () => {
  for (const [name, catalogue] of [["verdict", verdictMessages], ["reports", reportMessages], ["recette file", recetteFileMessages]]) {
    it(`${name}: the same messages with the same parameters in French and English, said differently`, () => {
      const fr = new Map(leaves(catalogue.fr));
      const en = new Map(leaves(catalogue.en));
      assert.deepEqual([...en.keys()].sort(), [...fr.keys()].sort());
      for (const [key, f] of fr) {
        const e = en.get(key);
        assert.equal(typeof f, typeof e, key);
        if (typeof f === "function") assert.equal(f.length, e.length, key);
        if (typeof f === "string") {
          assert.ok(f.trim() && e.trim(), key);
          if (!SAME_IN_BOTH.has(key)) assert.notEqual(f, e, `${key}: "${f}" in both languages`);
        }
      }
    });
  }
  it("formats numbers, powers and durations by the language", () => {
    const p = { mk6: "ROU2", kw: 9e3, sycode: "PDL1", at: Date.parse("2026-03-01T10:00:00Z"), pmax: 8340, answered: null, journal: 7 };
    assert.equal(verdictMessages.en.limits.abovePmax(p), "ROU2: setpoint 9,000 kW on PDL1 at 10:00:00 above pmax 8,340 kW (accepted, journal #7)");
    assert.match(verdictMessages.fr.limits.abovePmax(p), /^ROU2: consigne 9\s000 kW sur PDL1 à 10:00:00 au-dessus de pmax 8\s340 kW \(acceptée, journal #7\)$/u);
    assert.equal(verdictMessages.en.andMore(3), "\u2026 3 more");
    assert.equal(verdictMessages.fr.andMore(3), "\u2026 et 3 de plus");
    assert.equal(reportMessages.en.replay.summary({ identical: 1200, total: 1250, clock: true, seconds: 2.25 }).replace(/\s/g, " "), "1,200 of 1,250 identical in 2.3 s");
    assert.match(reportMessages.fr.replay.summary({ identical: 1200, total: 1250, clock: true, seconds: 2.25 }), /^1\s200 sur 1\s250 identiques en 2,3\ss$/u);
  });
});
