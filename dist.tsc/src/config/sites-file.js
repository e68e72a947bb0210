/** Reads a worker's initial sites: a YAML or JSON list, or an object with a `sites` list. */
import { readFileSync } from 'node:fs';
import { Mk6Error } from '../contract/errors.js';
import { checkSites } from '../domain/sites.js';
import { readSites } from '../contract/sites-body.js';
/** yaml is loaded only when a sites file is given: fleet workers get JSON and start faster. */
export async function readSitesFile(path) {
    const { parse } = await import('yaml');
    const doc = parse(readFileSync(path, 'utf8'));
    const list = Array.isArray(doc) ? doc : doc?.sites;
    return checkedSites(list, path);
}
export function checkedSites(list, origin) {
    try {
        return checkSites(readSites(list));
    }
    catch (err) {
        if (err instanceof Mk6Error)
            throw new Error(`${origin}: ${err.message} ${JSON.stringify(err.details)}`);
        throw err;
    }
}
