/**
 * Replays a recorded gateway session (HAR) against a fleet, or any MK6 API, and compares.
 * Each gateway call of the file is sent again in order (path, query, body, the headers kept
 * but Authorization, masked in the file); where the target has the fleet's clock
 * (`GET /supervision/api/time`), it is first set to the call's `_sim_time` with
 * `POST /mock/time`, which also fires the target's timeline up to that time. Status and body
 * are compared JSON-aware; fields that may differ (wall clock, see DEFAULT_IGNORED) and the
 * caller's `--ignore` are left out, at any depth. What a person reads (the report, a
 * difference's note, a refused file) is in the caller's language (src/i18n/report-messages.ts).
 */
import type { HarEntryValue } from '../../src/contract/schema/har.js';
import { httpCall, HttpUnreachable } from '../../src/shared/http-client.js';
import type { Lang } from '../../src/i18n/lang.js';
import { reportMessages } from '../../src/i18n/report-messages.js';

/**
 * Fields that may differ between two runs of the same session: `created_at` and a
 * constraint's `since` are the fleet clock at the moment the call (or the timeline event)
 * was handled, to the millisecond while the clock runs, where the file keeps the second
 * the call arrived (`_sim_time`), and replay only moves the clock at the recorded calls.
 */
export const DEFAULT_IGNORED = ['created_at', 'since'] as const;

export class ReplayUnreachable extends Error {}
export class ReplayFileError extends Error {}

export interface ReplayOptions {
  url: string;
  reset?: boolean;
  /** MK6 ids (as `_mk6_id`, or named in the path): only their calls. */
  only?: string[];
  /** More field names to leave out of the comparison. */
  ignore?: string[];
  /** Per request (ms). */
  timeoutMs?: number;
  /** The language of the differences' notes and of a refused file's reason. */
  lang: Lang;
}

export interface Difference {
  /** 1-based position among the replayed calls. */
  index: number;
  call: string;
  simTime: string | null;
  status: [number, number];
  /** `path: recorded → replayed`, one per differing field (at most 20 shown). */
  fields: FieldDiff[];
  /** Why the bodies were not compared, for a person (in the caller's language). */
  note?: string;
}
export interface FieldDiff {
  path: (string | number)[];
  recorded: unknown;
  replayed: unknown;
}

export interface ReplayReport {
  total: number;
  identical: number;
  clock: boolean;
  differences: Difference[];
  seconds: number;
}

