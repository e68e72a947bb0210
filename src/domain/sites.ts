/** Site definitions (provision, fleet file) and their validation. */
import { errors, say } from '../contract/errors.js';
import { MAX_SITES, SiteDef, type SiteDefBody } from '../contract/schema/index.js';
import { checkedProfile } from './profiles.js';
import type { SiteStateValue as SiteStateSchema, Static } from '../contract/schema/kit.js';
import { asBody, isAbsent, optional, required } from '../contract/schema/validate.js';

export { MAX_SITES };

/** A site as the domain keeps it: a provision's site (SiteDef) with `prm_id` null when absent; its plant (dynamics, profile) opt-in. */
export type SiteConfig = Required<Omit<SiteDefBody, 'dynamics' | 'profile'>> & Pick<SiteDefBody, 'dynamics' | 'profile'>;
export type SiteRole = SiteConfig['role'];
export type SiteStateValue = Static<typeof SiteStateSchema>;


/** Validates a provision's `sites` list: one thissite, unique sycodes and names, pmax > 0. */
export function validateSites(value: unknown): SiteConfig[] {
  if (isAbsent(value)) throw errors.missingField('sites');
  if (!Array.isArray(value)) throw errors.badRequest(say('sitesMustBeList'), { field: 'sites' });
  if (value.length === 0 || value.length > MAX_SITES) {
    throw errors.badRequest(say('sitesCount', MAX_SITES), { field: 'sites', count: value.length });
  }
  const sites = value.map((raw, i) => validateSite(raw, i));
  const thissites = sites.filter((s) => s.role === 'thissite');
  if (thissites.length !== 1) {
    throw errors.badRequest(say('oneThissite', thissites.length), {
      field: 'sites',
      thissite_count: thissites.length,
    });
  }
  const seen = new Set<string>();
  for (const site of sites) {
    for (const key of [`sycode:${site.sycode}`, `name:${site.name}`]) {
      if (seen.has(key)) {
        throw errors.badRequest(say('duplicateSite', key.replace(':', ' ')), { field: 'sites', duplicate: key });
      }
      seen.add(key);
    }
  }
  return sites;
}

function validateSite(raw: unknown, index: number): SiteConfig {
  const at = (field: string) => `sites[${index}].${field}`;
  let body;
  try {
    body = asBody(raw);
  } catch {
    throw errors.badRequest(say('mustBeObject', `sites[${index}]`), { field: `sites[${index}]` });
  }
  const withPath = <T>(field: string, read: () => T): T => {
    try {
      return read();
    } catch (err) {
      const e = err as { details?: Record<string, unknown> };
      // A field's own sub-field (`profile.max_kw`) keeps its path under the site.
      if (e.details && 'field' in e.details) e.details.field = String(e.details.field).startsWith(`${field}.`) ? `sites[${index}].${e.details.field}` : at(field);
      throw err;
    }
  };
  const sycode = withPath('sycode', () => required(SiteDef, body, 'sycode'));
  const name = withPath('name', () => required(SiteDef, body, 'name'));
  const role = withPath('role', () => required(SiteDef, body, 'role'));
  const pmax = withPath('pmax_kw', () => required(SiteDef, body, 'pmax_kw'));
  const prm = withPath('prm_id', () => optional(SiteDef, body, 'prm_id'));
  const dynamics = withPath('dynamics', () => optional(SiteDef, body, 'dynamics'));
  const profile = withPath('profile', () => optional(SiteDef, body, 'profile'));
  if (profile !== undefined) withPath('profile', () => checkedProfile(profile, pmax));
  return { sycode, name, role, pmax_kw: pmax, prm_id: prm ?? null, ...(dynamics !== undefined ? { dynamics } : {}), ...(profile !== undefined ? { profile } : {}) };
}
