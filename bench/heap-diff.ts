/**
 * Two V8 heap snapshots of one process (`--heapsnapshot-signal`), compared by what holds the
 * memory: live bytes per constructor (objects) or per kind (strings, code, arrays...), and
 * which grew. Answers "is this growth a leak?" with the heap itself, not with RSS's shape.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface HeapSummary {
  file: string;
  totalMiB: number;
  /** Live bytes by "kind: name" (an object's constructor, or the kind alone). */
  byKind: Map<string, { bytes: number; count: number }>;
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export function summarize(file: string): HeapSummary {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as SnapshotJson;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const byKind = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]];
    const size = snap.nodes[i + sizeAt];
    total += size;
    const key = type === 'object' || type === 'closure' ? `${type}: ${snap.strings[snap.nodes[i + nameAt]]}` : type;
    const slot = byKind.get(key) ?? { bytes: 0, count: 0 };
    slot.bytes += size;
    slot.count++;
    byKind.set(key, slot);
  }
  return { file, totalMiB: total / 2 ** 20, byKind };
}

/** The kinds that grew most between two snapshots, in bytes. */
export function grown(before: HeapSummary, after: HeapSummary, top = 8): { kind: string; kib: number; count: number }[] {
  const rows = [...after.byKind].map(([kind, a]) => {
    const b = before.byKind.get(kind) ?? { bytes: 0, count: 0 };
    return { kind, kib: (a.bytes - b.bytes) / 1024, count: a.count - b.count };
  });
  return rows.sort((x, y) => y.kib - x.kib).slice(0, top);
}

/**
 * What holds the objects that are in the second snapshot and not in the first (V8 keeps an
 * object's id from one snapshot of a process to the next): their nearest retainers, `depth`
 * steps towards the roots, counted by path (array indices folded). A leak shows as one path
 * that keeps growing; a bounded buffer as the buffer's own name.
 */
export function newObjectsRetainedBy(beforeFile: string, afterFile: string, depth = 6, top = 6): { path: string; count: number }[] {
  const before = JSON.parse(readFileSync(beforeFile, 'utf8')) as SnapshotJson;
  const known = new Set<number>();
  const bf = before.snapshot.meta.node_fields;
  for (let i = 0; i < before.nodes.length; i += bf.length) known.add(before.nodes[i + bf.indexOf('id')]);
  const snap = JSON.parse(readFileSync(afterFile, 'utf8')) as SnapshotJson;
  const { node_fields: nf, edge_fields: ef, node_types, edge_types } = snap.snapshot.meta;
  const [typeAt, nameAt, idAt, edgesAt] = ['type', 'name', 'id', 'edge_count'].map((f) => nf.indexOf(f));
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const { nodes, edges, strings } = snap;
  const retainer = new Map<number, { from: number; label: string }>(); // node offset → its first strong retainer
  for (let i = 0, e = 0; i < nodes.length; i += nf.length) {
    for (let k = 0; k < nodes[i + edgesAt]; k++, e += ef.length) {
      const kind = edge_types[0][edges[e + edgeTypeAt]];
      if (kind === 'weak' || kind === 'shortcut' || retainer.has(edges[e + toAt])) continue;
      const label = kind === 'element' || kind === 'hidden' ? '[#]' : strings[edges[e + edgeNameAt]];
      retainer.set(edges[e + toAt], { from: i, label: /^\d+$/.test(label) ? '[#]' : label });
    }
  }
  const name = (i: number) => `${node_types[0][nodes[i + typeAt]]}:${strings[nodes[i + nameAt]].slice(0, 40)}`.replace(/^object:|^hidden:system \/ /, '');
  const counts = new Map<string, number>();
  for (let i = 0; i < nodes.length; i += nf.length) {
    if (known.has(nodes[i + idAt]) || node_types[0][nodes[i + typeAt]] !== 'object') continue;
    const steps: string[] = [];
    for (let at = i, d = 0; d < depth; d++) {
      const r = retainer.get(at);
      if (!r) break;
      steps.push(`${name(r.from)}.${r.label}`);
      at = r.from;
    }
    const path = steps.join(' ← ');
    counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return [...counts].map(([path, count]) => ({ path, count })).sort((a, b) => b.count - a.count).slice(0, top);
}

/** Signals the process and waits for its new snapshot file to be whole (its size stops changing). */
export async function takeSnapshot(pid: number, dir: string, signal: NodeJS.Signals = 'SIGUSR2', timeoutMs = 120_000): Promise<string> {
  const mine = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.heapsnapshot') && f.includes(`.${pid}.`)) : []);
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
