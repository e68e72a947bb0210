/**
 * Reading a recette file (YAML or JSON), pure: validated against its schema
 * (src/schema/recette.ts), every fault reported as `file:line path: fault`, never a stack;
 * the fault in the reader's language (src/i18n/verdict-file-messages.ts), the rest as written.
 */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { LineCounter, parseDocument } from 'yaml';
import { parseIsoTime } from '../domain/time.js';
import { CHECK_KINDS, CHECKS, Duration, Recette } from '../contract/schema/recette.js';
import { DURATION_EXAMPLES } from '../contract/duration.js';
import { Type } from '../contract/schema/kit.js';
import { recetteFileMessages } from '../i18n/verdict-file-messages.js';
import '../contract/schema/validate.js'; // registers the date-time format the schemas use
export class RecetteError extends Error {
    problems;
    constructor(problems) {
        super(problems.join('\n'));
        this.problems = problems;
        this.name = 'RecetteError';
    }
}
/** A duration as the file writes it (`1h30m`) in milliseconds, or null: the one grammar (src/contract/duration.ts), no bare number. */
export { parseDuration } from '../contract/duration.js';
/**
 * YAML or JSON text: faults as `file:line path: fault`, in `lang`. `knownMk6`: the fleet's ids,
 * to name an unknown MK6. A YAML syntax fault is the parser's own words (English), with its line.
 */
