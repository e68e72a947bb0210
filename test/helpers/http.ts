/**
 * The tests' one HTTP client. `send` is the call (fetch, a JSON body typed as such, an optional
 * timeout); `call` and `request` are the two views of its answer the tests read (the fleet's
 * Headers and a body parsed whenever it is JSON; a worker's plain header object and a body
 * parsed when typed JSON); `rawGet` is a bare socket's view, for tests about socket errors.
 */
import http from 'node:http';

export interface SendOptions {
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
}

/** `path` appended to `base`; an object body goes as JSON (a string as is), typed JSON unless `headers` say otherwise. */
export async function send(base: string, method: string, path: string, o: SendOptions = {}): Promise<Sent> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(base + path, {
    method,
    headers,
    body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
    signal: o.timeoutMs === undefined ? undefined : AbortSignal.timeout(o.timeoutMs),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The text as JSON, or the text itself when it is not JSON. */
export function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** A JSON call; `path` is appended to `base`. The body: JSON when it parses, else the text (null when empty). */
export async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await send(base, method, path, { body, headers });
  return { status: res.status, headers: res.headers, body: res.text ? jsonOrText(res.text) : null };
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when the answer is not JSON. */
  body: any;
  text: string;
}

/** A call as the worker tests read it: JSON parsed only when the answer says it is JSON. */
export async function request(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResponse> {
  const res = await send(base, method, path, { body, headers });
  const typedJson = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, headers: Object.fromEntries(res.headers), body: typedJson ? jsonOrText(res.text) : res.text, text: res.text };
}

/** A raw GET with its own agent-less socket: resolves with the status and body, or rejects with the socket error (ECONNRESET, ETIMEDOUT, ECONNREFUSED) as it is. */
export function rawGet(url: string, timeoutMs = 5000, method = 'GET'): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }));
      res.on('error', reject);
      res.on('aborted', () => reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('client timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}
