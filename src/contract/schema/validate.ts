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
import { TypeCompiler, ValueErrorType, type TypeCheck } from '@sinclair/typebox/compiler';
import { errors, type Mk6Error } from '../errors.js';
import { parseIsoTime } from '../../domain/time.js';
import { SAFE_ID_PATTERN, type Static, type TSchema } from './kit.js';
import { say, verbatim, type ApiText } from '../../i18n/api-messages.js';

export type Body = Record<string, unknown>;

/** A field's own wording of its faults, where the contract's differs from the rules above. */
export interface ContractFault {
  /** The value has the right type but is refused (enum, range): the error to raise. */
  invalid?: (value: any, field: string) => Mk6Error;
  /** The value is not of the schema's type. */
  wrongType?: (value: unknown, field: string) => Mk6Error;
  /** The field is required and absent (in a whole document, see `schemaFaults`). */
  missing?: (field: string) => Mk6Error;
}
const FAULT = Symbol.for('mk6.contractFault');
/** Annotates a schema with its contract wording (a symbol: not part of the JSON Schema). */
export function contractFault<T extends TSchema>(schema: T, fault: ContractFault): T {
  return Object.assign(schema, { [FAULT]: fault });
}

/**
 * A document's own wording of a field's faults (a fleet file, a timeline), whatever they are:
 * a wrong type or a refused value → `message(value)`; absent → `missing`, else the document's
 * default wording of an absent key.
 */
export function worded<T extends TSchema>(schema: T, message: (value: unknown) => string, missing?: string): T {
  return contractFault(schema, {
    invalid: (v, field) => errors.badRequest(verbatim(message(v)), { field }),
    wrongType: (v, field) => errors.badRequest(verbatim(message(v)), { field }),
    ...(missing !== undefined ? { missing: (field: string) => errors.badRequest(verbatim(missing), { field }) } : {}),
  });
}

const SAFE_ID = new RegExp(SAFE_ID_PATTERN);
export function isSafeId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_ID.test(value);
}

export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** A JSON body: absent → {}; anything but an object → 400. */
export function asBody(value: unknown): Body {
  if (isAbsent(value)) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw errors.badRequest(say('bodyNotObject'));
  return value as Body;
}

/** Times as the contract reads them: ISO 8601, `Z`, an offset or none (UTC), fractional seconds. */
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (value) => parseIsoTime(value) !== null);

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();
/** The schema's validator, compiled once (`references`: the components its `ref`s name). */
function checker(schema: TSchema, references: TSchema[] = []): TypeCheck<TSchema> {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = TypeCompiler.Compile(schema, references)));
  return check;
}

type Props<T> = T extends { properties: infer P } ? P : never;
type FieldOf<T extends TSchema> = keyof Props<T> & string;
type ValueOf<T extends TSchema, K extends string> = K extends keyof Static<T> ? Exclude<Static<T>[K], undefined | null> : never;

function propertySchema(schema: TSchema, field: string): TSchema {
  const prop = (schema as { properties?: Record<string, TSchema> }).properties?.[field];
  if (!prop) throw new Error(`no field ${field} in schema ${schema.$id ?? ''}`);
  return prop;
}

/** A field the contract requires: absent → 442; else checked by its schema. */
export function required<T extends TSchema, K extends FieldOf<T>>(schema: T, body: Body, field: K): ValueOf<T, K> {
  const value = body[field];
  if (isAbsent(value)) throw errors.missingField(field);
  return checked(propertySchema(schema, field), value, field) as ValueOf<T, K>;
}

/** A field the contract may go without: absent (or null) → undefined; else checked by its schema. */
export function optional<T extends TSchema, K extends FieldOf<T>>(schema: T, body: Body, field: K): ValueOf<T, K> | undefined {
  const value = body[field];
  if (isAbsent(value)) return undefined;
  return checked(propertySchema(schema, field), value, field) as ValueOf<T, K>;
}

/** An optional ISO 8601 time field as ms: absent → null. */
export function optionalTime<T extends TSchema>(schema: T, body: Body, field: FieldOf<T>): number | null {
  const value = optional(schema, body, field);
  return value === undefined ? null : (parseIsoTime(value as string) as number);
}

/** `value` checked by `schema`; a fault raises the contract's error for `field`. */
export function checked(schema: TSchema, value: unknown, field: string): unknown {
  if (checker(schema).Check(value)) return value;
  throw faultOf(schema, value, field);
}

/** The one mapping from a schema's refusal to the contract's error. */
function faultOf(schema: TSchema, value: unknown, field: string): Mk6Error {
  const own = (schema as { [FAULT]?: ContractFault })[FAULT];
  const type = schemaType(schema);
  const allowed = enumOf(schema);
  if (!hasType(type, value)) {
    if (own?.wrongType) return own.wrongType(value, field);
    if (type === 'number') return errors.badRequest(say('mustBeNumber', field), { field });
    if (type === 'boolean') return errors.badRequest(say('mustBeBoolean', field), { field });
    if (allowed) return errors.badRequest(say('mustBeString', field), { field });
    return formFault(schema, value, field);
  }
  if (own?.invalid) return own.invalid(value, field);
  if (type === 'number') return rangeFault(schema, value as number, field);
  if (allowed && typeof value === 'string') {
    return errors.invalidValue(say('fieldInvalidAmong', field, `'${value.slice(0, 40)}'`, allowed.join('|')), { field, allowed });
  }
  return formFault(schema, value, field);
}

