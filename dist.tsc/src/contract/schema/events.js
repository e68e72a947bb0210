/** The fleet's event log (`GET /mock/events`): what the fleet did, on both clocks. */
import { Nullable, ref, StringEnum, Time, Type } from './kit.js';
/** Every kind of action the fleet records, one word each. */
export const EVENT_KINDS = [
    'clock_set', 'clock_release', 'reset', 'mode',
    'kill', 'restart', 'worker_respawned',
    'offline', 'online', 'network_add', 'network_rm',
    'fault_on', 'fault_off', 'site_state', 'constraint_on', 'constraint_off',
    'auth', 'provision', 'timeline_fired', 'plant',
    'clock_skew', 'clock_reset',
];
export const FleetEvent = Type.Object({
    id: Type.Integer({ minimum: 1, description: 'one increasing sequence, in the order the fleet learnt of the action' }),
    sim_time: Time({ description: 'the fleet clock when it happened' }),
    mk6_time: Type.Optional(Time({ description: "the MK6's own clock when it happened, for an MK6 running one (offset, drift)" })),
    wall_time: Time({ description: 'the real time when it happened (milliseconds)' }),
    kind: StringEnum(EVENT_KINDS),
    mk6_id: Nullable(Type.String()),
    details: Type.Record(Type.String(), Type.Unknown(), {
        description: 'what the action was: {kind} of kill/restart, {from, to, speed} of the clock, {sycode, state}, {sycode, source, value_kw, start_time, end_time}, {name, type}, {enabled} (never a token), {old_pid, new_pid}, {index, action, status} of a timeline event, {sycode, dynamics, profile} of a plant, {offset_ms, drift_ppm} of a clock_skew (the MK6\'s clock as set; clock_reset: back to the fleet clock)…',
    }),
}, { $id: 'FleetEvent' });
export const FleetEvents = Type.Array(ref(FleetEvent), { $id: 'FleetEvents' });
