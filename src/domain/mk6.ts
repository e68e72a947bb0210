/**
 * One MK6 park controller: its sites and its planning. Pure: every operation takes the
 * simulated `now`, nothing here reads a clock, a file or the network. Mutations record
 * what they touched (`takeChanges`) so persistence can write only that.
 */
import { errors } from '../contract/errors.js';
import { AuthBody, InjectExternal, NewRequest, RequestPatch, SiteStateBody, type ExternalConstraint, type SiteView as SiteViewSchema } from '../contract/schema/index.js';
import type { Static } from '../contract/schema/kit.js';
import { asBody, checked, isAbsent, optional, optionalTime, required, type Body } from '../contract/schema/validate.js';
import { Dynamics, MAX_PLANT_STEPS, Profile as ProfileSchema, type DynamicsDef, type ProfileDef } from '../contract/schema/plant.js';
import type { TSchema } from '../contract/schema/kit.js';
import { delayedCommand, operatingPoint, rampOf, type Anchor, type Ramp, type Signal } from './plant.js';
import { checkedProfile, compileProfile, profilePower, round3, type Profile } from './profiles.js';
import { commandSignal, LOG_KEPT, tripsOf, type ConditionEntry, type PlantRecord } from './site-plant.js';
import {
  byStartThenSeq,
  effectiveRequest,
  extrasOf,
  requestId,
  requestState,
  SET_VALUES,
  viewRequest,
  windowHolds,
  type RequestSet,
  type RequestView,
  type StoredRequest,
} from './requests.js';
import { validateSites, type SiteConfig, type SiteStateValue } from './sites.js';
import { formatIso, formatOptional } from './time.js';

/** An active DEIE/SCADA constraint as the API shows it. */
export type ConstraintView = Static<typeof ExternalConstraint>;
export type ConstraintSource = ConstraintView['source'];
/** A site as `GET monitoring/sites/{sycode}` shows it. */
export type SiteView = Static<typeof SiteViewSchema>;

export interface Constraint {
  source: ConstraintSource;
  value_kw: number;
  since: number;
  start: number | null;
  end: number | null;
}

export interface SiteRecord extends SiteConfig {
  /** The state set by the tester; a fault reads 0 over it and gives it back when cleared. */
  state: SiteStateValue;
  fault: boolean;
  constraint: Constraint | null;
  /** With dynamics: what the plant lived through (./site-plant.ts). */
  plant?: PlantRecord;
}

export interface Mk6Data {
  id: string;
  sites: SiteRecord[];
  requests: StoredRequest[];
  counter: number;
  offline: boolean;
  auth: { enabled: boolean; token: string | null };
}

export interface Changes {
  meta: boolean;
  requests: Set<string>;
  removed: Set<string>;
  planningReset: boolean;
}

export interface MainResetResult {
  deleted_count: number;
  kept_count: number;
  reason: unknown;
  deleted: string[];
}

/** Expired and deleted requests are history: past this many, the oldest are forgotten. */
const HISTORY_KEPT = 1000;
const PRUNE_ABOVE = 2000;

export function newSiteRecord(config: SiteConfig): SiteRecord {
  return { ...config, state: 2, fault: false, constraint: null, ...(config.dynamics ? { plant: { log: [], anchor: null } } : {}) };
}

export function emptyMk6Data(id: string, sites: SiteConfig[]): Mk6Data {
  return {
    id,
    sites: sites.map(newSiteRecord),
    requests: [],
    counter: 0,
    offline: false,
    auth: { enabled: false, token: null },
  };
}

export class Mk6 {
  readonly id: string;
  readonly seed: number;
  private sites = new Map<string, SiteRecord>();
  private requests = new Map<string, StoredRequest>();
  private bySite = new Map<string, StoredRequest[]>();
  private counter: number;
  private offline: boolean;
  private auth: { enabled: boolean; token: string | null };
  private changes: Changes = freshChanges();
  private pruneAt = PRUNE_ABOVE;
  /** Since the last history scan: the earliest end among the requests that were not history, and whether one was deleted. */
  private historyFrom = -Infinity;
  private deletedSinceScan = false;
  /** What the plant of each site with dynamics is told, built once per change of its history. */
  private told = new Map<string, { told: Signal; ramp: Ramp; memo: Map<number, number> }>();
  private profiles = new Map<string, { def: ProfileDef; profile: Profile }>();

