/**
 * A YAML (or JSON: YAML reads it) file kept with its node positions, so a fault found by a
 * schema at a path (`['mk6', 2, 'sites', 0, 'pmax_kw']`) is shown at its line:
 * `file:line mk6[2].sites[0].pmax_kw: message`.
 */
import { LineCounter, parseDocument } from 'yaml';
import { showPath } from '../contract/schema/validate.js';
import { verbatim } from '../i18n/api-messages.js';
import { fileMessages } from '../i18n/file-messages.js';
export class YamlSource {
    file;
    /** Syntax faults, as `file:line message` in the YAML library's words (the document is not read further when there are some). */
    syntaxFaults;
    /** The document as plain data (as JSON would give it). */
    root;
    doc;
    lines = new LineCounter();
    constructor(text, file) {
        this.file = file;
        this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
        this.syntaxFaults = this.doc.errors.map((e) => verbatim(`${file}:${this.lines.linePos(e.pos[0]).line} ${e.message.split('\n')[0]}`));
        this.root = this.syntaxFaults.length ? undefined : this.doc.toJS();
    }
    /** The line of the node at `path` (a key's value; else its closest ancestor's), from 1. */
    lineOf(path) {
        for (let p = path;; p = p.slice(0, -1)) {
            const node = this.doc.getIn(p, true);
            if (node?.range)
                return this.lines.linePos(node.range[0]).line;
            if (p.length === 0)
                return 1;
        }
    }
    /** `file:line path: message`; `shown` is the path as the message names it, when it differs from where it is. */
    fault(path, message, shown = path) {
        const line = this.lineOf(path);
        return (lang) => `${this.file}:${line} ${showPath(shown, fileMessages[lang].root)}: ${message(lang)}`;
    }
}
