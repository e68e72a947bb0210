/** The recette: what the fleet did (the event log), its verdict on the gateway, and the gateway's session recorded as HAR. */
import { errors } from '../errors.js';
import * as S from '../schema/index.js';
import { E, FRONT, fleetOp, json, withoutProductionGuard } from './common.js';
import { ROU2 } from './fixtures.js';
import { TAGS } from './kit.js';
import { say } from '../../i18n/api-messages.js';
const problem = 'recette:4 checks[0].max_gap: durée invalide: "2 min" (ex. 30s, 5m, 1h, 1h30m)';
export const RECETTE_ROUTES = [
    {
        ...fleetOp(FRONT, 'get', '/mock/events', 'getEvents', TAGS.fleet, 'The fleet event log: every action on the fleet (clock, reset, mode, kill, restart, respawn, outage, network, fault, site state, constraint, auth, provision, timeline firing) with its simulated and real time', {
            200: json('events, oldest first', S.FleetEvents, (t) => ({
                kill: [{ id: 7, sim_time: t.at(1), wall_time: t.at(1).replace('Z', '.120Z'), kind: 'kill', mk6_id: ROU2, details: { kind: 'blackhole' } }],
            })),
        }, {
            400: ['since_id is not an integer >= 0', errors.badRequest(say('mustBeNonNegativeInteger', 'since_id'), { field: 'since_id' })],
        }),
        query: [{ name: 'since_id', required: false, description: 'only events with id > since_id', schema: { type: 'integer', minimum: 0 }, example: 0 }],
    },
    withoutProductionGuard(fleetOp(FRONT, 'post', '/mock/verdicts', 'postVerdicts', TAGS.fleet, 'The fleet judges the gateway: each check of a recette file (YAML text or JSON) over the journal and the event log since the last reset (reads only; allowed in production mode)', {
        200: {
            ...json('the verdict: each check pass, fail or not_applicable, with its message and evidence (`message` and evidence `what` in the language of Accept-Language; ids, kinds and statuses never change)', S.Verdict),
            headers: { 'Content-Language': 'the language of the messages: `fr` or `en`' },
        },
    }, { 400: ['A bad recette file: every fault as `recette:line path: fault` in details.problems, the fault in the language of Accept-Language', errors.badRequest(say('recetteInvalid', problem, 0), { problems: [problem] })], 413: ['Body over 256 KiB', errors.payloadTooLarge('256 KiB')] }, {
        schema: S.Recette,
        yaml: true,
        examples: (t) => ({
            day: {
                value: {
                    name: 'GW 3.2 on ROUVAI',
                    window: { from: t.at(-12), to: t.at(12) },
                    checks: [
                        { id: 'writes-accepted', kind: 'no_errors', methods: ['POST', 'PATCH', 'DELETE'] },
                        { id: 'cadence', kind: 'polls', path: '*/monitoring*', max_gap: '2m', mk6: [ROU2] },
                        { id: 'backoff', kind: 'max_rate_while_down', per_minute: 6 },
                    ],
                },
            },
        }),
    })),
    // ── recording the gateway's session (HAR 1.2, full bodies, beyond the journal's 1000) ──
    fleetOp(FRONT, 'get', '/mock/recording', 'getRecording', TAGS.fleet, 'The recording: on or off, its file, how many gateway calls it holds, its size and cap', {
        200: json('the recording', S.RecordingView),
    }),
    fleetOp(FRONT, 'post', '/mock/recording', 'setRecording', TAGS.fleet, 'Start (`on: true`, optional `name`) or stop (`on: false`) recording every gateway call with its full bodies to <state-dir>/recordings/<name>.har (64 MiB at most; a name used before starts afresh)', { 200: json('the recording', S.RecordingView) }, { 442: ['on is absent', E.missing('on')] }, { schema: S.RecordingBody, examples: { start: { value: { on: true, name: 'field-day' } }, stop: { value: { on: false } } } }),
    fleetOp(FRONT, 'get', '/mock/recordings/{recording}', 'getRecordingFile', TAGS.fleet, 'A recording as HAR 1.2 (the one in progress too): replay it with `mk6-fleet replay FILE.har --url BASE`', { 200: json('HAR 1.2', S.Har) }, {
        400: ['name is not a safe id', errors.badRequest(say('safeIdInvalid', 'name'), { field: 'name' })],
        404: ['No such recording', errors.notFound(say('unknownRecording', 'x'))],
    }),
];
