#!/usr/bin/env node
/**
 * `mk6-fleet`: drives a running fleet over its HTTP API, for people and scripts.
 * Exit codes: 0 done, 1 refused by the fleet (an HTTP error), 2 usage, 3 fleet unreachable.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { VerdictValue } from '../../src/contract/schema/recette.js';
import { parseRecetteText, RecetteError } from '../../src/config/recette-file.js';
import { verdictHtml, verdictJunit, verdictText } from './report.js';
import { sessionCommand, SESSION_USAGE } from './session.js';
import { followFleetEvents } from './stream.js';

const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;

const USAGE = `usage: mk6-fleet [--url URL] [--json] COMMAND
  status                                  the fleet: MK6s, processes, outages, network, clock, timeline
  wait [--timeout S]                      until every MK6 serves with the fleet's clock and mode (GET /readyz), default 60 s
  time set ISO [--speed K]                freeze the fleet clock at ISO (or run it at K× from there)
  time advance DURATION                   step the clock (e.g. 90s, 15m, 2h, 1h30m)
  time speed K                            run the clock at K× real time from now (0 = freeze)
  time release                            back to the system clock
  kill ID [--kind refused|blackhole|reset]
  restart ID [--kind warm|cold]
  offline ID | online ID
  network ID ls
  network ID add NAME TYPE [key=value …]  e.g. network ROU2 add lag latency latency_ms=200 jitter_ms=20
  network ID rm [NAME]                    without NAME: every condition
  timeline load FILE | timeline show | timeline clear
  journal [--since N] [--follow]
  events [--since N] [--follow]           the fleet's event log (clock, kills, restarts, outages, constraints, …); --follow: live (GET /mock/stream)
  verify FILE [--junit OUT.xml] [--html OUT.html]   the fleet's verdict on the gateway (a recette file)
${SESSION_USAGE}
--url defaults to $MK6_FLEET_URL, else the proxy of ./fleet.yaml ($MK6_FLEET), else http://127.0.0.1:9001.
exit: 0 ok, 1 refused by the fleet (wait: not ready in time; verify: a check failed), 2 usage (verify: a bad file), 3 fleet unreachable`;

class UsageError extends Error {}
class Unreachable extends Error {}
class Refused extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super(`${status}`);
  }
}

interface Options {
  url: string;
  json: boolean;
  kind?: string;
  speed?: string;
  since?: string;
  timeout?: string;
  follow: boolean;
  junit?: string;
  html?: string;
}

async function main(argv: string[]): Promise<number> {
  const session = sessionCommand(argv, defaultUrl); // record … | replay … (supervisor/session-cli.ts)
  if (session) return session;
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: 'string' },
        json: { type: 'boolean', default: false },
        kind: { type: 'string' },
        speed: { type: 'string' },
        since: { type: 'string' },
        timeout: { type: 'string' },
        follow: { type: 'boolean', short: 'f', default: false },
        junit: { type: 'string' },
        html: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    return usage((err as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const opts: Options = {
    url: String(values.url ?? defaultUrl()).replace(/\/+$/, ''),
    json: values.json === true,
    kind: values.kind as string | undefined,
    speed: values.speed as string | undefined,
    since: values.since as string | undefined,
    timeout: values.timeout as string | undefined,
    follow: values.follow === true,
    junit: values.junit as string | undefined,
    html: values.html as string | undefined,
  };
  try {
    return (await run(positionals, opts)) ?? EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError) return usage(err.message);
    if (err instanceof Unreachable) {
      console.error(`mk6-fleet: flotte injoignable sur ${opts.url} (${err.message})`);
      return EXIT.unreachable;
    }
    if (err instanceof Refused) {
      const b = err.body as { error?: string; message?: string } | null;
      console.error(`mk6-fleet: refusé (${err.status}${b?.error ? ` ${b.error}` : ''})${b?.message ? `: ${b.message}` : ''}`);
      if (opts.json) console.error(JSON.stringify(err.body));
      return EXIT.refused;
    }
    throw err;
  }
}

function usage(message: string): number {
  console.error(`mk6-fleet: ${message}\n${USAGE}`);
  return EXIT.usage;
}

async function run(args: string[], o: Options): Promise<number | void> {
  const [command, ...rest] = args;
  const out = (value: unknown, text: () => string) => console.log(o.json ? JSON.stringify(value, null, 2) : text());
  const mk6 = (id: string | undefined) => {
    if (!id) throw new UsageError(`${command}: ID manquant`);
    return `/mock/mk6/${encodeURIComponent(id)}`;
  };
  switch (command) {
    case 'status': {
      const [inv, clock, timeline] = await Promise.all([http(o, 'GET', '/mock/mk6'), http(o, 'GET', '/supervision/api/time'), http(o, 'GET', '/mock/timeline').catch(() => null)]);
      return out({ inventory: inv, clock, timeline }, () => statusText(inv, clock, timeline));
    }
    case 'time': {
      const [sub, arg] = rest;
      if (sub === 'set') {
        if (!arg) throw new UsageError('time set: heure ISO manquante');
        const speed = o.speed === undefined ? undefined : number(o.speed, '--speed');
        const res = await http(o, 'POST', '/mock/time', { now: arg, ...(speed !== undefined ? { speed } : {}) });
        return out(res, () => `horloge: ${(res as { now: string }).now}${speed ? ` ×${speed}` : ' (figée)'}`);
      }
      if (sub === 'advance') {
        const ms = duration(arg);
        const clock = (await http(o, 'GET', '/supervision/api/time')) as { now: string; speed?: number };
        const now = new Date(Date.parse(clock.now) + ms).toISOString();
        const res = await http(o, 'POST', '/mock/time', { now, ...(clock.speed ? { speed: clock.speed } : {}) });
        return out(res, () => `horloge: ${(res as { now: string }).now}`);
      }
      if (sub === 'speed') {
        const res = await http(o, 'POST', '/mock/time', { speed: number(arg, 'speed') });
        return out(res, () => `horloge: ${(res as { now: string }).now} ×${arg}`);
      }
      if (sub === 'release') {
        const res = await http(o, 'POST', '/mock/time/release', {});
        return out(res, () => 'horloge: système (temps réel)');
      }
      throw new UsageError(`time: sous-commande inconnue '${sub ?? ''}' (set|advance|speed|release)`);
    }
    case 'kill':
    case 'restart': {
      const res = await http(o, 'POST', `${mk6(rest[0])}/${command}`, o.kind ? { kind: o.kind } : {});
      return out(res, () => `${rest[0]}: ${command} ${(res as { kind?: string }).kind ?? o.kind ?? (command === 'kill' ? 'refused' : 'warm')} → ${(res as { status: string }).status}`);
    }
    case 'offline':
    case 'online': {
      const res = await http(o, 'POST', `${mk6(rest[0])}/${command}`, {});
      return out(res, () => `${rest[0]}: ${command}`);
    }
    case 'network': {
      const [id, sub, ...more] = rest;
      const base = `${mk6(id)}/network`;
      if (sub === 'ls' || sub === undefined) {
        const res = (await http(o, 'GET', base)) as { conditions: Record<string, unknown>[] };
        return out(res, () => res.conditions.map((c) => `${c.name}\t${c.type}\t${JSON.stringify(c)}`).join('\n') || '(aucune condition)');
      }
      if (sub === 'add') {
        const [name, type, ...pairs] = more;
        if (!name || !type) throw new UsageError('network ID add NAME TYPE [key=value …]');
        const res = await http(o, 'POST', base, { name, type, ...keyValues(pairs) });
        return out(res, () => `${id}: condition ${name} (${type}) ajoutée`);
      }
      if (sub === 'rm') {
        const res = await http(o, 'DELETE', more[0] ? `${base}/${encodeURIComponent(more[0])}` : base);
        return out(res, () => `${id}: ${more[0] ? `condition ${more[0]} retirée` : 'toutes les conditions retirées'}`);
      }
      throw new UsageError(`network: sous-commande inconnue '${sub}' (ls|add|rm)`);
    }
    case 'timeline': {
      const [sub, file] = rest;
      if (sub === 'load') {
        if (!file) throw new UsageError('timeline load FILE');
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (err) {
          throw new UsageError(`${file}: illisible (${(err as NodeJS.ErrnoException).code})`);
        }
        const res = await http(o, 'POST', '/mock/timeline', text, 'text/yaml');
        return out(res, () => timelineText(res));
      }
      if (sub === 'show' || sub === undefined) {
        const res = await http(o, 'GET', '/mock/timeline');
        return out(res, () => timelineText(res));
      }
      if (sub === 'clear') {
        const res = await http(o, 'DELETE', '/mock/timeline');
        return out(res, () => 'timeline vidée');
      }
      throw new UsageError(`timeline: sous-commande inconnue '${sub}' (load|show|clear)`);
    }
    case 'journal':
      return journal(o);
    case 'wait':
      return waitReady(o);
    case 'events': {
      const since = o.since === undefined ? 0 : number(o.since, '--since');
      const events = (await http(o, 'GET', `/mock/events?since_id=${since}`)) as Record<string, unknown>[];
      if (o.follow) return followEvents(o, events, since);
      return out(events, () => events.map(eventLine).join('\n'));
    }
    case 'verify':
      return verify(rest[0], o);
    case undefined:
      throw new UsageError('commande manquante');
    default:
      throw new UsageError(`commande inconnue: '${command}'`);
  }
}

/**
 * The fleet's verdict on a recette file: 0 every check passes (or does not apply), 1 a check
 * fails, 2 a bad file (every fault as file:line), 3 the fleet does not answer.
 */
