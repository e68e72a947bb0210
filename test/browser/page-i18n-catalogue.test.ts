/**
 * The supervision page's catalogue, read from the page's own files (no browser): French and
 * English have the same keys and the same parameters; every key the page names
 * (t('…'), m('…'), the key maps, data-t in index.html) exists; and no text a person reads
 * lives outside the catalogue: a scan of page/*.js (every string literal, through the
 * TypeScript parser) and of index.html (text and title/aria-label/placeholder), with a short
 * allowlist of machine words. Page code may keep a local catalogue `{fr: {…}, en: {…}}` next
 * to it (the scan leaves it alone); the shared one is messages.js.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PAGE = join(ROOT, 'supervisor/front/page');
const JS = readdirSync(PAGE).filter((f) => f.endsWith('.js')).sort();
const CATALOGUE = 'messages.js';
const HTML = readFileSync(join(PAGE, 'index.html'), 'utf8');

type Message = string | { one: string; other: string };
const { MESSAGES } = (await import(pathToFileURL(join(PAGE, CATALOGUE)).href)) as { MESSAGES: Record<'fr' | 'en', Record<string, Message>> };
const NAMESPACES = new Set(Object.keys(MESSAGES.fr).map((k) => k.split('.')[0]));
const KEY_SHAPE = /^([a-z]+)\.[A-Za-z0-9]+$/;

const params = (m: Message) => [...new Set((typeof m === 'string' ? m : `${m.one} ${m.other}`).match(/\{\w+\}/g) ?? [])].sort();

/** A page file's string literals: [text (a template's parts joined by '{}'), node]. */
function literals(file: string): [string, ts.Node][] {
  const src = ts.createSourceFile(file, readFileSync(join(PAGE, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const out: [string, ts.Node][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push([node.text, node]);
    else if (ts.isTemplateExpression(node)) out.push([[node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('{}'), node]);
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

/** Keys the page names: t('…') and m('…') arguments, key maps ('proc.online', …), data-t in index.html. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of JS.filter((f) => f !== CATALOGUE)) {
    for (const [text] of literals(file)) {
      const ns = KEY_SHAPE.exec(text)?.[1];
      if (ns && NAMESPACES.has(ns)) used.set(text, file);
    }
    for (const match of readFileSync(join(PAGE, file), 'utf8').matchAll(/\b[tm]\(\s*'([^']+)'/g)) used.set(match[1], file);
  }
  for (const match of HTML.matchAll(/data-t="([^"]+)"/g)) {
    for (const part of match[1].split(';')) used.set(part.includes(':') ? part.split(':')[1] : part, 'index.html');
  }
  used.set('page.title', 'i18n.js');
  return used;
}

/** Property names whose values are machine text (DOM attributes, fetch options, CSS). */
const MACHINE_PROPS = new Set(['class', 'className', 'type', 'role', 'id', 'name', 'for', 'href', 'download', 'rel', 'target', 'accept', 'pattern',
  'value', 'colspan', 'tabindex', 'style', 'method', 'cache', 'content-type', 'accept-language', 'inputmode', 'kind', 'source', 'status', 'set']);
/** Calls whose string arguments are machine text (selectors, events, storage keys, paths, tags). */
const MACHINE_CALLS = new Set(['querySelector', 'querySelectorAll', 'getElementById', 'closest', 'addEventListener', 'removeEventListener', 'setAttribute',
  'getAttribute', 'toggleAttribute', 'hasAttribute', 'removeAttribute', 'add', 'remove', 'toggle', 'contains', 'getItem', 'setItem', 'h', 'createElement',
  'fetch', 'getJson', 'write', 'mark', 'setProperty', 'escape', 'get', 'includes', 'warn', 'getEntriesByName', 'setData', 'split', 'join', 'replace',
  'padStart', 'slice', 'startsWith', 'test', 'tzDate', 'stepped', 'toLocaleDateString', 'EventSource', 'Event', 'CustomEvent', 'Error', 'filter', 'setScale', 'dispatchEvent']);
/** Literals a person reads that are the same in both languages: units, symbols, codes, the product's name. */
const ALLOWED = new Set(['MOCK', 'PRODUCTION', 'STOP', 'UTC', 'kW', 'MW', 'kill', 'stop', 'pid', '{}', '{} MW', '{} kW', '{} px', 'Psetpoint {}', '× {}',
  'thissite', 'nearsite', 'DEIE', 'SCADA', 'Pactive', 'Etc/UTC', '{HH}:{mm}:{ss}', 'TimeoutError', 'journal #{}', '{}: {}', '{} {}', 'MK6 {}']);

const propName = (p: ts.PropertyAssignment) => (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : '');

/** Inside a local catalogue `{fr: {…}, en: {…}}` (page code that keeps its messages next to it). */
function inLocalCatalogue(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isPropertyAssignment(n) && ['fr', 'en'].includes(propName(n)) && ts.isObjectLiteralExpression(n.parent)) {
      const names = n.parent.properties.filter(ts.isPropertyAssignment).map(propName);
      if (names.includes('fr') && names.includes('en')) return true;
    }
  }
  return false;
}

/** Is this literal machine text by where it stands? */
function machineContext(node: ts.Node): boolean {
  if (inLocalCatalogue(node)) return true;
  let child = node;
  let parent = node.parent;
  while (parent && (ts.isConditionalExpression(parent) || ts.isParenthesizedExpression(parent) || (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken))) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isElementAccessExpression(parent) || ts.isCaseClause(parent)) return true;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(parent.left)
    && (MACHINE_PROPS.has(parent.left.name.text) || parent.left.name.text === 'font')) return true;
  if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.InKeyword].includes(parent.operatorToken.kind)) return true;
  if (ts.isPropertyAssignment(parent)) {
    if (parent.name === child) return true;
    const name = propName(parent);
    return MACHINE_PROPS.has(name) || name.startsWith('data-') || (name.startsWith('aria-') && name !== 'aria-label' && name !== 'aria-valuetext');
  }
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    const callee = parent.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (MACHINE_CALLS.has(name)) return !(name === 'h' && parent.arguments?.indexOf(child as ts.Expression) !== 0);
  }
  return false;
}

