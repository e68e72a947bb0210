/**
 * The sites of an MK6 and the plant behind each: states, faults, constraints, dynamics and
 * profiles, what each produces, and the caches that make it cheap (what a plant is told, a
 * compiled profile). The caches are kept per site: a change to one site, or to its requests,
 * drops that site's (`invalidate`) and leaves every other site's as it was.
 */
import { take } from '../contract/commands.js';
import { errors } from '../contract/errors.js';
import { MAX_PLANT_STEPS } from '../contract/schema/plant.js';
import { delayedCommand, operatingPoint, rampOf } from './plant.js';
import { commandSignal, LOG_KEPT, tripsOf } from './plant-history.js';
import { checkedProfile, compileProfile, profilePower, round3 } from './profiles.js';
import { checkWindow, effectiveRequest, viewRequest } from './requests.js';
import { conditionsOf, effectiveState, loggedConstraint, newSiteRecord, viewConstraint } from './site-records.js';
export class SitePlants {
    seed;
    requestsOf;
    sites = new Map();
    told = new Map();
    profiles = new Map();
    changed = false;
    /** `requestsOf`: a site's requests in seq order, as the planning holds them. */
    constructor(records, seed, requestsOf) {
        this.seed = seed;
        this.requestsOf = requestsOf;
        for (const site of records)
            this.sites.set(site.sycode, { ...site });
    }
    /** Every site replaced (provision, reset): nothing cached survives. */
    replace(configs) {
        this.sites = new Map(configs.map((c) => [c.sycode, newSiteRecord(c)]));
        this.told.clear();
        this.profiles.clear();
        this.changed = true;
    }
    list() {
        return [...this.sites.values()];
    }
    /** Whether a site changed since the last call (the MK6's settings are persisted whole then). */
    takeChanged() {
        const changed = this.changed;
        this.changed = false;
        return changed;
    }
    /** A site by sycode or name; unknown → 404 SITE_NOT_FOUND. */
    find(sycodeOrName) {
        const bySycode = this.sites.get(sycodeOrName);
        if (bySycode)
            return bySycode;
        for (const site of this.sites.values())
            if (site.name === sycodeOrName)
                return site;
        throw errors.siteNotFound(sycodeOrName.slice(0, 128));
    }
    /** A site that takes requests; in state 0 → 503 SITE_NOT_ACCESSIBLE. */
    accessible(sycodeOrName) {
        const site = this.find(sycodeOrName);
        if (effectiveState(site) === 0)
            throw errors.siteNotAccessible(site.sycode);
        return site;
    }
    nameOf(sycode) {
        return this.sites.get(sycode)?.name ?? sycode;
    }
    // ── conditions ───────────────────────────────────────────────────────────
    setState(sycode, state, now) {
        const site = this.find(sycode);
        site.state = take(state);
        this.noteConditions(site, now);
        return site;
    }
    setFault(sycode, on, now) {
        const site = this.find(sycode);
        site.fault = on;
        this.noteConditions(site, now);
        return site;
    }
    injectConstraint(sycode, command, now) {
        const site = this.find(sycode);
        const c = take(command);
        if (c.start !== null && c.end !== null)
            checkWindow(c.start.at, c.end.at, c);
        site.constraint = { source: c.source, value_kw: c.value_kw, since: now, start: c.start?.at ?? null, end: c.end?.at ?? null };
        this.noteConditions(site, now);
        return site;
    }
    clearConstraint(sycode, now) {
        const site = this.find(sycode);
        site.constraint = null;
        this.noteConditions(site, now);
        return site;
    }
    /**
     * Sets a site's dynamics and/or profile at run time (null: back to none / the built-in
     * model). The plant keeps its operating point of this instant and goes on from there
     * under the new settings; a site given dynamics starts from its current output.
     */
    setPlant(sycode, command, now) {
        const site = this.find(sycode);
        const { dynamics, profile } = take(command);
        if (profile)
            checkedProfile(profile, site.pmax_kw);
        const kw = this.operatingPointNow(site, now);
        if (dynamics === null)
            delete site.dynamics;
        else if (dynamics !== undefined)
            site.dynamics = dynamics;
        if (profile !== undefined) {
            if (profile === null)
                delete site.profile;
            else
                site.profile = profile;
            this.profiles.delete(site.sycode);
        }
        if (site.dynamics)
            site.plant = { log: [conditionsOf(site, now)], anchor: { at: now, kw, pending: [] } };
        else
            delete site.plant;
        this.invalidate(site.sycode);
        this.changed = true;
        return site;
    }
    // ── what the planning tells the plants ───────────────────────────────────
    /** The site's requests changed: what its plant is told is built again, only its. */
    invalidate(sycode) {
        this.told.delete(sycode);
    }
    /** Requests of the site are about to be forgotten: its plant keeps where it is and what it already received. */
    keepPlace(sycode, now) {
        const site = this.sites.get(sycode);
        if (site?.plant)
            this.anchorPlant(site, now, true);
    }
    /** A cold restart: every plant keeps its operating point and loses what it had been told. */
    coldRestart(now) {
        for (const site of this.sites.values())
            if (site.plant)
                this.anchorPlant(site, now, false);
    }
    // ── views and production ─────────────────────────────────────────────────
    view(site, now) {
        const { req, setpoint } = this.setpointOf(site, now);
        const constraint = viewConstraint(site, now);
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
            active_request: req === null ? null : viewRequest(req, site.name, now),
            external_constraint: constraint,
        };
    }
    /** pavailable of a site at t, by its profile. */
    pavailable(site, t) {
        if (!site.profile)
            return profilePower(null, this.seed, site.sycode, t, site.pmax_kw);
        let compiled = this.profiles.get(site.sycode);
        if (!compiled || compiled.def !== site.profile)
            this.profiles.set(site.sycode, (compiled = { def: site.profile, profile: compileProfile(site.profile, site.pmax_kw) }));
        return profilePower(compiled.profile, this.seed, site.sycode, t, site.pmax_kw);
    }
    /** The request in force and the setpoint it gives (none: pmax; stop: 0). */
    setpointOf(site, now) {
        const req = effectiveRequest(this.requestsOf(site.sycode), now);
        return { req, setpoint: req === null ? site.pmax_kw : req.set === 'stop' ? 0 : req.psetpoint };
    }
    toldOf(site) {
        let told = this.told.get(site.sycode);
        if (!told) {
            const plant = site.plant;
            const ramp = rampOf(site.dynamics);
            const command = commandSignal(site.pmax_kw, this.requestsOf(site.sycode), plant.log, loggedConstraint(site));
            this.told.set(site.sycode, (told = { told: delayedCommand(command, tripsOf(plant.log), plant.anchor, ramp.dead), ramp, memo: new Map() }));
        }
        return told;
    }
    /** The operating point of a site with dynamics at t (its output is min(pavailable, it)). */
    operatingPoint(site, t) {
        const told = this.toldOf(site);
        return round3(operatingPoint(told.told, told.ramp, site.pmax_kw, (x) => this.pavailable(site, x), t, told.memo));
    }
    /** Where the plant is at `now`: its operating point with dynamics, else what it produces at once. */
    operatingPointNow(site, now) {
        if (effectiveState(site) === 0)
            return 0;
        if (site.plant)
            return this.operatingPoint(site, now);
        return Math.min(this.setpointOf(site, now).setpoint, viewConstraint(site, now)?.value_kw ?? Infinity);
    }
    /**
     * The plant keeps its operating point at `now` and forgets the history before it; with
     * `keepPending`, it also keeps what it had already been told and not yet acted on (a
     * history trimmed for size), without it that is lost too (a cold restart). A tripped
     * plant (state 0) sits at 0 and keeps nothing it was told.
     */
    anchorPlant(site, now, keepPending) {
        const plant = site.plant;
        const tripped = effectiveState(site) === 0;
        const kw = tripped ? 0 : this.operatingPoint(site, now);
        const dead = rampOf(site.dynamics).dead;
        const pending = keepPending && !tripped ? this.toldOf(site).told.steps.filter((st) => st.at > now && st.at < now + dead).slice(0, MAX_PLANT_STEPS) : [];
        const kept = plant.log.filter((e) => e.at > now);
        const before = plant.log.filter((e) => e.at <= now).pop();
        site.plant = { log: before ? [before, ...kept] : kept, anchor: { at: now, kw, pending } };
        this.invalidate(site.sycode);
        this.changed = true;
    }
    /** A site with dynamics notes each change of its state or constraint, at the instant it happened. */
    noteConditions(site, now) {
        this.changed = true;
        this.invalidate(site.sycode);
        if (!site.plant || now === undefined)
            return;
        if (site.plant.log.length >= LOG_KEPT)
            this.anchorPlant(site, now, true);
        const plant = site.plant;
        site.plant = { ...plant, log: [...plant.log, conditionsOf(site, now)] };
        this.invalidate(site.sycode);
    }
}
