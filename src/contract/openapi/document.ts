/**
 * The OpenAPI 3.1 document of everything the fleet serves, built from the route
 * declarations of src/contract/routes/ (the very list the routers are built from) and the
 * schemas of src/contract/schema/: nothing here is retyped. The front serves it whole; a
 * worker serves the operations it answers itself, without the front's 502/504. Built on
 * demand (the worker loads this module lazily); the examples' instants are relative to `now`.
 */
import type { Mk6Error } from '../errors.js';
import { COMPONENTS } from '../schema/index.js';
import type { TSchema } from '../schema/kit.js';
import { resolve, ROUTES, STARTING_DESCRIPTION, TAGS, type Answer, type BodyExample, type ExampleClock, type Examples, type Fails, type Lazy, type RouteDecl } from '../routes/index.js';
import { exampleClock } from '../routes/fixtures.js';

export { TAGS } from '../routes/index.js';
/** Operations only the supervisor's front answers (a worker's document leaves them out). */
export const FRONT_ONLY_TAGS: ReadonlySet<string> = new Set([TAGS.fleet]);
/** Whether a worker answers a route (in its router or a middleware). */
const workerServes = (route: RouteDecl) => route.serve.worker !== undefined;

type Obj = Record<string, any>;
export type Audience = 'front' | 'worker';

const PATH_PARAMS: Record<string, { description: string; example: string }> = {
  mk6_id: { description: 'the MK6 id (or one of its aliases, e.g. MK6_ROU2)', example: 'ROU2' },
  sycode: { description: 'the site code (a site of that MK6)', example: '8FV8C9MWwHH0' },
  request_id: { description: 'a request id', example: 'REQ-001' },
  name: { description: 'the network condition name', example: 'slow-gw' },
  recording: { description: 'a recording name (.har may follow)', example: 'field-day' },
};

/** A schema as the document writes it: plain JSON, `$ref: Name` → `#/components/schemas/Name`, no `$id`. */
export function jsonSchema(schema: TSchema): Obj {
  return JSON.parse(JSON.stringify(schema), (key, value) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const out: Obj = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === '$id') continue;
        out[k] = k === '$ref' && typeof v === 'string' && !v.startsWith('#') ? `#/components/schemas/${v}` : v;
      }
      return out;
    }
    return value;
  });
}
const schemaOf = (schema: TSchema): Obj => (schema.$id ? { $ref: `#/components/schemas/${schema.$id}` } : jsonSchema(schema));
const examplesOf = (t: ExampleClock, examples?: Lazy<Examples>) =>
  examples ? { examples: Object.fromEntries(Object.entries(resolve(examples, t)).map(([k, v]) => [k, { value: v }])) } : {};
/**
 * A request example with the status its replay answers: `x-status` for a replaying test, and
 * the summary for a reader (a generator that pairs request and response examples by name
 * finds the answer's example under that status).
 */
const bodyExamplesOf = (t: ExampleClock, ok: RouteDecl['ok'], examples?: Lazy<Examples<BodyExample>>) => {
  if (!examples) return {};
  const success = Math.min(...Object.keys(ok).map(Number));
  const entries = Object.entries(resolve(examples, t)).map(([k, ex]) => [k, { summary: `answers ${ex.status ?? success}`, value: ex.value, 'x-status': ex.status ?? success }]);
  return { examples: Object.fromEntries(entries) };
};

/** Headers an error may carry (Mk6Error.headers), described once. */
const ERROR_HEADERS: Record<string, Obj> = {
  'WWW-Authenticate': { description: 'the challenge: `Bearer realm="mk6"` (with `error="invalid_token"` for a wrong token)', schema: { type: 'string' }, example: 'Bearer realm="mk6"' },
  'Retry-After': { description: 'seconds before trying again', schema: { type: 'integer' }, example: 5 },
};

/** The request's language (DESIGN.md "Languages"): every operation takes it, every person's text answers in it. */
const ACCEPT_LANGUAGE: Obj = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description: 'The language of the `message` of an error and of the sentences of an answer: `fr` or `en` (by q-weight; anything else, or none, → French). Codes, field names and `details` never change.',
  schema: { type: 'string' },
  example: 'en',
};
const CONTENT_LANGUAGE: Obj = { description: 'The language of the answer\'s `message`: `fr` or `en`', schema: { type: 'string', enum: ['fr', 'en'] }, example: 'fr' };
const LANGUAGE_PARAMETER = { $ref: '#/components/parameters/AcceptLanguage' };
const LANGUAGE_HEADER = { 'Content-Language': { $ref: '#/components/headers/ContentLanguage' } };
/** An answer with a sentence for a person (`message`) says its language. */
const saysSentence = (schema: TSchema | undefined): boolean => Boolean((schema as { properties?: Obj } | undefined)?.properties?.message);

