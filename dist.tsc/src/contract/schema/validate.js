/**
 * The validators at the edges, from the schemas of this folder: each field is checked by its
 * own schema (compiled once by TypeBox's TypeCompiler), and a fault becomes the contract's
 * error here, in ONE place:
 *   absent and required       → 442 MISSING_FIELD {field}
 *   not of the schema's type  → 400 BAD_REQUEST {field}
 *   a number out of its range → 441 INVALID_VALUE {field, min, max}
 *   a string not in its enum  → 441 INVALID_VALUE {field, allowed}
 * A field whose contract says otherwise carries its own wording (`contractFault`, below).
 * Fields are read in the order the contract checks them, so the first fault is the contract's.
 */
import { FormatRegistry } from '@sinclair/typebox';
import { TypeCompiler, ValueErrorType } from '@sinclair/typebox/compiler';
import { errors } from '../errors.js';
import { parseIsoTime } from '../../domain/time.js';
import { SAFE_ID_PATTERN } from './kit.js';
import { say, verbatim } from '../../i18n/api-messages.js';
const FAULT = Symbol.for('mk6.contractFault');
/** Annotates a schema with its contract wording (a symbol: not part of the JSON Schema). */
export function contractFault(schema, fault) {
    return Object.assign(schema, { [FAULT]: fault });
}
/**
 * A document's own wording of a field's faults (a fleet file, a timeline), whatever they are:
 * a wrong type or a refused value → `message(value)`; absent → `missing`, else the document's
 * default wording of an absent key.
 */
export function worded(schema, message, missing) {
    return contractFault(schema, {
        invalid: (v, field) => errors.badRequest(verbatim(message(v)), { field }),
        wrongType: (v, field) => errors.badRequest(verbatim(message(v)), { field }),
        ...(missing !== undefined ? { missing: (field) => errors.badRequest(verbatim(missing), { field }) } : {}),
    });
}
const SAFE_ID = new RegExp(SAFE_ID_PATTERN);
export function isSafeId(value) {
    return typeof value === 'string' && SAFE_ID.test(value);
}
export function isAbsent(value) {
    return value === undefined || value === null;
}
/** A JSON body: absent → {}; anything but an object → 400. */
export function asBody(value) {
    if (isAbsent(value))
        return {};
    if (typeof value !== 'object' || Array.isArray(value))
        throw errors.badRequest(say('bodyNotObject'));
    return value;
}
/** Times as the contract reads them: ISO 8601, `Z`, an offset or none (UTC), fractional seconds. */
if (!FormatRegistry.Has('date-time'))
    FormatRegistry.Set('date-time', (value) => parseIsoTime(value) !== null);
