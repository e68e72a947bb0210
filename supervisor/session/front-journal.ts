/**
 * What the gateway met at the front: a call to the MK6 API that the front answered itself
 * because the MK6 was down (502) or blackholed (504) never reached a worker, so no worker
 * journals it. The front journals it, `source: "front"`, in the one fleet journal.
 */
import type http from 'node:http';
import { simulatedNow } from '../../src/domain/clock.js';
import type { Mk6Error } from '../../src/contract/errors.js';
import { formatIso } from '../../src/domain/time.js';
import { classify } from '../../src/journal/classify.js';
import { journaledHeaders } from '../../src/worker/http/middleware.js';
import { redactSecrets } from '../../src/journal/redact.js';
import type { NewEntry } from '../../src/journal/journal.js';
import { recordEntry } from './recording.js';
import type { Mk6Path } from '../../src/journal/mk6-path.js';
import type { FleetSupervisor } from '../fleet/fleet-supervisor.js';

const answeredByFront = new WeakMap<http.ServerResponse, Mk6Error>();

/** The front wrote this error itself (not a worker's answer passed on). */
export function markFrontAnswer(res: http.ServerResponse, err: Mk6Error): void {
  answeredByFront.set(res, err);
}

/** Journals the call once answered, if the front answered it 502/504 for its MK6. */
export function journalFrontAnswer(fleet: FleetSupervisor, req: http.IncomingMessage, res: http.ServerResponse, named: Mk6Path): void {
  const arrived = Date.now();
  const sim = simulatedNow(fleet.clock, arrived);
  res.once('finish', () => {
    const err = answeredByFront.get(res);
    if (!err || (err.status !== 502 && err.status !== 504)) return;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const entry: NewEntry = {
      ts: new Date().toISOString(),
      method: req.method ?? 'GET',
      path,
      query: redactSecrets(q < 0 ? {} : Object.fromEntries(new URLSearchParams(url.slice(q + 1)))) as Record<string, unknown>,
      source: 'front',
      endpoint: classify(path).endpoint,
      mk6_id: fleet.resolve(named.id)?.spec.id ?? named.id.slice(0, 128),
      req_body: null,
      status: err.status,
      resp_body: err.toBody(),
      duration_ms: Date.now() - arrived,
      remote: req.socket.remoteAddress ?? null,
      sim_time: formatIso(sim),
      req_headers: journaledHeaders(req.headers),
    };
    recordEntry(fleet, entry); // what the gateway met is part of a recording too
    fleet.journal.add(entry);
  });
}
