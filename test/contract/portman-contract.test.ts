/**
 * The contract run a gateway team would generate from the document: Portman turns
 * /openapi.json into a Postman collection with contract tests (status, content type, JSON
 * body, schema of the response), Newman runs it against a fresh default fleet on the real
 * clock. Portman replays each operation once, with its first body example, in path order
 * (folderStrategy Paths; optional query parameters on, so the stream ends after `limit`).
 * It checks an answer against one response of the operation, by default its first 2xx; the
 * Portman config below is read off the document: each operation is checked against the
 * status its first example declares (`x-status`), e.g. POST …/requests against 201 Request,
 * not 200 main_reset. Offline: both run from node_modules (tslib is Portman's undeclared dependency).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { openapiDocument } from '../../src/contract/openapi/document.js';
import { startFleet, type RunningFleet } from '../helpers/fleet.js';

type Obj = Record<string, any>;
const require = createRequire(import.meta.url);
const PORTMAN = join(dirname(require.resolve('@apideck/portman/package.json')), 'bin/portman');
/** Newman's run, as much of it as this test uses (the package has no types of its own). */
interface RunSummary {
  run: { stats: { requests: { total: number }; assertions: { total: number } }; failures: Obj[] };
}
const newman = require('newman') as { run(options: Obj, done: (err: Error | null, summary: RunSummary) => void): unknown };

/** One contract test per operation, against the status of the example Portman replays (its first). */
export function portmanConfig(doc: Obj): Obj {
  const contractTests: Obj[] = [];
  for (const item of Object.values(doc.paths as Obj)) {
    for (const op of Object.values(item as Obj) as Obj[]) {
      const first = Object.values((op.requestBody?.content?.['application/json']?.examples ?? {}) as Obj)[0];
      const status = first?.['x-status'] ?? Math.min(...Object.keys(op.responses).map(Number).filter((s) => s < 300));
      contractTests.push({
        openApiOperationId: op.operationId,
        openApiResponse: String(status),
        statusCode: { enabled: true },
        contentType: { enabled: true },
        jsonBody: { enabled: true },
        schemaValidation: { enabled: true },
      });
    }
  }
  return { version: 1.0, tests: { contractTests } };
}

let fleet: RunningFleet;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mk6-portman-'));
  fleet = await startFleet();
});
after(async () => {
  await fleet?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('Portman + Newman: the collection generated from the document passes every contract test against a fresh fleet', async () => {
  const doc = openapiDocument('front');
  const file = (name: string, value: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(value));
    return join(dir, name);
  };
  const postmanConfig = { folderStrategy: 'Paths', parametersResolution: 'Example', requestParametersResolution: 'Example', exampleParametersResolution: 'Example', keepImplicitHeaders: true, enableOptionalParameters: true };
  const args = ['-l', file('openapi.json', doc), '-b', fleet.url, '-o', join(dir, 'collection.json'), '--runNewman', 'false', '--syncPostman', 'false', '-c', file('portman.json', portmanConfig(doc)), '--postmanConfigFile', file('postman.json', postmanConfig)];
  await promisify(execFile)(process.execPath, [PORTMAN, ...args], { cwd: dir, timeout: 120_000 });
  const collection = JSON.parse(readFileSync(join(dir, 'collection.json'), 'utf8'));

  const summary = await new Promise<RunSummary>((resolve, reject) =>
    newman.run({ collection, envVar: [{ key: 'baseUrl', value: fleet.url }], reporters: [], timeoutRequest: 30_000 }, (err, s) => (err ? reject(err) : resolve(s))),
  );
  const failures = summary.run.failures.map((f) => `${f.source?.name}: ${f.error?.test} — ${String(f.error?.message).slice(0, 300)}`);
  assert.deepEqual(failures, [], 'every contract test passes');
  const operations = Object.values(doc.paths as Obj).reduce((n: number, item) => n + Object.keys(item as Obj).length, 0);
  assert.equal(summary.run.stats.requests.total, operations, 'one request per documented operation');
  assert.ok(summary.run.stats.assertions.total >= 200, `only ${summary.run.stats.assertions.total} assertions`);
});
