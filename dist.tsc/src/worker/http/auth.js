/** Bearer auth with a constant-time compare (RFC 6750; the scheme name is case-insensitive). */
import { createHash, timingSafeEqual } from 'node:crypto';
import { errors } from '../../contract/errors.js';
import { say } from '../../i18n/api-messages.js';
const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;
/** Throws 401 unless the Authorization header carries exactly `token`. */
export function checkBearer(header, token) {
    if (!header)
        throw errors.unauthorized('missing');
    const m = BEARER.exec(header);
    if (!m)
        throw errors.unauthorized('invalid');
    // Hashing first makes both sides the same length, so the compare leaks neither length nor prefix.
    const given = createHash('sha256').update(m[1]).digest();
    const wanted = createHash('sha256').update(token).digest();
    if (!timingSafeEqual(given, wanted))
        throw errors.unauthorized('invalid');
}
/** How many Authorization headers a request carried (Node keeps only the first in `headers`). */
export function authorizationCount(rawHeaders) {
    let n = 0;
    for (let i = 0; i < rawHeaders.length; i += 2)
        if (rawHeaders[i].toLowerCase() === 'authorization')
            n++;
    return n;
}
/** Two Authorization headers are ambiguous (which one counts?): refused, whatever they hold. */
export function checkSingleAuthorization(rawHeaders) {
    if (authorizationCount(rawHeaders) > 1)
        throw errors.badRequest(say('severalAuthorizations'), { header: 'authorization' });
}
