import { say, verbatim } from '../i18n/api-messages.js';
/** The catalogue's messages, for the factories' callers of the pure domain (which imports only the domain and the contract). */
export { say };
/**
 * The one error type of the project: it carries the contract's code, HTTP status and
 * details. `expose` follows koa: messages of errors under 500 are shown to the client,
 * the message of an unexpected 500 is logged and hidden. Its text is in both languages (from
 * the API catalogue, src/i18n/api-messages.ts): `.message` is the French one (logs, old
 * callers), `toBody(lang)` the reader's.
 */
export class Mk6Error extends Error {
    status;
    code;
    details;
    expose;
    /** Response headers the error demands, e.g. `WWW-Authenticate` on a 401. */
    headers = {};
    text;
    constructor(status, code, text, details = {}) {
        const t = typeof text === 'string' ? verbatim(text) : text;
        super();
        // French for logs and old callers, rendered when first read: a message with a number goes
        // through Intl, whose first use maps ~7 MiB of locale data, which an idle worker never needs
        // (the route declarations build example errors as they load).
        let message;
        Object.defineProperty(this, 'message', { get: () => (message ??= t('fr')), enumerable: false, configurable: true });
        this.text = t;
        this.name = 'Mk6Error';
        this.status = status;
        this.code = code;
        this.details = details;
        this.expose = status < 500 || status === 502 || status === 503;
    }
    /**
     * The contract's body, its `message` in `lang` (French by default, the seed's language). A
     * detail that is a person's text in both languages (a file's problems) is rendered in `lang` too.
     */
    toBody(lang = 'fr') {
        return { error: this.code, code: this.status, message: lang === 'fr' ? this.message : this.text(lang), details: renderDetails(this.details, lang) };
    }
}
/** Details as JSON carries them: a text of both languages (a function, which JSON never holds) in `lang`, alone or in a list. */
function renderDetails(details, lang) {
    let out = null;
    for (const [key, value] of Object.entries(details)) {
        const rendered = typeof value === 'function' ? value(lang) : Array.isArray(value) && value.some((v) => typeof v === 'function') ? value.map((v) => (typeof v === 'function' ? v(lang) : v)) : value;
        if (rendered !== value)
            (out ??= { ...details })[key] = rendered;
    }
    return out ?? details;
}
/** The contract's fixed errors, by name, so every place raises them the same way. */
export const errors = {
    badRequest: (message, details = {}) => new Mk6Error(400, 'BAD_REQUEST', message, details),
    unauthorized: (reason) => {
        const err = new Mk6Error(401, 'UNAUTHORIZED', say(reason === 'missing' ? 'authRequired' : 'tokenInvalid'), { reason });
        err.headers['WWW-Authenticate'] = reason === 'missing' ? 'Bearer realm="mk6"' : 'Bearer realm="mk6", error="invalid_token"';
        return err;
    },
    productionWrite: () => new Mk6Error(403, 'FORBIDDEN', say('productionWrite')),
    notFound: (message = say('unknownRoute')) => new Mk6Error(404, 'NOT_FOUND', message),
    mk6NotFound: (id) => new Mk6Error(404, 'MK6_NOT_FOUND', say('mk6NotFound', id), { mk6_id: id }),
    siteNotFound: (site) => new Mk6Error(404, 'SITE_NOT_FOUND', say('siteNotFound', site), { site }),
    requestNotFound: (id) => new Mk6Error(405, 'REQUEST_NOT_FOUND', say('requestNotFound', id), { request_id: id }),
    methodNotAllowed: (allowed) => new Mk6Error(405, 'METHOD_NOT_ALLOWED', say('methodNotAllowed'), { allowed }),
    requestLocked: (id, state) => new Mk6Error(409, 'REQUEST_LOCKED', say('requestLocked', id, state), { request_id: id, state }),
    payloadTooLarge: (limit) => new Mk6Error(413, 'PAYLOAD_TOO_LARGE', say('payloadTooLarge', limit), { limit }),
    invalidTimeRange: (start, end) => new Mk6Error(422, 'INVALID_TIME_RANGE', say('invalidTimeRange'), {
        start_time: start,
        end_time: end,
    }),
    invalidValue: (message, details) => new Mk6Error(441, 'INVALID_VALUE', message, details),
    missingField: (field) => new Mk6Error(442, 'MISSING_FIELD', say('missingField', field), { field }),
    confirmationRequired: () => new Mk6Error(443, 'CONFIRMATION_REQUIRED', say('confirmationRequired'), { field: 'confirm' }),
    siteNotAccessible: (sycode) => new Mk6Error(503, 'SITE_NOT_ACCESSIBLE', say('siteNotAccessible', sycode), { sycode, state: 0 }),
    mk6Offline: (id) => new Mk6Error(503, 'MK6_OFFLINE', say('mk6Offline', id), { mk6_id: id }),
    /** `cause`: a word (`refused`), or why in a person's words (rendered in the answer's language). */
    mk6Unreachable: (id, cause) => new Mk6Error(502, 'MK6_UNREACHABLE', say('mk6Unreachable', id), { mk6_id: id, cause }),
    /** A blackholed MK6 behind the proxy: the proxy gives up instead of hanging forever. */
    mk6Timeout: (id, ms) => new Mk6Error(504, 'MK6_UNREACHABLE', say('mk6Timeout', id, ms), { mk6_id: id, cause: 'timeout', timeout_ms: ms }),
    /** A control call that waited for the fleet's start longer than it may: try again later. */
    fleetStarting: (waitedMs, retryAfterS) => {
        const err = new Mk6Error(503, 'FLEET_STARTING', say('fleetStarting', waitedMs), { waited_ms: waitedMs, retry_after_s: retryAfterS });
        err.headers['Retry-After'] = String(retryAfterS);
        return err;
    },
    fleetStopping: () => new Mk6Error(503, 'FLEET_STOPPING', say('fleetStopping')),
    /** The live stream has all the clients it serves: try again in `retryAfterS`. */
    streamFull: (max, retryAfterS) => {
        const err = new Mk6Error(503, 'STREAM_FULL', say('streamFull', max), { max, retry_after_s: retryAfterS });
        err.headers['Retry-After'] = String(retryAfterS);
        return err;
    },
    headersTooLarge: () => new Mk6Error(431, 'HEADERS_TOO_LARGE', say('headersTooLarge')),
    requestTimeout: () => new Mk6Error(408, 'REQUEST_TIMEOUT', say('requestTimeout')),
    /** What Node's HTTP parser refused (by its error code), before any middleware ran. */
    parserRefused: (parserCode) => parserCode === 'HPE_HEADER_OVERFLOW' ? errors.headersTooLarge() : parserCode === 'HPE_REQUEST_TIMEOUT' ? errors.requestTimeout() : errors.badRequest(say('httpInvalid')),
    /** A 4xx raised by Koa or a body parser, under the contract's code for its status. */
    httpStatus: (status, message) => new Mk6Error(status, HTTP_STATUS_CODES[status] ?? 'BAD_REQUEST', message),
    notImplemented: () => new Mk6Error(501, 'NOT_IMPLEMENTED', say('notImplemented')),
    internal: () => new Mk6Error(500, 'INTERNAL_ERROR', say('internal')),
    /** The `error` network condition: the answer a tester asked for (their message, in every language), marked as injected. */
    injected: (status, code, message) => new Mk6Error(status, code, message, { injected: true }),
};
const HTTP_STATUS_CODES = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 406: 'NOT_ACCEPTABLE', 411: 'LENGTH_REQUIRED', 414: 'URI_TOO_LONG', 415: 'UNSUPPORTED_MEDIA_TYPE', 431: 'HEADERS_TOO_LARGE' };
