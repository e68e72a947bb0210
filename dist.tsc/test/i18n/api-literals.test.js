import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
const ROOT = join(import.meta.dirname, "..", "..", "..");
const CATALOGUE = "src/i18n/api-messages.ts";
const ALLOWED = {};
const PERSON_TEXT = /[àâçéèêëîïôûùüÿœÉÈ]|\b(invalides?|inconnue?s?|unknown|must|doit|expected|attendu|missing|manquant|trop|too|requête|request|plusieurs|several|liste|list|hors|out of|blocked|bloquée)\b/i;
const ONE_TOKEN = /^\S*$/;
function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? e.name === "page" ? [] : tsFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}
function argumentsAt(src, open) {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === "'" || c === '"' || c === "`") {
      const q = c;
      for (i++; i < src.length && src[i] !== q; i++) if (src[i] === "\\") i++;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return src.slice(open + 1, i);
  }
  return src.slice(open + 1);
}
function literals(args) {
  const out = [];
  const re = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  for (const m of args.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3] ?? "").replace(/\$\{[^}]*\}/g, " "));
  return out;
}
function errorLiterals(src) {
  const found = [];
  for (const m of src.matchAll(/\b(?:errors\.\w+|E\.invalid|new Mk6Error)\(/g)) {
    for (const text of literals(argumentsAt(src, (m.index ?? 0) + m[0].length - 1))) {
      if (/[àâçéèêëîïôûùüÿœÉÈ]/.test(text) || !ONE_TOKEN.test(text.trim()) && PERSON_TEXT.test(text)) found.push(text);
    }
  }
  return found;
}
describe("API error messages come from the catalogue", () => {
  it("the scan finds a sentence written at a call site, and passes codes, field names and sizes", () => {
    assert.deepEqual(errorLiterals("throw errors.badRequest('Champ inconnu', { field: 'x' })"), ["Champ inconnu"]);
    assert.deepEqual(errorLiterals("throw errors.notFound(`Route inconnue: ${path}`)"), ["Route inconnue:  "]);
    assert.deepEqual(errorLiterals(`new Mk6Error(400, 'BAD_REQUEST', "too big")`), ["too big"]);
    assert.deepEqual(errorLiterals("errors.payloadTooLarge('256 KiB'); errors.missingField('now'); errors.badRequest(say('fieldInvalid', 'id'), { field: 'id' })"), []);
  });
  it("no file of src/ or supervisor/ but the catalogue writes one", () => {
    const faults = [];
    for (const file of [...tsFiles(join(ROOT, "src")), ...tsFiles(join(ROOT, "supervisor"))]) {
      const rel = relative(ROOT, file);
      if (rel === CATALOGUE) continue;
      for (const text of errorLiterals(readFileSync(file, "utf8"))) if (ALLOWED[`${rel}: ${text}`] === void 0) faults.push(`${rel}: ${text}`);
    }
    assert.deepEqual(faults, []);
  });
});
export {
  errorLiterals
};
