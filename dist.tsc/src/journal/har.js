/**
 * Journal entries as HAR 1.2 entries: the journal's export (`?format=har`) and the
 * recordings build them here, one way. What the journal cut at 4 KiB says so (`_truncated`);
 * a recording carries the uncut bodies (`full_req_body`, `full_resp_body`, see recording).
 */
import { STATUS_CODES } from 'node:http';
import { errors } from '../contract/errors.js';
import { CUT_MARK } from './journal.js';
import { say } from '../i18n/api-messages.js';
export const HAR_CREATOR = { name: 'mk6-fleet', version: '0.1.0' };
const JSON_TYPE = 'application/json; charset=utf-8';
export function harLog(entries, comment) {
    return { log: { version: '1.2', creator: HAR_CREATOR, ...(comment ? { comment } : {}), entries } };
}
/** One call as HAR: `origin` is where it was made (the front), the path and query are the call's own. */
export function harEntry(e, origin) {
    const reqBody = 'full_req_body' in e ? e.full_req_body : e.req_body;
    const respBody = 'full_resp_body' in e ? e.full_resp_body : e.resp_body;
    const query = queryPairs(e.query);
    const search = query.length ? '?' + new URLSearchParams(query.map((q) => [q.name, q.value])).toString() : '';
    const post = bodyText(reqBody);
    const content = bodyText(respBody);
    const headers = Object.entries(e.req_headers ?? {}).map(([name, value]) => ({ name, value: String(value) }));
    if (post && !headers.some((h) => h.name.toLowerCase() === 'content-type'))
        headers.push({ name: 'content-type', value: 'application/json' });
    const duration = Math.max(0, Number(e.duration_ms) || 0);
    const answered = e.status !== 444; // 444: the MK6 never answered (a timeout or blackhole held it)
    return {
        startedDateTime: new Date(Date.parse(e.ts) - duration).toISOString(),
        time: duration,
        request: {
            method: e.method,
            url: origin.replace(/\/+$/, '') + e.path + search,
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers,
            queryString: query,
            ...(post ? { postData: { mimeType: post.json ? 'application/json' : 'text/plain', text: post.text, ...(post.cut ? { _truncated: true } : {}) } } : {}),
            headersSize: -1,
            bodySize: post ? Buffer.byteLength(post.text) : 0,
        },
        response: {
            status: e.status,
            statusText: STATUS_CODES[e.status] ?? '',
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: content ? [{ name: 'content-type', value: content.json ? JSON_TYPE : 'text/plain; charset=utf-8' }] : [],
            content: content
                ? { size: Buffer.byteLength(content.text), mimeType: content.json ? JSON_TYPE : 'text/plain; charset=utf-8', text: content.text, ...(content.cut ? { _truncated: true } : {}) }
                : { size: 0, mimeType: 'x-unknown' },
            redirectURL: '',
            headersSize: -1,
            bodySize: answered && content ? Buffer.byteLength(content.text) : answered ? 0 : -1,
        },
        cache: {},
        timings: { send: 0, wait: duration, receive: 0 },
        _id: e.id,
        _mk6_id: e.mk6_id,
        _sim_time: e.sim_time ?? null,
        ...(e.mk6_time ? { _mk6_time: e.mk6_time } : {}),
        _source: e.source,
    };
}
/** The text of a journaled body: JSON for a value, the text itself when the journal cut it. */
function bodyText(body) {
    if (body === null || body === undefined)
        return null;
    if (typeof body === 'string') {
        const cut = body.endsWith(CUT_MARK);
        return { text: body, json: cut, cut };
    }
    return { text: JSON.stringify(body), json: true, cut: false };
}
function queryPairs(query) {
    const out = [];
    for (const [name, value] of Object.entries(query ?? {})) {
        for (const v of Array.isArray(value) ? value : [value])
            out.push({ name, value: String(v) });
    }
    return out;
}
/** `?format=json` (default) or `?format=har` of a journal read; else 400. */
export function journalFormat(raw) {
    if (raw === undefined || raw === 'json')
        return 'json';
    if (raw === 'har')
        return 'har';
    throw errors.badRequest(say('fieldInvalidHint', 'format', 'json|har'), { field: 'format', allowed: ['json', 'har'] });
}
/** The journal's answer in the format asked: its entries, or HAR 1.2 of them as called on `origin`. */
export function journalBody(entries, format, origin) {
    return format === 'har' ? harLog(entries.map((e) => harEntry(e, origin)), 'the fleet journal (bodies cut at 4 KiB: see _truncated)') : entries;
}
