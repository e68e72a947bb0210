/**
 * A site as the MK6 keeps it: its configuration, the state the tester set, a fault, a DEIE
 * or SCADA constraint and, with dynamics, what its plant lived through. Plain data, persisted
 * whole with the MK6's settings.
 */
import type { ExternalConstraint } from '../contract/schema/index.js';
import type { Static } from '../contract/schema/kit.js';
import type { ConditionEntry, LoggedConstraint, PlantRecord } from './plant-history.js';
import { windowHolds } from './requests.js';
import type { SiteConfig, SiteStateValue } from './sites.js';
import { formatIso, formatOptional } from './time.js';

/** An active DEIE/SCADA constraint as the API shows it. */
export type ConstraintView = Static<typeof ExternalConstraint>;
export type ConstraintSource = ConstraintView['source'];

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
  /** With dynamics: what the plant lived through (./plant-history.ts). */
  plant?: PlantRecord;
}

export function newSiteRecord(config: SiteConfig): SiteRecord {
  return { ...config, state: 2, fault: false, constraint: null, ...(config.dynamics ? { plant: { log: [], anchor: null } } : {}) };
}

export function effectiveState(site: SiteRecord): SiteStateValue {
  return site.fault ? 0 : site.state;
}

/** The site's constraint as the API shows it: null when none, or outside its window unless `evenOutsideWindow`. */
export function viewConstraint(site: SiteRecord, now: number, evenOutsideWindow = false): ConstraintView | null {
  const c = site.constraint;
  if (!c || (!evenOutsideWindow && !windowHolds(c.start, c.end, now))) return null;
  return { source: c.source, value_kw: c.value_kw, since: formatIso(c.since), start_time: formatOptional(c.start), end_time: formatOptional(c.end) };
}

export function loggedConstraint(site: SiteRecord): LoggedConstraint | null {
  const c = site.constraint;
  return c === null ? null : { value_kw: c.value_kw, start: c.start, end: c.end };
}

/** The site's conditions from `now` on, as its plant's log notes them. */
export function conditionsOf(site: SiteRecord, now: number): ConditionEntry {
  return { at: now, state: effectiveState(site), constraint: loggedConstraint(site) };
}
