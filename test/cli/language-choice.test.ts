/**
 * Which language `mk6-fleet` and `npm start` speak: `--lang fr|en` (anywhere on the line) >
 * MK6_LANG > LC_ALL > LC_MESSAGES > LANG, `fr…` French and anything else English; a bad
 * `--lang` is a usage error (exit 2). Every call to the fleet says the language in
 * `Accept-Language`. The usage and option errors are in the chosen language too.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readyState } from '../../supervisor/cli/commands/wait.js';
import { optionsFrom } from '../../supervisor/fleet/start-options.js';
import { assertOnly, EN_ENV, FR_ENV, runCli } from './in-process.js';

describe('the language mk6-fleet speaks', () => {
  let server: http.Server;
  let url: string;
  const seen: (string | undefined)[] = [];
  before(async () => {
    // A fleet that refuses everything, in the language it was asked: what the CLI sends, and that it prints the answer's message.
    server = http.createServer((req, res) => {
      seen.push(req.headers['accept-language']);
      const fr = req.headers['accept-language'] === 'fr';
      res.writeHead(409, { 'content-type': 'application/json', 'content-language': fr ? 'fr' : 'en' });
      res.end(JSON.stringify({ error: 'BUSY', message: fr ? 'occupée' : 'busy' }));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise((ok) => server.close(ok)));

  /** The language `status` spoke with `args` (before the command) and `env`, from its refusal. */
  const spoken = async (env: Record<string, string>, args: string[] = [], after: string[] = []): Promise<string> => {
    const r = await runCli([...args, '--url', url, 'status', ...after], env);
    assert.equal(r.code, 1, r.stderr);
    if (/^mk6-fleet: refusé \(409 BUSY\): occupée$/m.test(r.stderr)) return 'fr';
    if (/^mk6-fleet: refused \(409 BUSY\): busy$/m.test(r.stderr)) return 'en';
    return `neither: ${r.stderr}`;
  };

  it('LANG decides when nothing else is set; fr… is French, anything else English', async () => {
    assert.equal(await spoken(FR_ENV), 'fr');
    assert.equal(await spoken(EN_ENV), 'en');
    assert.equal(await spoken({ LANG: 'fr_CA' }), 'fr');
    assert.equal(await spoken({ LANG: 'de_DE.UTF-8' }), 'en');
    assert.equal(await spoken({ LANG: 'C.UTF-8' }), 'en');
    assert.equal(await spoken({}), 'en', 'no language at all');
  });

  it('--lang > MK6_LANG > LC_ALL > LC_MESSAGES > LANG; an empty one is skipped', async () => {
    assert.equal(await spoken(FR_ENV, ['--lang', 'en']), 'en');
    assert.equal(await spoken(EN_ENV, [], ['--lang', 'fr']), 'fr', 'after the command, as --url');
    assert.equal(await spoken(EN_ENV, ['--lang=fr']), 'fr');
    assert.equal(await spoken({ ...EN_ENV, MK6_LANG: 'fr' }), 'fr');
    assert.equal(await spoken({ LC_ALL: 'fr_FR.UTF-8', MK6_LANG: 'en' }), 'en');
    assert.equal(await spoken({ ...EN_ENV, LC_ALL: 'fr_FR.UTF-8' }), 'fr');
    assert.equal(await spoken({ LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' }), 'en');
    assert.equal(await spoken({ ...EN_ENV, LC_MESSAGES: 'fr_FR.UTF-8' }), 'fr');
    assert.equal(await spoken({ ...FR_ENV, MK6_LANG: '' }), 'fr');
    assert.equal(await spoken({ ...FR_ENV, MK6_LANG: 'en' }, ['--lang', 'fr']), 'fr');
  });

  it('every call to the fleet carries Accept-Language: the chosen language', async () => {
    seen.length = 0;
    await runCli(['--url', url, 'status'], FR_ENV);
    await runCli(['--url', url, '--lang', 'en', 'record', 'status'], FR_ENV);
    assert.ok(seen.length >= 2, `${seen.length} calls`);
    assert.deepEqual(seen.slice(0, -1), seen.slice(0, -1).map(() => 'fr'));
    assert.equal(seen.at(-1), 'en');
  });

  it('a bad --lang is a usage error (exit 2), said in the environment language', async () => {
    for (const [lang, env, says] of [['fr', FR_ENV, /--lang: langue inconnue 'de' \(fr\|en\)\nutilisation:/], ['en', EN_ENV, /--lang: unknown language 'de' \(fr\|en\)\nusage:/]] as const) {
      for (const args of [['--lang', 'de', 'status'], ['status', '--lang=de'], ['record', 'status', '--lang', 'de']]) {
        const r = await runCli(['--url', url, ...args], env);
        assert.equal(r.code, 2, r.stderr);
        assertOnly(lang, r, args.join(' '), says);
      }
    }
    const empty = await runCli(['--url', url, 'status', '--lang'], EN_ENV);
    assert.equal(empty.code, 2, empty.stderr);
  });

  it('usage: --help, no command, an unknown command or option, a missing option value', async () => {
    for (const [lang, env] of [['fr', FR_ENV], ['en', EN_ENV]] as const) {
      const fr = lang === 'fr';
      const help = await runCli(['--help'], env);
      assert.equal(help.code, 0);
      assertOnly(lang, help, '--help', fr ? /^utilisation: mk6-fleet/ : /^usage: mk6-fleet/);
      const cases: [string[], RegExp, RegExp][] = [
        [[], /commande manquante/, /missing command/],
        [['fly'], /commande inconnue: 'fly'/, /unknown command: 'fly'/],
        [['--nope', 'status'], /option inconnue: '--nope'/, /unknown option: '--nope'/],
        [['status', '--reset'], /option inconnue: '--reset'/, /unknown option: '--reset'/],
        [['record', 'status', '--kind', 'cold'], /option inconnue: '--kind'/, /unknown option: '--kind'/],
        [['status', '--url'], /--url: valeur manquante/, /--url: a value missing/],
      ];
      for (const [args, frSays, enSays] of cases) {
        const r = await runCli(args, { ...env, MK6_FLEET_URL: url });
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
        assertOnly(lang, r, args.join(' ') || '(nothing)', fr ? frSays : enSays);
      }
    }
  });

  it("wait reads each form of /readyz's states, and a form it does not know is printed as it came", () => {
    assert.deepEqual(readyState('ready'), { is: 'ready' });
    assert.deepEqual(readyState('stopped (kill)'), { is: 'stopped-kill' });
    assert.deepEqual(readyState('clock differs from the fleet'), { is: 'clock-differs' });
    assert.deepEqual(readyState('errored: spawn failed'), { is: 'errored', problem: 'spawn failed' });
    assert.deepEqual(readyState('not answering on port 9102'), { is: 'not-answering', port: '9102' });
    assert.deepEqual(readyState('port 9102 held by pid 12, pm2 runs pid 13'), { is: 'port-held', port: '9102', pid: '12', pm2Pid: '13' });
    assert.deepEqual(readyState('mode production, fleet mock'), { is: 'mode', mode: 'production', fleet: 'mock' });
    assert.deepEqual(readyState('outage blackhole (kill)'), { is: 'outage', kind: 'blackhole' });
    assert.deepEqual(readyState('warming up'), { is: 'other', text: 'warming up' });
  });
});

describe("the language of npm start's console lines", () => {
  it('--lang > MK6_LANG > LC_ALL > LC_MESSAGES > LANG, as the CLI', () => {
    assert.equal(optionsFrom([], { LANG: 'fr_FR.UTF-8' }).lang, 'fr');
    assert.equal(optionsFrom([], { LANG: 'en_US.UTF-8' }).lang, 'en');
    assert.equal(optionsFrom([], { LANG: 'en_US.UTF-8', MK6_LANG: 'fr' }).lang, 'fr');
    assert.equal(optionsFrom([], { LANG: 'fr_FR.UTF-8', LC_ALL: 'C' }).lang, 'en');
    assert.equal(optionsFrom(['--lang', 'en'], { MK6_LANG: 'fr' }).lang, 'en');
  });

  it('its own errors in that language; a bad --lang refused', () => {
    assert.throws(() => optionsFrom(['--mode', 'turbo'], { LANG: 'fr_FR.UTF-8' }), { message: "--mode invalide: 'turbo' (mock|production)" });
    assert.throws(() => optionsFrom(['--mode', 'turbo'], { LANG: 'en_US.UTF-8' }), { message: "invalid --mode: 'turbo' (mock|production)" });
    assert.throws(() => optionsFrom(['--port', 'x', '--lang', 'en'], { LANG: 'fr_FR.UTF-8' }), { message: 'invalid --port: x' });
    assert.throws(() => optionsFrom(['--lang', 'de'], { LANG: 'fr_FR.UTF-8' }), { message: "--lang invalide: 'de' (fr|en)" });
  });
});
