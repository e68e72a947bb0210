/**
 * The API's catalogue: every `message` of an error body and every other sentence in an API
 * answer, in French (the seed's language, the default) and English. Codes, field names and
 * `details` are machine text and never come from here. A message is a sentence or a function
 * of its parameters; `say(key, ...params)` makes the text of one message in both languages,
 * rendered when the answer is written, in the request's language (`Accept-Language`).
 */
import { textsOf, type Catalogue, type Text } from './catalogue.js';
import { formatNumber } from './format.js';

export interface ApiMessages {
  // Sentences of successful answers
  journalCleared: string;
  mockReset: string;
  clockReleased: string;
  modeProduction: string;
  modeMock: string;
  // The contract's fixed errors (src/contract/errors.ts)
  authRequired: string;
  tokenInvalid: string;
  productionWrite: string;
  unknownRoute: string;
  unknownRouteAt: (method: string, path: string) => string;
  unknownFile: (path: string) => string;
  mk6NotFound: (id: string) => string;
  siteNotFound: (site: string) => string;
  requestNotFound: (id: string) => string;
  methodNotAllowed: string;
  requestLocked: (id: string, state: string) => string;
  payloadTooLarge: (limit: string) => string;
  invalidTimeRange: string;
  missingField: (field: string) => string;
  confirmationRequired: string;
  siteNotAccessible: (sycode: string) => string;
  mk6Offline: (id: string) => string;
  mk6Unreachable: (id: string) => string;
  mk6Timeout: (id: string, ms: number) => string;
  fleetStarting: (waitedMs: number) => string;
  fleetStopping: string;
  streamFull: (max: number) => string;
  headersTooLarge: string;
  requestTimeout: string;
  httpInvalid: string;
  jsonInvalid: string;
  requestInvalid: string;
  requestRefused: string;
  notImplemented: string;
  internal: string;
  // Fields, by the one mapping of src/contract/schema/validate.ts
  bodyNotObject: string;
  mustBeNumber: (field: string) => string;
  mustBeBoolean: (field: string) => string;
  mustBeString: (field: string) => string;
  mustBeObject: (field: string) => string;
  mustBeNonNegativeInteger: (field: string) => string;
  fieldInvalid: (field: string) => string;
  /** `shown`: the value as given, quoted by the caller. */
  fieldInvalidValue: (field: string, shown: string) => string;
  /** `allowed`: the values the field takes, `a|b|c`. */
  fieldInvalidAmong: (field: string, shown: string, allowed: string) => string;
  fieldInvalidHint: (field: string, hint: string) => string;
  safeIdInvalid: (field: string) => string;
  outOfRange: (field: string, value: number, integer: boolean, exclusive: boolean, min: number, max: number) => string;
  objectExpected: (field: string) => string;
  plantObjectExpected: (field: string) => string;
  unknownKey: (field: string, expected: string) => string;
  nothingToChange: (fields: string) => string;
  // Query strings (history, live stream)
  givenTwice: (field: string) => string;
  stepInvalid: (shown: string) => string;
  stepWholeSeconds: string;
  tooManyRows: (rows: number, max: number) => string;
  intervalOutOfRange: (min: number, max: number, value: number) => string;
  streamTypesInvalid: (shown: string) => string;
  // Mock controls
  fleetSettingsInvalid: string;
  severalAuthorizations: string;
  roleInvalid: (shown: string) => string;
  pmaxPositive: string;
  siteStateInvalid: (value: number) => string;
  tokenVisibleAscii: string;
  valueKwNonNegative: string;
  speedInvalid: (max: number) => string;
  journalBatchUnreadable: string;
  unknownRecording: (name: string) => string;
  recetteInvalid: (first: string, more: number) => string;
  timelineInvalid: (first: string, more: number) => string;
  // Network conditions
  conditionUnknownField: (type: string, key: string, expected: string) => string;
  conditionMethodsList: string;
  conditionUnknownMethod: (method: string) => string;
  conditionTooMany: (max: number) => string;
  conditionNotFound: (name: string) => string;
  conditionDuplicateNames: string;
  conditionPathInvalid: string;
  conditionCodeInvalid: string;
  conditionMessageInvalid: string;
  // Sites, setpoints, profiles (the domain)
  sitesMustBeList: string;
  sitesCount: (max: number) => string;
  oneThissite: (found: number) => string;
  duplicateSite: (site: string) => string;
  psetpointForStop: string;
  psetpointOutOfRange: (max: number, value: number) => string;
  profileLowAboveHigh: (field: string, low: number, high: number) => string;
  profileMaxAbovePmax: (field: string, max: number, pmax: number) => string;
  profileMinAboveMax: (field: string, min: number, max: number) => string;
  profileFileFromFleetOnly: (field: string) => string;
  profileTooManyPoints: (field: string, max: number) => string;
  profileTimeInvalid: (at: string, shown: string) => string;
  profileKwOutOfRange: (at: string, pmax: number, kw: number | string) => string;
  profileTimeRepeated: (at: string, time: string, point: number) => string;
}

