import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { call, startFleet } from "../helpers/fleet-app.js";
import { replay, reportText, ReplayFileError } from "../../supervisor/cli/replay.js";
const plain = (s) => s.replace(/[\u00a0\u202f]/g, " ");
describe("the replay report in the reader\u2019s language", () => {
  let fleet;
  let har;
  before(async () => {
    fleet = await startFleet({ mk6: [{ id: "A", sites: [{ sycode: "SA", name: "Site A", role: "thissite", pmax_kw: 5e3 }] }] });
    const planning = await call(fleet.url, "GET", "/api/v1/mk6/A/planning");
    const entry = (path, status, text, truncated = false) => ({
      request: { method: "GET", url: `http://gw.example${path}`, headers: [] },
      response: { status, content: { text, ...truncated ? { _truncated: true } : {} } },
      _source: "GW"
    });
    har = {
      log: {
        entries: [
          entry("/api/v1/mk6/A/planning", 200, JSON.stringify(planning.body)),
          // identical
          entry("/api/v1/mk6/NOPE/monitoring", 200, '{"x":1}'),
          // now an unknown MK6
          entry("/api/v1/mk6/NOPE/planning", 200, '{"cut', true)
          // cut in the file: status alone
        ]
      }
    };
  });
  after(() => fleet?.stop());
  it("says N of M identical and each difference in English, then in French", async () => {
    const en = plain(reportText(await replay(har, { url: fleet.url, lang: "en" }), "en"));
    assert.match(en, /^1 of 3 identical in \d+(\.\d)? s$/m);
    assert.match(en, /^#2 GET \/api\/v1\/mk6\/NOPE\/monitoring: status 200 → 404$/m);
    assert.match(en, /^ {2}x: 1 → \(absent\)$/m);
    assert.match(en, /^ {2}error: \(absent\) → "MK6_NOT_FOUND"$/m);
    assert.match(en, /^#3 GET \/api\/v1\/mk6\/NOPE\/planning: status 200 → 404\n {2}body cut in the file: status alone compared$/m);
    assert.doesNotMatch(en, /\b(sur|identiques|statut|corps)\b/);
    const fr = plain(reportText(await replay(har, { url: fleet.url, lang: "fr" }), "fr"));
    assert.match(fr, /^1 sur 3 identiques en \d+(,\d)? s$/m);
    assert.match(fr, /^#2 GET \/api\/v1\/mk6\/NOPE\/monitoring: statut 200 → 404$/m);
    assert.match(fr, /^ {2}x: 1 → \(absent\)$/m);
    assert.match(fr, /^#3 GET \/api\/v1\/mk6\/NOPE\/planning: statut 200 → 404\n {2}corps coupé dans le fichier: statut seul comparé$/m);
    assert.doesNotMatch(fr, /\b(of|identical|status|body)\b/);
  });
  it("a file that is not HAR is refused in the reader\u2019s words", async () => {
    await assert.rejects(replay({ nope: 1 }, { url: fleet.url, lang: "en" }), (err) => err instanceof ReplayFileError && /^not a HAR file: log\.entries missing$/.test(err.message));
    await assert.rejects(replay({ nope: 1 }, { url: fleet.url, lang: "fr" }), (err) => err instanceof ReplayFileError && /^pas un fichier HAR: log\.entries absent$/.test(err.message));
  });
});
