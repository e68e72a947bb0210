import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { call, startFleet } from "../helpers/fleet-app.js";
import { provision, setTime, startFor } from "../helpers/worker-app.js";
const LANGS = [
  { header: "en", lang: "en" },
  { header: "en-GB,en;q=0.9,fr;q=0.5", lang: "en" },
  { header: "fr", lang: "fr" },
  { header: "de", lang: "fr" },
  { header: null, lang: "fr" }
];
async function inEachLanguage(ask, expected) {
  let machine = null;
  for (const { header, lang } of LANGS) {
    const res = await ask(header === null ? {} : { "accept-language": header });
    assert.equal(res.contentLanguage, lang, `Content-Language for ${header}`);
    const { message, ...rest } = res.body;
    const want = expected[lang];
    if (typeof want === "string") assert.equal(message, want, `${header}`);
    else assert.match(message, want, `${header}`);
    machine ??= { status: res.status, ...rest };
    assert.deepEqual({ status: res.status, ...rest }, machine, `${header}: codes and details`);
  }
}
const fromWorker = (res) => ({ status: res.status, contentLanguage: res.headers["content-language"] ?? null, body: res.body });
describe("a worker's own port", () => {
  it("answers errors of the fast lane and of the Koa app in the request language", async (t) => {
    const w = await startFor(t, { id: "L1" });
    await setTime(w, "2026-03-01T10:00:00Z");
    await provision(w, [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 8340 }]);
    const api = (method, path, body) => async (h) => fromWorker(await w.http(method, path, body, h));
    await inEachLanguage(api("GET", "/api/v1/mk6/NOPE/monitoring"), { fr: "MK6 inconnu: 'NOPE'", en: "Unknown MK6: 'NOPE'" });
    await inEachLanguage(api("POST", "/api/v1/mk6/L1/requests", { set: "Psetpoint", site: "SYC1", psetpoint: 99999 }), {
      fr: /^psetpoint hors plage \[0, 8\s340\]: 99\s999$/u,
      en: "psetpoint out of range [0, 8,340]: 99,999"
    });
    await inEachLanguage(api("POST", "/api/v1/mk6/L1/requests", { set: "invalid" }), { fr: "set invalide: 'invalid'", en: "invalid set: 'invalid'" });
    await inEachLanguage(api("GET", "/nope"), { fr: "Route inconnue: GET /nope", en: "Unknown route: GET /nope" });
    await inEachLanguage(api("POST", "/mock/mk6/L1/site-state/SYC1", { state: 7 }), { fr: "state invalide: 7 (0, 1 ou 2)", en: "invalid state: 7 (0, 1 or 2)" });
    await inEachLanguage(api("POST", "/mock/mk6/L1/provision", '{"sites":'), { fr: "JSON invalide", en: "Invalid JSON" });
  });
  it("says its sentences in the request language", async (t) => {
    const w = await startFor(t, { id: "L2" });
    const api = (method, path, body) => async (h) => fromWorker(await w.http(method, path, body, h));
    await inEachLanguage(api("DELETE", "/api/v1/debug/requests"), { fr: "Log vid\xE9", en: "Journal cleared" });
    await inEachLanguage(api("POST", "/mock/reset"), { fr: "Mock r\xE9initialis\xE9", en: "Mock reset" });
  });
});
describe("through the front", () => {
  let fleet;
  before(async () => {
    fleet = await startFleet({ mk6: [{ id: "A", sites: [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 8340 }] }] });
  });
  after(() => fleet?.stop());
  const front = (method, path, body) => async (h) => {
    const res = await call(fleet.url, method, path, body, h);
    return { status: res.status, contentLanguage: res.headers.get("content-language"), body: res.body };
  };
  it("answers the front's own errors and sentences in the request language", async () => {
    await inEachLanguage(front("GET", "/api/v1/mk6/NOPE/monitoring"), { fr: "MK6 inconnu: 'NOPE'", en: "Unknown MK6: 'NOPE'" });
    await inEachLanguage(front("POST", "/mock/mk6/A/kill", { kind: "x" }), { fr: /^kind invalide: "x" \(/, en: /^invalid kind: "x" \(/ });
    await inEachLanguage(front("DELETE", "/api/v1/debug/requests"), { fr: "Log vid\xE9", en: "Journal cleared" });
    await inEachLanguage(front("POST", "/supervision/mode", { mode: "mock" }), { fr: "Mode mock: \xE9critures autoris\xE9es", en: "Mock mode: writes allowed" });
    await inEachLanguage(front("POST", "/mock/time/release"), { fr: "Horloge liberee \u2014 temps reel actif", en: "Clock released \u2014 real time active" });
  });
  it("keeps a proxied worker's language (its Content-Language), and says MK6_UNREACHABLE in it too", async () => {
    await inEachLanguage(front("POST", "/api/v1/mk6/A/requests", { set: "Psetpoint", site: "SYC1", psetpoint: 99999 }), {
      fr: /^psetpoint hors plage \[0, 8\s340\]: 99\s999$/u,
      en: "psetpoint out of range [0, 8,340]: 99,999"
    });
    assert.equal((await call(fleet.url, "POST", "/mock/mk6/A/kill", { kind: "refused" })).status, 200);
    try {
      await inEachLanguage(front("GET", "/api/v1/mk6/A/monitoring"), { fr: "MK6 A injoignable", en: "MK6 A is unreachable" });
    } finally {
      await call(fleet.url, "POST", "/mock/mk6/A/restart", { kind: "warm" });
    }
  });
});
