/** co-body's JSON reader alone (co-body's index would load its form parser and qs too). */
declare module 'co-body/lib/json.js' {
  import type { IncomingMessage } from 'node:http';
  export default function json(req: IncomingMessage, options?: { limit?: string | number; strict?: boolean; encoding?: string }): Promise<unknown>;
}
