import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FleetFileError, loadFleetFile } from "../../src/config/fleet-file.js";
import { portsTaken } from "../../supervisor/fleet/ports.js";
import { SUPERVISOR } from "../helpers/fleet.js";
let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "mk6-fleetfile-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));
const SITE = (sycode, role = "thissite", pmax = 8340) => `      - { sycode: ${sycode}, name: "Site ${sycode}", role: ${role}, pmax_kw: ${pmax} }`;
function fleetText(overrides = {}) {
  return [
    "name: bad",
    // 1
    "proxy: { host: 127.0.0.1, port: 0 }",
    // 2
    "workers: { host: 127.0.0.1, base_port: 0 }",
    // 3
    ...overrides.top ?? [],
    "mk6:",
    ...overrides.a ?? ["  - id: A", "    sites:", SITE("SA1")],
    ...overrides.b ?? ["  - id: B", "    sites:", SITE("SB1")]
  ].join("\n") + "\n";
}
let n = 0;
function run(file, home) {
  const child = spawn(process.execPath, [SUPERVISOR, "--fleet", file, "--state-dir", join(dir, `state-${n}`)], {
    env: { ...process.env, PM2_HOME: home, MK6_LANG: "fr" },
    // the faults as written below, in French
    stdio: ["ignore", "pipe", "pipe"]
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (c) => out += c);
  child.stderr.on("data", (c) => err += c);
  const timer = setTimeout(() => child.kill("SIGKILL"), 2e4);
  return new Promise((ok) => child.once("close", (code) => (clearTimeout(timer), ok({ code, out, err }))));
}
async function refuseReal(text, ext = "yaml") {
  const file = join(dir, `fleet-${++n}.${ext}`);
  writeFileSync(file, text);
  const home = join(dir, `pm2-${n}`);
  const res = await run(file, home);
  assert.equal(res.code, 2, `exit 2 expected, got ${res.code}:
${res.err}${res.out}`);
  assert.ok(!existsSync(join(home, "pm2.pid")), "no pm2 daemon was started");
  assert.equal(res.out, "", "nothing served");
  return { file, err: res.err };
}
async function refuse(text, ext = "yaml") {
  const file = join(dir, `fleet-${++n}.${ext}`);
  writeFileSync(file, text);
  let err = null;
  try {
    const taken = await portsTaken(loadFleetFile(file), null);
    if (taken.length) throw new FleetFileError(taken);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof FleetFileError, `refused as a bad fleet file expected, got ${String(err)}`);
  return { file, err: err.message };
}
async function assertFault(text, line, fault, ext, check = refuse) {
  const { file, err } = await check(text, ext);
  const where = `${file}:${line} `;
  assert.ok(err.includes(where), `message names ${where}:
${err}`);
  const msg = err.split("\n").find((l) => l.includes(where)) ?? "";
  assert.match(msg, fault);
}
describe("fleet file validation", () => {
  it("an unknown key", async () => {
    await assertFault(fleetText({ b: ["  - id: B", "    colour: red", "    sites:", SITE("SB1")] }), 9, /mk6\[1\]\.colour: clé inconnue/, "yaml", refuseReal);
    await assertFault(fleetText({ top: ["seeed: 4"] }), 4, /seeed: clé inconnue/);
    await assertFault(fleetText({ a: ["  - id: A", "    sites:", "      - { sycode: SA1, name: A, role: thissite, pmax_kw: 10, pmax: 3 }"] }), 7, /sites\[0\]\.pmax: clé inconnue/);
  });
  it("a duplicate id", async () => {
    await assertFault(fleetText({ b: ["  - id: A", "    sites:", SITE("SB1")] }), 8, /mk6\[1\]\.id: 'A' déjà utilisé/);
  });
  it("a duplicate alias, or an alias that is another MK6\u2019s id", async () => {
    await assertFault(fleetText({ a: ["  - id: A", "    aliases: [X]", "    sites:", SITE("SA1")], b: ["  - id: B", "    aliases: [X]", "    sites:", SITE("SB1")] }), 10, /mk6\[1\]\.aliases: 'X' déjà utilisé/);
    await assertFault(fleetText({ b: ["  - id: B", "    aliases: [A]", "    sites:", SITE("SB1")] }), 9, /mk6\[1\]\.aliases: 'A' déjà utilisé/);
  });
  it("a duplicate port, also against the proxy", async () => {
    await assertFault(fleetText({ a: ["  - id: A", "    port: 45601", "    sites:", SITE("SA1")], b: ["  - id: B", "    port: 45601", "    sites:", SITE("SB1")] }), 10, /mk6\[1\]\.port: port 45601 déjà utilisé/);
    const withProxy = fleetText({ b: ["  - id: B", "    port: 45602", "    sites:", SITE("SB1")] }).replace("port: 0 }", "port: 45602 }");
    await assertFault(withProxy, 9, /mk6\[1\]\.port: port 45602 déjà utilisé par le proxy/);
  });
  it("no thissite, or two", async () => {
    await assertFault(fleetText({ b: ["  - id: B", "    sites:", SITE("SB1", "nearsite")] }), 10, /mk6\[1\]\.sites: .*thissite.*0/);
    await assertFault(fleetText({ b: ["  - id: B", "    sites:", SITE("SB1"), SITE("SB2")] }), 10, /mk6\[1\]\.sites: .*thissite.*2/);
  });
  it("pmax not positive", async () => {
    await assertFault(fleetText({ b: ["  - id: B", "    sites:", SITE("SB1", "thissite", 0)] }), 10, /mk6\[1\]\.sites\[0\]\.pmax_kw: .*positif/);
    await assertFault(fleetText({ b: ["  - id: B", "    sites:", SITE("SB1", "thissite", 5), SITE("SB2", "nearsite", -3)] }), 11, /sites\[1\]\.pmax_kw: .*positif/);
  });
  it("a port already taken on this machine", async () => {
    const holder = net.createServer((socket) => socket.destroy());
    await new Promise((ok) => holder.listen(0, "127.0.0.1", ok));
    const port = holder.address().port;
    try {
      await assertFault(fleetText({ b: ["  - id: B", "    port: " + port, "    sites:", SITE("SB1")] }), 9, new RegExp(`mk6\\[1\\]\\.port: port ${port} d\xE9j\xE0 pris sur cette machine`), "yaml", refuseReal);
    } finally {
      await new Promise((ok) => holder.close(ok));
    }
  });
  it("JSON files are checked the same way, with their lines", async () => {
    const json = JSON.stringify({ name: "bad", proxy: { port: 0 }, workers: { base_port: 0 }, mk6: [
      { id: "A", sites: [{ sycode: "S", name: "S", role: "thissite", pmax_kw: 1 }] },
      { id: "A", sites: [{ sycode: "S", name: "S", role: "thissite", pmax_kw: 1 }] }
    ] }, null, 2);
    const line = json.split("\n").findIndex((l, i, all) => l.includes('"id": "A"') && all.slice(0, i).some((x) => x.includes('"id": "A"'))) + 1;
    await assertFault(json, line, /mk6\[1\]\.id: 'A' déjà utilisé/, "json");
  });
  it("syntax errors and a missing file name the file too", async () => {
    await assertFault(fleetText() + "mk6: []\n", 11, /unique/);
    const { err } = await refuseReal("name: bad\nmk6:\n  - id: [unclosed\n");
    assert.match(err, /fleet-\d+\.yaml:[34] /);
    const missing = join(dir, "nope.yaml");
    const res = await run(missing, join(dir, "pm2-missing"));
    assert.equal(res.code, 2);
    assert.ok(res.err.includes(missing));
  });
});
