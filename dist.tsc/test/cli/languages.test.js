import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { call, startFleet } from "../helpers/fleet-app.js";
import { NOBODY_URL } from "../helpers/fleet.js";
import { assertOnly, EN_ENV, FR_ENV, runCli } from "./in-process.js";
const site = (sycode) => [{ sycode, name: `Site ${sycode}`, role: "thissite", pmax_kw: 1e4 }];
const LANGS = [
  ["fr", FR_ENV],
  ["en", EN_ENV]
];
describe("mk6-fleet in French and in English", () => {
  let fleet;
  let dir;
  let closed;
  const both = async (args, code, says, before2) => {
    const runs = {};
    for (const [lang] of LANGS) {
      await before2?.();
      runs[lang] = await one(lang, args, code, says[lang]);
    }
    return runs;
  };
  const one = async (lang, args, code, says) => {
    const r = await runCli(["--url", fleet.url, ...args], lang === "fr" ? FR_ENV : EN_ENV);
    assert.equal(r.code, code, `${args.join(" ")} (${lang}): ${r.stdout}${r.stderr}`);
    assertOnly(lang, r, args.join(" "), says);
    return r;
  };
  const sameCode = (runs) => {
    const code = (r) => /\((\d{3} [A-Z_0-9]+)\)/.exec(r.stderr)?.[1];
    assert.ok(code(runs.fr), runs.fr.stderr);
    assert.equal(code(runs.fr), code(runs.en));
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "mk6-cli-lang-"));
    fleet = await startFleet({ mk6: [{ id: "ROU1", sites: site("SYCA") }, { id: "VAI2", sites: site("SYCB") }] });
    closed = NOBODY_URL;
  });
  after(async () => {
    await fleet?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  it("status, and a fleet that does not answer", async () => {
    await both(["status"], 0, { fr: /^horloge: \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d UTC \(système\)\nROU1 +http:\/\/127\.0\.0\.1:\d+ +en marche +en ligne/, en: /^clock: \d\d\/\d\d\/\d{4}, \d\d:\d\d:\d\d UTC \(system\)\nROU1 +http:\/\/127\.0\.0\.1:\d+ +running +online/ });
    for (const [lang, env] of LANGS) {
      const r = await runCli(["--url", closed, "status"], env);
      assert.equal(r.code, 3);
      assertOnly(lang, r, "status (unreachable)", lang === "fr" ? /flotte injoignable sur http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/ : /fleet unreachable at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    }
  });
  it("wait: ready, a bad --timeout, nobody answering", async () => {
    await both(["wait"], 0, { fr: /^flotte prête: 2 MK6 \(ROU1 prêt, VAI2 prêt\)$/m, en: /^fleet ready: 2 MK6 \(ROU1 ready, VAI2 ready\)$/m });
    await both(["wait", "--timeout", "1.5h"], 2, { fr: /--timeout: durée invalide: "1\.5h"/, en: /--timeout: invalid duration: "1\.5h"/ });
    for (const [lang, env] of LANGS) {
      const r = await runCli(["--url", closed, "wait", "--timeout", "300ms"], env);
      assert.equal(r.code, 3);
      assertOnly(lang, r, "wait (unreachable)", lang === "fr" ? /injoignable/ : /unreachable/);
    }
  });
  it("time set, advance, speed, release; its usage errors; a time the fleet refuses", async () => {
    await both(["time", "set", "2026-03-01T10:00:00Z"], 0, { fr: /^horloge: 01\/03\/2026 10:00:00 UTC \(simulée, figée\)$/, en: /^clock: 01\/03\/2026, 10:00:00 UTC \(simulated, frozen\)$/ });
    await both(["time", "advance", "1h30m"], 0, { fr: /^horloge: 01\/03\/2026 (11:30|13:00):00 UTC/, en: /^clock: 01\/03\/2026, (11:30|13:00):00 UTC/ });
    assert.equal((await call(fleet.url, "GET", "/supervision/api/time")).body.now, "2026-03-01T13:00:00Z", "advanced twice");
    await both(["time", "speed", "10"], 0, { fr: /\(simulée ×10\)$/, en: /\(simulated ×10\)$/ });
    await both(["time", "release"], 0, { fr: /^horloge: système \(temps réel\)$/, en: /^clock: system \(real time\)$/ });
    await both(["time", "advance", "soon"], 2, { fr: /durée invalide: "soon" \(ex\. 30s, 5m, 1h, 1h30m\)\nutilisation: mk6-fleet/, en: /invalid duration: "soon" \(e\.g\. 30s, 5m, 1h, 1h30m\)\nusage: mk6-fleet/ });
    await both(["time", "set"], 2, { fr: /time set: heure ISO manquante/, en: /time set: missing ISO time/ });
    await both(["time", "fly"], 2, { fr: /time: sous-commande inconnue 'fly' \(set\|advance\|speed\|release\)/, en: /time: unknown subcommand 'fly'/ });
    await both(["time", "speed", "fast"], 2, { fr: /speed: nombre attendu, pas 'fast'/, en: /speed: a number expected, not 'fast'/ });
    sameCode(await both(["time", "set", "yesterday"], 1, { fr: /refusé \(4\d\d [A-Z_]+\): /, en: /refused \(4\d\d [A-Z_]+\): / }));
  });
  it("kill, restart, offline, online; a missing ID, an MK6 the fleet does not have", async () => {
    await both(["kill", "VAI2", "--kind", "reset"], 0, { fr: /^VAI2: arrêté \(reset\) → \S/, en: /^VAI2: killed \(reset\) → \S/ }, () => call(fleet.url, "POST", "/mock/mk6/VAI2/restart", {}));
    await both(["restart", "VAI2", "--kind", "cold"], 0, { fr: /^VAI2: redémarré \(cold\) → en marche$/, en: /^VAI2: restarted \(cold\) → running$/ });
    await both(["offline", "ROU1"], 0, { fr: /^ROU1: hors ligne$/, en: /^ROU1: offline$/ });
    await both(["status"], 0, { fr: /ROU1 .* HORS LIGNE/, en: /ROU1 .* OFFLINE/ });
    await both(["online", "ROU1"], 0, { fr: /^ROU1: en ligne$/, en: /^ROU1: online$/ });
    for (const command of ["kill", "restart", "offline", "online"]) await both([command], 2, { fr: new RegExp(`${command}: ID manquant`), en: new RegExp(`${command}: missing ID`) });
    sameCode(await both(["kill", "NOPE"], 1, { fr: /refusé \(404 MK6_NOT_FOUND\): MK6 inconnu: 'NOPE'/, en: /refused \(404 MK6_NOT_FOUND\): Unknown MK6: 'NOPE'/ }));
    sameCode(await both(["offline", "NOPE"], 1, { fr: /refusé \(404 MK6_NOT_FOUND\)/, en: /refused \(404 MK6_NOT_FOUND\)/ }));
    sameCode(await both(["kill", "VAI2", "--kind", "nuke"], 1, { fr: /refusé \(4\d\d [A-Z_]+\): /, en: /refused \(4\d\d [A-Z_]+\): / }));
  });
  it("network add, ls, rm; its usage errors; what the fleet refuses", async () => {
    await both(["network", "ROU1", "add", "lag", "latency", "latency_ms=5"], 0, { fr: /^ROU1: condition lag \(latency\) ajoutée$/, en: /^ROU1: condition lag \(latency\) added$/ }, () => call(fleet.url, "DELETE", "/mock/mk6/ROU1/network"));
    await both(["network", "ROU1", "ls"], 0, { fr: /^lag\tlatency\t\{/, en: /^lag\tlatency\t\{/ });
    await both(["status"], 0, { fr: /ROU1 .* réseau=lag:latency/, en: /ROU1 .* network=lag:latency/ });
    await both(["network", "ROU1", "rm", "lag"], 0, { fr: /^ROU1: condition lag retirée$/, en: /^ROU1: condition lag removed$/ }, () => call(fleet.url, "POST", "/mock/mk6/ROU1/network", { name: "lag", type: "latency", latency_ms: 5 }));
    await both(["network", "ROU1", "rm"], 0, { fr: /^ROU1: toutes les conditions retirées$/, en: /^ROU1: every condition removed$/ });
    await both(["network", "ROU1", "ls"], 0, { fr: /^\(aucune condition\)$/, en: /^\(no condition\)$/ });
    await both(["network", "ROU1", "add", "x"], 2, { fr: /network ID add NOM TYPE \[clé=valeur …\]/, en: /network ID add NAME TYPE \[key=value …\]/ });
    await both(["network", "ROU1", "add", "x", "latency", "ms"], 2, { fr: /paramètre invalide: 'ms' \(clé=valeur attendu\)/, en: /bad parameter: 'ms' \(key=value expected\)/ });
    await both(["network", "ROU1", "fly"], 2, { fr: /network: sous-commande inconnue 'fly'/, en: /network: unknown subcommand 'fly'/ });
    await both(["network"], 2, { fr: /network: ID manquant/, en: /network: missing ID/ });
    sameCode(await both(["network", "ROU1", "add", "x", "latency", "latency_ms=-1"], 1, { fr: /refusé \(4\d\d [A-Z_]+\): .*latency_ms/, en: /refused \(4\d\d [A-Z_]+\): .*latency_ms/ }));
    sameCode(await both(["network", "ROU1", "rm", "gone"], 1, { fr: /refusé \(404 [A-Z_]+\): .*'gone'/, en: /refused \(404 [A-Z_]+\): .*'gone'/ }));
  });
  it("timeline load, show, clear, and status with one; a file that cannot be read", async () => {
    const file = join(dir, "day.yaml");
    writeFileSync(file, 'timeline:\n  - {at: "2026-03-02T10:00:00Z", action: offline, mk6: ROU1}\n  - {at: "2026-03-02T11:00:00Z", action: online, mk6: ROU1}\n');
    await call(fleet.url, "POST", "/mock/time", { now: "2026-03-02T09:00:00Z" });
    await both(["timeline", "load", file], 0, { fr: /^timeline: 2 événements, 0 déclenché, 2 en attente\n {2}2026-03-02T10:00:00Z {2}en attente +offline ROU1$/m, en: /^timeline: 2 events, 0 fired, 2 pending\n {2}2026-03-02T10:00:00Z {2}pending +offline ROU1$/m });
    await call(fleet.url, "POST", "/mock/time", { now: "2026-03-02T10:30:00Z" });
    await both(["timeline", "show"], 0, { fr: /2 événements, 1 déclenché, 1 en attente\n {2}2026-03-02T10:00:00Z {2}déclenché +offline ROU1/, en: /2 events, 1 fired, 1 pending\n {2}2026-03-02T10:00:00Z {2}fired +offline ROU1/ });
    await both(["status"], 0, { fr: /timeline: 1 déclenché, 1 en attente, prochain à 02\/03\/2026 11:00:00 UTC/, en: /timeline: 1 fired, 1 pending, next at 02\/03\/2026, 11:00:00 UTC/ });
    await both(["timeline", "clear"], 0, { fr: /^timeline vidée$/, en: /^timeline cleared$/ });
    await call(fleet.url, "POST", "/mock/mk6/ROU1/online", {});
    await both(["timeline", "load", join(dir, "missing.yaml")], 2, { fr: /missing\.yaml: illisible \(ENOENT\)/, en: /missing\.yaml: cannot be read \(ENOENT\)/ });
    await both(["timeline", "load"], 2, { fr: /timeline load FICHIER/, en: /timeline load FILE/ });
    await both(["timeline", "fly"], 2, { fr: /timeline: sous-commande inconnue 'fly'/, en: /timeline: unknown subcommand 'fly'/ });
  });
  it("journal and events; a --since that is not a number", async () => {
    await call(fleet.url, "GET", "/api/v1/mk6/VAI2/monitoring");
    await both(["journal"], 0, { fr: /\tVAI2\tGET \/api\/v1\/mk6\/VAI2\/monitoring\t200\t[\d,]+ ms$/m, en: /\tVAI2\tGET \/api\/v1\/mk6\/VAI2\/monitoring\t200\t[\d.,]+ ms$/m });
    await both(["events"], 0, { fr: /\tkill\tVAI2\t/, en: /\tkill\tVAI2\t/ });
    for (const command of ["journal", "events"]) await both([command, "--since", "abc"], 2, { fr: /--since: nombre attendu, pas 'abc'/, en: /--since: a number expected, not 'abc'/ });
  });
  it("record start, status, stop, fetch; its usage and a recording the fleet does not have", async () => {
    for (const [lang] of LANGS) {
      const name = `rec-${lang}`;
      const fr = lang === "fr";
      await one(lang, ["record", "start", name], 0, fr ? /^enregistrement en cours: rec-fr, 0 appel, \d+ octets?/ : /^recording on: rec-en, 0 calls, \d+ bytes?/);
      await call(fleet.url, "GET", "/api/v1/mk6/ROU1/monitoring");
      await one(lang, ["record", "status"], 0, fr ? /^enregistrement en cours: rec-fr, 1 appel, [\d\s\u202f\u00a0]+ octets/ : /^recording on: rec-en, 1 call, [\d,]+ bytes/);
      await one(lang, ["record", "stop"], 0, fr ? /^enregistrement arrêté: rec-fr, 1 appel/ : /^recording off: rec-en, 1 call/);
      await one(lang, ["record", "fetch", name, "--out", join(dir, `${name}.har`)], 0, fr ? /rec-fr\.har: 1 appel$/m : /rec-en\.har: 1 call$/m);
      const raw = await runCli(["--url", fleet.url, "record", "fetch", name], fr ? FR_ENV : EN_ENV);
      assert.equal(JSON.parse(raw.stdout).log.entries.length, 1, "the HAR itself on stdout, byte for byte");
    }
    await both(["record", "fly"], 2, { fr: /record start \[NOM\] \| stop/, en: /record start \[NAME\] \| stop/ });
    sameCode(await both(["record", "fetch", "nope"], 1, { fr: /refusé \(404 [A-Z_]+\)/, en: /refused \(404 [A-Z_]+\)/ }));
  });
  it("verify and replay: their usage and files that cannot be read", async () => {
    await both(["verify"], 2, { fr: /verify FICHIER/, en: /verify FILE/ });
    await both(["verify", join(dir, "none.yaml")], 2, { fr: /none\.yaml: illisible \(ENOENT\)/, en: /none\.yaml: cannot be read \(ENOENT\)/ });
    await both(["replay"], 2, { fr: /replay FICHIER\.har/, en: /replay FILE\.har/ });
    await both(["replay", join(dir, "none.har")], 2, { fr: /none\.har: illisible/, en: /none\.har: cannot be read/ });
    writeFileSync(join(dir, "bad.har"), "not json");
    await both(["replay", join(dir, "bad.har")], 2, { fr: /bad\.har: pas un fichier JSON/, en: /bad\.har: not a JSON file/ });
  });
  it("verify and replay: their reports", async () => {
    const recette = join(dir, "day-recette.yaml");
    writeFileSync(recette, "name: jour\nchecks:\n  - { id: auth-ok, kind: authenticated, mk6: [ROU1] }\n");
    await both(["verify", recette], 0, { fr: /auth-ok/, en: /auth-ok/ });
    for (const [lang, env] of LANGS) {
      const r = await runCli(["--url", fleet.url, "replay", join(dir, "rec-fr.har")], env);
      assert.ok(r.code === 0 || r.code === 1, `replay (${lang}): ${r.code} ${r.stderr}`);
      assertOnly(lang, r, "replay", /GET \/api\/v1\/mk6\/ROU1\/monitoring|\b1\b/);
    }
  });
});
