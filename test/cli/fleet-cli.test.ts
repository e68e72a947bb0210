/**
 * The `mk6-fleet` program against a real fleet: each command's effect and its exit code (0 ok,
 * 1 refused, 2 usage, 3 unreachable), in French (MK6_LANG=fr). The commands run in process
 * (supervisor/cli/main.ts's `main`, as the bin calls it); the bin itself is spawned where the
 * process is what is tested: `journal --follow` until SIGINT, and the exit status of a usage
 * fault and of an unreachable fleet. Both languages' texts, command by command, are
 * languages.test.ts's.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call, startFleet, type RunningFleet } from '../helpers/fleet-app.js';
import { NOBODY_URL } from '../helpers/fleet.js';
import { cli as spawnCli } from '../helpers/har.js';
import { runCli, type CliRun } from './in-process.js';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../../supervisor/cli/main.js');
const FRENCH = { MK6_LANG: 'fr' };
const site = (sycode: string) => [{ sycode, name: `Site ${sycode}`, role: 'thissite' as const, pmax_kw: 10000 }];

/** The bin, spawned, in French. */
const bin = (...args: string[]): Promise<CliRun> => spawnCli('--lang', 'fr', ...args);

describe('mk6-fleet CLI', () => {
  let fleet: RunningFleet;
  let dir: string;
  const cli = (...args: string[]): Promise<CliRun> => runCli(['--url', fleet.url, ...args], FRENCH);
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mk6-cli-'));
    fleet = await startFleet({ mk6: [{ id: 'A', sites: site('SYCA') }, { id: 'B', sites: site('SYCB') }] });
  });
  after(async () => {
    await fleet?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('status lists the MK6s and the clock', async () => {
    const r = await cli('status');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^horloge: .*\(système\)/);
    assert.match(r.stdout, /\nA +http:\/\/127\.0\.0\.1:\d+ +en marche +en ligne/);
    const json = await cli('--json', 'status');
    assert.equal(JSON.parse(json.stdout).inventory.count, 2);
  });

  it('time set, advance, speed and release move the fleet clock', async () => {
    assert.equal((await cli('time', 'set', '2026-03-01T10:00:00Z')).code, 0);
    const adv = await cli('time', 'advance', '1h30m');
    assert.equal(adv.code, 0, adv.stderr);
    assert.equal((await call(fleet.url, 'GET', '/supervision/api/time')).body.now, '2026-03-01T11:30:00Z');
    assert.equal((await cli('time', 'speed', '10')).code, 0);
    assert.equal((await call(fleet.url, 'GET', '/supervision/api/time')).body.speed, 10);
    assert.equal((await cli('time', 'release')).code, 0);
    assert.equal((await call(fleet.url, 'GET', '/supervision/api/time')).body.source, 'system');
    assert.equal((await cli('time', 'advance', 'soon')).code, 2);
  });

  it('kill and restart with their kinds, offline and online', async () => {
    const kill = await cli('kill', 'B', '--kind', 'reset');
    assert.equal(kill.code, 0, kill.stderr);
    const inv = (await call(fleet.url, 'GET', '/mock/mk6')).body.mk6.find((m: { mk6_id: string }) => m.mk6_id === 'B');
    assert.equal(inv.outage, 'reset');
    assert.equal((await cli('restart', 'B', '--kind', 'cold')).code, 0);
    assert.equal((await call(fleet.url, 'GET', '/api/v1/mk6/B/monitoring')).status, 200);
    assert.equal((await cli('kill', 'B', '--kind', 'nuke')).code, 1, 'refused by the fleet: 441');
    assert.equal((await cli('kill', 'NOPE')).code, 1, '404 MK6_NOT_FOUND');
    assert.equal((await cli('offline', 'A')).code, 0);
    assert.equal((await call(fleet.url, 'GET', '/api/v1/mk6/A/monitoring')).status, 503);
    assert.equal((await cli('online', 'A')).code, 0);
    assert.equal((await call(fleet.url, 'GET', '/api/v1/mk6/A/monitoring')).status, 200);
  });

  it('network add, ls and rm', async () => {
    const add = await cli('network', 'A', 'add', 'flaky', 'error', 'status=503', 'probability=1', 'methods=get');
    assert.equal(add.code, 0, add.stderr);
    assert.equal((await call(fleet.url, 'GET', '/api/v1/mk6/A/monitoring')).status, 503);
    assert.match((await cli('network', 'A', 'ls')).stdout, /^flaky\terror\t/);
    const bad = await cli('network', 'A', 'add', 'x', 'latency', 'latency_ms=-1');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /441 INVALID_VALUE/);
    assert.equal((await cli('network', 'A', 'rm', 'flaky')).code, 0);
    assert.equal((await call(fleet.url, 'GET', '/api/v1/mk6/A/monitoring')).status, 200);
    assert.equal((await cli('network', 'A', 'rm', 'flaky')).code, 1, 'already gone: 404');
    assert.equal((await cli('network', 'A', 'add', 'x')).code, 2);
  });

  it('timeline load FILE, then show', async () => {
    const file = join(dir, 'day.yaml');
    writeFileSync(file, 'timeline:\n  - {at: "2026-03-01T10:00:00Z", action: offline, mk6: A}\n  - {at: "2026-03-01T11:00:00Z", action: online, mk6: A}\n');
    const load = await cli('timeline', 'load', file);
    assert.equal(load.code, 0, load.stderr);
    assert.match(load.stdout, /2 événements, 0 déclenché, 2 en attente/);
    await cli('time', 'set', '2026-03-01T10:30:00Z');
    assert.match((await cli('timeline', 'show')).stdout, /2026-03-01T10:00:00Z {2}déclenché +offline A/);
    writeFileSync(file, 'timeline:\n  - {at: nope, action: offline, mk6: A}\n');
    const bad = await cli('timeline', 'load', file);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /timeline:2 events\[0\]\.at/);
    assert.equal((await cli('timeline', 'load', join(dir, 'missing.yaml'))).code, 2);
  });

  it('journal prints the entries; --follow prints new ones as they come', async () => {
    await call(fleet.url, 'DELETE', '/api/v1/debug/requests');
    await call(fleet.url, 'GET', '/api/v1/mk6/B/monitoring');
    const r = await cli('journal');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /\tB\tGET \/api\/v1\/mk6\/B\/monitoring\t200\t/);
    const child = execFile(process.execPath, [CLI, '--url', fleet.url, 'journal', '--follow'], { env: { ...process.env, ...FRENCH } });
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    // Following has begun once it printed the entry already there; only then make a new one.
    const printed = async (path: string) => {
      const deadline = Date.now() + 10_000;
      while (!out.includes(path) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    };
    await printed('GET /api/v1/mk6/B/monitoring\t');
    await call(fleet.url, 'GET', '/api/v1/mk6/A/planning');
    await printed('/api/v1/mk6/A/planning');
    const code = new Promise<number | null>((ok) => child.once('exit', (c) => ok(c)));
    child.kill('SIGINT');
    assert.match(out, /GET \/api\/v1\/mk6\/A\/planning\t\d{3}\t/);
    assert.equal(await code, 0);
  });

  it('usage errors exit 2, an unreachable fleet exits 3', async () => {
    assert.equal((await cli()).code, 2);
    assert.equal((await cli('fly')).code, 2);
    assert.equal((await cli('--nope', 'status')).code, 2);
    const down = await runCli(['--url', NOBODY_URL, 'status'], FRENCH);
    assert.equal(down.code, 3);
    assert.match(down.stderr, /injoignable/);
  });

  it('the bin: its process exits 2 on a usage fault and 3 when the fleet does not answer', async () => {
    const usage = await bin('--url', fleet.url, 'fly');
    assert.equal(usage.code, 2, usage.stderr);
    assert.match(usage.stderr, /utilisation: mk6-fleet/);
    const down = await bin('--url', NOBODY_URL, 'status');
    assert.equal(down.code, 3, down.stderr);
    assert.match(down.stderr, /injoignable/);
  });
});
