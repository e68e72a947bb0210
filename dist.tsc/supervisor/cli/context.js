/**
 * What every `mk6-fleet` command shares: its options, the fleet's HTTP API (through the
 * product's one client, src/shared/http-client.ts), printing, and the three ways a command
 * stops short (usage, refused by the fleet, fleet unreachable), which main.ts turns into exit codes.
 */
import { readFileSync } from 'node:fs';
import { cliSay } from '../../src/i18n/cli-messages.js';
import { httpCall, HttpUnreachable } from '../../src/shared/http-client.js';
export const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 };
/** Bad arguments or an unreadable file: exit 2 with the usage. */
export class UsageError extends Error {
}
/** The fleet does not answer: exit 3. */
export class Unreachable extends Error {
}
/** The fleet answered an error: exit 1. */
export class Refused extends Error {
    status;
    body;
    constructor(status, body) {
        super(`${status}`);
        this.status = status;
        this.body = body;
    }
}
const CALL_TIMEOUT_MS = 60_000;
/** One call to the fleet: the answer's body (JSON, else text); an HTTP error throws Refused. */
export async function call(o, method, path, body, contentType) {
    const res = await send(o, method, path, body, contentType);
    if (res.status >= 400)
        throw new Refused(res.status, res.body);
    return res.body;
}
/** The same call, its raw answer (a HAR file is passed on byte for byte). */
export async function send(o, method, path, body, contentType, timeoutMs = CALL_TIMEOUT_MS) {
    try {
        return await httpCall(o.url + path, { method, body, contentType, timeoutMs, headers: { 'accept-language': o.lang } });
    }
    catch (err) {
        throw err instanceof HttpUnreachable ? new Unreachable(err.reason) : err;
    }
}
/** The command's messages, in its language (src/i18n/cli-messages.ts). */
export function say(o) {
    return cliSay(o.lang);
}
/** Prints `value` as JSON under --json, else as `text()`. */
export function out(o, value, text) {
    o.io.out(o.json ? JSON.stringify(value, null, 2) : text());
}
export function number(o, text, what) {
    const n = Number(text);
    if (text === undefined || text === '' || !Number.isFinite(n))
        throw new UsageError(say(o).numberExpected(what, text ?? ''));
    return n;
}
/** `/mock/mk6/{id}` of the command's ID argument. */
export function mk6Path(o, command, id) {
    if (!id)
        throw new UsageError(say(o).idMissing(command));
    return `/mock/mk6/${encodeURIComponent(id)}`;
}
export function readText(o, file) {
    try {
        return readFileSync(file, 'utf8');
    }
    catch (err) {
        throw new UsageError(say(o).unreadable(file, err.code));
    }
}
/** Notes SIGINT/SIGTERM: a following command ends its loop cleanly once `stopped()`. */
export function stopSignal() {
    let stop = false;
    process.once('SIGINT', () => (stop = true));
    process.once('SIGTERM', () => (stop = true));
    return { stopped: () => stop };
}