async function verify(file: string | undefined, o: Options): Promise<number> {
  if (!file) throw new UsageError('verify FILE');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: illisible (${(err as NodeJS.ErrnoException).code})`);
  }
  const bad = (problems: string[]) => {
    console.error(`mk6-fleet: recette invalide:\n  ${problems.join('\n  ')}`);
    return EXIT.usage;
  };
  try {
    parseRecetteText(text, file); // every fault of the file itself, before asking the fleet
  } catch (err) {
    if (err instanceof RecetteError) return bad(err.problems);
    throw err;
  }
  let verdict: VerdictValue;
  try {
    verdict = (await http(o, 'POST', '/mock/verdicts', text, 'text/yaml')) as VerdictValue;
  } catch (err) {
    // What only the fleet knows (an MK6 it does not have) comes back with the same lines.
    const problems = (err instanceof Refused && err.status === 400 ? (err.body as { details?: { problems?: unknown } })?.details?.problems : null) as string[] | null;
    if (Array.isArray(problems)) return bad(problems.map((p) => String(p).replace(/^recette:/, `${file}:`)));
    throw err;
  }
  if (o.junit) writeFileSync(o.junit, verdictJunit(verdict));
  if (o.html) writeFileSync(o.html, verdictHtml(verdict));
  console.log(o.json ? JSON.stringify(verdict, null, 2) : verdictText(verdict));
  return verdict.failed > 0 ? EXIT.refused : EXIT.ok;
}

function eventLine(e: Record<string, unknown>): string {
  return `${e.id}\t${e.sim_time}\t${e.wall_time}\t${e.kind}\t${e.mk6_id ?? '-'}\t${JSON.stringify(e.details)}`;
}

/** `events --follow`: the events so far, then each new one as the fleet's stream (GET /mock/stream) brings it. */
async function followEvents(o: Options, past: Record<string, unknown>[], since: number): Promise<void> {
  const print = (e: Record<string, unknown>) => console.log(o.json ? JSON.stringify(e) : eventLine(e));
  past.forEach(print);
  const last = past.reduce((n, e) => Math.max(n, Number(e.id)), since);
  await followFleetEvents(o.url, last, (e) => {
    if (e.event === 'fleet') print(e.data as Record<string, unknown>);
  }).catch((err: Error) => {
    throw new Unreachable(err.message);
  });
}

async function journal(o: Options): Promise<void> {
  let since = o.since === undefined ? 0 : number(o.since, '--since');
  let stop = false;
  process.once('SIGINT', () => (stop = true));
  process.once('SIGTERM', () => (stop = true));
  for (;;) {
    const entries = (await http(o, 'GET', `/api/v1/debug/requests?since_id=${since}`)) as Record<string, unknown>[];
    for (const e of entries) {
      console.log(o.json ? JSON.stringify(e) : `${e.id}\t${e.ts}\t${e.sim_time ?? ''}\t${e.mk6_id ?? '-'}\t${e.method} ${e.path}\t${e.status}\t${e.duration_ms} ms`);
      since = Math.max(since, Number(e.id));
    }
    if (!o.follow || stop) return;
    await new Promise((r) => setTimeout(r, 500));
    if (stop) return;
  }
}

/**
 * Polls `/readyz` until it says ready. A front that does not answer yet is waited for too
 * (a CI job runs this right after starting the fleet); never answering in time exits 3,
 * answering but not ready exits 1 with what each MK6 waits for.
 */
async function waitReady(o: Options): Promise<void> {
  const timeoutMs = (o.timeout === undefined ? 60 : number(o.timeout, '--timeout')) * 1000;
  if (!(timeoutMs >= 0)) throw new UsageError('--timeout: nombre de secondes >= 0');
  const deadline = Date.now() + timeoutMs;
  let last: { status: number; body: unknown } | null = null;
  let lastError = '';
  for (;;) {
    try {
      const res = await fetch(`${o.url}/readyz`, { signal: AbortSignal.timeout(Math.max(1000, Math.min(10_000, deadline - Date.now()))) });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      last = { status: res.status, body };
      if (res.status === 200) {
        const mk6 = (body as { mk6?: Record<string, string> }).mk6 ?? {};
        console.log(o.json ? JSON.stringify(body, null, 2) : `flotte prête: ${Object.keys(mk6).length} MK6 (${Object.entries(mk6).map(([id, s]) => `${id} ${s}`).join(', ')})`);
        return;
      }
    } catch (err) {
      lastError = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    }
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, Math.min(250, Math.max(0, deadline - Date.now()))));
  }
  if (!last) throw new Unreachable(lastError || 'pas de réponse');
  const mk6 = (last.body as { mk6?: Record<string, string> } | null)?.mk6 ?? {};
  const waiting = Object.entries(mk6).filter(([, s]) => s !== 'ready');
  console.error(`mk6-fleet: flotte pas prête après ${timeoutMs / 1000} s${waiting.length ? ':' : ''}`);
  for (const [id, state] of waiting) console.error(`  ${id}: ${state}`);
  throw new Refused(last.status, last.body);
}

async function http(o: Options, method: string, path: string, body?: unknown, type = 'application/json'): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(o.url + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': type },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    throw new Unreachable(cause?.code ?? (err as Error).message);
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  if (res.status >= 400) throw new Refused(res.status, parsed);
  return parsed;
}

function defaultUrl(): string {
  if (process.env.MK6_FLEET_URL) return process.env.MK6_FLEET_URL;
  const file = process.env.MK6_FLEET ?? process.env.MOCK_MK6_CONFIG_PATH ?? './fleet.yaml';
  try {
    if (existsSync(file)) {
      const proxy = (parseYaml(readFileSync(file, 'utf8')) as { proxy?: { host?: string; port?: number } } | null)?.proxy;
      if (proxy?.port) return `http://${proxy.host ?? '127.0.0.1'}:${proxy.port}`;
    }
  } catch {
    /* an unreadable fleet file: the usual default */
  }
  return 'http://127.0.0.1:9001';
}

