/**
 * The page's reads of one MK6, `GET /supervision/api/mk6/{id}/{state|history|network}`: the
 * front makes them on the page's behalf, to the MK6's own `/mock/mk6/{id}/…`, with the fleet's
 * secret. A worker knows the supervisor's calls by that secret alone (src/worker/http/
 * supervisor-call.ts): the page's polling stays out of the journal and still reads an MK6 in
 * an outage, while a call that reaches an MK6 path itself, whatever headers it carries, is
 * journaled and meets the outage. (The other way, journaling the page's reads as
 * `source: "page"`, would let them crowd the gateway's calls out of the journal's newest 1000,
 * and a header would again decide what the default view shows.)
 */
import type http from 'node:http';
import { PAGE_READS } from '../../src/contract/routes/page-reads.js';
import { SECRET_HEADER } from '../../src/shared/internal.js';

const PREFIX = '/supervision/api/mk6/';
const VIEWS: ReadonlySet<string> = new Set(PAGE_READS);

/**
 * A page read becomes the supervisor's own call to the MK6 path it reads (the front then
 * proxies it as any MK6 call); true when `req` was one.
 */
export function asSupervisorRead(req: http.IncomingMessage, secret: string): boolean {
  const url = req.url ?? '/';
  if (req.method !== 'GET' || !url.startsWith(PREFIX)) return false;
  const q = url.search(/[?#]/);
  const parts = (q < 0 ? url : url.slice(0, q)).slice(PREFIX.length).split('/');
  if (parts.length !== 2 || parts[0] === '' || !VIEWS.has(parts[1])) return false;
  req.url = `/mock/mk6/${parts[0]}/${parts[1]}${q < 0 ? '' : url.slice(q)}`;
  req.headers[SECRET_HEADER] = secret;
  return true;
}
