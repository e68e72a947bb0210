/** Curtailment requests: their stored form, their state on the clock, their view. */
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

export { SET_VALUES } from '../contract/schema/mk6-api.js';

/** Fields the request model owns; every other field of the body is echoed as an extra. */
export const REQUEST_FIELDS = new Set(['set', 'site', 'psetpoint', 'start_time', 'end_time']);

export function requestId(seq: number): string {
  return `REQ-${String(seq).padStart(3, '0')}`;
}

export function windowHolds(start: number | null, end: number | null, t: number): boolean {
  return (start === null || start <= t) && (end === null || t < end);
}

export function requestState(req: StoredRequest, now: number): RequestState {
  if (req.deleted_at !== null) return 'deleted';
  if (now < req.start) return 'scheduled';
  if (req.end !== null && now >= req.end) return 'expired';
  return 'active';
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

export function extrasOf(body: Record<string, unknown>): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  for (const key of Object.keys(body)) {
    if (!REQUEST_FIELDS.has(key)) extras[key] = body[key];
  }
  return extras;
}
