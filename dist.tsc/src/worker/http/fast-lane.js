import { Mk6Error } from '../../contract/errors.js';
import { requestIdFrom } from '../../shared/log.js';
import { canonicalIdOf, namesOf } from '../../domain/mk6-names.js';
import { requestLang, toMk6Error } from '../../shared/error-writer.js';
import { JSON_TYPE } from '../../shared/json-answer.js';
import { GATEWAY_TABLE, isWrite, runGatewayRoute } from './gateway-api.js';
import { checkProductionWrite } from './production-guard.js';
import { checkGatewayCall } from './mk6-guard.js';
import { journalCall } from './journaling.js';
import { claimsSecret } from './supervisor-call.js';
import { decodeSegment } from '../../journal/mk6-path.js';
import { logRequest } from './request-log.js';
import { hasBody } from './has-body.js';
import { readJsonBody } from '../../shared/json-body.js';
const API_PREFIX = '/api/v1/mk6/';
/** What parseurl (Koa's ctx.path) would not take as the path itself. */
const NOT_A_PLAIN_PATH = /[?#\s\u00a0\ufeff]/;
export function fastLane({ rt, journal, forward, log, koa }) {
    if (process.env.MK6_FAST_LANE === 'off')
        return koa;
    const table = GATEWAY_TABLE.map((route) => {
        const parts = route.path.slice(1).split('/');
        const param = (p) => (p.startsWith('{') && p.endsWith('}') ? p.slice(1, -1) : null);
        return { route, segments: parts.map((p) => (param(p) === null ? p : null)), names: parts.map(param) };
    });
    const names = new Set(namesOf(rt.config));
    const canonicalId = canonicalIdOf(rt.config);
    return (req, res) => {
        const url = req.url ?? '';
        const method = req.method ?? '';
        const net = rt.network;
        if (!url.startsWith(API_PREFIX) || rt.stopping || net.outage !== null || net.size !== 0 || NOT_A_PLAIN_PATH.test(url) || claimsSecret(req.headers))
            return koa(req, res);
        const idEnd = url.indexOf('/', API_PREFIX.length);
        if (idEnd <= API_PREFIX.length)
            return koa(req, res);
        const parts = url.slice(idEnd + 1).split('/');
        const found = match(table, method, parts);
        if (!found)
            return koa(req, res);
        const body = isWrite(found.route) ? bodyPlan(req) : hasBody(req.headers) ? 'koa' : 'none';
        if (body === 'koa')
            return koa(req, res);
        const call = { started: performance.now(), simTime: rt.fleetNow(), mk6Time: rt.ownNow(), id: decodeSegment(url.slice(API_PREFIX.length, idEnd)), reqBody: undefined };
        rt.inFlight++;
        rt.fastLaneCalls++;
        answer(req, res, method, url, found, body === 'json', call)
            .catch((err) => {
            // Past the error writer (a socket gone mid-answer): logged, the connection dropped, never a crash.
            log.error({ err }, `${method} ${url}`);
            res.destroy();
        })
            .finally(() => rt.inFlight--);
    };
    async function answer(req, res, method, path, found, json, call) {
        const reqId = requestIdFrom(req.headers['x-request-id']);
        let out;
        let headers = {};
        try {
            // The Koa app's order: production, then the gateway call's checks (mk6Guard's), then the body.
            checkProductionWrite(rt, method, path);
            checkGatewayCall(rt, names, call.id, req);
            // As the Koa app: a call refused by a guard has no body (null in the journal), a call without one `{}`.
            call.reqBody = json ? await readJsonBody(req) : {};
            out = await runGatewayRoute(rt, found.route, found.params, call.reqBody);
        }
        catch (err) {
            const e = toMk6Error(err);
            if (e.status >= 500 && !(err instanceof Mk6Error))
                log.error({ err }, `${method} ${path}`);
            const lang = requestLang(req.headers['accept-language']);
            out = { status: e.status, body: e.toBody(lang) };
            headers = { ...e.headers, 'content-language': lang };
        }
        const text = JSON.stringify(out.body);
        // Journaled and logged before the answer leaves, as the Koa app does: a gateway that reads
        // the journal right after its call finds it there.
        logRequest(log, reqId, method, path, out.status, call.started);
        journalCall(journal, forward, canonicalId, {
            method,
            path,
            query: null,
            headers: req.headers,
            reqBody: call.reqBody,
            reqLength: Number(req.headers['content-length']) | 0,
            status: out.status,
            text,
            value: out.body,
            started: call.started,
            simTime: call.simTime,
            mk6Time: call.mk6Time,
            ip: clientIp(req),
        });
        res.writeHead(out.status, { 'x-request-id': reqId, ...headers, 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text) });
        res.end(text);
    }
}
function match(table, method, parts) {
    next: for (const c of table) {
        if (c.route.method !== method || c.segments.length !== parts.length)
            continue;
        for (let i = 0; i < parts.length; i++) {
            const literal = c.segments[i];
            if (literal === null ? parts[i] === '' : parts[i] !== literal)
                continue next;
        }
        const params = {};
        for (let i = 0; i < parts.length; i++)
            if (c.names[i] !== null)
                params[c.names[i]] = decodeSegment(parts[i]);
        return { route: c.route, params };
    }
    return null;
}
/**
 * How a write's body is read: JSON (json-body.ts), or none (no Content-Type: the Koa app gives
 * `{}` without reading), or by the Koa app (any other type, which it may read otherwise).
 */
function bodyPlan(req) {
    const type = req.headers['content-type'];
    if (type === undefined)
        return 'none';
    const semi = type.indexOf(';');
    return (semi < 0 ? type : type.slice(0, semi)).trim().toLowerCase() === 'application/json' ? 'json' : 'koa';
}
/** Koa's `ctx.ip` with `proxy: true`: the first X-Forwarded-For address, else the socket's. */
function clientIp(req) {
    const forwarded = req.headers['x-forwarded-for']; // node joins repeated ones with ', '
    const first = typeof forwarded === 'string' ? forwarded.split(',', 1)[0].trim() : '';
    return first || req.socket.remoteAddress || '';
}
