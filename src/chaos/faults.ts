/**
 * Which fault an action starts or ends, pure, for both sides of a chaos day: the fleet's
 * event log (what the fleet did: coverage, and the faults a verdict names) and a timeline
 * file (what `mk6-fleet chaos narrow` keeps). An action is its kind (an event kind, or a
 * timeline action, which share their names), its MK6, its details, its simulated time.
 *
 * Pairing: a fault runs from the action that starts it to the first that ends it on the same
 * MK6 and the same thing (kill → restart, offline → online, network_add NAME → network_rm
 * NAME or all, fault_on SYC → fault_off SYC, site_state SYC 0|1 → site_state SYC (any),
 * constraint_on SYC → constraint_off SYC or its end_time, auth on → auth off, clock_skew →
 * clock_reset); a fleet reset ends every fault. A restart is a fault of its own, at an
 * instant: `restart.cold` always (the planning is lost), `restart.warm` only when it does
 * not end a kill (then it is the kill's end).
 */
import type { FaultKind } from '../contract/schema/chaos.js';
import { parseDuration } from '../contract/duration.js';

export interface FaultAct<R = number> {
  kind: string;
  mk6: string | null;
  details: Record<string, unknown>;
  /** Simulated time (ms). */
  at: number;
  /** What the act is: an event id, a timeline index. */
  ref: R;
}

export interface FaultSpan<R = number> {
  fault: FaultKind;
  mk6: string;
  from: number;
  /** null: still in force at the end of what was read. */
  to: number | null;
  refs: R[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const lower = (v: unknown, fallback: string) => (typeof v === 'string' && v ? v.toLowerCase() : fallback);

/** The offset (ms) and drift (ppm) a clock_skew act sets: event details `{offset_ms, drift_ppm}`, or a timeline's `{offset: "+90s", drift_ppm}`. */
function skew(details: Record<string, unknown>): { offset: number; drift: number } {
  let offset = Number(details.offset_ms ?? 0);
  if (typeof details.offset === 'string') {
    const text = details.offset.trim();
    offset = (text.startsWith('-') ? -1 : 1) * (parseDuration(text.replace(/^[+-]/, '')) ?? 0); // the one duration grammar
  } else if (typeof details.offset === 'number') offset = details.offset * 1000;
  return { offset: Number.isFinite(offset) ? offset : 0, drift: Number(details.drift_ppm ?? 0) || 0 };
}

/** The faults an act starts, each with the key of what ends it. */
export function faultsStarted(act: FaultAct<unknown>): { fault: FaultKind; key: string }[] {
  const d = act.details;
  switch (act.kind) {
    case 'kill': return [{ fault: `kill.${lower(d.kind, 'refused')}` as FaultKind, key: 'kill' }];
    case 'offline': return [{ fault: 'offline', key: 'offline' }];
    case 'network_add': {
      const c = (d.condition && typeof d.condition === 'object' ? d.condition : d) as Record<string, unknown>;
      return [{ fault: `network.${lower(c.type, 'latency')}` as FaultKind, key: `net:${str(c.name)}` }];
    }
    case 'fault_on': return [{ fault: 'site.fault', key: `fault:${str(d.sycode)}` }];
    case 'site_state': return Number(d.state) === 2 ? [] : [{ fault: 'site.state', key: `state:${str(d.sycode)}` }];
    case 'constraint_on': return [{ fault: `constraint.${lower(d.source, 'deie')}` as FaultKind, key: `constraint:${str(d.sycode)}` }];
    case 'auth': return d.enabled === true ? [{ fault: 'auth', key: 'auth' }] : [];
    case 'clock_skew': {
      const { offset, drift } = skew(d);
      return [...(offset !== 0 ? [{ fault: 'clock.skew' as const, key: 'clock' }] : []), ...(drift !== 0 ? [{ fault: 'clock.drift' as const, key: 'clock' }] : [])];
    }
    default: return [];
  }
}

/** The keys of the open faults an act ends (`*` every one of the MK6; a prefix ending in `:` every one under it). */
function faultsEnded(act: FaultAct<unknown>): string[] {
  const d = act.details;
  switch (act.kind) {
    case 'restart': return ['kill'];
    case 'online': return ['offline'];
    case 'network_rm': return [d.name ? `net:${str(d.name)}` : 'net:'];
    case 'fault_off': return [`fault:${str(d.sycode)}`];
    case 'site_state': return [`state:${str(d.sycode)}`];
    case 'constraint_on':
    case 'constraint_off': return [`constraint:${str(d.sycode)}`];
    case 'auth': return ['auth'];
    case 'clock_skew':
    case 'clock_reset': return ['clock'];
    default: return [];
  }
}

/** Every fault of a sequence of acts (in the order they happened), with when it started and ended. */
export function faultSpans<R>(acts: readonly FaultAct<R>[]): FaultSpan<R>[] {
  const spans: FaultSpan<R>[] = [];
  const open = new Map<string, { span: FaultSpan<R>; until: number | null }[]>(); // `${mk6}|${key}`
  const close = (k: string, act: FaultAct<R>) => {
    for (const o of open.get(k) ?? []) {
      o.span.to = o.until !== null && o.until < act.at ? o.until : act.at;
      o.span.refs.push(act.ref);
    }
    open.delete(k);
  };
  for (const act of acts) {
    if (act.kind === 'reset') {
      for (const k of [...open.keys()]) close(k, act);
      continue;
    }
    if (act.mk6 === null) continue;
    let endedKill = false;
    for (const key of faultsEnded(act)) {
      for (const k of [...open.keys()]) {
        if (k === `${act.mk6}|${key}` || (key.endsWith(':') && k.startsWith(`${act.mk6}|${key}`))) {
          if (key === 'kill') endedKill = true;
          close(k, act);
        }
      }
    }
    if (act.kind === 'restart') {
      const kind = lower(act.details.kind, 'warm');
      if (kind === 'cold' || !endedKill) spans.push({ fault: `restart.${kind}` as FaultKind, mk6: act.mk6, from: act.at, to: act.at, refs: [act.ref] });
      continue;
    }
    for (const { fault, key } of faultsStarted(act)) {
      const span: FaultSpan<R> = { fault, mk6: act.mk6, from: act.at, to: null, refs: [act.ref] };
      const until = act.kind === 'constraint_on' && typeof act.details.end_time === 'string' ? Date.parse(act.details.end_time) : NaN;
      spans.push(span);
      const k = `${act.mk6}|${key}`;
      open.set(k, [...(open.get(k) ?? []), { span, until: Number.isFinite(until) ? until : null }]);
    }
  }
  for (const list of open.values()) for (const o of list) if (o.until !== null) o.span.to = o.until;
  return spans;
}
