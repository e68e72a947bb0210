/**
 * One MK6 as one process. Standalone:
 *   node dist/worker.cjs --id ROU2 --port 9104 --sites sites.yaml --state-dir .fleet-state
 * Under the supervisor the same file runs as a pm2 app; it then asks the supervisor for
 * the fleet's clock and mode before it listens, and says `ready` once it does.
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { isFleetClock } from '../domain/clock.js';
import { isSafeId } from '../contract/schema/validate.js';
import type { SiteConfig } from '../domain/sites.js';
import { answerClientErrors } from '../shared/client-errors.js';
import { createWorkerApp } from './http/app.js';
import { fastLane } from './http/fast-lane.js';
import { createLogger, immediateLogger } from '../shared/log.js';
import { Journal } from '../journal/journal.js';
import { JournalForwarder } from './journal-forwarder.js';
import { recordingFlag } from './http/recording-flag.js';
import { CorruptStateError } from '../persist/state-file.js';
import { WorkerRuntime, type WorkerConfig } from './runtime.js';
import { checkedSites, readSitesFile } from '../config/sites-file.js';
import { parseConditionList } from './network/state.js';
import { SECRET_ENV } from '../shared/internal.js';
import { httpCall, internalHeaders } from '../shared/http-client.js';

export const EXIT_USAGE = 64;
/** pm2 is told not to restart on this code: a corrupt state file needs a person. */
export const EXIT_CORRUPT_STATE = 78;

function fail(code: number, message: string): never {
  immediateLogger({}, 2).fatal(message);
  process.exit(code);
}

async function readConfig(): Promise<WorkerConfig & { supervisorUrl: string | null; internalSecret: string | null }> {
  const { values } = parseArgs({
    options: {
      id: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      sites: { type: 'string' },
      'state-dir': { type: 'string' },
      aliases: { type: 'string' },
      seed: { type: 'string' },
      'log-level': { type: 'string' },
    },
    strict: true,
  });
  const env = process.env;
  if (values['log-level'] !== undefined) env.LOG_LEVEL = values['log-level']; // read by the request log
  const id = values.id ?? env.MK6_ID ?? '';
  if (!isSafeId(id)) fail(EXIT_USAGE, `--id invalide: '${id}' (lettres, chiffres, '.', '_', '-', 64 max)`);
  const port = Number(values.port ?? env.MK6_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(EXIT_USAGE, `--port invalide: ${values.port}`);
  const aliases = (values.aliases ?? env.MK6_ALIASES ?? '').split(',').filter(Boolean);
  const badAlias = aliases.find((a) => !isSafeId(a));
  if (badAlias !== undefined) fail(EXIT_USAGE, `alias invalide: '${badAlias}'`);
  let initialSites: SiteConfig[] = [];
  try {
    if (values.sites) initialSites = await readSitesFile(values.sites);
    else if (env.MK6_SITES_JSON) initialSites = checkedSites(JSON.parse(env.MK6_SITES_JSON), 'MK6_SITES_JSON');
  } catch (err) {
    fail(EXIT_USAGE, `Sites de ${id}: ${(err as Error).message}`);
  }
  let initialNetwork: unknown[] = [];
  try {
    if (env.MK6_NETWORK_JSON) initialNetwork = parseConditionList(JSON.parse(env.MK6_NETWORK_JSON), 'MK6_NETWORK_JSON');
  } catch (err) {
    fail(EXIT_USAGE, `Conditions réseau de ${id}: ${(err as Error).message}`);
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
    supervisorUrl: env.MK6_SUPERVISOR_URL || null,
    internalSecret,
  };
}

/**
 * The fleet's clock and mode, so a restarted MK6 is on fleet time from its first answer.
 * Asked before listening, and once more after: a broadcast sent while this MK6 was not yet
 * listening is in the second answer; the generation keeps an older answer from undoing it.
 */
async function fetchFleetClock(rt: WorkerRuntime, supervisorUrl: string, secret: string | null): Promise<void> {
  const fleet = await getJson(new URL('/_fleet/clock', supervisorUrl), internalHeaders(secret), 1500);
  // No supervisor (standalone, or it is restarting): the persisted clock stands.
  if (!fleet || !isFleetClock(fleet.clock) || (fleet.mode !== 'production' && fleet.mode !== 'mock')) return;
  rt.applyFleet({ clock: fleet.clock, mode: fleet.mode, gen: Number.isSafeInteger(fleet.gen) ? (fleet.gen as number) : 0 });
  recordingFlag.on = fleet.recording === true; // the fleet records the gateway's calls (supervisor/recording.ts)
  await rt.commit();
}

/** A JSON GET answered 200 with an object, else null (no supervisor, or it is restarting). */
async function getJson(url: URL, headers: Record<string, string>, timeoutMs: number): Promise<Record<string, unknown> | null> {
  const res = await httpCall(url.href, { headers, timeoutMs }).catch(() => null);
  return res?.status === 200 && res.body !== null && typeof res.body === 'object' ? (res.body as Record<string, unknown>) : null;
}

async function main(): Promise<void> {
  const config = await readConfig();
  let rt: WorkerRuntime;
  try {
    rt = await WorkerRuntime.start(config);
  } catch (err) {
    if (err instanceof CorruptStateError) fail(EXIT_CORRUPT_STATE, err.message);
    throw err;
  }
  if (config.supervisorUrl) await fetchFleetClock(rt, config.supervisorUrl, config.internalSecret);
  const forwarder = config.supervisorUrl ? new JournalForwarder(config.supervisorUrl, config.id, config.internalSecret) : null;
  const journal = new Journal();
  const log = createLogger({ base: { mk6_id: config.id } });
  const app = createWorkerApp(rt, journal, forwarder ?? undefined, log);
  // The gateway's plain calls take the fast lane; the rest, and anything unusual, the Koa app.
  const server = http.createServer(fastLane({ rt, journal, forward: forwarder?.push, log, koa: app.callback() }));
  server.listen(config.port, config.host);
  answerClientErrors(server);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('error', (err) => fail(1, `${config.id}: écoute impossible sur ${config.host}:${config.port}: ${err.message}`));
  server.on('listening', () => {
    const { port } = server.address() as AddressInfo;
    rt.config.port = port; // --port 0: provision answers and the inventory give the bound port
    immediateLogger({ mk6_id: config.id }).info({ host: config.host, port }, 'listening');
    process.send?.('ready');
    if (config.supervisorUrl) void fetchFleetClock(rt, config.supervisorUrl, config.internalSecret);
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    rt.stopping = true;
    server.close();
    rt.network.releaseHeld(); // connections held by `timeout` or a blackhole
    server.closeIdleConnections();
    // The calls already inside end (and commit) before the state file closes; bounded, pm2 kills at 3 s.
    for (const until = Date.now() + 2000; rt.inFlight > 0 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 10));
    await forwarder?.flush();
    forwarder?.close();
    await rt.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('message', (msg) => {
    if (msg === 'shutdown') void stop();
  });
}

main().catch((err) => fail(1, `worker: ${(err as Error).stack ?? err}`));