/** Person-facing? Letters that read as words: an accent, two words, or a capitalised word. */
const looksHuman = (text: string) => /[À-ÿœ]/.test(text) || /\p{L}{2,}[ ’']+\p{L}{2,}/u.test(text) || /^[A-Z][a-z]{2,}/.test(text);

describe('the page catalogue (supervisor/front/page/messages.js)', () => {
  it('French and English have the same keys, each with the same parameters', () => {
    assert.deepEqual(Object.keys(MESSAGES.en).sort(), Object.keys(MESSAGES.fr).sort(), 'a key missing in one language');
    for (const [key, fr] of Object.entries(MESSAGES.fr)) {
      assert.deepEqual(params(MESSAGES.en[key]), params(fr), `${key}: the parameters differ`);
      assert.equal(typeof MESSAGES.en[key], typeof fr, `${key}: a plural in one language only`);
    }
  });

  it('every key the page uses (t, m, key maps, data-t) exists in the catalogue, and every key is used', () => {
    const used = usedKeys();
    const missing = [...used].filter(([key]) => !(key in MESSAGES.fr)).map(([key, file]) => `${key} (${file})`);
    assert.deepEqual(missing, [], 'keys used but not declared');
    const unused = Object.keys(MESSAGES.fr).filter((key) => !used.has(key));
    assert.deepEqual(unused, [], 'keys declared but never used');
  });

  it('no person-facing literal in page/*.js outside the catalogue (allowlist: units, codes, symbols)', () => {
    const found: string[] = [];
    for (const file of JS.filter((f) => f !== CATALOGUE && f !== 'i18n.js')) {
      for (const [text, node] of literals(file)) {
        if (ALLOWED.has(text.trim()) || !looksHuman(text) || machineContext(node)) continue;
        const line = node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${file}:${line} ${JSON.stringify(text)}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('no person-facing text in index.html outside data-t (allowlist: names, codes, examples)', () => {
    const ALLOWED_HTML = new Set(['MK6 fleet — supervision', 'MK6 fleet', 'supervision', 'MK6', 'UTC', '×', '#', 'ms', 'src', 'kind', 'sycode', 'PRM', 'thissite', '.',
      'FR', 'EN', 'GW', 'front', 'MOCK', 'SUPERVISION', 'OTHER', 'GET', 'POST', 'PATCH', 'PUT', 'DELETE', '2xx', '3xx', '4xx', '5xx', '≥ 400', 'before', 'during',
      '…', '—', '▸']);
    const body = HTML.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
    const texts = body.split(/<[^>]+>/).map((s) => s.trim()).filter(Boolean);
    assert.deepEqual(texts.filter((s) => !ALLOWED_HTML.has(s)), [], 'text nodes');
    // Attributes a person reads: translated through data-t, or one of these (the switch names each language in itself; API paths; examples).
    const ALLOWED_ATTRS = /^(Français|English|(POST|DELETE) \/[\w/{}.]+|500|1|INJECTED_ERROR|POST, PATCH|\*\/requests|name: …&#10;.*|- \{ at: .*)$/;
    const attrs = [...body.matchAll(/\s(title|aria-label|placeholder|alt)="([^"]*)"/g)].map((m) => m[2]).filter((v) => !ALLOWED_ATTRS.test(v));
    assert.deepEqual(attrs, [], 'attributes');
  });
});
