/** What a raw request says of itself, for the Koa app and the fast lane alike. */
import type { IncomingHttpHeaders } from 'node:http';

/** Whether a request says it has a body (RFC 9112: Content-Length or Transfer-Encoding). */
export function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}
