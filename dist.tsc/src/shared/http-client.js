/**
 * The product's one HTTP client, on node:http (global fetch would load undici into every
 * worker: start-up time and memory): a hard timeout on the whole call, JSON both ways, the
 * fleet's internal secret on the calls between supervisor and workers, and Server-Sent Events
 * for the CLI's `--follow`. Used by the supervisor (calls to workers), the workers (journal,
 * fleet clock) and the `mk6-fleet` CLI. A socket error or a timeout rejects with an
 * HttpUnreachable (ECONNREFUSED, `timeout`, …); any HTTP status resolves.
 */
import http from 'node:http';
import { SECRET_HEADER } from './internal.js';
/** No answer: the socket's error (its message, its code such as ECONNREFUSED), or `timeout`. */
export class HttpUnreachable extends Error {
    url;
    code;
    constructor(cause, url) {
        super(cause.message);
        this.url = url;
        this.name = 'HttpUnreachable';
        this.code = cause.code;
    }
    /** What to tell a person: the code when there is one. */
    get reason() {
        return this.code ?? this.message;
    }
}
/** A call answered (any status) or rejected with HttpUnreachable. */
export async function httpCall(url, options = {}) {
    const payload = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const type = options.contentType ?? (typeof options.body === 'string' ? undefined : 'application/json');
    const headers = {
        ...(payload !== undefined ? { 'content-length': String(Buffer.byteLength(payload)), ...(type ? { 'content-type': type } : {}) } : {}),
        ...options.headers,
    };
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? (await import('node:https')).default : http; // the replay may target any MK6 API
    return new Promise((resolve, reject) => {
        const req = transport.request(target, { method: options.method ?? 'GET', agent: options.agent, headers });
        const fail = (err) => {
            clearTimeout(timer);
            reject(new HttpUnreachable(err, url));
        };
        const timer = setTimeout(() => req.destroy(new Error('timeout')), options.timeoutMs ?? 2000);
        req.on('response', (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                clearTimeout(timer);
                const text = Buffer.concat(chunks).toString('utf8');
                resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parseJsonOr(text) });
            });
            res.on('error', fail);
        });
        req.on('error', fail);
        req.end(payload);
    });
}
function parseJsonOr(text) {
    if (!text)
        return null;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/**
 * The header every internal call carries: the fleet's secret, and nothing else. A worker knows
 * the supervisor's calls by the secret alone (no header a gateway could send hides a call).
 */
export function internalHeaders(secret) {
    return secret ? { [SECRET_HEADER]: secret } : {};
}
// ── the supervisor's calls to its workers: keep-alive, the fleet's secret ──
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
let supervisorSecret = null;
/**
 * Every call of the supervisor carries the fleet's internal secret (src/shared/internal.ts): a
 * worker leaves such calls out of its journal and answers them through an outage.
 */
export function useInternalSecret(secret) {
    supervisorSecret = secret;
}
/** The supervisor's JSON call to a worker: its keep-alive agent and secret. */
export async function requestJson(url, options = {}) {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body); // a string too: always JSON
    const secret = options.internal === false ? {} : internalHeaders(supervisorSecret);
    const res = await httpCall(url, { ...options, body, contentType: 'application/json', agent, headers: { ...secret, ...options.headers } });
    return { status: res.status, body: res.body };
}
export function closeClientAgent() {
    agent.destroy();
}
/**
 * Opens `url` as an event stream and calls `onEvent` for each event until the server ends it
 * (resolve) or `close()` is called. Rejects with HttpUnreachable when nothing answers and
 * with an Error `HTTP <status>` when the answer is not 200.
 */
export function openEventStream(url, onEvent, onOpen = () => { }) {
    let close = () => { };
    const done = new Promise((resolve, reject) => {
        const req = http.get(url, { headers: { accept: 'text/event-stream' } }, (res) => {
            if (res.statusCode !== 200) {
                res.resume();
                return reject(new Error(`HTTP ${res.statusCode}`));
            }
            onOpen();
            let buf = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => {
                buf += chunk;
                let at;
                while ((at = buf.indexOf('\n\n')) >= 0) {
                    const e = parseEventBlock(buf.slice(0, at));
                    buf = buf.slice(at + 2);
                    if (e)
                        onEvent(e);
                }
            });
            res.on('end', resolve);
            res.on('error', () => resolve());
        });
        req.on('error', (err) => reject(new HttpUnreachable(err, url)));
        close = () => {
            req.destroy();
            resolve();
        };
    });
    return { done, close: () => close() };
}
/** One SSE block (`event:`, `id:`, `data:` lines); comments and retry-only blocks give null. */
export function parseEventBlock(block) {
    let event = 'message';
    let id = null;
    const data = [];
    for (const line of block.split('\n')) {
        if (line.startsWith(':'))
            continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event')
            event = value;
        else if (field === 'id')
            id = value;
        else if (field === 'data')
            data.push(value);
    }
    if (data.length === 0)
        return null;
    const text = data.join('\n');
    try {
        return { event, id, data: JSON.parse(text) };
    }
    catch {
        return { event, id, data: text };
    }
}
