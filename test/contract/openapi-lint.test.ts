/** The OpenAPI document is valid OpenAPI 3.1, its examples match its schemas, and the worker's copy is its part. */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { FRONT_ONLY_TAGS, openapiDocument } from '../../src/contract/openapi/document.js';
import { contract, validatorAt } from '../helpers/contract.js';

type Obj = Record<string, any>;
/**
 * Redocly's linter, as much of it as this test uses. Loaded without its own types: they pull
 * in json-schema-to-ts, whose type-level schemas took 13 of tsc's 17 s over the whole tree.
 */
interface Redocly {
  createConfig(config: Obj): Promise<unknown>;
  lintFromString(opts: { source: string; absoluteRef: string; config: unknown }): Promise<{ severity: string; ruleId: string; message: string; location?: { pointer?: string }[] }[]>;
}
const { createConfig, lintFromString } = createRequire(import.meta.url)('@redocly/openapi-core') as Redocly;
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

const operations = (doc: Obj) =>
  Object.entries(doc.paths as Obj).flatMap(([path, item]) =>
    Object.entries(item as Obj)
      .filter(([verb]) => METHODS.includes(verb))
      .map(([verb, op]) => ({ path, verb, op: op as Obj })),
  );

for (const audience of ['front', 'worker'] as const) {
  test(`the ${audience}'s document is valid OpenAPI 3.1`, async () => {
    const doc = openapiDocument(audience, 'ROU2');
    assert.equal(doc.openapi, '3.1.0');
    const result = await new Validator().validate(doc);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2)?.slice(0, 3000));
    const ids = operations(doc).map((o) => o.op.operationId);
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
  });
}

for (const audience of ['front', 'worker'] as const) {
  test(`the ${audience}'s document passes Redocly's recommended ruleset: 0 errors, 0 warnings`, async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(openapiDocument(audience, 'ROU2')), absoluteRef: '/openapi.json', config });
    const shown = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer ?? '?'}`);
    assert.deepEqual(shown, []);
  });
}

test('every example in the document matches its schema', () => {
  const { ajv, doc } = contract();
  let checked = 0;
  for (const { path, verb, op } of operations(doc)) {
    const media: { where: string[]; label: string }[] = [];
    if (op.requestBody?.content?.['application/json']) media.push({ label: 'request body', where: ['requestBody', 'content', 'application/json'] });
    for (const [status, res] of Object.entries(op.responses as Obj)) {
      if (res.content?.['application/json']) media.push({ label: `response ${status}`, where: ['responses', status, 'content', 'application/json'] });
    }
    for (const { label, where } of media) {
      const content = where.reduce((o: Obj, k) => o[k], op);
      const validate = validatorAt('paths', path, verb, ...where, 'schema');
      for (const [name, example] of Object.entries((content.examples ?? {}) as Obj)) {
        assert.ok(validate(example.value), `${verb.toUpperCase()} ${path} ${label} example ${name}: ${ajv.errorsText(validate.errors)}`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 30, `only ${checked} examples checked`);
});

test("a worker's document keeps the operations it answers and drops the front's own", () => {
  const front = openapiDocument('front');
  const worker = openapiDocument('worker', 'ROU2');
  const frontOnly = operations(front).filter((o) => o.op.tags.some((t: string) => FRONT_ONLY_TAGS.has(t)));
  assert.ok(frontOnly.length >= 4, 'kill, restart, /docs, /metrics are front-only');
  for (const { path, verb } of frontOnly) assert.equal(worker.paths[path]?.[verb], undefined, `${verb} ${path} is front-only`);
  const kept = operations(front).length - frontOnly.length;
  assert.equal(operations(worker).length, kept);
  assert.ok(worker.paths['/api/v1/mk6/{mk6_id}/requests'].post);
  assert.ok(worker.paths['/openapi.json'].get);
  assert.equal(worker.paths['/metrics'], undefined);
  assert.equal(worker.paths['/api/v1/mk6/{mk6_id}/monitoring'].get.responses['502'], undefined, 'a worker never answers 502 MK6_UNREACHABLE');
  // Every error code of the contract is documented somewhere.
  const text = JSON.stringify(front);
  for (const code of ['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'MK6_NOT_FOUND', 'SITE_NOT_FOUND', 'REQUEST_NOT_FOUND', 'REQUEST_LOCKED', 'PAYLOAD_TOO_LARGE', 'INVALID_TIME_RANGE', 'INVALID_VALUE', 'MISSING_FIELD', 'CONFIRMATION_REQUIRED', 'SITE_NOT_ACCESSIBLE', 'MK6_OFFLINE', 'MK6_UNREACHABLE']) {
    assert.ok(text.includes(`"${code}"`), `${code} is documented`);
  }
});
