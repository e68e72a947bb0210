/**
 * One MK6 park controller, a thin facade over its two parts: the planning (./planning.ts:
 * requests and the gateway's commands on them) and the site plants (./site-plants.ts:
 * sites, their conditions and what they produce), plus its own settings (offline, auth).
 * Pure: every operation takes the simulated `now` and a typed command read at the edge
 * (../contract/commands.ts); nothing here reads a clock, a file or the network, nor picks
 * an HTTP status. Mutations record what they touched (`takeChanges`) so persistence can
 * write only that.
 */
import type { InjectConstraint, PatchRequest, SetAuth, SetPlant, SetSiteState, SubmitCommand } from '../contract/commands.js';
import { Planning, type SubmitResult } from './planning.js';
import type { RequestView, StoredRequest } from './requests.js';
import { effectiveState, newSiteRecord, viewConstraint, type SiteRecord } from './site-records.js';
import { SitePlants, type SiteView } from './site-plants.js';
import type { SiteConfig, SiteStateValue } from './sites.js';

export { effectiveState, newSiteRecord, viewConstraint, type Constraint, type ConstraintSource, type ConstraintView, type SiteRecord } from './site-records.js';
export type { MainResetResult, SubmitResult } from './planning.js';
export type { SiteView } from './site-plants.js';

export interface Mk6Data {
  id: string;
  sites: SiteRecord[];
  requests: StoredRequest[];
  counter: number;
  offline: boolean;
  auth: { enabled: boolean; token: string | null };
}

/** What changed since the last `takeChanges`: the settings (`meta`, written whole), requests written or removed, the planning cleared. */
export interface Changes {
  meta: boolean;
  requests: Set<string>;
  removed: Set<string>;
  planningReset: boolean;
}

export function emptyMk6Data(id: string, sites: SiteConfig[]): Mk6Data {
  return { id, sites: sites.map(newSiteRecord), requests: [], counter: 0, offline: false, auth: { enabled: false, token: null } };
}

export class Mk6 {
  readonly id: string;
  readonly seed: number;
  private readonly plants: SitePlants;
  private readonly plan: Planning;
  private offline: boolean;
  private auth: { enabled: boolean; token: string | null };
  /** Offline, auth or a cleared planning: the settings are written whole. */
  private metaChanged = false;

  constructor(data: Mk6Data, seed: number) {
    this.id = data.id;
    this.seed = seed;
    this.offline = data.offline;
    this.auth = { ...data.auth };
    this.plants = new SitePlants(data.sites, seed, (sycode) => this.plan.ofSite(sycode));
    this.plan = new Planning(this.plants, data.requests, data.counter);
  }

  toData(): Mk6Data {
    return { ...this.toMeta(), requests: this.plan.all() };
  }

  /** Everything but the planning: small, written whole with every change. */
  toMeta(): Omit<Mk6Data, 'requests'> {
    return { id: this.id, sites: this.plants.list().map((s) => ({ ...s })), counter: this.plan.lastSeq, offline: this.offline, auth: { ...this.auth } };
  }

  storedRequest(id: string): StoredRequest | undefined {
    return this.plan.stored(id);
  }

  takeChanges(): Changes {
    const planning = this.plan.takeChanges();
    const meta = this.plants.takeChanged() || this.metaChanged;
    this.metaChanged = false;
    return { meta, requests: planning.requests, removed: planning.removed, planningReset: planning.reset };
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
    return this.plan.nextRequestId;
  }

  siteList(): SiteRecord[] {
    return this.plants.list();
  }

  monitoring(): { thissite: Record<string, string>; nearsite: Record<string, string>[]; state: Record<string, SiteStateValue> } {
    const thissite: Record<string, string> = {};
    const nearsite: Record<string, string>[] = [];
    const state: Record<string, SiteStateValue> = {};
    for (const site of this.plants.list()) {
      if (site.role === 'thissite') thissite[site.sycode] = site.name;
      else nearsite.push({ [site.sycode]: site.name });
      state[site.sycode] = effectiveState(site);
    }
    return { thissite, nearsite, state };
  }

