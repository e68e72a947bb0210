/**
 * Curtailment requests: their stored form, their state on the clock, the transitions each
 * state allows, and their view. A request is `scheduled` before its start, `active` in its
 * window, `expired` past its end, `deleted` once deleted; only a scheduled one may change,
 * a scheduled or active one may be deleted.
 */
import type { GivenWindow } from '../contract/commands.js';
import { errors } from '../contract/errors.js';
import type { Request } from '../contract/schema/mk6-api.js';
import type { Static } from '../contract/schema/kit.js';
import { formatIso, formatOptional } from './time.js';

/** A request as the API shows it (the `Request` schema), with the unknown fields of its body echoed. */
export type RequestView = Static<typeof Request> & { [extra: string]: unknown };
export type RequestSet = RequestView['set'];
export type RequestState = RequestView['state'];

export interface StoredRequest {
  id: string;
  seq: number;
  set: RequestSet;
  sycode: string;
  psetpoint: number | null;
  start: number;
  end: number | null;
  created_at: number;
  deleted_at: number | null;
  /** Unknown fields of the gateway's body (e.g. `reason`, `preset`), echoed back. */
  extras: Record<string, unknown>;
}

export function requestId(seq: number): string {
  return `REQ-${String(seq).padStart(3, '0')}`;
}

export function windowHolds(start: number | null, end: number | null, t: number): boolean {
  return (start === null || start <= t) && (end === null || t < end);
}

/** A window must end after it starts; else 422 INVALID_TIME_RANGE, echoing the times as given. */
export function checkWindow(start: number, end: number | null, given: Partial<GivenWindow>): void {
  if (end !== null && end <= start) throw errors.invalidTimeRange(given.start?.text ?? formatIso(start), given.end?.text ?? '');
}

export function requestState(req: StoredRequest, now: number): RequestState {
  if (req.deleted_at !== null) return 'deleted';
  if (now < req.start) return 'scheduled';
  if (req.end !== null && now >= req.end) return 'expired';
  return 'active';
}

/** What may happen to a request, and in which of its states. */
const ALLOWED = {
  change: ['scheduled'],
  delete: ['scheduled', 'active'],
} as const satisfies Record<string, readonly RequestState[]>;
export type Transition = keyof typeof ALLOWED;

/** The request's state at `now` if it allows `transition`; else 409 REQUEST_LOCKED. */
export function checkTransition(req: StoredRequest, transition: Transition, now: number): RequestState {
  const state = requestState(req, now);
  if (!(ALLOWED[transition] as readonly RequestState[]).includes(state)) throw errors.requestLocked(req.id, state);
  return state;
}

/** scheduled → its new setpoint or window (checked by the planning), its extras merged. */
export function changeRequest(req: StoredRequest, to: Pick<StoredRequest, 'psetpoint' | 'start' | 'end' | 'extras'>, now: number): void {
  checkTransition(req, 'change', now);
  Object.assign(req, { psetpoint: to.psetpoint, start: to.start, end: to.end, extras: { ...req.extras, ...to.extras } });
}

/** scheduled or active → deleted. Deleting the active request is how a gateway gives a site back its Pmax. */
export function deleteRequest(req: StoredRequest, now: number): void {
  checkTransition(req, 'delete', now);
  req.deleted_at = now;
}

export function viewRequest(req: StoredRequest, siteName: string, now: number): RequestView {
  const view: RequestView = {
    id: req.id,
    seq: req.seq,
    set: req.set,
    site: { [req.sycode]: siteName },
    psetpoint: req.psetpoint,
    start_time: formatIso(req.start),
    end_time: formatOptional(req.end),
    state: requestState(req, now),
    created_at: formatIso(req.created_at),
  };
  for (const key in req.extras) if (!(key in view)) view[key] = req.extras[key];
  return view;
}

/**
 * The request in force for a site at t: among its non-deleted requests whose window holds
 * t, the highest seq ("annule-et-remplace"). `requests` is the site's list in seq order.
 */
export function effectiveRequest(requests: readonly StoredRequest[], t: number): StoredRequest | null {
  for (let i = requests.length - 1; i >= 0; i--) {
    const req = requests[i];
    if (req.deleted_at === null && windowHolds(req.start, req.end, t)) return req;
  }
  return null;
}

export function byStartThenSeq(a: StoredRequest, b: StoredRequest): number {
  return a.start - b.start || a.seq - b.seq;
}

