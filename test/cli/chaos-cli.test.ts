/**
 * `mk6-fleet chaos` and `chaos narrow` as a person runs them (no fleet needed): the issue's
 * "twice gives identical files", the bytes of the generator on ./fleet.yaml, --out, the
 * usage errors (exit 2), and narrow writing a smaller timeline that loads. In process (`main`,
 * as the bin calls it), from the project's root as a person's shell would be.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { parseTimelineText } from '../../src/config/timeline-file.js';
import { runCli } from './in-process.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'mk6-chaos-cli-'));
process.chdir(ROOT); // ./fleet.yaml, the default fleet file
/** English, and no MK6_FLEET nor MOCK_MK6_CONFIG_PATH: the environment is this one only. */
const run = (...args: string[]) => runCli(args, { MK6_LANG: 'en' });

describe('mk6-fleet chaos', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--seed 7 --intensity medium twice gives identical files; --out writes the same bytes', async () => {
    const [a, b] = await Promise.all([run('chaos', '--seed', '7', '--intensity', 'medium'), run('chaos', '--seed', '7', '--intensity', 'medium', '--out', join(dir, 'day.yaml'))]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(readFileSync(join(dir, 'day.yaml'), 'utf8'), a.stdout);
    assert.match(b.stderr, /day\.yaml: \d+ faults, \d+ events/);
    assert.equal((await run('chaos', '--seed', '7', '--intensity', 'medium', '--fleet', 'fleet.yaml')).stdout, a.stdout);
    assert.match(a.stdout, /^# mk6-fleet chaos --seed 7 --from 08:00 --to 18:00 --date 2026-03-01 --targets minority --intensity medium --faults /);
    assert.ok(parseTimelineText(a.stdout).length > 10);
    assert.notEqual((await run('chaos', '--seed', '8', '--intensity', 'medium')).stdout, a.stdout);
  });

  it('usage errors exit 2 with the reason', async () => {
    for (const [args, pattern] of [
      [['chaos'], /chaos --seed N/],
      [['chaos', '--seed', 'x'], /seed: an integer/],
      [['chaos', '--seed', '1', '--faults', 'kill.gently'], /unknown fault: 'kill\.gently'/],
      [['chaos', '--seed', '1', '--from', '12:00', '--to', '11:00'], /empty window/],
      [['chaos', 'narrow', 'x.yaml'], /chaos narrow DAY\.yaml --verdict VERDICT\.json/],
    ] as const) {
      const r = await run(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, pattern);
    }
  });

  it('narrow: the day with only the faults the verdict names, a timeline that loads', async () => {
    const day = join(dir, 'narrow-day.yaml');
    assert.equal((await run('chaos', '--seed', '7', '--intensity', 'medium', '--out', day)).code, 0);
    const events = parseTimelineText(readFileSync(day, 'utf8'));
    const kill = events.find((e) => e.action === 'kill')!;
    const verdict = join(dir, 'verdict.json');
    writeFileSync(verdict, JSON.stringify({ checks: [{ id: 'backoff', status: 'fail', candidates: [{ fault: `kill.${kill.fields.kind}`, mk6_id: kill.mk6, from: new Date(kill.at + 20_000).toISOString(), to: null, event_ids: [1], evidence: [0] }] }] }));
    const r = await run('chaos', 'narrow', day, '--verdict', verdict, '--out', join(dir, 'narrow.yaml'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /narrow\.yaml: 2 of \d+ events kept \(faults named by 1 failing checks\)/);
    const kept = parseTimelineText(readFileSync(join(dir, 'narrow.yaml'), 'utf8'));
    assert.deepEqual(kept.map((e) => [e.action, e.mk6]), [['kill', kill.mk6], ['restart', kill.mk6]]);
    writeFileSync(verdict, 'not json');
    assert.equal((await run('chaos', 'narrow', day, '--verdict', verdict)).code, 2);
  });
});
