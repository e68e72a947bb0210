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
  if (options.destination) {
    const logger = pino({ level, base }, options.destination);
    const dest = options.destination;
    requestLines.set(logger, { bindings: bindingsOf(base), write: (line) => dest.write(line) });
    return logger;
  }
  if (process.stdout.isTTY && hasPretty()) {
    return pino({ level, base, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } });
  }
  // Lines are batched (one write per 4 KiB, not one per request: on 2 cores the writes' own
  // thread took CPU from the requests) and flushed at most 250 ms after the first unwritten line,
  // so `pm2 logs` stays live. No timer runs while nothing is logged: an idle worker does not wake
  // up (a flush with nothing buffered still costs a write through libuv's thread pool, and 250
  // idle workers flushing 4 times a second took a fifth of a core).
  const dest = pino.destination({ dest: 1, sync: false, minLength: BATCH });
  // Access lines wait here (see logRequestLine); any other line takes them along, in order.
  let lines = '';
  const take = (): string => {
    const out = lines;
    lines = '';
    return out;
  };
  let pending: NodeJS.Timeout | null = null;
  const flushSoon = (): void => {
    if (pending !== null) return;
    pending = setTimeout(() => {
      pending = null;
      if (lines !== '') dest.write(take());
      try {
        dest.flush();
      } catch {
        /* a write in flight: it ends with what was buffered, or the next line schedules a flush */
      }
    }, FLUSH_MS);
    pending.unref();
  };
  process.once('exit', () => {
    try {
      if (lines !== '') dest.write(take());
      dest.flushSync();
    } catch {
      /* nothing left to write, or stdout is gone */
    }
  });
  const logger = pino(
    {
      level,
      base,
      hooks: {
        streamWrite: (line) => {
          flushSoon();
          return lines === '' ? line : take() + line;
        },
      },
    },
    dest,
  );
  requestLines.set(logger, {
    bindings: bindingsOf(base),
    write: (line) => {
      lines += line;
      if (lines.length >= BATCH) dest.write(take());
      else flushSoon();
    },
  });
  return logger;
}

const BATCH = 4096;
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

/**
 * The access log's lines, written by hand in pino's own format: on a worker's hottest path
 * pino's per-call work (serialising the object, one write into sonic-boom per line) cost more
 * than the rest of the answer (bench: 4.4 µs per line, 2.1 µs batched here).
 * Only for loggers made by createLogger that write JSON; pino-pretty gets pino's line.
 */
const requestLines = new WeakMap<Logger, { bindings: string; write: (line: string) => void }>();

/** pino's `"pid":…,"mk6_id":…` after the time. */
function bindingsOf(base: Record<string, unknown>): string {
  return JSON.stringify(base).slice(1, -1);
}

export interface RequestFields {
  req_id: string;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
}

/** The line `logger[level](fields, 'request')` writes; the same bytes (but the time) at info. */
export function logRequestLine(logger: Logger, level: 'debug' | 'info' | 'error', fields: RequestFields): void {
  const fast = level === 'info' ? requestLines.get(logger) : undefined;
  if (fast === undefined) return void logger[level](fields, 'request');
  fast.write(
    `{"level":${logger.levels.values.info},"time":${Date.now()}${fast.bindings === '' ? '' : ','}${fast.bindings},"req_id":${JSON.stringify(fields.req_id)},` +
      `"method":${JSON.stringify(fields.method)},"path":${JSON.stringify(fields.path)},"status":${fields.status},"duration_ms":${fields.duration_ms},"msg":"request"}\n`,
  );
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The caller's `x-request-id` when it is a plain token, else a new one: a random UUID made
 * once per process, its last 12 hex digits counting up. Unique like a fresh UUID each time
 * (the random part tells processes and restarts apart), without a call into crypto per
 * request, which was a tenth of a worker's CPU on a plain GET.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_REQUEST_ID.test(value) ? value : nextRequestId();
}

const ID_PREFIX = randomUUID().slice(0, 24);
let idCounter = Number.parseInt(randomUUID().slice(24, 32), 16); // a random start: ids of two processes do not line up
function nextRequestId(): string {
  idCounter = (idCounter + 1) % 0x1000000000000;
  return ID_PREFIX + idCounter.toString(16).padStart(12, '0');
}
