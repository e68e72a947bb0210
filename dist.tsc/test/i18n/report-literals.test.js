import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
const ROOT = join(import.meta.dirname, "..", "..", "..");
const SCANNED = ["supervisor/recette", "supervisor/cli/report.ts", "supervisor/cli/replay.ts"];
const ALLOWED = {
  "supervisor/cli/report.ts: body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}\ntr.pass td:first-child{background:#d4f7d4}tr.fail td:first-child{background:#f7d4d4}tr.not_applicable td:first-child{background:#eee}ul{margin:4px 0;font-size:12px;color:#444}": "the HTML report's style sheet (CSS selectors and values, no word for a person)"
};
const PERSON_TEXT = /[àâçéèêëîïôûùüÿœÀÂÇÉÈÊËÎÏÔÛÙÜŸŒ]|\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/;
function tsFiles(path) {
  const full = join(ROOT, path);
  if (full.endsWith(".ts")) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? tsFiles(join(path, e.name)) : e.name.endsWith(".ts") ? [join(full, e.name)] : []);
}
function stringLiterals(src) {
  const out = [];
  let i = 0;
  let last = "";
  const scan = (stopAtBrace) => {
    let depth = 0;
    while (i < src.length) {
      const c = src[i];
      if (c === "/" && src[i + 1] === "/") {
        i = src.indexOf("\n", i);
        if (i < 0) i = src.length;
      } else if (c === "/" && src[i + 1] === "*") {
        i = src.indexOf("*/", i + 2) + 2;
        if (i < 2) i = src.length;
      } else if (c === "/" && (last === "" || "(,=:[!&|?{};+-*%<>~^".includes(last) || /\b(return|typeof|case)$/.test(src.slice(Math.max(0, i - 8), i).trimEnd()))) {
        let inClass = false;
        for (i++; i < src.length; i++) {
          if (src[i] === "\\") i++;
          else if (src[i] === "[") inClass = true;
          else if (src[i] === "]") inClass = false;
          else if (src[i] === "/" && !inClass) break;
        }
        i++;
        last = "x";
      } else if (c === "'" || c === '"') {
        let text = "";
        for (i++; i < src.length && src[i] !== c; i++) {
          if (src[i] === "\\") text += src[++i] === "n" ? "\n" : src[i];
          else text += src[i];
        }
        i++;
        out.push(text);
        last = "x";
      } else if (c === "`") {
        let text = "";
        for (i++; i < src.length && src[i] !== "`"; i++) {
          if (src[i] === "\\") text += src[++i] === "n" ? "\n" : src[i];
          else if (src[i] === "$" && src[i + 1] === "{") {
            i += 2;
            last = "";
            scan(true);
            text += " ";
          } else text += src[i];
        }
        i++;
        out.push(text);
        last = "x";
      } else {
        if (c === "{") depth++;
        if (c === "}") {
          if (stopAtBrace && depth === 0) return;
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
function personText(src) {
  return stringLiterals(src).filter((text) => PERSON_TEXT.test(text.replace(/<[^>]*>/g, " ")));
}
describe("the verdict and reports say nothing outside their catalogues", () => {
  it("the scan finds sentences and accents, and passes codes, paths, markup and regular expressions", () => {
    assert.deepEqual(personText("const m = `${mk6}: no call for ${d}`; // a comment with words in it"), [" : no call for  "]);
    assert.deepEqual(personText("return { message: 'aucun appel', what: 'r\xE9ponse' }"), ["aucun appel", "r\xE9ponse"]);
    assert.deepEqual(personText("x = `<td class=\"fail\">${a}</td>`; y = '/mock/verdicts'; z = 'POST /mock/reset'"), []);
    assert.deepEqual(personText(`s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;' })[c]); const k = 'not_applicable'`), []);
    assert.deepEqual(personText("const nested = `words ${f(`inner words here`)} outside`"), ["inner words here", "words   outside"]);
  });
  it("no file of the recette or of the reports writes one", () => {
    const faults = [];
    const files = SCANNED.flatMap(tsFiles);
    assert.ok(files.length >= 12, `${files.length} files scanned`);
    for (const file of files) {
      const rel = relative(ROOT, file);
      for (const text of personText(readFileSync(file, "utf8"))) if (ALLOWED[`${rel}: ${text}`] === void 0) faults.push(`${rel}: ${text}`);
    }
    assert.deepEqual(faults, []);
  });
});
export {
  personText,
  stringLiterals
};
