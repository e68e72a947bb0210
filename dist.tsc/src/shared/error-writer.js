/**
 * The one place an error becomes the contract's body `{error, code, message, details}`:
 * on a Koa context (routes, guards, network conditions, static pages), on a raw
 * `http.ServerResponse`, and on a bare socket for requests Node's parser refused. The body's
 * `message` is in the request's language (`Accept-Language`, French by default), said by
 * `Content-Language`; the header is read here only, when an error is written.
 */
import { STATUS_CODES } from 'node:http';
import { Mk6Error, errors } from '../contract/errors.js';
import { say, verbatim } from '../i18n/api-messages.js';
import { langFromAcceptLanguage } from '../i18n/lang.js';
import { answerJson, JSON_TYPE } from './json-answer.js';
/** Writes any error on a Koa context: status, contract body and the headers it demands. */
export function answerWithError(ctx, err) {
    const e = toMk6Error(err);
    const lang = langFromAcceptLanguage(ctx.get('accept-language'));
    ctx.status = e.status;
    answerJson(ctx, e.toBody(lang));
    for (const [name, value] of Object.entries(e.headers))
        ctx.set(name, value);
    ctx.set('Content-Language', lang);
    return e;
}
/** Writes an error on a raw response (headers not sent yet) and ends it, in its request's language. */
export function writeError(res, err, headers = {}) {
    const e = toMk6Error(err);
    const lang = requestLang(res.req?.headers['accept-language']);
    const body = JSON.stringify(e.toBody(lang));
    res.writeHead(e.status, { ...headers, ...e.headers, 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body), 'content-language': lang });
    res.end(body);
    return e;
}
/** Writes an error as a whole HTTP/1.1 answer on a socket no request object owns (so no language but the default), then closes it. */
export function writeErrorToSocket(socket, err, head = false) {
    const e = toMk6Error(err);
    const body = JSON.stringify(e.toBody('fr'));
    // The answer to a HEAD has the headers of the body it would carry, never the body (RFC 9110 §9.3.2).
    socket.end(`HTTP/1.1 ${e.status} ${STATUS_CODES[e.status]}\r\ncontent-type: ${JSON_TYPE}\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\ncontent-language: fr\r\nconnection: close\r\n\r\n${head ? '' : body}`);
    return e;
}
/** Any thrown value as the contract's error: Koa/body-parser 4xx keep their status, the rest is a hidden 500. */
export function toMk6Error(err) {
    if (err instanceof Mk6Error)
        return err;
    const e = err;
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
        let out;
        if (status === 413)
            out = errors.payloadTooLarge('64 KiB');
        else if (status === 400)
            out = errors.badRequest(e.type === 'entity.parse.failed' || /JSON/i.test(e.message ?? '') ? say('jsonInvalid') : e.expose && e.message ? verbatim(e.message) : say('requestInvalid'));
        else if (status === 405)
            out = errors.methodNotAllowed(String(e.headers?.Allow ?? '').split(/, ?/).filter(Boolean));
        else
            out = errors.httpStatus(status, e.expose && e.message ? verbatim(e.message) : say('requestRefused'));
        if (e.headers?.Allow)
            out.headers.Allow = e.headers.Allow;
        return out;
    }
    if (status === 501)
        return errors.notImplemented();
    return errors.internal();
}
/** The language of an answer from its request's `Accept-Language` (French without one). */
export function requestLang(acceptLanguage) {
    return langFromAcceptLanguage(Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage);
}
