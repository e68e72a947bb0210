import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { cliMessages } from "../../src/i18n/cli-messages.js";
import { consoleMessages } from "../../src/i18n/console-messages.js";
const ROOT = join(import.meta.dirname, "..", "..", "..");
const ALLOWED = {
  "supervisor/cli/commands/wait.ts: clock differs from the fleet": "a state /readyz answers (readiness.ts), read to pick the catalogue's words, never printed",
  "supervisor/cli/commands/k8s.ts: --from-literal= =$(openssl rand -hex 32)": "a shell command printed for the user to run, the same in every language"
};
const WORDS = new RegExp("\\p{L}{2,}[ \\u00a0]+\\p{L}{2,}", "u");
const ACCENT = /[àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒ]/;
function stringLiterals(source, name = "x.ts") {
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.ES2022, true);
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) return;
    if (ts.isLiteralTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" "));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
const readable = (text) => text.replace(/<[^>]*>/g, " ").replace(/[^{}]*\{[^}]*\}/g, " ");
function personText(source) {
  return stringLiterals(source).filter((t) => ACCENT.test(readable(t)) || WORDS.test(readable(t)));
}
function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []);
}
function faults(files) {
  const found = [];
  for (const file of files) {
    const rel = relative(ROOT, file);
    for (const text of personText(readFileSync(file, "utf8"))) if (ALLOWED[`${rel}: ${text}`] === void 0) found.push(`${rel}: ${text}`);
  }
  return found;
}
const scanned = () => [...tsFiles(join(ROOT, "supervisor/cli")), join(ROOT, "supervisor/main.ts")];
describe("CLI and console texts come from their catalogues", () => {
  it("the scan finds sentences and accents; passes ids, codes, options, paths, format tokens and imports", () => {
    assert.deepEqual(personText("throw new UsageError('missing command'); io.err(`flotte injoignable sur ${url}`); const s = 'pr\xEAte';"), [
      "missing command",
      "flotte injoignable sur  ",
      "pr\xEAte"
    ]);
    assert.deepEqual(
      personText(
        "import { x } from '../context.js'; type L = 'fr' | 'en'; call(o, 'POST', `/mock/mk6/${id}/kill`, { kind: 'refused' }); o.io.out(`${e.id}\\t${e.method} ${e.path}`); parse('--since'); const c = 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'; const r = /^not answering on port (\\d+)$/; const x = `<testcase classname=\"${c}\" name=\"${n}\">`; const css = 'body{font:14px system-ui,sans-serif}\\ntr.pass td:first-child{background:#d4f7d4}';"
      ),
      []
    );
  });
  it("no file of supervisor/cli/ nor supervisor/main.ts writes one, the verdict and replay reports included", () => {
    assert.deepEqual(faults(scanned()), []);
  });
  for (const [name, catalogue] of [
    ["cli-messages", cliMessages],
    ["console-messages", consoleMessages]
  ]) {
    it(`${name}: the same messages in French and English, each taking the same parameters`, () => {
      const keys = Object.keys(catalogue.fr).sort();
      assert.deepEqual(Object.keys(catalogue.en).sort(), keys);
      for (const k of keys) {
        const fr = catalogue.fr[k];
        const en = catalogue.en[k];
        assert.equal(typeof fr, typeof en, k);
        if (typeof fr === "function") assert.equal(fr.length, en.length, k);
        if (typeof fr === "string") assert.notEqual(fr, en, `${k}: the same text in both`);
      }
    });
  }
});
export {
  personText,
  stringLiterals
};