const fr: ApiMessages = {
  journalCleared: 'Log vidé',
  mockReset: 'Mock réinitialisé',
  clockReleased: 'Horloge liberee — temps reel actif',
  modeProduction: 'Mode production: écritures bloquées',
  modeMock: 'Mode mock: écritures autorisées',
  authRequired: 'Authentification requise (Bearer)',
  tokenInvalid: 'Jeton invalide',
  productionWrite: 'Écriture bloquée en mode production',
  unknownRoute: 'Route inconnue',
  unknownRouteAt: (method, path) => `Route inconnue: ${method} ${path}`,
  unknownFile: (path) => `Fichier inconnu: ${path}`,
  mk6NotFound: (id) => `MK6 inconnu: '${id}'`,
  siteNotFound: (site) => `Site inconnu: '${site}'`,
  requestNotFound: (id) => `Consigne inconnue: '${id}'`,
  methodNotAllowed: 'Méthode non autorisée',
  requestLocked: (id, state) => `Consigne ${id} verrouillée (état ${state})`,
  payloadTooLarge: (limit) => `Corps de requête trop gros (max ${limit})`,
  invalidTimeRange: 'end_time doit être postérieur à start_time',
  missingField: (field) => `Champ obligatoire manquant: ${field}`,
  confirmationRequired: 'main_reset exige "confirm": true',
  siteNotAccessible: (sycode) => `Site ${sycode} non accessible (state=0)`,
  mk6Offline: (id) => `MK6 ${id} hors ligne`,
  mk6Unreachable: (id) => `MK6 ${id} injoignable`,
  mk6Timeout: (id, ms) => `MK6 ${id} ne répond pas (${ms} ms)`,
  fleetStarting: (waitedMs) => `Flotte en cours de démarrage (attendu ${waitedMs} ms), réessayez`,
  fleetStopping: "Flotte en cours d'arrêt",
  streamFull: (max) => `Trop de clients du flux (max ${max})`,
  headersTooLarge: 'En-têtes trop gros (max 16 KiB)',
  requestTimeout: 'Requête trop lente',
  httpInvalid: 'Requête HTTP invalide',
  jsonInvalid: 'JSON invalide',
  requestInvalid: 'Requête invalide',
  requestRefused: 'Requête refusée',
  notImplemented: 'Méthode non implémentée',
  internal: 'Erreur interne',
  bodyNotObject: 'Le corps doit être un objet JSON',
  mustBeNumber: (field) => `${field} doit être un nombre`,
  mustBeBoolean: (field) => `${field} doit être un booléen`,
  mustBeString: (field) => `${field} doit être une chaîne`,
  mustBeObject: (field) => `${field} doit être un objet`,
  mustBeNonNegativeInteger: (field) => `${field} doit être un entier >= 0`,
  fieldInvalid: (field) => `${field} invalide`,
  fieldInvalidValue: (field, shown) => `${field} invalide: ${shown}`,
  fieldInvalidAmong: (field, shown, allowed) => `${field} invalide: ${shown} (${allowed})`,
  fieldInvalidHint: (field, hint) => `${field} invalide (${hint})`,
  safeIdInvalid: (field) => `${field} invalide (lettres, chiffres, '.', '_', '-', 64 max)`,
  outOfRange: (field, value, integer, exclusive, min, max) =>
    `${field} invalide: ${value} (${integer ? 'un entier' : 'un nombre'} ${exclusive ? '>' : '>='} ${min} et <= ${max})`,
  objectExpected: (field) => `${field}: un objet est attendu`,
  plantObjectExpected: (field) => `${field}: un objet {kind: model|walk|recorded, …} est attendu`,
  unknownKey: (field, expected) => `${field}: clé inconnue (attendu: ${expected})`,
  nothingToChange: (fields) => `Rien à modifier (${fields})`,
  givenTwice: (field) => `${field} donné plusieurs fois`,
  stepInvalid: (shown) => `step invalide: ${shown} (ex. 30s, 5m, 1h, ou des secondes)`,
  stepWholeSeconds: 'step: un nombre entier de secondes >= 1',
  tooManyRows: (rows, max) => `trop de lignes: ${rows} (max ${max}): réduisez l'intervalle ou augmentez step`,
  intervalOutOfRange: (min, max, value) => `interval_ms hors plage [${min}, ${max}]: ${value}`,
  streamTypesInvalid: (shown) => `types invalide: ${shown} (fleet, telemetry, ou les deux)`,
  fleetSettingsInvalid: 'réglages de flotte invalides',
  severalAuthorizations: 'Plusieurs en-têtes Authorization',
  roleInvalid: (shown) => `role invalide: ${shown} (thissite|nearsite)`,
  pmaxPositive: 'pmax_kw doit être positif',
  siteStateInvalid: (value) => `state invalide: ${value} (0, 1 ou 2)`,
  tokenVisibleAscii: 'token: caractères ASCII visibles seulement',
  valueKwNonNegative: 'value_kw doit être >= 0',
  speedInvalid: (max) => `speed invalide (0..${max})`,
  journalBatchUnreadable: 'lot de journal illisible',
  unknownRecording: (name) => `Enregistrement inconnu: '${name}'`,
  recetteInvalid: (first, more) => `Recette invalide: ${first}${more ? ` (+${more})` : ''}`,
  timelineInvalid: (first, more) => `Timeline invalide: ${first}${more ? ` (+${more})` : ''}`,
  conditionUnknownField: (type, key, expected) => `champ inconnu pour ${type}: ${key} (attendu: ${expected})`,
  conditionMethodsList: 'methods doit être une liste non vide de méthodes HTTP',
  conditionUnknownMethod: (method) => `méthode inconnue: '${method}'`,
  conditionTooMany: (max) => `au plus ${max} conditions réseau par MK6`,
  conditionNotFound: (name) => `Condition réseau inconnue: '${name}'`,
  conditionDuplicateNames: 'noms de conditions réseau en double',
  conditionPathInvalid: 'path invalide (motif glob ou sous-chaîne, 200 max)',
  conditionCodeInvalid: 'code invalide (majuscules, chiffres, _; 64 max)',
  conditionMessageInvalid: 'message invalide (chaîne, 500 max)',
  sitesMustBeList: 'sites doit être une liste',
  sitesCount: (max) => `sites: entre 1 et ${max} sites`,
  oneThissite: (found) => `Exactement un thissite attendu (${found} trouvé(s))`,
  duplicateSite: (site) => `Site en double: ${site}`,
  psetpointForStop: "psetpoint n'a pas de sens pour un stop",
  psetpointOutOfRange: (max, value) => `psetpoint hors plage [0, ${formatNumber('fr', max)}]: ${formatNumber('fr', value)}`,
  profileLowAboveHigh: (field, low, high) => `${field}.low (${low}) doit être <= high (${high})`,
  profileMaxAbovePmax: (field, max, pmax) => `${field}.max_kw (${max}) dépasse pmax_kw (${pmax})`,
  profileMinAboveMax: (field, min, max) => `${field}.min_kw (${min}) doit être <= max_kw (${max})`,
  profileFileFromFleetOnly: (field) => `${field}.file: un fichier ne se lit que depuis le fichier de flotte; envoyez points`,
  profileTooManyPoints: (field, max) => `${field}.points: au plus ${max} points`,
  profileTimeInvalid: (at, shown) => `${at}: heure invalide: ${shown} ("HH:MM", "HH:MM:SS" ou ISO)`,
  profileKwOutOfRange: (at, pmax, kw) => `${at}: kW hors plage [0, ${pmax}]: ${kw}`,
  profileTimeRepeated: (at, time, point) => `${at}: heure ${time} déjà donnée (point ${point})`,
};

