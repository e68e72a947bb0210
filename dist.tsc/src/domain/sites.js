/** Sites as the MK6 keeps them, and the rules a set of them obeys. */
import { errors, say } from '../contract/errors.js';
import { MAX_SITES } from '../contract/schema/index.js';
import { atSite } from '../contract/sites-body.js';
import { checkedProfile } from './profiles.js';
export { MAX_SITES };
/** The rules over a set of sites (their form read at the edge, src/contract/sites-body.ts): each profile within its pmax, one thissite, unique sycodes and names. */
export function checkSites(sites) {
    sites.forEach((site, i) => {
        const profile = site.profile;
        if (profile !== undefined)
            atSite(i, 'profile', () => checkedProfile(profile, site.pmax_kw));
    });
    const thissites = sites.filter((s) => s.role === 'thissite');
    if (thissites.length !== 1) {
        throw errors.badRequest(say('oneThissite', thissites.length), {
            field: 'sites',
            thissite_count: thissites.length,
        });
    }
    const seen = new Set();
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
