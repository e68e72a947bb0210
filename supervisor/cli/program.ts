/**
 * `mk6-fleet`: drives a running fleet over its HTTP API, for people and scripts. A client
 * only: each command (./commands/) talks to the fleet over HTTP. Exit codes: 0 done,
 * 1 refused by the fleet (an HTTP error), 2 usage, 3 fleet unreachable. Every text it prints
 * comes from src/i18n/cli-messages.ts in the reader's language (`--lang` > MK6_LANG > LC_ALL >
 * LC_MESSAGES > LANG), asked of the fleet too (`Accept-Language`).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { cliSay, type CliMessages } from '../../src/i18n/cli-messages.js';
import { langFromEnvironment, parseLangFlag } from '../../src/i18n/lang.js';
import { EXIT, Refused, Unreachable, UsageError, type Command, type Io, type Options } from './context.js';
import { defaultFleetUrl } from './fleet-url.js';
import { events } from './commands/events.js';
import { journal } from './commands/journal.js';
import { k8s } from './commands/k8s.js';
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

const COMMANDS: Record<string, Command> = { status, wait, time, kill, restart, offline, online, network, timeline, journal, events, verify, record, replay, k8s, chaos };

type OptionSet = NonNullable<ParseArgsConfig['options']>;
const COMMON: OptionSet = { url: { type: 'string' }, json: { type: 'boolean', default: false }, lang: { type: 'string' } };
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
const K8S_OPTIONS: OptionSet = { ...COMMON, out: { type: 'string', short: 'o' }, namespace: { type: 'string' }, image: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } };

/** Where the real program prints. */
const PROCESS_IO: Io = { out: (text) => console.log(text), err: (text) => console.error(text), write: (text) => void process.stdout.write(text) };

/**
 * Runs one command line (`argv` after `mk6-fleet`) with `env` as its environment, printing to
 * `io`; resolves to the exit code. The bin (main.ts) calls it with the process's; tests call it in process.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = PROCESS_IO): Promise<number> {
  const flag = langFlag(argv);
  const lang = (flag === undefined ? null : parseLangFlag(flag)) ?? langFromEnvironment(undefined, env);
  const say = cliSay(lang);
  const usage = (message: string): number => {
    io.err(`mk6-fleet: ${message}\n${say.usage}`);
    return EXIT.usage;
  };
  if (flag !== undefined && parseLangFlag(flag) === null) return usage(say.badLang(flag));
  const word = commandWord(argv);
  const session = word === 'record' || word === 'replay';
  const options = word === 'chaos' ? { ...COMMON, ...CHAOS_OPTIONS, help: { type: 'boolean' as const, short: 'h', default: false } } : word === 'k8s' ? K8S_OPTIONS : session ? SESSION_OPTIONS : FLEET_OPTIONS;
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options }));
  } catch (err) {
    return usage(optionProblem(err as Error & { code?: string }, say));
  }
  if (values.help) {
    io.out(say.usage);
    return EXIT.ok;
  }
  const text = (name: string) => values[name] as string | undefined;
  const list = (name: string) => ((values[name] as string[] | undefined) ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const o: Options = {
    url: String(values.url ?? defaultFleetUrl(env)).replace(/\/+$/, ''),
    json: values.json === true,
    lang,
    io,
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
    namespace: text('namespace'),
    image: text('image'),
    flags: values,
    env,
  };
  const [command, ...args] = positionals;
  try {
    if (command === undefined) throw new UsageError(say.missingCommand);
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(say.unknownCommand(command));
    return (await run(args, o)) ?? EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError) return usage(err.message);
    if (err instanceof Unreachable) {
      io.err(`mk6-fleet: ${say.unreachable(o.url, err.message)}`);
      return EXIT.unreachable;
    }
    if (err instanceof Refused) {
      const b = err.body as { error?: string; message?: string } | null;
      io.err(`mk6-fleet: ${say.refused(err.status, b?.error, b?.message)}`);
      if (o.json) io.err(JSON.stringify(err.body));
      return EXIT.refused;
    }
    throw err;
  }
}

/** The value of the last `--lang X` or `--lang=X`, read before the rest so that every usage error is in its language. */
function langFlag(argv: string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang') value = argv[++i] ?? '';
    else if (argv[i].startsWith('--lang=')) value = argv[i].slice('--lang='.length);
  }
  return value;
}

/** What parseArgs refused (Node words it in English), in the catalogue's words: the option at fault is the one it quotes. */
function optionProblem(err: Error & { code?: string }, say: CliMessages): string {
  const option = /'(-[^' ]*)/.exec(err.message)?.[1] ?? '?';
  return err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? say.badOptionValue(option) : say.unknownOption(option);
}

/** The command word: the first argument that is neither an option nor an option's value. */
function commandWord(argv: string[]): string | undefined {
  const withValue = new Set(
    [...Object.entries(FLEET_OPTIONS), ...Object.entries(SESSION_OPTIONS), ...Object.entries(K8S_OPTIONS), ...Object.entries(CHAOS_OPTIONS)].flatMap(([name, o]) => (o.type === 'string' ? [`--${name}`, ...(o.short ? [`-${o.short}`] : [])] : [])),
  );
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (withValue.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}
