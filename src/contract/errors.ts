/**
 * The one error type of the project: it carries the contract's code, HTTP status and
 * details. `expose` follows koa: messages of errors under 500 are shown to the client,
 * the message of an unexpected 500 is logged and hidden.
 */
export class Mk6Error extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly expose: boolean;
  /** Response headers the error demands, e.g. `WWW-Authenticate` on a 401. */
  headers: Record<string, string> = {};

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'Mk6Error';
    this.status = status;
    this.code = code;
    this.details = details;
    this.expose = status < 500 || status === 502 || status === 503;
  }

  toBody(): ErrorBody {
    return { error: this.code, code: this.status, message: this.message, details: this.details };
  }
}

export interface ErrorBody {
  error: string;
  code: number;
  message: string;
  details: Record<string, unknown>;
}

/** The contract's fixed errors, by name, so every place raises them the same way. */
export const errors = {
  badRequest: (message: string, details: Record<string, unknown> = {}) =>
    new Mk6Error(400, 'BAD_REQUEST', message, details),
  unauthorized: (reason: 'missing' | 'invalid') => {
    const err = new Mk6Error(401, 'UNAUTHORIZED', reason === 'missing' ? 'Authentification requise (Bearer)' : 'Jeton invalide', { reason });
    err.headers['WWW-Authenticate'] = reason === 'missing' ? 'Bearer realm="mk6"' : 'Bearer realm="mk6", error="invalid_token"';
    return err;
  },
  productionWrite: () => new Mk6Error(403, 'FORBIDDEN', 'Écriture bloquée en mode production'),
  notFound: (message = 'Route inconnue') => new Mk6Error(404, 'NOT_FOUND', message),
  mk6NotFound: (id: string) => new Mk6Error(404, 'MK6_NOT_FOUND', `MK6 inconnu: '${id}'`, { mk6_id: id }),
  siteNotFound: (site: string) => new Mk6Error(404, 'SITE_NOT_FOUND', `Site inconnu: '${site}'`, { site }),
  requestNotFound: (id: string) =>
    new Mk6Error(405, 'REQUEST_NOT_FOUND', `Consigne inconnue: '${id}'`, { request_id: id }),
  methodNotAllowed: (allowed: string[]) =>
    new Mk6Error(405, 'METHOD_NOT_ALLOWED', 'Méthode non autorisée', { allowed }),
  requestLocked: (id: string, state: string) =>
    new Mk6Error(409, 'REQUEST_LOCKED', `Consigne ${id} verrouillée (état ${state})`, { request_id: id, state }),
  payloadTooLarge: (limit: string) =>
    new Mk6Error(413, 'PAYLOAD_TOO_LARGE', `Corps de requête trop gros (max ${limit})`, { limit }),
  invalidTimeRange: (start: string, end: string) =>
    new Mk6Error(422, 'INVALID_TIME_RANGE', 'end_time doit être postérieur à start_time', {
      start_time: start,
      end_time: end,
    }),
  invalidValue: (message: string, details: Record<string, unknown>) =>
    new Mk6Error(441, 'INVALID_VALUE', message, details),
  missingField: (field: string) => new Mk6Error(442, 'MISSING_FIELD', `Champ obligatoire manquant: ${field}`, { field }),
  confirmationRequired: () =>
    new Mk6Error(443, 'CONFIRMATION_REQUIRED', 'main_reset exige "confirm": true', { field: 'confirm' }),
  siteNotAccessible: (sycode: string) =>
    new Mk6Error(503, 'SITE_NOT_ACCESSIBLE', `Site ${sycode} non accessible (state=0)`, { sycode, state: 0 }),
  mk6Offline: (id: string) => new Mk6Error(503, 'MK6_OFFLINE', `MK6 ${id} hors ligne`, { mk6_id: id }),
  mk6Unreachable: (id: string, cause: string) =>
    new Mk6Error(502, 'MK6_UNREACHABLE', `MK6 ${id} injoignable`, { mk6_id: id, cause }),
  /** A blackholed MK6 behind the proxy: the proxy gives up instead of hanging forever. */
  mk6Timeout: (id: string, ms: number) =>
    new Mk6Error(504, 'MK6_UNREACHABLE', `MK6 ${id} ne répond pas (${ms} ms)`, { mk6_id: id, cause: 'timeout', timeout_ms: ms }),
  /** A control call that waited for the fleet's start longer than it may: try again later. */
  fleetStarting: (waitedMs: number, retryAfterS: number) => {
    const err = new Mk6Error(503, 'FLEET_STARTING', `Flotte en cours de démarrage (attendu ${waitedMs} ms), réessayez`, { waited_ms: waitedMs, retry_after_s: retryAfterS });
    err.headers['Retry-After'] = String(retryAfterS);
    return err;
  },
  fleetStopping: () => new Mk6Error(503, 'FLEET_STOPPING', 'Flotte en cours d\'arrêt'),
  /** The live stream has all the clients it serves: try again in `retryAfterS`. */
  streamFull: (max: number, retryAfterS: number) => {
    const err = new Mk6Error(503, 'STREAM_FULL', `Trop de clients du flux (max ${max})`, { max, retry_after_s: retryAfterS });
    err.headers['Retry-After'] = String(retryAfterS);
    return err;
  },
  headersTooLarge: () => new Mk6Error(431, 'HEADERS_TOO_LARGE', 'En-têtes trop gros (max 16 KiB)'),
  requestTimeout: () => new Mk6Error(408, 'REQUEST_TIMEOUT', 'Requête trop lente'),
  /** What Node's HTTP parser refused (by its error code), before any middleware ran. */
  parserRefused: (parserCode: string | undefined): Mk6Error =>
    parserCode === 'HPE_HEADER_OVERFLOW' ? errors.headersTooLarge() : parserCode === 'HPE_REQUEST_TIMEOUT' ? errors.requestTimeout() : errors.badRequest('Requête HTTP invalide'),
  /** A 4xx raised by Koa or a body parser, under the contract's code for its status. */
  httpStatus: (status: number, message: string) => new Mk6Error(status, HTTP_STATUS_CODES[status] ?? 'BAD_REQUEST', message),
  notImplemented: () => new Mk6Error(501, 'NOT_IMPLEMENTED', 'Méthode non implémentée'),
  internal: () => new Mk6Error(500, 'INTERNAL_ERROR', 'Erreur interne'),
  /** The `error` network condition: the answer a tester asked for, marked as injected. */
  injected: (status: number, code: string, message: string) => new Mk6Error(status, code, message, { injected: true }),
};

const HTTP_STATUS_CODES: Record<number, string> = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 406: 'NOT_ACCEPTABLE', 411: 'LENGTH_REQUIRED', 414: 'URI_TOO_LONG', 415: 'UNSUPPORTED_MEDIA_TYPE', 431: 'HEADERS_TOO_LARGE' };
