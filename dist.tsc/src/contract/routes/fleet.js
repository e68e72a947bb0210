/** The fleet-wide controls (the clock, the mode, the reset), the processes (kill, restart, the live stream) and the timeline. */
import { errors } from '../errors.js';
import * as S from '../schema/index.js';
import { BOTH, E, FRONT, fleetOp, json, MOCK, withoutProductionGuard } from './common.js';
import { TAGS } from './kit.js';
import { say, apiMessages } from '../../i18n/api-messages.js';
/** The clock first: every example after it lives on the clock its `freeze` example sets. */
export const CLOCK_ROUTES = [
    fleetOp(BOTH, 'get', '/supervision/api/time', 'getTime', TAGS.clock, 'The fleet clock', {
        200: json('now and its source', S.Clock, (t) => ({ system: { now: t.at(0), source: 'system' }, mock: { now: t.at(0), source: 'mock', frozen: true } })),
    }),
    fleetOp(BOTH, 'post', '/mock/time', 'setTime', TAGS.clock, 'Freeze the fleet clock at `now` (or run it `speed` times real time from there)', { 200: json('the echo', S.SetTimeResult, (t) => ({ freeze: { now: t.at(0).replace('Z', '+00:00') } })) }, { 441: ['speed out of 0..100000', E.invalid(say('speedInvalid', 100_000), { field: 'speed', min: 0, max: 100_000 })], 442: ['now is absent', E.missing('now')] }, { schema: S.SetTime, examples: (t) => ({ run_x60: { value: { now: t.at(-1), speed: 60 } }, freeze: { value: { now: t.at(0) } } }) }),
];
export const FLEET_CONTROL_ROUTES = [
    fleetOp(BOTH, 'post', '/mock/time/release', 'releaseTime', TAGS.clock, 'Back to real time', {
        200: json('released', S.ReleaseResult, { released: { message: apiMessages.fr.clockReleased, now: null } }),
    }),
    fleetOp(BOTH, 'get', '/supervision/api/mode', 'getMode', TAGS.clock, 'mock or production', { 200: json('the mode', S.ModeView) }),
    withoutProductionGuard(fleetOp(BOTH, 'post', '/supervision/mode', 'setMode', TAGS.clock, 'production: every write (but this one) answers 403 and the clock is released', { 200: json('the mode', S.ModeResult) }, { 400: ['Unknown mode', errors.badRequest(say('fieldInvalidAmong', 'mode', "'x'", 'mock|production'), { field: 'mode' })], 442: ['mode is absent', E.missing('mode')] }, { schema: S.ModeBody, examples: { mock: { value: { mode: 'mock' } } } })),
    fleetOp(BOTH, 'post', '/mock/reset', 'reset', TAGS.clock, 'Back to the fleet file: no requests, states 2, no faults, constraints or auth; added MK6s removed; clock released; journal cleared', {
        200: json('reset', S.ResetResult),
    }),
];
export const PROCESS_ROUTES = [
    {
        ...fleetOp(FRONT, 'get', '/mock/stream', 'getStream', TAGS.fleet, 'The fleet live (Server-Sent Events): `event: fleet` for each entry of the event log (id: its id), `event: telemetry` for each MK6 whose sites changed ({mk6_id, sim_time, sites: {SYC: {pavailable, pactive, consigne, state}}}) at the rate the client picks. A client that does not read (256 KiB unread) is dropped; at most 64 clients.', {
            200: { description: 'text/event-stream, until the client leaves (or `limit` events)', type: 'text/event-stream' },
        }, {
            400: ['A query value that is not an integer', errors.badRequest(say('mustBeNonNegativeInteger', 'interval_ms'), { field: 'interval_ms' })],
            441: ['interval_ms out of 100..60000, an unknown type', E.invalid(say('intervalOutOfRange', 100, 60_000, 5), { field: 'interval_ms', min: 100, max: 60_000 })],
            503: ['64 clients already', errors.streamFull(64, 5)],
        }),
        query: [
            { name: 'interval_ms', required: false, description: 'how often the stream looks (100..60000, default 1000)', schema: { type: 'integer', minimum: 100, maximum: 60_000 }, example: 100 },
            { name: 'types', required: false, description: 'fleet, telemetry, or both (default)', schema: { type: 'string' }, example: 'fleet,telemetry' },
            { name: 'since_id', required: false, description: 'fleet events after this id first (also Last-Event-ID); default: only new ones', schema: { type: 'integer', minimum: 0 } },
            { name: 'limit', required: false, description: 'end the stream after this many events (0: never)', schema: { type: 'integer', minimum: 0 }, example: 1 },
        ],
    },
    fleetOp(FRONT, 'post', `${MOCK}/kill`, 'killMk6', TAGS.fleet, 'Hard outage: stop the process (its port refuses connections; the proxy answers 502), or make it hang (blackhole: the proxy answers 504) or reset connections', { 200: json('stopped', S.KillResult) }, { 404: ['Unknown MK6', E.mk6], 441: ['Unknown kind', E.invalid(say('fieldInvalidAmong', 'kind', '"x"', S.KILL_KINDS.join('|')), { field: 'kind', allowed: [...S.KILL_KINDS] })] }, { schema: S.KillBody, examples: { refused: { value: {} } }, required: false }),
    fleetOp(FRONT, 'post', `${MOCK}/restart`, 'restartMk6', TAGS.fleet, 'Start the process again, with the state it had (cold: a power cut, the planning is lost)', { 200: json('running', S.RestartResult) }, { 404: ['Unknown MK6', E.mk6], 441: ['Unknown kind', E.invalid(say('fieldInvalidAmong', 'kind', '"x"', S.RESTART_KINDS.join('|')), { field: 'kind', allowed: [...S.RESTART_KINDS] })] }, { schema: S.RestartBody, examples: { warm: { value: {} } }, required: false }),
];
export const TIMELINE_ROUTES = [
    fleetOp(FRONT, 'get', '/mock/timeline', 'getTimeline', TAGS.fleet, 'The timeline of events on the fleet clock, with what fired', { 200: json('the timeline', S.Timeline) }),
    fleetOp(FRONT, 'post', '/mock/timeline', 'loadTimeline', TAGS.fleet, 'Load a timeline (replaces the current one): events fire when the fleet clock reaches them', { 200: json('the timeline', S.Timeline) }, { 413: ['Body over 256 KiB', errors.payloadTooLarge('256 KiB')] }, {
        schema: S.TimelineBody,
        yaml: true,
        examples: (t) => ({ constraint: { value: { timeline: [{ at: t.at(1), action: 'constraint_on', mk6: 'VAI', sycode: '8FV897G6wGQ0', value_kw: 3000 }] } } }),
    }),
    fleetOp(FRONT, 'delete', '/mock/timeline', 'clearTimeline', TAGS.fleet, 'Clear the timeline', { 200: json('the empty timeline', S.Timeline) }),
];
