/**
 * What every check reads, prepared once and pure: the gateway's calls from the journal,
 * the fleet's events since the last reset, the topology, the window, all on both clocks
 * (simulated `sim`, real `wall`, in ms) and in the order they happened (real time).
 */
import { parseIsoTime } from '../../../src/domain/time.js';
import type { JournalEntry } from '../../../src/journal/journal.js';
import type { EvidenceItem, CheckStatus } from '../../../src/contract/schema/recette.js';
import type { FleetEvent } from '../../session/events.js';
import type { Lang } from '../../../src/i18n/lang.js';
import { verdictMessages, type DownCause, type VerdictMessages } from '../../../src/i18n/verdict-messages.js';

export interface SiteInfo {
  sycode: string;
  name: string;
  pmax_kw: number;
}
export interface Mk6Topology {
  id: string;
  sites: SiteInfo[];
  /** Bearer auth on from the fleet file (what a reset returns it to). */
  authFromFile: boolean;
}
export interface VerdictInput {
  journal: readonly JournalEntry[];
  events: readonly FleetEvent[];
  topology: readonly Mk6Topology[];
  window: { from: number | null; to: number | null };
  /** When the verdict is asked: the end of what was observed. */
  now: { sim: number; wall: number };
}
export interface CheckResult {
  status: CheckStatus;
  message: string;
  evidence: EvidenceItem[];
}

export interface Mark {
  sim: number;
  wall: number;
}
/** A call of the gateway on an MK6's API (answered by its worker, or by the front for a down MK6). */
export interface Call extends Mark {
  id: number;
  mk6: string;
  method: string;
  path: string;
  endpoint: string | null;
  status: number;
  source: string;
  req: Record<string, unknown>;
  resp: Record<string, unknown>;
  /** The x-request-id the front gave the call and passed on to its worker: one call's two entries share it. */
  requestId: string | null;
}
export interface Ev extends Mark {
  id: number;
  kind: FleetEvent['kind'];
  mk6: string | null;
  details: Record<string, unknown>;
}

