/**
 * The planning of an MK6, an aggregate: its requests (by id and by site), the counter that
 * numbers them, the gateway's commands on them (submit, patch, delete, main_reset), the
 * bound on their history, and the change set persistence writes. It knows the sites only
 * through `PlanningSites`: it asks them to resolve a site and tells them which site's
 * requests changed, so only that site's plant is told anew.
 */
import { take, type MainReset, type PatchRequest, type SubmitCommand } from '../contract/commands.js';
import { errors, say } from '../contract/errors.js';
import { HistoryBound } from './history-bound.js';
import {
  byStartThenSeq,
  changeRequest,
  checkTransition,
  checkWindow,
  deleteRequest,
  requestId,
  requestState,
  viewRequest,
  type RequestView,
  type StoredRequest,
} from './requests.js';
import type { SiteRecord } from './site-records.js';

/** What the planning needs of the sites (./site-plants.ts). */
export interface PlanningSites {
  /** By sycode or name; unknown → 404. */
  find(sycodeOrName: string): SiteRecord;
  /** As `find`; in state 0 → 503. */
  accessible(sycodeOrName: string): SiteRecord;
  nameOf(sycode: string): string;
  /** The site's requests changed. */
  invalidate(sycode: string): void;
  /** Requests of the site are about to be forgotten. */
  keepPlace(sycode: string, now: number): void;
}

/** What changed since persistence last asked: requests to write, requests forgotten, the whole planning cleared. */
export interface PlanningChanges {
  requests: Set<string>;
  removed: Set<string>;
  reset: boolean;
}

export interface MainResetResult {
  deleted_count: number;
  kept_count: number;
  reason: unknown;
  deleted: string[];
}

/** What a submit did: a request created, or a main_reset's count. The edge picks the status. */
export type SubmitResult = { outcome: 'created'; request: RequestView } | { outcome: 'main_reset'; result: MainResetResult };

export class Planning {
  private requests = new Map<string, StoredRequest>();
  private bySite = new Map<string, StoredRequest[]>();
  private history = new HistoryBound();
  private changes = freshChanges();

  constructor(private readonly sites: PlanningSites, stored: readonly StoredRequest[], private counter: number) {
    for (const req of [...stored].sort((a, b) => a.seq - b.seq)) this.index(req);
  }

  /** The number of the last request created (only successful requests consume one). */
  get lastSeq(): number {
    return this.counter;
  }

  get nextRequestId(): string {
    return requestId(this.counter + 1);
  }

  stored(id: string): StoredRequest | undefined {
    return this.requests.get(id);
  }

  all(): StoredRequest[] {
    return [...this.requests.values()];
  }

  /** A site's requests, in seq order. */
  ofSite(sycode: string): readonly StoredRequest[] {
    return this.bySite.get(sycode) ?? [];
  }

  takeChanges(): PlanningChanges {
    const taken = this.changes;
    this.changes = freshChanges();
    return taken;
  }

  // ── views ────────────────────────────────────────────────────────────────

  view(id: string, now: number): RequestView {
    return this.viewOf(this.request(id), now);
  }

  /** Scheduled and active requests (of one site, or all), by start time. */
  live(now: number, sycode?: string): RequestView[] {
    return (sycode === undefined ? this.all() : this.ofSite(sycode))
      .filter((r) => {
        const s = requestState(r, now);
        return s === 'scheduled' || s === 'active';
      })
      .sort(byStartThenSeq)
      .map((r) => this.viewOf(r, now));
  }

  /** Every request remembered, whatever its state, in seq order. */
  everything(now: number): RequestView[] {
    return this.all()
      .sort((a, b) => a.seq - b.seq)
      .map((r) => this.viewOf(r, now));
  }

  // ── the gateway's commands ───────────────────────────────────────────────

  submit(command: SubmitCommand, now: number): SubmitResult {
    if (command.set === 'main_reset') return { outcome: 'main_reset', result: this.mainReset(command, now) };
    const site = this.sites.accessible(command.site);
    const psetpoint = command.set === 'Psetpoint' ? checkedSetpoint(site, take(command.psetpoint)) : null;
    const window = take(command.window);
    const start = window.start?.at ?? now;
    const end = window.end?.at ?? null;
    checkWindow(start, end, window);
    const seq = ++this.counter;
    const req: StoredRequest = { id: requestId(seq), seq, set: command.set, sycode: site.sycode, psetpoint, start, end, created_at: now, deleted_at: null, extras: command.extras };
    this.index(req);
    this.changed(req); // the counter is not meta's to persist: on load it is the highest seq stored
    this.prune(now);
    return { outcome: 'created', request: this.viewOf(req, now) };
  }

