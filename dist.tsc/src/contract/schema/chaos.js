/**
 * Chaos days and fault coverage (DESIGN "Chaos days and fault coverage"): the fault kinds a
 * day can exercise, named `family.kind`; the options of a seeded day (`mk6-fleet chaos`,
 * `POST /mock/chaos`); the coverage and the fault candidates a verdict reports.
 */
import { Nullable, SafeId, StringEnum, Time, Type } from './kit.js';
/** Every fault kind coverage counts, in the contract's order. */
export const FAULT_KINDS = [
    'kill.refused', 'kill.blackhole', 'kill.reset',
    'restart.warm', 'restart.cold',
    'offline',
    'network.latency', 'network.timeout', 'network.reset', 'network.error', 'network.slow',
    'site.state', 'site.fault',
    'constraint.deie', 'constraint.scada',
    'auth',
    'clock.skew', 'clock.drift',
];
export const CHAOS_TARGETS = ['one', 'minority', 'all'];
export const CHAOS_INTENSITIES = ['low', 'medium', 'high'];
const HHMM = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
export const ChaosOptionsBody = Type.Object({
    seed: Type.Integer({ minimum: 0, maximum: 4294967295, description: 'draws the fault rates, then the events: the same seed and options give the same day, byte for byte' }),
    from: Type.Optional(Type.String({ pattern: HHMM, default: '08:00', description: 'start of the window of faults (HH:MM, UTC)' })),
    to: Type.Optional(Type.String({ pattern: HHMM, default: '18:00', description: 'end of the window: every fault that starts has ended by then' })),
    date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', default: '2026-03-01', description: 'the simulated day (YYYY-MM-DD)' })),
    faults: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]+(\\.[a-z]+)?$' }), { minItems: 1, maxItems: 40, description: 'fault kinds (`kill.blackhole`) or families (`kill`); default every kind the timeline can play' })),
    targets: Type.Optional(StringEnum(CHAOS_TARGETS, { default: 'minority', description: 'which MK6s take faults: one, a minority (fewer than half, at least one), all' })),
    intensity: Type.Optional(StringEnum(CHAOS_INTENSITIES, { default: 'medium', description: 'how many faults per hour: low ≈ 0.5, medium ≈ 1.5, high ≈ 4 per target (the seed draws around it)' })),
}, { $id: 'ChaosOptions', additionalProperties: false, description: 'a seeded chaos day, generated from the fleet file\'s MK6s and sites; a generated file may be posted as YAML text instead' });
/** Per MK6, per fault kind: how many times the day exercised it (from the event log). */
export const Coverage = Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer({ minimum: 1 })), {
    $id: 'Coverage',
    description: 'per MK6 id, per fault kind (`kill.blackhole`, …): how many times the day exercised it, from the event log since the last reset, in the window',
});
/** A fault in force or just ended before a piece of evidence of a failing check. */
export const FaultCandidate = Type.Object({
    fault: StringEnum(FAULT_KINDS),
    mk6_id: SafeId(),
    from: Time({ description: 'when it started, on the fleet clock' }),
    to: Nullable(Time({ description: 'when it ended (null: still in force)' })),
    event_ids: Type.Array(Type.Integer(), { description: 'its events in GET /mock/events (start, end)' }),
    evidence: Type.Array(Type.Integer(), { description: 'the indices of the check\'s evidence it was in force at, or had ended at most 5 minutes (fleet clock) before' }),
}, { $id: 'FaultCandidate' });
/** What `POST /mock/chaos` answers: the day loaded as the fleet's timeline, and its file. */
export const ChaosLoaded = Type.Object({
    seed: Nullable(Type.Integer({ description: 'the seed it was drawn from (null: a file was posted)' })),
    yaml: Type.String({ description: 'the timeline file, as `mk6-fleet chaos` writes it for the same seed and options' }),
    timeline: Type.Object({ count: Type.Integer(), pending: Type.Optional(Type.Integer()), next_at: Type.Optional(Nullable(Time())) }, { additionalProperties: true, description: 'the loaded timeline, as GET /mock/timeline shows it' }),
}, { $id: 'ChaosLoaded' });
