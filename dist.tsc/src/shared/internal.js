/**
 * Calls between the supervisor and its workers (`/_worker/…`, `/_fleet/…`) carry a secret
 * the supervisor hands each worker at spawn. Any other caller, even on this machine, gets
 * the 404 of an unknown route: it can neither feed the journal nor impose an outage.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
export const SECRET_HEADER = 'x-mk6-secret';
/** The fleet's generation of clock and mode a broadcast carries (see WorkerRuntime.applyFleet). */
export const FLEET_GEN_HEADER = 'x-mk6-fleet-gen';
/** How the secret reaches a worker: pm2 passes it in the environment, the worker removes it from there. */
export const SECRET_ENV = 'MK6_INTERNAL_SECRET';
export function newSecret() {
    return randomBytes(32).toString('hex');
}
/** Constant-time: hashing first makes both sides the same length. */
export function secretMatches(given, secret) {
    if (!secret || !given)
        return false;
    const a = createHash('sha256').update(given).digest();
    return timingSafeEqual(a, digestOf(secret));
}
/** The secret's own digest, made once: every broadcast to every worker checks against it. */
let known = null;
function digestOf(secret) {
    if (known?.secret !== secret)
        known = { secret, digest: createHash('sha256').update(secret).digest() };
    return known.digest;
}
/** Where workers not spawned by the supervisor (engine external) read the secret, and the supervisor too: a file both sides mount. */
export const SECRET_FILE_ENV = 'MK6_INTERNAL_SECRET_FILE';
/** A secret file written by someone else (a Kubernetes Secret): any text of 16 characters or more, trimmed; null if absent. */
export function secretIn(file) {
    if (!existsSync(file))
        return null;
    const text = readFileSync(file, 'utf8').trim();
    if (text.length < 16)
        throw new Error(`${SECRET_FILE_ENV}: ${file}: secret too short (16 characters or more)`);
    return text;
}
