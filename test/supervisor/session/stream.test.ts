/**
 * GET /mock/stream: in process (a Koa app with the front's stream over a fake fleet) for its
 * bounds — a client that does not read is dropped and the fleet goes on, at most
 * STREAM_MAX_CLIENTS, interval_ms checked, `limit` ends it — then on a real fleet: `event: fleet`
 * mirrors the event log, `event: telemetry` the monitoring, and `mk6-fleet events --follow`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { SYSTEM_CLOCK } from '../../../src/domain/clock.js';
import { errorBodies } from '../../../src/worker/http/error-bodies.js';
import { EventLog } from '../../../supervisor/session/events.js';
import { FleetStream, STREAM_MAX_CLIENTS } from '../../../supervisor/session/stream.js';
import type { FleetSupervisor } from '../../../supervisor/fleet/fleet-supervisor.js';
import { call, eventually, startFleet, type RunningFleet } from '../../helpers/fleet-app.js';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

interface Sse {
  event: string;
  id?: string;
  data: any;
}

/** Reads SSE events from `url` until `stop(events)` says enough (or the stream ends); the request is then destroyed. */
function readStream(url: string, stop: (events: Sse[]) => boolean, timeoutMs = 15_000, onOpen?: () => void): Promise<{ status: number; events: Sse[] }> {
  return new Promise((resolve, reject) => {
    const events: Sse[] = [];
    const req = http.get(url, (res) => {
      onOpen?.();
      let buf = '';
      const finish = () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, events });
      };
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error(`stream: timed out with ${events.length} events: ${JSON.stringify(events).slice(0, 400)}`));
      }, timeoutMs);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let at: number;
        while ((at = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, at);
          buf = buf.slice(at + 2);
          const ev: Partial<Sse> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) ev.event = line.slice(7);
            else if (line.startsWith('id: ')) ev.id = line.slice(4);
            else if (line.startsWith('data: ')) ev.data = JSON.parse(line.slice(6));
          }
          if (ev.event) events.push(ev as Sse);
        }
        if (stop(events)) finish();
      });
      res.on('end', finish);
      res.on('error', () => finish());
    });
    req.on('error', reject);
  });
}

describe('the stream in process: bounds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mk6-stream-'));
  const events = new EventLog({ stateDir: dir, clock: SYSTEM_CLOCK });
  const fake = { events, onlineMembers: () => [], url: () => 'http://127.0.0.1:1' } as unknown as FleetSupervisor;
  const stream = new FleetStream(fake);
  let server: http.Server;
  let base = '';
  before(async () => {
    const app = new Koa();
    app.use(errorBodies((msg, err) => console.error(msg, err)));
    app.use((ctx) => stream.attach(ctx));
    server = http.createServer(app.callback());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  });
  after(() => {
    server?.closeAllConnections();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks interval_ms and types; `limit` ends the stream; since_id replays the log', async () => {
    assert.equal((await call(base, 'GET', '/mock/stream?interval_ms=5')).status, 441);
    assert.equal((await call(base, 'GET', '/mock/stream?interval_ms=abc')).status, 400);
    assert.equal((await call(base, 'GET', '/mock/stream?types=nope')).status, 441);
    for (let i = 0; i < 3; i++) events.record('reset', null, { n: i });
    const { events: got } = await readStream(`${base}/mock/stream?interval_ms=100&since_id=0&limit=3`, () => false);
    assert.deepEqual(got.map((e) => [e.event, e.id, e.data.details.n]), [['fleet', '1', 0], ['fleet', '2', 1], ['fleet', '3', 2]]);
  });

  it('drops a client that does not read, and the fleet goes on', async () => {
    const sock = net.connect(Number(new URL(base).port), '127.0.0.1');
    await new Promise((r) => sock.once('connect', r));
    sock.write('GET /mock/stream?interval_ms=100&types=fleet HTTP/1.1\r\nHost: x\r\n\r\n');
    sock.pause(); // never reads
    const closed = new Promise<void>((r) => sock.once('close', () => r()));
    sock.on('error', () => undefined);
    await eventually(async () => (stream.clientCount === 1 ? true : undefined), 5000, 'the client attached');
    const big = 'x'.repeat(64 * 1024);
    const started = Date.now();
    for (let round = 0; round < 400 && stream.clientCount > 0; round++) {
      for (let i = 0; i < 10; i++) events.record('reset', null, { big }); // 640 KiB a round: the kernel's buffers fill, then ours
      await new Promise((r) => setTimeout(r, 110));
    }
    assert.equal(stream.clientCount, 0, 'the slow client was dropped');
    sock.resume(); // reading now, it meets the end of what was sent before the drop
    await closed;
    assert.ok(Date.now() - started < 60_000);
    // another client is served as before
    const next = readStream(`${base}/mock/stream?interval_ms=100&types=fleet`, (e) => e.length >= 1, 5000);
    await eventually(async () => (stream.clientCount === 1 ? true : undefined), 5000, 'the next client attached');
    events.record('mode', null, { mode: 'mock' });
    assert.equal((await next).events[0].data.kind, 'mode');
  });

  it(`serves at most ${STREAM_MAX_CLIENTS} clients at once (503 STREAM_FULL with Retry-After)`, async () => {
    const open: http.ClientRequest[] = [];
    for (let i = 0; i < STREAM_MAX_CLIENTS; i++) {
      await new Promise<void>((r) => {
        const req = http.get(`${base}/mock/stream?types=fleet`, () => r());
        open.push(req);
      });
    }
    const full = await call(base, 'GET', '/mock/stream');
    assert.equal(full.status, 503);
    assert.equal(full.body.error, 'STREAM_FULL');
    assert.equal(full.headers.get('retry-after'), '5');
    for (const req of open) req.destroy();
    await eventually(async () => (stream.clientCount === 0 ? true : undefined), 5000, 'clients gone');
  });
});

