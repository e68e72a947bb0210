/**
 * A network condition: a named behaviour with optional filters (methods, path pattern),
 * a probability and a limit to the first N matching requests. Parsing is the one
 * validation path for the HTTP route, the fleet file and the state file.
 */
import { errors } from '../../contract/errors.js';
import { HTTP_METHODS, NetworkCondition as ConditionSchema } from '../../contract/schema/index.js';
import { asBody, isAbsent, optional, required } from '../../contract/schema/validate.js';
import { BEHAVIOURS, BEHAVIOUR_TYPES } from './registry.js';
import { say } from '../../i18n/api-messages.js';
const COMMON = ['name', 'type', 'probability', 'methods', 'path', 'first_n'];
const METHODS = HTTP_METHODS;
export const MAX_CONDITIONS = 32;
export function parseCondition(raw) {
    const body = asBody(raw);
    const name = required(ConditionSchema, body, 'name');
    const behaviour = BEHAVIOURS.get(required(ConditionSchema, body, 'type'));
    if (!behaviour)
        throw new Error(`no behaviour registered for a type the schema accepts (${BEHAVIOUR_TYPES.join('|')})`);
    for (const key of Object.keys(body)) {
        if (!COMMON.includes(key) && !behaviour.fields.includes(key)) {
            throw errors.badRequest(say('conditionUnknownField', behaviour.type, key.slice(0, 40), [...COMMON, ...behaviour.fields].join(', ')), { field: key.slice(0, 40) });
        }
    }
    return {
        name,
        type: behaviour.type,
        probability: optional(ConditionSchema, body, 'probability') ?? 1,
        methods: parseMethods(body),
        path: optional(ConditionSchema, body, 'path') ?? null,
        first_n: optional(ConditionSchema, body, 'first_n') ?? null,
        params: behaviour.parse(body),
    };
}
export function conditionView(c) {
    return {
        name: c.name,
        type: c.type,
        ...c.params,
        probability: c.probability,
        ...(c.methods ? { methods: c.methods } : {}),
        ...(c.path !== null ? { path: c.path } : {}),
        ...(c.first_n !== null ? { first_n: c.first_n } : {}),
    };
}
/** Whether a request passes a condition's filters (method and path), probability and limit aside. */
export function matchesRequest(c, method, path) {
    if (c.methods && !c.methods.includes(method.toUpperCase()))
        return false;
    if (c.path !== null && !pathMatches(c.path, path))
        return false;
    return true;
}
/** A pattern with `*` or `?` is a glob on the whole path (`*` crosses `/`); else a substring. */
export function pathMatches(pattern, path) {
    if (!/[*?]/.test(pattern))
        return path.includes(pattern);
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${source}$`).test(path);
}
function parseMethods(body) {
    const value = body.methods;
    if (isAbsent(value))
        return null;
    if (!Array.isArray(value) || value.length === 0 || !value.every((m) => typeof m === 'string')) {
        throw errors.badRequest(say('conditionMethodsList'), { field: 'methods' });
    }
    const methods = value.map((m) => m.toUpperCase());
    const unknown = methods.find((m) => !METHODS.includes(m));
    if (unknown !== undefined)
        throw errors.invalidValue(say('conditionUnknownMethod', unknown.slice(0, 16)), { field: 'methods', allowed: METHODS });
    return [...new Set(methods)];
}
