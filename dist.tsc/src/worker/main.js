/**
 * One MK6 as one process. Standalone:
 *   node dist/worker.cjs --id ROU2 --port 9104 --sites sites.yaml --state-dir .fleet-state
 * or one MK6 of a fleet file, as a pod runs it (engine external, src/worker/alone.ts):
 *   node dist/worker.cjs --fleet fleet.yaml --mk6 ROU2   (or MK6_ID, or MK6_INDEX)
 * Under the supervisor the same file runs as a pm2 app; it then asks the supervisor for
 * the fleet's clock and mode before it listens, and says `ready` once it does.
 */
import { parseArgs } from 'node:util';
import { isSafeId } from '../contract/schema/validate.js';
import { CorruptStateError } from '../persist/state-file.js';
import { startWorkerServer } from './server.js';
import { checkedSites, readSitesFile } from '../config/sites-file.js';
import { parseConditionList } from './network/state.js';
import { SECRET_ENV } from '../shared/internal.js';
import { immediateLogger } from '../shared/log.js';
import { aloneSay, configFromFleetFile, UsageError } from './alone.js';
import { clockFromEnv } from '../contract/mk6-clock.js';
export const EXIT_USAGE = 64;
/** A bad flag or fleet file when run alone (--fleet): the message says what to fix. */
const EXIT_BAD_FLAGS = 2;
/** pm2 is told not to restart on this code: a corrupt state file needs a person. */
export const EXIT_CORRUPT_STATE = 78;
function fail(code, message) {
    immediateLogger({}, 2).fatal(message);
    process.exit(code);
}
async function readConfig() {
    let parsed;
    try {
        parsed = parseArgs({ options: FLAGS, strict: true });
    }
    catch (err) {
        fail(EXIT_BAD_FLAGS, aloneSay().badFlag(err.message, Object.keys(FLAGS).map((f) => `--${f}`).join(' ')));
    }
    const { values } = parsed;
    const env = process.env;
    if (values['log-level'] !== undefined)
        env.LOG_LEVEL = values['log-level']; // read by the request log
    // The launcher's own variables win: a pm2 worker never reads a fleet file (MK6_FLEET may be in its inherited environment).
    const fleetFile = values.fleet ?? (env.MK6_SITES_JSON === undefined ? env.MK6_FLEET : undefined);
    if (fleetFile) {
        try {
            const config = configFromFleetFile({ fleet: fleetFile, mk6: values.mk6, host: values.host, stateDir: values['state-dir'] }, env);
            delete env[SECRET_ENV];
            return config;
        }
        catch (err) {
            if (err instanceof UsageError)
                fail(EXIT_BAD_FLAGS, err.message);
            throw err;
        }
    }
    if (values.mk6 !== undefined)
        fail(EXIT_BAD_FLAGS, aloneSay().mk6WithoutFleet);
    return configFromFlags(values, env);
}
const FLAGS = {
    id: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    sites: { type: 'string' },
    'state-dir': { type: 'string' },
    aliases: { type: 'string' },
    seed: { type: 'string' },
    'log-level': { type: 'string' },
    fleet: { type: 'string' },
    mk6: { type: 'string' },
};
async function configFromFlags(values, env) {
    const id = values.id ?? env.MK6_ID ?? '';
    if (!isSafeId(id))
        fail(EXIT_USAGE, `--id invalide: '${id}' (lettres, chiffres, '.', '_', '-', 64 max)`);
    const port = Number(values.port ?? env.MK6_PORT ?? 0);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        fail(EXIT_USAGE, `--port invalide: ${values.port}`);
    const aliases = (values.aliases ?? env.MK6_ALIASES ?? '').split(',').filter(Boolean);
    const badAlias = aliases.find((a) => !isSafeId(a));
    if (badAlias !== undefined)
        fail(EXIT_USAGE, `alias invalide: '${badAlias}'`);
    let initialSites = [];
    try {
        if (values.sites)
            initialSites = await readSitesFile(values.sites);
        else if (env.MK6_SITES_JSON)
            initialSites = checkedSites(JSON.parse(env.MK6_SITES_JSON), 'MK6_SITES_JSON');
    }
    catch (err) {
        fail(EXIT_USAGE, `Sites de ${id}: ${err.message}`);
    }
    let initialNetwork = [];
    try {
        if (env.MK6_NETWORK_JSON)
            initialNetwork = parseConditionList(JSON.parse(env.MK6_NETWORK_JSON), 'MK6_NETWORK_JSON');
    }
    catch (err) {
        fail(EXIT_USAGE, `Conditions réseau de ${id}: ${err.message}`);
    }
    let initialClock = null;
    try {
        initialClock = clockFromEnv(env.MK6_CLOCK_JSON);
    }
    catch (err) {
        fail(EXIT_USAGE, `Horloge de ${id}: ${err.message}`);
    }
    const tokenEnv = env.MK6_TOKEN_ENV;
    const internalSecret = env[SECRET_ENV] || null;
    delete env[SECRET_ENV]; // out of reach of anything that prints the environment
    return {
        id,
        aliases,
        host: values.host ?? env.MK6_HOST ?? '127.0.0.1',
        port,
        seed: Number(values.seed ?? env.MK6_SEED ?? 1) | 0,
        initialSites,
        stateDir: values['state-dir'] ?? env.MK6_STATE_DIR ?? '.fleet-state',
        initialToken: tokenEnv ? env[tokenEnv] || null : null,
        initialNetwork,
        initialClock,
        supervisorUrl: env.MK6_SUPERVISOR_URL || null,
        internalSecret,
    };
}
async function main() {
    const config = await readConfig();
    let worker;
    try {
        worker = await startWorkerServer(config);
    }
    catch (err) {
        if (err instanceof CorruptStateError)
            fail(EXIT_CORRUPT_STATE, err.message);
        if (err.syscall === 'listen')
            fail(1, `${config.id}: écoute impossible sur ${config.host}:${config.port}: ${err.message}`);
        throw err;
    }
    worker.server.on('error', (err) => fail(1, `${config.id}: ${err.message}`));
    immediateLogger({ mk6_id: config.id }).info({ host: config.host, port: worker.port }, 'listening');
    process.send?.('ready');
    const stop = async () => {
        await worker.close();
        process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    process.on('message', (msg) => {
        if (msg === 'shutdown')
            void stop();
    });
}
main().catch((err) => fail(1, `worker: ${err.stack ?? err}`));