const en: ApiMessages = {
  journalCleared: 'Journal cleared',
  mockReset: 'Mock reset',
  clockReleased: 'Clock released — real time active',
  modeProduction: 'Production mode: writes blocked',
  modeMock: 'Mock mode: writes allowed',
  authRequired: 'Authentication required (Bearer)',
  tokenInvalid: 'Invalid token',
  productionWrite: 'Writes are blocked in production mode',
  unknownRoute: 'Unknown route',
  unknownRouteAt: (method, path) => `Unknown route: ${method} ${path}`,
  unknownFile: (path) => `Unknown file: ${path}`,
  mk6NotFound: (id) => `Unknown MK6: '${id}'`,
  siteNotFound: (site) => `Unknown site: '${site}'`,
  requestNotFound: (id) => `Unknown setpoint request: '${id}'`,
  methodNotAllowed: 'Method not allowed',
  requestLocked: (id, state) => `Setpoint request ${id} is locked (state ${state})`,
  payloadTooLarge: (limit) => `Request body too large (max ${limit})`,
  invalidTimeRange: 'end_time must be after start_time',
  missingField: (field) => `Missing required field: ${field}`,
  confirmationRequired: 'main_reset requires "confirm": true',
  siteNotAccessible: (sycode) => `Site ${sycode} not accessible (state=0)`,
  mk6Offline: (id) => `MK6 ${id} is offline`,
  mk6Unreachable: (id) => `MK6 ${id} is unreachable`,
  mk6Timeout: (id, ms) => `MK6 ${id} does not answer (${ms} ms)`,
  fleetStarting: (waitedMs) => `Fleet starting (waited ${waitedMs} ms), try again`,
  fleetStopping: 'Fleet stopping',
  streamFull: (max) => `Too many stream clients (max ${max})`,
  headersTooLarge: 'Headers too large (max 16 KiB)',
  requestTimeout: 'Request too slow',
  httpInvalid: 'Invalid HTTP request',
  jsonInvalid: 'Invalid JSON',
  requestInvalid: 'Invalid request',
  requestRefused: 'Request refused',
  notImplemented: 'Method not implemented',
  internal: 'Internal error',
  bodyNotObject: 'The body must be a JSON object',
  mustBeNumber: (field) => `${field} must be a number`,
  mustBeBoolean: (field) => `${field} must be a boolean`,
  mustBeString: (field) => `${field} must be a string`,
  mustBeObject: (field) => `${field} must be an object`,
  mustBeNonNegativeInteger: (field) => `${field} must be an integer >= 0`,
  fieldInvalid: (field) => `invalid ${field}`,
  fieldInvalidValue: (field, shown) => `invalid ${field}: ${shown}`,
  fieldInvalidAmong: (field, shown, allowed) => `invalid ${field}: ${shown} (${allowed})`,
  fieldInvalidHint: (field, hint) => `invalid ${field} (${hint})`,
  safeIdInvalid: (field) => `invalid ${field} (letters, digits, '.', '_', '-', 64 max)`,
  outOfRange: (field, value, integer, exclusive, min, max) =>
    `invalid ${field}: ${value} (${integer ? 'an integer' : 'a number'} ${exclusive ? '>' : '>='} ${min} and <= ${max})`,
  objectExpected: (field) => `${field}: an object is expected`,
  plantObjectExpected: (field) => `${field}: an object {kind: model|walk|recorded, …} is expected`,
  unknownKey: (field, expected) => `${field}: unknown key (expected: ${expected})`,
  nothingToChange: (fields) => `Nothing to change (${fields})`,
  givenTwice: (field) => `${field} given more than once`,
  stepInvalid: (shown) => `invalid step: ${shown} (e.g. 30s, 5m, 1h, or seconds)`,
  stepWholeSeconds: 'step: a whole number of seconds >= 1',
  tooManyRows: (rows, max) => `too many rows: ${rows} (max ${max}): narrow the interval or increase step`,
  intervalOutOfRange: (min, max, value) => `interval_ms out of range [${min}, ${max}]: ${value}`,
  streamTypesInvalid: (shown) => `invalid types: ${shown} (fleet, telemetry, or both)`,
  fleetSettingsInvalid: 'invalid fleet settings',
  severalAuthorizations: 'Several Authorization headers',
  roleInvalid: (shown) => `invalid role: ${shown} (thissite|nearsite)`,
  pmaxPositive: 'pmax_kw must be positive',
  siteStateInvalid: (value) => `invalid state: ${value} (0, 1 or 2)`,
  tokenVisibleAscii: 'token: visible ASCII characters only',
  valueKwNonNegative: 'value_kw must be >= 0',
  speedInvalid: (max) => `invalid speed (0..${max})`,
  journalBatchUnreadable: 'unreadable journal batch',
  unknownRecording: (name) => `Unknown recording: '${name}'`,
  recetteInvalid: (first, more) => `Invalid recette: ${first}${more ? ` (+${more})` : ''}`,
  timelineInvalid: (first, more) => `Invalid timeline: ${first}${more ? ` (+${more})` : ''}`,
  conditionUnknownField: (type, key, expected) => `unknown field for ${type}: ${key} (expected: ${expected})`,
  conditionMethodsList: 'methods must be a non-empty list of HTTP methods',
  conditionUnknownMethod: (method) => `unknown method: '${method}'`,
  conditionTooMany: (max) => `at most ${max} network conditions per MK6`,
  conditionNotFound: (name) => `Unknown network condition: '${name}'`,
  conditionDuplicateNames: 'duplicate network condition names',
  conditionPathInvalid: 'invalid path (glob pattern or substring, 200 max)',
  conditionCodeInvalid: 'invalid code (capitals, digits, _; 64 max)',
  conditionMessageInvalid: 'invalid message (string, 500 max)',
  sitesMustBeList: 'sites must be a list',
  sitesCount: (max) => `sites: between 1 and ${max} sites`,
  oneThissite: (found) => `Exactly one thissite expected (${found} found)`,
  duplicateSite: (site) => `Duplicate site: ${site}`,
  psetpointForStop: 'psetpoint makes no sense for a stop',
  psetpointOutOfRange: (max, value) => `psetpoint out of range [0, ${formatNumber('en', max)}]: ${formatNumber('en', value)}`,
  profileLowAboveHigh: (field, low, high) => `${field}.low (${low}) must be <= high (${high})`,
  profileMaxAbovePmax: (field, max, pmax) => `${field}.max_kw (${max}) exceeds pmax_kw (${pmax})`,
  profileMinAboveMax: (field, min, max) => `${field}.min_kw (${min}) must be <= max_kw (${max})`,
  profileFileFromFleetOnly: (field) => `${field}.file: a file is read only from the fleet file; send points`,
  profileTooManyPoints: (field, max) => `${field}.points: at most ${max} points`,
  profileTimeInvalid: (at, shown) => `${at}: invalid time: ${shown} ("HH:MM", "HH:MM:SS" or ISO)`,
  profileKwOutOfRange: (at, pmax, kw) => `${at}: kW out of range [0, ${pmax}]: ${kw}`,
  profileTimeRepeated: (at, time, point) => `${at}: time ${time} already given (point ${point})`,
};

export const apiMessages: Catalogue<ApiMessages> = { fr, en };

/** A text of the API in both languages, rendered when the answer is written. */
export type ApiText = Text;

/** The text of one catalogue message with its parameters. */
export const say = textsOf(apiMessages);

/**
 * A text the same in every language: a tester's own message (the `error` network condition),
 * a library's exposed message, a document's problem as a file reports it.
 */
export function verbatim(text: string): ApiText {
  return () => text;
}
