/**
 * Journals every call this worker answers (the front uses it too, for its own writes): all
 * but reads of the journal, liveness probes, internal routes and the supervisor's calls,
 * which are known by the fleet's secret alone (supervisor-call.ts). No other header keeps
 * a call out: what the gateway sent is in the journal, whatever it carried.
 */
import type { Context, Middleware, Next } from 'koa';
import { JSON_TYPE, jsonAnswerOf } from '../../shared/json-answer.js';
import type { Journal, NewEntry } from '../../journal/journal.js';
import { journalEntry, type AnsweredCall, type CanonicalId } from '../../journal/entry.js';
import { recordingFlag, withFullBodies } from './recording-flag.js';
import { isSupervisorCall } from './supervisor-call.js';

export interface JournalingOptions {
  journal: Journal;
  /** The simulated time now (the fleet clock). */
  simNow: () => number;
  /** The MK6's own time now when it runs a clock of its own, else null. */
  mk6Now?: () => number | null;
  /** Hands each entry to the supervisor (a worker in a fleet). */
  forward?: (entry: NewEntry) => void;
  /** Which of the calls it would journal are worth it (the front: its writes only). */
  worth?: (ctx: Context) => boolean;
  canonicalId?: CanonicalId;
}

/** Also turns a body set as an object into JSON text once, so the journal can cap it cheaply. */
export function journaling({ journal, simNow, mk6Now, forward, worth, canonicalId = (name) => name }: JournalingOptions): Middleware {
  return async (ctx: Context, next: Next) => {
    const headers = ctx.req.headers;
    const started = performance.now();
    const simTime = simNow();
    const mk6Time = mk6Now?.() ?? null;
    await next();
    const answer = jsonAnswerOf(ctx);
    let text = answer?.text;
    const value = answer ? answer.value : ctx.body;
    if (!answer && value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && typeof (value as { pipe?: unknown }).pipe !== 'function') {
      text = JSON.stringify(value); // a body set as an object, not through answerJson
      ctx.body = text;
      ctx.type = JSON_TYPE;
    }
    if (!journaled(ctx) || (worth && !worth(ctx))) return;
    journalCall(journal, forward, canonicalId, {
      method: ctx.method,
      path: ctx.path,
      query: ctx.querystring === '' ? null : ctx.query,
      headers,
      reqBody: (ctx.request as { body?: unknown }).body,
      reqLength: ctx.request.length ?? 0,
      status: ctx.status,
      text,
      value,
      started,
      simTime,
      mk6Time,
      ip: ctx.ip,
    });
  };
}

/** Reads of the journal, probes, internal routes and the supervisor's calls stay out of it. */
function journaled(ctx: Context): boolean {
  const path = ctx.path;
  return !path.startsWith('/api/v1/debug/') && !path.startsWith('/_') && path !== '/healthz' && !isSupervisorCall(ctx);
}

/** Adds a call to the journal, and hands it to the supervisor when there is one (the fleet journal, the recording). */
export function journalCall(journal: Journal, forward: ((entry: NewEntry) => void) | undefined, canonicalId: CanonicalId, call: AnsweredCall): void {
  const entry = journalEntry(call, canonicalId);
  journal.add(entry);
  // While the fleet records, a gateway call goes to the supervisor with the bodies the journal cut.
  forward?.(recordingFlag.on && entry.source === 'GW' ? withFullBodies(entry, call.reqBody, call.reqLength, call.text, call.value) : entry);
}
