export const JOURNAL_CAPACITY = 1000;
export const BODY_CAP = 4096;
/** Ends a body the journal cut at BODY_CAP. */
export const CUT_MARK = '…[tronqué]';
export class Journal {
    capacity;
    entries = [];
    lastId = 0;
    constructor(capacity = JOURNAL_CAPACITY) {
        this.capacity = capacity;
    }
    add(entry) {
        const full = { id: ++this.lastId, ...entry };
        this.entries.push(full);
        // Trim in batches so each add stays O(1) amortised.
        if (this.entries.length >= 2 * this.capacity)
            this.entries = this.entries.slice(-this.capacity);
        return full;
    }
    /** Entries with id > sinceId, oldest first, at most the newest `capacity`. */
    since(sinceId = 0) {
        const kept = this.entries.length > this.capacity ? this.entries.slice(-this.capacity) : this.entries;
        let lo = 0, hi = kept.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (kept[mid].id <= sinceId)
                lo = mid + 1;
            else
                hi = mid;
        }
        return kept.slice(lo);
    }
    get size() {
        return Math.min(this.entries.length, this.capacity);
    }
    get latestId() {
        return this.lastId;
    }
    clear() {
        this.entries = [];
    }
}
/**
 * The fleet's journal. Workers hand in their entries in batches that may cross on the way,
 * so entries are staged and numbered in the order they were answered (`ts`), at the latest
 * when the journal is read: a call answered before another always has the smaller id.
 */
export class OrderedJournal extends Journal {
    staged = [];
    /** Stages the entry; its id is given when the journal is next read (0 until then). */
    add(entry) {
        this.staged.push(entry);
        if (this.staged.length >= this.capacity)
            this.settle();
        return { id: 0, ...entry };
    }
    since(sinceId = 0) {
        this.settle();
        return super.since(sinceId);
    }
    get size() {
        this.settle();
        return super.size;
    }
    get latestId() {
        this.settle();
        return super.latestId;
    }
    clear() {
        this.staged = [];
        super.clear();
    }
    settle() {
        if (this.staged.length === 0)
            return;
        const batch = this.staged;
        this.staged = [];
        batch.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0)); // stable: arrival order on a tie
        for (const entry of batch)
            super.add(entry);
    }
}
/** A body as journaled: itself when its JSON fits in 4 KiB, else its text cut there. */
export function capBody(text, value) {
    if (text === undefined)
        return value === undefined ? null : value;
    if (text.length <= BODY_CAP)
        return value;
    return text.slice(0, BODY_CAP) + CUT_MARK;
}
export function parseSinceId(raw) {
    if (raw === undefined)
        return 0;
    const n = Number(raw);
    return Number.isSafeInteger(n) && n >= 0 ? n : NaN;
}
