/**
 * The fleet file (YAML or JSON), loaded once and validated into a typed Fleet by its schema
 * (src/schema/fleet-file.ts), then by the rules a schema cannot say (unique ids, aliases and
 * ports across MK6s, one thissite and unique sycodes per MK6, a defined token variable,
 * each network condition as the worker's route reads it). Every fault is reported, in file
 * order, as `file:line path: message`, before anything starts.
 */
import { readFileSync } from 'node:fs';
import { Mk6Error } from '../contract/errors.js';
import { checkSites } from '../domain/sites.js';
import { readSites } from '../contract/sites-body.js';
import { conditionView, parseCondition } from '../worker/network/condition.js';
import { FleetFile } from '../contract/schema/index.js';
import { covers, plainDocument, schemaFaults } from '../contract/schema/validate.js';
import { YamlSource } from './yaml-source.js';
import { verbatim } from '../i18n/api-messages.js';
import { problemList, sayFile } from '../i18n/file-messages.js';
import { readRecordedDay, RecordedFileError } from './recorded-file.js';
import { readMk6Clock } from '../contract/mk6-clock.js';
/** Every fault of a fleet file, each `file:line path: message` in both languages; `.message` is French. */
export class FleetFileError extends Error {
    problems;
    constructor(problems) {
        super(problemList('fleetInvalid', problems, 'fr'));
        this.problems = problems;
        this.name = 'FleetFileError';
    }
    /** The faults under their heading, in `lang`. */
    render(lang) {
        return problemList('fleetInvalid', this.problems, lang);
    }
}
const WORDING = {
    missing: (field) => sayFile('missingField', field),
    unknown: (_key, allowed) => sayFile('unknownKey', allowed.join(', ')),
};
export function loadFleetFile(file, env = process.env) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (err) {
        const reason = sayFile('unreadable', err.code ?? err.message);
        throw new FleetFileError([(lang) => `${file}: ${reason(lang)}`]);
    }
    return parseFleet(text, file, env);
}
export function parseFleet(text, file, env = process.env) {
    const source = new YamlSource(text, file);
    if (source.syntaxFaults.length)
        throw new FleetFileError(source.syntaxFaults);
    const root = plainDocument(source.root);
    if (!isObject(root))
        throw new FleetFileError([source.fault([], sayFile('fleetRootObject'))]);
    // 1. The schema: every key, type and range. A network condition is left to its own parser (step 2).
    const schema = schemaFaults(FleetFile, root, WORDING).filter((f) => !inCondition(f.path));
    /** A value the schema found nothing wrong with, at it, above it or below it: safe to read as typed. */
    const clean = (path) => !schema.some((f) => covers(f.path, path) || covers(path, f.path));
    const fleet = root;
    // 2. What a schema cannot say, on the values it passed.
    const faults = [];
    const fault = (path, message) => faults.push({ path, message });
    const proxyPort = clean(['proxy', 'port']) ? (fleet.proxy?.port ?? 9001) : 0;
    const range = clean(['workers', 'address_per_mk6']) && fleet.workers?.address_per_mk6 ? addressRange(fleet.workers.address_per_mk6) : null;
    const sharedPort = clean(['workers', 'port']) ? (fleet.workers?.port ?? null) : null;
    if (fleet.workers?.port !== undefined && !fleet.workers?.address_per_mk6)
        fault(['workers', 'port'], sayFile('portNeedsAddresses'));
    if (range && fleet.workers?.base_port !== undefined)
        fault(['workers', 'base_port'], sayFile('basePortWithAddresses'));
    const basePort = range ? 0 : clean(['workers', 'base_port']) ? (fleet.workers?.base_port ?? 9101) : 0;
    const workerHost = fleet.workers?.host ?? '127.0.0.1';
    const proxyHost = fleet.proxy?.host ?? '127.0.0.1';
    const names = new Map();
    /** host:port → who listens there (the same port on two addresses is two places). */
    const places = new Map();
    if (proxyPort > 0)
        places.set(`${proxyHost}:${proxyPort}`, sayFile('theProxy'));
    const mk6 = [];
    (Array.isArray(fleet.mk6) ? fleet.mk6 : []).forEach((raw, i) => {
        const at = ['mk6', i];
        if (!isObject(raw))
            return;
        const id = clean([...at, 'id']) ? raw.id : null;
        const aliases = clean([...at, 'aliases']) ? (raw.aliases ?? []) : [];
        for (const n of id === null ? aliases : [id, ...aliases]) {
            const other = names.get(n);
            if (other !== undefined)
                fault([...at, n === id ? 'id' : 'aliases'], sayFile('alreadyUsedBy', `'${n}'`, other));
            else
                names.set(n, `mk6[${i}]`);
        }
        let port = range ? (sharedPort ?? 8080) : basePort > 0 ? basePort + i : 0;
        if (raw.port !== undefined)
            port = clean([...at, 'port']) ? raw.port : 0;
        let host = workerHost;
        if (range) {
            if (i >= range.size)
                fault(at, sayFile('moreMk6ThanAddresses', range.cidr, range.size));
            else
                host = range.address(i);
        }
        if (raw.host !== undefined && clean([...at, 'host']))
            host = raw.host;
        if (fleet.engine === 'external' && port === 0)
            fault(raw.port !== undefined ? [...at, 'port'] : at, sayFile('externalNeedsPort'));
        if (port > 0) {
            const place = `${host}:${port}`;
            const other = places.get(place);
            if (other !== undefined) {
                const what = host === workerHost && !range ? `port ${port}` : place;
                fault([...at, raw.port !== undefined ? 'port' : raw.host !== undefined ? 'host' : 'port'], (lang) => sayFile('alreadyUsedBy', what, other(lang))(lang));
            }
            else
                places.set(place, verbatim(`mk6[${i}] (${id})`));
        }
        let tokenEnv = null;
        const te = raw.auth?.token_env;
        if (te !== undefined && clean([...at, 'auth', 'token_env'])) {
            if (!env[te])
                fault([...at, 'auth', 'token_env'], sayFile('envUndefined', te));
            else
                tokenEnv = te;
        }
        let sites = [];
        if (clean([...at, 'sites'])) {
            const recorded = recordedFiles(raw.sites, file, [...at, 'sites'], fault);
            try {
                if (recorded)
                    sites = checkSites(readSites(recorded)); // one thissite, unique sycodes and names: the provision's rules
            }
            catch (err) {
                if (!(err instanceof Mk6Error))
                    throw err;
                fault([...at, ...fieldPath(String(err.details.field ?? 'sites'))], err.text);
            }
        }
        const network = clean([...at, 'network']) ? conditions(raw.network ?? [], [...at, 'network'], fault) : [];
        const clock = raw.clock !== undefined && clean([...at, 'clock']) ? ownClock(raw.clock, [...at, 'clock'], fault) : null;
        if (id !== null)
            mk6.push({ id, aliases, host, port, sites, tokenEnv, line: source.lineOf(raw.port !== undefined ? [...at, 'port'] : at), ...(network.length ? { network } : {}), ...(clock ? { clock } : {}) });
    });
    const all = [...schema, ...faults];
    if (all.length)
        throw new FleetFileError(inFileOrder(source, all));
    return {
        file,
        name: fleet.name ?? 'fleet',
        seed: fleet.seed ?? 1,
        engine: fleet.engine ?? 'pm2',
        proxy: { host: fleet.proxy?.host ?? '127.0.0.1', port: proxyPort },
        workers: { host: workerHost, basePort, addresses: range, port: range ? (sharedPort ?? 8080) : null },
        mk6,
    };
}
/** `clock: {offset, drift_ppm}` read as the clock route reads its body; offset 0 and drift 0 is the fleet clock (none). */
function ownClock(raw, at, fault) {
    try {
        const clock = readMk6Clock(raw);
        return clock.offsetMs === 0 && clock.driftPpm === 0 ? null : clock;
    }
    catch (err) {
        if (!(err instanceof Mk6Error))
            throw err;
        fault(String(err.details.field ?? '') === 'offset' ? [...at, 'offset'] : at, err.text);
        return null;
    }
}
/** `sites[0].profile.points[3]` → ['sites', 0, 'profile', 'points', 3]: where a site's fault is in the file. */
function fieldPath(field) {
    const path = [];
    for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
        path.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    return path.length ? path : ['sites'];
}
/** The sites with each recorded day's `file` read into its points (a fault: `file:line` at the site's `profile.file`); null if one fails. */
function recordedFiles(sites, fleetFile, at, fault) {
    let ok = true;
    const out = sites.map((site, j) => {
        const profile = isObject(site) && isObject(site.profile) ? site.profile : null;
        if (!isObject(site) || !profile || profile.kind !== 'recorded' || typeof profile.file !== 'string')
            return site;
        try {
            const { file: _, ...rest } = profile;
            return { ...site, profile: { ...rest, points: readRecordedDay(profile.file, fleetFile, Number(site.pmax_kw)) } };
        }
        catch (err) {
            if (!(err instanceof RecordedFileError))
                throw err;
            fault([...at, j, 'profile', 'file'], err.text);
            ok = false;
            return site;
        }
    });
    return ok ? out : null;
}
/** `mk6[i].network[j]` and below: a condition, read by the worker's own parser. */
function inCondition(path) {
    return path.length >= 4 && path[0] === 'mk6' && path[2] === 'network';
}
/** `network: [ {name, type, …} ]`: each condition parsed as the worker's route does (its type's own fields), faults at the field's line. */
function conditions(list, at, fault) {
    const out = [];
    const names = new Set();
    list.forEach((raw, j) => {
        try {
            const view = conditionView(parseCondition(raw));
            if (names.has(view.name))
                return fault([...at, j, 'name'], sayFile('conditionDefined', String(view.name)));
            names.add(view.name);
            out.push(view);
        }
        catch (err) {
            if (!(err instanceof Mk6Error))
                throw err;
            const field = typeof err.details.field === 'string' && isObject(raw) && err.details.field in raw ? [err.details.field] : [];
            fault([...at, j, ...field], err.text);
        }
    });
    return out;
}
/** Faults as `file:line path: message`, by line (faults of one line as found). */
function inFileOrder(source, faults) {
    return faults
        .map((f) => ({ line: source.lineOf(f.path), text: source.fault(f.path, f.message) }))
        .sort((a, b) => a.line - b.line)
        .map((f) => f.text);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
export function addressRange(cidr) {
    const [ip, bits] = cidr.split('/');
    const base = ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
    const span = 2 ** (32 - Number(bits));
    const first = base - (base % span) + 1;
    return {
        cidr,
        size: span - 2,
        address: (index) => {
            const n = first + index;
            return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
        },
    };
}
