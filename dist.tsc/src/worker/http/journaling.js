import { JSON_TYPE, jsonAnswerOf } from '../../shared/json-answer.js';
import { journalEntry } from '../../journal/entry.js';
import { recordingFlag, withFullBodies } from './recording-flag.js';
import { isSupervisorCall } from './supervisor-call.js';
/** Also turns a body set as an object into JSON text once, so the journal can cap it cheaply. */
export function journaling({ journal, simNow, mk6Now, forward, worth, canonicalId = (name) => name }) {
    return async (ctx, next) => {
        const headers = ctx.req.headers;
        const started = performance.now();
        const simTime = simNow();
        const mk6Time = mk6Now?.() ?? null;
        await next();
        const answer = jsonAnswerOf(ctx);
        let text = answer?.text;
        const value = answer ? answer.value : ctx.body;
        if (!answer && value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && typeof value.pipe !== 'function') {
            text = JSON.stringify(value); // a body set as an object, not through answerJson
            ctx.body = text;
            ctx.type = JSON_TYPE;
        }
        if (!journaled(ctx) || (worth && !worth(ctx)))
            return;
        journalCall(journal, forward, canonicalId, {
            method: ctx.method,
            path: ctx.path,
            query: ctx.querystring === '' ? null : ctx.query,
            headers,
            reqBody: ctx.request.body,
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
function journaled(ctx) {
    const path = ctx.path;
    return !path.startsWith('/api/v1/debug/') && !path.startsWith('/_') && path !== '/healthz' && !isSupervisorCall(ctx);
}
/** Adds a call to the journal, and hands it to the supervisor when there is one (the fleet journal, the recording). */
export function journalCall(journal, forward, canonicalId, call) {
    const entry = journalEntry(call, canonicalId);
    journal.add(entry);
    // While the fleet records, a gateway call goes to the supervisor with the bodies the journal cut.
    forward?.(recordingFlag.on && entry.source === 'GW' ? withFullBodies(entry, call.reqBody, call.reqLength, call.text, call.value) : entry);
}
