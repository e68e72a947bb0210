/**
 * What a contract-test generator does with the document: replay every example it holds,
 * operation by operation in path order, against a fresh default fleet (fleet.yaml's five
 * MK6), and check each answer against the document: a declared status, a body that matches
 * that status's schema. The examples must be safe to replay: each succeeds (but one, see EXPECTED_REFUSALS).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openapiDocument } from '../../src/contract/openapi/document.js';
import { checkAgainstContract } from '../helpers/contract.js';
import { call, startFleet, type RunningFleet } from '../helpers/fleet-app.js';

type Obj = Record<string, any>;
const VERBS = ['get', 'post', 'patch', 'delete'];

interface Replay {
  method: string;
  path: string;
  label: string;
  body?: unknown;
}

/** Every call the document's examples make, in path order (an operation without a body example is called once). */
export function examplesInPathOrder(doc: Obj): Replay[] {
  const out: Replay[] = [];
  for (const [template, item] of Object.entries(doc.paths as Obj)) {
    for (const verb of Object.keys(item).filter((k) => VERBS.includes(k))) {
      const op = item[verb] as Obj;
      let path = template;
      const query: string[] = [];
      for (const p of op.parameters ?? []) {
        if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
        else if (p.in === 'query' && p.example !== undefined) query.push(`${p.name}=${encodeURIComponent(String(p.example))}`);
      }
      if (query.length) path += `?${query.join('&')}`;
      const examples = Object.entries((op.requestBody?.content?.['application/json']?.examples ?? {}) as Obj);
      if (examples.length === 0) out.push({ method: verb.toUpperCase(), path, label: op.operationId });
      for (const [name, ex] of examples) out.push({ method: verb.toUpperCase(), path, label: `${op.operationId} ${name}`, body: ex.value });
    }
  }
  return out;
}

/**
 * The one refusal path order makes unavoidable: DELETE …/network (clear all) sits in the same
 * path item as the POST that adds `slow-gw`, so it has run when DELETE …/network/slow-gw comes.
 */
const EXPECTED_REFUSALS: Record<string, number> = { removeNetworkCondition: 404 };

let fleet: RunningFleet;
before(async () => {
  fleet = await startFleet();
});
after(() => fleet?.stop());

test("every example of the document, replayed in path order against a fresh fleet, gets an answer the document declares", async () => {
  const replays = examplesInPathOrder(openapiDocument('front'));
  assert.ok(replays.length >= 45, `only ${replays.length} calls`);
  const refused: string[] = [];
  for (const r of replays) {
    const res = await call(fleet.url, r.method, r.path, r.body);
    checkAgainstContract(r.method, r.path, res.status, res.body);
    if (res.status >= 400 && EXPECTED_REFUSALS[r.label] !== res.status) refused.push(`${r.label}: ${r.method} ${r.path} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`);
  }
  assert.deepEqual(refused, [], 'every example is safe to replay: none is refused');
  assert.equal(replays.filter((r) => r.method === 'POST' && r.path.endsWith('/kill')).length, 1, 'the fleet was killed and restarted along the way');
});
