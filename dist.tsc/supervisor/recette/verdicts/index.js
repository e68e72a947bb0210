import { formatIso } from '../../../src/domain/time.js';
import { authenticated } from './authenticated.js';
import { maxRateWhileDown } from './max-rate-while-down.js';
import { noDuplicateSetpoints } from './no-duplicate-setpoints.js';
import { noErrors } from './no-errors.js';
import { polls } from './polls.js';
import { resendsAfterRestart } from './resends-after-restart.js';
import { prepare } from './run.js';
import { setpointsWithinLimits } from './setpoints-within-limits.js';
import { candidatesFor, coverageCheck, coverageOf, runFaults } from '../coverage.js';
const CHECKERS = {
    no_errors: noErrors,
    polls,
    resends_after_restart: resendsAfterRestart,
    max_rate_while_down: maxRateWhileDown,
    setpoints_within_limits: setpointsWithinLimits,
    no_duplicate_setpoints: noDuplicateSetpoints,
    authenticated,
    coverage: coverageCheck,
};
/** `lang`: the language of the messages (a person's text); ids, kinds, statuses and fields never change. */
export function evaluate(recette, input, lang) {
    const started = performance.now();
    const run = prepare({ ...input, window: recette.window }, lang);
    const faults = runFaults(run); // coverage, and the faults a failing check names (../coverage.ts)
    const checks = recette.checks.map((def) => {
        let result;
        try {
            result = CHECKERS[def.kind](def, run);
        }
        catch (err) {
            result = { status: 'fail', message: run.say.couldNotEvaluate(err.message), evidence: [] };
        }
        return { id: def.id, kind: def.kind, ...result, ...(result.status === 'fail' ? { candidates: candidatesFor(result.evidence, faults) } : {}) };
    });
    const ids = input.journal.map((e) => e.id);
    return {
        name: recette.name,
        passed: checks.filter((c) => c.status === 'pass').length,
        failed: checks.filter((c) => c.status === 'fail').length,
        not_applicable: checks.filter((c) => c.status === 'not_applicable').length,
        window: { from: recette.window.from === null ? null : formatIso(recette.window.from), to: recette.window.to === null ? null : formatIso(recette.window.to) },
        journal: { entries: ids.length, first_id: ids.length ? Math.min(...ids) : null, last_id: ids.length ? Math.max(...ids) : null },
        events: run.events.length,
        evaluated_at: formatIso(input.now.sim),
        duration_ms: Math.round((performance.now() - started) * 1000) / 1000,
        checks,
        coverage: coverageOf(run, faults),
    };
}