export function parseRecetteText(text, file, knownMk6, lang) {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length)
        throw new RecetteError(doc.errors.map((e) => `${file}:${lines.linePos(e.pos[0]).line} ${e.message.split('\n')[0]}`));
    const lineOf = (path) => {
        for (let p = path;; p = p.slice(0, -1)) {
            const node = (p.length ? doc.getIn(p, true) : doc.contents);
            if (node?.range)
                return lines.linePos(node.range[0]).line;
            if (p.length === 0)
                return 1;
        }
    };
    return parseRecette(doc.toJS(), (path) => `${file}:${lineOf(path)} `, knownMk6, lang);
}
const TOP = TypeCompiler.Compile(Type.Object({ ...Recette.properties, checks: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 200 }) }, { additionalProperties: false }));
const BY_KIND = Object.fromEntries(CHECK_KINDS.map((k) => [k, TypeCompiler.Compile(CHECKS[k])]));
/** A parsed body, validated whole: every fault is listed, in `lang`. */
export function parseRecette(raw, where, knownMk6, lang) {
    const say = recetteFileMessages[lang];
    const problems = [];
    const fault = (path, message) => problems.push(`${where(path)}${pathText(path, say)}: ${message}`);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        fault([], say.rootNotObject);
        throw new RecetteError(problems);
    }
    const root = raw;
    for (const e of TOP.Errors(root))
        report(e, [], fault, say);
    const window = { from: null, to: null };
    const w = root.window;
    if (w && typeof w === 'object') {
        for (const key of ['from', 'to']) {
            const v = w[key];
            if (v instanceof Date)
                window[key] = v.getTime();
            else if (typeof v === 'string')
                window[key] = parseIsoTime(v);
        }
        if (window.from !== null && window.to !== null && window.to <= window.from)
            fault(['window', 'to'], say.toNotAfterFrom);
    }
    const checks = [];
    const ids = new Map();
    (Array.isArray(root.checks) ? root.checks : []).forEach((item, i) => {
        const at = ['checks', i];
        if (typeof item !== 'object' || item === null || Array.isArray(item))
            return fault(at, say.checkNotObject);
        const c = item;
        if (!CHECK_KINDS.includes(c.kind))
            return fault([...at, 'kind'], c.kind === undefined ? `${say.required} (${CHECK_KINDS.join('|')})` : say.unknownKind(shown(c.kind), CHECK_KINDS.join('|')));
        const before = problems.length;
        for (const e of BY_KIND[c.kind].Errors(c))
            report(e, at, fault, say);
        if (typeof c.id === 'string') {
            if (ids.has(c.id))
                fault([...at, 'id'], say.duplicateId(ids.get(c.id)));
            else
                ids.set(c.id, i);
        }
        if (knownMk6 && Array.isArray(c.mk6)) {
            c.mk6.forEach((id, j) => {
                if (typeof id === 'string' && !knownMk6.has(id))
                    fault([...at, 'mk6', j], say.unknownMk6(id, [...knownMk6].join(', ')));
            });
        }
        if (problems.length === before)
            checks.push(c);
    });
    const coverage = root.coverage;
    if (coverage && typeof coverage === 'object' && Array.isArray(coverage.require)) {
        // `coverage: {require: […]}` is the check `coverage` (src/contract/schema/recette.ts).
        if (ids.has('coverage'))
            fault(['coverage'], say.duplicateId(ids.get('coverage')));
        if (knownMk6 && Array.isArray(coverage.mk6)) {
            coverage.mk6.forEach((id, j) => {
                if (typeof id === 'string' && !knownMk6.has(id))
                    fault(['coverage', 'mk6', j], say.unknownMk6(id, [...knownMk6].join(', ')));
            });
        }
        checks.push({ id: 'coverage', kind: 'coverage', require: coverage.require, ...(Array.isArray(coverage.mk6) ? { mk6: coverage.mk6 } : {}) });
    }
    if (problems.length)
        throw new RecetteError(problems);
    return { name: root.name, window, checks };
}
/** A value as a fault shows it: JSON, at most 40 characters. */
const shown = (v, max = 40) => String(JSON.stringify(v)).slice(0, max);
const TYPES = {
    [ValueErrorType.Array]: 'array',
    [ValueErrorType.Boolean]: 'boolean',
    [ValueErrorType.Integer]: 'integer',
    [ValueErrorType.Number]: 'number',
    [ValueErrorType.Object]: 'object',
    [ValueErrorType.String]: 'string',
};
/** One validator fault in words a recette engineer reads, in the catalogue's language. */
function report(e, base, fault, say) {
    const path = [...base, ...e.path.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
    const s = e.schema;
    if (e.type === ValueErrorType.ObjectRequiredProperty)
        return fault(path, say.required);
    if (e.type === ValueErrorType.ObjectAdditionalProperties)
        return fault(path, say.unknownField);
    if (e.value === undefined)
        return; // said once, as a required field
    if (e.schema === Duration)
        return fault(path, say.durationInvalid(shown(e.value), DURATION_EXAMPLES));
    if (s.format === 'date-time')
        return fault(path, say.instantInvalid(shown(e.value, 60)));
    // A union (an enum of methods, a SafeId) reports once per branch: say it once.
    if (e.type === ValueErrorType.Union && Array.isArray(s.anyOf)) {
        const values = s.anyOf.map((b) => b.const).filter((v) => v !== undefined);
        return fault(path, say.valueInvalid(shown(e.value), values.join('|')));
    }
    if (e.type === ValueErrorType.Literal)
        return; // a branch of a union: the union says it
    const type = TYPES[e.type];
    if (type)
        return fault(path, say.expected(type, shown(e.value)));
    switch (e.type) {
        case ValueErrorType.NumberMinimum:
        case ValueErrorType.IntegerMinimum:
            return fault(path, say.atLeast(s.minimum ?? 0, shown(e.value)));
        case ValueErrorType.NumberMaximum:
        case ValueErrorType.IntegerMaximum:
            return fault(path, say.atMost(s.maximum ?? 0, shown(e.value)));
        case ValueErrorType.NumberExclusiveMinimum:
        case ValueErrorType.IntegerExclusiveMinimum:
            return fault(path, say.above(s.exclusiveMinimum ?? 0, shown(e.value)));
        case ValueErrorType.NumberExclusiveMaximum:
        case ValueErrorType.IntegerExclusiveMaximum:
            return fault(path, say.below(s.exclusiveMaximum ?? 0, shown(e.value)));
        case ValueErrorType.StringMinLength:
        case ValueErrorType.StringMaxLength:
            return fault(path, say.lengthBetween(s.minLength ?? null, s.maxLength ?? null, shown(e.value)));
        case ValueErrorType.ArrayMinItems:
        case ValueErrorType.ArrayMaxItems:
            return fault(path, say.itemsBetween(s.minItems ?? null, s.maxItems ?? null));
        default:
            return fault(path, say.valueInvalid(shown(e.value), ''));
    }
}
function pathText(path, say) {
    if (path.length === 0)
        return say.root;
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
