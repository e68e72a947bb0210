import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
function summarize(file) {
  const snap = JSON.parse(readFileSync(file, "utf8"));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((f) => fields.indexOf(f));
  const byKind = /* @__PURE__ */ new Map();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]];
    const size = snap.nodes[i + sizeAt];
    total += size;
    const key = type === "object" || type === "closure" ? `${type}: ${snap.strings[snap.nodes[i + nameAt]]}` : type;
    const slot = byKind.get(key) ?? { bytes: 0, count: 0 };
    slot.bytes += size;
    slot.count++;
    byKind.set(key, slot);
  }
  return { file, totalMiB: total / 2 ** 20, byKind };
}
function grown(before, after, top = 8) {
  const rows = [...after.byKind].map(([kind, a]) => {
    const b = before.byKind.get(kind) ?? { bytes: 0, count: 0 };
    return { kind, kib: (a.bytes - b.bytes) / 1024, count: a.count - b.count };
  });
  return rows.sort((x, y) => y.kib - x.kib).slice(0, top);
}
function newObjectsRetainedBy(beforeFile, afterFile, depth = 6, top = 6) {
  const before = JSON.parse(readFileSync(beforeFile, "utf8"));
  const known = /* @__PURE__ */ new Set();
  const bf = before.snapshot.meta.node_fields;
  for (let i = 0; i < before.nodes.length; i += bf.length) known.add(before.nodes[i + bf.indexOf("id")]);
  const snap = JSON.parse(readFileSync(afterFile, "utf8"));
  const { node_fields: nf, edge_fields: ef, node_types, edge_types } = snap.snapshot.meta;
  const [typeAt, nameAt, idAt, edgesAt] = ["type", "name", "id", "edge_count"].map((f) => nf.indexOf(f));
  const [edgeTypeAt, edgeNameAt, toAt] = ["type", "name_or_index", "to_node"].map((f) => ef.indexOf(f));
  const { nodes, edges, strings } = snap;
  const retainer = /* @__PURE__ */ new Map();
  for (let i = 0, e = 0; i < nodes.length; i += nf.length) {
    for (let k = 0; k < nodes[i + edgesAt]; k++, e += ef.length) {
      const kind = edge_types[0][edges[e + edgeTypeAt]];
      if (kind === "weak" || kind === "shortcut" || retainer.has(edges[e + toAt])) continue;
      const label = kind === "element" || kind === "hidden" ? "[#]" : strings[edges[e + edgeNameAt]];
      retainer.set(edges[e + toAt], { from: i, label: /^\d+$/.test(label) ? "[#]" : label });
    }
  }
  const name = (i) => `${node_types[0][nodes[i + typeAt]]}:${strings[nodes[i + nameAt]].slice(0, 40)}`.replace(/^object:|^hidden:system \/ /, "");
  const counts = /* @__PURE__ */ new Map();
  for (let i = 0; i < nodes.length; i += nf.length) {
    if (known.has(nodes[i + idAt]) || node_types[0][nodes[i + typeAt]] !== "object") continue;
    const steps = [];
    for (let at = i, d = 0; d < depth; d++) {
      const r = retainer.get(at);
      if (!r) break;
      steps.push(`${name(r.from)}.${r.label}`);
      at = r.from;
    }
    const path = steps.join(" \u2190 ");
    counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return [...counts].map(([path, count]) => ({ path, count })).sort((a, b) => b.count - a.count).slice(0, top);
}
async function takeSnapshot(pid, dir, signal = "SIGUSR2", timeoutMs = 12e4) {
  const mine = () => existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".heapsnapshot") && f.includes(`.${pid}.`)) : [];
  const known = new Set(mine());
  process.kill(pid, signal);
  let last = -1;
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    await new Promise((r) => setTimeout(r, 500));
    const fresh = mine().find((f) => !known.has(f));
    if (!fresh) continue;
    const size = statSync(join(dir, fresh)).size;
    if (size > 0 && size === last) return join(dir, fresh);
    last = size;
  }
  throw new Error(`no heap snapshot from pid ${pid} in ${timeoutMs} ms`);
}
export {
  grown,
  newObjectsRetainedBy,
  summarize,
  takeSnapshot
};
