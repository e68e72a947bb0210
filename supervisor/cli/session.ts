/**
 * `mk6-fleet record …` and `mk6-fleet replay …` (the gateway's session as HAR), parsed here
 * apart from the other commands of cli.ts, which hands them over untouched.
 *   record start [NAME] | record stop | record status | record fetch [NAME] [--out FILE]
 *   replay FILE.har [--url BASE] [--reset] [--only ID[,ID…]]… [--ignore FIELD[,FIELD…]]… [--json]
 * Exit codes as every command: 0 done (replay: all identical), 1 refused (replay: differences),
 * 2 usage (or a file that is not HAR), 3 unreachable.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { replay, reportText, ReplayFileError, ReplayUnreachable } from './replay.js';

export const SESSION_USAGE = `  record start [NAME] | record stop | record status   record every gateway call, full bodies, to <state-dir>/recordings/NAME.har
  record fetch [NAME] [--out FILE]        the recording as HAR (default: the current or last one; stdout without --out)
  replay FILE.har [--reset] [--only ID,…] [--ignore FIELD,…]   send the recorded gateway calls again to --url, clock set to
                                          each call's _sim_time where the target has /mock/time; "N of M identical", a diff
                                          for each other; exit 0 all identical, 1 differences`;

const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;

/** The exit code of a `record`/`replay` command, or null when argv is another command. */
export function sessionCommand(argv: string[], defaultUrl: () => string): Promise<number> | null {
  const command = firstPositional(argv);
  if (command !== 'record' && command !== 'replay') return null;
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: 'string' },
        json: { type: 'boolean', default: false },
        reset: { type: 'boolean', default: false },
        only: { type: 'string', multiple: true },
        ignore: { type: 'string', multiple: true },
        out: { type: 'string', short: 'o' },
      },
    }));
  } catch (err) {
    return Promise.resolve(usage((err as Error).message));
  }
  const url = String(values.url ?? defaultUrl()).replace(/\/+$/, '');
  const list = (v: unknown) => ((v as string[] | undefined) ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const [, ...rest] = positionals;
  const run = command === 'replay' ? replayCommand(rest, url, values.reset === true, list(values.only), list(values.ignore), values.json === true) : recordCommand(rest, url, values.out as string | undefined, values.json === true);
  return run.catch((err: unknown) => {
    if (err instanceof ReplayUnreachable || (err as { unreachable?: boolean }).unreachable) {
      console.error(`mk6-fleet: injoignable: ${url} (${(err as Error).message})`);
      return EXIT.unreachable;
    }
    if (err instanceof ReplayFileError) return usage((err as Error).message);
    throw err;
  });
}

async function replayCommand(args: string[], url: string, reset: boolean, only: string[], ignore: string[], json: boolean): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length) return usage('replay FILE.har [--url BASE] [--reset] [--only ID,…] [--ignore FIELD,…]');
  let har: unknown;
  try {
    har = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return usage(`${file}: ${(err as Error).message}`);
  }
  const report = await replay(har, { url, reset, only, ignore });
  console.log(json ? JSON.stringify(report, null, 2) : reportText(report));
  return report.identical === report.total ? EXIT.ok : EXIT.refused;
}

async function recordCommand(args: string[], url: string, out: string | undefined, json: boolean): Promise<number> {
  const [action, name, ...extra] = args;
  if (extra.length) return usage('record start [NAME] | stop | status | fetch [NAME] [--out FILE]');
  const show = (v: Record<string, unknown>) =>
    console.log(json ? JSON.stringify(v, null, 2) : `recording ${v.on ? 'on' : 'off'}${v.name ? `: ${v.name}` : ''}, ${v.entries} calls, ${v.bytes} bytes${v.full ? ` (cap reached, ${v.dropped} dropped)` : ''}${v.file ? `\n${v.file}` : ''}`);
  switch (action) {
    case 'start':
    case 'stop': {
      const res = await call(url, 'POST', '/mock/recording', { on: action === 'start', ...(action === 'start' && name ? { name } : {}) });
      if (res.status !== 200) return refused(res);
      show(JSON.parse(res.text));
      return EXIT.ok;
    }
    case 'status': {
      const res = await call(url, 'GET', '/mock/recording');
      if (res.status !== 200) return refused(res);
      show(JSON.parse(res.text));
      return EXIT.ok;
    }
    case 'fetch': {
      let which: string | undefined = name;
      if (!which) {
        const res = await call(url, 'GET', '/mock/recording');
        if (res.status !== 200) return refused(res);
        which = (JSON.parse(res.text) as { name: string | null }).name ?? undefined;
        if (!which) return usage('aucun enregistrement: record fetch NAME');
      }
      const res = await call(url, 'GET', `/mock/recordings/${encodeURIComponent(which)}`);
      if (res.status !== 200) return refused(res);
      if (out) {
        writeFileSync(out, res.text);
        console.error(`${out}: ${(JSON.parse(res.text) as { log: { entries: unknown[] } }).log.entries.length} calls`);
      } else process.stdout.write(res.text);
      return EXIT.ok;
    }
    default:
      return usage('record start [NAME] | stop | status | fetch [NAME] [--out FILE]');
  }
}

async function call(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(url + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    throw Object.assign(new Error((err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message), { unreachable: true });
  }
}

function refused(res: { status: number; text: string }): number {
  console.error(`mk6-fleet: refusé (${res.status}): ${res.text.slice(0, 500)}`);
  return EXIT.refused;
}

function usage(message: string): number {
  console.error(`mk6-fleet: ${message}\n${SESSION_USAGE}`);
  return EXIT.usage;
}

/** The command word: the first argument that is neither an option nor an option's value. */
function firstPositional(argv: string[]): string | undefined {
  const withValue = new Set(['--url', '--kind', '--speed', '--since', '--timeout', '--junit', '--html', '--only', '--ignore', '--out', '-o']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (withValue.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}
