import { Planning } from './planning.js';
import { effectiveState, newSiteRecord, viewConstraint } from './site-records.js';
import { SitePlants } from './site-plants.js';
export { effectiveState, newSiteRecord, viewConstraint } from './site-records.js';
export function emptyMk6Data(id, sites) {
    return { id, sites: sites.map(newSiteRecord), requests: [], counter: 0, offline: false, auth: { enabled: false, token: null } };
}
export class Mk6 {
    id;
    seed;
    plants;
    plan;
    offline;
    auth;
    /** Offline, auth or a cleared planning: the settings are written whole. */
    metaChanged = false;
    constructor(data, seed) {
        this.id = data.id;
        this.seed = seed;
        this.offline = data.offline;
        this.auth = { ...data.auth };
        this.plants = new SitePlants(data.sites, seed, (sycode) => this.plan.ofSite(sycode));
        this.plan = new Planning(this.plants, data.requests, data.counter);
    }
    toData() {
        return { ...this.toMeta(), requests: this.plan.all() };
    }
    /** Everything but the planning: small, written whole with every change. */
    toMeta() {
        return { id: this.id, sites: this.plants.list().map((s) => ({ ...s })), counter: this.plan.lastSeq, offline: this.offline, auth: { ...this.auth } };
    }
    storedRequest(id) {
        return this.plan.stored(id);
    }
    takeChanges() {
        const planning = this.plan.takeChanges();
        const meta = this.plants.takeChanged() || this.metaChanged;
        this.metaChanged = false;
        return { meta, requests: planning.requests, removed: planning.removed, planningReset: planning.reset };
    }
    // ── reads ────────────────────────────────────────────────────────────────
    get isOffline() {
        return this.offline;
    }
    /** The bearer token the API demands, or null when auth is off. */
    get requiredToken() {
        return this.auth.enabled ? this.auth.token : null;
    }
    get nextRequestId() {
        return this.plan.nextRequestId;
    }
    siteList() {
        return this.plants.list();
    }
    monitoring() {
        const thissite = {};
        const nearsite = [];
        const state = {};
        for (const site of this.plants.list()) {
            if (site.role === 'thissite')
                thissite[site.sycode] = site.name;
            else
                nearsite.push({ [site.sycode]: site.name });
            state[site.sycode] = effectiveState(site);
        }
        return { thissite, nearsite, state };
    }
    siteViews(now) {
        const views = {};
        for (const site of this.plants.list())
            views[site.sycode] = this.plants.view(site, now);
        return views;
    }
    siteView(sycode, now) {
        return this.plants.view(this.plants.find(sycode), now);
    }
    /** Scheduled and active requests, by start time. */
    planning(now) {
        return this.plan.live(now);
    }
    planningBySite(now) {
        const out = {};
        for (const site of this.plants.list())
            out[site.sycode] = { sycode: site.sycode, site_name: site.name, planning: this.plan.live(now, site.sycode) };
        return out;
    }
    getRequest(id, now) {
        return this.plan.view(id, now);
    }
    /** Every request the MK6 remembers, whatever its state, in seq order. */
    allRequests(now) {
        return this.plan.everything(now);
    }
    /** What a site's plant is set to, and its output at `now`. */
    plantView(sycode, now) {
        const site = this.plants.find(sycode);
        const view = this.plants.view(site, now);
        return { sycode: site.sycode, dynamics: site.dynamics ?? null, profile: site.profile ?? null, pavailable: view.pavailable, pactive: view.pactive };
    }
    viewConstraint(site, now, evenOutsideWindow = false) {
        return viewConstraint(site, now, evenOutsideWindow);
    }
    // ── gateway writes (./planning.ts) ───────────────────────────────────────
    submit(command, now) {
        return this.plan.submit(command, now);
    }
    patchRequest(id, command, now) {
        return this.plan.patch(id, command, now);
    }
    /** Deleting the active request is how a gateway gives a site back its Pmax. */
    deleteRequest(id, now) {
        return this.plan.delete(id, now);
    }
    // ── tester writes ────────────────────────────────────────────────────────
    /** Replaces the sites (read at the edge, held to `checkSites` there) and clears the planning; the request counter goes on. */
    provision(configs) {
        this.plants.replace(configs);
        this.clearPlanning();
        return configs;
    }
    /** Back to the given sites, nominal, with no planning, counter, auth or outage. */
    reset(configs) {
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
    clearPlanning(now) {
        if (now !== undefined)
            this.plants.coldRestart(now);
        this.plan.clear();
        this.metaChanged = true;
    }
    setSiteState(sycode, state, now) {
        return this.plants.setState(sycode, state, now);
    }
    setFault(sycode, on, now) {
        return this.plants.setFault(sycode, on, now);
    }
    injectConstraint(sycode, command, now) {
        return this.plants.injectConstraint(sycode, command, now);
    }
    clearConstraint(sycode, now) {
        return this.plants.clearConstraint(sycode, now);
    }
    /** Sets a site's dynamics and/or profile at run time (./site-plants.ts). */
    setPlant(sycode, command, now) {
        return this.plants.setPlant(sycode, command, now);
    }
    setOffline(on) {
        this.offline = on;
        this.metaChanged = true;
    }
    setAuth(command) {
        this.auth = command.enabled ? { enabled: true, token: command.token } : { enabled: false, token: null };
        this.metaChanged = true;
        return { enabled: this.auth.enabled };
    }
}