/** A string (or not) that is not of the schema's form: a time, an id, or any other. */
function formFault(schema: TSchema, value: unknown, field: string): Mk6Error {
  if (schema.format === 'date-time') return errors.badRequest(say('fieldInvalidValue', field, String(JSON.stringify(value)?.slice(0, 80))), { field });
  if (schema.pattern === SAFE_ID_PATTERN) return errors.badRequest(say('safeIdInvalid', field), { field });
  return errors.badRequest(say('fieldInvalid', field), { field });
}

function rangeFault(schema: TSchema, value: number, field: string): Mk6Error {
  const integer = schema.type === 'integer';
  const exclusive = schema.exclusiveMinimum !== undefined;
  const min = (exclusive ? schema.exclusiveMinimum : schema.minimum) as number;
  const max = schema.maximum as number;
  return errors.invalidValue(say('outOfRange', field, value, integer, exclusive, min, max), { field, min, max });
}

/** The strings of a `StringEnum` (an `anyOf` of string `const`s), else null. */
export function enumOf(schema: TSchema): string[] | null {
  const options = schema.anyOf as TSchema[] | undefined;
  return options?.every((s) => typeof s.const === 'string') ? options.map((s) => s.const as string) : null;
}

function schemaType(schema: TSchema): string | undefined {
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  const options = schema.anyOf as TSchema[] | undefined;
  if (options?.every((s) => typeof s.const === 'number')) return 'number';
  if (options?.every((s) => typeof s.const === 'string')) return 'string';
  return schema.type as string | undefined;
}

function hasType(type: string | undefined, value: unknown): boolean {
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'string') return typeof value === 'string';
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return true;
}

/** Where a fault is in a whole document: keys and indexes from its root (`['mk6', 2, 'sites', 0, 'pmax_kw']`). */
export type DocPath = (string | number)[];
export interface Fault {
  path: DocPath;
  message: ApiText;
}

/** How a document words what is not one field's fault: a required key absent, a key its object does not take. */
export interface DocumentWording {
  missing: (field: string) => ApiText;
  unknown: (key: string, allowed: string[]) => ApiText;
}

/**
 * Every fault of a whole document (a fleet file, a timeline event) against its schema, in
 * the schema's order, one per path: a field's message is the one mapping above (its
 * `contractFault` wording first), so a file says what the HTTP edge would say of the same field.
 */
export function schemaFaults(schema: TSchema, value: unknown, wording: DocumentWording, references: TSchema[] = []): Fault[] {
  const faults: Fault[] = [];
  const seen = new Set<string>();
  for (const e of checker(schema, references).Errors(value)) {
    if (seen.has(e.path)) continue; // a required key absent is also "not a string" at the same path
    seen.add(e.path);
    const path = docPath(e.path, value);
    const field = fieldName(path);
    let message: ApiText;
    if (e.type === ValueErrorType.ObjectRequiredProperty) {
      message = (e.schema as { [FAULT]?: ContractFault })[FAULT]?.missing?.(field).text ?? wording.missing(field);
    } else if (e.type === ValueErrorType.ObjectAdditionalProperties) {
      message = wording.unknown(String(path[path.length - 1]), Object.keys((e.schema as { properties?: object }).properties ?? {}));
    } else {
      message = faultOf(e.schema, e.value, field).text;
    }
    faults.push({ path, message });
  }
  return faults;
}

/** A JSON pointer (`/mk6/2/sites/0`) as keys and indexes, read along the value it points into. */
function docPath(pointer: string, root: unknown): DocPath {
  const path: DocPath = [];
  let at: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(at) ? Number(key) : key;
    path.push(step);
    at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[step] : undefined;
  }
  return path;
}

/** The field a message names: the last key with the indexes after it (`pmax_kw`, `aliases[1]`). */
function fieldName(path: DocPath): string {
  let i = path.length;
  while (i > 0 && typeof path[i - 1] === 'number') i--;
  const key = i > 0 ? String(path[i - 1]) : '';
  return key + path.slice(i).map((n) => `[${n}]`).join('') || '$';
}

/** A path as a file's fault shows it: `mk6[1].sites[0].pmax_kw`; the root is `root`, as the reader's language names it. */
export function showPath(path: DocPath, root = '$'): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('') || root;
}

/** Whether `a` is `b` or one of its ancestors. */
export function covers(a: DocPath, b: DocPath): boolean {
  return a.length <= b.length && a.every((k, i) => k === b[i]);
}

/**
 * A document as its schema reads it: a key written without a value (YAML `key:`, JSON
 * `null`) is absent, as `optional()` reads a body; a YAML 1.1 timestamp is its ISO text.
 */
export function plainDocument(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (Array.isArray(value)) return value.map(plainDocument);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null) Object.defineProperty(out, k, { value: plainDocument(v), enumerable: true, writable: true, configurable: true }); // `__proto__` stays a key
  }
  return out;
}