  constructor(data: Mk6Data, seed: number) {
    this.id = data.id;
    this.seed = seed;
    this.counter = data.counter;
    this.offline = data.offline;
    this.auth = { ...data.auth };
    for (const site of data.sites) this.sites.set(site.sycode, { ...site });
    for (const req of [...data.requests].sort((a, b) => a.seq - b.seq)) this.index(req);
  }

  toData(): Mk6Data {
    return { ...this.toMeta(), requests: [...this.requests.values()] };
  }

  /** Everything but the planning: small, written whole with every change. */
  toMeta(): Omit<Mk6Data, 'requests'> {
    return {
      id: this.id,
      sites: [...this.sites.values()].map((s) => ({ ...s })),
      counter: this.counter,
      offline: this.offline,
      auth: { ...this.auth },
    };
  }

  storedRequest(id: string): StoredRequest | undefined {
    return this.requests.get(id);
  }

  takeChanges(): Changes {
    const taken = this.changes;
    this.changes = freshChanges();
    return taken;
  }

  // ── reads ────────────────────────────────────────────────────────────────

  get isOffline(): boolean {
    return this.offline;
  }

  /** The bearer token the API demands, or null when auth is off. */
  get requiredToken(): string | null {
    return this.auth.enabled ? this.auth.token : null;
  }

  get nextRequestId(): string {
    return requestId(this.counter + 1);
  }

  siteList(): SiteRecord[] {
    return [...this.sites.values()];
  }

  monitoring(): { thissite: Record<string, string>; nearsite: Record<string, string>[]; state: Record<string, SiteStateValue> } {
    const thissite: Record<string, string> = {};
    const nearsite: Record<string, string>[] = [];
    const state: Record<string, SiteStateValue> = {};
    for (const site of this.sites.values()) {
      if (site.role === 'thissite') thissite[site.sycode] = site.name;
      else nearsite.push({ [site.sycode]: site.name });
      state[site.sycode] = effectiveState(site);
    }
    return { thissite, nearsite, state };
  }

  siteViews(now: number): Record<string, SiteView> {
    const views: Record<string, SiteView> = {};
    for (const site of this.sites.values()) views[site.sycode] = this.viewSite(site, now);
    return views;
  }

  siteView(sycode: string, now: number): SiteView {
    return this.viewSite(this.site(sycode), now);
  }

  /** Scheduled and active requests, by start time. */
  planning(now: number): RequestView[] {
    return this.livePlanning(now, [...this.requests.values()]);
  }

  planningBySite(now: number): Record<string, { sycode: string; site_name: string; planning: RequestView[] }> {
    const out: Record<string, { sycode: string; site_name: string; planning: RequestView[] }> = {};
    for (const site of this.sites.values()) {
      out[site.sycode] = {
        sycode: site.sycode,
        site_name: site.name,
        planning: this.livePlanning(now, this.bySite.get(site.sycode) ?? []),
      };
    }
    return out;
  }

  getRequest(id: string, now: number): RequestView {
    return this.view(this.request(id), now);
  }

  /** Every request the MK6 remembers, whatever its state, in seq order. */
  allRequests(now: number): RequestView[] {
    return [...this.requests.values()].sort((a, b) => a.seq - b.seq).map((r) => this.view(r, now));
  }

  // ── gateway writes ───────────────────────────────────────────────────────

  submit(raw: unknown, now: number): { status: 201; body: RequestView } | { status: 200; body: MainResetResult } {
    const body = asBody(raw);
    const set = required(NewRequest, body, 'set');
    if (set === 'main_reset') return { status: 200, body: this.mainReset(body, now) };

    const kind = set as RequestSet;
    const site = this.accessibleSite(required(NewRequest, body, 'site'));
    const psetpoint = set === 'Psetpoint' ? this.checkedSetpoint(site, required(NewRequest, body, 'psetpoint')) : null;
    const start = optionalTime(NewRequest, body, 'start_time') ?? now;
    const end = optionalTime(NewRequest, body, 'end_time');
    checkWindow(start, end, body);

    const seq = ++this.counter;
    const req: StoredRequest = {
      id: requestId(seq),
      seq,
      set: kind,
      sycode: site.sycode,
      psetpoint,
      start,
      end,
      created_at: now,
      deleted_at: null,
      extras: extrasOf(body),
    };
    this.index(req);
    this.touch();
    this.changes.requests.add(req.id); // the counter is not meta's to persist: on load it is the highest seq stored
    this.prune(now);
    return { status: 201, body: this.view(req, now) };
  }

