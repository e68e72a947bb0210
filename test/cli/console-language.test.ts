/**
 * `npm start`'s console lines (supervisor/main.ts) in the language chosen as the CLI's:
 * `--lang` > MK6_LANG > LC_ALL > LC_MESSAGES > LANG; its JSON lines (the `ready` line, logs)
 * English and parseable whatever the choice. A real supervisor, its own PM2_HOME.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, startFleet } from '../helpers/fleet.js';
import { foreignWords } from './in-process.js';

const site = [{ sycode: 'SYCA', name: 'Site A', role: 'thissite' as const, pmax_kw: 10000 }];
/** The runner's own language settings left out: only what each case gives decides. */
const NO_LANG = { MK6_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: '' };

describe("npm start's console lines", () => {
  for (const [lang, env, args, says] of [
    ['fr', { ...NO_LANG, LANG: 'fr_FR.UTF-8' }, [], [/^Flotte MK6 "console" \(.*\) prête en .+, mode mock$/m, /^ {2}ROU1 +http:\/\/127\.0\.0\.1:\d+ +en marche {2}alias R1$/m, /^SIGTERM: arrêt de la flotte…$/m]],
    ['en', { ...NO_LANG, LANG: 'fr_FR.UTF-8', MK6_LANG: 'fr' }, ['--lang', 'en'], [/^MK6 fleet "console" \(.*\) ready in .+, mode mock$/m, /^ {2}ROU1 +http:\/\/127\.0\.0\.1:\d+ +running {2}aliases R1$/m, /^SIGTERM: stopping the fleet…$/m]],
  ] as const) {
    it(`in ${lang === 'fr' ? 'French' : 'English'} (${args.length ? args.join(' ') : `LANG=${env.LANG}`}), its JSON lines in English`, async () => {
      const fleet = await startFleet({ name: 'console', mk6: [{ id: 'ROU1', aliases: ['R1'], sites: site }] }, { env, args: [...args] });
      try {
        await eventually(async () => (fleet.output().includes('"event":"ready"') ? true : undefined), 10_000, 'the ready line');
        assert.equal(await fleet.terminate(), 0);
      } finally {
        await fleet.stop();
      }
      const lines = fleet.output().split('\n').filter(Boolean);
      const people = lines.filter((l) => !l.startsWith('{'));
      for (const l of lines.filter((l) => l.startsWith('{'))) JSON.parse(l);
      for (const re of says) assert.match(people.join('\n'), re);
      assert.deepEqual(foreignWords(lang, people.join('\n')), [], people.join('\n'));
    });
  }
});
