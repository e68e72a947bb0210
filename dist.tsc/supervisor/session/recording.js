/**
 * Recording a gateway session beyond the journal's 1000: `POST /mock/recording {"on": true}`
 * streams every gateway call (source GW, and what the front answered for a down MK6) with
 * its full bodies to `<state-dir>/recordings/<name>.har`, HAR 1.2, until `{"on": false}`.
 *
 * The workers keep forwarding their journal entries as ever; while recording is on they add
 * the bodies the journal cuts at 4 KiB (src/http/recording-flag.ts). The supervisor owns the
 * file: entries are held a second, sorted by the time they were answered (workers' batches
 * cross on the way), then appended. The state of the recording (`active.json`) survives a
 * supervisor restart, which resumes it; a restarted worker learns it from `/_fleet/clock`.
 * One recording is at most RECORDING_MAX_BYTES (64 MiB): past it, calls are counted
 * (`dropped`), not written, and the file stays valid HAR.
 */
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, appendFileSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { errors } from '../../src/contract/errors.js';
import { harEntry, HAR_CREATOR } from '../../src/journal/har.js';
import { writeFileAtomic } from '../../src/persist/atomic.js';
import { RecordingBody } from '../../src/contract/schema/har.js';
import { asBody, isSafeId, optional, required } from '../../src/contract/schema/validate.js';
import { requestJson } from '../../src/shared/http-client.js';
import { say } from '../../src/i18n/api-messages.js';
export const RECORDING_MAX_BYTES = Number(process.env.MK6_RECORDING_MAX_BYTES) > 0 ? Number(process.env.MK6_RECORDING_MAX_BYTES) : 64 * 1024 * 1024;
/** How long an entry waits for the ones answered before it (another worker's batch) before it is written. */
const SETTLE_MS = 1000;
const FLUSH_EVERY_MS = 500;
const TRAILER = '\n]}}\n';
export class Recorder {
    dir;
    origin;
    maxBytes;
    active = null;
    last = null;
    pending = [];
    timer = null;
    constructor(dir, origin, maxBytes = RECORDING_MAX_BYTES) {
        this.dir = dir;
        this.origin = origin;
        this.maxBytes = maxBytes;
        mkdirSync(dir, { recursive: true });
        process.once('exit', () => {
            try {
                this.write(true);
            }
            catch {
                /* the state dir is gone: nothing to keep */
            }
        }); // a clean stop writes what is pending; the file is closed by `{"on": false}`
        this.resume();
    }
    get on() {
        return this.active !== null;
    }
    /** Every entry the fleet journals passes here: the uncut bodies are taken off it, a gateway call is kept while recording. */
    take(entry) {
        const full = 'full_req_body' in entry || 'full_resp_body' in entry ? { full_req_body: entry.full_req_body, full_resp_body: entry.full_resp_body } : null;
        if (full) {
            delete entry.full_req_body;
            delete entry.full_resp_body;
        }
        if (!this.active || (entry.source !== 'GW' && entry.source !== 'front') || entry.ts < this.active.started_at)
            return;
        const kept = { ...entry };
        if (full?.full_req_body !== undefined)
            kept.full_req_body = full.full_req_body;
        if (full?.full_resp_body !== undefined)
            kept.full_resp_body = full.full_resp_body;
        this.pending.push(kept);
    }
    start(name) {
        if (this.active) {
            if (this.active.name === name)
                return;
            this.stop();
        }
        const rec = { name, started_at: new Date().toISOString(), entries: 0, bytes: 0, full: false, dropped: 0 };
        const head = `{"log":{"version":"1.2","creator":${JSON.stringify(HAR_CREATOR)},"comment":${JSON.stringify(`mk6-fleet recording ${name}, started ${rec.started_at}`)},"entries":[`;
        writeFileAtomic(this.file(name), head);
        rec.bytes = Buffer.byteLength(head);
        this.active = rec;
        this.saveState();
        this.arm();
    }
    /** Writes what is pending, closes the file (valid HAR from then on). */
    stop() {
        if (!this.active)
            return;
        this.write(true);
        appendFileSync(this.file(this.active.name), TRAILER);
        this.last = { ...this.active, bytes: this.active.bytes + TRAILER.length };
        this.active = null;
        rmSync(this.statePath, { force: true });
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
    }
    /** Appends the pending entries answered more than SETTLE_MS ago (all of them with `all`), oldest first. */
    write(all = false) {
        const rec = this.active;
        if (!rec || this.pending.length === 0)
            return;
        const cutoff = all ? Infinity : Date.now() - SETTLE_MS;
        this.pending.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
        const ready = this.pending.filter((e) => Date.parse(e.ts) <= cutoff);
        if (ready.length === 0)
            return;
        this.pending = this.pending.filter((e) => Date.parse(e.ts) > cutoff);
        let chunk = '';
        for (const e of ready) {
            const text = (rec.entries === 0 ? '\n' : ',\n') + JSON.stringify(harEntry({ ...e, id: rec.entries + 1 }, this.origin()));
            const size = Buffer.byteLength(text);
            if (rec.full || rec.bytes + size + TRAILER.length > this.maxBytes) {
                rec.full = true;
                rec.dropped++;
                continue;
            }
            chunk += text;
            rec.bytes += size;
            rec.entries++;
        }
        if (chunk) {
            const fd = openSync(this.file(rec.name), 'a');
            try {
                writeSync(fd, chunk);
            }
            finally {
                closeSync(fd);
            }
        }
        this.saveState();
    }
    view() {
        const rec = this.active ?? this.last;
        return {
            on: this.active !== null,
            name: rec?.name ?? null,
            file: rec ? this.file(rec.name) : null,
            started_at: rec?.started_at ?? null,
            entries: rec?.entries ?? 0,
            bytes: rec?.bytes ?? 0,
            max_bytes: this.maxBytes,
            full: rec?.full ?? false,
            dropped: rec?.dropped ?? 0,
            recordings: readdirSync(this.dir).filter((f) => f.endsWith('.har')).map((f) => f.slice(0, -4)).sort(),
        };
    }
    /** The HAR text of a recording (the one in progress closed on the fly), or null. */
    read(name) {
        const path = this.file(name);
        if (!existsSync(path))
            return null;
        const text = readFileSync(path, 'utf8');
        return this.active?.name === name ? text + TRAILER : text;
    }
    file(name) {
        if (!isSafeId(name))
            throw errors.badRequest(say('safeIdInvalid', 'name'), { field: 'name' });
        return join(this.dir, `${name}.har`);
    }
    get statePath() {
        return join(this.dir, 'active.json');
    }
    saveState() {
        if (this.active)
            writeFileAtomic(this.statePath, JSON.stringify(this.active));
    }
    /** A supervisor restarted while recording goes on: what reached the file before the last save stands. */
    resume() {
        if (!existsSync(this.statePath))
            return;
        try {
            const saved = JSON.parse(readFileSync(this.statePath, 'utf8'));
            const path = this.file(saved.name);
            if (!existsSync(path))
                return;
            // A batch appended but not yet counted (the supervisor died in between) is dropped, so the file stays whole.
            if (statSync(path).size > saved.bytes)
                truncateSync(path, saved.bytes);
            this.active = { ...saved, bytes: statSync(path).size };
            this.arm();
        }
        catch {
            /* an unreadable state: no recording to resume */
        }
    }
    arm() {
        if (this.timer)
            return;
        this.timer = setInterval(() => this.write(), FLUSH_EVERY_MS);
        this.timer.unref();
    }
}
const recorders = new WeakMap();
/** The fleet's recorder, made (and an interrupted recording resumed) on first use. */
export function recorderOf(fleet) {
    let rec = recorders.get(fleet);
    if (!rec) {
        rec = new Recorder(join(fleet.stateDir, 'recordings'), () => fleet.frontUrl || 'http://127.0.0.1');
        recorders.set(fleet, rec);
    }
    return rec;
}
/** Every journal entry the fleet takes in goes through here first (front.ts, front-journal.ts). */
export function recordEntry(fleet, entry) {
    recorderOf(fleet).take(entry);
}
/** Tells every worker up whether to forward full bodies (a worker that starts later asks `/_fleet/clock`). */
async function tellWorkers(fleet, on) {
    await Promise.all(fleet.onlineMembers().map((m) => requestJson(`${fleet.url(m)}/_worker/recording`, { method: 'POST', body: { on }, timeoutMs: 1000 }).catch(() => null)));
}
/**
 * The handlers of getRecording, setRecording and getRecordingFile (declared in src/contract/routes/recette.ts).
 * `flush`: fetches the journal entries still on their way from the workers.
 */
