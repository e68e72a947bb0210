/**
 * The fleet file (YAML or JSON), loaded once and validated into a typed Fleet. Every fault
 * is reported as `file:line path: message` before anything starts.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { Mk6Error } from '../src/domain/errors.js';
import { isSafeId } from '../src/schema/validate.js';
import { validateSites, type SiteConfig } from '../src/domain/sites.js';
import { conditionView, parseCondition, type ConditionView } from '../src/network/condition.js';

export interface Mk6Spec {
  id: string;
  aliases: string[];
  /** 0 = any free port, chosen at start. */
  port: number;
  sites: SiteConfig[];
  /** The name of the env var holding this MK6's bearer token (never the token itself). */
  tokenEnv: string | null;
  /** Where its port stands in the fleet file (else the MK6 itself), for a port found in use after loading. */
  line: number;
  /** Network conditions from the start (src/network/), as validated views. */
  network?: ConditionView[];
}

export interface Fleet {
  file: string;
  name: string;
  seed: number;
  proxy: { host: string; port: number };
  workers: { host: string; basePort: number };
  mk6: Mk6Spec[];
}

export class FleetFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Fichier de flotte invalide:\n  ${problems.join('\n  ')}`);
    this.name = 'FleetFileError';
  }
}

type Path = (string | number)[];

const FLEET_KEYS = ['name', 'seed', 'proxy', 'workers', 'mk6'];
const PROXY_KEYS = ['host', 'port'];
const WORKER_KEYS = ['host', 'base_port'];
const MK6_KEYS = ['id', 'aliases', 'port', 'sites', 'auth', 'network'];
const SITE_KEYS = ['sycode', 'name', 'role', 'pmax_kw', 'prm_id'];
const AUTH_KEYS = ['token_env'];

export function loadFleetFile(file: string, env: NodeJS.ProcessEnv = process.env): Fleet {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new FleetFileError([`${file}: illisible (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  return parseFleet(text, file, env);
}

