/**
 * Checks an answer against the OpenAPI document: the status must be one the operation
 * declares, and a JSON body must match that response's schema (JSON Schema 2020-12, ajv).
 * Any test can call `checkAgainstContract(method, path, status, body)` on what it received.
 */
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { openapiDocument, type Audience } from '../../src/contract/openapi/document.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const DOC_ID = 'https://mk6.invalid/openapi.json';

type Obj = Record<string, any>;

interface Route {
  template: string;
  pattern: RegExp;
  params: number;
}

let cached: { ajv: Ajv2020; doc: Obj; routes: Route[] } | null = null;

export function contract() {
  if (cached) return cached;
  const doc = openapiDocument('front');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID });
  const routes = Object.keys(doc.paths)
    .map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      params: (template.match(/\{/g) ?? []).length,
    }))
    .sort((a, b) => a.params - b.params); // a literal path wins over a templated one
  cached = { ajv, doc, routes };
  return cached;
}

/** The document's path template for a concrete path (query string ignored). */
export function templateOf(path: string): string | undefined {
  const bare = path.split('?')[0];
  return contract().routes.find((r) => r.pattern.test(bare))?.template;
}

const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/**
 * Asserts that `status` is declared for `method path` and that `body` matches its schema.
 * `audience: 'worker'` also asserts the operation is one a worker serves.
 */
export function checkAgainstContract(method: string, path: string, status: number, body: unknown, audience: Audience = 'front'): void {
  const { ajv, doc } = contract();
  const template = templateOf(path);
  assert.ok(template, `${method} ${path}: no such path in the OpenAPI document`);
  const verb = method.toLowerCase();
  const operation = doc.paths[template][verb];
  assert.ok(operation, `${method} ${path}: no ${verb} operation on ${template} in the document`);
  if (audience === 'worker') assert.ok(templateOf(path) && workerServes(template, verb), `${method} ${template} is not in a worker's document`);
  const response = operation.responses[String(status)];
  assert.ok(response, `${method} ${path} answered ${status}, not declared (declared: ${Object.keys(operation.responses).join(', ')}); body: ${JSON.stringify(body)?.slice(0, 300)}`);
  const content = response.content?.['application/json'];
  if (!content) return; // text, HTML: the status is all the contract says
  const validate = validatorAt('paths', template, verb, 'responses', String(status), 'content', 'application/json', 'schema');
  if (!validate(body)) {
    assert.fail(`${method} ${path} ${status}: body does not match the document:\n${ajv.errorsText(validate.errors, { separator: '\n' })}\nbody: ${JSON.stringify(body)?.slice(0, 600)}`);
  }
}

/** A compiled validator for the schema at a JSON pointer of the document (given as its parts). */
export function validatorAt(...parts: string[]) {
  const { ajv } = contract();
  const ref = `${DOC_ID}#/${pointer(...parts)}`;
  return ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
}

let workerPaths: Obj | null = null;
function workerServes(template: string, verb: string): boolean {
  workerPaths ??= openapiDocument('worker').paths as Obj;
  return Boolean(workerPaths[template]?.[verb]);
}
