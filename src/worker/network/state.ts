/**
 * One MK6's network: its conditions (persisted with the MK6), how many requests each has
 * matched, the outage the supervisor may impose (blackhole / reset), and the connections
 * held open by `timeout` or a blackhole until the worker stops.
 */
import type { Socket } from 'node:net';
import { errors } from '../../contract/errors.js';
import { asBody } from '../../contract/schema/validate.js';
import { KILL_KINDS } from '../../contract/schema/mock-control.js';
import type { Random } from './behaviour.js';
import { MAX_CONDITIONS, conditionView, parseCondition, type ConditionView, type NetworkCondition } from './condition.js';
import { planRequest, type Counters, type Plan } from './plan.js';
import { say } from '../../i18n/api-messages.js';

/** The kill kinds the process survives (`refused` stops it, so the worker never sees it): from the one list in the schema. */
export const IN_PROCESS_OUTAGES = KILL_KINDS.filter((k): k is Exclude<(typeof KILL_KINDS)[number], 'refused'> => k !== 'refused');
export type OutageKind = (typeof IN_PROCESS_OUTAGES)[number];

export class NetworkState {
  private conditions: NetworkCondition[] = [];
  private readonly counters: Counters = new Map();
  private readonly applied = new Map<string, number>();
  outage: OutageKind | null = null;
  private readonly held = new Set<Socket>();

  constructor(private readonly random: Random = Math.random) {}

  list(): ConditionView[] {
    return this.conditions.map(conditionView);
  }

  /** With how many requests each matched and how many it acted on, for GET …/network. */
  report(): (ConditionView & { matched: number; applied: number })[] {
    return this.conditions.map((c) => ({ ...conditionView(c), matched: this.counters.get(c.name) ?? 0, applied: this.applied.get(c.name) ?? 0 }));
  }

  /** Adds a condition, or replaces the one of the same name (its counters start again). */
  add(raw: unknown): ConditionView {
    const c = parseCondition(raw);
    const at = this.conditions.findIndex((x) => x.name === c.name);
    if (at < 0 && this.conditions.length >= MAX_CONDITIONS) {
      throw errors.invalidValue(say('conditionTooMany', MAX_CONDITIONS), { field: 'name', max: MAX_CONDITIONS });
    }
    if (at >= 0) this.conditions[at] = c;
    else this.conditions.push(c);
    this.counters.delete(c.name);
    this.applied.delete(c.name);
    return conditionView(c);
  }

  remove(name: string): ConditionView {
    const at = this.conditions.findIndex((x) => x.name === name);
    if (at < 0) throw errors.notFound(say('conditionNotFound', name.slice(0, 64)));
    const [gone] = this.conditions.splice(at, 1);
    this.counters.delete(name);
    this.applied.delete(name);
    return conditionView(gone);
  }

  /** Replaces every condition (state file, fleet file, reset); throws on the first bad one. */
  replaceAll(raws: readonly unknown[]): void {
    const parsed = raws.map(parseCondition);
    if (new Set(parsed.map((c) => c.name)).size !== parsed.length) throw errors.badRequest(say('conditionDuplicateNames'), { field: 'name' });
    this.conditions = parsed;
    this.counters.clear();
    this.applied.clear();
  }

  get size(): number {
    return this.conditions.length;
  }

  plan(method: string, path: string): Plan {
    const plan = planRequest(this.conditions, this.counters, method, path, this.random);
    for (const name of plan.fired) this.applied.set(name, (this.applied.get(name) ?? 0) + 1);
    return plan;
  }

  setOutage(raw: unknown): OutageKind | null {
    const kind = asBody(raw).kind;
    if (kind === null || kind === 'none') return (this.outage = null);
    if (!IN_PROCESS_OUTAGES.includes(kind as OutageKind)) {
      throw errors.invalidValue(say('fieldInvalidAmong', 'kind', String(JSON.stringify(kind)?.slice(0, 40)), 'blackhole|reset|none'), { field: 'kind', allowed: [...IN_PROCESS_OUTAGES, 'none'] });
    }
    this.outage = kind as OutageKind;
    return this.outage;
  }

  hold(socket: Socket): void {
    if (socket.destroyed) return;
    this.held.add(socket);
    socket.once('close', () => this.held.delete(socket));
  }

  /** Drops every held connection: on worker shutdown, and when an outage is lifted. */
  releaseHeld(): void {
    for (const socket of this.held) socket.destroy();
    this.held.clear();
  }
}

export function parseConditionList(raw: unknown, where: string): unknown[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new Error(`${where}: une liste de conditions réseau est attendue`);
  return raw;
}
