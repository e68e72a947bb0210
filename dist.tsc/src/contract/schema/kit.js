/**
 * The building blocks of every schema: TypeBox declarations are JSON Schema 2020-12 (what
 * OpenAPI 3.1 speaks) and TypeScript types at once. A component carries `$id: <Name>`; a
 * reference to it is `ref(Component)`, typed as the component, written `{$ref: '<Name>'}`
 * (the document turns it into `#/components/schemas/<Name>`).
 */
import { Type } from '@sinclair/typebox';
export { Type };
export const ref = (schema) => Type.Unsafe(Type.Ref(schema.$id));
export const Nullable = (schema, options = {}) => Type.Union([schema, Type.Null()], options);
export const Time = (options = {}) => Type.String({ format: 'date-time', ...options });
/** `{SYCODE: value}` */
export const BySycode = (value, options = {}) => Type.Record(Type.String(), value, options);
/** One of a few strings: `anyOf` of `const`s (what TypeBox compiles), typed as their union. */
export const StringEnum = (values, options = {}) => Type.Union(values.map((v) => Type.Literal(v)), options);
/** ids and sycodes name files and pm2 apps: letters, digits, `.`, `_`, `-`, at most 64 (not `.` nor `..`). */
export const SAFE_ID_PATTERN = '^(?!\\.\\.?$)[A-Za-z0-9._-]{1,64}$';
export const SafeId = (options = {}) => Type.String({ pattern: SAFE_ID_PATTERN, ...options });
export const SiteStateValue = Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)], { description: '0 not accessible, 1 not controllable, 2 nominal' });
/**
 * JSON Schema `if`/`then`: when `field` is `value`, the given properties are required (and
 * checked). Other fields stay open: `then` says nothing of them.
 */
export const when = (field, value, required) => ({
    if: { properties: { [field]: { const: value } }, required: [field] },
    then: { properties: required, required: Object.keys(required), additionalProperties: true },
});
