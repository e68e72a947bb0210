/** The request journal: the newest entries, ids always increasing, even across a clear. */
import type { Source } from './classify.js';

export interface JournalEntry {
  id: number;
  ts: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  source: Source;
  endpoint: string | null;
  mk6_id: string | null;
  req_body: unknown;
  status: number;
  resp_body: unknown;
  duration_ms: number;
  remote: string | null;
  /** The fleet's simulated time when the request arrived. */
  sim_time: string | null;
  /** The MK6's own time when it runs a clock of its own (offset, drift; docs/clock.md); absent otherwise. */
  mk6_time?: string;
  /** A few request headers (content-type, accept, user-agent, x-request-id; Authorization masked). */
  req_headers?: Record<string, string>;
}

/** Where a worker sends its journal entries besides its own journal (the supervisor's fleet journal). */
export interface JournalSink {
  push: (entry: NewEntry) => void;
  flush: () => Promise<void>;
}

export type NewEntry = Omit<JournalEntry, 'id'>;

export const JOURNAL_CAPACITY = 1000;
export const BODY_CAP = 4096;
/** Ends a body the journal cut at BODY_CAP. */
export const CUT_MARK = '…[tronqué]';

export class Journal {
  private entries: JournalEntry[] = [];
  private lastId = 0;

  constructor(readonly capacity = JOURNAL_CAPACITY) {}

  add(entry: NewEntry): JournalEntry {
    const full = { id: ++this.lastId, ...entry };
    this.entries.push(full);
    // Trim in batches so each add stays O(1) amortised.
    if (this.entries.length >= 2 * this.capacity) this.entries = this.entries.slice(-this.capacity);
    return full;
  }

  /** Entries with id > sinceId, oldest first, at most the newest `capacity`. */
  since(sinceId = 0): JournalEntry[] {
    const kept = this.entries.length > this.capacity ? this.entries.slice(-this.capacity) : this.entries;
    let lo = 0, hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (kept[mid].id <= sinceId) lo = mid + 1;
      else hi = mid;
    }
    return kept.slice(lo);
  }

  get size(): number {
    return Math.min(this.entries.length, this.capacity);
  }

  get latestId(): number {
    return this.lastId;
  }

  clear(): void {
    this.entries = [];
  }
}

/**
 * The fleet's journal. Workers hand in their entries in batches that may cross on the way,
 * so entries are staged and numbered in the order they were answered (`ts`), at the latest
 * when the journal is read: a call answered before another always has the smaller id.
 */
export class OrderedJournal extends Journal {
  private staged: NewEntry[] = [];

  /** Stages the entry; its id is given when the journal is next read (0 until then). */
  override add(entry: NewEntry): JournalEntry {
    this.staged.push(entry);
    if (this.staged.length >= this.capacity) this.settle();
    return { id: 0, ...entry };
  }

  override since(sinceId = 0): JournalEntry[] {
    this.settle();
    return super.since(sinceId);
  }

  override get size(): number {
    this.settle();
    return super.size;
  }

  override get latestId(): number {
    this.settle();
    return super.latestId;
  }

  override clear(): void {
    this.staged = [];
    super.clear();
  }

  private settle(): void {
    if (this.staged.length === 0) return;
    const batch = this.staged;
    this.staged = [];
    batch.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0)); // stable: arrival order on a tie
    for (const entry of batch) super.add(entry);
  }
}

/** A body as journaled: itself when its JSON fits in 4 KiB, else its text cut there. */
export function capBody(text: string | undefined, value: unknown): unknown {
  if (text === undefined) return value === undefined ? null : value;
  if (text.length <= BODY_CAP) return value;
  return text.slice(0, BODY_CAP) + CUT_MARK;
}

export function parseSinceId(raw: unknown): number {
  if (raw === undefined) return 0;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= 0 ? n : NaN;
}