  /** Changes psetpoint, start or end of a scheduled request, with the checks of a new one. */
  patch(id: string, command: PatchRequest, now: number): RequestView {
    const req = this.request(id);
    checkTransition(req, 'change', now);
    const site = this.sites.accessible(req.sycode);
    const fields = take(command);
    let psetpoint = req.psetpoint;
    if (fields.psetpoint !== undefined) {
      if (req.set === 'stop') throw errors.badRequest(say('psetpointForStop'), { field: 'psetpoint' });
      psetpoint = checkedSetpoint(site, take(fields.psetpoint));
    }
    const window = take(fields.window);
    const start = window.start === undefined ? req.start : (window.start?.at ?? now);
    const end = window.end === undefined ? req.end : (window.end?.at ?? null);
    checkWindow(start, end, window);
    changeRequest(req, { psetpoint, start, end, extras: fields.extras }, now);
    this.changed(req);
    return this.viewOf(req, now);
  }

  delete(id: string, now: number): RequestView {
    const req = this.request(id);
    deleteRequest(req, now);
    this.changed(req);
    return this.viewOf(req, now);
  }

  /** Forgets every request, as a controller does after a power cut; the counter goes on. */
  clear(): void {
    for (const sycode of this.bySite.keys()) this.sites.invalidate(sycode);
    this.requests.clear();
    this.bySite.clear();
    this.history = new HistoryBound(); // else a cleared planning of 70,000 would wait 70,000 inserts for its next scan
    this.changes = { ...freshChanges(), reset: true };
  }

  /** Numbering starts again at REQ-001 (a reset of the MK6). */
  restartNumbering(): void {
    this.counter = 0;
  }

  /** Deletes every scheduled request (of one site if given), keeps the active ones. */
  private mainReset(command: MainReset, now: number): MainResetResult {
    const only = command.site === null ? null : this.sites.find(command.site).sycode;
    const deleted: string[] = [];
    let kept = 0;
    for (const req of this.requests.values()) {
      if (only !== null && req.sycode !== only) continue;
      const state = requestState(req, now);
      if (state === 'scheduled') {
        deleteRequest(req, now);
        this.changed(req);
        deleted.push(req.id);
      } else if (state === 'active') {
        kept++;
      }
    }
    return { deleted_count: deleted.length, kept_count: kept, reason: command.reason, deleted };
  }

  private request(id: string): StoredRequest {
    const req = this.requests.get(id);
    if (!req) throw errors.requestNotFound(id.slice(0, 128));
    return req;
  }

  private viewOf(req: StoredRequest, now: number): RequestView {
    return viewRequest(req, this.sites.nameOf(req.sycode), now);
  }

  private index(req: StoredRequest): void {
    this.requests.set(req.id, req);
    this.history.note(req);
    let list = this.bySite.get(req.sycode);
    if (!list) this.bySite.set(req.sycode, (list = []));
    list.push(req);
  }

  /** A request was created or changed: persisted with the next commit, its site's plant told anew. */
  private changed(req: StoredRequest): void {
    this.history.note(req);
    this.sites.invalidate(req.sycode);
    this.changes.requests.add(req.id);
  }

  private prune(now: number): void {
    const drop = this.history.due(this.requests, now);
    if (drop.length === 0) return;
    const dropped = new Set(drop.map((r) => r.id));
    const sites = new Set(drop.map((r) => r.sycode));
    // The plants' past is about to lose requests: each keeps where it is and what it already received.
    for (const sycode of sites) this.sites.keepPlace(sycode, now);
    for (const id of dropped) {
      this.requests.delete(id);
      this.changes.requests.delete(id);
      this.changes.removed.add(id);
    }
    for (const sycode of sites) {
      this.bySite.set(sycode, this.ofSite(sycode).filter((r) => !dropped.has(r.id)));
      this.sites.invalidate(sycode);
    }
  }
}

/** 0..pmax of the site: the one bound the schema cannot know. */
function checkedSetpoint(site: SiteRecord, value: number): number {
  if (value < 0 || value > site.pmax_kw) throw errors.invalidValue(say('psetpointOutOfRange', site.pmax_kw, value), { max: site.pmax_kw, site: site.sycode });
  return value;
}

function freshChanges(): PlanningChanges {
  return { requests: new Set(), removed: new Set(), reset: false };
}
