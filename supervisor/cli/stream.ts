/** `mk6-fleet events --follow`: the fleet's event log as it grows, read from GET /mock/stream (Server-Sent Events). */
import http from 'node:http';

export interface StreamEvent {
  event: string;
  id: string | null;
  data: unknown;
}

/**
 * Follows `base/mock/stream?types=fleet` from event id `since` on, calling `onEvent` for each,
 * until SIGINT/SIGTERM; a dropped stream is opened again from the last id it gave (Last-Event-ID).
 * Rejects only if the fleet cannot be reached at all at first.
 */
export async function followFleetEvents(base: string, since: number, onEvent: (e: StreamEvent) => void): Promise<void> {
  let last = since;
  let stop: (() => void) | null = null;
  let stopped = false;
  const quit = () => {
    stopped = true;
    stop?.();
  };
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);
  let first = true;
  while (!stopped) {
    try {
      await new Promise<void>((resolve, reject) => {
        const req = http.get(`${base}/mock/stream?types=fleet&interval_ms=250&since_id=${last}`, { headers: { accept: 'text/event-stream' } }, (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            return reject(new Error(`HTTP ${res.statusCode}`));
          }
          first = false;
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buf += chunk;
            let at: number;
            while ((at = buf.indexOf('\n\n')) >= 0) {
              const e = parseBlock(buf.slice(0, at));
              buf = buf.slice(at + 2);
              if (!e) continue;
              if (e.id !== null) last = Math.max(last, Number(e.id));
              onEvent(e);
            }
          });
          res.on('end', resolve);
          res.on('error', resolve);
        });
        req.on('error', reject);
        stop = () => {
          req.destroy();
          resolve();
        };
      });
    } catch (err) {
      if (first) throw err;
    }
    if (!stopped) await new Promise((r) => setTimeout(r, 1000));
  }
}

/** One SSE block (`event:`, `id:`, `data:` lines); comments and retry-only blocks give null. */
export function parseBlock(block: string): StreamEvent | null {
  let event = 'message';
  let id: string | null = null;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  const text = data.join('\n');
  try {
    return { event, id, data: JSON.parse(text) };
  } catch {
    return { event, id, data: text };
  }
}
