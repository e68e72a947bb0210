/**
 * Calls between the supervisor and its workers (`/_worker/…`, `/_fleet/…`) carry a secret
 * the supervisor hands each worker at spawn. Any other caller, even on this machine, gets
 * the 404 of an unknown route: it can neither feed the journal nor impose an outage.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SECRET_HEADER = 'x-mk6-secret';
/** The fleet's generation of clock and mode a broadcast carries (see WorkerRuntime.applyFleet). */
export const FLEET_GEN_HEADER = 'x-mk6-fleet-gen';
/** How the secret reaches a worker: pm2 passes it in the environment, the worker removes it from there. */
export const SECRET_ENV = 'MK6_INTERNAL_SECRET';

export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Constant-time: hashing first makes both sides the same length. */
export function secretMatches(given: string | undefined, secret: string | null): boolean {
  if (!secret || !given) return false;
  const a = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, digestOf(secret));
}

/** The secret's own digest, made once: every broadcast to every worker checks against it. */
let known: { secret: string; digest: Buffer } | null = null;
function digestOf(secret: string): Buffer {
  if (known?.secret !== secret) known = { secret, digest: createHash('sha256').update(secret).digest() };
  return known.digest;
}
