import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { call, startFleet } from "../../helpers/fleet-app.js";
import { checkAgainstContract } from "../../helpers/contract.js";
import { assertWellFormedXml } from "../../helpers/xml.js";
import { verdictHtml, verdictJunit, verdictText } from "../../../supervisor/cli/report.js";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const CLI = join(ROOT, "dist/supervisor/cli/main.js");
const at = (hhmm) => `2026-03-01T${hhmm}:00Z`;
const RECETTE = `name: GW languages
checks:
  - { id: cadence, kind: polls, max_gap: 4m, mk6: [A] }
  - { id: slow, kind: polls, max_gap: 2m, mk6: [B] }
  - { id: limits, kind: setpoints_within_limits }
  - { id: reads, kind: no_errors, methods: [GET] }
  - { id: replan, kind: resends_after_restart, within: 5m }
  - { id: auth, kind: authenticated }
`;
const STATUSES = { cadence: "pass", slow: "fail", limits: "fail", reads: "pass", replan: "not_applicable", auth: "not_applicable" };
const SAID = {
  en: {
    cadence: /^1 MK6 polled at least every 4 mins while up/,
    slow: /^B: no monitoring call for 5 mins between 10:00:00 and 10:05:00, max 2 mins$/,
    limits: /^A: setpoint 9,000 kW on SA at 10:00:00 above pmax 5,000 kW \(answered \d{3}, journal #\d+\)$/,
    reads: /^4 GET calls, none answered 4xx$/,
    replan: /^no cold restart in the window$/,
    auth: /^no MK6 in scope had auth on$/
  },
  fr: {
    cadence: /^1 MK6 interrogé au moins toutes les 4 min en marche/,
    slow: /^B: aucun appel monitoring pendant 5 min entre 10:00:00 et 10:05:00, max 2 min$/,
    limits: /^A: consigne 9 000 kW sur SA à 10:00:00 au-dessus de pmax 5 000 kW \(réponse \d{3}, journal #\d+\)$/,
    reads: /^4 appels GET, aucune réponse 4xx$/,
    replan: /^aucun redémarrage à froid dans la fenêtre$/,
    auth: /^aucun MK6 du périmètre n'avait l'auth active$/
  }
};
const FOREIGN = { fr: /\b(no|call|calls|above|none|every|while|window|setpoint)\b/, en: /\b(aucun|appels?|consigne|au-dessus|pendant|fenêtre|entre)\b/ };
const plain = (s) => s.replace(/[\u00a0\u202f]/g, " ");
function machine(v) {
  const { duration_ms: _took, journal: _grows, checks, ...rest } = v;
  return { ...rest, checks: checks.map(({ message: _m, evidence, ...c }) => ({ ...c, evidence: evidence.map(({ what: _w, ...e }) => e) })) };
}
describe("the verdict in the reader\u2019s language", () => {
  let fleet;
  let dir;
  const verdicts = {};
  const ask = async (body, headers) => {
    const res = await call(fleet.url, "POST", "/mock/verdicts", body, { "content-type": "text/yaml", ...headers });
    return { lang: res.headers.get("content-language"), status: res.status, body: res.body };
  };
  before(async () => {
    fleet = await startFleet({
      mk6: [
        { id: "A", sites: [{ sycode: "SA", name: "Site A", role: "thissite", pmax_kw: 5e3 }] },
        { id: "B", sites: [{ sycode: "SB", name: "Site B", role: "thissite", pmax_kw: 5e3 }] }
      ]
    });
    dir = mkdtempSync(join(tmpdir(), "mk6-verdict-lang-"));
    assert.equal((await call(fleet.url, "POST", "/mock/reset")).status, 200);
    assert.equal((await call(fleet.url, "POST", "/mock/time", { now: at("10:00") })).status, 200);
    for (const id of ["A", "B"]) assert.equal((await call(fleet.url, "GET", `/api/v1/mk6/${id}/monitoring`)).status, 200);
    const refused = await call(fleet.url, "POST", "/api/v1/mk6/A/requests", { set: "Psetpoint", site: "SA", psetpoint: 9e3, start_time: at("11:00"), end_time: at("12:00") });
    assert.ok(refused.status >= 400 && refused.status < 500, JSON.stringify(refused.body));
    for (const t of ["10:01", "10:02", "10:03", "10:04", "10:05"]) {
      assert.equal((await call(fleet.url, "POST", "/mock/time", { now: at(t) })).status, 200);
      if (t === "10:03") assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring")).status, 200);
    }
    assert.equal((await call(fleet.url, "GET", "/api/v1/mk6/A/monitoring")).status, 200);
  });
  after(async () => {
    await fleet?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  it("answers the messages in the language asked, French without one; ids, kinds, statuses and evidence never change", async () => {
    let first = null;
    for (const [header, lang] of [["en", "en"], ["en-GB,en;q=0.9,fr;q=0.5", "en"], ["fr", "fr"], ["fr-FR", "fr"], [null, "fr"]]) {
      const res = await ask(RECETTE, header === null ? {} : { "accept-language": header });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.lang, lang, `Content-Language for ${header}`);
      checkAgainstContract("POST", "/mock/verdicts", 200, res.body);
      const v = res.body;
      assert.deepEqual(Object.fromEntries(v.checks.map((c) => [c.id, c.status])), STATUSES, `${header}`);
      for (const c of v.checks) {
        assert.match(plain(c.message), SAID[lang][c.id], `${header} ${c.id}`);
        assert.doesNotMatch(c.message, FOREIGN[lang], `${header} ${c.id}: ${c.message}`);
        for (const e of c.evidence) assert.doesNotMatch(e.what, FOREIGN[lang], `${header} ${c.id}: ${e.what}`);
      }
      const slow = v.checks.find((c) => c.id === "slow");
      assert.match(slow.evidence[0].what, lang === "en" ? /^last monitoring call/ : /^dernier appel monitoring/);
      first ??= machine(v);
      assert.deepEqual(machine(v), first, `${header}: the same verdict but for its words`);
      verdicts[lang] ??= v;
    }
  });
  it("a bad file's problems and message in the language asked, each at the same line and path", async () => {
    const bad = "name: x\nchecks:\n  - { id: a, kind: polls, max_gap: 2 min }\n  - { id: c, kind: authenticated, mk6: [NOPE] }\n";
    const expected = {
      en: ['recette:3 checks[0].max_gap: invalid duration: "2 min" (e.g. 30s, 5m, 1h, 1h30m)', "recette:4 checks[1].mk6[0]: unknown MK6: 'NOPE' (A, B)"],
      fr: ['recette:3 checks[0].max_gap: dur\xE9e invalide: "2 min" (ex. 30s, 5m, 1h, 1h30m)', "recette:4 checks[1].mk6[0]: MK6 inconnu: 'NOPE' (A, B)"]
    };
    let code = null;
    for (const [header, lang] of [["en", "en"], ["fr", "fr"], [null, "fr"]]) {
      const res = await ask(bad, header === null ? {} : { "accept-language": header });
      assert.equal(res.status, 400);
      assert.equal(res.lang, lang);
      assert.deepEqual(res.body.details.problems, expected[lang], `${header}`);
      assert.match(res.body.message, lang === "en" ? /^Invalid recette: recette:3 / : /^Recette invalide: recette:3 /);
      code ??= res.body.error;
      assert.equal(res.body.error, code);
    }
    const json = await call(fleet.url, "POST", "/mock/verdicts", { name: "x", checks: [{ id: "a", kind: "polls" }] }, { "accept-language": "en" });
    assert.deepEqual(json.body.details.problems, ["checks[0].max_gap: required field"]);
  });
  it("the terminal, HTML and JUnit reports in each language", () => {
    const { en, fr } = verdicts;
    assert.ok(en && fr, "the verdicts of the first test");
    const textEn = plain(verdictText(en, "en"));
    const textFr = plain(verdictText(fr, "fr"));
    assert.match(textEn, /^GW languages: 2 passed, 2 failed, 2 not applicable \(journal: \d+ entries, \d+ events\)$/m);
    assert.match(textEn, /^ {2}PASS {2}cadence \(polls\): 1 MK6 polled/m);
    assert.match(textEn, /^ {2}FAIL {2}slow \(polls\): B: no monitoring call/m);
    assert.match(textEn, /^ {2}N\/A {3}replan \(resends_after_restart\): no cold restart/m);
    assert.match(textEn, /^ +01\/03\/2026, 10:00:00 UTC {2}B {2}journal #\d+ {2}last monitoring call/m);
    assert.match(textFr, /^GW languages: 2 OK, 2 en échec, 2 sans objet \(journal: \d+ entrées, \d+ événements\)$/m);
    assert.match(textFr, /^ {2}OK {5}cadence \(polls\): 1 MK6 interrogé/m);
    assert.match(textFr, /^ {2}ÉCHEC {2}slow \(polls\): B: aucun appel monitoring/m);
    assert.match(textFr, /^ {2}S\.O\. {3}replan \(resends_after_restart\): aucun redémarrage/m);
    assert.match(textFr, /^ +01\/03\/2026 10:00:00 UTC {2}B {2}journal #\d+ {2}dernier appel monitoring/m);
    assert.doesNotMatch(textFr, /\b(passed|failed|not applicable|entries|events|PASS|FAIL)\b/);
    assert.doesNotMatch(textEn, /\b(en échec|sans objet|entrées|événements|ÉCHEC)\b/);
    const htmlEn = verdictHtml(en, "en");
    const htmlFr = verdictHtml(fr, "fr");
    assert.match(htmlEn, /<html lang="en">/);
    assert.match(htmlEn, /<title>GW languages: recette verdict<\/title>/);
    assert.match(htmlEn, /<th>message and evidence<\/th>/);
    assert.match(htmlFr, /<html lang="fr">/);
    assert.match(htmlFr, /<title>GW languages: verdict de recette<\/title>/);
    assert.match(htmlFr, /<th>vérification<\/th>/);
    assert.match(plain(htmlFr), /2 OK, 2 en échec, 2 sans objet; fenêtre depuis le début – jusqu'à maintenant/);
    assert.match(htmlFr, /<tr class="fail"><td>ÉCHEC<\/td><td>slow<\/td><td>polls<\/td><td>B: aucun appel monitoring/);
    for (const [lang, v, failure, skipped] of [["en", en, "B: no monitoring call", "no cold restart"], ["fr", fr, "B: aucun appel monitoring", "aucun red\xE9marrage"]]) {
      const xml = verdictJunit(v, lang);
      const names = assertWellFormedXml(xml);
      assert.deepEqual(names.filter((n) => n !== "system-out"), ["testsuites", "testsuite", ...Array(6).fill("testcase").flatMap((t, i) => [t, ...[1, 2].includes(i) ? ["failure"] : [4, 5].includes(i) ? ["skipped"] : []])]);
      assert.match(xml, /<testsuites name="GW languages" tests="6" failures="2" errors="0" skipped="2"/);
      assert.match(plain(xml), new RegExp(`name="slow \\(polls\\)" time="0">\\s*<failure message="${failure}`));
      assert.match(plain(xml), new RegExp(`<skipped message="${skipped}`));
      assert.doesNotMatch(xml, FOREIGN[lang]);
    }
  });
  it("`mk6-fleet verify` prints, writes and asks in the reader\u2019s language", async () => {
    const file = join(dir, "languages.yaml");
    writeFileSync(file, RECETTE);
    const run = (env, tag) => new Promise(
      (ok) => execFile(
        process.execPath,
        [CLI, "verify", file, "--url", fleet.url, "--junit", join(dir, `${tag}.xml`), "--html", join(dir, `${tag}.html`)],
        { env: { ...process.env, MK6_LANG: "", LC_ALL: "", LC_MESSAGES: "", ...env }, timeout: 3e4 },
        (err, stdout, stderr) => ok({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr })
      )
    );
    const en = await run({ LANG: "en_US.UTF-8" }, "en");
    assert.equal(en.code, 1, en.stdout + en.stderr);
    assert.match(plain(en.stdout), /^GW languages: 2 passed, 2 failed, 2 not applicable/);
    assert.match(plain(en.stdout), /FAIL {2}limits \(setpoints_within_limits\): A: setpoint 9,000 kW on SA/);
    assert.doesNotMatch(en.stdout, FOREIGN.en);
    assert.match(readFileSync(join(dir, "en.html"), "utf8"), /<html lang="en">/);
    assertWellFormedXml(readFileSync(join(dir, "en.xml"), "utf8"));
    const fr = await run({ LANG: "fr_FR.UTF-8" }, "fr");
    assert.equal(fr.code, 1, fr.stdout + fr.stderr);
    assert.match(plain(fr.stdout), /^GW languages: 2 OK, 2 en échec, 2 sans objet/);
    assert.match(plain(fr.stdout), /ÉCHEC {2}limits \(setpoints_within_limits\): A: consigne 9 000 kW sur SA/);
    assert.doesNotMatch(fr.stdout, FOREIGN.fr);
    assert.match(readFileSync(join(dir, "fr.html"), "utf8"), /<html lang="fr">/);
    assert.match(plain(readFileSync(join(dir, "fr.xml"), "utf8")), /<failure message="A: consigne 9 000 kW/);
  });
});
