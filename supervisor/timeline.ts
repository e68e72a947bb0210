/**
 * A timeline of events on the simulated clock, pure: parsing and validation (with the
 * file's line numbers when it is YAML text), which events are due, and the HTTP call a
 * tester would make for each. The runner (timeline-runner.ts) does the I/O.
 *
 *   timeline:                      # or `events:`, or a bare list
 *     - at: 2026-03-01T10:00:00Z
 *       action: constraint_on      # see ACTIONS
 *       mk6: VAI
 *       sycode: 8FV897G6wGQ0
 *       value_kw: 3000
 */
import { LineCounter, parseDocument } from 'yaml';
import { Mk6Error, errors } from '../src/domain/errors.js';
import { KILL_KINDS, RESTART_KINDS } from '../src/schema/index.js';
import { isSafeId } from '../src/schema/validate.js';
import { formatIso, parseIsoTime } from '../src/domain/time.js';
import { conditionView, parseCondition } from '../src/network/condition.js';

export interface TimelineEvent {
  /** Position in the file: the tie-break between events at the same instant. */
  index: number;
  at: number;
  action: Action;
  mk6: string | null;
  /** The action's own fields, as written. */
  fields: Record<string, unknown>;
}

/** For each action: the fields it requires and may take (besides at, action, mk6). */
const ACTIONS = {
  site_state: { required: ['sycode', 'state'], optional: [] },
  fault_on: { required: ['sycode'], optional: [] },
  fault_off: { required: ['sycode'], optional: [] },
  constraint_on: { required: ['sycode', 'value_kw'], optional: ['source', 'start_time', 'end_time'] },
  constraint_off: { required: ['sycode'], optional: [] },
  offline: { required: [], optional: [] },
  online: { required: [], optional: [] },
  kill: { required: [], optional: ['kind'] },
  restart: { required: [], optional: ['kind'] },
  network_add: { required: ['condition'], optional: [] },
  network_rm: { required: [], optional: ['name'] },
  speed: { required: ['speed'], optional: [] },
} as const;

export type Action = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];
export const MAX_EVENTS = 10_000;

export class TimelineError extends Error {
  constructor(readonly problems: string[]) {
    super(`Timeline invalide:\n  ${problems.join('\n  ')}`);
    this.name = 'TimelineError';
  }

  toMk6Error(): Mk6Error {
    return errors.badRequest(`Timeline invalide: ${this.problems[0]}${this.problems.length > 1 ? ` (+${this.problems.length - 1})` : ''}`, { problems: this.problems.slice(0, 50) });
  }
}

/** YAML (or JSON) text: faults are reported as `file:line events[i].field: message`. */
export function parseTimelineText(text: string, file = 'timeline'): TimelineEvent[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) throw new TimelineError(doc.errors.map((e) => `${file}:${lines.linePos(e.pos[0]).line} ${e.message.split('\n')[0]}`));
  const root = doc.toJS() as unknown;
  const key = isObject(root) ? (Array.isArray(root.timeline) ? 'timeline' : 'events') : null;
  const lineOf = (path: (string | number)[]): number => {
    const full = key ? [key, ...path] : path;
    for (let p = full; ; p = p.slice(0, -1)) {
      const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
      if (p.length === 0) return 1;
    }
  };
  return parseTimeline(root, (path) => `${file}:${lineOf(path)} `);
}

/** A parsed body (`[…]`, `{timeline: […]}` or `{events: […]}`), validated whole: every fault is listed. */
export function parseTimeline(raw: unknown, where: (path: (string | number)[]) => string = () => ''): TimelineEvent[] {
  const list = Array.isArray(raw) ? raw : isObject(raw) ? (raw.timeline ?? raw.events) : undefined;
  if (!Array.isArray(list)) throw new TimelineError([`${where([])}(racine): une liste d'événements est attendue (timeline: [{at, action, …}])`]);
  if (list.length > MAX_EVENTS) throw new TimelineError([`${where([])}(racine): au plus ${MAX_EVENTS} événements`]);
  const problems: string[] = [];
  const events: TimelineEvent[] = [];
  list.forEach((item, index) => {
    const fault = (field: string | null, message: string) => {
      const path = field === null ? [index] : [index, field];
      problems.push(`${where(path)}events[${index}]${field === null ? '' : `.${field}`}: ${message}`);
    };
    const ev = parseEvent(item, index, fault);
    if (ev) events.push(ev);
  });
  if (problems.length) throw new TimelineError(problems);
  return events;
}

