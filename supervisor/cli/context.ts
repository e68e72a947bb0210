/**
 * What every `mk6-fleet` command shares: its options, the fleet's HTTP API (through the
 * product's one client, src/shared/http-client.ts), printing, and the three ways a command
 * stops short (usage, refused by the fleet, fleet unreachable), which main.ts turns into exit codes.
 */
import { readFileSync } from 'node:fs';
import { cliSay, type CliMessages } from '../../src/i18n/cli-messages.js';
import { httpCall, HttpUnreachable } from '../../src/shared/http-client.js';
import type { Lang } from '../../src/i18n/lang.js';

export const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;

/** Bad arguments or an unreadable file: exit 2 with the usage. */
export class UsageError extends Error {}
/** The fleet does not answer: exit 3. */
export class Unreachable extends Error {}
/** The fleet answered an error: exit 1. */
export class Refused extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super(`${status}`);
  }
}

/** Where a command prints: the process's stdout and stderr, or a test's buffers. */
export interface Io {
  /** A line to stdout. */
  out(text: string): void;
  /** A line to stderr. */
  err(text: string): void;
  /** Bytes to stdout as they are (a HAR file). */
  write(text: string): void;
}

export interface Options {
  url: string;
  json: boolean;
  /** The language of every text printed, and of the fleet's answers (`Accept-Language`). */
  lang: Lang;
  io: Io;
  kind?: string;
  speed?: string;
  since?: string;
  timeout?: string;
  follow: boolean;
  junit?: string;
  html?: string;
  // record / replay
  reset: boolean;
  only: string[];
  ignore: string[];
  out?: string;
  // k8s
  namespace?: string;
  image?: string;
  /** The parsed options of a command that declares its own (chaos). */
  flags?: Record<string, unknown>;
  /** The environment `main` was given (chaos finds the fleet file there); the process's when absent. */
  env?: NodeJS.ProcessEnv;
}

/** A command: its arguments after the command word; its exit code (undefined: 0). */
export type Command = (args: string[], o: Options) => Promise<number | void>;

const CALL_TIMEOUT_MS = 60_000;

/** One call to the fleet: the answer's body (JSON, else text); an HTTP error throws Refused. */
export async function call(o: Options, method: string, path: string, body?: unknown, contentType?: string): Promise<unknown> {
  const res = await send(o, method, path, body, contentType);
  if (res.status >= 400) throw new Refused(res.status, res.body);
  return res.body;
}

/** The same call, its raw answer (a HAR file is passed on byte for byte). */
export async function send(o: Options, method: string, path: string, body?: unknown, contentType?: string, timeoutMs = CALL_TIMEOUT_MS) {
  try {
    return await httpCall(o.url + path, { method, body, contentType, timeoutMs, headers: { 'accept-language': o.lang } });
  } catch (err) {
    throw err instanceof HttpUnreachable ? new Unreachable(err.reason) : err;
  }
}

/** The command's messages, in its language (src/i18n/cli-messages.ts). */
export function say(o: Pick<Options, 'lang'>): CliMessages {
  return cliSay(o.lang);
}

/** Prints `value` as JSON under --json, else as `text()`. */
export function out(o: Options, value: unknown, text: () => string): void {
  o.io.out(o.json ? JSON.stringify(value, null, 2) : text());
}

export function number(o: Options, text: string | undefined, what: string): number {
  const n = Number(text);
  if (text === undefined || text === '' || !Number.isFinite(n)) throw new UsageError(say(o).numberExpected(what, text ?? ''));
  return n;
}

/** `/mock/mk6/{id}` of the command's ID argument. */
export function mk6Path(o: Options, command: string, id: string | undefined): string {
  if (!id) throw new UsageError(say(o).idMissing(command));
  return `/mock/mk6/${encodeURIComponent(id)}`;
}

export function readText(o: Options, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(say(o).unreadable(file, (err as NodeJS.ErrnoException).code));
  }
}

/** Notes SIGINT/SIGTERM: a following command ends its loop cleanly once `stopped()`. */
export function stopSignal(): { stopped: () => boolean } {
  let stop = false;
  process.once('SIGINT', () => (stop = true));
  process.once('SIGTERM', () => (stop = true));
  return { stopped: () => stop };
}
