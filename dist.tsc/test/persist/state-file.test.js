import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { CorruptStateError, StateFile } from "../../src/persist/state-file.js";
import { replay } from "../helpers/fuzz.js";
const root = mkdtempSync(join(tmpdir(), "mk6-state-file-"));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(mkdtempSync(join(root, `case${++n}-`)), "mk6-X.jsonl");
class Model {
  meta = { counter: 0, label: "start" };
  items = /* @__PURE__ */ new Map();
  file;
  constructor(path) {
    this.file = new StateFile(path, () => this.snapshot());
  }
  snapshot() {
    return { meta: { ...this.meta }, items: [...this.items.values()] };
  }
  put(item) {
    this.items.set(item.id, item);
    this.meta = { ...this.meta, counter: this.meta.counter + 1 };
    return this.file.append({ meta: { ...this.meta }, put: [item], removed: [], clear: false });
  }
  remove(id) {
    this.items.delete(id);
    return this.file.append({ meta: { ...this.meta }, put: [], removed: [id], clear: false });
  }
  clear() {
    this.items.clear();
    this.meta = { ...this.meta, label: "cleared" };
    return this.file.append({ meta: { ...this.meta }, put: [], removed: [], clear: true });
  }
}
function loadAsRestart(path) {
  const copy = join(mkdtempSync(join(root, "restart-")), "mk6-X.jsonl");
  copyFileSync(path, copy);
  return StateFile.load(copy);
}
const sortById = (s) => s && { meta: s.meta, items: [...s.items].sort((a, b) => a.id.localeCompare(b.id)) };
function assertCorrupt(path, line) {
  const before = readFileSync(path);
  assert.throws(
    () => StateFile.load(path),
    (err) => {
      assert.ok(err instanceof CorruptStateError);
      assert.equal(err.file, path);
      assert.ok(err.message.includes(path), "the message names the file");
      assert.ok(err.message.includes(`ligne ${line}`), `the message names line ${line}: ${err.message}`);
      return true;
    }
  );
  assert.deepEqual(readFileSync(path), before, "the file is left byte-identical");
}
describe("StateFile", () => {
  it("returns null when there is no file", () => {
    assert.equal(StateFile.load(freshPath()), null);
  });
  it("replays snapshot and deltas: puts, removals, clears, last meta", async () => {
    const path = freshPath();
    const m = new Model(path);
    m.items.set("a", { id: "a", value: 1 });
    await m.file.open();
    await Promise.all([m.put({ id: "b", value: 2 }), m.put({ id: "c", value: 3 })]);
    await m.put({ id: "a", value: 10 });
    await m.remove("b");
    await m.file.close();
    assert.deepEqual(sortById(StateFile.load(path)), sortById(m.snapshot()));
    const m2 = new Model(path);
    const loaded = StateFile.load(path);
    m2.meta = loaded.meta;
    for (const it2 of loaded.items) m2.items.set(it2.id, it2);
    await m2.file.open();
    assert.equal(readFileSync(path, "utf8").trim().split("\n").length, 1);
    await m2.clear();
    await m2.put({ id: "z", value: 26 });
    await m2.file.close();
    assert.deepEqual(StateFile.load(path), { meta: { counter: 4, label: "cleared" }, items: [{ id: "z", value: 26 }] });
  });
  it("ignores a torn last line (an append a kill cut short)", async () => {
    const path = freshPath();
    const m = new Model(path);
    await m.file.open();
    await m.put({ id: "a", value: 1 });
    await m.file.close();
    const good = sortById(StateFile.load(path));
    appendFileSync(path, '{"kind":"delta","meta":{"counter":99,"lab');
    assert.deepEqual(sortById(StateFile.load(path)), good);
  });
  it("names the file and line of a corrupt line in the middle, and leaves the file alone", async () => {
    const path = freshPath();
    const m = new Model(path);
    await m.file.open();
    await m.put({ id: "a", value: 1 });
    await m.put({ id: "b", value: 2 });
    await m.file.close();
    const lines = readFileSync(path, "utf8").split("\n");
    lines[1] = "{not json at all";
    writeFileSync(path, lines.join("\n"));
    assertCorrupt(path, 2);
  });
  it("treats a complete but unparseable last line, an empty file and a bad first line as corruption", () => {
    const path = freshPath();
    writeFileSync(path, JSON.stringify({ kind: "snapshot", meta: {}, items: [] }) + '\n{"kind":"delta"\n');
    assertCorrupt(path, 2);
    writeFileSync(path, "");
    assertCorrupt(path, 1);
    writeFileSync(path, '{"kind":"snapsh');
    assertCorrupt(path, 1);
    writeFileSync(path, JSON.stringify({ kind: "delta", meta: {}, put: [], removed: [] }) + "\n");
    assertCorrupt(path, 1);
    writeFileSync(path, JSON.stringify({ kind: "snapshot", meta: {}, items: [] }) + "\n" + JSON.stringify({ kind: "delta", meta: {}, put: "x", removed: [] }) + "\n");
    assertCorrupt(path, 2);
  });
  it("compacts a long log into one snapshot that keeps the state", async () => {
    const path = freshPath();
    const m = new Model(path);
    await m.file.open();
    const pad = "x".repeat(16 * 1024);
    const appends = 40;
    for (let i = 0; i < appends; i++) {
      await m.put({ id: `r${i % 8}`, value: i, pad });
      if (i % 5 === 4) await m.remove(`r${(i + 3) % 8}`);
    }
    await m.file.close();
    const lineCount = readFileSync(path, "utf8").trim().split("\n").length;
    assert.ok(lineCount < appends, `compacted: ${lineCount} lines for ${appends + 8} appends`);
    assert.deepEqual(sortById(StateFile.load(path)), sortById(m.snapshot()));
    assert.deepEqual(readdirSync(join(path, "..")), ["mk6-X.jsonl"], "no temp file left behind");
  });
  it("changes racing a compaction: every one acknowledged, and the file reads back as the state, at any moment whole", async () => {
    const change = fc.oneof(
      { weight: 6, arbitrary: fc.record({ op: fc.constant("put"), id: fc.integer({ min: 0, max: 30 }), kib: fc.integer({ min: 0, max: 48 }) }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant("remove"), id: fc.integer({ min: 0, max: 30 }) }) },
      { weight: 1, arbitrary: fc.constant({ op: "clear" }) }
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(change, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 6 }), async (bursts) => {
        const path = freshPath();
        const m = new Model(path);
        await m.file.open();
        let value = 0;
        for (const burst of bursts) {
          const acks = burst.map((c) => c.op === "put" ? m.put({ id: `r${c.id}`, value: ++value, pad: "x".repeat(c.kib * 1024) }) : c.op === "remove" ? m.remove(`r${c.id}`) : m.clear());
          await new Promise((r) => setImmediate(r));
          assert.doesNotThrow(() => loadAsRestart(path));
          await Promise.all(acks);
          assert.deepEqual(sortById(loadAsRestart(path)), sortById(m.snapshot()));
        }
        await m.file.close();
        assert.deepEqual(readdirSync(join(path, "..")), ["mk6-X.jsonl"], "no temp file left behind");
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60), ...replay }
    );
  });
  it("a kill at any moment, compacting or not, leaves every acknowledged change in the file", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ kib: fc.integer({ min: 0, max: 64 }), wait: fc.boolean() }), { minLength: 20, maxLength: 120 }), async (puts) => {
        const path = freshPath();
        const m = new Model(path);
        await m.file.open();
        const acknowledged = /* @__PURE__ */ new Map();
        let reads = 0;
        let checking = true;
        const check = async () => {
          while (checking) {
            const loaded = new Map((loadAsRestart(path)?.items ?? []).map((item) => [item.id, item.value]));
            for (const [id, value] of acknowledged) assert.equal(loaded.get(id), value, `acknowledged ${id} missing after ${reads} reads`);
            reads++;
            await new Promise((r) => setImmediate(r));
          }
        };
        const checker = check();
        const pending = [];
        for (const [i, p] of puts.entries()) {
          const id = `n${i}`;
          const put = m.put({ id, value: i, pad: "x".repeat(p.kib * 1024) }).then(() => void acknowledged.set(id, i));
          pending.push(put);
          if (p.wait) await put;
        }
        await Promise.all(pending);
        checking = false;
        await checker;
        await m.file.close();
        assert.equal(acknowledged.size, puts.length);
        assert.deepEqual(sortById(StateFile.load(path)), sortById(m.snapshot()));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 30), ...replay }
    );
  });
  it("drops a stale temp file from an interrupted compaction", () => {
    const path = freshPath();
    writeFileSync(path, JSON.stringify({ kind: "snapshot", meta: { counter: 1, label: "x" }, items: [] }) + "\n");
    writeFileSync(`${path}.tmp-4242`, "half a snapshot");
    assert.deepEqual(StateFile.load(path), { meta: { counter: 1, label: "x" }, items: [] });
    assert.deepEqual(readdirSync(join(path, "..")), ["mk6-X.jsonl"]);
  });
});
