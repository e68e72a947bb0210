/**
 * One state file per MK6, as JSON lines: the first line is a full snapshot, each later
 * line a delta (the requests put or removed, and the small "meta" part whole when it
 * changed; a delta without it keeps the one before). Every key of a line is known. A change
 * is acknowledged only once its line is on disk (the file is opened O_DSYNC); the changes of
 * one turn of the event loop, and those made while a write is under way, share one write
 * (group commit). When the deltas outgrow the snapshot, the file is rewritten atomically
 * (temp file, fsync, rename, directory fsync) while appends go on (see compact()). A kill
 * mid-append leaves at most a torn last line without its newline: that change was never
 * acknowledged and is dropped on load. Anything else unreadable is corruption: the load
 * fails naming the file and line, and the file is left as it is.
 */
import { closeSync, constants, existsSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncDir, tempPathOf, TEMP_INFIX, writeFileAtomic } from './atomic.js';
const SNAPSHOT_KEYS = new Set(['kind', 'meta', 'items']);
const DELTA_KEYS = new Set(['kind', 'meta', 'put', 'removed', 'clear']);
export class CorruptStateError extends Error {
    file;
    constructor(file, line, reason) {
        super(`État corrompu: ${file}, ligne ${line}: ${reason}. Le fichier est conservé tel quel; déplacez-le ou réparez-le pour redémarrer.`);
        this.name = 'CorruptStateError';
        this.file = file;
    }
}
const COMPACT_MIN_BYTES = 256 * 1024;
/** Appends whose write returns once the data is on disk (as write + fdatasync, in one call). */
const APPEND_DSYNC = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC;
/** Items serialised between two turns of the event loop while a snapshot is made. */
const SNAPSHOT_SLICE = 2000;
/** Another live process holds this MK6's state file (a second worker for the same id). */
export class StateInUseError extends Error {
    file;
    holder;
    constructor(file, holder) {
        super(`État déjà ouvert par le processus ${holder}: ${file}`);
        this.file = file;
        this.holder = holder;
        this.name = 'StateInUseError';
    }
}
/**
 * One writer per state file: `<file>.lock` holds the writer's pid. Two processes for one MK6
 * (a worker pm2 lost track of, a start by hand) would otherwise each rewrite the snapshot
 * under the other, and the acknowledged appends of one would go to an unlinked file. A lock
 * left by a killed process (its pid is gone) is taken over.
 */
