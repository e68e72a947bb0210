import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseFleet } from "../../src/config/fleet-file.js";
import { k8sDocuments } from "../../src/deploy/k8s-manifests.js";
import { APP_DIR } from "../../src/deploy/k8s-pods.js";
import { eventually } from "../helpers/fleet.js";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const FLEET = `name: kx
mk6:
  - { id: ROU1.1, aliases: [MK6_ROU1.1], sites: [{ sycode: S1, name: Site 1, role: thissite, pmax_kw: 8000 }] }
  - { id: ROU2, sites: [{ sycode: S2, name: Site 2, role: thissite, pmax_kw: 9000 }] }
  - { id: VAI, sites: [{ sycode: S3, name: Site 3, role: thissite, pmax_kw: 7000 }] }
`;
const ip = (...args) => spawnSync("ip", args, { encoding: "utf8" });
async function unable() {
  if (process.getuid?.() !== 0) return `not root (uid ${process.getuid?.()}): network namespaces need root (CI runs as root)`;
  const schema = await import("../../src/contract/schema/fleet-file.js");
  if (!("ENGINES" in schema)) return "this tree has no external engine (engine: external comes with the worker run alone)";
  const probe = `mk6k8sprobe${process.pid}`;
  const r = ip("netns", "add", probe);
  if (r.status !== 0) return `ip netns add fails here: ${r.stderr.trim() || r.error?.message}`;
  ip("netns", "del", probe);
  return null;
}
describe("the manifests' pods, each on a host of its own", () => {
  const sfx = (process.pid % 1e5).toString(36);
  const x = 100 + process.pid % 100;
  const net = `10.233.${x}`;
  const bridge = `k8sbr${sfx}`;
  const namespaces = [];
  const children = [];
  let dir = "";
  let skip = null;
  let front = "";
  let hosts = {};
  const hadNetnsDir = existsSync("/etc/netns");
  before(async () => {
    skip = await unable();
    if (skip) return;
    dir = mkdtempSync(join(tmpdir(), "mk6-k8s-pods-"));
    const docs = k8sDocuments(parseFleet(FLEET, join(dir, "fleet.yaml"), {}), FLEET);
    const fleetText = docs.find((d) => d.kind === "ConfigMap").data["fleet.yaml"];
    const worker = docs.find((d) => d.kind === "StatefulSet").spec.template.spec.containers[0];
    const supervisor = docs.find((d) => d.kind === "Deployment").spec.template.spec.containers[0];
    const services = docs.filter((d) => d.kind === "Service" && d.spec.clusterIP !== "None").map((d) => d.metadata.name);
    writeFileSync(join(dir, "fleet.yaml"), fleetText);
    writeFileSync(join(dir, "internal.secret"), "a-secret-for-this-test-only-0123456789\n");
    const here = (s, state) => {
      const map = [[`${APP_DIR}/`, `${ROOT}/`], ["/etc/mk6/fleet/", `${dir}/`], ["/etc/mk6/secret/", `${dir}/`], ["/var/lib/mk6", state], ["/tmp/", `${dir}/tmp/`]];
      const hit = map.find(([from]) => s.startsWith(from));
      return hit ? hit[1] + s.slice(hit[0].length) : s;
    };
    const pods = ["supervisor", ...services.filter((s) => s.startsWith("mk6-"))];
    const address = (i) => `${net}.${10 + i}`;
    hosts = Object.fromEntries(pods.map((p, i) => [p === "supervisor" ? "kx-supervisor" : p, address(i)]));
    assert.equal(ip("link", "add", bridge, "type", "bridge").status, 0);
    ip("addr", "add", `${net}.1/24`, "dev", bridge);
    ip("link", "set", bridge, "up");
    pods.forEach((_, i) => {
      const ns = `k8s${sfx}p${i}`;
      namespaces.push(ns);
      ip("netns", "add", ns);
      ip("link", "add", `${ns}v`, "type", "veth", "peer", "name", "eth0", "netns", ns);
      ip("link", "set", `${ns}v`, "master", bridge);
      ip("link", "set", `${ns}v`, "up");
      ip("-n", ns, "addr", "add", `${address(i)}/24`, "dev", "eth0");
      ip("-n", ns, "link", "set", "eth0", "up");
      ip("-n", ns, "link", "set", "lo", "up");
      mkdirSync(`/etc/netns/${ns}`, { recursive: true });
      writeFileSync(`/etc/netns/${ns}/hosts`, `127.0.0.1 localhost
${Object.entries(hosts).map(([name, a]) => `${a} ${name}`).join("\n")}
`);
    });
    const start = (ns, c, state, extra) => {
      mkdirSync(state, { recursive: true });
      mkdirSync(join(dir, "tmp"), { recursive: true });
      const env = [...c.env.filter((e) => e.value !== void 0).map((e) => `${e.name}=${here(e.value, state)}`), ...Object.entries(extra).map(([k, v]) => `${k}=${v}`)];
      const [node, ...args] = [...c.command, ...c.args].map((a) => here(a, state));
      assert.equal(node, "node");
      const log = openSync(join(dir, `${ns}.log`), "w");
      const child = spawn("ip", ["netns", "exec", ns, "env", `PATH=${process.env.PATH}`, `LOG_LEVEL=warn`, ...env, process.execPath, ...args], { stdio: ["ignore", log, log] });
      closeSync(log);
      children.push(child);
    };
    for (let i = 1; i < pods.length; i++) start(namespaces[i], worker, join(dir, `state-${i - 1}`), { MK6_INDEX: String(i - 1) });
    start(namespaces[0], supervisor, join(dir, "state-supervisor"), {});
    front = `http://${address(0)}:9001`;
  });
  after(async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    await Promise.all(children.map((c) => c.exitCode === null ? new Promise((ok) => c.once("exit", ok)) : null));
    for (const ns of namespaces) {
      ip("netns", "del", ns);
      ip("link", "del", `${ns}v`);
      rmSync(`/etc/netns/${ns}`, { recursive: true, force: true });
    }
    if (namespaces.length) ip("link", "del", bridge);
    if (!hadNetnsDir && namespaces.length) {
      try {
        rmdirSync("/etc/netns");
      } catch {
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  it("becomes ready through the front, every MK6 at its Service's name, on the pods' port", async (t) => {
    if (skip) return t.skip(skip);
    const ready = await eventually(async () => {
      const res = await fetch(`${front}/readyz`).catch(() => null);
      return res?.status === 200 ? await res.json() : void 0;
    }, 6e4, "the fleet ready through the front").catch((err) => {
      const logs = namespaces.map((ns) => `${ns}: ${readFileSync(join(dir, `${ns}.log`), "utf8").slice(-600)}`);
      throw new Error(`${err.message}
${logs.join("\n")}`);
    });
    assert.equal(ready.engine, "external");
    assert.deepEqual(ready.mk6, { "ROU1.1": "ready", ROU2: "ready", VAI: "ready" });
    for (const [id, svc] of [["ROU1.1", "mk6-rou1-1"], ["ROU2", "mk6-rou2"], ["VAI", "mk6-vai"]]) {
      const direct = await fetch(`http://${hosts[svc]}:8080/api/v1/mk6/${id}/monitoring`);
      assert.equal(direct.status, 200, `${id} at ${svc}`);
      const proxied = await fetch(`${front}/api/v1/mk6/${id}/monitoring`);
      assert.equal(proxied.status, 200, `${id} through the front`);
    }
    assert.equal((await fetch(`${front}/api/v1/mk6/MK6_ROU1.1/monitoring`)).status, 200);
  });
  it("the fleet clock set at the front reaches every pod", async (t) => {
    if (skip) return t.skip(skip);
    const set = await fetch(`${front}/mock/time`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ now: "2026-03-01T10:00:00Z" }) });
    assert.equal(set.status, 200);
    const made = await fetch(`http://${hosts["mk6-vai"]}:8080/api/v1/mk6/VAI/requests`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ set: "Psetpoint", site: "S3", psetpoint: 5e3, confirm: true })
    });
    assert.equal((await made.json()).start_time, "2026-03-01T10:00:00Z");
  });
  it("is skipped only for a reason said", () => {
    assert.ok(skip === null || skip.length > 10);
    assert.ok(skip !== null || existsSync(join(ROOT, "dist/worker.cjs")));
  });
});
