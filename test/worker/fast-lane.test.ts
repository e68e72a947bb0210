/**
 * The worker's fast lane answers the gateway's plain calls without Koa (src/http/fast-lane.ts).
 * Differential and property-based (fast-check): two real worker processes, one with the lane and
 * one with MK6_FAST_LANE=off (all Koa), get the same random sequence of gateway calls (paths,
 * methods, bodies, content types, auth headers, request ids) interleaved with changes of state
 * (offline, bearer auth, a fault, a network condition; production mode, whose clock is the wall
 * clock, in an example of its own). Every answer must be
 * the same on both (status, reason, body, the headers a client reads), and so must the journals.
 *
 * `FUZZ_RUNS` runs more sequences; `FC_SEED` and `FC_PATH` from a failure's report replay it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import fc from 'fast-check';
import { startWorker, type WorkerHandle } from '../helpers/worker-app.js';
import { replay, TWO_SITES } from '../helpers/fuzz.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const ID = 'mk6-D';
const SITES = TWO_SITES;
/** The headers a gateway reads; the others (Date, Keep-Alive) differ by nature. */
const COMPARED_HEADERS = ['content-type', 'content-length', 'www-authenticate', 'allow', 'retry-after', 'x-mk6-network', 'connection'];

interface Answer {
  status: number;
  reason: string;
  headers: Record<string, string | undefined>;
  text: string;
}

