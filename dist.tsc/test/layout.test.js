import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const MAX_LINES = 350;
function walk(dir) {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = join(dir, name);
    return statSync(join(ROOT, rel)).isDirectory() ? walk(rel) : [rel];
  });
}
const SOURCES = [...walk("src"), ...walk("supervisor")].filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
const text = new Map(SOURCES.map((f) => [f, readFileSync(join(ROOT, f), "utf8")]));
function importsOf(file) {
  const found = [];
  const re = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const m of text.get(file).matchAll(re)) {
    found.push(normalize(join(dirname(file), m[1].replace(/\.js$/, ".ts"))));
  }
  return found;
}
function packagesOf(file) {
  const re = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^.'"][^'"]*)['"]/g;
  return [...text.get(file).matchAll(re)].map((m) => m[1]);
}
describe("layout", () => {
  it("the supervisor root holds only main.ts and folders", () => {
    const files = readdirSync(join(ROOT, "supervisor")).filter((n) => !statSync(join(ROOT, "supervisor", n)).isDirectory());
    assert.deepEqual(files, ["main.ts"]);
  });
  it("src and supervisor show each concern as a folder", () => {
    const folders = (dir) => readdirSync(join(ROOT, dir)).filter((n) => statSync(join(ROOT, dir, n)).isDirectory()).sort();
    for (const f of ["domain", "contract", "worker", "config", "journal", "persist", "shared"]) assert.ok(folders("src").includes(f), `src/${f}`);
    for (const f of ["cli", "fleet", "front", "recette", "session"]) assert.ok(folders("supervisor").includes(f), `supervisor/${f}`);
    const looseInSrc = readdirSync(join(ROOT, "src")).filter((n) => !statSync(join(ROOT, "src", n)).isDirectory());
    assert.deepEqual(looseInSrc, []);
  });
  it(`no product file is over ${MAX_LINES} lines`, () => {
    const long = SOURCES.map((f) => [f, text.get(f).split("\n").length]).filter(([, n]) => n > MAX_LINES);
    assert.deepEqual(long, []);
  });
  it("every relative import names a file that exists", () => {
    const missing = SOURCES.flatMap((f) => importsOf(f).filter((t) => !text.has(t)).map((t) => `${f} \u2192 ${t}`));
    assert.deepEqual(missing, []);
  });
  it("no import cycle", () => {
    const index = /* @__PURE__ */ new Map();
    const low = /* @__PURE__ */ new Map();
    const stack = [];
    const onStack = /* @__PURE__ */ new Set();
    const cycles = [];
    let next = 0;
    const visit = (v) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const w of importsOf(v).filter((t) => text.has(t))) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v), low.get(w)));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
      }
      if (low.get(v) === index.get(v)) {
        const scc = [];
        let w;
        do {
          w = stack.pop();
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1 || importsOf(v).includes(v)) cycles.push(scc.sort());
      }
    };
    for (const f of SOURCES) if (!index.has(f)) visit(f);
    assert.deepEqual(cycles, []);
  });
  it("the CLI is a client: supervisor/cli imports nothing from the other supervisor folders", () => {
    const reaching = SOURCES.filter((f) => f.startsWith("supervisor/cli/")).flatMap(
      (f) => importsOf(f).filter((t) => t.startsWith("supervisor/") && !t.startsWith("supervisor/cli/")).map((t) => `${f} \u2192 ${t}`)
    );
    assert.deepEqual(reaching, []);
  });
  it("src never imports the supervisor", () => {
    const reaching = SOURCES.filter((f) => f.startsWith("src/")).flatMap(
      (f) => importsOf(f).filter((t) => t.startsWith("supervisor/")).map((t) => `${f} \u2192 ${t}`)
    );
    assert.deepEqual(reaching, []);
  });
  it("the domain is pure: it imports only the domain and the contract, and no I/O module", () => {
    const IO = /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|worker_threads)$/;
    const domain = SOURCES.filter((f) => f.startsWith("src/domain/"));
    const outside = domain.flatMap(
      (f) => importsOf(f).filter((t) => !t.startsWith("src/domain/") && !t.startsWith("src/contract/")).map((t) => `${f} \u2192 ${t}`)
    );
    const io = domain.flatMap((f) => packagesOf(f).filter((p) => IO.test(p) || /^(koa|@koa\/|pm2|http-proxy|pino)/.test(p)).map((p) => `${f} \u2192 ${p}`));
    assert.deepEqual([...outside, ...io], []);
  });
  it("every error is made by a factory of the errors module", () => {
    const handMade = SOURCES.filter((f) => f !== "src/contract/errors.ts" && /new Mk6Error\b/.test(text.get(f)));
    assert.deepEqual(handMade, []);
  });
  it("the servers log through pino: no console.* outside the programs that print for a person", () => {
    const PRINTERS = (f) => f.startsWith("supervisor/cli/") || f === "supervisor/main.ts";
    const offenders = SOURCES.filter((f) => !PRINTERS(f) && /\bconsole\.(log|error|warn|info|debug)\(/.test(text.get(f)));
    assert.deepEqual(offenders.map((f) => relative(ROOT, join(ROOT, f))), []);
  });
});
