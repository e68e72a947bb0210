import { COMPONENTS } from '../schema/index.js';
import { resolve, ROUTES, STARTING_DESCRIPTION, TAGS } from '../routes/index.js';
import { exampleClock } from '../routes/fixtures.js';
export { TAGS } from '../routes/index.js';
/** Operations only the supervisor's front answers (a worker's document leaves them out). */
export const FRONT_ONLY_TAGS = new Set([TAGS.fleet]);
/** Whether a worker answers a route (in its router or a middleware). */
const workerServes = (route) => route.serve.worker !== undefined;
const PATH_PARAMS = {
    mk6_id: { description: 'the MK6 id (or one of its aliases, e.g. MK6_ROU2)', example: 'ROU2' },
    sycode: { description: 'the site code (a site of that MK6)', example: '8FV8C9MWwHH0' },
    request_id: { description: 'a request id', example: 'REQ-001' },
    name: { description: 'the network condition name', example: 'slow-gw' },
    recording: { description: 'a recording name (.har may follow)', example: 'field-day' },
};
/** A schema as the document writes it: plain JSON, `$ref: Name` → `#/components/schemas/Name`, no `$id`. */
export function jsonSchema(schema) {
    return JSON.parse(JSON.stringify(schema), (key, value) => {
        if (value && typeof value === 'object' && !Array.isArray(value)) {
            const out = {};
            for (const [k, v] of Object.entries(value)) {
                if (k === '$id')
                    continue;
                out[k] = k === '$ref' && typeof v === 'string' && !v.startsWith('#') ? `#/components/schemas/${v}` : v;
            }
            return out;
        }
        return value;
    });
}
const schemaOf = (schema) => (schema.$id ? { $ref: `#/components/schemas/${schema.$id}` } : jsonSchema(schema));
const examplesOf = (t, examples) => examples ? { examples: Object.fromEntries(Object.entries(resolve(examples, t)).map(([k, v]) => [k, { value: v }])) } : {};
/**
 * A request example with the status its replay answers: `x-status` for a replaying test, and
 * the summary for a reader (a generator that pairs request and response examples by name
 * finds the answer's example under that status).
 */
const bodyExamplesOf = (t, ok, examples) => {
    if (!examples)
        return {};
    const success = Math.min(...Object.keys(ok).map(Number));
    const entries = Object.entries(resolve(examples, t)).map(([k, ex]) => [k, { summary: `answers ${ex.status ?? success}`, value: ex.value, 'x-status': ex.status ?? success }]);
    return { examples: Object.fromEntries(entries) };
};
/** Headers an error may carry (Mk6Error.headers), described once. */
const ERROR_HEADERS = {
    'WWW-Authenticate': { description: 'the challenge: `Bearer realm="mk6"` (with `error="invalid_token"` for a wrong token)', schema: { type: 'string' }, example: 'Bearer realm="mk6"' },
    'Retry-After': { description: 'seconds before trying again', schema: { type: 'integer' }, example: 5 },
};
/** The request's language (DESIGN.md "Languages"): every operation takes it, every person's text answers in it. */
const ACCEPT_LANGUAGE = {
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description: 'The language of the `message` of an error and of the sentences of an answer: `fr` or `en` (by q-weight; anything else, or none, → French). Codes, field names and `details` never change.',
    schema: { type: 'string' },
    example: 'en',
};
const CONTENT_LANGUAGE = { description: 'The language of the answer\'s `message`: `fr` or `en`', schema: { type: 'string', enum: ['fr', 'en'] }, example: 'fr' };
const LANGUAGE_PARAMETER = { $ref: '#/components/parameters/AcceptLanguage' };
const LANGUAGE_HEADER = { 'Content-Language': { $ref: '#/components/headers/ContentLanguage' } };
/** An answer with a sentence for a person (`message`) says its language. */
const saysSentence = (schema) => Boolean(schema?.properties?.message);
function errorResponse(status, description, cases) {
    const examples = {};
    for (const e of cases)
        examples[examples[e.code] ? `${e.code}_${Object.keys(examples).length}` : e.code] = { value: e.toBody() };
    const named = [...new Set(cases.flatMap((e) => Object.keys(e.headers)))];
    const headers = { ...Object.fromEntries(named.map((h) => [h, ERROR_HEADERS[h]])), ...LANGUAGE_HEADER };
    return { description, headers, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, examples } } };
}
function operation(route, audience, t) {
    const responses = {};
    for (const [status, ok] of Object.entries(route.ok)) {
        const content = ok.type ? { [ok.type]: { schema: { type: 'string' } } } : { 'application/json': { schema: schemaOf(ok.schema), ...examplesOf(t, ok.examples) } };
        const own = ok.headers ? Object.fromEntries(Object.entries(ok.headers).map(([h, d]) => [h, { ...(ERROR_HEADERS[h] ?? { schema: { type: 'string' } }), description: d }])) : undefined;
        const headers = !ok.type && saysSentence(ok.schema) ? { ...own, ...LANGUAGE_HEADER } : own;
        responses[status] = { description: ok.description, ...(headers ? { headers } : {}), content };
    }
    const fails = route.fails;
    for (const [status, [description, ...cases]] of Object.entries(fails)) {
        if (audience === 'worker' && (status === '502' || status === '504'))
            continue; // a worker never proxies
        // The front's start-up wait is the front's: a worker never answers FLEET_STARTING.
        const kept = audience === 'worker' ? cases.filter((e) => e.code !== 'FLEET_STARTING') : cases;
        if (kept.length === 0)
            continue;
        const said = kept.length === cases.length ? description : description.split('; or ').filter((d) => d !== STARTING_DESCRIPTION).join('; or ');
        responses[status] = errorResponse(status, said, kept);
    }
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
        name,
        in: 'path',
        required: true,
        description: PATH_PARAMS[name].description,
        schema: { type: 'string' },
        example: PATH_PARAMS[name].example,
    }));
    const body = route.body;
    return {
        tags: [route.tag],
        operationId: route.id,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        security: route.tag === TAGS.mk6 ? [{}, { bearer: [] }] : [],
        parameters: [...params, ...(route.query ?? []).map((q) => queryParameter(q, t)), LANGUAGE_PARAMETER],
        ...(body
            ? {
                requestBody: {
                    required: body.required ?? true,
                    content: {
                        'application/json': { schema: schemaOf(body.schema), ...bodyExamplesOf(t, route.ok, body.examples) },
                        ...(body.yaml ? { 'application/yaml': { schema: { type: 'string', description: 'the same, as YAML text' } } } : {}),
                    },
                },
            }
            : {}),
        responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b))),
    };
}
const queryParameter = (q, t) => {
    const { example, name, ...rest } = q;
    return { name, in: 'query', ...rest, ...(example === undefined ? {} : { example: resolve(example, t) }) };
};
/**
 * The whole document, or a worker's part of it; its examples name instants relative to `now`
 * (they hold on any real date). A new object each call.
 */
