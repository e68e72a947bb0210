/**
 * The fleet file (`fleet.yaml`, or JSON): every key it may hold; an unknown key is a fault.
 * The wording of a field's fault in the file is beside its schema (`worded`); what a schema
 * cannot say (unique ids, aliases and ports across MK6s, one thissite, a defined token
 * variable) is checked after it, in supervisor/fleet-file.ts.
 */
import { errors } from '../errors.js';
import { NetworkCondition } from './network.js';
import { MK6_CLOCK_FIELDS } from './mk6-clock.js';
import { MAX_SITES, SiteDef } from './mock-control.js';
import { SafeId, StringEnum, Type } from './kit.js';
import { contractFault, worded } from './validate.js';
import { say } from '../../i18n/api-messages.js';
const Port = () => worded(Type.Integer({ minimum: 0, maximum: 65535, description: '0 = any free port' }), (v) => `port invalide: ${JSON.stringify(v)} (0..65535, 0 = libre)`);
const Host = () => worded(Type.String({ pattern: '^[A-Za-z0-9.:-]{1,255}$' }), (v) => `hôte invalide: ${JSON.stringify(v)}`);
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** An MK6's own address, or a DNS name (a pod's, with `engine: external`): at least one letter, so `127.0.0.300` stays a bad address. */
const DNS_NAME = '(?=[0-9.]*[A-Za-z-])[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*';
const AddressOrName = () => worded(Type.String({ pattern: `^(${OCTET}(\\.${OCTET}){3}|${DNS_NAME})$`, maxLength: 253, description: 'an IPv4 address (e.g. 127.0.1.5) or a DNS name (e.g. mk6-0.mk6.recette.svc)' }), (v) => `adresse IPv4 invalide: ${JSON.stringify(v)} (ou un nom DNS)`);
/** Who runs the workers: pm2 on this machine (default), or someone else (pods, systemd, a script) the supervisor adopts them from. */
export const ENGINES = ['pm2', 'external'];
/** `127.0.1.0/24`: MK6 n of the file gets the (n+1)th address of that loopback range. */
const LoopbackRange = () => worded(Type.String({ pattern: `^127(\\.${OCTET}){3}/(8|9|[12]\\d|30)$`, description: 'a range of 127.0.0.0/8, e.g. 127.0.1.0/24' }), (v) => `plage invalide: ${JSON.stringify(v)} (une plage de 127.0.0.0/8, /8 à /30, ex. 127.0.1.0/24)`);
/** A site of the file: a provision's site (SiteDef, the same fields), and no other key. */
export const FleetSite = contractFault(Type.Object(SiteDef.properties, { additionalProperties: false }), {
    wrongType: (_, field) => errors.badRequest(say('mustBeObject', field), { field }),
});
export const FleetMk6 = worded(Type.Object({
    id: worded(SafeId(), (v) => `id invalide: ${JSON.stringify(v)} (lettres, chiffres, '.', '_', '-', 64 max)`),
    aliases: Type.Optional(worded(Type.Array(SafeId()), () => "une liste d'ids est attendue")),
    port: Type.Optional(Port()),
    host: Type.Optional(AddressOrName()),
    sites: contractFault(Type.Array(FleetSite, { minItems: 1, maxItems: MAX_SITES }), {
        wrongType: (_, field) => errors.badRequest(say('sitesMustBeList'), { field }),
        invalid: (_, field) => errors.badRequest(say('sitesCount', MAX_SITES), { field }),
    }),
    auth: Type.Optional(worded(Type.Object({ token_env: worded(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,127}$' }), () => "nom de variable d'environnement attendu") }, { additionalProperties: false }), () => 'un objet {token_env} est attendu')),
    network: Type.Optional(worded(Type.Array(NetworkCondition), () => 'une liste de conditions réseau est attendue ({name, type, …})')),
    clock: Type.Optional(worded(Type.Object(MK6_CLOCK_FIELDS, { additionalProperties: false, description: "the MK6's own clock: {offset: \"+90s\", drift_ppm: 200}" }), () => 'un objet {offset, drift_ppm} est attendu')),
}, { additionalProperties: false }), () => 'un objet {id, sites, …} est attendu');
export const FleetFile = Type.Object({
    name: Type.Optional(worded(SafeId({ default: 'fleet' }), (v) => `nom invalide: ${JSON.stringify(v)}`)),
    seed: Type.Optional(worded(Type.Integer({ default: 1 }), () => 'un entier est attendu')),
    engine: Type.Optional(worded(StringEnum(ENGINES, { default: 'pm2' }), (v) => `engine invalide: ${JSON.stringify(v)} (pm2|external)`)),
    proxy: Type.Optional(worded(Type.Object({ host: Type.Optional(Host()), port: Type.Optional(Port()) }, { additionalProperties: false }), () => 'un objet {host, port} est attendu')),
    workers: Type.Optional(worded(Type.Object({
        host: Type.Optional(Host()),
        base_port: Type.Optional(Port()),
        address_per_mk6: Type.Optional(LoopbackRange()),
        port: Type.Optional(worded(Type.Integer({ minimum: 1, maximum: 65535, description: 'with address_per_mk6: the port every MK6 listens on' }), (v) => `port invalide: ${JSON.stringify(v)} (1..65535)`)),
    }, { additionalProperties: false }), () => 'un objet {host, base_port} ou {address_per_mk6, port} est attendu')),
    mk6: worded(Type.Array(FleetMk6, { minItems: 1 }), () => 'une liste non vide de MK6 est attendue', 'une liste non vide de MK6 est attendue'),
}, { $id: 'FleetFile', additionalProperties: false });
