/**
 * The journal as HAR 1.2 (checked by har-validator, the HAR 1.2 JSON schema from npm), and
 * a recording of the gateway's calls: full bodies past the journal's 4 KiB, past its 1000
 * entries, across a SIGKILLed worker, a cap, a safe name, the CLI.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, eventually, ROUVAI, startFleet, type RunningFleet } from '../../helpers/fleet.js';
import { checkAgainstContract } from '../../helpers/contract.js';
import { assertValidHar, cli } from '../../helpers/har.js';

const PDL10 = '8FV8CCX2w7X0';
const TOKEN = 'very-secret-token-14';

describe('HAR export and recording', () => {
  let fleet: RunningFleet;
  let out: string;
  before(async () => {
    fleet = await startFleet({ mk6: ROUVAI }, { env: { MK6_RECORDING_MAX_BYTES: String(2 * 1024 * 1024) } });
    out = mkdtempSync(join(tmpdir(), 'mk6-har-'));
  });
  after(async () => {
    await fleet?.stop();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('GET /api/v1/debug/requests?format=har is valid HAR 1.2: bodies, timings, _mk6_id, _sim_time, _source, Authorization masked, cut bodies said', async () => {
    assert.equal((await call(fleet.url, 'POST', '/mock/reset')).status, 200);
    assert.equal((await call(fleet.url, 'POST', '/mock/time', { now: '2026-03-01T10:00:00Z' })).status, 200);
    assert.equal((await call(fleet.url, 'POST', '/mock/mk6/ROU2/auth', { enabled: true, token: TOKEN })).status, 200);
    const auth = { authorization: `Bearer ${TOKEN}` };
    assert.equal((await call(fleet.url, 'GET', '/api/v1/mk6/ROU2/monitoring/sites?x=1', undefined, auth)).status, 200);
    const big = { set: 'Psetpoint', site: PDL10, psetpoint: 5000, start_time: '2026-03-01T12:00:00Z', end_time: '2026-03-01T13:00:00Z', note: 'x'.repeat(6000) };
    assert.equal((await call(fleet.worker('ROU2'), 'POST', '/api/v1/mk6/ROU2/requests', big, auth)).status, 201);
    const journal = await call(fleet.url, 'GET', '/api/v1/debug/requests');
    const last = journal.body.at(-1);
    assert.equal(last.req_headers.authorization, '***');
    const res = await call(fleet.url, 'GET', '/api/v1/debug/requests?format=har');
    assert.equal(res.status, 200);
    checkAgainstContract('GET', '/api/v1/debug/requests', 200, res.body);
    await assertValidHar(res.body);
    const har = res.body;
    assert.equal(har.log.version, '1.2');
    assert.equal(har.log.creator.name, 'mk6-fleet');
    assert.ok(!JSON.stringify(har).includes(TOKEN), 'never the token, neither of /auth nor of Authorization');
    const sites = har.log.entries.find((e: any) => e.request.url.endsWith('/api/v1/mk6/ROU2/monitoring/sites?x=1'));
    assert.ok(sites, JSON.stringify(har.log.entries.map((e: any) => e.request.url)));
    assert.equal(sites._mk6_id, 'ROU2');
    assert.equal(sites._source, 'GW');
    assert.equal(sites._sim_time, '2026-03-01T10:00:00Z');
    assert.deepEqual(sites.request.queryString, [{ name: 'x', value: '1' }]);
    assert.ok(sites.request.headers.some((h: any) => h.name === 'authorization' && h.value === '***'));
    assert.equal(JSON.parse(sites.response.content.text).sites[PDL10].pmax_wf, 11120);
    assert.ok(sites.time >= 0 && sites.timings.wait === sites.time);
    const post = har.log.entries.find((e: any) => e.request.method === 'POST' && e.request.url.endsWith('/ROU2/requests'));
    assert.equal(post.request.postData._truncated, true);
    assert.equal(post.response.content._truncated, true);
    assert.equal(post.response.status, 201);
    // the worker's own journal answers the same format
    const own = await call(fleet.worker('ROU2'), 'GET', '/api/v1/debug/requests?format=har');
    await assertValidHar(own.body);
    assert.equal((await call(fleet.url, 'GET', '/api/v1/debug/requests?format=xml')).status, 400);
  });

  it('a recording keeps every gateway call with full bodies, past 1000 and a SIGKILLed worker; the name is a safe id; fetched valid', async () => {
    assert.equal((await call(fleet.url, 'POST', '/mock/reset')).status, 200);
    assert.equal((await call(fleet.url, 'POST', '/mock/time', { now: '2026-03-01T10:00:00Z' })).status, 200);
    for (const name of ['../x', 'a/b', '..', 'x'.repeat(65)]) {
      const bad = await call(fleet.url, 'POST', '/mock/recording', { on: true, name });
      assert.equal(bad.status, 400, `${name}: ${JSON.stringify(bad.body)}`);
    }
    assert.equal((await call(fleet.url, 'POST', '/mock/recording', {})).status, 442);
    const started = await cli('record', 'start', 'long-day', '--url', fleet.url);
    assert.equal(started.code, 0, started.stderr);
    const view = (await call(fleet.url, 'GET', '/mock/recording')).body;
    checkAgainstContract('GET', '/mock/recording', 200, view);
    assert.equal(view.on, true);
    assert.equal(view.name, 'long-day');
    assert.equal(view.file, join(fleet.stateDir, 'recordings', 'long-day.har'));

    const big = (i: number) => ({ set: 'Psetpoint', site: PDL10, psetpoint: 1000 + i, start_time: '2026-03-01T12:00:00Z', end_time: '2026-03-01T13:00:00Z', note: 'n'.repeat(5000) });
    assert.equal((await call(fleet.url, 'POST', '/api/v1/mk6/ROU2/requests', big(1))).status, 201);
    // 1100 polls: past the journal's 1000
    for (let i = 0; i < 110; i++) await Promise.all(ROUVAI.map((m) => call(fleet.url, 'GET', `/api/v1/mk6/${m.id}/monitoring`)).concat(ROUVAI.map((m) => call(fleet.worker(m.id), 'GET', `/api/v1/mk6/${m.id}/planning`))));
    // a worker SIGKILLed: pm2 brings it back, it learns the recording and keeps forwarding full bodies
    const inv = (await call(fleet.url, 'GET', '/mock/mk6')).body;
    const pid = inv.mk6.find((m: any) => m.mk6_id === 'ROU2').process.pid;
    process.kill(pid, 'SIGKILL');
    await eventually(async () => {
      const i = (await call(fleet.url, 'GET', '/mock/mk6')).body;
      const m = i.mk6.find((e: any) => e.mk6_id === 'ROU2');
      return m.online && m.process.pid !== pid ? true : undefined;
    }, 30_000, 'ROU2 back');
    assert.equal((await call(fleet.url, 'POST', '/api/v1/mk6/ROU2/requests', big(2))).status, 201);
    const stopped = await cli('record', 'stop', '--url', fleet.url, '--json');
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.equal(JSON.parse(stopped.stdout).on, false);
    assert.equal((await call(fleet.url, 'GET', '/api/v1/mk6/VAI/monitoring')).status, 200); // after the stop: not recorded

    const file = join(out, 'long-day.har');
    const fetched = await cli('record', 'fetch', 'long-day', '--out', file, '--url', fleet.url);
    assert.equal(fetched.code, 0, fetched.stderr);
    const har = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(har, JSON.parse(readFileSync(join(fleet.stateDir, 'recordings', 'long-day.har'), 'utf8')));
    await assertValidHar(har);
    const entries = har.log.entries;
    assert.equal(entries.length, 1 + 110 * 10 + 1, `${entries.length} entries`);
    assert.ok(entries.every((e: any) => e._source === 'GW'));
    assert.deepEqual(entries.map((e: any) => e._id), entries.map((_: any, i: number) => i + 1));
    const posts = entries.filter((e: any) => e.request.method === 'POST');
    assert.equal(posts.length, 2);
    for (const p of posts) {
      assert.equal(p.request.postData._truncated, undefined);
      assert.equal(JSON.parse(p.request.postData.text).note.length, 5000);
      assert.equal(JSON.parse(p.response.content.text).note.length, 5000);
    }
    assert.equal(JSON.parse(posts[1].response.content.text).id, 'REQ-002');
    const starts = entries.map((e: any) => e.startedDateTime);
    assert.ok(entries.every((e: any, i: number) => i === 0 || Date.parse(e.startedDateTime) + e.time >= Date.parse(entries[i - 1].startedDateTime) + entries[i - 1].time - 1), 'in the order answered');
    assert.ok(starts.length > 0);
    const http = await call(fleet.url, 'GET', '/mock/recordings/long-day.har');
    checkAgainstContract('GET', '/mock/recordings/{recording}', 200, http.body);
    assert.equal((await call(fleet.url, 'GET', '/mock/recordings/nope')).status, 404);
  });

  it('past its cap a recording counts what it drops and stays valid HAR', async () => {
    assert.equal((await call(fleet.url, 'POST', '/mock/recording', { on: true, name: 'capped' })).status, 200);
    const big = { set: 'Psetpoint', site: PDL10, psetpoint: 10, start_time: '2026-03-01T12:00:00Z', end_time: '2026-03-01T13:00:00Z', note: 'c'.repeat(60_000) };
    for (let i = 0; i < 30; i++) assert.equal((await call(fleet.url, 'POST', '/api/v1/mk6/VAI/requests', { ...big, site: '8FV897G6wGQ0' })).status, 201);
    const view = (await call(fleet.url, 'POST', '/mock/recording', { on: false })).body;
    assert.equal(view.full, true);
    assert.ok(view.dropped > 0 && view.entries > 0 && view.entries + view.dropped === 30, JSON.stringify(view));
    assert.ok(view.bytes <= 2 * 1024 * 1024);
    const har = (await call(fleet.url, 'GET', '/mock/recordings/capped')).body;
    await assertValidHar(har);
    assert.equal(har.log.entries.length, view.entries);
    assert.ok(existsSync(join(fleet.stateDir, 'recordings', 'capped.har')));
  });
});
