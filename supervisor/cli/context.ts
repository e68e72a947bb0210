/**
 * What every `mk6-fleet` command shares: its options, the fleet's HTTP API (through the
 * product's one client, src/shared/http-client.ts), printing, and the three ways a command
 * stops short (usage, refused by the fleet, fleet unreachable), which main.ts turns into exit codes.
 */
import { readFileSync } from 'node:fs';
import { httpCall, HttpUnreachable } from '../../src/shared/http-client.js';

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

export interface Options {
  url: string;
  json: boolean;
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
  /** The parsed options of a command that declares its own (chaos). */
  flags?: Record<string, unknown>;
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
    return await httpCall(o.url + path, { method, body, contentType, timeoutMs });
  } catch (err) {
    throw err instanceof HttpUnreachable ? new Unreachable(err.reason) : err;
  }
}

/** Prints `value` as JSON under --json, else as `text()`. */
export function out(o: Options, value: unknown, text: () => string): void {
  console.log(o.json ? JSON.stringify(value, null, 2) : text());
}

export function number(text: string | undefined, what: string): number {
  const n = Number(text);
  if (text === undefined || text === '' || !Number.isFinite(n)) throw new UsageError(`${what}: nombre attendu, pas '${text ?? ''}'`);
  return n;
}

/** `/mock/mk6/{id}` of the command's ID argument. */
export function mk6Path(command: string, id: string | undefined): string {
  if (!id) throw new UsageError(`${command}: ID manquant`);
  return `/mock/mk6/${encodeURIComponent(id)}`;
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: illisible (${(err as NodeJS.ErrnoException).code})`);
  }
}

/** Notes SIGINT/SIGTERM: a following command ends its loop cleanly once `stopped()`. */
export function stopSignal(): { stopped: () => boolean } {
  let stop = false;
  process.once('SIGINT', () => (stop = true));
  process.once('SIGTERM', () => (stop = true));
  return { stopped: () => stop };
}
