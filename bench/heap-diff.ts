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
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
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