  patchRequest(id: string, raw: unknown, now: number): RequestView {
    const body = asBody(raw);
    const req = this.request(id);
    const state = requestState(req, now);
    if (state !== 'scheduled') throw errors.requestLocked(id, state);
    const site = this.accessibleSite(req.sycode);
    if (!['psetpoint', 'start_time', 'end_time'].some((f) => f in body)) {
      throw errors.badRequest('Rien à modifier (psetpoint, start_time, end_time)', {});
    }
    let psetpoint = req.psetpoint;
    if ('psetpoint' in body) {
      if (req.set === 'stop') throw errors.badRequest("psetpoint n'a pas de sens pour un stop", { field: 'psetpoint' });
      psetpoint = this.checkedSetpoint(site, required(RequestPatch, body, 'psetpoint'));
    }
    const start = 'start_time' in body ? optionalTime(RequestPatch, body, 'start_time') ?? now : req.start;
    const end = 'end_time' in body ? optionalTime(RequestPatch, body, 'end_time') : req.end;
    checkWindow(start, end, body);
    Object.assign(req, { psetpoint, start, end, extras: { ...req.extras, ...extrasOf(body) } });
    this.noteHistoryCandidate(req);
    this.touch();
    this.changes.requests.add(req.id);
    return this.view(req, now);
  }

  /** Deleting the active request is how a gateway gives a site back its Pmax. */
  deleteRequest(id: string, now: number): RequestView {
    const req = this.request(id);
    const state = requestState(req, now);
    if (state !== 'scheduled' && state !== 'active') throw errors.requestLocked(id, state);
    req.deleted_at = now;
    this.noteHistoryCandidate(req);
    this.touch();
    this.changes.requests.add(req.id);
    return this.view(req, now);
  }

  private mainReset(body: Body, now: number): MainResetResult {
    if (body.confirm !== true) throw errors.confirmationRequired();
    const site = optional(NewRequest, body, 'site');
    const only = site === undefined ? null : this.site(site).sycode;
    const deleted: string[] = [];
    let kept = 0;
    for (const req of this.requests.values()) {
      if (only !== null && req.sycode !== only) continue;
      const state = requestState(req, now);
      if (state === 'scheduled') {
        req.deleted_at = now;
        this.noteHistoryCandidate(req);
        deleted.push(req.id);
        this.changes.requests.add(req.id);
      } else if (state === 'active') {
        kept++;
      }
    }
    this.touch();
    return { deleted_count: deleted.length, kept_count: kept, reason: body.reason ?? null, deleted };
  }

  // ── tester writes ────────────────────────────────────────────────────────

  /** Replaces the sites and clears the planning; the request counter goes on. */
  provision(rawSites: unknown): SiteConfig[] {
    const configs = validateSites(rawSites);
    this.sites = new Map(configs.map((c) => [c.sycode, newSiteRecord(c)]));
    this.profiles.clear();
    this.clearPlanning();
    return configs;
  }

  /** Back to the given sites, nominal, with no planning, counter, auth or outage. */
  reset(configs: readonly SiteConfig[]): void {
    this.sites = new Map(configs.map((c) => [c.sycode, newSiteRecord(c)]));
    this.profiles.clear();
    this.clearPlanning();
    this.counter = 0;
    this.offline = false;
    this.auth = { enabled: false, token: null };
  }

  /**
   * Forgets the planning, as a controller does after a power cut; sites stay. Given `now`
   * (a cold restart), the plant of a site with dynamics keeps its operating point: it holds
   * it through its dead time, then ramps toward its new target (Pmax, or the constraint).
   */
  clearPlanning(now?: number): void {
    if (now !== undefined) for (const site of this.sites.values()) if (site.plant) this.anchorPlant(site, now, false);
    this.touch();
    this.requests.clear();
    this.bySite.clear();
    this.pruneAt = PRUNE_ABOVE; // else a cleared planning of 70,000 would wait 70,000 inserts for its next scan
    this.changes.planningReset = true;
    this.changes.requests.clear();
    this.changes.removed.clear();
    this.changes.meta = true;
  }

  setSiteState(sycode: string, raw: unknown, now?: number): SiteRecord {
    const site = this.site(sycode);
    site.state = required(SiteStateBody, asBody(raw), 'state');
    this.logConditions(site, now);
    this.changes.meta = true;
    return site;
  }

