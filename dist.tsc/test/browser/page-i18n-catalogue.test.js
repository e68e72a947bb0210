import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const PAGE = join(ROOT, "supervisor/front/page");
const JS = readdirSync(PAGE).filter((f) => f.endsWith(".js")).sort();
const CATALOGUE = "messages.js";
const HTML = readFileSync(join(PAGE, "index.html"), "utf8");
const { MESSAGES } = await import(pathToFileURL(join(PAGE, CATALOGUE)).href);
const NAMESPACES = new Set(Object.keys(MESSAGES.fr).map((k) => k.split(".")[0]));
const KEY_SHAPE = /^([a-z]+)\.[A-Za-z0-9]+$/;
const params = (m) => [...new Set((typeof m === "string" ? m : `${m.one} ${m.other}`).match(/\{\w+\}/g) ?? [])].sort();
function literals(file) {
  const src = ts.createSourceFile(file, readFileSync(join(PAGE, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const out = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push([node.text, node]);
    else if (ts.isTemplateExpression(node)) out.push([[node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join("{}"), node]);
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}
function usedKeys() {
  const used = /* @__PURE__ */ new Map();
  for (const file of JS.filter((f) => f !== CATALOGUE)) {
    for (const [text] of literals(file)) {
      const ns = KEY_SHAPE.exec(text)?.[1];
      if (ns && NAMESPACES.has(ns)) used.set(text, file);
    }
    for (const match of readFileSync(join(PAGE, file), "utf8").matchAll(/\b[tm]\(\s*'([^']+)'/g)) used.set(match[1], file);
  }
  for (const match of HTML.matchAll(/data-t="([^"]+)"/g)) {
    for (const part of match[1].split(";")) used.set(part.includes(":") ? part.split(":")[1] : part, "index.html");
  }
  used.set("page.title", "i18n.js");
  return used;
}
const MACHINE_PROPS = /* @__PURE__ */ new Set([
  "class",
  "className",
  "type",
  "role",
  "id",
  "name",
  "for",
  "href",
  "download",
  "rel",
  "target",
  "accept",
  "pattern",
  "value",
  "colspan",
  "tabindex",
  "style",
  "method",
  "cache",
  "content-type",
  "accept-language",
  "inputmode",
  "kind",
  "source",
  "status",
  "set"
]);
const MACHINE_CALLS = /* @__PURE__ */ new Set([
  "querySelector",
  "querySelectorAll",
  "getElementById",
  "closest",
  "addEventListener",
  "removeEventListener",
  "setAttribute",
  "getAttribute",
  "toggleAttribute",
  "hasAttribute",
  "removeAttribute",
  "add",
  "remove",
  "toggle",
  "contains",
  "getItem",
  "setItem",
  "h",
  "createElement",
  "fetch",
  "getJson",
  "write",
  "mark",
  "setProperty",
  "escape",
  "get",
  "includes",
  "warn",
  "getEntriesByName",
  "setData",
  "split",
  "join",
  "replace",
  "padStart",
  "slice",
  "startsWith",
  "test",
  "tzDate",
  "stepped",
  "toLocaleDateString",
  "EventSource",
  "Event",
  "CustomEvent",
  "Error",
  "filter",
  "setScale",
  "dispatchEvent"
]);
const ALLOWED = /* @__PURE__ */ new Set([
  "MOCK",
  "PRODUCTION",
  "STOP",
  "UTC",
  "kW",
  "MW",
  "kill",
  "stop",
  "pid",
  "{}",
  "{} MW",
  "{} kW",
  "{} px",
  "Psetpoint {}",
  "\xD7 {}",
  "thissite",
  "nearsite",
  "DEIE",
  "SCADA",
  "Pactive",
  "Etc/UTC",
  "{HH}:{mm}:{ss}",
  "TimeoutError",
  "journal #{}",
  "{}: {}",
  "{} {}",
  "MK6 {}"
]);
const propName = (p) => ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : "";
function inLocalCatalogue(node) {
  for (let n = node; n; n = n.parent) {
    if (ts.isPropertyAssignment(n) && ["fr", "en"].includes(propName(n)) && ts.isObjectLiteralExpression(n.parent)) {
      const names = n.parent.properties.filter(ts.isPropertyAssignment).map(propName);
      if (names.includes("fr") && names.includes("en")) return true;
    }
  }
  return false;
}
function machineContext(node) {
  if (inLocalCatalogue(node)) return true;
  let child = node;
  let parent = node.parent;
  while (parent && (ts.isConditionalExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isElementAccessExpression(parent) || ts.isCaseClause(parent)) return true;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(parent.left) && (MACHINE_PROPS.has(parent.left.name.text) || parent.left.name.text === "font")) return true;
  if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.InKeyword].includes(parent.operatorToken.kind)) return true;
  if (ts.isPropertyAssignment(parent)) {
    if (parent.name === child) return true;
    const name = propName(parent);
    return MACHINE_PROPS.has(name) || name.startsWith("data-") || name.startsWith("aria-") && name !== "aria-label" && name !== "aria-valuetext";
  }
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    const callee = parent.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
    if (MACHINE_CALLS.has(name)) return !(name === "h" && parent.arguments?.indexOf(child) !== 0);
  }
  return false;
}
const looksHuman = (text) => /[À-ÿœ]/.test(text) || new RegExp("\\p{L}{2,}[ \u2019']+\\p{L}{2,}", "u").test(text) || /^[A-Z][a-z]{2,}/.test(text);
describe("the page catalogue (supervisor/front/page/messages.js)", () => {
  it("French and English have the same keys, each with the same parameters", () => {
    assert.deepEqual(Object.keys(MESSAGES.en).sort(), Object.keys(MESSAGES.fr).sort(), "a key missing in one language");
    for (const [key, fr] of Object.entries(MESSAGES.fr)) {
      assert.deepEqual(params(MESSAGES.en[key]), params(fr), `${key}: the parameters differ`);
      assert.equal(typeof MESSAGES.en[key], typeof fr, `${key}: a plural in one language only`);
    }
  });
  it("every key the page uses (t, m, key maps, data-t) exists in the catalogue, and every key is used", () => {
    const used = usedKeys();
    const missing = [...used].filter(([key]) => !(key in MESSAGES.fr)).map(([key, file]) => `${key} (${file})`);
    assert.deepEqual(missing, [], "keys used but not declared");
    const unused = Object.keys(MESSAGES.fr).filter((key) => !used.has(key));
    assert.deepEqual(unused, [], "keys declared but never used");
  });
  it("no person-facing literal in page/*.js outside the catalogue (allowlist: units, codes, symbols)", () => {
    const found = [];
    for (const file of JS.filter((f) => f !== CATALOGUE && f !== "i18n.js")) {
      for (const [text, node] of literals(file)) {
        if (ALLOWED.has(text.trim()) || !looksHuman(text) || machineContext(node)) continue;
        const line = node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${file}:${line} ${JSON.stringify(text)}`);
      }
    }
    assert.deepEqual(found, []);
  });
  it("no person-facing text in index.html outside data-t (allowlist: names, codes, examples)", () => {
    const ALLOWED_HTML = /* @__PURE__ */ new Set([
      "MK6 fleet \u2014 supervision",
      "MK6 fleet",
      "supervision",
      "MK6",
      "UTC",
      "\xD7",
      "#",
      "ms",
      "src",
      "kind",
      "sycode",
      "PRM",
      "thissite",
      ".",
      "FR",
      "EN",
      "GW",
      "front",
      "MOCK",
      "SUPERVISION",
      "OTHER",
      "GET",
      "POST",
      "PATCH",
      "PUT",
      "DELETE",
      "2xx",
      "3xx",
      "4xx",
      "5xx",
      "\u2265 400",
      "before",
      "during",
      "\u2026",
      "\u2014",
      "\u25B8"
    ]);
    const body = HTML.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<style[\s\S]*?<\/style>/g, "");
    const texts = body.split(/<[^>]+>/).map((s) => s.trim()).filter(Boolean);
    assert.deepEqual(texts.filter((s) => !ALLOWED_HTML.has(s)), [], "text nodes");
    const ALLOWED_ATTRS = /^(Français|English|(POST|DELETE) \/[\w/{}.]+|500|1|INJECTED_ERROR|POST, PATCH|\*\/requests|name: …&#10;.*|- \{ at: .*)$/;
    const attrs = [...body.matchAll(/\s(title|aria-label|placeholder|alt)="([^"]*)"/g)].map((m) => m[2]).filter((v) => !ALLOWED_ATTRS.test(v));
    assert.deepEqual(attrs, [], "attributes");
  });
});