export function openapiDocument(audience = 'front', mk6Id, now = Date.now()) {
    const t = exampleClock(now);
    const paths = {};
    for (const route of ROUTES) {
        if (route.internal || (audience === 'worker' && !workerServes(route)))
            continue;
        (paths[route.path] ??= {})[route.method] = operation(route, audience, t);
    }
    const info = {
        title: audience === 'front' ? 'MK6 fleet simulator' : `MK6 simulator — worker${mk6Id ? ` ${mk6Id}` : ''}`,
        version: '1.0.0',
        description: 'Simulated MK6 wind-farm park controllers for gateway recette. Every error body is `{"error", "code", "message", "details"}`. ' +
            'Call an MK6 through the front (`/api/v1/mk6/{mk6_id}/…`) or on its own port (same paths). ' +
            'Non-standard statuses of the MK6 contract: 441 INVALID_VALUE, 442 MISSING_FIELD, 443 CONFIRMATION_REQUIRED; an unknown request answers 405 REQUEST_NOT_FOUND. ' +
            'Messages for a person (an error\'s `message`, an answer\'s sentence) are in French or English, chosen by `Accept-Language` (French by default) and said by `Content-Language`; codes, field names and `details` never change. ' +
            "The examples match the default fleet (fleet.yaml) and can be replayed in path order against a fresh one.",
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    };
    const tags = Object.entries(TAG_DESCRIPTIONS)
        .filter(([name]) => audience === 'front' || !FRONT_ONLY_TAGS.has(name))
        .map(([name, description]) => ({ name, description }));
    return {
        openapi: '3.1.0',
        info,
        servers: [{ url: '/', description: audience === 'front' ? 'the front proxy (this origin)' : 'this MK6 worker (this origin)' }],
        tags,
        paths,
        components: {
            schemas: usedComponents(paths),
            parameters: { AcceptLanguage: ACCEPT_LANGUAGE },
            headers: { ContentLanguage: CONTENT_LANGUAGE },
            securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Only when enabled by POST /mock/mk6/{mk6_id}/auth' } },
        },
    };
}
/** The components the paths use, directly or through other components (a worker's document has fewer). */
function usedComponents(paths) {
    const all = new Map(COMPONENTS.map((s) => [s.$id, jsonSchema(s)]));
    const used = new Map();
    const visit = (value) => {
        if (Array.isArray(value))
            return value.forEach(visit);
        if (!value || typeof value !== 'object')
            return;
        for (const [k, v] of Object.entries(value)) {
            const name = k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', '') : null;
            if (name !== null && all.has(name) && !used.has(name)) {
                used.set(name, all.get(name));
                visit(all.get(name));
            }
            else
                visit(v);
        }
    };
    visit(paths);
    return Object.fromEntries([...all.keys()].filter((name) => used.has(name)).map((name) => [name, used.get(name)]));
}
const TAG_DESCRIPTIONS = {
    [TAGS.mk6]: 'What the gateway calls: monitoring, setpoint requests, planning (bearer auth when enabled on that MK6)',
    [TAGS.mock]: "The tester's controls of one MK6: sites, states, faults, constraints, soft outages, auth, network conditions",
    [TAGS.clock]: 'Fleet-wide controls the front broadcasts to every worker: the clock, the mode, the reset',
    [TAGS.journal]: 'Every request the MK6 workers received, one id sequence for the fleet',
    [TAGS.fleet]: "The front's own: processes (kill, restart), the timeline, the docs, metrics and the supervision page",
    [TAGS.meta]: 'This document',
};