function errorResponse(status: string, description: string, cases: Mk6Error[]): Obj {
  const examples: Obj = {};
  for (const e of cases) examples[examples[e.code] ? `${e.code}_${Object.keys(examples).length}` : e.code] = { value: e.toBody() };
  const named = [...new Set(cases.flatMap((e) => Object.keys(e.headers)))];
  const headers = { ...Object.fromEntries(named.map((h) => [h, ERROR_HEADERS[h]])), ...LANGUAGE_HEADER };
  return { description, headers, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, examples } } };
}

function operation(route: RouteDecl, audience: Audience, t: ExampleClock): Obj {
  const responses: Obj = {};
  for (const [status, ok] of Object.entries(route.ok) as [string, Answer][]) {
    const content = ok.type ? { [ok.type]: { schema: { type: 'string' } } } : { 'application/json': { schema: schemaOf(ok.schema as TSchema), ...examplesOf(t, ok.examples) } };
    const own = ok.headers ? Object.fromEntries(Object.entries(ok.headers).map(([h, d]) => [h, { ...(ERROR_HEADERS[h] ?? { schema: { type: 'string' } }), description: d }])) : undefined;
    const headers = !ok.type && saysSentence(ok.schema as TSchema) ? { ...own, ...LANGUAGE_HEADER } : own;
    responses[status] = { description: ok.description, ...(headers ? { headers } : {}), content };
  }
  const fails: Fails = route.fails;
  for (const [status, [description, ...cases]] of Object.entries(fails)) {
    if (audience === 'worker' && (status === '502' || status === '504')) continue; // a worker never proxies
    // The front's start-up wait is the front's: a worker never answers FLEET_STARTING.
    const kept = audience === 'worker' ? cases.filter((e) => e.code !== 'FLEET_STARTING') : cases;
    if (kept.length === 0) continue;
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

const queryParameter = (q: NonNullable<RouteDecl['query']>[number], t: ExampleClock): Obj => {
  const { example, name, ...rest } = q;
  return { name, in: 'query', ...rest, ...(example === undefined ? {} : { example: resolve(example, t) }) };
};

/**
 * The whole document, or a worker's part of it; its examples name instants relative to `now`
 * (they hold on any real date). A new object each call.
 */
export function openapiDocument(audience: Audience = 'front', mk6Id?: string, now = Date.now()): Obj {
  const t = exampleClock(now);
  const paths: Obj = {};
  for (const route of ROUTES) {
    if (route.internal || (audience === 'worker' && !workerServes(route))) continue;
    (paths[route.path] ??= {})[route.method] = operation(route, audience, t);
  }
  const info = {
    title: audience === 'front' ? 'MK6 fleet simulator' : `MK6 simulator — worker${mk6Id ? ` ${mk6Id}` : ''}`,
    version: '1.0.0',
    description:
      'Simulated MK6 wind-farm park controllers for gateway recette. Every error body is `{"error", "code", "message", "details"}`. ' +
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
function usedComponents(paths: Obj): Obj {
  const all = new Map(COMPONENTS.map((s) => [s.$id as string, jsonSchema(s)]));
  const used = new Map<string, Obj>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      const name = k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', '') : null;
      if (name !== null && all.has(name) && !used.has(name)) {
        used.set(name, all.get(name) as Obj);
        visit(all.get(name));
      } else visit(v);
    }
  };
  visit(paths);
  return Object.fromEntries([...all.keys()].filter((name) => used.has(name)).map((name) => [name, used.get(name)]));
}

const TAG_DESCRIPTIONS: Record<string, string> = {
  [TAGS.mk6]: 'What the gateway calls: monitoring, setpoint requests, planning (bearer auth when enabled on that MK6)',
  [TAGS.mock]: "The tester's controls of one MK6: sites, states, faults, constraints, soft outages, auth, network conditions",
  [TAGS.clock]: 'Fleet-wide controls the front broadcasts to every worker: the clock, the mode, the reset',
  [TAGS.journal]: 'Every request the MK6 workers received, one id sequence for the fleet',
  [TAGS.fleet]: "The front's own: processes (kill, restart), the timeline, the docs, metrics and the supervision page",
  [TAGS.meta]: 'This document',
};
