// DOM building and number/time formatting shared by the page's modules.

/** h('div', {class: 'x', 'data-mk6': id, onclick: fn}, child, 'text', …) */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
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

const nf = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

export function fmtKw(value) {
  return typeof value === 'number' && Number.isFinite(value) ? `${nf.format(value)} kW` : '—';
}

export function fmtBytes(bytes) {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '—';
  return `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} Mo`;
}

export function fmtDuration(seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
  return `${Math.floor(s / 86400)} j ${Math.floor((s % 86400) / 3600)} h`;
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