describe('the stream on a real fleet: mirrors the event log and the monitoring', () => {
  let fleet: RunningFleet;
  before(async () => {
    fleet = await startFleet({
      mk6: [
        { id: 'A', sites: [{ sycode: 'SA', name: 'A1', role: 'thissite', pmax_kw: 5000, dynamics: { ramp_kw_per_min: 1000, dead_time_s: 30 } } as never] },
        { id: 'B', sites: [{ sycode: 'SB', name: 'B1', role: 'thissite', pmax_kw: 3000, profile: { kind: 'recorded', points: [['00:00', 1000], ['12:00', 3000]] } } as never] },
      ],
    });
  });
  after(() => fleet?.stop());

  it('event: fleet carries each new entry of GET /mock/events; event: telemetry each MK6 as its monitoring says', async () => {
    assert.equal((await call(fleet.url, 'POST', '/mock/time', { now: '2026-03-01T06:00:00Z' })).status, 200);
    // B's telemetry sampled once before the fault (its recorded day), then the fault in the stream.
    let sawB!: () => void;
    const bSampled = new Promise<void>((r) => (sawB = r));
    const reading = readStream(`${fleet.url}/mock/stream?interval_ms=100`, (e) => {
      if (e.some((x) => x.event === 'telemetry' && x.data.mk6_id === 'B')) sawB();
      return e.some((x) => x.event === 'fleet' && x.data.kind === 'fault_on') && e.filter((x) => x.event === 'telemetry').length >= 2;
    });
    await Promise.race([bSampled, reading]); // a stream that fails fails here
    assert.equal((await call(fleet.url, 'POST', '/mock/mk6/B/fault/SB')).status, 200);
    const { status, events: got } = await reading;
    assert.equal(status, 200);
    const log = (await call(fleet.url, 'GET', '/mock/events')).body as { id: number; kind: string }[];
    const fault = got.find((e) => e.event === 'fleet' && e.data.kind === 'fault_on') as Sse;
    assert.deepEqual(fault.data, log.find((e) => e.id === Number(fault.id)), 'the very entry of the event log');
    const tele = got.filter((e) => e.event === 'telemetry');
    for (const id of ['A', 'B']) {
      const last = tele.filter((e) => e.data.mk6_id === id).pop();
      assert.ok(last, `telemetry of ${id}`);
      const sites = (await call(fleet.url, 'GET', `/api/v1/mk6/${id}/monitoring/sites`)).body.sites as Record<string, any>;
      for (const [sycode, v] of Object.entries(sites)) {
        if (id === 'B' && last.data.sites[sycode].state !== 0) continue; // sampled before the fault
        assert.deepEqual(last.data.sites[sycode], { pavailable: v.pavailable, pactive: v.pactive, consigne: v.psetpoint_recu, state: v.state }, `${id} ${sycode}`);
      }
    }
    assert.equal(tele.find((e) => e.data.mk6_id === 'B')?.data.sites.SB.pavailable, 2000, 'the recorded day at 06:00');
  });

  it('a plant set at run time is a fleet event (kind plant), in the log and in the stream', async () => {
    let opened!: () => void;
    const open = new Promise<void>((r) => (opened = r));
    const reading = readStream(`${fleet.url}/mock/stream?interval_ms=100&types=fleet`, (e) => e.some((x) => x.data.kind === 'plant'), 15_000, opened);
    await open; // the stream answered: what happens from now on reaches it
    assert.equal((await call(fleet.url, 'POST', '/mock/mk6/A/sites/SA/plant', { profile: { kind: 'model', high: 0.5 } })).status, 200);
    // The front's inventory shows the plant as it is now, not as the fleet file gave it.
    const inv = (await call(fleet.url, 'GET', '/mock/mk6')).body as { mk6: { mk6_id: string; sites: { sycode: string; profile?: { kind: string; high?: number } }[] }[] };
    const site = inv.mk6.find((m) => m.mk6_id === 'A')?.sites.find((s) => s.sycode === 'SA');
    assert.deepEqual([site?.profile?.kind, site?.profile?.high], ['model', 0.5], JSON.stringify(site));
    const { events: got } = await reading;
    const plant = got.find((e) => e.data.kind === 'plant') as Sse;
    assert.deepEqual([plant.data.mk6_id, plant.data.details], ['A', { sycode: 'SA', dynamics: { ramp_kw_per_min: 1000, dead_time_s: 30 }, profile: 'model' }]);
    const log = (await call(fleet.url, 'GET', '/mock/events')).body as { id: number }[];
    assert.deepEqual(log.find((e) => e.id === Number(plant.id)), plant.data);
  });

  it('mk6-fleet events --follow prints the events as they come', async () => {
    const cli = spawn(process.execPath, [join(ROOT, 'dist/supervisor/cli/main.js'), 'events', '--follow', '--url', fleet.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    cli.stdout.setEncoding('utf8');
    cli.stdout.on('data', (c: string) => (out += c));
    try {
      await eventually(async () => (out.includes('fault_on') ? true : undefined), 10_000, 'the past events first');
      await call(fleet.url, 'DELETE', '/mock/mk6/B/fault/SB');
      await eventually(async () => (out.includes('fault_off') ? true : undefined), 10_000, 'a new event followed');
    } finally {
      cli.kill('SIGTERM');
    }
  });
});
