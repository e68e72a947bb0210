/**
 * The bodies of the MK6's writes read into typed commands, at the HTTP edge: the domain
 * receives these, never a raw body. Here, because a command is the contract's body as a
 * value: it is read by the contract's schemas (./schema/), the domain (which imports only
 * from the contract, never from the worker) takes it, and the worker's Koa routes, its fast
 * lane and the route declarations all read bodies through it.
 *
 * The contract checks a body field by field, form and meaning together (DESIGN.md: a
 * setpoint's site is looked up before the setpoint is read, a request found and unlocked
 * before its patch is read). So a field read after a check only the domain can make is a
 * `Read`: its value, or the fault of its form, which the domain raises when it reaches it.
 */
import { Mk6Error, errors } from './errors.js';
import { AuthBody, InjectExternal, NewRequest, RequestPatch, SiteStateBody } from './schema/index.js';
import { Dynamics, Profile as ProfileSchema } from './schema/plant.js';
import { asBody, checked, isAbsent, optional, required } from './schema/validate.js';
import { parseIsoTime } from '../domain/time.js';
import { say } from '../i18n/api-messages.js';
/** The value read, or its fault raised now. */
export function take(read) {
    if ('fault' in read)
        throw read.fault;
    return read.value;
}
/** Reads now; a fault of the contract is kept for later, anything else is a bug and thrown. */
function reading(parse) {
    try {
        return { value: parse() };
    }
    catch (err) {
        if (err instanceof Mk6Error)
            return { fault: err };
        throw err;
    }
}
/** Fields the request model owns; every other field of the body is echoed as an extra. */
const REQUEST_FIELDS = new Set(['set', 'site', 'psetpoint', 'start_time', 'end_time']);
export function extrasOf(body) {
    const extras = {};
    for (const key of Object.keys(body))
        if (!REQUEST_FIELDS.has(key))
            extras[key] = body[key];
    return extras;
}
/** An optional time field of a body: absent (or null) → null. Every body with a window declares both times alike. */
function givenTime(schema, body, field) {
    const text = optional(schema, body, field);
    return text === undefined ? null : { at: parseIsoTime(text), text };
}
export function readSubmit(raw) {
    const body = asBody(raw);
    const set = required(NewRequest, body, 'set');
    if (set === 'main_reset') {
        if (body.confirm !== true)
            throw errors.confirmationRequired();
        return { set, site: optional(NewRequest, body, 'site') ?? null, reason: body.reason ?? null };
    }
    const site = required(NewRequest, body, 'site');
    const window = reading(() => ({ start: givenTime(NewRequest, body, 'start_time'), end: givenTime(NewRequest, body, 'end_time') }));
    const extras = extrasOf(body);
    if (set === 'stop')
        return { set, site, window, extras };
    return { set, site, psetpoint: reading(() => required(NewRequest, body, 'psetpoint')), window, extras };
}
export function readPatch(raw) {
    const body = asBody(raw); // a body that is no object is refused before the request is looked up
    return reading(() => {
        if (!['psetpoint', 'start_time', 'end_time'].some((f) => f in body))
            throw errors.badRequest(say('nothingToChange', 'psetpoint, start_time, end_time'), {});
        const window = reading(() => ({
            ...('start_time' in body ? { start: givenTime(RequestPatch, body, 'start_time') } : {}),
            ...('end_time' in body ? { end: givenTime(RequestPatch, body, 'end_time') } : {}),
        }));
        const extras = extrasOf(body);
        return 'psetpoint' in body ? { psetpoint: reading(() => required(RequestPatch, body, 'psetpoint')), window, extras } : { window, extras };
    });
}
export function readSiteState(raw) {
    return reading(() => required(SiteStateBody, asBody(raw), 'state'));
}
export function readConstraint(raw) {
    return reading(() => {
        const body = asBody(raw);
        const source = required(InjectExternal, body, 'source');
        const value = required(InjectExternal, body, 'value_kw');
        return { source, value_kw: value, start: givenTime(InjectExternal, body, 'start_time'), end: givenTime(InjectExternal, body, 'end_time') };
    });
}
export function readPlant(raw) {
    return reading(() => {
        const body = asBody(raw);
        if (!('dynamics' in body) && !('profile' in body))
            throw errors.badRequest(say('nothingToChange', 'dynamics, profile'), {});
        // null: back to none; else checked by the field's own schema (its wording names the sub-field at fault)
        const settings = {};
        if ('dynamics' in body)
            settings.dynamics = isAbsent(body.dynamics) ? null : checked(Dynamics, body.dynamics, 'dynamics');
        if ('profile' in body)
            settings.profile = isAbsent(body.profile) ? null : checked(ProfileSchema, body.profile, 'profile');
        return settings;
    });
}
export function readAuth(raw) {
    const body = asBody(raw);
    const enabled = body.enabled === undefined ? true : checked(AuthBody.properties.enabled, body.enabled, 'enabled');
    return enabled ? { enabled, token: required(AuthBody, body, 'token') } : { enabled };
}
