/**
 * Where the fleet is when `--url` is not given: $MK6_FLEET_URL, else the proxy of the fleet
 * file ($MK6_FLEET, $MOCK_MK6_CONFIG_PATH, ./fleet.yaml) read by the fleet's own loader,
 * else http://127.0.0.1:9001.
 */
import { existsSync } from 'node:fs';
import { loadFleetFile } from '../../src/config/fleet-file.js';
const USUAL = 'http://127.0.0.1:9001';
export function defaultFleetUrl(env = process.env) {
    if (env.MK6_FLEET_URL)
        return env.MK6_FLEET_URL;
    const file = env.MK6_FLEET ?? env.MOCK_MK6_CONFIG_PATH ?? './fleet.yaml';
    if (!existsSync(file))
        return USUAL;
    try {
        const { proxy } = loadFleetFile(file, tokensNotNeeded(env));
        if (proxy.port > 0)
            return `http://${proxy.host}:${proxy.port}`;
    }
    catch {
        /* a fleet file that does not load: the usual default */
    }
    return USUAL;
}
/**
 * The CLI sends no gateway token: a `token_env` its shell does not define must not make the
 * loader refuse the file (and the CLI miss the proxy's address).
 */
export function tokensNotNeeded(env) {
    return new Proxy(env, { get: (target, key) => (typeof key === 'string' ? (target[key] ?? 'not-needed-by-the-cli') : undefined) });
}
