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
import { AuthBody, InjectExternal, NewRequest, RequestPatch, SiteStateBody, type ExternalConstraint } from './schema/index.js';
import { Dynamics, Profile as ProfileSchema, type DynamicsDef, type ProfileDef } from './schema/plant.js';
import type { Static } from './schema/kit.js';
import type { SiteStateValue as SiteStateSchema } from './schema/kit.js';
import { asBody, checked, isAbsent, optional, required, type Body } from './schema/validate.js';
import { parseIsoTime } from '../domain/time.js';
import { say } from '../i18n/api-messages.js';

/** What the edge read of a field: its value, or the contract's error for its form. */
export type Read<T> = { readonly value: T } | { readonly fault: Mk6Error };

/** The value read, or its fault raised now. */
export function take<T>(read: Read<T>): T {
  if ('fault' in read) throw read.fault;
  return read.value;
}

/** Reads now; a fault of the contract is kept for later, anything else is a bug and thrown. */
function reading<T>(parse: () => T): Read<T> {
  try {
    return { value: parse() };
  } catch (err) {
    if (err instanceof Mk6Error) return { fault: err };
    throw err;
  }
}

/** A time as the body gave it: the instant, and its text (the 422's details echo it). */
export interface GivenTime {
  at: number;
  text: string;
}
/** A window as given: a bound absent (or null) is null. */
export interface GivenWindow {
  start: GivenTime | null;
  end: GivenTime | null;
}
/** Unknown fields of a request's body (e.g. `reason`, `preset`), echoed back. */
export type Extras = Record<string, unknown>;

export interface SubmitPsetpoint {
  set: 'Psetpoint';
  /** Sycode or site name. */
  site: string;
  psetpoint: Read<number>;
  window: Read<GivenWindow>;
  extras: Extras;
}
export interface SubmitStop {
  set: 'stop';
  site: string;
  window: Read<GivenWindow>;
  extras: Extras;
}
export interface MainReset {
  set: 'main_reset';
  /** One site's scheduled requests only (sycode or name), else the whole MK6's. */
  site: string | null;
  reason: unknown;
}
/** `POST requests`, by its `set`. */
export type SubmitCommand = SubmitPsetpoint | SubmitStop | MainReset;

/** `PATCH planning/{req}`: read once the request is found, unlocked and its site accessible. */
export type PatchRequest = Read<PatchFields>;
export interface PatchFields {
  /** Absent: unchanged. */
  psetpoint?: Read<number>;
  /** A bound absent from the body is undefined (unchanged); given null, start is now and end open. */
  window: Read<Partial<GivenWindow>>;
  extras: Extras;
}

/** `POST …/sites/{sycode}/inject_external`, read once the site is found. */
export type InjectConstraint = Read<{ source: Static<typeof ExternalConstraint>['source']; value_kw: number } & GivenWindow>;
/** `POST …/site-state/{sycode}`, read once the site is found. */
export type SetSiteState = Read<Static<typeof SiteStateSchema>>;
/** `POST …/sites/{sycode}/plant`, read once the site is found: a field absent is unchanged, null is back to none. */
export type SetPlant = Read<{ dynamics?: DynamicsDef | null; profile?: ProfileDef | null }>;
export type SetAuth = { enabled: true; token: string } | { enabled: false };

/** Fields the request model owns; every other field of the body is echoed as an extra. */
const REQUEST_FIELDS = new Set(['set', 'site', 'psetpoint', 'start_time', 'end_time']);

export function extrasOf(body: Body): Extras {
  const extras: Extras = {};
  for (const key of Object.keys(body)) if (!REQUEST_FIELDS.has(key)) extras[key] = body[key];
  return extras;
}

/** An optional time field of a body: absent (or null) → null. Every body with a window declares both times alike. */
function givenTime(schema: typeof NewRequest | typeof RequestPatch | typeof InjectExternal, body: Body, field: 'start_time' | 'end_time'): GivenTime | null {
  const text = optional(schema as typeof NewRequest, body, field);
  return text === undefined ? null : { at: parseIsoTime(text) as number, text };
}

export function readSubmit(raw: unknown): SubmitCommand {
  const body = asBody(raw);
  const set = required(NewRequest, body, 'set');
  if (set === 'main_reset') {
    if (body.confirm !== true) throw errors.confirmationRequired();
    return { set, site: optional(NewRequest, body, 'site') ?? null, reason: body.reason ?? null };
  }
  const site = required(NewRequest, body, 'site');
  const window = reading(() => ({ start: givenTime(NewRequest, body, 'start_time'), end: givenTime(NewRequest, body, 'end_time') }));
  const extras = extrasOf(body);
  if (set === 'stop') return { set, site, window, extras };
  return { set, site, psetpoint: reading(() => required(NewRequest, body, 'psetpoint')), window, extras };
}

export function readPatch(raw: unknown): PatchRequest {
  const body = asBody(raw); // a body that is no object is refused before the request is looked up
  return reading(() => {
    if (!['psetpoint', 'start_time', 'end_time'].some((f) => f in body)) throw errors.badRequest(say('nothingToChange', 'psetpoint, start_time, end_time'), {});
    const window = reading(() => ({
      ...('start_time' in body ? { start: givenTime(RequestPatch, body, 'start_time') } : {}),
      ...('end_time' in body ? { end: givenTime(RequestPatch, body, 'end_time') } : {}),
    }));
    const extras = extrasOf(body);
    return 'psetpoint' in body ? { psetpoint: reading(() => required(RequestPatch, body, 'psetpoint')), window, extras } : { window, extras };
  });
}

export function readSiteState(raw: unknown): SetSiteState {
  return reading(() => required(SiteStateBody, asBody(raw), 'state'));
}

export function readConstraint(raw: unknown): InjectConstraint {
  return reading(() => {
    const body = asBody(raw);
    const source = required(InjectExternal, body, 'source');
    const value = required(InjectExternal, body, 'value_kw');
    return { source, value_kw: value, start: givenTime(InjectExternal, body, 'start_time'), end: givenTime(InjectExternal, body, 'end_time') };
  });
}

export function readPlant(raw: unknown): SetPlant {
  return reading(() => {
    const body = asBody(raw);
    if (!('dynamics' in body) && !('profile' in body)) throw errors.badRequest(say('nothingToChange', 'dynamics, profile'), {});
    // null: back to none; else checked by the field's own schema (its wording names the sub-field at fault)
    const settings: { dynamics?: DynamicsDef | null; profile?: ProfileDef | null } = {};
    if ('dynamics' in body) settings.dynamics = isAbsent(body.dynamics) ? null : (checked(Dynamics, body.dynamics, 'dynamics') as DynamicsDef);
    if ('profile' in body) settings.profile = isAbsent(body.profile) ? null : (checked(ProfileSchema, body.profile, 'profile') as ProfileDef);
    return settings;
  });
}

export function readAuth(raw: unknown): SetAuth {
  const body = asBody(raw);
  const enabled = body.enabled === undefined ? true : (checked(AuthBody.properties.enabled, body.enabled, 'enabled') as boolean);
  return enabled ? { enabled, token: required(AuthBody, body, 'token') } : { enabled };
}
