/**
 * State files under faults. A worker SIGKILLed in the middle of heavy writes (appends and
 * compactions, and the moment a compaction's new file is half made) restarts cleanly every
 * time with every acknowledged request; a corrupt,
 * truncated or empty state file stops only that MK6's start, names the file, stays
 * byte-identical, and the rest of the fleet starts.
 *
 * `STATE_KILLS=50` runs the kill loop longer (CI: 8).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startFleet, ROUVAI, type RunningFleet } from '../helpers/fleet.js';
import { startWorker, type WorkerHandle } from '../helpers/worker-process.js';

const KILLS = Number(process.env.STATE_KILLS ?? 8);
const SITES = [
  { sycode: 'S1', name: 'Site 1', role: 'thissite' as const, pmax_kw: 10_000 },
  { sycode: 'S2', name: 'Site 2', role: 'nearsite' as const, pmax_kw: 10_000 },
];
const PADDING = 'x'.repeat(12_000); // fat lines: compactions come often and take a while

/** The file as a kill left it: a snapshot first, then whole JSON lines, at most one torn last line. */
function assertNotTorn(path: string, round: number): { lines: number; torn: boolean } {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const torn = lines[lines.length - 1] !== '';
  lines.pop(); // '' after the final newline, or the torn (never acknowledged) append
  assert.ok(lines.length >= 1, `round ${round}: no complete line in ${path}`);
  lines.forEach((line, i) => {
    let record: { kind?: string };
    try {
      record = JSON.parse(line);
    } catch {
      assert.fail(`round ${round}: line ${i + 1} of ${path} is not JSON (a torn write inside the file)`);
    }
    assert.equal(record.kind, i === 0 ? 'snapshot' : 'delta', `round ${round}: line ${i + 1}`);
  });
  return { lines: lines.length, torn };
}

describe('kill -9 in the middle of heavy writes', () => {
  let worker: WorkerHandle | undefined;
  after(() => worker?.stop());

  it(`restarts cleanly ${KILLS} times with every acknowledged request`, { timeout: 60_000 + KILLS * 20_000 }, async () => {
    worker = await startWorker({ id: 'KILLME', sites: SITES });
    const path = join(worker.stateDir, 'mk6-KILLME.jsonl');
    const acknowledged = new Map<string, { seq: number; reason: string }>();
    let tag = 0;
    let tornSeen = 0;
    let tempsSeen = 0;
    for (let round = 1; round <= KILLS; round++) {
      const w: WorkerHandle = worker;
      let stop = false;
      const writer = async () => {
        while (!stop) {
          const n = ++tag;
          const start = Date.parse('2030-01-01T00:00:00Z') + n * 60_000;
          const body = { set: 'Psetpoint', site: n % 2 ? 'S1' : 'S2', psetpoint: n % 10_000, start_time: new Date(start).toISOString(), end_time: new Date(start + 30_000).toISOString(), reason: `r${n}`, padding: PADDING };
          try {
            const res = await w.http('POST', '/api/v1/mk6/KILLME/requests', body);
            if (res.status === 201) {
              assert.ok(!acknowledged.has(res.body.id), `round ${round}: ${res.body.id} answered twice`);
              acknowledged.set(res.body.id, { seq: res.body.seq, reason: body.reason });
            } else assert.fail(`round ${round}: POST → ${res.status} ${res.text.slice(0, 200)}`);
          } catch (err) {
            if (err instanceof assert.AssertionError) throw err;
            return; // the connection died with the process
          }
        }
      };
      const writers = Array.from({ length: 12 }, writer);
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
      await w.kill9();
      stop = true;
      await Promise.all(writers);

      const left = assertNotTorn(path, round);
      if (left.torn) tornSeen++;
      tempsSeen += readdirSync(w.stateDir).filter((f) => f.includes('.tmp-')).length;
      await w.restart(); // throws WorkerExitError if the file did not load
      assert.deepEqual(readdirSync(w.stateDir).filter((f) => f !== 'mk6-KILLME.jsonl' && f !== 'mk6-KILLME.jsonl.lock'), [], 'no temp file left after a load');
    }
    for (const [id, want] of acknowledged) {
      const res = await worker.http('GET', `/api/v1/mk6/KILLME/planning/${id}`);
      assert.equal(res.status, 200, `${id} acknowledged but missing after the kills`);
      assert.equal(res.body.seq, want.seq, `${id}: seq`);
      assert.equal(res.body.reason, want.reason, `${id}: body`);
    }
    const state = (await worker.http('GET', '/mock/mk6/KILLME/state')).body;
    assert.ok(state.request_counter >= acknowledged.size, 'the request counter never goes back');
    console.log(`state file: ${KILLS} kills under load, ${acknowledged.size} acknowledged requests all kept, torn last line seen ${tornSeen}×, interrupted compaction temp seen ${tempsSeen}×`);
    assert.ok(acknowledged.size >= KILLS * 5, `too few writes to prove anything: ${acknowledged.size}`);
  });
});

