// DOM building and number/time formatting shared by the page's modules. Numbers go through
// Intl in the page's language (8 340 kW / 8,340 kW); times stay ISO-like UTC, the form the
// tester types in the time inputs.

import { Msg, locale, mark, t } from './i18n.js';

/**
 * h('div', {class: 'x', 'data-mk6': id, onclick: fn}, child, 'text', …). A message m(key) as
 * an attribute value or as the only child is kept translated (see i18n.js); among other
 * children it is wrapped in a span that is.
 */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (value instanceof Msg) mark(node, key === 'text' ? 'text' : key, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  const list = children.flat().filter((c) => c !== null && c !== undefined && c !== false);
  if (list.length === 1 && list[0] instanceof Msg) {
    mark(node, 'text', list[0]);
    return node;
  }
  for (const child of list) {
    if (child instanceof Msg) node.append(h('span', {}, child));
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Sets text only when it changed, so polling does not churn the DOM. */
export function setText(node, text) {
  const value = String(text);
  if (node.textContent !== value) node.textContent = value;
}

export function setData(node, key, value) {
  const v = String(value);
  if (node.dataset[key] !== v) node.dataset[key] = v;
}

const formats = new Map();

/** A number in the page's language: fmtNumber(8340) → '8 340' / '8,340'. */
export function fmtNumber(value, options = { maximumFractionDigits: 0 }) {
  const key = `${locale()} ${JSON.stringify(options)}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(locale(), options));
  return formats.get(key).format(value);
}

/** The process status (pm2) as the page says it. */
const PROC = {
  pending: 'proc.pending', online: 'proc.online', stopped: 'proc.stopped', stopping: 'proc.stopping', launching: 'proc.starting',
  errored: 'proc.errored', starting: 'proc.starting', 'waiting restart': 'proc.restarting', 'one-launch-status': 'proc.launched',
};
export const procLabel = (status) => (PROC[status] ? t(PROC[status]) : status);

/** A site's dot (overview, card head): '8FV… ROU1 PDL1 — state 2', with its fault. */
export const dotTitle = (site, state) => t(site.fault ? 'site.dotFault' : 'site.dot', { sycode: site.sycode, name: site.name ?? '', state });

export function fmtKw(value) {
  return typeof value === 'number' && Number.isFinite(value) ? `${fmtNumber(value)} kW` : '—';
}

export function fmtBytes(bytes) {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '—';
  const digits = bytes < 10 * 1048576 ? 1 : 0;
  return fmtNumber(bytes / 1048576, { style: 'unit', unit: 'megabyte', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fmtDuration(seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  const two = (n) => String(n).padStart(2, '0');
  if (s < 60) return t('dur.s', { s });
  if (s < 3600) return t('dur.ms', { m: Math.floor(s / 60), s: two(s % 60) });
  if (s < 86400) return t('dur.hm', { h: Math.floor(s / 3600), m: two(Math.floor((s % 3600) / 60)) });
  return t('dur.dh', { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600) });
}

/** '2026-03-01T13:05:00Z' → '13:05' (UTC); with seconds → '13:05:00'. */
export function fmtHm(iso, seconds = false) {
  if (!iso) return '…';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toISOString().slice(11, seconds ? 19 : 16);
}

/** A window as the engineer reads it: '12:00 → 13:00', with the date when not `day`. */
export function fmtWindow(start, end, dayStartMs) {
  const part = (iso) => {
    if (!iso) return '∞';
    const ms = Date.parse(iso);
    const sameDay = dayStartMs !== undefined && ms >= dayStartMs && ms <= dayStartMs + 86400000;
    return sameDay ? fmtHm(iso) : new Date(ms).toISOString().slice(5, 16).replace('T', ' ');
  };
  return `${start ? part(start) : '…'} → ${part(end)}`;
}

/** Date → '2026-03-01 13:05:00 UTC'. */
export function fmtDateTime(ms) {
  if (!Number.isFinite(ms)) return '—';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** ms → ISO to the second with Z, the contract's form. */
export function isoSeconds(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * What a tester types for a time → ms or NaN. 'YYYY-MM-DD HH:MM[:SS]' (or with 'T') is UTC;
 * an ISO 8601 time with 'Z' or an offset is taken as written.
 */
export function parseUtcInput(value) {
  const text = String(value ?? '').trim().replace(' ', 'T');
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!m) return NaN;
  return Date.parse(`${m[1]}T${m[2]}${m[3] ?? ':00'}${m[4] ?? 'Z'}`);
}

/** ms → 'YYYY-MM-DD HH:MM:SS' (UTC), the form the time inputs show. */
export function toUtcInput(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

export function dayStart(ms) {
  return Math.floor(ms / 86400000) * 86400000;
}

export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
