import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { apiMessages, say, verbatim } from "../../src/i18n/api-messages.js";
import { errors } from "../../src/contract/errors.js";
const SAME_IN_BOTH = {};
function rendered(lang, key) {
  const m = apiMessages[lang][key];
  return typeof m === "string" ? m : m(...Array.from({ length: m.length }, (_, i) => 8340 + i));
}
describe("API catalogue", () => {
  const keys = Object.keys(apiMessages.fr);
  it("has the same keys in French and English, each message taking the same parameters", () => {
    assert.deepEqual(Object.keys(apiMessages.en).sort(), [...keys].sort());
    for (const k of keys) {
      const fr = apiMessages.fr[k];
      const en = apiMessages.en[k];
      assert.equal(typeof fr, typeof en, k);
      if (typeof fr === "function") assert.equal(fr.length, en.length, k);
    }
  });
  it("renders every message in both languages, non-empty, and differently unless allowlisted", () => {
    for (const k of keys) {
      const fr = rendered("fr", k);
      const en = rendered("en", k);
      assert.ok(fr.trim() && en.trim(), k);
      assert.doesNotMatch(fr + en, /undefined|\[object /, k);
      if (SAME_IN_BOTH[k] === void 0) assert.notEqual(fr, en, `${k}: "${fr}" in both languages`);
    }
  });
  it("formats the numbers a person reads by the language (psetpoint above pmax)", () => {
    const text = say("psetpointOutOfRange", 8340, 9e3);
    assert.equal(text("en"), "psetpoint out of range [0, 8,340]: 9,000");
    assert.match(text("fr"), /^psetpoint hors plage \[0, 8\s340\]: 9\s000$/u);
  });
  it("an error keeps the French message for logs and says its body in the reader's language; codes and details never change", () => {
    const e = errors.mk6NotFound("ROU9");
    assert.equal(e.message, "MK6 inconnu: 'ROU9'");
    assert.deepEqual(e.toBody(), { error: "MK6_NOT_FOUND", code: 404, message: "MK6 inconnu: 'ROU9'", details: { mk6_id: "ROU9" } });
    assert.deepEqual(e.toBody("en"), { error: "MK6_NOT_FOUND", code: 404, message: "Unknown MK6: 'ROU9'", details: { mk6_id: "ROU9" } });
  });
  it("a tester's own message (the `error` network condition) is the same in every language", () => {
    const e = errors.injected(503, "SCADA_DOWN", "SCADA en panne");
    assert.equal(e.toBody("en").message, "SCADA en panne");
    assert.equal(verbatim("x")("en"), "x");
  });
});