describe('kill -9 in the middle of a compaction', () => {
  it('the state file is rewritten beside appends that go on; killed while the new file is made, nothing acknowledged is lost', { timeout: 120_000 }, async () => {
    const ROUNDS = 6;
    let midCompaction = 0;
    let total = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      // A fresh MK6 each round: its first compaction comes after 256 KiB of fat lines.
      const w = await startWorker({ id: 'COMPACT', sites: SITES });
      try {
        const path = join(w.stateDir, 'mk6-COMPACT.jsonl');
        const acknowledged = new Map<string, string>();
        let stop = false;
        let tag = 0;
        const writer = async () => {
          while (!stop) {
            const n = ++tag;
            const body = { set: 'Psetpoint', site: 'S1', psetpoint: n % 10_000, start_time: new Date(Date.parse('2030-01-01T00:00:00Z') + n * 60_000).toISOString(), reason: `c${round}-${n}`, padding: PADDING };
            try {
              const res = await w.http('POST', '/api/v1/mk6/COMPACT/requests', body);
              if (res.status === 201) acknowledged.set(res.body.id, body.reason);
              else assert.fail(`round ${round}: POST → ${res.status} ${res.text.slice(0, 200)}`);
            } catch (err) {
              if (err instanceof assert.AssertionError) throw err;
              return; // the connection died with the process
            }
          }
        };
        const writers = Array.from({ length: 12 }, writer);
        // Kill the moment a compaction's new file exists beside the old one.
        const seen = Date.now() + 20_000;
        while (!readdirSync(w.stateDir).some((f) => f.includes('.tmp-')) && Date.now() < seen) await new Promise((r) => setImmediate(r));
        await w.kill9();
        stop = true;
        await Promise.all(writers);
        if (readdirSync(w.stateDir).some((f) => f.includes('.tmp-'))) midCompaction++;
        assertNotTorn(path, round);
        await w.restart();
        for (const [id, reason] of acknowledged) {
          const res = await w.http('GET', `/api/v1/mk6/COMPACT/planning/${id}`);
          assert.equal(res.status, 200, `round ${round}: ${id} acknowledged but missing after the kill`);
          assert.equal(res.body.reason, reason, `round ${round}: ${id}`);
        }
        total += acknowledged.size;
      } finally {
        await w.stop();
      }
    }
    console.log(`compaction: ${ROUNDS} kills, ${midCompaction} with the new file half made, ${total} acknowledged requests all kept`);
    assert.ok(midCompaction >= ROUNDS / 2, `too few kills landed in a compaction to prove anything: ${midCompaction} of ${ROUNDS}`);
  });
});

describe('one writer per state file', () => {
  it('a second worker for the same MK6 and state dir is refused, and writes nothing; the first keeps every 201', { timeout: 60_000 }, async (t) => {
    const first = await startWorker({ id: 'TWICE', sites: SITES });
    t.after(() => first.stop());
    const path = join(first.stateDir, 'mk6-TWICE.jsonl');
    const a = await first.http('POST', '/api/v1/mk6/TWICE/requests', { set: 'stop', site: 'S1', start_time: '2030-01-01T00:00:00Z' });
    assert.equal(a.status, 201);
    const bytes = readFileSync(path);
    await assert.rejects(startWorker({ id: 'TWICE', sites: SITES, stateDir: first.stateDir }), (err: Error) => /TWICE\.jsonl/.test(err.message) && new RegExp(`${first.pid}`).test(err.message));
    assert.ok(readFileSync(path).equals(bytes), 'the refused worker must not touch the file');
    const b = await first.http('POST', '/api/v1/mk6/TWICE/requests', { set: 'stop', site: 'S2', start_time: '2030-01-02T00:00:00Z' });
    assert.equal(b.status, 201);
    await first.kill9(); // its lock is now stale: the next start takes it over
    await first.restart();
    for (const id of [a.body.id, b.body.id]) assert.equal((await first.http('GET', `/api/v1/mk6/TWICE/planning/${id}`)).status, 200, id);
  });
});