function number(text: string | undefined, what: string): number {
  const n = Number(text);
  if (text === undefined || text === '' || !Number.isFinite(n)) throw new UsageError(`${what}: nombre attendu, pas '${text ?? ''}'`);
  return n;
}

/** `90s`, `15m`, `2h`, `1h30m`, `1d`, or plain milliseconds; a leading `-` goes back. */
function duration(text: string | undefined): number {
  const m = text ? /^(-)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(text) : null;
  if (!text || !m || text === '-' || !/\d/.test(text)) {
    if (text && /^-?\d+$/.test(text)) return Number(text);
    throw new UsageError(`durée invalide: '${text ?? ''}' (ex. 90s, 15m, 2h, 1h30m)`);
  }
  const [, minus, d, h, min, s, ms] = m;
  const total = (Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0)) * 1000 + Number(ms ?? 0);
  return minus ? -total : total;
}

/** `key=value` pairs: numbers and booleans typed, `methods` a comma list. */
function keyValues(pairs: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`paramètre invalide: '${pair}' (key=value attendu)`);
    const key = pair.slice(0, at);
    const raw = pair.slice(at + 1);
    if (key === 'methods') out[key] = raw.split(',').filter(Boolean);
    else if (raw !== '' && Number.isFinite(Number(raw))) out[key] = Number(raw);
    else if (raw === 'true' || raw === 'false') out[key] = raw === 'true';
    else out[key] = raw;
  }
  return out;
}

