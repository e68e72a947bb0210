/**
 * The verdict's and the reports' catalogues (src/i18n/verdict-*.ts, report-messages.ts):
 * complete in both languages. The compiler refuses a language that lacks a message (the
 * `@ts-expect-error` lines below stop compiling if that ever stops being true); at run time
 * both languages have the same messages with the same parameters, and say them differently.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verdictMessages, type VerdictMessages } from '../../src/i18n/verdict-messages.js';
import { reportMessages, type ReportMessages } from '../../src/i18n/report-messages.js';
import { recetteFileMessages, type RecetteFileMessages } from '../../src/i18n/verdict-file-messages.js';

const { noneSent: _noneSent, ...limitsLackingOne } = verdictMessages.en.limits;
// @ts-expect-error a language without one of the verdict's messages does not compile
const verdictLackingOne: VerdictMessages = { ...verdictMessages.en, limits: limitsLackingOne };
const { notHar: _notHar, ...replayLackingOne } = reportMessages.fr.replay;
// @ts-expect-error nor one without a message of the reports
const reportLackingOne: ReportMessages = { ...reportMessages.fr, replay: replayLackingOne };
const { duplicateId: _duplicateId, ...fileLackingOne } = recetteFileMessages.en;
// @ts-expect-error nor one without a problem of the recette file
const fileMessagesLackingOne: RecetteFileMessages = fileLackingOne;
// @ts-expect-error nor a message taking other parameters
const otherParameters: VerdictMessages = { ...verdictMessages.en, andMore: (n: number, extra: string) => `${n}${extra}` };
void [verdictLackingOne, reportLackingOne, fileMessagesLackingOne, otherParameters];

/** Every message of a catalogue, by its path (`polls.gap`): a sentence or a function. */
function leaves(o: object, path: string[] = []): [string, unknown][] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? leaves(v, [...path, k]) : [[[...path, k].join('.'), v] as [string, unknown]]));
}

/** Messages that read the same in both languages, each with why. */
const SAME_IN_BOTH = new Set([
  'replay.absent', // `(absent)` is French and English alike
]);

describe('the verdict and report catalogues', () => {
  for (const [name, catalogue] of [['verdict', verdictMessages], ['reports', reportMessages], ['recette file', recetteFileMessages]] as const) {
    it(`${name}: the same messages with the same parameters in French and English, said differently`, () => {
      const fr = new Map(leaves(catalogue.fr));
      const en = new Map(leaves(catalogue.en));
      assert.deepEqual([...en.keys()].sort(), [...fr.keys()].sort());
      for (const [key, f] of fr) {
        const e = en.get(key);
        assert.equal(typeof f, typeof e, key);
        if (typeof f === 'function') assert.equal(f.length, (e as () => string).length, key);
        if (typeof f === 'string') {
          assert.ok(f.trim() && (e as string).trim(), key);
          if (!SAME_IN_BOTH.has(key)) assert.notEqual(f, e, `${key}: "${f}" in both languages`);
        }
      }
    });
  }

  it('formats numbers, powers and durations by the language', () => {
    const p = { mk6: 'ROU2', kw: 9000, sycode: 'PDL1', at: Date.parse('2026-03-01T10:00:00Z'), pmax: 8340, answered: null, journal: 7 };
    assert.equal(verdictMessages.en.limits.abovePmax(p), 'ROU2: setpoint 9,000 kW on PDL1 at 10:00:00 above pmax 8,340 kW (accepted, journal #7)');
    assert.match(verdictMessages.fr.limits.abovePmax(p), /^ROU2: consigne 9\s000 kW sur PDL1 à 10:00:00 au-dessus de pmax 8\s340 kW \(acceptée, journal #7\)$/u);
    assert.equal(verdictMessages.en.andMore(3), '… 3 more');
    assert.equal(verdictMessages.fr.andMore(3), '… et 3 de plus');
    assert.equal(reportMessages.en.replay.summary({ identical: 1200, total: 1250, clock: true, seconds: 2.25 }).replace(/\s/g, ' '), '1,200 of 1,250 identical in 2.3 s');
    assert.match(reportMessages.fr.replay.summary({ identical: 1200, total: 1250, clock: true, seconds: 2.25 }), /^1\s200 sur 1\s250 identiques en 2,3\ss$/u);
  });
});