export function lockStateFile(path) {
    const lock = `${path}.lock`;
    for (let attempt = 0;; attempt++) {
        try {
            const fd = openSync(lock, 'wx', 0o600);
            try {
                writeSync(fd, String(process.pid));
            }
            finally {
                closeSync(fd);
            }
            return () => {
                try {
                    if (readFileSync(lock, 'utf8') === String(process.pid))
                        unlinkSync(lock);
                }
                catch {
                    /* already gone */
                }
            };
        }
        catch (err) {
            if (err.code !== 'EEXIST' || attempt > 0)
                throw err;
            let holder = 0;
            try {
                holder = Number(readFileSync(lock, 'utf8')) | 0;
            }
            catch {
                /* removed meanwhile */
            }
            if (holder > 0 && holder !== process.pid && isAlive(holder))
                throw new StateInUseError(path, holder);
            try {
                unlinkSync(lock); // stale: its writer is dead
            }
            catch {
                /* removed meanwhile */
            }
        }
    }
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
    }
    catch (err) {
        return err.code === 'EPERM';
    }
    // A recycled pid is not our worker: on Linux, a live holder is a node process.
    try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
    }
    catch {
        return true;
    }
}
export class StateFile {
    path;
    current;
    handle = null;
    queue = [];
    waiters = [];
    flushing = false;
    loggedBytes = 0;
    snapshotBytes = 0;
    /** The write under way, until its chunk is counted (and kept for a compaction). */
    writing = null;
    /** While a compaction runs: the chunks written to the old file since its snapshot was taken. */
    sinceSnapshot = null;
    compacting = null;
    /** While the compacted file is put in place: appends wait. */
    swapping = null;
    constructor(path, 
    /** Gives the whole current state when the file is compacted. */
    current) {
        this.path = path;
        this.current = current;
    }
    /** Reads the file, or returns null when there is none. Throws CorruptStateError. */
    static load(path) {
        removeStaleTemps(path);
        if (!existsSync(path))
            return null;
        const text = readFileSync(path, 'utf8');
        const lines = text.split('\n');
        const torn = !text.endsWith('\n');
        if (lines[lines.length - 1] === '')
            lines.pop();
        if (lines.length === 0)
            throw new CorruptStateError(path, 1, 'fichier vide');
        let meta;
        const items = new Map();
        for (let i = 0; i < lines.length; i++) {
            let record;
            try {
                record = JSON.parse(lines[i]);
            }
            catch {
                if (torn && i === lines.length - 1 && i > 0)
                    break; // an unacknowledged, torn append
                throw new CorruptStateError(path, i + 1, 'JSON illisible');
            }
            if (!record || typeof record !== 'object' || (i === 0 && !('meta' in record))) {
                throw new CorruptStateError(path, i + 1, 'enregistrement sans "meta"');
            }
            // Every key known: a damaged key ("met#a") is damage, not a record without that field.
            const unknown = Object.keys(record).find((key) => !(i === 0 ? SNAPSHOT_KEYS : DELTA_KEYS).has(key));
            if (unknown !== undefined)
                throw new CorruptStateError(path, i + 1, `champ inattendu "${unknown.slice(0, 40)}"`);
            if (i === 0) {
                if (record.kind !== 'snapshot' || !Array.isArray(record.items)) {
                    throw new CorruptStateError(path, 1, 'la première ligne doit être un instantané');
                }
                for (const item of record.items)
                    items.set(item.id, item);
            }
            else {
                if (record.kind !== 'delta' || !Array.isArray(record.put) || !Array.isArray(record.removed)) {
                    throw new CorruptStateError(path, i + 1, 'delta invalide');
                }
                if (record.clear === true)
                    items.clear();
                for (const item of record.put)
                    items.set(item.id, item);
                for (const id of record.removed)
                    items.delete(id);
            }
            if ('meta' in record)
                meta = record.meta; // a delta without meta keeps the last one
        }
        return { meta: meta, items: [...items.values()] };
    }
    /** Starts a fresh file holding the current state (atomically), ready for appends. */
    async open() {
        const text = await this.snapshotText();
        writeFileAtomic(this.path, text); // before the MK6 answers anyone
        this.snapshotBytes = Buffer.byteLength(text);
        this.loggedBytes = 0;
        this.handle = await open(this.path, APPEND_DSYNC);
    }
    /** Queues one delta; resolves once it is on disk. Deltas are written in call order. */
    append(delta) {
        const line = JSON.stringify({ kind: 'delta', ...delta }) + '\n';
        this.queue.push(line);
        const done = new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
        if (!this.flushing) {
            // From the next turn of the event loop: the changes of every request read in this one share the write.
            this.flushing = true;
            setImmediate(() => void this.flush());
        }
        return done;
    }
    async close() {
        while (this.flushing || this.compacting) {
            await (this.compacting ?? new Promise((r) => setImmediate(r)));
        }
        await this.handle?.close();
        this.handle = null;
    }
    async flush() {
        try {
            while (this.queue.length > 0) {
                while (this.swapping)
                    await this.swapping;
                const chunk = this.queue.join('');
                const waiters = this.waiters;
                this.queue = [];
                this.waiters = [];
                this.writing = this.write(chunk);
                try {
                    await this.writing;
                }
                catch (err) {
                    for (const w of waiters)
                        w.reject(err);
                    continue;
                }
                finally {
                    this.writing = null;
                }
                for (const w of waiters)
                    w.resolve();
                if (!this.compacting && this.loggedBytes > Math.max(COMPACT_MIN_BYTES, 2 * this.snapshotBytes)) {
                    this.compacting = this.compact().finally(() => (this.compacting = null));
                }
            }
        }
        finally {
            this.flushing = false;
        }
    }
    async write(chunk) {
        if (!this.handle)
            throw new Error(`state file ${this.path} is not open`);
        await this.handle.write(chunk); // O_DSYNC: on disk when it returns
        this.loggedBytes += Buffer.byteLength(chunk);
        this.sinceSnapshot?.push(chunk);
    }
    /**
     * Rewrites the file as one snapshot of the current state, then the deltas written since,
     * while appends go on into the old file: a planning of 70,000 requests is megabytes, and a
     * gateway's next 201 does not wait for them. Only the swap holds appends: the chunks written
     * meanwhile are appended to the new file too, it is synced and renamed over the old one. A
     * kill before the rename leaves the old file whole; after it, the new one holds everything
     * acknowledged. A delta that repeats what the snapshot holds changes nothing on load. A
     * failure leaves the old file, appended to: compacting is tried again after the next write.
     */
    async compact() {
        const since = (this.sinceSnapshot = []); // before the snapshot: a change after it is a delta kept here
        const loggedBefore = this.loggedBytes;
        const temp = tempPathOf(this.path);
        let release = () => { };
        try {
            const text = await this.snapshotText();
            const file = await open(temp, 'w', 0o600);
            try {
                await file.write(text);
                await file.sync();
                this.swapping = new Promise((r) => (release = r));
                await this.writing?.catch(() => undefined);
                const caughtUp = since.join('');
                await file.write(caughtUp);
                await file.sync();
            }
            finally {
                await file.close();
            }
            await rename(temp, this.path);
            await syncDir(dirname(this.path));
            const replaced = this.handle;
            this.handle = await open(this.path, APPEND_DSYNC);
            await replaced?.close();
            this.snapshotBytes = Buffer.byteLength(text);
            this.loggedBytes -= loggedBefore; // what follows the snapshot in the new file: the chunks of `since`
        }
        catch {
            await unlink(temp).catch(() => undefined);
        }
        finally {
            this.sinceSnapshot = null;
            this.swapping = null;
            release();
        }
    }
    /** The snapshot line, its items serialised a slice at a time: requests go on being answered meanwhile. */
    async snapshotText() {
        const { meta, items } = this.current();
        const parts = [`{"kind":"snapshot","meta":${JSON.stringify(meta)},"items":[`];
        for (let i = 0; i < items.length; i += SNAPSHOT_SLICE) {
            if (i > 0) {
                await new Promise((r) => setImmediate(r));
                parts.push(',');
            }
            parts.push(items.slice(i, i + SNAPSHOT_SLICE).map((item) => JSON.stringify(item)).join(','));
        }
        parts.push(']}\n');
        return parts.join('');
    }
}
/** A temp file is a compaction that a kill interrupted before its rename: never the truth. */
function removeStaleTemps(path) {
    const dir = dirname(path);
    if (!existsSync(dir))
        return;
    const prefix = `${basename(path)}${TEMP_INFIX}`;
    for (const name of readdirSync(dir)) {
        if (name.startsWith(prefix)) {
            try {
                unlinkSync(join(dir, name));
            }
            catch {
                /* another process's temp, or already gone */
            }
        }
    }
}
