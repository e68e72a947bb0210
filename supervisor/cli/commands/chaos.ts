/**
 * `chaos --seed N [--from HH:MM --to HH:MM] [--date D] [--faults K,…] [--targets one|minority|all]
 * [--intensity low|medium|high] [--fleet FILE] [--out FILE]`: a seeded chaos day on the fleet
 * file's MK6s and sites, written as a timeline file (stdout without --out). No fleet needed.
 * `chaos narrow DAY.yaml --verdict VERDICT.json [--out FILE]`: the day with only the faults
 * the verdict's failing checks name (docs/chaos.md says what that promises).
 */
import { writeFileSync } from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { loadFleetFile, FleetFileError } from '../../../src/config/fleet-file.js';
import { TimelineError } from '../../../src/config/timeline-file.js';
import { ChaosError, chaosOptions, generateChaos } from '../../../src/chaos/generate.js';
import { narrowDay, type VerdictLike } from '../../../src/chaos/narrow.js';
import { chaosSay } from '../../../src/i18n/chaos-messages.js';
import { langFromEnvironment, type Lang } from '../../../src/i18n/lang.js';
import { readText, UsageError, type Command } from '../context.js';
import { tokensNotNeeded } from '../fleet-url.js';

/** The options `chaos` takes besides the common ones. */
export const CHAOS_OPTIONS: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
  ['seed', 'from', 'to', 'date', 'faults', 'targets', 'intensity', 'fleet', 'out', 'verdict'].map((name) => [name, { type: 'string' as const }]),
);

export const chaos: Command = async (args, o) => {
  const flags = (o.flags ?? {}) as Record<string, string | undefined>;
  const lang: Lang = (o as { lang?: Lang }).lang ?? langFromEnvironment(undefined);
  const say = chaosSay(lang);
  if (args[0] === 'narrow') return narrow(args.slice(1), flags, lang);
  if (args.length) throw new UsageError(`chaos: ${args.join(' ')}?`);
  if (flags.seed === undefined) throw new UsageError('chaos --seed N');
  const file = flags.fleet ?? process.env.MK6_FLEET ?? process.env.MOCK_MK6_CONFIG_PATH ?? './fleet.yaml';
  let fleet;
  try {
    fleet = loadFleetFile(file, tokensNotNeeded(process.env));
  } catch (err) {
    if (err instanceof FleetFileError) throw new UsageError(err.message);
    throw err;
  }
  try {
    const options = chaosOptions({ ...flags, seed: flags.seed, faults: flags.faults?.split(',').map((s) => s.trim()).filter(Boolean) });
    const day = generateChaos({ name: fleet.name, mk6: fleet.mk6.map((m) => ({ id: m.id, sites: m.sites.map((s) => ({ sycode: s.sycode, pmax_kw: s.pmax_kw })) })) }, options);
    if (!flags.out) return void process.stdout.write(day.text);
    writeFileSync(flags.out, day.text);
    console.error(say.written(flags.out, day.events, day.faults.length));
  } catch (err) {
    if (err instanceof ChaosError) throw new UsageError(err.text(lang));
    throw err;
  }
};

function narrow([file, ...rest]: string[], flags: Record<string, string | undefined>, lang: Lang): number | void {
  const say = chaosSay(lang);
  if (!file || rest.length || !flags.verdict) throw new UsageError('chaos narrow DAY.yaml --verdict VERDICT.json [--out FILE]');
  let verdict: VerdictLike;
  try {
    verdict = JSON.parse(readText(flags.verdict)) as VerdictLike;
    if (!verdict || typeof verdict !== 'object' || !Array.isArray(verdict.checks)) throw new Error('no checks');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(say.verdictUnreadable(flags.verdict));
  }
  let out;
  try {
    out = narrowDay(readText(file), file, verdict);
  } catch (err) {
    if (err instanceof TimelineError) throw new UsageError(err.problems.join('\n  '));
    throw err;
  }
  if (out.checks.length === 0) console.error(say.narrowNothing);
  if (!flags.out) return void process.stdout.write(out.text);
  writeFileSync(flags.out, out.text);
  console.error(say.narrowed(flags.out, out.kept, out.of, out.checks.length));
}
