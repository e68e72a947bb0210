/**
 * Structured logs (pino): one JSON line per request in each worker and in the supervisor.
 * Level: `--log-level` (copied to LOG_LEVEL by the entry points) or env LOG_LEVEL, default
 * info. Pretty-printed only when stdout is a terminal and pino-pretty is installed; under
 * pm2 (a pipe) the lines stay JSON and pm2 keeps them (`npx pm2 logs mk6-…`).
 * Never a token: nothing logs headers or bodies, only method, path, status and timings.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function logLevel(value = process.env.LOG_LEVEL): string {
  const level = (value ?? '').toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level) ? level : 'info';
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go (tests inject one); default stdout, asynchronously, flushed at exit. */
  destination?: DestinationStream;
  /** Context bound to every line, e.g. `{ mk6_id }`. */
  base?: Record<string, unknown>;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? logLevel();
  const base = { pid: process.pid, ...options.base };
  if (options.destination) return pino({ level, base }, options.destination);
  if (process.stdout.isTTY && hasPretty()) {
    return pino({ level, base, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } });
  }
  // Lines are batched (one write per 4 KiB, not one per request: on 2 cores the writes' own
  // thread took CPU from the requests) and flushed at most 250 ms after the first unwritten line,
  // so `pm2 logs` stays live. No timer runs while nothing is logged: an idle worker does not wake
  // up (a flush with nothing buffered still costs a write through libuv's thread pool, and 250
  // idle workers flushing 4 times a second took a fifth of a core).
  const dest = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  let pending: NodeJS.Timeout | null = null;
  const flushSoon = (line: string): string => {
    if (pending === null) {
      pending = setTimeout(() => {
        pending = null;
        try {
          dest.flush();
        } catch {
          /* a write in flight: it ends with what was buffered, or the next line schedules a flush */
        }
      }, FLUSH_MS);
      pending.unref();
    }
    return line;
  };
  process.once('exit', () => {
    try {
      dest.flushSync();
    } catch {
      /* nothing left to write, or stdout is gone */
    }
  });
  return pino({ level, base, hooks: { streamWrite: flushSoon } }, dest);
}

const FLUSH_MS = 250;

function hasPretty(): boolean {
  try {
    // Works from the ESM build and from the worker's CJS bundle (where import.meta is empty).
    createRequire(`${process.cwd()}/`).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is a plain token, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}
