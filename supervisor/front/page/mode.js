// The fleet mode (mock / production). In production every write is refused by the fleet;
// the page says so with a banner and disables every control marked `data-write`.
// A control also marked `data-blocked` (e.g. on a stopped MK6) stays disabled in mock mode.

import { write } from './api.js';
import { t } from './i18n.js';
import { setText } from './util.js';

let mode = 'unknown';
let changed = () => {};

export function currentMode() {
  return mode;
}

/** Takes a GET /supervision/api/mode answer: {mode}. */
export function updateMode(body) {
  const next = body?.mode === 'production' ? 'production' : body?.mode === 'mock' ? 'mock' : 'unknown';
  if (next === mode) return;
  mode = next;
  render();
  refreshLocks();
}

function render() {
  document.body.dataset.mode = mode;
  document.getElementById('mode-banner').hidden = mode !== 'production';
  const badge = document.getElementById('mode-badge');
  setText(badge, mode === 'production' ? 'PRODUCTION' : mode === 'mock' ? 'MOCK' : '?');
  badge.className = `badge mode-${mode}`;
  const toggle = document.getElementById('mode-toggle');
  setText(toggle, mode === 'production' ? t('mode.backToMock') : mode === 'mock' ? t('mode.toProduction') : '…');
  toggle.dataset.target = mode === 'production' ? 'mock' : 'production';
}

/** Enables or disables every write control after a change of mode or of the fleet. */
export function refreshLocks(root = document) {
  const production = mode === 'production';
  for (const el of root.querySelectorAll('[data-write]')) {
    const off = production || el.hasAttribute('data-blocked');
    if (el.disabled !== off) el.disabled = off;
  }
}

export function initMode(onChange) {
  changed = onChange;
  document.addEventListener('langchange', render);
  document.getElementById('mode-toggle').addEventListener('click', async (ev) => {
    const target = ev.currentTarget.dataset.target;
    if (target !== 'production' && target !== 'mock') return;
    if (target === 'production' && !confirm(t('mode.confirm'))) return;
    const res = await write('POST', '/supervision/mode', { mode: target }, t('mode.label', { mode: target }));
    if (res.ok) {
      updateMode({ mode: target });
      changed();
    }
  });
}