function statusText(inv: unknown, clock: unknown, timeline: unknown): string {
  const c = clock as { now: string; source: string; speed?: number };
  const lines = [`horloge: ${c.now} (${c.source}${c.speed ? ` ×${c.speed}` : c.source === 'mock' ? ', figée' : ''})`];
  for (const m of (inv as { mk6: Record<string, any>[] }).mk6) {
    const net = (m.network_conditions ?? []).map((n: { name: string; type: string }) => `${n.name}:${n.type}`).join(',');
    lines.push(
      [m.mk6_id.padEnd(10), String(m.network?.url ?? '').padEnd(24), String(m.process?.status ?? '').padEnd(8), m.online ? 'online' : 'OFFLINE', m.outage ? `outage=${m.outage}` : '', net ? `network=${net}` : '']
        .filter(Boolean)
        .join('  '),
    );
  }
  const t = timeline as { count: number; fired: number; pending: number; next_at: string | null } | null;
  if (t && t.count) lines.push(`timeline: ${t.fired} déclenchés, ${t.pending} en attente${t.next_at ? `, prochain à ${t.next_at}` : ''}`);
  return lines.join('\n');
}

function timelineText(t: unknown): string {
  const v = t as { count: number; fired: number; pending: number; events: Record<string, unknown>[] };
  const lines = [`timeline: ${v.count} événements, ${v.fired} déclenchés, ${v.pending} en attente`];
  for (const e of v.events) lines.push(`  ${e.at}  ${String(e.status).padEnd(7)}  ${e.action}${e.mk6 ? ` ${e.mk6}` : ''}${e.error ? `  (${e.error})` : ''}`);
  return lines.join('\n');
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(`mk6-fleet: ${(err as Error).stack ?? err}`);
    process.exitCode = 1;
  },
);
