/**
 * The one journal-entry builder: a call as answered (by a worker's Koa app, its fast lane,
 * or the front for a down MK6) becomes the entry the journal keeps. What the journal keeps
 * of a call is decided here only: the headers, the redactions, the body caps, the times.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { formatIso } from '../domain/time.js';
import { classify, type Source } from './classify.js';
import { BODY_CAP, capBody, type NewEntry } from './journal.js';
import { redactSecrets } from './redact.js';

/** One answered call, as each way into the fleet sees it. */
export interface AnsweredCall {
  method: string;
  path: string;
  /** The parsed query, null when the URL has none. */
  query: Record<string, unknown> | null;
  headers: IncomingHttpHeaders;
  reqBody: unknown;
  /** The request's Content-Length (0 when none). */
  reqLength: number;
  status: number;
  /** The answer's JSON text, when it was JSON. */
  text: string | undefined;
  value: unknown;
  /** performance.now() when the call came in. */
  started: number;
  /** The simulated time when the call came in. */
  simTime: number;
  /** The MK6's own time when the call came in, when it runs a clock of its own. */
  mk6Time?: number | null;
  ip: string;
  /** Who answered, when not the MK6 the path names (the front, for a down MK6). */
  source?: Source;
}

/** Maps an MK6 name in a path (an id or an alias) to the MK6's own id. */
export type CanonicalId = (name: string) => string;

export function journalEntry(call: AnsweredCall, canonicalId: CanonicalId = (name) => name): NewEntry {
  const where = classify(call.path);
  return {
    ts: isoNow(),
    method: call.method,
    path: call.path,
    query: call.query === null ? {} : (redactSecrets({ ...call.query }) as Record<string, unknown>),
    source: call.source ?? where.source,
    endpoint: where.endpoint,
    mk6_id: where.mk6_id === null ? null : canonicalId(where.mk6_id),
    req_body: journaledRequestBody(call.reqBody, call.reqLength),
    status: call.status,
    resp_body: capBody(call.text, call.value),
    duration_ms: Math.round((performance.now() - call.started) * 1000) / 1000,
    remote: call.ip || null,
    sim_time: formatIso(call.simTime),
    ...(call.mk6Time != null ? { mk6_time: formatIso(call.mk6Time) } : {}),
    req_headers: journaledHeaders(call.headers),
  };
}

/** The request headers the journal keeps: a few that say who called and how; Authorization masked (`***`). */
const KEPT_HEADERS = ['content-type', 'accept', 'user-agent', 'x-request-id'];
export function journaledHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = headers[name];
    if (typeof v === 'string' && v !== '') out[name] = v.slice(0, 200);
  }
  if (headers.authorization) out.authorization = '***'; // that one was sent, never what
  return out;
}

/** The request body as journaled: token redacted, cut at 4 KiB like answers (bounds the journal's memory). */
function journaledRequestBody(raw: unknown, length: number): unknown {
  const body = redactSecrets(raw ?? null);
  if (length <= BODY_CAP) return body;
  return capBody(JSON.stringify(body), body);
}

/** The wall clock in ISO 8601 with milliseconds; a busy worker answers many calls within one. */
let lastMs = 0;
let lastIso = '';
function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}