  siteViews(now: number): Record<string, SiteView> {
    const views: Record<string, SiteView> = {};
    for (const site of this.plants.list()) views[site.sycode] = this.plants.view(site, now);
    return views;
  }

  siteView(sycode: string, now: number): SiteView {
    return this.plants.view(this.plants.find(sycode), now);
  }

  /** Scheduled and active requests, by start time. */
  planning(now: number): RequestView[] {
    return this.plan.live(now);
  }

  planningBySite(now: number): Record<string, { sycode: string; site_name: string; planning: RequestView[] }> {
    const out: Record<string, { sycode: string; site_name: string; planning: RequestView[] }> = {};
    for (const site of this.plants.list()) out[site.sycode] = { sycode: site.sycode, site_name: site.name, planning: this.plan.live(now, site.sycode) };
    return out;
  }

  getRequest(id: string, now: number): RequestView {
    return this.plan.view(id, now);
  }

  /** Every request the MK6 remembers, whatever its state, in seq order. */
  allRequests(now: number): RequestView[] {
    return this.plan.everything(now);
  }

  /** What a site's plant is set to, and its output at `now`. */
  plantView(sycode: string, now: number) {
    const site = this.plants.find(sycode);
    const view = this.plants.view(site, now);
    return { sycode: site.sycode, dynamics: site.dynamics ?? null, profile: site.profile ?? null, pavailable: view.pavailable, pactive: view.pactive };
  }

  viewConstraint(site: SiteRecord, now: number, evenOutsideWindow = false) {
    return viewConstraint(site, now, evenOutsideWindow);
  }

  // ── gateway writes (./planning.ts) ───────────────────────────────────────

  submit(command: SubmitCommand, now: number): SubmitResult {
    return this.plan.submit(command, now);
  }

  patchRequest(id: string, command: PatchRequest, now: number): RequestView {
    return this.plan.patch(id, command, now);
  }

  /** Deleting the active request is how a gateway gives a site back its Pmax. */
  deleteRequest(id: string, now: number): RequestView {
    return this.plan.delete(id, now);
  }

  // ── tester writes ────────────────────────────────────────────────────────

  /** Replaces the sites (read at the edge, held to `checkSites` there) and clears the planning; the request counter goes on. */
  provision(configs: readonly SiteConfig[]): readonly SiteConfig[] {
    this.plants.replace(configs);
    this.clearPlanning();
    return configs;
  }

  /** Back to the given sites, nominal, with no planning, counter, auth or outage. */
  reset(configs: readonly SiteConfig[]): void {
    this.provision(configs);
    this.plan.restartNumbering();
    this.offline = false;
    this.auth = { enabled: false, token: null };
  }

  /**
   * Forgets the planning, as a controller does after a power cut; sites stay. Given `now`
   * (a cold restart), the plant of a site with dynamics keeps its operating point: it holds
   * it through its dead time, then ramps toward its new target (Pmax, or the constraint).
   */
  clearPlanning(now?: number): void {
    if (now !== undefined) this.plants.coldRestart(now);
    this.plan.clear();
    this.metaChanged = true;
  }

  setSiteState(sycode: string, state: SetSiteState, now?: number): SiteRecord {
    return this.plants.setState(sycode, state, now);
  }

  setFault(sycode: string, on: boolean, now?: number): SiteRecord {
    return this.plants.setFault(sycode, on, now);
  }

  injectConstraint(sycode: string, command: InjectConstraint, now: number): SiteRecord {
    return this.plants.injectConstraint(sycode, command, now);
  }

  clearConstraint(sycode: string, now?: number): SiteRecord {
    return this.plants.clearConstraint(sycode, now);
  }

  /** Sets a site's dynamics and/or profile at run time (./site-plants.ts). */
  setPlant(sycode: string, command: SetPlant, now: number): SiteRecord {
    return this.plants.setPlant(sycode, command, now);
  }

  setOffline(on: boolean): void {
    this.offline = on;
    this.metaChanged = true;
  }

  setAuth(command: SetAuth): { enabled: boolean } {
    this.auth = command.enabled ? { enabled: true, token: command.token } : { enabled: false, token: null };
    this.metaChanged = true;
    return { enabled: this.auth.enabled };
  }
}