describe('writeFileAtomic killed in the middle', () => {
  it('leaves the old file or the new one, never a mix or a part', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mk6-atomic-'));
    try {
      const target = join(dir, 'state.jsonl');
      const SIZE = 4 * 1024 * 1024;
      const atomic = new URL('../../src/persist/atomic.js', import.meta.url).href;
      // A child rewrites the file in a loop, each version one letter repeated; we kill it at random.
      const script = `import { writeFileAtomic } from ${JSON.stringify(atomic)};
        for (let i = 0; ; i++) { writeFileAtomic(${JSON.stringify(target)}, String.fromCharCode(97 + (i % 26)).repeat(${SIZE})); process.stdout.write('.'); }`;
      for (let round = 0; round < 10; round++) {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
        // Killed at a random moment of its loop once it has written a version (a dot after each),
        // however long node takes to start on a loaded machine.
        const wrote = await new Promise<boolean>((done) => {
          const timer = setTimeout(() => done(false), 60_000);
          child.stdout!.once('data', () => (clearTimeout(timer), done(true)));
        });
        await new Promise((r) => setTimeout(r, Math.random() * 300));
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        assert.ok(wrote, `round ${round}: the writer wrote no version in 60 s`);
        const text = readFileSync(target, 'latin1');
        assert.equal(text.length, SIZE, `round ${round}: a partial file (${text.length} bytes)`);
        assert.ok(text === text[0].repeat(SIZE), `round ${round}: a file mixing two versions`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a corrupt, truncated or empty state file at fleet start', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'mk6-corrupt-'));
  let fleet: RunningFleet | undefined;
  after(async () => {
    await fleet?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('stops only that MK6, names the file, keeps it byte-identical; the others start with their state', { timeout: 180_000 }, async () => {
    // A first run leaves one request in every MK6's state file.
    const first = await startFleet(undefined, { args: ['--state-dir', stateDir], timeoutMs: 120_000 });
    try {
      for (const m of ROUVAI) {
        const res = await call(first.url, 'POST', `/api/v1/mk6/${m.id}/requests`, { set: 'stop', site: m.sites[0].sycode, start_time: '2030-01-01T00:00:00Z' });
        assert.equal(res.status, 201, JSON.stringify(res.body));
      }
    } finally {
      await first.stop();
    }
    const file = (id: string) => join(stateDir, `mk6-${id}.jsonl`);
    const damaged: Record<string, { bytes: Buffer; line: number }> = {};
    const lines = readFileSync(file('ROU2'), 'utf8').split('\n');
    damaged.ROU2 = { bytes: Buffer.from([lines[0], '{"kind":"delta","meta":', ...lines.slice(1)].join('\n')), line: 2 }; // corrupt in the middle
    const snapshot = readFileSync(file('VAI'));
    damaged.VAI = { bytes: snapshot.subarray(0, Math.floor(snapshot.indexOf(10) / 2)), line: 1 }; // truncated inside the snapshot
    damaged['ROU1.3'] = { bytes: Buffer.alloc(0), line: 1 }; // empty
    for (const [id, d] of Object.entries(damaged)) writeFileSync(file(id), d.bytes);

    fleet = await startFleet(undefined, { args: ['--state-dir', stateDir], timeoutMs: 120_000, waitFor: 'started' });
    const inventory = (await call(fleet.url, 'GET', '/mock/mk6')).body;
    for (const m of ROUVAI) {
      const entry = inventory.mk6.find((e: any) => e.mk6_id === m.id);
      const d = damaged[m.id];
      if (d) {
        const said = fleet.output().split('\n').find((l) => l.includes(`${m.id}:`) && l.includes(file(m.id)));
        assert.ok(said, `the supervisor's output must name ${file(m.id)}:\n${fleet.output()}`);
        assert.match(said, new RegExp(`ligne ${d.line}`));
        assert.equal(entry.process.status, 'errored', `${m.id}: ${JSON.stringify(entry.process)}`);
        assert.ok(String(entry.problem).includes(file(m.id)), `${m.id}: problem ${entry.problem}`);
        assert.equal(entry.online, false);
        const proxied = await call(fleet.url, 'GET', `/api/v1/mk6/${m.id}/monitoring`);
        assert.equal(proxied.status, 502);
        assert.equal(proxied.body.error, 'MK6_UNREACHABLE');
        assert.ok(readFileSync(file(m.id)).equals(d.bytes), `${m.id}: the damaged file must stay byte-identical`);
      } else {
        assert.equal(entry.process.status, 'online', `${m.id}: ${JSON.stringify(entry)}`);
        const kept = await call(fleet.worker(m.id), 'GET', `/api/v1/mk6/${m.id}/planning/REQ-001`);
        assert.equal(kept.status, 200, `${m.id} kept its request`);
        assert.equal(kept.body.set, 'stop');
      }
    }
  });
});