export interface Run {
  calls: Call[];
  events: Ev[];
  topology: Map<string, Mk6Topology>;
  window: { from: number; to: number };
  /** The first thing of the run (the last reset, else the first call or event). */
  start: (Mark & { eventId?: number; journalId?: number }) | null;
  end: Mark;
  /** The reader's language, and the verdict's messages in it (src/i18n/verdict-messages.ts). */
  lang: Lang;
  say: VerdictMessages;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const time = (v: unknown): number | null => (typeof v === 'string' ? parseIsoTime(v) : null);

/** Never throws on an odd journal: an entry without a usable time or MK6 is left out. */
export function prepare(input: VerdictInput, lang: Lang): Run {
  const calls: Call[] = [];
  for (const e of input.journal) {
    if ((e.source !== 'GW' && e.source !== 'front') || typeof e.mk6_id !== 'string' || typeof e.path !== 'string') continue;
    const answered = time(e.ts);
    if (answered === null) continue;
    const wall = answered - (Number(e.duration_ms) || 0);
    const sim = time(e.sim_time) ?? wall;
    calls.push({ id: e.id, mk6: e.mk6_id, method: String(e.method), path: e.path, endpoint: e.endpoint, status: Number(e.status), source: e.source, req: obj(e.req_body), resp: obj(e.resp_body), sim, wall, requestId: requestIdOf(e.req_headers) });
  }
  calls.sort((a, b) => a.wall - b.wall || a.id - b.id);
  dropSwallowedTwins(calls);
  let events: Ev[] = [];
  for (const e of input.events) {
    const sim = time(e.sim_time);
    const wall = time(e.wall_time);
    if (sim === null || wall === null) continue;
    events.push({ id: e.id, kind: e.kind, mk6: e.mk6_id, details: obj(e.details), sim, wall });
  }
  events.sort((a, b) => a.wall - b.wall || a.id - b.id);
  // The run is what follows the last reset: the journal was cleared there, every MK6 back to its fleet file.
  const lastReset = events.map((e) => e.kind).lastIndexOf('reset');
  if (lastReset >= 0) events = events.slice(lastReset);
  const firstCall = calls[0];
  const start = events[0] && (!firstCall || events[0].wall <= firstCall.wall) ? events[0] : (firstCall ?? null);
  const topology = new Map(input.topology.map((t) => [t.id, t]));
  return {
    calls,
    events,
    topology,
    window: { from: input.window.from ?? -Infinity, to: input.window.to ?? Infinity },
    start: !start ? null : 'kind' in start ? { sim: start.sim, wall: start.wall, eventId: start.id } : { sim: start.sim, wall: start.wall, journalId: start.id },
    end: { sim: input.now.sim, wall: input.now.wall },
    lang,
    say: verdictMessages[lang],
  };
}

/**
 * One call, journaled twice: through the front to a blackholed MK6, the front answers 504
 * (`front`) and the worker journals the attempt it swallowed (444). The front's entry stays.
 * The two share the front's x-request-id; their fleet-clock times differ on a running clock
 * (each is stamped as its side sees it), so the same time is asked only of entries without one.
 */
function dropSwallowedTwins(calls: Call[]): void {
  const fronts = calls.filter((c) => c.source === 'front');
  if (fronts.length === 0) return;
  const twins = new Set<Call>();
  for (const f of fronts) {
    const twin = calls.find((c) => c.source === 'GW' && c.status === 444 && !twins.has(c) && c.mk6 === f.mk6 && c.method === f.method && c.path === f.path && Math.abs(c.wall - f.wall) < 1000 && sameCall(c, f));
    if (twin) twins.add(twin);
  }
  if (twins.size) calls.splice(0, calls.length, ...calls.filter((c) => !twins.has(c)));
}

const sameCall = (a: Call, b: Call) => (a.requestId !== null && b.requestId !== null ? a.requestId === b.requestId : a.sim === b.sim);

function requestIdOf(headers: unknown): string | null {
  const id = headers !== null && typeof headers === 'object' ? (headers as Record<string, unknown>)['x-request-id'] : undefined;
  return typeof id === 'string' ? id : null;
}

export const inWindow = (run: Run, sim: number) => sim >= run.window.from && sim <= run.window.to;

/** The MK6s a check looks at: its `mk6` list, else every MK6 of the fleet (and any provisioned in the run). */
export function scope(run: Run, mk6?: readonly string[]): string[] {
  if (mk6?.length) return [...mk6];
  const ids = new Set(run.topology.keys());
  for (const e of run.events) if (e.kind === 'provision' && e.mk6) ids.add(e.mk6);
  return [...ids];
}

/** `*` any characters; the rest literal. */
export function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

export interface Interval {
  from: Mark;
  to: Mark | null;
  cause: DownCause;
  eventIds: number[];
}

/** When an MK6 was down (killed in any kind until its restart, offline until online), in real-time order; they may overlap. */
export function downIntervals(run: Run, mk6: string): Interval[] {
  const out: Interval[] = [];
  const open: { kill: Interval | null; offline: Interval | null } = { kill: null, offline: null };
  const close = (which: 'kill' | 'offline', e: Ev) => {
    const i = open[which];
    if (!i) return;
    i.to = e;
    i.eventIds.push(e.id);
    open[which] = null;
  };
  for (const e of run.events) {
    if (e.kind === 'reset') {
      close('kill', e);
      close('offline', e);
    } else if (e.mk6 !== mk6) continue;
    else if (e.kind === 'restart') close('kill', e);
    else if (e.kind === 'online') close('offline', e);
    else if ((e.kind === 'kill' || e.kind === 'offline') && !open[e.kind]) {
      const i: Interval = { from: e, to: null, cause: e.kind === 'kill' ? { kill: String(e.details.kind ?? 'refused') } : 'offline', eventIds: [e.id] };
      open[e.kind] = i;
      out.push(i);
    }
  }
  return out;
}

/** The down interval a real instant falls in, if any. */
export function downAt(intervals: readonly Interval[], wall: number): Interval | undefined {
  return intervals.find((i) => i.from.wall <= wall && (i.to === null || wall < i.to.wall));
}

/** Sites of an MK6 as a call at `wall` saw them: the last provision before it, else the fleet's. */
export function sitesAt(run: Run, mk6: string, wall: number): SiteInfo[] {
  let sites = run.topology.get(mk6)?.sites ?? [];
  for (const e of run.events) {
    if (e.wall > wall) break;
    if (e.kind === 'provision' && e.mk6 === mk6 && Array.isArray(e.details.sites)) sites = e.details.sites as SiteInfo[];
  }
  return sites;
}

export function findSite(sites: readonly SiteInfo[], site: unknown): SiteInfo | undefined {
  return sites.find((s) => s.sycode === site || s.name === site);
}

// ── evidence and judgement ──

/** An instant as evidence carries it (machine text: ISO 8601, whole seconds without millis). */
export function iso(t: number): string {
  return new Date(t).toISOString().replace(/\.000Z$/, 'Z');
}
export function callEvidence(c: Call, what: string): EvidenceItem {
  return { what, mk6_id: c.mk6, journal_id: c.id, sim_time: iso(c.sim), wall_time: new Date(c.wall).toISOString() };
}
export function eventEvidence(e: Ev, what: string): EvidenceItem {
  return { what, ...(e.mk6 ? { mk6_id: e.mk6 } : {}), event_id: e.id, sim_time: iso(e.sim), wall_time: new Date(e.wall).toISOString() };
}

const EVIDENCE_CAP = 50;
const MESSAGE_CAP = 5;

/** A verdict from the faults found: pass when none, with their count and the first few in the message (in the run's language). */
export function judge(run: Run, faults: { message: string; evidence: EvidenceItem[] }[], passMessage: string, notApplicable: string | null = null): CheckResult {
  if (faults.length === 0) return notApplicable !== null ? { status: 'not_applicable', message: notApplicable, evidence: [] } : { status: 'pass', message: passMessage, evidence: [] };
  const shown = faults.slice(0, MESSAGE_CAP).map((f) => f.message);
  const more = faults.length > MESSAGE_CAP ? `; ${run.say.andMore(faults.length - MESSAGE_CAP)}` : '';
  return { status: 'fail', message: `${shown.join('; ')}${more}`, evidence: faults.flatMap((f) => f.evidence).slice(0, EVIDENCE_CAP) };
}
