import { httpCall, HttpUnreachable } from '../../src/shared/http-client.js';
import { reportMessages } from '../../src/i18n/report-messages.js';
/**
 * Fields that may differ between two runs of the same session: `created_at` and a
 * constraint's `since` are the fleet clock at the moment the call (or the timeline event)
 * was handled, to the millisecond while the clock runs, where the file keeps the second
 * the call arrived (`_sim_time`), and replay only moves the clock at the recorded calls.
 */
export const DEFAULT_IGNORED = ['created_at', 'since'];
export class ReplayUnreachable extends Error {
}
export class ReplayFileError extends Error {
}
/** The gateway calls of a HAR file, in order: what the gateway sent and was answered (not a call left unanswered, 444). */
export function gatewayCalls(har, only, lang) {
    const entries = har?.log?.entries;
    if (!Array.isArray(entries))
        throw new ReplayFileError(reportMessages[lang].replay.notHar);
    return entries.filter((e) => {
        if (!e?.request?.url || !e.response)
            return false;
        const path = pathOf(e.request.url);
        const source = e._source ?? (path.startsWith('/api/v1/mk6/') ? 'GW' : 'OTHER');
        if (source !== 'GW' && source !== 'front')
            return false;
        if (e.response.status === 444)
            return false;
        if (only.length === 0)
            return true;
        const id = e._mk6_id ?? decodeURIComponent(path.split('/')[4] ?? '');
        return only.includes(id);
    });
}
export async function replay(har, o) {
    const started = performance.now();
    const calls = gatewayCalls(har, o.only ?? [], o.lang);
    const base = o.url.replace(/\/+$/, '');
    const ignore = new Set([...DEFAULT_IGNORED, ...(o.ignore ?? [])]);
    const timeoutMs = o.timeoutMs ?? 60_000;
    const probe = await send(base, 'GET', '/supervision/api/time', undefined, {}, 10_000).catch((err) => {
        throw new ReplayUnreachable(err.message);
    });
    const clock = probe.status === 200 && isClockView(probe.json);
    if (o.reset) {
        const res = await send(base, 'POST', '/mock/reset', undefined, {}, timeoutMs);
        if (res.status !== 200)
            throw new ReplayUnreachable(`POST /mock/reset: ${res.status}`);
    }
    const report = { total: calls.length, identical: 0, clock, differences: [], seconds: 0 };
    let clockAt = null;
    for (const [i, e] of calls.entries()) {
        if (clock && e._sim_time && e._sim_time !== clockAt) {
            const set = await send(base, 'POST', '/mock/time', JSON.stringify({ now: e._sim_time }), { 'content-type': 'application/json' }, timeoutMs);
            if (set.status !== 200)
                throw new ReplayUnreachable(`POST /mock/time ${e._sim_time}: ${set.status} ${set.text.slice(0, 200)}`);
            clockAt = e._sim_time;
        }
        const url = new URL(e.request.url);
        const headers = {};
        for (const h of e.request.headers ?? []) {
            const name = h.name.toLowerCase();
            // Accept-Language too: an error's message is in the language the gateway asked for.
            if (name === 'content-type' || name === 'accept' || name === 'accept-language' || name === 'user-agent')
                headers[name] = h.value;
        }
        const body = e.request.postData?.text;
        let answer;
        try {
            answer = await send(base, e.request.method, url.pathname + url.search, body, headers, timeoutMs);
        }
        catch (err) {
            if (err instanceof ReplayUnreachable)
                throw err;
            answer = { status: 0, text: '', json: undefined, error: err.message };
        }
        const diff = compare(e, answer, ignore, o.lang);
        const call = `${e.request.method} ${url.pathname}${url.search}`;
        if (diff === null)
            report.identical++;
        else
            report.differences.push({ index: i + 1, call, simTime: e._sim_time ?? null, status: [e.response.status, answer.status], ...diff });
    }
    report.seconds = (performance.now() - started) / 1000;
    return report;
}
/** null when identical; else what differs (a note in `lang`). */
export function compare(e, answer, ignore, lang) {
    const say = reportMessages[lang].replay;
    const statusDiffers = e.response.status !== answer.status;
    if (answer.error)
        return { fields: [], note: say.noAnswer(answer.error) };
    const content = e.response.content;
    if (content._truncated)
        return statusDiffers ? { fields: [], note: say.truncated } : null;
    const recordedText = content.text ?? '';
    const recorded = parseJson(recordedText);
    const fields = [];
    if (recorded !== undefined && answer.json !== undefined)
        diffJson(recorded, answer.json, ignore, [], fields);
    else if (recordedText !== answer.text)
        fields.push({ path: [], recorded: recordedText.slice(0, 200), replayed: answer.text.slice(0, 200) });
    return statusDiffers || fields.length > 0 ? { fields } : null;
}
/** Every leaf that differs, by path; object keys named in `ignore` are left out at any depth. */
export function diffJson(a, b, ignore, path, out) {
    if (Array.isArray(a) && Array.isArray(b)) {
        for (let i = 0; i < Math.max(a.length, b.length); i++)
            diffJson(a[i], b[i], ignore, [...path, i], out);
    }
    else if (isPlain(a) && isPlain(b)) {
        const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
        for (const k of keys)
            if (!ignore.has(k))
                diffJson(a[k], b[k], ignore, [...path, k], out);
    }
    else if (!Object.is(a, b)) {
        out.push({ path, recorded: a, replayed: b });
    }
    return out;
}
/** `N of M identical`, then each difference: the call, its fleet time, and what differs; in `lang`. */
export function reportText(r, lang) {
    const say = reportMessages[lang].replay;
    const lines = [say.summary(r)];
    for (const d of r.differences) {
        lines.push('', `#${d.index} ${d.call}${d.simTime ? ` @ ${reportMessages[lang].instant(d.simTime)}` : ''}: ${say.status(d.status[0], d.status[1])}`);
        if (d.note)
            lines.push(`  ${d.note}`);
        for (const f of d.fields.slice(0, 20))
            lines.push(`  ${showPath(f.path, lang)}: ${show(f.recorded, lang)} → ${show(f.replayed, lang)}`);
        if (d.fields.length > 20)
            lines.push(`  ${say.more(d.fields.length - 20)}`);
    }
    return lines.join('\n');
}
/** A field's path as JSON writes it (`planning[0].psetpoint`); the whole body in words. */
export function showPath(path, lang) {
    if (path.length === 0)
        return reportMessages[lang].replay.body;
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][\w]*$/.test(p) ? (i === 0 ? p : `.${p}`) : `[${JSON.stringify(p)}]`)).join('');
}
function show(v, lang) {
    if (v === undefined)
        return reportMessages[lang].replay.absent;
    const s = JSON.stringify(v);
    return s.length > 120 ? s.slice(0, 117) + '...' : s;
}
async function send(base, method, path, body, headers, timeoutMs) {
    const withBody = method !== 'GET' && method !== 'HEAD' && body !== undefined;
    // A body sent without its recorded type goes as text, as a browser's fetch sends it.
    const sent = withBody && !headers['content-type'] ? { ...headers, 'content-type': 'text/plain;charset=UTF-8' } : headers;
    let res;
    try {
        res = await httpCall(base + path, { method, headers: sent, body: withBody ? body : undefined, contentType: sent['content-type'], timeoutMs });
    }
    catch (err) {
        const code = err instanceof HttpUnreachable ? err.reason : err.message;
        // Nothing listens there: the target is unreachable. A call reset or timed out mid-way is a difference.
        if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH')
            throw new ReplayUnreachable(`${base}: ${code}`);
        throw new Error(code);
    }
    return { status: res.status, text: res.text, json: parseJson(res.text) };
}
function parseJson(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function isPlain(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function isClockView(v) {
    return isPlain(v) && (v.source === 'system' || v.source === 'mock') && typeof v.now === 'string';
}
function pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return '';
    }
}