/** The gateway calls of a HAR file, in order: what the gateway sent and was answered (not a call left unanswered, 444). */
export function gatewayCalls(har: unknown, only: string[], lang: Lang): HarEntryValue[] {
  const entries = (har as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new ReplayFileError(reportMessages[lang].replay.notHar);
  return (entries as HarEntryValue[]).filter((e) => {
    if (!e?.request?.url || !e.response) return false;
    const path = pathOf(e.request.url);
    const source = e._source ?? (path.startsWith('/api/v1/mk6/') ? 'GW' : 'OTHER');
    if (source !== 'GW' && source !== 'front') return false;
    if (e.response.status === 444) return false;
    if (only.length === 0) return true;
    const id = e._mk6_id ?? decodeURIComponent(path.split('/')[4] ?? '');
    return only.includes(id);
  });
}

export async function replay(har: unknown, o: ReplayOptions): Promise<ReplayReport> {
  const started = performance.now();
  const calls = gatewayCalls(har, o.only ?? [], o.lang);
  const base = o.url.replace(/\/+$/, '');
  const ignore = new Set([...DEFAULT_IGNORED, ...(o.ignore ?? [])]);
  const timeoutMs = o.timeoutMs ?? 60_000;

  const probe = await send(base, 'GET', '/supervision/api/time', undefined, {}, 10_000).catch((err: Error) => {
    throw new ReplayUnreachable(err.message);
  });
  const clock = probe.status === 200 && isClockView(probe.json);
  if (o.reset) {
    const res = await send(base, 'POST', '/mock/reset', undefined, {}, timeoutMs);
    if (res.status !== 200) throw new ReplayUnreachable(`POST /mock/reset: ${res.status}`);
  }

  const report: ReplayReport = { total: calls.length, identical: 0, clock, differences: [], seconds: 0 };
  let clockAt: string | null = null;
  for (const [i, e] of calls.entries()) {
    if (clock && e._sim_time && e._sim_time !== clockAt) {
      const set = await send(base, 'POST', '/mock/time', JSON.stringify({ now: e._sim_time }), { 'content-type': 'application/json' }, timeoutMs);
      if (set.status !== 200) throw new ReplayUnreachable(`POST /mock/time ${e._sim_time}: ${set.status} ${set.text.slice(0, 200)}`);
      clockAt = e._sim_time;
    }
    const url = new URL(e.request.url);
    const headers: Record<string, string> = {};
    for (const h of e.request.headers ?? []) {
      const name = h.name.toLowerCase();
      // Accept-Language too: an error's message is in the language the gateway asked for.
      if (name === 'content-type' || name === 'accept' || name === 'accept-language' || name === 'user-agent') headers[name] = h.value;
    }
    const body = e.request.postData?.text;
    let answer: Answer;
    try {
      answer = await send(base, e.request.method, url.pathname + url.search, body, headers, timeoutMs);
    } catch (err) {
      if (err instanceof ReplayUnreachable) throw err;
      answer = { status: 0, text: '', json: undefined, error: (err as Error).message };
    }
    const diff = compare(e, answer, ignore, o.lang);
    const call = `${e.request.method} ${url.pathname}${url.search}`;
    if (diff === null) report.identical++;
    else report.differences.push({ index: i + 1, call, simTime: e._sim_time ?? null, status: [e.response.status, answer.status], ...diff });
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** null when identical; else what differs (a note in `lang`). */
export function compare(e: HarEntryValue, answer: Answer, ignore: ReadonlySet<string>, lang: Lang): { fields: FieldDiff[]; note?: string } | null {
  const say = reportMessages[lang].replay;
  const statusDiffers = e.response.status !== answer.status;
  if (answer.error) return { fields: [], note: say.noAnswer(answer.error) };
  const content = e.response.content;
  if (content._truncated) return statusDiffers ? { fields: [], note: say.truncated } : null;
  const recordedText = content.text ?? '';
  const recorded = parseJson(recordedText);
  const fields: FieldDiff[] = [];
  if (recorded !== undefined && answer.json !== undefined) diffJson(recorded, answer.json, ignore, [], fields);
  else if (recordedText !== answer.text) fields.push({ path: [], recorded: recordedText.slice(0, 200), replayed: answer.text.slice(0, 200) });
  return statusDiffers || fields.length > 0 ? { fields } : null;
}

/** Every leaf that differs, by path; object keys named in `ignore` are left out at any depth. */
export function diffJson(a: unknown, b: unknown, ignore: ReadonlySet<string>, path: (string | number)[], out: FieldDiff[]): FieldDiff[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) diffJson(a[i], b[i], ignore, [...path, i], out);
  } else if (isPlain(a) && isPlain(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) if (!ignore.has(k)) diffJson(a[k], b[k], ignore, [...path, k], out);
  } else if (!Object.is(a, b)) {
    out.push({ path, recorded: a, replayed: b });
  }
  return out;
}

/** `N of M identical`, then each difference: the call, its fleet time, and what differs; in `lang`. */
export function reportText(r: ReplayReport, lang: Lang): string {
  const say = reportMessages[lang].replay;
  const lines = [say.summary(r)];
  for (const d of r.differences) {
    lines.push('', `#${d.index} ${d.call}${d.simTime ? ` @ ${reportMessages[lang].instant(d.simTime)}` : ''}: ${say.status(d.status[0], d.status[1])}`);
    if (d.note) lines.push(`  ${d.note}`);
    for (const f of d.fields.slice(0, 20)) lines.push(`  ${showPath(f.path, lang)}: ${show(f.recorded, lang)} → ${show(f.replayed, lang)}`);
    if (d.fields.length > 20) lines.push(`  ${say.more(d.fields.length - 20)}`);
  }
  return lines.join('\n');
}

/** A field's path as JSON writes it (`planning[0].psetpoint`); the whole body in words. */
export function showPath(path: (string | number)[], lang: Lang): string {
  if (path.length === 0) return reportMessages[lang].replay.body;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][\w]*$/.test(p) ? (i === 0 ? p : `.${p}`) : `[${JSON.stringify(p)}]`)).join('');
}

function show(v: unknown, lang: Lang): string {
  if (v === undefined) return reportMessages[lang].replay.absent;
  const s = JSON.stringify(v);
  return s.length > 120 ? s.slice(0, 117) + '...' : s;
}

interface Answer {
  status: number;
  text: string;
  json: unknown;
  error?: string;
}

async function send(base: string, method: string, path: string, body: string | undefined, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
  const withBody = method !== 'GET' && method !== 'HEAD' && body !== undefined;
  // A body sent without its recorded type goes as text, as a browser's fetch sends it.
  const sent = withBody && !headers['content-type'] ? { ...headers, 'content-type': 'text/plain;charset=UTF-8' } : headers;
  let res: Awaited<ReturnType<typeof httpCall>>;
  try {
    res = await httpCall(base + path, { method, headers: sent, body: withBody ? body : undefined, contentType: sent['content-type'], timeoutMs });
  } catch (err) {
    const code = err instanceof HttpUnreachable ? err.reason : (err as Error).message;
    // Nothing listens there: the target is unreachable. A call reset or timed out mid-way is a difference.
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH') throw new ReplayUnreachable(`${base}: ${code}`);
    throw new Error(code);
  }
  return { status: res.status, text: res.text, json: parseJson(res.text) };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isClockView(v: unknown): boolean {
  return isPlain(v) && (v.source === 'system' || v.source === 'mock') && typeof v.now === 'string';
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
