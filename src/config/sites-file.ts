/** Reads a worker's initial sites: a YAML or JSON list, or an object with a `sites` list. */
import { readFileSync } from 'node:fs';
import { Mk6Error } from '../contract/errors.js';
import { checkSites, type SiteConfig } from '../domain/sites.js';
import { readSites } from '../contract/sites-body.js';

/** yaml is loaded only when a sites file is given: fleet workers get JSON and start faster. */
export async function readSitesFile(path: string): Promise<SiteConfig[]> {
  const { parse } = await import('yaml');
  const doc = parse(readFileSync(path, 'utf8')) as unknown;
  const list = Array.isArray(doc) ? doc : (doc as { sites?: unknown } | null)?.sites;
  return checkedSites(list, path);
}

export function checkedSites(list: unknown, origin: string): SiteConfig[] {
  try {
    return checkSites(readSites(list));
  } catch (err) {
    if (err instanceof Mk6Error) throw new Error(`${origin}: ${err.message} ${JSON.stringify(err.details)}`);
    throw err;
  }
}
