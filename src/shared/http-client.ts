/** JSON over loopback HTTP with a keep-alive agent and a hard timeout: the supervisor's calls to workers. */
import http from 'node:http';
import { SECRET_HEADER } from './internal.js';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

let secretHeader: Record<string, string> = {};

/**
 * Every call of the supervisor carries the fleet's internal secret (src/shared/internal.ts): a
 * worker knows the supervisor's calls by it alone, leaves them out of its journal and answers
 * them through an outage.
 */
export function useInternalSecret(secret: string): void {
  secretHeader = { [SECRET_HEADER]: secret };
}

export interface JsonAnswer {
  status: number;
  body: unknown;
}

export function requestJson(
  url: string,
  options: {
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
    timeoutMs?: number;
    /** false: a call made as any caller's (a timeline action, a forwarded provision): no secret, so journaled like one. */
    internal?: boolean;
  } = {},
): Promise<JsonAnswer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: options.method ?? 'GET',
      agent,
      headers: {
        ...(options.internal === false ? {} : secretHeader),
        ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
        ...options.headers,
      },
    });
    const timer = setTimeout(() => req.destroy(new Error('timeout')), options.timeoutMs ?? 2000);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          /* not JSON: keep the text */
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
      res.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(payload);
  });
}

export function closeClientAgent(): void {
  agent.destroy();
}
