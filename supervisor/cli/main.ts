#!/usr/bin/env node
/**
 * `mk6-fleet`: drives a running fleet over its HTTP API, for people and scripts. A client
 * only: each command (./commands/) talks to the fleet over HTTP. Exit codes: 0 done,
 * 1 refused by the fleet (an HTTP error), 2 usage, 3 fleet unreachable.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, Refused, Unreachable, UsageError, type Command, type Options } from './context.js';
import { defaultFleetUrl } from './fleet-url.js';
import { events } from './commands/events.js';
import { journal } from './commands/journal.js';
import { kill } from './commands/kill.js';
import { network } from './commands/network.js';
import { offline, online } from './commands/outage.js';
import { record } from './commands/record.js';
import { replay } from './commands/replay.js';
import { restart } from './commands/restart.js';
import { status } from './commands/status.js';
import { time } from './commands/time.js';
import { timeline } from './commands/timeline.js';
import { verify } from './commands/verify.js';
import { wait } from './commands/wait.js';
import { chaos, CHAOS_OPTIONS } from './commands/chaos.js';

const USAGE = `usage: mk6-fleet [--url URL] [--json] COMMAND
  status                                  the fleet: MK6s, processes, outages, network, clock, timeline
  wait [--timeout DURATION]               until every MK6 serves with the fleet's clock and mode (GET /readyz), default 60s
  time set ISO [--speed K]                freeze the fleet clock at ISO (or run it at K× from there)
  time advance DURATION                   step the clock (e.g. 90s, 15m, 2h, 1h30m; -5m goes back)
  time speed K                            run the clock at K× real time from now (0 = freeze)
  time release                            back to the system clock
  kill ID [--kind refused|blackhole|reset]
  restart ID [--kind warm|cold]
  offline ID | online ID
  network ID ls
  network ID add NAME TYPE [key=value …]  e.g. network ROU2 add lag latency latency_ms=200 jitter_ms=20
  network ID rm [NAME]                    without NAME: every condition
  timeline load FILE | timeline show | timeline clear
  journal [--since N] [--follow]
  events [--since N] [--follow]           the fleet's event log (clock, kills, restarts, outages, constraints, …); --follow: live (GET /mock/stream)
  verify FILE [--junit OUT.xml] [--html OUT.html]   the fleet's verdict on the gateway (a recette file)
  record start [NAME] | record stop | record status   record every gateway call, full bodies, to <state-dir>/recordings/NAME.har
  record fetch [NAME] [--out FILE]        the recording as HAR (default: the current or last one; stdout without --out)
  replay FILE.har [--reset] [--only ID,…] [--ignore FIELD,…]   send the recorded gateway calls again to --url, clock set to
                                          each call's _sim_time where the target has /mock/time; "N of M identical", a diff
                                          for each other; exit 0 all identical, 1 differences
  chaos --seed N [--from HH:MM --to HH:MM] [--date YYYY-MM-DD] [--faults K,…] [--targets one|minority|all]
        [--intensity low|medium|high] [--fleet FILE] [--out FILE]   a seeded day of faults as a timeline file (docs/chaos.md)
  chaos narrow DAY.yaml --verdict VERDICT.json [--out FILE]        the day with only the faults the failing checks name
DURATION: 250ms, 30s, 5m, 1h30m, 1d; a bare number is seconds for wait --timeout, milliseconds for time advance.
--url defaults to $MK6_FLEET_URL, else the proxy of ./fleet.yaml ($MK6_FLEET), else http://127.0.0.1:9001.
exit: 0 ok, 1 refused by the fleet (wait: not ready in time; verify: a check failed; replay: differences), 2 usage (verify, replay: a bad file), 3 fleet unreachable`;

const COMMANDS: Record<string, Command> = { status, wait, time, kill, restart, offline, online, network, timeline, journal, events, verify, record, replay, chaos };

type OptionSet = NonNullable<ParseArgsConfig['options']>;
const COMMON: OptionSet = { url: { type: 'string' }, json: { type: 'boolean', default: false } };
/** The options of the fleet's commands; record and replay have theirs (a misplaced option stays a usage error). */
const FLEET_OPTIONS: OptionSet = {
  ...COMMON,
  kind: { type: 'string' },
  speed: { type: 'string' },
  since: { type: 'string' },
  timeout: { type: 'string' },
  follow: { type: 'boolean', short: 'f', default: false },
  junit: { type: 'string' },
  html: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
};
const SESSION_OPTIONS: OptionSet = {
  ...COMMON,
  reset: { type: 'boolean', default: false },
  only: { type: 'string', multiple: true },
  ignore: { type: 'string', multiple: true },
  out: { type: 'string', short: 'o' },
};

async function main(argv: string[]): Promise<number> {
  const word = commandWord(argv);
  const session = word === 'record' || word === 'replay';
  const options = word === 'chaos' ? { ...COMMON, ...CHAOS_OPTIONS } : session ? SESSION_OPTIONS : FLEET_OPTIONS;
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options }));
  } catch (err) {
    return usage((err as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const text = (name: string) => values[name] as string | undefined;
  const list = (name: string) => ((values[name] as string[] | undefined) ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const o: Options = {
    url: String(values.url ?? defaultFleetUrl()).replace(/\/+$/, ''),
    json: values.json === true,
    kind: text('kind'),
    speed: text('speed'),
    since: text('since'),
    timeout: text('timeout'),
    follow: values.follow === true,
    junit: text('junit'),
    html: text('html'),
    reset: values.reset === true,
    only: list('only'),
    ignore: list('ignore'),
    out: text('out'),
    flags: values,
  };
  const [command, ...args] = positionals;
  try {
    if (command === undefined) throw new UsageError('commande manquante');
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(`commande inconnue: '${command}'`);
    return (await run(args, o)) ?? EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError) return usage(err.message);
    if (err instanceof Unreachable) {
      console.error(`mk6-fleet: flotte injoignable sur ${o.url} (${err.message})`);
      return EXIT.unreachable;
    }
    if (err instanceof Refused) {
      const b = err.body as { error?: string; message?: string } | null;
      console.error(`mk6-fleet: refusé (${err.status}${b?.error ? ` ${b.error}` : ''})${b?.message ? `: ${b.message}` : ''}`);
      if (o.json) console.error(JSON.stringify(err.body));
      return EXIT.refused;
    }
    throw err;
  }
}

function usage(message: string): number {
  console.error(`mk6-fleet: ${message}\n${USAGE}`);
  return EXIT.usage;
}

/** The command word: the first argument that is neither an option nor an option's value. */
function commandWord(argv: string[]): string | undefined {
  const withValue = new Set(
    [...Object.entries(FLEET_OPTIONS), ...Object.entries(SESSION_OPTIONS), ...Object.entries(CHAOS_OPTIONS)].flatMap(([name, o]) => (o.type === 'string' ? [`--${name}`, ...(o.short ? [`-${o.short}`] : [])] : [])),
  );
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (withValue.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(`mk6-fleet: ${(err as Error).stack ?? err}`);
    process.exitCode = 1;
  },
);
