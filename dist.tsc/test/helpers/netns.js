import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
function ip(...args) {
  const r = spawnSync("ip", args, { encoding: "utf8" });
  return { ok: r.status === 0, err: (r.stderr || r.error?.message || "").trim() };
}
function must(...args) {
  const r = ip(...args);
  if (!r.ok) throw new Error(`ip ${args.join(" ")}: ${r.err}`);
}
function netnsUnavailable() {
  if (process.platform !== "linux") return `network namespaces are Linux only (platform ${process.platform})`;
  if (process.getuid?.() !== 0) return `not root (uid ${process.getuid?.()}): ip netns and veth pairs need root (CI runs as root)`;
  const probe = `mk6probe${randomBytes(3).toString("hex")}`;
  const add = ip("netns", "add", probe);
  if (!add.ok) return `ip netns add fails here: ${add.err || "no ip command"}`;
  ip("netns", "del", probe);
  return null;
}
function freeSubnet() {
  const used = spawnSync("ip", ["-4", "-o", "addr"], { encoding: "utf8" }).stdout ?? "";
  for (; ; ) {
    const x = 1 + randomBytes(1)[0] % 254;
    if (!used.includes(`10.231.${x}.`)) return x;
  }
}
function createNetnsLab(count) {
  if (count > 252) throw new Error("at most 252 hosts in one /24 here");
  const sfx = randomBytes(3).toString("hex");
  const x = freeSubnet();
  const gateway = `10.231.${x}.1`;
  const bridge = `mk6br${sfx}`;
  const made = { bridge: false, ns: [], veth: [] };
  const hosts = [];
  const destroy = () => {
    for (const v of made.veth) ip("link", "del", v);
    for (const ns of made.ns) ip("netns", "del", ns);
    if (made.bridge) ip("link", "del", bridge);
    made.veth = [];
    made.ns = [];
    made.bridge = false;
  };
  try {
    must("link", "add", bridge, "type", "bridge");
    made.bridge = true;
    must("addr", "add", `${gateway}/24`, "dev", bridge);
    must("link", "set", bridge, "up");
    for (let i = 0; i < count; i++) {
      const ns = `mk6-${sfx}-${i}`;
      const root = `m${sfx}r${i}`;
      const inner = `m${sfx}n${i}`;
      const address = `10.231.${x}.${2 + i}`;
      must("netns", "add", ns);
      made.ns.push(ns);
      must("link", "add", root, "type", "veth", "peer", "name", inner);
      made.veth.push(root);
      must("link", "set", inner, "netns", ns);
      must("link", "set", root, "master", bridge);
      must("link", "set", root, "up");
      must("-n", ns, "addr", "add", `${address}/24`, "dev", inner);
      must("-n", ns, "link", "set", inner, "up");
      must("-n", ns, "link", "set", "lo", "up");
      hosts.push({ ns, address });
    }
  } catch (err) {
    destroy();
    throw err;
  }
  return {
    gateway,
    hosts,
    spawnIn: (i, args, env) => spawn("ip", ["netns", "exec", hosts[i].ns, process.execPath, ...args], { env, stdio: ["ignore", "pipe", "pipe"] }),
    freeGatewayPort: () => new Promise((ok, fail) => {
      const server = net.createServer();
      server.once("error", fail);
      server.listen({ host: gateway, port: 0, exclusive: true }, () => {
        const { port } = server.address();
        server.close(() => ok(port));
      });
    }),
    destroy
  };
}
export {
  createNetnsLab,
  netnsUnavailable
};
