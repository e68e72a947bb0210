/**
 * A provision's `sites` list as the wire sends it (an HTTP body, a fleet file, a sites file),
 * read field by field into the domain's SiteConfig: the form only. The rules over the whole set
 * (one thissite, unique sycodes and names, a profile within pmax) are the domain's
 * (src/domain/sites.ts `checkSites`), applied next by the edge that reads them.
 */
import { errors, say } from './errors.js';
import { MAX_SITES, SiteDef } from './schema/index.js';
import { asBody, isAbsent, optional, required } from './schema/validate.js';
export function readSites(value) {
    if (isAbsent(value))
        throw errors.missingField('sites');
    if (!Array.isArray(value))
        throw errors.badRequest(say('sitesMustBeList'), { field: 'sites' });
    if (value.length === 0 || value.length > MAX_SITES) {
        throw errors.badRequest(say('sitesCount', MAX_SITES), { field: 'sites', count: value.length });
    }
    return value.map((raw, i) => readSite(raw, i));
}
function readSite(raw, index) {
    let body;
    try {
        body = asBody(raw);
    }
    catch {
        throw errors.badRequest(say('mustBeObject', `sites[${index}]`), { field: `sites[${index}]` });
    }
    const field = (name, read) => atSite(index, name, read);
    const sycode = field('sycode', () => required(SiteDef, body, 'sycode'));
    const name = field('name', () => required(SiteDef, body, 'name'));
    const role = field('role', () => required(SiteDef, body, 'role'));
    const pmax = field('pmax_kw', () => required(SiteDef, body, 'pmax_kw'));
    const prm = field('prm_id', () => optional(SiteDef, body, 'prm_id'));
    const dynamics = field('dynamics', () => optional(SiteDef, body, 'dynamics'));
    const profile = field('profile', () => optional(SiteDef, body, 'profile'));
    return { sycode, name, role, pmax_kw: pmax, prm_id: prm ?? null, ...(dynamics !== undefined ? { dynamics } : {}), ...(profile !== undefined ? { profile } : {}) };
}
/** Runs `read`; a fault it raises names its field under the site (`sites[2].pmax_kw`, `sites[2].profile.max_kw`). */
export function atSite(index, field, read) {
    try {
        return read();
    }
    catch (err) {
        const e = err;
        if (e.details && 'field' in e.details) {
            const own = String(e.details.field);
            e.details.field = own.startsWith(`${field}.`) ? `sites[${index}].${own}` : `sites[${index}].${field}`;
        }
        throw err;
    }
}