/** A request exactly as given: no URL normalisation, any header, framed by Content-Length. */
function send(base: string, method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<Answer> {
  const url = new URL(base);
  const all = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: all, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        const picked: Record<string, string | undefined> = {};
        for (const h of COMPARED_HEADERS) picked[h] = res.headers[h] as string | undefined;
        resolve({ status: res.statusCode ?? 0, reason: res.statusMessage ?? '', headers: picked, text });
      });
    });
    req.setTimeout(5000, () => req.destroy(new Error(`${method} ${path}: no answer in 5 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

type Step =
  | { kind: 'call'; method: string; path: string; body?: string; headers: Record<string, string> }
  | { kind: 'state'; method: string; path: string; body?: unknown };

const idInPath = fc.constantFrom(ID, ID, ID, ID, ID, 'ALIAS-D', 'mk6%2DD', 'MK6-D', 'other', '%E0%A4%A');
const rest = fc.constantFrom(
  'monitoring',
  'monitoring',
  'monitoring/sites/S1',
  'monitoring/sites/S1',
  'requests',
  'requests',
  'requests',
  'planning',
  'planning/REQ-001',
  'monitoring',
  'monitoring/',
  'Monitoring',
  'monitoring/sites',
  'monitoring/sites/S1',
  'monitoring/sites/S2',
  'monitoring/sites/S9',
  'monitoring/sites/S%31',
  'monitoring/sites/',
  'monitoring/planning',
  'requests',
  'planning',
  'planning/REQ-001',
  'planning/REQ-002',
  'planning/REQ-999',
  'planning/REQ%2D001',
  'nothing',
);
const query = fc.constantFrom('', '', '', '', '', '', '', '', '?x=1', '?token=abc');
const bodies = fc.constantFrom(
  undefined,
  '',
  '{"set":"Psetpoint","site":"S1","psetpoint":5000,"start_time":"2026-03-01T12:00:00Z","end_time":"2026-03-01T18:00:00Z"}',
  '{"set":"Psetpoint","site":"S2","psetpoint":2000}',
  '{"set":"stop","site":"S1"}',
  '{"set":"main_reset","site":"S1"}',
  '{"set":"Psetpoint","site":"S1","psetpoint":"a lot"}',
  '{"set":"Psetpoint","site":"S1","psetpoint":99999999}',
  '{"psetpoint":3000}',
  '{"end_time":"2026-03-01T20:00:00Z"}',
  '{"set":"Psetpoint","site":"S1","psetpoint":1,"token":"secret","__proto__":{"x":1}}',
  '[1,2]',
  '"a string"',
  '{"set":',
  '  {"set":"stop","site":"S1"}  ',
  '{"set":"stop","site":"S1","note":"' + 'x'.repeat(5000) + '"}',
);
const contentType = fc.constantFrom(undefined, 'application/json', 'application/json', 'application/json', 'application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/vnd.api+json', 'application/x-www-form-urlencoded');
const authorization = fc.constantFrom(undefined, undefined, undefined, undefined, 'Bearer tok', 'Bearer tok', 'Bearer nope', 'Basic dG9rOg==', 'Bearer');
const requestId = fc.constantFrom(undefined, 'gw-1', 'bad id');
const forwardedFor = fc.constantFrom(undefined, undefined, undefined, '10.0.0.7', ' 10.0.0.8 , 10.0.0.9');

/** A route of the gateway API with its own method (the lane's case), or any method on any path. */
const routed: fc.Arbitrary<[string, string]> = fc.constantFrom<[string, string]>(
  ['GET', 'monitoring'],
  ['GET', 'monitoring/sites'],
  ['GET', 'monitoring/sites/S1'],
  ['GET', 'monitoring/planning'],
  ['POST', 'requests'],
  ['GET', 'planning'],
  ['GET', 'planning/REQ-001'],
  ['PATCH', 'planning/REQ-001'],
  ['DELETE', 'planning/REQ-002'],
);
const anyway: fc.Arbitrary<[string, string]> = fc.tuple(fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'HEAD', 'PUT'), rest);

const call: fc.Arbitrary<Step> = fc
  .record({ route: fc.oneof({ weight: 3, arbitrary: routed }, { weight: 1, arbitrary: anyway }), id: idInPath, query, body: bodies, type: contentType, auth: authorization, reqId: requestId, xff: forwardedFor })
  .map(({ route: [method, rest], id, query, body, type, auth, reqId, xff }) => {
    const headers: Record<string, string> = {};
    if (type !== undefined) headers['content-type'] = type;
    if (auth !== undefined) headers.authorization = auth;
    if (reqId !== undefined) headers['x-request-id'] = reqId;
    if (xff !== undefined) headers['x-forwarded-for'] = xff;
    const carries = method !== 'GET' && method !== 'HEAD' ? body : undefined;
    return { kind: 'call' as const, method, path: `/api/v1/mk6/${id}/${rest}${query}`, body: carries, headers };
  });

const state: fc.Arbitrary<Step> = fc.constantFrom<Step>(
  { kind: 'state', method: 'POST', path: `/mock/mk6/${ID}/offline` },
  { kind: 'state', method: 'POST', path: `/mock/mk6/${ID}/online` },
  { kind: 'state', method: 'POST', path: `/mock/mk6/${ID}/auth`, body: { enabled: true, token: 'tok' } },
  { kind: 'state', method: 'POST', path: `/mock/mk6/${ID}/auth`, body: { enabled: false } },
  { kind: 'state', method: 'POST', path: `/mock/mk6/${ID}/fault/S1` },
  { kind: 'state', method: 'DELETE', path: `/mock/mk6/${ID}/fault/S1` },
  { kind: 'state', method: 'POST', path: `/mock/mk6/${ID}/network`, body: { name: 'flaky', type: 'error', status: 503, methods: ['POST'] } },
  { kind: 'state', method: 'DELETE', path: `/mock/mk6/${ID}/network` },
);

/** Journal entries without what differs by nature between two processes (ids, times, request ids made up). */
function comparable(entries: any[]): unknown[] {
  return entries.map(({ id: _id, ts: _ts, duration_ms: _d, req_headers, ...rest }) => {
    const headers = { ...req_headers };
    if (headers['x-request-id'] !== undefined && headers['x-request-id'] !== 'gw-1') delete headers['x-request-id']; // made up by the worker
    return { ...rest, remote: rest.remote === '127.0.0.1' || rest.remote === '::ffff:127.0.0.1' ? 'loopback' : rest.remote, req_headers: headers };
  });
}

describe('the fast lane answers as the Koa app does', () => {
  let lane: WorkerHandle;
  let koa: WorkerHandle;

  const SECRET = 'fast-lane-test-secret';
  /** How many calls a worker's fast lane answered (its internal health check, with the supervisor's secret). */
  const laneCalls = async (w: WorkerHandle): Promise<number> => (await w.http('GET', '/_worker/health', undefined, { 'x-mk6-secret': SECRET })).body.fast_lane_calls;

  before(async () => {
    [lane, koa] = await Promise.all([
      startWorker({ id: ID, sites: SITES, aliases: ['ALIAS-D'], env: { MK6_INTERNAL_SECRET: SECRET } }),
      startWorker({ id: ID, sites: SITES, aliases: ['ALIAS-D'], env: { MK6_INTERNAL_SECRET: SECRET, MK6_FAST_LANE: 'off' } }),
    ]);
  });
  after(async () => {
    await Promise.all([lane?.stop(), koa?.stop()]);
  });

  /** The fleet file's MK6, in mock mode, no network condition, frozen at 10:00, its journal empty. */
  async function fresh(w: WorkerHandle): Promise<void> {
    assert.equal((await w.http('POST', '/supervision/mode', { mode: 'mock' })).status, 200);
    assert.equal((await w.http('POST', '/mock/reset')).status, 200);
    assert.equal((await w.http('DELETE', `/mock/mk6/${ID}/network`)).status, 200);
    assert.equal((await w.http('POST', '/mock/time', { now: '2026-03-01T10:00:00Z' })).status, 200);
    assert.equal((await w.http('DELETE', '/api/v1/debug/requests')).status, 200);
  }

  async function both(method: string, path: string, body?: unknown): Promise<void> {
    const [a, b] = await Promise.all([lane.http(method, path, body), koa.http(method, path, body)]);
    assert.equal(a.status, b.status, `${method} ${path}`);
  }

  it('gives the same answers and the same journal for any sequence of calls and changes of state', async () => {
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 4, arbitrary: call }, { weight: 1, arbitrary: state }), { minLength: 5, maxLength: 25 }), async (steps) => {
        // Each sequence starts from the same place on both: the fleet file's MK6, frozen at the same instant.
        await Promise.all([fresh(lane), fresh(koa)]);
        for (const step of steps) {
          if (step.kind === 'state') {
            await both(step.method, step.path, step.body);
            continue;
          }
          calls++;
          const [a, b] = await Promise.all([send(lane.url, step.method, step.path, step.body, step.headers), send(koa.url, step.method, step.path, step.body, step.headers)]);
          assert.deepEqual(a, b, `${step.method} ${step.path} ${JSON.stringify(step.headers)} ${step.body?.slice(0, 80)}`);
        }
        const [ja, jb] = await Promise.all([lane.http('GET', '/api/v1/debug/requests'), koa.http('GET', '/api/v1/debug/requests')]);
        assert.deepEqual(comparable(ja.body), comparable(jb.body));
      }),
      { numRuns: RUNS, ...replay },
    );
    // Both ways were compared: the lane answered most plain calls, and the other worker none.
    const taken = await laneCalls(lane);
    assert.ok(taken >= calls / 4, `the lane answered ${taken} of ${calls} calls`);
    assert.equal(await laneCalls(koa), 0);
  });

  it('takes the plain calls, and makes request ids in the shape of a UUID', async () => {
    await fresh(lane);
    const before = await laneCalls(lane);
    const direct = await new Promise<string | undefined>((resolve, reject) =>
      http.get(`${lane.url}/api/v1/mk6/${ID}/monitoring`, (r) => {
        r.resume();
        resolve(r.headers['x-request-id'] as string | undefined);
      }).on('error', reject),
    );
    assert.match(direct ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(await laneCalls(lane), before + 1);
    // A network condition sends the MK6's calls to the Koa app, which applies it.
    assert.equal((await lane.http('POST', `/mock/mk6/${ID}/network`, { name: 'slow', type: 'latency', latency_ms: 1 })).status, 201);
    assert.equal((await send(lane.url, 'GET', `/api/v1/mk6/${ID}/monitoring`, undefined, {})).status, 200);
    assert.equal(await laneCalls(lane), before + 1);
    assert.equal((await lane.http('DELETE', `/mock/mk6/${ID}/network`)).status, 200);
  });

  it('survives a gateway that goes away in the middle of its body, and journals the call as the Koa app does', async () => {
    await Promise.all([fresh(lane), fresh(koa)]);
    const before = await laneCalls(lane);
    for (const w of [lane, koa]) {
      const socket = net.connect(Number(new URL(w.url).port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(`POST /api/v1/mk6/${ID}/requests HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"set":"st`);
      await new Promise((r) => setTimeout(r, 50)); // the worker is reading the body
      socket.destroy();
    }
    assert.equal(await laneCalls(lane), before + 1, 'the lane took it');
    // Both still answer, and both journal the torn call the same way (the body parser's 400).
    const torn = async (w: WorkerHandle) => {
      for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
        const entries = (await w.http('GET', '/api/v1/debug/requests')).body as any[];
        if (entries.some((e) => e.endpoint === 'requests')) return entries;
      }
      assert.fail(`${w.url}: the torn call is not in the journal`);
    };
    const [ja, jb] = await Promise.all([torn(lane), torn(koa)]);
    assert.deepEqual(comparable(ja), comparable(jb));
    assert.equal(ja.find((e: any) => e.endpoint === 'requests').status, 400);
    assert.equal((await send(lane.url, 'GET', `/api/v1/mk6/${ID}/monitoring`, undefined, {})).status, 200);
  });

  it('refuses a write in production mode as the Koa app does, and journals it the same', async () => {
    await Promise.all([fresh(lane), fresh(koa)]);
    for (const w of [lane, koa]) assert.equal((await w.http('POST', '/supervision/mode', { mode: 'production' })).status, 200);
    const before = await laneCalls(lane);
    const body = '{"set":"stop","site":"S1"}';
    const headers = { 'content-type': 'application/json', 'x-request-id': 'gw-1' };
    const [a, b] = await Promise.all([send(lane.url, 'POST', `/api/v1/mk6/${ID}/requests`, body, headers), send(koa.url, 'POST', `/api/v1/mk6/${ID}/requests`, body, headers)]);
    assert.equal(a.status, 403);
    assert.deepEqual(a, b);
    assert.equal(await laneCalls(lane), before + 1);
    const strip = (entries: any[]) => comparable(entries).map((e: any) => ({ ...e, sim_time: undefined })); // the wall clock in production
    const [ja, jb] = await Promise.all([lane.http('GET', '/api/v1/debug/requests'), koa.http('GET', '/api/v1/debug/requests')]);
    assert.deepEqual(strip(ja.body), strip(jb.body));
    for (const w of [lane, koa]) assert.equal((await w.http('POST', '/supervision/mode', { mode: 'mock' })).status, 200);
  });
});
