/** The MK6 gateway API: what the gateway calls, under `/api/v1/mk6/{mk6_id}`. */
import { errors } from '../errors.js';
import * as S from '../schema/index.js';
import { API, E, json, mk6Op } from './common.js';
import { PDL10, PDL5, PDL5_VIEW, PDL8, ROU2_MONITORING, req001 } from './fixtures.js';
import { say } from '../../i18n/api-messages.js';
const outOfRange = E.invalid(say('psetpointOutOfRange', 11120, 12000), { max: 11120, site: PDL10 });
export const MK6_API_ROUTES = [
    mk6Op('get', `${API}/monitoring`, 'getMonitoring', 'Topology and state of every site', { 200: json('thissite, nearsites and their state', S.Monitoring, { ROU2: ROU2_MONITORING }) }),
    mk6Op('get', `${API}/monitoring/sites`, 'getSites', 'Every site, in full', { 200: json('SiteView by sycode', S.SiteViews) }),
    mk6Op('get', `${API}/monitoring/sites/{sycode}`, 'getSite', 'One site', { 200: json('the site', S.SiteView, { PDL5: PDL5_VIEW }) }, { 404: ['Unknown site', E.site] }),
    mk6Op('get', `${API}/monitoring/planning`, 'getPlanningBySite', 'Planning grouped by site', { 200: json('scheduled and active requests by sycode', S.PlanningBySite) }),
    mk6Op('post', `${API}/requests`, 'postRequest', 'Send a setpoint (Psetpoint), a stop, or a main_reset', {
        200: json('main_reset done: scheduled requests deleted, active ones kept', S.MainResetResult, { main_reset: { deleted_count: 0, kept_count: 0, reason: 'nettoyage PDL8' } }),
        201: json('the new request', S.Request, (t) => ({ psetpoint: req001(t) })),
    }, {
        400: ['Invalid set, non-numeric psetpoint, unparseable time', errors.badRequest(say('fieldInvalidValue', 'set', "'invalid'"), { field: 'set', allowed: [...S.SET_VALUES] }), errors.badRequest(say('mustBeNumber', 'psetpoint'), { field: 'psetpoint' })],
        404: ['Unknown site', E.site],
        422: ['end_time <= start_time', E.timeRange],
        441: ['psetpoint out of 0..pmax of the site', outOfRange],
        442: ['A required field is absent (set first, then site, then psetpoint)', E.missing('set'), E.missing('site'), E.missing('psetpoint')],
        443: ['main_reset without "confirm": true', errors.confirmationRequired()],
        503: ['The site is in state 0', E.notAccessible],
    }, {
        schema: S.NewRequest,
        // Each example's own status: a main_reset answers 200 (MainResetResult), a new request 201 (Request).
        examples: (t) => ({
            psetpoint: { status: 201, value: { set: 'Psetpoint', site: PDL10, psetpoint: 5000, start_time: t.at(2), end_time: t.at(8) } },
            stop_by_name: { status: 201, value: { set: 'stop', site: 'ROU2 PDL10', start_time: t.at(9), end_time: t.at(10) } },
            with_extra: { status: 201, value: { set: 'Psetpoint', site: PDL5, psetpoint: 3000, start_time: t.at(2), end_time: t.at(8), preset: 'none' } },
            main_reset: { status: 200, value: { set: 'main_reset', site: PDL8, confirm: true, reason: 'nettoyage PDL8' } },
        }),
    }),
    mk6Op('get', `${API}/planning`, 'getPlanning', 'Scheduled and active requests, by start time', { 200: json('the planning', S.Planning) }),
    mk6Op('get', `${API}/planning/{request_id}`, 'getRequest', 'One request, whatever its state', { 200: json('the request', S.Request, (t) => ({ REQ_001: req001(t) })) }, {
        405: ['Unknown request (the seed answers 405 REQUEST_NOT_FOUND, kept on purpose)', E.requestNotFound],
    }),
    mk6Op('patch', `${API}/planning/{request_id}`, 'patchRequest', 'Change psetpoint, start or end of a scheduled request', { 200: json('the changed request', S.Request) }, {
        405: ['Unknown request', E.requestNotFound],
        409: ['The request is active, expired or deleted', E.locked],
        422: ['end_time <= start_time', E.timeRange],
        441: ['psetpoint out of 0..pmax of the site', outOfRange],
        503: ['The site is in state 0', E.notAccessible],
    }, { schema: S.RequestPatch, examples: { psetpoint: { value: { psetpoint: 6000 } } } }),
    mk6Op('delete', `${API}/planning/{request_id}`, 'deleteRequest', 'Delete a scheduled or active request (deleting the active one returns the site to Pmax)', { 200: json('the deleted request (state deleted)', S.Request) }, {
        405: ['Unknown request', E.requestNotFound],
        409: ['The request is expired or deleted', errors.requestLocked('REQ-001', 'deleted')],
    }),
];