  setFault(sycode: string, on: boolean, now?: number): SiteRecord {
    const site = this.site(sycode);
    site.fault = on;
    this.logConditions(site, now);
    this.changes.meta = true;
    return site;
  }

  injectConstraint(sycode: string, raw: unknown, now: number): SiteRecord {
    const site = this.site(sycode);
    const body = asBody(raw);
    const source = required(InjectExternal, body, 'source');
    const value = required(InjectExternal, body, 'value_kw');
    const start = optionalTime(InjectExternal, body, 'start_time');
    const end = optionalTime(InjectExternal, body, 'end_time');
    if (start !== null && end !== null) checkWindow(start, end, body);
    site.constraint = { source, value_kw: value, since: now, start, end };
    this.logConditions(site, now);
    this.changes.meta = true;
    return site;
  }

  clearConstraint(sycode: string, now?: number): SiteRecord {
    const site = this.site(sycode);
    site.constraint = null;
    this.logConditions(site, now);
    this.changes.meta = true;
    return site;
  }

  setOffline(on: boolean): void {
    this.offline = on;
    this.changes.meta = true;
  }

  setAuth(raw: unknown): { enabled: boolean } {
    const body = asBody(raw);
    const enabled = body.enabled === undefined ? true : (checked(AuthBody.properties.enabled, body.enabled, 'enabled') as boolean);
    if (enabled) {
      const token = required(AuthBody, body, 'token');
      this.auth = { enabled: true, token };
    } else {
      this.auth = { enabled: false, token: null };
    }
    this.changes.meta = true;
    return { enabled: this.auth.enabled };
  }

  /**
   * Sets a site's dynamics and/or profile at run time (null: back to none / the built-in
   * model). The plant keeps its operating point of this instant and goes on from there
   * under the new settings; a site given dynamics starts from its current output.
   */
  setPlant(sycode: string, raw: unknown, now: number): SiteRecord {
    const site = this.site(sycode);
    const body = asBody(raw);
    if (!('dynamics' in body) && !('profile' in body)) throw errors.badRequest('Rien à modifier (dynamics, profile)', {});
    // null: back to none; else checked by the field's own schema (its wording names the sub-field at fault)
    const read = <T>(field: 'dynamics' | 'profile', schema: TSchema): T | null | undefined =>
      !(field in body) ? undefined : isAbsent(body[field]) ? null : (checked(schema, body[field], field) as T);
    const dynamics = read<DynamicsDef>('dynamics', Dynamics);
    const profile = read<ProfileDef>('profile', ProfileSchema);
    if (profile) checkedProfile(profile, site.pmax_kw);
    const kw = this.operatingPointNow(site, now);
    if (dynamics !== undefined) {
      if (dynamics === null) delete site.dynamics;
      else site.dynamics = dynamics;
    }
    if (profile !== undefined) {
      if (profile === null) delete site.profile;
      else site.profile = profile;
      this.profiles.delete(site.sycode);
    }
    if (site.dynamics) {
      site.plant = { log: [this.conditionsOf(site, now)], anchor: { at: now, kw, pending: [] } };
    } else {
      delete site.plant;
    }
    this.touch();
    this.changes.meta = true;
    return site;
  }

  /** What a site's plant is set to, and its output at `now`. */
  plantView(sycode: string, now: number) {
    const site = this.site(sycode);
    const view = this.viewSite(site, now);
    return { sycode: site.sycode, dynamics: site.dynamics ?? null, profile: site.profile ?? null, pavailable: view.pavailable, pactive: view.pactive };
  }

  // ── the plant (./plant.ts, ./profiles.ts) ────────────────────────────────

  /** pavailable of a site at t, by its profile. */
  pavailable(site: SiteRecord, t: number): number {
    if (!site.profile) return profilePower(null, this.seed, site.sycode, t, site.pmax_kw);
    let compiled = this.profiles.get(site.sycode);
    if (!compiled || compiled.def !== site.profile) this.profiles.set(site.sycode, (compiled = { def: site.profile, profile: compileProfile(site.profile, site.pmax_kw) }));
    return profilePower(compiled.profile, this.seed, site.sycode, t, site.pmax_kw);
  }