export function parseFleet(text: string, file: string, env: NodeJS.ProcessEnv = process.env): Fleet {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problems: string[] = [];
  for (const e of doc.errors) problems.push(`${file}:${lines.linePos(e.pos[0]).line} ${e.message.split('\n')[0]}`);
  if (problems.length) throw new FleetFileError(problems);

  const lineOf = (path: Path): number => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
      if (p.length === 0) return 1;
    }
  };
  const fault = (path: Path, message: string) => {
    const shown = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('') || '(racine)';
    problems.push(`${file}:${lineOf(path)} ${shown}: ${message}`);
  };
  const root = doc.toJS() as unknown;
  if (!isObject(root)) throw new FleetFileError([`${file}:1 (racine): un objet est attendu (name, seed, proxy, workers, mk6)`]);
  checkKeys(root, FLEET_KEYS, [], fault);

  const name = root.name ?? 'fleet';
  if (!isSafeId(name)) fault(['name'], `nom invalide: ${JSON.stringify(name)}`);
  const seed = root.seed ?? 1;
  if (!Number.isSafeInteger(seed)) fault(['seed'], 'un entier est attendu');
  const proxy = isObject(root.proxy) ? root.proxy : {};
  if (root.proxy !== undefined && !isObject(root.proxy)) fault(['proxy'], 'un objet {host, port} est attendu');
  checkKeys(proxy, PROXY_KEYS, ['proxy'], fault);
  const workers = isObject(root.workers) ? root.workers : {};
  if (root.workers !== undefined && !isObject(root.workers)) fault(['workers'], 'un objet {host, base_port} est attendu');
  checkKeys(workers, WORKER_KEYS, ['workers'], fault);
  const proxyPort = checkPort(proxy.port ?? 9001, ['proxy', 'port'], fault);
  const basePort = checkPort(workers.base_port ?? 9101, ['workers', 'base_port'], fault);
  const proxyHost = checkHost(proxy.host ?? '127.0.0.1', ['proxy', 'host'], fault);
  const workerHost = checkHost(workers.host ?? '127.0.0.1', ['workers', 'host'], fault);

  const list = root.mk6;
  const mk6: Mk6Spec[] = [];
  if (!Array.isArray(list) || list.length === 0) fault(['mk6'], 'une liste non vide de MK6 est attendue');
  const names = new Map<string, string>();
  const ports = new Map<number, string>();
  if (proxyPort > 0) ports.set(proxyPort, 'le proxy');
  (Array.isArray(list) ? list : []).forEach((raw, i) => {
    const at: Path = ['mk6', i];
    if (!isObject(raw)) return fault(at, 'un objet {id, sites, …} est attendu');
    checkKeys(raw, MK6_KEYS, at, fault);
    const id = raw.id;
    if (!isSafeId(id)) return fault([...at, 'id'], `id invalide: ${JSON.stringify(id)} (lettres, chiffres, '.', '_', '-', 64 max)`);
    const aliases = raw.aliases ?? [];
    if (!Array.isArray(aliases) || !aliases.every(isSafeId)) fault([...at, 'aliases'], 'une liste d\'ids est attendue');
    for (const n of [id, ...(Array.isArray(aliases) ? aliases.filter(isSafeId) : [])]) {
      const other = names.get(n);
      if (other !== undefined) fault([...at, n === id ? 'id' : 'aliases'], `'${n}' déjà utilisé par ${other}`);
      else names.set(n, `mk6[${i}]`);
    }
    let port = basePort > 0 ? basePort + i : 0;
    if (raw.port !== undefined) port = checkPort(raw.port, [...at, 'port'], fault);
    if (port > 0) {
      const other = ports.get(port);
      if (other !== undefined) fault([...at, 'port'], `port ${port} déjà utilisé par ${other}`);
      else ports.set(port, `mk6[${i}] (${id})`);
    }
    let tokenEnv: string | null = null;
    if (raw.auth !== undefined) {
      if (!isObject(raw.auth)) fault([...at, 'auth'], 'un objet {token_env} est attendu');
      else {
        checkKeys(raw.auth, AUTH_KEYS, [...at, 'auth'], fault);
        const te = raw.auth.token_env;
        if (typeof te !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(te)) fault([...at, 'auth', 'token_env'], 'nom de variable d\'environnement attendu');
        else if (!env[te]) fault([...at, 'auth', 'token_env'], `la variable d'environnement ${te} n'est pas définie`);
        else tokenEnv = te;
      }
    }
    if (Array.isArray(raw.sites)) raw.sites.forEach((s, j) => isObject(s) && checkKeys(s, SITE_KEYS, [...at, 'sites', j], fault));
    let sites: SiteConfig[] = [];
    try {
      sites = validateSites(raw.sites);
    } catch (err) {
      if (!(err instanceof Mk6Error)) throw err;
      const field = String(err.details.field ?? 'sites');
      const m = /^sites\[(\d+)\](?:\.(\w+))?$/.exec(field);
      fault(m ? [...at, 'sites', Number(m[1]), ...(m[2] ? [m[2]] : [])] : [...at, 'sites'], err.message);
    }
    const network = checkNetwork(raw.network, [...at, 'network'], fault);
    mk6.push({ id, aliases: Array.isArray(aliases) ? aliases.filter(isSafeId) : [], port, sites, tokenEnv, line: lineOf(raw.port !== undefined ? [...at, 'port'] : at), ...(network.length ? { network } : {}) });
  });
  if (problems.length) throw new FleetFileError(problems);
  return {
    file,
    name: name as string,
    seed: seed as number,
    proxy: { host: proxyHost, port: proxyPort },
    workers: { host: workerHost, basePort },
    mk6,
  };
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(obj: Record<string, unknown>, allowed: string[], at: Path, fault: (p: Path, m: string) => void): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fault([...at, key], `clé inconnue (attendu: ${allowed.join(', ')})`);
  }
}

/** `network: [ {name, type, …} ]`: each condition validated as the worker's route does, faults at the field's line. */
function checkNetwork(value: unknown, at: Path, fault: (p: Path, m: string) => void): ConditionView[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    fault(at, 'une liste de conditions réseau est attendue ({name, type, …})');
    return [];
  }
  const out: ConditionView[] = [];
  const names = new Set<string>();
  value.forEach((raw, j) => {
    try {
      const view = conditionView(parseCondition(raw));
      if (names.has(view.name as string)) return fault([...at, j, 'name'], `condition '${view.name}' déjà définie`);
      names.add(view.name as string);
      out.push(view);
    } catch (err) {
      if (!(err instanceof Mk6Error)) throw err;
      const field = typeof err.details.field === 'string' && isObject(raw) && err.details.field in raw ? [err.details.field] : [];
      fault([...at, j, ...field], err.message);
    }
  });
  return out;
}

function checkPort(value: unknown, at: Path, fault: (p: Path, m: string) => void): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 65535) {
    fault(at, `port invalide: ${JSON.stringify(value)} (0..65535, 0 = libre)`);
    return 0;
  }
  return value as number;
}

function checkHost(value: unknown, at: Path, fault: (p: Path, m: string) => void): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9.:-]{1,255}$/.test(value)) {
    fault(at, `hôte invalide: ${JSON.stringify(value)}`);
    return '127.0.0.1';
  }
  return value;
}
