import { Nullable, ref, SafeId, StringEnum, Time, Type } from './kit.js';
import { DURATION_PATTERN } from '../duration.js';
import { Coverage, FAULT_KINDS, FaultCandidate } from './chaos.js';
export { DURATION_PATTERN };
/** `30s`, `5m`, `1h`, `1h30m`, `1d`, `500ms` (src/contract/duration.ts, no bare number): measured on the fleet clock. */
export const Duration = Type.String({ pattern: DURATION_PATTERN, description: 'a duration on the fleet clock: 30s, 5m, 1h, 1h30m' });
export const RECETTE_METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
const CoverageRequire = Type.Array(StringEnum(FAULT_KINDS), { minItems: 1, uniqueItems: true, description: 'fault kinds the day must exercise' });
const common = {
    id: SafeId({ description: 'names the check in the verdict (and the JUnit testcase)' }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    mk6: Type.Optional(Type.Array(SafeId(), { minItems: 1, description: 'the MK6s it looks at (default: every MK6)' })),
};
const check = (kind, fields, description) => Type.Object({ ...common, kind: Type.Literal(kind), ...fields }, { additionalProperties: false, description });
/** Each kind of check with its own parameters. */
export const CHECKS = {
    no_errors: check('no_errors', {
        methods: Type.Optional(Type.Array(StringEnum(RECETTE_METHODS), { minItems: 1 })),
        path: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'glob on the path, `*` any characters' })),
    }, 'every gateway call (of these methods, on this path) answered below 400; answers of an MK6 that was down (444, 5xx) are not the gateway\'s doing'),
    polls: check('polls', {
        max_gap: Duration,
        path: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'glob on the path (default `*/monitoring*`)' })),
    }, 'the gateway polls each MK6 at least every max_gap while it is up (time it was down, and clock steps longer than max_gap, are not counted)'),
    resends_after_restart: check('resends_after_restart', { within: Duration }, 'after a cold restart (power cut) the gateway re-sends, within `within`, each setpoint the MK6 lost'),
    max_rate_while_down: check('max_rate_while_down', { per_minute: Type.Number({ exclusiveMinimum: 0 }) }, 'at most per_minute calls within any minute (on the fleet clock and in real time) to an MK6 that is down (killed, blackholed, offline)'),
    setpoints_within_limits: check('setpoints_within_limits', {}, 'no setpoint above the site\'s pmax, nor above a DEIE/SCADA constraint known when it was sent and in force during its window'),
    no_duplicate_setpoints: check('no_duplicate_setpoints', {}, 'no setpoint accepted twice while the first is still in the planning'),
    authenticated: check('authenticated', {}, 'no call refused 401 (token missing or wrong) on an MK6 with auth on'),
    coverage: check('coverage', { require: CoverageRequire }, 'the day exercised each required fault kind at least once (on an MK6 in scope), from the event log'),
};
export const CHECK_KINDS = Object.keys(CHECKS);
export const RecetteWindow = Type.Object({ from: Type.Optional(Time()), to: Type.Optional(Time()) }, { additionalProperties: false, description: 'on the fleet clock; default: everything since the last reset' });
export const Recette = Type.Object({
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    window: Type.Optional(RecetteWindow),
    checks: Type.Array(Type.Union(Object.values(CHECKS)), { minItems: 1, maxItems: 200 }),
    coverage: Type.Optional(Type.Object({ require: CoverageRequire, mk6: common.mk6 }, { additionalProperties: false, description: 'a check `coverage` (id `coverage`) failing when a required kind was not exercised' })),
}, { $id: 'Recette', additionalProperties: false, description: 'a recette file; also accepted as YAML text' });
export const CHECK_STATUSES = ['pass', 'fail', 'not_applicable'];
export const Evidence = Type.Object({
    what: Type.String({ description: 'what this piece of evidence shows' }),
    mk6_id: Type.Optional(Type.String()),
    journal_id: Type.Optional(Type.Integer({ description: 'an entry of GET /api/v1/debug/requests' })),
    event_id: Type.Optional(Type.Integer({ description: 'an event of GET /mock/events' })),
    sim_time: Type.Optional(Time()),
    wall_time: Type.Optional(Time()),
}, { $id: 'Evidence' });
export const CheckVerdict = Type.Object({
    id: Type.String(),
    kind: StringEnum(CHECK_KINDS),
    status: StringEnum(CHECK_STATUSES),
    message: Type.String(),
    evidence: Type.Array(ref(Evidence), { description: 'at most 50 items' }),
    candidates: Type.Optional(Type.Array(ref(FaultCandidate), { description: 'of a failing check: the faults in force, or ended at most 5 minutes (fleet clock) before, at its evidence; what `mk6-fleet chaos narrow` keeps' })),
}, { $id: 'CheckVerdict' });
export const Verdict = Type.Object({
    name: Type.String(),
    passed: Type.Integer(),
    failed: Type.Integer(),
    not_applicable: Type.Integer(),
    window: Type.Object({ from: Nullable(Time()), to: Nullable(Time()) }),
    journal: Type.Object({ entries: Type.Integer(), first_id: Nullable(Type.Integer()), last_id: Nullable(Type.Integer()) }),
    events: Type.Integer(),
    evaluated_at: Time(),
    duration_ms: Type.Number(),
    checks: Type.Array(ref(CheckVerdict)),
    coverage: Type.Optional(ref(Coverage)),
}, { $id: 'Verdict' });
