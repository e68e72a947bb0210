/** The one parser of paths that name an MK6: `/api/v1/mk6/<id>/…` (the gateway API) and `/mock/mk6/<id>/…` (its mock control). */

export type Mk6Scope = 'api' | 'mock';

export interface Mk6Path {
  scope: Mk6Scope;
  /** The id as named in the path, percent-decoded (an alias stays an alias). */
  id: string;
  /** What follows the id, without its leading slash ('' when nothing does). */
  rest: string;
}

const PREFIXES: readonly [string, Mk6Scope][] = [
  ['/api/v1/mk6/', 'api'],
  ['/mock/mk6/', 'mock'],
];

/** `{scope, id, rest}` for a path naming an MK6, else null (`/mock/mk6` itself names none). */
export function parseMk6Path(path: string): Mk6Path | null {
  for (const [prefix, scope] of PREFIXES) {
    if (!path.startsWith(prefix)) continue;
    const end = path.indexOf('/', prefix.length);
    const segment = end < 0 ? path.slice(prefix.length) : path.slice(prefix.length, end);
    if (segment === '') return null;
    return { scope, id: decodeSegment(segment), rest: end < 0 ? '' : path.slice(end + 1) };
  }
  return null;
}

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
