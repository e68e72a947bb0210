import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { call, freePort, startFleet } from "../helpers/fleet-app.js";
describe("an MK6 that cannot start says why in the reader language", () => {
  let fleet;
  let squatter;
  let port;
  before(async () => {
    port = await freePort();
    squatter = net.createServer().listen(port, "127.0.0.1");
    await new Promise((ok) => squatter.once("listening", ok));
    fleet = await startFleet({
      mk6: [
        { id: "OK1", sites: [{ sycode: "S1", name: "Site 1", role: "thissite", pmax_kw: 1e3 }] },
        { id: "HELD", port, sites: [{ sycode: "S2", name: "Site 2", role: "thissite", pmax_kw: 1e3 }] }
      ]
    });
  });
  after(async () => {
    await fleet?.stop();
    squatter.close();
  });
  const problemOf = async (headers) => {
    const res = await call(fleet.url, "GET", "/mock/mk6", void 0, headers);
    assert.equal(res.status, 200);
    const held = res.body.mk6.find((m) => m.mk6_id === "HELD");
    assert.equal(held?.process.status, "errored");
    return { problem: held?.problem, contentLanguage: res.headers.get("content-language") };
  };
  it("in English for Accept-Language: en", async () => {
    const { problem, contentLanguage } = await problemOf({ "accept-language": "en" });
    assert.equal(contentLanguage, "en");
    assert.equal(problem, `port ${port} already taken on this machine`);
  });
  it("in French without the header, as before", async () => {
    const { problem, contentLanguage } = await problemOf({});
    assert.equal(contentLanguage, "fr");
    assert.equal(problem, `port ${port} d\xE9j\xE0 pris sur cette machine`);
  });
  it("/readyz waits for it with an English machine state", async () => {
    const res = await call(fleet.url, "GET", "/readyz");
    assert.equal(res.status, 503);
    assert.equal(res.body.mk6.HELD, `errored: port ${port} already taken on this machine`);
  });
});