function parseEvent(item: unknown, index: number, fault: (field: string | null, message: string) => void): TimelineEvent | null {
  if (!isObject(item)) return fault(null, 'un objet {at, action, …} est attendu'), null;
  const at = item.at instanceof Date ? item.at.getTime() : typeof item.at === 'string' && item.at.length <= 64 ? parseIsoTime(item.at) : null;
  if (at === null) fault('at', item.at === undefined ? 'champ obligatoire' : `heure ISO 8601 invalide: ${JSON.stringify(item.at)?.slice(0, 60)}`);
  const action = item.action;
  if (typeof action !== 'string' || !(action in ACTIONS)) {
    fault('action', `action inconnue: ${JSON.stringify(action)?.slice(0, 40)} (${ACTION_NAMES.join('|')})`);
    return null;
  }
  const spec = ACTIONS[action as Action];
  const mk6 = item.mk6;
  if (action !== 'speed' && !isSafeId(mk6)) fault('mk6', mk6 === undefined ? 'champ obligatoire (id du MK6)' : `id invalide: ${JSON.stringify(mk6)?.slice(0, 60)}`);
  const allowed = new Set<string>(['at', 'action', ...(action === 'speed' ? [] : ['mk6']), ...spec.required, ...spec.optional]);
  for (const k of Object.keys(item)) if (!allowed.has(k)) fault(k, `champ inconnu pour ${action} (attendu: ${[...allowed].join(', ')})`);
  for (const k of spec.required) if (item[k] === undefined || item[k] === null) fault(k, 'champ obligatoire');
  const fields: Record<string, unknown> = {};
  for (const k of [...spec.required, ...spec.optional] as string[]) if (item[k] !== undefined) fields[k] = item[k] instanceof Date ? (item[k] as Date).toISOString() : item[k];
  if (fields.sycode !== undefined && !isSafeId(fields.sycode)) fault('sycode', 'sycode invalide');
  if (action === 'kill' && fields.kind !== undefined && !(KILL_KINDS as readonly string[]).includes(fields.kind as string)) fault('kind', `kind invalide (${KILL_KINDS.join('|')})`);
  if (action === 'restart' && fields.kind !== undefined && !(RESTART_KINDS as readonly string[]).includes(fields.kind as string)) fault('kind', `kind invalide (${RESTART_KINDS.join('|')})`);
  if (action === 'speed' && (typeof fields.speed !== 'number' || !(fields.speed >= 0))) fault('speed', 'un nombre >= 0 est attendu');
  if (action === 'site_state' && ![0, 1, 2].includes(fields.state as number)) fault('state', '0, 1 ou 2');
  if (action === 'constraint_on' && typeof fields.value_kw !== 'number') fault('value_kw', 'un nombre est attendu');
  if (action === 'network_rm' && fields.name !== undefined && !isSafeId(fields.name)) fault('name', 'nom de condition invalide');
  if (action === 'network_add' && fields.condition !== undefined) {
    try {
      fields.condition = conditionView(parseCondition(fields.condition));
    } catch (err) {
      if (!(err instanceof Mk6Error)) throw err;
      fault('condition', err.message);
    }
  }
  if (at === null) return null;
  return { index, at, action: action as Action, mk6: action === 'speed' ? null : (mk6 as string), fields };
}

/** In firing order: by time, then as written. */
export function inOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => a.at - b.at || a.index - b.index);
}

/** Events not fired yet whose time has come (at <= now), in firing order: each fires exactly once. */
export function dueEvents(events: readonly TimelineEvent[], fired: ReadonlySet<number>, now: number): TimelineEvent[] {
  return inOrder(events.filter((e) => !fired.has(e.index) && e.at <= now));
}

/** When the next pending event is due (simulated ms), or null. */
export function nextPendingAt(events: readonly TimelineEvent[], fired: ReadonlySet<number>): number | null {
  let next: number | null = null;
  for (const e of events) if (!fired.has(e.index) && (next === null || e.at < next)) next = e.at;
  return next;
}

export interface ActionCall {
  method: 'POST' | 'DELETE';
  path: string;
  body?: Record<string, unknown>;
}

/** The HTTP call a tester would make for an event, on the front. */
export function actionRequest(ev: TimelineEvent): ActionCall {
  const f = ev.fields;
  const mk6 = `/mock/mk6/${encodeURIComponent(ev.mk6 ?? '')}`;
  const site = (s: unknown) => encodeURIComponent(String(s));
  switch (ev.action) {
    case 'site_state': return { method: 'POST', path: `${mk6}/site-state/${site(f.sycode)}`, body: { state: f.state } };
    case 'fault_on': return { method: 'POST', path: `${mk6}/fault/${site(f.sycode)}` };
    case 'fault_off': return { method: 'DELETE', path: `${mk6}/fault/${site(f.sycode)}` };
    case 'constraint_on': {
      const { sycode: _s, ...rest } = f;
      return { method: 'POST', path: `${mk6}/sites/${site(f.sycode)}/inject_external`, body: { source: 'DEIE', ...rest } };
    }
    case 'constraint_off': return { method: 'DELETE', path: `${mk6}/sites/${site(f.sycode)}/inject_external` };
    case 'offline': return { method: 'POST', path: `${mk6}/offline` };
    case 'online': return { method: 'POST', path: `${mk6}/online` };
    case 'kill': return { method: 'POST', path: `${mk6}/kill`, ...(f.kind ? { body: { kind: f.kind } } : {}) };
    case 'restart': return { method: 'POST', path: `${mk6}/restart`, ...(f.kind ? { body: { kind: f.kind } } : {}) };
    case 'network_add': return { method: 'POST', path: `${mk6}/network`, body: f.condition as Record<string, unknown> };
    case 'network_rm': return { method: 'DELETE', path: `${mk6}/network${f.name ? `/${encodeURIComponent(String(f.name))}` : ''}` };
    case 'speed': return { method: 'POST', path: '/mock/time', body: { speed: f.speed } };
  }
}

/** An event as GET /mock/timeline shows it. */
export function eventView(ev: TimelineEvent) {
  return { index: ev.index, at: formatIso(ev.at), action: ev.action, ...(ev.mk6 !== null ? { mk6: ev.mk6 } : {}), ...ev.fields };
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
