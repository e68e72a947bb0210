/**
 * Sends this worker's journal entries to the supervisor, which numbers them in the one
 * fleet journal. Entries are batched (one POST per tick) so the hot path pays only a push.
 * When the supervisor is away, batches are dropped: the worker's own journal keeps them.
 */
import http from 'node:http';
import type { NewEntry } from './http/journal.js';

const FLUSH_MS = 20;
const MAX_BATCH = 500;

export class JournalForwarder {
  private batch: NewEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  private readonly url: URL;

  constructor(supervisorUrl: string, private readonly mk6Id: string) {
    this.url = new URL('/_fleet/journal', supervisorUrl);
  }

  push = (entry: NewEntry): void => {
    this.batch.push(entry);
    if (this.batch.length >= MAX_BATCH) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), FLUSH_MS);
  };

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.batch.length === 0) return Promise.resolve();
    const payload = JSON.stringify({ mk6_id: this.mk6Id, entries: this.batch });
    this.batch = [];
    return new Promise((resolve) => {
      const req = http.request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          timeout: 2000,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-mk6-internal': 'journal' },
        },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', () => resolve());
      req.on('timeout', () => req.destroy());
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
