import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { langFromAcceptLanguage, langFromEnvironment, parseLangFlag } from "../../src/i18n/lang.js";
import { formatDuration, formatKw } from "../../src/i18n/format.js";
describe("terminal language: --lang > MK6_LANG > LC_ALL > LC_MESSAGES > LANG", () => {
  it("takes the first one set, in that order", () => {
    const env = { MK6_LANG: "en", LC_ALL: "fr_FR.UTF-8", LC_MESSAGES: "en_US.UTF-8", LANG: "fr_FR.UTF-8" };
    assert.equal(langFromEnvironment("fr", env), "fr");
    assert.equal(langFromEnvironment(void 0, env), "en");
    assert.equal(langFromEnvironment(void 0, { ...env, MK6_LANG: void 0 }), "fr");
    assert.equal(langFromEnvironment(void 0, { LC_MESSAGES: "en_US.UTF-8", LANG: "fr_FR.UTF-8" }), "en");
    assert.equal(langFromEnvironment(void 0, { LANG: "fr_FR.UTF-8" }), "fr");
    assert.equal(langFromEnvironment(void 0, { LANG: "fr_CA" }), "fr");
  });
  it("an empty variable is not set; none set, C or another language \u2192 English", () => {
    assert.equal(langFromEnvironment(void 0, { LC_ALL: "", LANG: "fr_FR.UTF-8" }), "fr");
    assert.equal(langFromEnvironment(void 0, {}), "en");
    assert.equal(langFromEnvironment(void 0, { LANG: "C.UTF-8" }), "en");
    assert.equal(langFromEnvironment(void 0, { LANG: "de_DE.UTF-8" }), "en");
    assert.equal(langFromEnvironment(void 0, { LANG: "french" }), "en");
  });
  it("--lang accepts fr and en only", () => {
    assert.equal(parseLangFlag("FR"), "fr");
    assert.equal(parseLangFlag("en"), "en");
    assert.equal(parseLangFlag("de"), null);
  });
});
describe("API language: Accept-Language, French by default", () => {
  it("picks the acceptable language of highest weight", () => {
    assert.equal(langFromAcceptLanguage(void 0), "fr");
    assert.equal(langFromAcceptLanguage(""), "fr");
    assert.equal(langFromAcceptLanguage("en"), "en");
    assert.equal(langFromAcceptLanguage("en-US,en;q=0.9"), "en");
    assert.equal(langFromAcceptLanguage("fr-FR"), "fr");
    assert.equal(langFromAcceptLanguage("de, en;q=0.5, fr;q=0.8"), "fr");
    assert.equal(langFromAcceptLanguage("fr;q=0.2, en;q=0.9"), "en");
    assert.equal(langFromAcceptLanguage("de-DE"), "fr");
    assert.equal(langFromAcceptLanguage("en;q=0"), "fr");
    assert.equal(langFromAcceptLanguage("*"), "fr");
  });
  it("any header gives fr or en and never throws", () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (h) => ["fr", "en"].includes(langFromAcceptLanguage(h))));
  });
});
describe("formats through Intl", () => {
  it("powers: 8 340 kW in French, 8,340 kW in English", () => {
    assert.equal(formatKw("fr", 8340), "8\u202F340 kW");
    assert.equal(formatKw("en", 8340), "8,340 kW");
    assert.equal(formatKw("fr", 1.5), "1,5 kW");
  });
  it("durations: hours, minutes and seconds in the locale", () => {
    assert.match(formatDuration("fr", 54e5), /^1\sh 30\smin$/);
    assert.match(formatDuration("en", 54e5), /^1\shr 30\smins$/);
    assert.match(formatDuration("en", 250), /^250\sms$/);
  });
});
