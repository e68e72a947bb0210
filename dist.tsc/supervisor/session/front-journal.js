import { simulatedNow } from '../../src/domain/clock.js';
import { journalEntry } from '../../src/journal/entry.js';
import { recordEntry } from './recording.js';
import { requestLang } from '../../src/shared/error-writer.js';
const answeredByFront = new WeakMap();
/** The front wrote this error itself (not a worker's answer passed on). */
export function markFrontAnswer(res, err) {
    answeredByFront.set(res, err);
}
/** Journals the call once answered, if the front answered it 502/504 for its MK6. */
export function journalFrontAnswer(fleet, req, res) {
    const started = performance.now();
    const simTime = simulatedNow(fleet.clock, Date.now());
    res.once('finish', () => {
        const err = answeredByFront.get(res);
        if (!err || (err.status !== 502 && err.status !== 504))
            return;
        const url = req.url ?? '/';
        const q = url.indexOf('?');
        const entry = journalEntry({
            method: req.method ?? 'GET',
            path: q < 0 ? url : url.slice(0, q),
            query: q < 0 ? null : Object.fromEntries(new URLSearchParams(url.slice(q + 1))),
            headers: req.headers,
            reqBody: null, // never read: the front answered before the body mattered
            reqLength: 0,
            status: err.status,
            text: undefined,
            value: err.toBody(requestLang(req.headers['accept-language'])), // as it was answered
            started,
            simTime,
            ip: req.socket.remoteAddress ?? '',
            source: 'front',
        }, (name) => fleet.resolve(name)?.spec.id ?? name.slice(0, 128));
        recordEntry(fleet, entry); // what the gateway met is part of a recording too
        fleet.journal.add(entry);
    });
}
