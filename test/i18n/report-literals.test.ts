/**
 * No person's text written outside the catalogues in the verdict and the reports: every
 * string literal of supervisor/recette/** and of the two report files (supervisor/cli/report.ts,
 * supervisor/cli/replay.ts) is scanned, comments left out, and one that reads as a sentence
 * (an accented letter, or two words in a row, once HTML tags and `${…}` are taken out) fails
 * unless it is allowed below with its reason. Their words live in src/i18n/verdict-*.ts and
 * src/i18n/report-messages.ts. A single word passes: the scan cannot tell `offline` the word
 * from `offline` the event kind, so a lone word is taken for machine text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCANNED = ['supervisor/recette', 'supervisor/cli/report.ts', 'supervisor/cli/replay.ts'];

/** `file: literal` pairs allowed, each with its reason. */
const ALLOWED: Record<string, string> = {
  'supervisor/cli/report.ts: body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}\ntr.pass td:first-child{background:#d4f7d4}tr.fail td:first-child{background:#f7d4d4}tr.not_applicable td:first-child{background:#eee}ul{margin:4px 0;font-size:12px;color:#444}':
    "the HTML report's style sheet (CSS selectors and values, no word for a person)",
};

/** Accents, or two words in a row (letters only, two or more each). */
const PERSON_TEXT = /[àâçéèêëîïôûùüÿœÀÂÇÉÈÊËÎÏÔÛÙÜŸŒ]|\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/;

function tsFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (full.endsWith('.ts')) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(path, e.name)) : e.name.endsWith('.ts') ? [join(full, e.name)] : []));
}

/**
 * The string literals of TypeScript source, comments and regular expressions skipped; a
 * template literal's text with each `${…}` as a space, its expressions scanned in turn.
 */
export function stringLiterals(src: string): string[] {
  const out: string[] = [];
  let i = 0;
  let last = ''; // the last significant character, to tell a regex from a division
  const scan = (stopAtBrace: boolean): void => {
    let depth = 0;
    while (i < src.length) {
      const c = src[i];
      if (c === '/' && src[i + 1] === '/') {
        i = src.indexOf('\n', i);
        if (i < 0) i = src.length;
      } else if (c === '/' && src[i + 1] === '*') {
        i = src.indexOf('*/', i + 2) + 2;
        if (i < 2) i = src.length;
      } else if (c === '/' && (last === '' || '(,=:[!&|?{};+-*%<>~^'.includes(last) || /\b(return|typeof|case)$/.test(src.slice(Math.max(0, i - 8), i).trimEnd()))) {
        let inClass = false; // a regular expression literal
        for (i++; i < src.length; i++) {
          if (src[i] === '\\') i++;
          else if (src[i] === '[') inClass = true;
          else if (src[i] === ']') inClass = false;
          else if (src[i] === '/' && !inClass) break;
        }
        i++;
        last = 'x';
      } else if (c === "'" || c === '"') {
        let text = '';
        for (i++; i < src.length && src[i] !== c; i++) {
          if (src[i] === '\\') text += src[++i] === 'n' ? '\n' : src[i];
          else text += src[i];
        }
        i++;
        out.push(text);
        last = 'x';
      } else if (c === '`') {
        let text = '';
        for (i++; i < src.length && src[i] !== '`'; i++) {
          if (src[i] === '\\') text += src[++i] === 'n' ? '\n' : src[i];
          else if (src[i] === '$' && src[i + 1] === '{') {
            i += 2;
            last = '';
            scan(true);
            text += ' ';
          } else text += src[i];
        }
        i++;
        out.push(text);
        last = 'x';
      } else {
        if (c === '{') depth++;
        if (c === '}') {
          if (stopAtBrace && depth === 0) return; // the end of a template's `${…}`
          depth--;
        }
        if (!/\s/.test(c)) last = c;
        i++;
      }
    }
  };
  scan(false);
  return out;
}

/** The literals that read as a person's text: HTML tags out first (their names and attributes are markup). */
export function personText(src: string): string[] {
  return stringLiterals(src).filter((text) => PERSON_TEXT.test(text.replace(/<[^>]*>/g, ' ')));
}

describe('the verdict and reports say nothing outside their catalogues', () => {
  it('the scan finds sentences and accents, and passes codes, paths, markup and regular expressions', () => {
    assert.deepEqual(personText("const m = `${mk6}: no call for ${d}`; // a comment with words in it"), [' : no call for  ']);
    assert.deepEqual(personText("return { message: 'aucun appel', what: 'réponse' }"), ['aucun appel', 'réponse']);
    assert.deepEqual(personText("x = `<td class=\"fail\">${a}</td>`; y = '/mock/verdicts'; z = 'POST /mock/reset'"), []);
    assert.deepEqual(personText("s.replace(/[<>&\"']/g, (c) => ({ '<': '&lt;' })[c]); const k = 'not_applicable'"), []);
    assert.deepEqual(personText('const nested = `words ${f(`inner words here`)} outside`'), ['inner words here', 'words   outside']);
  });

  it('no file of the recette or of the reports writes one', () => {
    const faults: string[] = [];
    const files = SCANNED.flatMap(tsFiles);
    assert.ok(files.length >= 12, `${files.length} files scanned`);
    for (const file of files) {
      const rel = relative(ROOT, file);
      for (const text of personText(readFileSync(file, 'utf8'))) if (ALLOWED[`${rel}: ${text}`] === undefined) faults.push(`${rel}: ${text}`);
    }
    assert.deepEqual(faults, []);
  });
});
