import { PAGE_READS } from '../../src/contract/routes/page-reads.js';
import { SECRET_HEADER } from '../../src/shared/internal.js';
const PREFIX = '/supervision/api/mk6/';
const VIEWS = new Set(PAGE_READS);
/**
 * A page read becomes the supervisor's own call to the MK6 path it reads (the front then
 * proxies it as any MK6 call); true when `req` was one.
 */
export function asSupervisorRead(req, secret) {
    const url = req.url ?? '/';
    if (req.method !== 'GET' || !url.startsWith(PREFIX))
        return false;
    const q = url.search(/[?#]/);
    const parts = (q < 0 ? url : url.slice(0, q)).slice(PREFIX.length).split('/');
    if (parts.length !== 2 || parts[0] === '' || !VIEWS.has(parts[1]))
        return false;
    req.url = `/mock/mk6/${parts[0]}/${parts[1]}${q < 0 ? '' : url.slice(q)}`;
    req.headers[SECRET_HEADER] = secret;
    return true;
}
