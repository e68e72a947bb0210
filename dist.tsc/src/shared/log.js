/**
 * Structured logs (pino): one JSON line per request in each worker and in the supervisor.
 * Level: `--log-level` (copied to LOG_LEVEL by the entry points) or env LOG_LEVEL, default
 * info. Pretty-printed only when stdout is a terminal and pino-pretty is installed; under
 * pm2 (a pipe) the lines stay JSON and pm2 keeps them (`npx pm2 logs mk6-…`).
 * Never a token: nothing logs headers or bodies, only method, path, status and timings.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { pino } from 'pino';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
export function logLevel(value = process.env.LOG_LEVEL) {
    const level = (value ?? '').toLowerCase();
    return LOG_LEVELS.includes(level) ? level : 'info';
}
export function createLogger(options = {}) {
    const level = options.level ?? logLevel();
    const base = { pid: process.pid, ...options.base };
    if (options.destination)
        return pino({ level, base }, options.destination);
    if (process.stdout.isTTY && hasPretty()) {
        return pino({ level, base, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } });
    }
    return pino({ level, base }, batchedStdout());
}
/**
 * Stdout, batched: pino's lines are gathered here and handed to its destination 4 KiB at a
 * time (on 2 cores one write per request took CPU from the requests; a write into pino's
 * destination per line cost ~1 µs more than a string append), and flushed at most 250 ms after
 * the first unwritten line, so `pm2 logs` stays live. No timer runs while nothing is logged:
 * an idle worker does not wake up (250 idle workers flushing 4 times a second took a fifth of a core).
 */
function batchedStdout() {
    const dest = pino.destination({ dest: 1, sync: false });
    let lines = '';
    let pending = null;
    const hand = () => {
        if (lines === '')
            return;
        dest.write(lines);
        lines = '';
    };
    process.once('exit', () => {
        try {
            hand();
            dest.flushSync();
        }
        catch {
            /* nothing left to write, or stdout is gone */
        }
    });
    return {
        write(line) {
            lines += line;
            if (lines.length >= BATCH)
                return hand();
            if (pending !== null)
                return;
            pending = setTimeout(() => {
                pending = null;
                hand();
            }, FLUSH_MS);
            pending.unref();
        },
    };
}
/**
 * Lines someone waits on: a worker's `listening` (its bound port, for whoever started it with
 * `--port 0`) and a fatal start-up fault. Written at once, not batched, whatever LOG_LEVEL says;
 * `fd` 2 for faults, so they land where pm2 keeps errors.
 */
export function immediateLogger(base = {}, fd = 1) {
    return pino({ level: 'info', base: { pid: process.pid, ...base } }, pino.destination({ dest: fd, sync: true }));
}
let processWide = null;
/** The process's logger for code that was handed none (made on first use): no line bypasses pino. */
export function processLogger() {
    return (processWide ??= createLogger());
}
const BATCH = 4096;
const FLUSH_MS = 250;
function hasPretty() {
    try {
        // Works from the ESM build and from the worker's CJS bundle (where import.meta is empty).
        createRequire(`${process.cwd()}/`).resolve('pino-pretty');
        return true;
    }
    catch {
        return false;
    }
}
/** The access log's line: `request` at the level the caller picks (debug for probes, error for a 5xx). */
export function logRequestLine(logger, level, fields) {
    logger[level](fields, 'request');
}
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/**
 * The caller's `x-request-id` when it is a plain token, else a new one: a random UUID made
 * once per process, its last 12 hex digits counting up. Unique like a fresh UUID each time
 * (the random part tells processes and restarts apart), without a call into crypto per
 * request, which was a tenth of a worker's CPU on a plain GET.
 */
export function requestIdFrom(header) {
    const value = Array.isArray(header) ? header[0] : header;
    return value && SAFE_REQUEST_ID.test(value) ? value : nextRequestId();
}
const ID_PREFIX = randomUUID().slice(0, 24);
let idCounter = Number.parseInt(randomUUID().slice(24, 32), 16); // a random start: ids of two processes do not line up
function nextRequestId() {
    idCounter = (idCounter + 1) % 0x1000000000000;
    return ID_PREFIX + idCounter.toString(16).padStart(12, '0');
}
