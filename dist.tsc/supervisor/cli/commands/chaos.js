/**
 * `chaos --seed N [--from HH:MM --to HH:MM] [--date D] [--faults K,…] [--targets one|minority|all]
 * [--intensity low|medium|high] [--fleet FILE] [--out FILE]`: a seeded chaos day on the fleet
 * file's MK6s and sites, written as a timeline file (stdout without --out). No fleet needed.
 * `chaos narrow DAY.yaml --verdict VERDICT.json [--out FILE]`: the day with only the faults
 * the verdict's failing checks name (docs/chaos.md says what that promises).
 */
import { writeFileSync } from 'node:fs';
import { loadFleetFile, FleetFileError } from '../../../src/config/fleet-file.js';
import { TimelineError } from '../../../src/config/timeline-file.js';
import { ChaosError, chaosOptions, generateChaos } from '../../../src/chaos/generate.js';
import { narrowDay } from '../../../src/chaos/narrow.js';
import { chaosSay } from '../../../src/i18n/chaos-messages.js';
import { readText, UsageError } from '../context.js';
import { tokensNotNeeded } from '../fleet-url.js';
/** The options `chaos` takes besides the common ones. */
export const CHAOS_OPTIONS = Object.fromEntries(['seed', 'from', 'to', 'date', 'faults', 'targets', 'intensity', 'fleet', 'out', 'verdict'].map((name) => [name, { type: 'string' }]));
export const chaos = async (args, o) => {
    const flags = (o.flags ?? {});
    const lang = o.lang;
    const say = chaosSay(lang);
    if (args[0] === 'narrow')
        return narrow(args.slice(1), flags, o);
    if (args.length)
        throw new UsageError(say.unknownArgs(args.join(' ')));
    if (flags.seed === undefined)
        throw new UsageError(say.seedMissing);
    const env = o.env ?? process.env;
    const file = flags.fleet ?? env.MK6_FLEET ?? env.MOCK_MK6_CONFIG_PATH ?? './fleet.yaml';
    let fleet;
    try {
        fleet = loadFleetFile(file, tokensNotNeeded(env));
    }
    catch (err) {
        if (err instanceof FleetFileError)
            throw new UsageError(err.render(lang));
        throw err;
    }
    try {
        const options = chaosOptions({ ...flags, seed: flags.seed, faults: flags.faults?.split(',').map((s) => s.trim()).filter(Boolean) });
        const day = generateChaos({ name: fleet.name, mk6: fleet.mk6.map((m) => ({ id: m.id, sites: m.sites.map((s) => ({ sycode: s.sycode, pmax_kw: s.pmax_kw })) })) }, options);
        if (!flags.out)
            return void o.io.write(day.text);
        writeFileSync(flags.out, day.text);
        o.io.err(say.written(flags.out, day.events, day.faults.length));
    }
    catch (err) {
        if (err instanceof ChaosError)
            throw new UsageError(err.text(lang));
        throw err;
    }
};
function narrow([file, ...rest], flags, o) {
    const say = chaosSay(o.lang);
    if (!file || rest.length || !flags.verdict)
        throw new UsageError(say.narrowUsage);
    const verdictText = readText(o, flags.verdict);
    let verdict;
    try {
        verdict = JSON.parse(verdictText);
    }
    catch {
        /* refused below */
    }
    if (!verdict || typeof verdict !== 'object' || !Array.isArray(verdict.checks))
        throw new UsageError(say.verdictUnreadable(flags.verdict));
    let out;
    try {
        out = narrowDay(readText(o, file), file, verdict);
    }
    catch (err) {
        if (err instanceof TimelineError)
            throw new UsageError(err.render(o.lang));
        throw err;
    }
    if (out.checks.length === 0)
        o.io.err(say.narrowNothing);
    if (!flags.out)
        return void o.io.write(out.text);
    writeFileSync(flags.out, out.text);
    o.io.err(say.narrowed(flags.out, out.kept, out.of, out.checks.length));
}