  /** The operating point of a site with dynamics at t (its output is min(pavailable, it)). */
  private operatingPoint(site: SiteRecord, t: number): number {
    const plant = site.plant as PlantRecord;
    let cached = this.told.get(site.sycode);
    if (!cached) {
      const ramp = rampOf(site.dynamics as DynamicsDef);
      const command = commandSignal(site.pmax_kw, this.bySite.get(site.sycode) ?? [], plant.log, this.loggedConstraint(site));
      cached = { told: delayedCommand(command, tripsOf(plant.log), plant.anchor, ramp.dead), ramp, memo: new Map() };
      this.told.set(site.sycode, cached);
    }
    return round3(operatingPoint(cached.told, cached.ramp, site.pmax_kw, (x) => this.pavailable(site, x), t, cached.memo));
  }

  /** Where the plant is at `now`: its operating point with dynamics, else what it produces at once. */
  private operatingPointNow(site: SiteRecord, now: number): number {
    if (effectiveState(site) === 0) return 0;
    if (site.plant) return this.operatingPoint(site, now);
    const view = this.viewSite(site, now);
    return Math.min(view.psetpoint_recu, view.external_constraint?.value_kw ?? Infinity);
  }

  /**
   * The plant keeps its operating point at `now` and forgets the history before it; with
   * `keepPending`, it also keeps what it had already been told and not yet acted on (a
   * history trimmed for size), without it that is lost too (a cold restart).
   */
  private anchorPlant(site: SiteRecord, now: number, keepPending: boolean): void {
    const plant = site.plant as PlantRecord;
    const kw = effectiveState(site) === 0 ? 0 : this.operatingPoint(site, now);
    const told = this.told.get(site.sycode);
    const dead = rampOf(site.dynamics as DynamicsDef).dead;
    const pending = keepPending && told ? told.told.steps.filter((st) => st.at > now && st.at < now + dead).slice(0, MAX_PLANT_STEPS) : [];
    const kept = plant.log.filter((e) => e.at > now);
    const before = plant.log.filter((e) => e.at <= now).pop();
    site.plant = { log: before ? [before, ...kept] : kept, anchor: { at: now, kw, pending } as Anchor };
    this.touch();
  }

  /** A site with dynamics notes each change of its state or constraint, at the instant it happened. */
  private logConditions(site: SiteRecord, now: number | undefined): void {
    this.touch();
    if (!site.plant || now === undefined) return;
    if (site.plant.log.length >= LOG_KEPT) this.anchorPlant(site, now, true);
    const plant = site.plant as PlantRecord;
    site.plant = { ...plant, log: [...plant.log, this.conditionsOf(site, now)] };
  }

  private conditionsOf(site: SiteRecord, now: number): ConditionEntry {
    return { at: now, state: effectiveState(site), constraint: this.loggedConstraint(site) };
  }

  private loggedConstraint(site: SiteRecord) {
    const c = site.constraint;
    return c === null ? null : { value_kw: c.value_kw, start: c.start, end: c.end };
  }

  /** Something the plants' history depends on changed: what they are told is built again. */
  private touch(): void {
    this.told.clear();
  }

  // ── views and helpers ────────────────────────────────────────────────────

  viewConstraint(site: SiteRecord, now: number, evenOutsideWindow = false): ConstraintView | null {
    const c = site.constraint;
    if (!c || (!evenOutsideWindow && !windowHolds(c.start, c.end, now))) return null;
    return {
      source: c.source,
      value_kw: c.value_kw,
      since: formatIso(c.since),
      start_time: formatOptional(c.start),
      end_time: formatOptional(c.end),
    };
  }

  private viewSite(site: SiteRecord, now: number): SiteView {
    const req = effectiveRequest(this.bySite.get(site.sycode) ?? [], now);
    const setpoint = req === null ? site.pmax_kw : req.set === 'stop' ? 0 : (req.psetpoint as number);
    const constraint = this.viewConstraint(site, now);
    const state = effectiveState(site);
    const pavailable = this.pavailable(site, now);
    const pactive = state === 0 ? 0 : site.plant ? Math.min(pavailable, this.operatingPoint(site, now)) : Math.min(pavailable, setpoint, constraint?.value_kw ?? Infinity);
    return {
      sycode: site.sycode,
      site_name: site.name,
      role: site.role,
      prm_id: site.prm_id,
      state,
      fault: site.fault,
      pmax_wf: site.pmax_kw,
      pavailable,
      pactive,
      psetpoint_recu: setpoint,
      stop_wf_active: req?.set === 'stop',
      active_request: req === null ? null : this.view(req, now),
      external_constraint: constraint,
    };
  }

