/** The one parser of paths that name an MK6: `/api/v1/mk6/<id>/…` (the gateway API) and `/mock/mk6/<id>/…` (its mock control). */
const PREFIXES = [
    ['/api/v1/mk6/', 'api'],
    ['/mock/mk6/', 'mock'],
];
/** `{scope, id, rest}` for a path naming an MK6, else null (`/mock/mk6` itself names none). */
export function parseMk6Path(path) {
    for (const [prefix, scope] of PREFIXES) {
        if (!path.startsWith(prefix))
            continue;
        const end = path.indexOf('/', prefix.length);
        const segment = end < 0 ? path.slice(prefix.length) : path.slice(prefix.length, end);
        if (segment === '')
            return null;
        return { scope, id: decodeSegment(segment), rest: end < 0 ? '' : path.slice(end + 1) };
    }
    return null;
}
export function decodeSegment(segment) {
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return segment;
    }
}
