import { formatIso } from '../domain/time.js';
import { classify } from './classify.js';
import { BODY_CAP, capBody } from './journal.js';
import { redactSecrets } from './redact.js';
export function journalEntry(call, canonicalId = (name) => name) {
    const where = classify(call.path);
    return {
        ts: isoNow(),
        method: call.method,
        path: call.path,
        query: call.query === null ? {} : redactSecrets({ ...call.query }),
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
export function journaledHeaders(headers) {
    const out = {};
    for (const name of KEPT_HEADERS) {
        const v = headers[name];
        if (typeof v === 'string' && v !== '')
            out[name] = v.slice(0, 200);
    }
    if (headers.authorization)
        out.authorization = '***'; // that one was sent, never what
    return out;
}
/** The request body as journaled: token redacted, cut at 4 KiB like answers (bounds the journal's memory). */
function journaledRequestBody(raw, length) {
    const body = redactSecrets(raw ?? null);
    if (length <= BODY_CAP)
        return body;
    return capBody(JSON.stringify(body), body);
}
/** The wall clock in ISO 8601 with milliseconds; a busy worker answers many calls within one. */
let lastMs = 0;
let lastIso = '';
function isoNow() {
    const ms = Date.now();
    if (ms !== lastMs) {
        lastMs = ms;
        lastIso = new Date(ms).toISOString();
    }
    return lastIso;
}