  private view(req: StoredRequest, now: number): RequestView {
    return viewRequest(req, this.sites.get(req.sycode)?.name ?? req.sycode, now);
  }

  private livePlanning(now: number, list: readonly StoredRequest[]): RequestView[] {
    return list
      .filter((r) => {
        const s = requestState(r, now);
        return s === 'scheduled' || s === 'active';
      })
      .sort(byStartThenSeq)
      .map((r) => this.view(r, now));
  }

  private site(sycodeOrName: string): SiteRecord {
    const bySycode = this.sites.get(sycodeOrName);
    if (bySycode) return bySycode;
    for (const site of this.sites.values()) if (site.name === sycodeOrName) return site;
    throw errors.siteNotFound(sycodeOrName.slice(0, 128));
  }

  private accessibleSite(sycodeOrName: string): SiteRecord {
    const site = this.site(sycodeOrName);
    if (effectiveState(site) === 0) throw errors.siteNotAccessible(site.sycode);
    return site;
  }

  /** 0..pmax of the site: the one bound the schema cannot know. */
  private checkedSetpoint(site: SiteRecord, value: number): number {
    if (value < 0 || value > site.pmax_kw) {
      throw errors.invalidValue(`psetpoint hors plage [0, ${site.pmax_kw}]: ${value}`, {
        max: site.pmax_kw,
        site: site.sycode,
      });
    }
    return value;
  }

  private request(id: string): StoredRequest {
    const req = this.requests.get(id);
    if (!req) throw errors.requestNotFound(id.slice(0, 128));
    return req;
  }

  private index(req: StoredRequest): void {
    this.requests.set(req.id, req);
    this.noteHistoryCandidate(req);
    let list = this.bySite.get(req.sycode);
    if (!list) this.bySite.set(req.sycode, (list = []));
    list.push(req);
  }

  /** A request becomes history at its end, or once deleted: the next scan must not be skipped past that. */
  private noteHistoryCandidate(req: StoredRequest): void {
    if (req.deleted_at !== null) this.deletedSinceScan = true;
    else if (req.end !== null && req.end < this.historyFrom) this.historyFrom = req.end;
  }

  /** Keeps memory and the state file bounded: forgets the oldest history past HISTORY_KEPT. */
  private prune(now: number): void {
    if (this.requests.size <= this.pruneAt) return;
    // Scan again only after another PRUNE_ABOVE inserts: amortised O(1) per request.
    this.pruneAt = this.requests.size + PRUNE_ABOVE;
    // Nothing became history since the last scan (none deleted, none past its end): a planning
    // of many live requests is not scanned whole every PRUNE_ABOVE inserts.
    if (!this.deletedSinceScan && now < this.historyFrom) return;
    this.deletedSinceScan = false;
    this.historyFrom = Infinity;
    const history = [...this.requests.values()]
      .filter((r) => {
        const s = requestState(r, now);
        if (s === 'expired' || s === 'deleted') return true;
        this.noteHistoryCandidate(r);
        return false;
      })
      .sort((a, b) => a.seq - b.seq);
    const drop = history.slice(0, Math.max(0, history.length - HISTORY_KEPT));
    if (drop.length === 0) return;
    // The plant's past is about to lose requests: it keeps where it is and what it already received.
    for (const site of this.sites.values()) if (site.plant) this.anchorPlant(site, now, true);
    this.touch();
    const dropped = new Set(drop.map((r) => r.id));
    for (const id of dropped) {
      this.requests.delete(id);
      this.changes.requests.delete(id);
      this.changes.removed.add(id);
    }
    for (const [sycode, list] of this.bySite) this.bySite.set(sycode, list.filter((r) => !dropped.has(r.id)));
    // Counted from what is left, else the threshold climbs by PRUNE_ABOVE at every scan.
    this.pruneAt = this.requests.size + PRUNE_ABOVE;
  }
}

export function effectiveState(site: SiteRecord): SiteStateValue {
  return site.fault ? 0 : site.state;
}

function checkWindow(start: number, end: number | null, body: Body): void {
  if (end !== null && end <= start) {
    throw errors.invalidTimeRange(String(body.start_time ?? formatIso(start)), String(body.end_time ?? ''));
  }
}

function freshChanges(): Changes {
  return { meta: false, requests: new Set(), removed: new Set(), planningReset: false };
}
