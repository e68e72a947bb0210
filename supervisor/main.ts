/**
 * `npm start`: the fleet in the foreground. Loads the fleet file, starts (or adopts) one
 * pm2 worker per MK6, serves the front proxy, prints each MK6's URL. Ctrl-C or SIGTERM
 * stops every worker and the pm2 daemon it started.
 *
 *   --fleet PATH | --config PATH   (else $MK6_FLEET, $MOCK_MK6_CONFIG_PATH, ./fleet.yaml)
 *   --port N                       proxy port (else the fleet file's, 9001)
 *   --host ADDR                    proxy address (else $MK6_PROXY_HOST, the fleet file's, 127.0.0.1; a pod's: 0.0.0.0)
 *   --mode production|mock         (else $MOCK_MK6_MODE)
 *   --state-dir DIR                (else $MK6_STATE_DIR, ./.fleet-state/<fleet name>)
 *   --timeline FILE                a timeline of events on the simulated clock (YAML/JSON), loaded at start
 *   --log-level LEVEL              (else $LOG_LEVEL, info): fatal|error|warn|info|debug|trace|silent
 *   --lang fr|en                   the console lines' language (else $MK6_LANG, $LC_ALL, $LC_MESSAGES, $LANG);
 *                                  JSON lines (the `ready` line, logs) stay English
 *   --engine pm2|external          (else $MK6_ENGINE, the fleet file's `engine`, pm2): external adopts workers run by someone else (docs/engines.md)
 */
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { answerClientErrors } from '../src/shared/client-errors.js';
import { FleetFileError, loadFleetFile, type Fleet } from '../src/config/fleet-file.js';
import { atLine, sayFile } from '../src/i18n/file-messages.js';
import { FleetSupervisor } from './fleet/fleet-supervisor.js';
import { createFront } from './front/front.js';
import { closeClientAgent } from '../src/shared/http-client.js';
import { portsTaken } from './fleet/ports.js';
import { flushWorkerJournals } from './front/fleet-routes.js';
import { existingSecret } from './fleet/supervisor-state.js';
import { ProcessManager } from './fleet/process-manager.js';
import { ExternalProcesses } from './fleet/external-processes.js';
import { supervisionPage } from './front/page.js';
import { readFileSync } from 'node:fs';
import { parseTimelineText, TimelineError, type TimelineEvent } from '../src/config/timeline-file.js';
import { consoleSay } from '../src/i18n/console-messages.js';
import { langFromEnvironment } from '../src/i18n/lang.js';
import { isProgram } from '../src/shared/is-program.js';
import { optionsFrom, type StartOptions } from './fleet/start-options.js';

async function main(): Promise<void> {
  const started = Date.now();
  let options: StartOptions;
  let fleetDef: Fleet;
  let timeline: TimelineEvent[] | null = null;
  // Until the command line is read, the environment's language (a bad --lang is said in it).
  let lang = langFromEnvironment(undefined, process.env);
  let say = consoleSay(lang);
  try {
    options = optionsFrom(process.argv.slice(2), process.env);
    lang = options.lang;
    say = consoleSay(lang);
    fleetDef = loadFleetFile(options.fleetFile);
    fleetDef.engine = options.engine ?? fleetDef.engine;
    const unported = fleetDef.engine === 'external' ? fleetDef.mk6.filter((m) => m.port === 0) : [];
    if (unported.length) throw new FleetFileError(unported.map((m) => atLine(fleetDef.file, m.line, m.id, sayFile('externalNeedsPort'))));
    if (options.timeline) timeline = parseTimelineText(readFileSync(options.timeline, 'utf8'), options.timeline);
    // With an external engine the workers' ports are held by the workers themselves: they are adopted.
    const taken = fleetDef.engine === 'external' ? [] : await portsTaken(fleetDef, existingSecret(resolve(options.stateDir ?? `.fleet-state/${fleetDef.name}`)));
    if (taken.length) throw new FleetFileError(taken);
  } catch (err) {
    console.error(err instanceof FleetFileError || err instanceof TimelineError ? err.render(lang) : say.error((err as Error).message));
    process.exit(2);
  }
  const stateDir = resolve(options.stateDir ?? `.fleet-state/${fleetDef.name}`);
  const fleet = new FleetSupervisor(fleetDef, fleetDef.engine === 'external' ? new ExternalProcesses() : new ProcessManager(), stateDir);
  const server = createFront(fleet, { page: supervisionPage() });
  answerClientErrors(server);
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? fleetDef.proxy.host;
  await new Promise<void>((ok, fail) => {
    server.once('error', (err) => fail(new Error(say.proxyUnavailable(`${host}:${options.port ?? fleetDef.proxy.port}`, (err as NodeJS.ErrnoException).code))));
    server.listen(options.port ?? fleetDef.proxy.port, host, ok);
  }).catch((err) => {
    console.error(`${fleetDef.file}: ${(err as Error).message}`);
    process.exit(2);
  });
  const port = (server.address() as AddressInfo).port;
  const front = `http://${host}:${port}`;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(say.stopping(signal));
    // The last calls' journal entries may still be on their way from the workers: take them in
    // (and into a recording) before the front stops listening, or they are dropped.
    await flushWorkerJournals(fleet).catch(() => {});
    server.close();
    server.closeAllConnections();
    await fleet.shutdown().catch((err) => console.error(say.stopFailed((err as Error).message)));
    closeClientAgent();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const { failed } = await fleet.start(front, options.mode);
  // A timeline survives a restart of the supervisor with what had fired; a --timeline file replaces it unless it is the same.
  const restored = await fleet.timeline.restore();
  if (timeline && options.timeline && !(restored && fleet.timeline.holds(timeline))) await fleet.timeline.load(timeline, resolve(options.timeline));
  for (const problem of failed) console.error(say.mk6NotStarted(problem(lang)));
  // pm2's list carries every app's whole environment: with 250 MK6 it is megabytes a call, so
  // a large fleet is looked at less often (a worker pm2 rebooted is noticed within that time).
  const refreshMs = Math.min(5000, Math.max(1000, fleet.members.size * 20));
  const refresh = setInterval(() => void (fleet.phase === 'running' ? fleet.processes() : null)?.catch(() => {}), refreshMs);
  refresh.unref();

  console.log(say.fleetReady(fleetDef.name, fleetDef.file, Date.now() - started, fleet.mode, fleet.engine));
  console.log(say.proxyLine(front));
  for (const m of fleet.members.values()) console.log(say.member(m.spec.id, fleet.url(m), m.status, m.spec.aliases));
  console.log(JSON.stringify({ event: 'ready', proxy: front, pid: process.pid, engine: fleet.engine, mk6: [...fleet.members.values()].map((m) => ({ id: m.spec.id, port: m.spec.port, status: m.status })) }));
}

if (isProgram(import.meta.url)) {
  main().catch((err) => {
    console.error(`supervisor: ${(err as Error).stack ?? err}`);
    process.exit(1);
  });
}
