import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FleetFileError, parseFleet } from "../../src/config/fleet-file.js";
import { parseTimelineText, TimelineError } from "../../src/config/timeline-file.js";
import { call, startFleet } from "../helpers/fleet-app.js";
function words(alternatives) {
  return new RegExp(`(?<!\\p{L})(${alternatives})(?!\\p{L})`, "iu");
}
const FRENCH = words("d\xE9j\xE0|utilis\xE9|attendu|attendue|obligatoire|manquant|inconnue?|variable d'environnement|d\xE9finie?|illisible|invalide|plage|heure|aucun|au plus|racine|une liste|un objet|pour|va avec|sinon");
const ENGLISH = words("already|used by|expected|required|missing|unknown|environment variable|defined|unreadable|invalid|range|no point|at most|root|a list|an object|for|goes with|otherwise");
function problemsOf(fn) {
  try {
    fn();
  } catch (err) {
    if (err instanceof FleetFileError || err instanceof TimelineError) return err;
    throw err;
  }
  assert.fail("the file was accepted");
}
function assertBothLanguages(err, expectedCount) {
  const fr = err.render("fr").split("\n");
  const en = err.render("en").split("\n");
  assert.equal(fr.length, expectedCount + 1, err.render("fr"));
  assert.equal(en.length, fr.length);
  assert.equal(err.message, err.render("fr"), "the message of the error is the French rendering");
  for (let i = 1; i < fr.length; i++) {
    const place = (line) => line.trim().split(" ")[0];
    assert.equal(place(en[i]), place(fr[i]), "the same file:line in both");
    assert.match(fr[i], FRENCH, `French words in: ${fr[i]}`);
    assert.doesNotMatch(en[i], FRENCH, `no French in: ${en[i]}`);
    assert.match(en[i], ENGLISH, `English words in: ${en[i]}`);
  }
}
describe("fleet file faults in both languages", () => {
  it("every rule of the file, in French and in English, at the same lines", () => {
    const text = [
      "name: f",
      "proxy: { port: 9301 }",
      "workers: { port: 8080 }",
      // port without address_per_mk6
      "mk6:",
      "  - id: A",
      "    port: 9301",
      // the proxy's
      "    auth: { token_env: MK6_TEST_UNSET_VAR }",
      "    sites: [{ sycode: S1, name: s1, role: thissite, pmax_kw: 100 }]",
      "  - id: A",
      // used twice
      "    colour: red",
      // an unknown key
      "    sites: [{ sycode: S1, name: s1, role: nearsite, pmax_kw: 100 }]",
      // no thissite
      ""
    ].join("\n");
    const err = problemsOf(() => parseFleet(text, "fleet.yaml", {}));
    assertBothLanguages(err, 6);
  });
  it("an unreadable recorded day and a root that is not an object", () => {
    const dir = mkdtempSync(join(tmpdir(), "mk6-files-"));
    const file = join(dir, "fleet.yaml");
    const day = "mk6:\n  - id: A\n    sites: [{ sycode: S1, name: s1, role: thissite, pmax_kw: 100, profile: { kind: recorded, file: missing.csv } }]\n";
    assertBothLanguages(problemsOf(() => parseFleet(day, file, {})), 1);
    assertBothLanguages(problemsOf(() => parseFleet("- a list\n", file, {})), 1);
  });
});
describe("timeline faults in both languages", () => {
  it("every fault of the events, at the same lines", () => {
    const text = ["timeline:", '  - { at: "2026-03-01T10:00:00Z", action: kill, mk6: A, colour: red }', "  - { action: offline, mk6: A }", "  - 42", ""].join("\n");
    assertBothLanguages(problemsOf(() => parseTimelineText(text, "day.yaml")), 3);
  });
  it("a document that is not a list of events", () => {
    assertBothLanguages(problemsOf(() => parseTimelineText("hello: 1\n", "day.yaml")), 1);
  });
});
describe("a bad timeline through the API", () => {
  let fleet;
  before(async () => {
    fleet = await startFleet();
  });
  after(() => fleet.stop());
  const body = { timeline: [{ at: "2026-03-01T10:00:00Z", action: "kill", mk6: "ROU2", colour: "red" }, { action: "offline", mk6: "ROU2" }] };
  for (const [header, lang] of [["en", "en"], ["fr", "fr"], [null, "fr"]]) {
    it(`answers its problems in ${lang} for Accept-Language ${header ?? "(none)"}`, async () => {
      const res = await call(fleet.url, "POST", "/mock/timeline", body, header ? { "accept-language": header } : {});
      assert.equal(res.status, 400);
      assert.equal(res.headers.get("content-language"), lang);
      const { error, message, details } = res.body;
      assert.equal(error, "BAD_REQUEST");
      assert.equal(details.problems.length, 2);
      for (const text of [message, ...details.problems]) {
        if (lang === "en") assert.doesNotMatch(text, FRENCH, text);
        else assert.doesNotMatch(text, /\b(already|expected|required|unknown|invalid)\b/i, text);
      }
      assert.match(details.problems[0], /^events\[0\]\.colour: /);
    });
  }
});
