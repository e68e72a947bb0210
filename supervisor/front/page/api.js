// The page's only way to the fleet: documented endpoints on the same origin.
// The page's reads of an MK6 go to /supervision/api/mk6/{id}/… : the supervisor makes them
// with the fleet's secret, so they stay out of the request journal (the journal is for what
// the gateway and the tester sent; no header keeps a call out of it); writes are journaled
// like any tester action.

import { lang, t } from './i18n.js';
import { h } from './util.js';

/** Every call says the page's language: the fleet answers its messages (errors, verdicts) in it. */
export const apiHeaders = (extra = {}) => ({ accept: 'application/json', 'accept-language': lang(), ...extra });
const READ_TIMEOUT_MS = 4000;
const WRITE_TIMEOUT_MS = 15000;

export const enc = encodeURIComponent;

/** GET → parsed JSON, or throws an Error carrying `.status` and `.body`. */
export async function getJson(path) {
  const res = await fetch(path, { headers: apiHeaders(), cache: 'no-store', signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
  const body = await readBody(res);
  if (!res.ok) {
    const err = new Error(errorText(res.status, body));
    err.status = res.status;
    err.body = body;
    err.lang = res.headers.get('content-language') ?? '';
    throw err;
  }
  return body;
}

/**
 * A write the tester asked for: sends it, shows the outcome as a toast, resolves to
 * {ok, status, body}. Never throws: a refused write (403 in production, 502 on a killed
 * MK6, …) is shown, not lost.
 */
export async function write(method, path, body, label = `${method} ${path}`) {
  const init = { method, headers: apiHeaders(), signal: AbortSignal.timeout(WRITE_TIMEOUT_MS) };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (err) {
    toast(t('api.noAnswer', { label, why: err.name === 'TimeoutError' ? t('api.timeout') : err.message }), 0);
    return { ok: false, status: 0, body: null };
  }
  const parsed = await readBody(res);
  const failed = parsed?.workers?.failed;
  if (res.ok && Array.isArray(failed) && failed.length > 0) {
    toast(t('api.partial', { label, status: res.status, n: failed.length, total: parsed.workers.total ?? '?', ids: failed.map((f) => f?.mk6_id ?? f?.id ?? f).join(', ') }), 'warn');
  } else if (res.ok) toast(`${label} → ${res.status}`, res.status);
  else toast(`${label} → ${errorText(res.status, parsed)}`, res.status);
  return { ok: res.ok, status: res.status, body: parsed, lang: res.headers.get('content-language') ?? '' };
}

async function readBody(res) {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function errorText(status, body) {
  if (body && typeof body === 'object' && body.error) return `${status} ${body.error} — ${body.message ?? ''}`.trim();
  return `${status}${typeof body === 'string' && body ? ` — ${body.slice(0, 120)}` : ''}`;
}

const TOAST_MS = 2500;

// A past notice in the other language is gone with a switch.
document.addEventListener('langchange', () => document.getElementById('toasts')?.replaceChildren());

/** `status`: the HTTP status shown (2xx/3xx ok, else an error), or 'warn'. */
export function toast(message, status) {
  const box = document.getElementById('toasts');
  const kind = status === 'warn' ? 'warn' : status >= 200 && status < 400 ? 'ok' : 'err';
  const node = h('div', { class: `toast ${kind}`, role: 'status', 'data-testid': 'toast', 'data-status': status }, message);
  box.append(node);
  while (box.children.length > 3) box.firstElementChild.remove();
  setTimeout(() => node.remove(), kind === 'ok' ? TOAST_MS : 4 * TOAST_MS);
}