const compiled = new WeakMap();
/** The schema's validator, compiled once (`references`: the components its `ref`s name). */
function checker(schema, references = []) {
    let check = compiled.get(schema);
    if (!check)
        compiled.set(schema, (check = TypeCompiler.Compile(schema, references)));
    return check;
}
function propertySchema(schema, field) {
    const prop = schema.properties?.[field];
    if (!prop)
        throw new Error(`no field ${field} in schema ${schema.$id ?? ''}`);
    return prop;
}
/** A field the contract requires: absent → 442; else checked by its schema. */
export function required(schema, body, field) {
    const value = body[field];
    if (isAbsent(value))
        throw errors.missingField(field);
    return checked(propertySchema(schema, field), value, field);
}
/** A field the contract may go without: absent (or null) → undefined; else checked by its schema. */
export function optional(schema, body, field) {
    const value = body[field];
    if (isAbsent(value))
        return undefined;
    return checked(propertySchema(schema, field), value, field);
}
/** An optional ISO 8601 time field as ms: absent → null. */
export function optionalTime(schema, body, field) {
    const value = optional(schema, body, field);
    return value === undefined ? null : parseIsoTime(value);
}
/** `value` checked by `schema`; a fault raises the contract's error for `field`. */
export function checked(schema, value, field) {
    if (checker(schema).Check(value))
        return value;
    throw faultOf(schema, value, field);
}
/** The one mapping from a schema's refusal to the contract's error. */
function faultOf(schema, value, field) {
    const own = schema[FAULT];
    const type = schemaType(schema);
    const allowed = enumOf(schema);
    if (!hasType(type, value)) {
        if (own?.wrongType)
            return own.wrongType(value, field);
        if (type === 'number')
            return errors.badRequest(say('mustBeNumber', field), { field });
        if (type === 'boolean')
            return errors.badRequest(say('mustBeBoolean', field), { field });
        if (allowed)
            return errors.badRequest(say('mustBeString', field), { field });
        return formFault(schema, value, field);
    }
    if (own?.invalid)
        return own.invalid(value, field);
    if (type === 'number')
        return rangeFault(schema, value, field);
    if (allowed && typeof value === 'string') {
        return errors.invalidValue(say('fieldInvalidAmong', field, `'${value.slice(0, 40)}'`, allowed.join('|')), { field, allowed });
    }
    return formFault(schema, value, field);
}
/** A string (or not) that is not of the schema's form: a time, an id, or any other. */
function formFault(schema, value, field) {
    if (schema.format === 'date-time')
        return errors.badRequest(say('fieldInvalidValue', field, String(JSON.stringify(value)?.slice(0, 80))), { field });
    if (schema.pattern === SAFE_ID_PATTERN)
        return errors.badRequest(say('safeIdInvalid', field), { field });
    return errors.badRequest(say('fieldInvalid', field), { field });
}
function rangeFault(schema, value, field) {
    const integer = schema.type === 'integer';
    const exclusive = schema.exclusiveMinimum !== undefined;
    const min = (exclusive ? schema.exclusiveMinimum : schema.minimum);
    const max = schema.maximum;
    return errors.invalidValue(say('outOfRange', field, value, integer, exclusive, min, max), { field, min, max });
}
/** The strings of a `StringEnum` (an `anyOf` of string `const`s), else null. */
export function enumOf(schema) {
    const options = schema.anyOf;
    return options?.every((s) => typeof s.const === 'string') ? options.map((s) => s.const) : null;
}
function schemaType(schema) {
    if (schema.type === 'integer' || schema.type === 'number')
        return 'number';
    const options = schema.anyOf;
    if (options?.every((s) => typeof s.const === 'number'))
        return 'number';
    if (options?.every((s) => typeof s.const === 'string'))
        return 'string';
    return schema.type;
}
function hasType(type, value) {
    if (type === 'number')
        return typeof value === 'number' && Number.isFinite(value);
    if (type === 'string')
        return typeof value === 'string';
    if (type === 'boolean')
        return typeof value === 'boolean';
    if (type === 'array')
        return Array.isArray(value);
    if (type === 'object')
        return typeof value === 'object' && value !== null && !Array.isArray(value);
    return true;
}
/**
 * Every fault of a whole document (a fleet file, a timeline event) against its schema, in
 * the schema's order, one per path: a field's message is the one mapping above (its
 * `contractFault` wording first), so a file says what the HTTP edge would say of the same field.
 */
export function schemaFaults(schema, value, wording, references = []) {
    const faults = [];
    const seen = new Set();
    for (const e of checker(schema, references).Errors(value)) {
        if (seen.has(e.path))
            continue; // a required key absent is also "not a string" at the same path
        seen.add(e.path);
        const path = docPath(e.path, value);
        const field = fieldName(path);
        let message;
        if (e.type === ValueErrorType.ObjectRequiredProperty) {
            message = e.schema[FAULT]?.missing?.(field).text ?? wording.missing(field);
        }
        else if (e.type === ValueErrorType.ObjectAdditionalProperties) {
            message = wording.unknown(String(path[path.length - 1]), Object.keys(e.schema.properties ?? {}));
        }
        else {
            message = faultOf(e.schema, e.value, field).text;
        }
        faults.push({ path, message });
    }
    return faults;
}
/** A JSON pointer (`/mk6/2/sites/0`) as keys and indexes, read along the value it points into. */
function docPath(pointer, root) {
    const path = [];
    let at = root;
    for (const raw of pointer.split('/').slice(1)) {
        const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        const step = Array.isArray(at) ? Number(key) : key;
        path.push(step);
        at = at !== null && typeof at === 'object' ? at[step] : undefined;
    }
    return path;
}
/** The field a message names: the last key with the indexes after it (`pmax_kw`, `aliases[1]`). */
function fieldName(path) {
    let i = path.length;
    while (i > 0 && typeof path[i - 1] === 'number')
        i--;
    const key = i > 0 ? String(path[i - 1]) : '';
    return key + path.slice(i).map((n) => `[${n}]`).join('') || '$';
}
/** A path as a file's fault shows it: `mk6[1].sites[0].pmax_kw`; the root is `root`, as the reader's language names it. */
export function showPath(path, root = '$') {
    return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('') || root;
}
/** Whether `a` is `b` or one of its ancestors. */
export function covers(a, b) {
    return a.length <= b.length && a.every((k, i) => k === b[i]);
}
/**
 * A document as its schema reads it: a key written without a value (YAML `key:`, JSON
 * `null`) is absent, as `optional()` reads a body; a YAML 1.1 timestamp is its ISO text.
 */
export function plainDocument(value) {
    if (value instanceof Date)
        return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
    if (Array.isArray(value))
        return value.map(plainDocument);
    if (value === null || typeof value !== 'object')
        return value;
    const out = {};
    for (const [k, v] of Object.entries(value)) {
        if (v !== null)
            Object.defineProperty(out, k, { value: plainDocument(v), enumerable: true, writable: true, configurable: true }); // `__proto__` stays a key
    }
    return out;
}
