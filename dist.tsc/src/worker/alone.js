/**
 * A worker started by someone other than pm2 (a pod, systemd, a script: engine external,
 * docs/engines.md): its MK6 is read from the fleet file, picked by `--mk6 ID` (id or alias),
 * `MK6_ID`, or `MK6_INDEX` (the pod ordinal, counted in the fleet file's order).
 *
 *   node dist/worker.cjs --fleet fleet.yaml --mk6 ROU2 [--host 0.0.0.0] [--state-dir DIR]
 *
 * The environment of the contract: MK6_STATE_DIR, MK6_SUPERVISOR_URL, MK6_INTERNAL_SECRET_FILE
 * (or MK6_INTERNAL_SECRET), MK6_HOST (the address it listens on: a pod's is 0.0.0.0).
 */
import { isIP } from 'node:net';
import { join } from 'node:path';
import { FleetFileError, loadFleetFile } from '../config/fleet-file.js';
import { SECRET_ENV, SECRET_FILE_ENV, secretIn } from '../shared/internal.js';
import { messagesFor } from '../i18n/catalogue.js';
import { langFromEnvironment } from '../i18n/lang.js';
import { ALONE_MESSAGES } from './alone-messages.js';
/** The terminal's language (MK6_LANG, LC_ALL, LANG…): the worker has no --lang. */
export const aloneSay = (env = process.env) => messagesFor(ALONE_MESSAGES, langFromEnvironment(undefined, env));
/** Why the worker cannot start this way: the message says what to fix (exit 2). */
export class UsageError extends Error {
}
export function configFromFleetFile(flags, env) {
    let fleet;
    try {
        fleet = loadFleetFile(flags.fleet, env);
    }
    catch (err) {
        if (err instanceof FleetFileError)
            throw new UsageError(err.render(langFromEnvironment(undefined, env)));
        throw err;
    }
    const spec = pick(fleet.mk6, flags.mk6 ?? env.MK6_ID, env.MK6_INDEX, flags.fleet, env);
    const host = flags.host ?? env.MK6_HOST ?? (isIP(spec.host) ? spec.host : '0.0.0.0'); // a DNS name is the pod's: listen on all its addresses
    const stateDir = flags.stateDir ?? env.MK6_STATE_DIR ?? join('.fleet-state', fleet.name);
    return {
        id: spec.id,
        aliases: spec.aliases,
        host,
        port: spec.port,
        seed: fleet.seed,
        initialSites: spec.sites,
        stateDir,
        initialToken: spec.tokenEnv ? env[spec.tokenEnv] || null : null,
        initialNetwork: spec.network ?? [],
        initialClock: spec.clock ?? null, // the fleet file's own clock of this MK6, as the launcher hands it to a pm2 worker
        supervisorUrl: env.MK6_SUPERVISOR_URL || null,
        internalSecret: secretOf(env, stateDir),
    };
}
function pick(all, name, index, file, env) {
    const say = aloneSay(env);
    if (name !== undefined && name !== '') {
        const spec = all.find((m) => m.id === name || m.aliases.includes(name));
        if (!spec)
            throw new UsageError(say.noSuchMk6(name, file, all.map((m) => m.id).join(', ')));
        return spec;
    }
    if (index !== undefined && index !== '') {
        const i = Number(index);
        if (!Number.isInteger(i) || i < 0 || i >= all.length)
            throw new UsageError(say.badIndex(index, all.length - 1, file, all.length));
        return all[i];
    }
    throw new UsageError(say.whichMk6(file));
}
/** The internal secret: in the environment, else in $MK6_INTERNAL_SECRET_FILE, else in the state dir (the supervisor's, on one machine). */
function secretOf(env, stateDir) {
    if (env[SECRET_ENV])
        return env[SECRET_ENV];
    const file = env[SECRET_FILE_ENV];
    try {
        if (file) {
            const secret = secretIn(file);
            if (!secret)
                throw new UsageError(aloneSay(env).noSecretFile(SECRET_FILE_ENV, file));
            return secret;
        }
        return secretIn(join(stateDir, 'internal.secret'));
    }
    catch (err) {
        throw err instanceof UsageError ? err : new UsageError(err.message);
    }
}