export function recordingHandlers(fleet, flush) {
    const settled = async () => {
        await flush();
        recorderOf(fleet).write(true);
    };
    const handlers = {};
    handlers.getRecording = async (ctx) => {
        await settled();
        ctx.body = recorderOf(fleet).view();
    };
    handlers.setRecording = async (ctx) => {
        const b = asBody(ctx.request.body);
        const on = required(RecordingBody, b, 'on');
        const name = optional(RecordingBody, b, 'name');
        const rec = recorderOf(fleet);
        if (on) {
            if (name !== undefined)
                rec.file(name); // a safe id before it names a file
            await settled(); // what the gateway did before is not part of it
            rec.start(name ?? (rec.on ? rec.view().name : `session-${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}`));
            await tellWorkers(fleet, true);
        }
        else {
            await settled();
            rec.stop();
            await tellWorkers(fleet, false);
        }
        ctx.body = rec.view();
    };
    handlers.getRecordingFile = async (ctx) => {
        const name = String(ctx.params.recording).replace(/\.har$/, '');
        if (!isSafeId(name))
            throw errors.badRequest(say('safeIdInvalid', 'name'), { field: 'name' });
        await settled();
        const text = recorderOf(fleet).read(name);
        if (text === null)
            throw errors.notFound(say('unknownRecording', name));
        ctx.type = 'application/json; charset=utf-8';
        ctx.set('content-disposition', `attachment; filename="${name}.har"`);
        ctx.body = text;
    };
    return handlers;
}
