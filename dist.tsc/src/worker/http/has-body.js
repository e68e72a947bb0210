/** Whether a request says it has a body (RFC 9112: Content-Length or Transfer-Encoding). */
export function hasBody(headers) {
    return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}
