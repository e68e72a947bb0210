// The fleet's request journal, live: GET /api/v1/debug/requests?since_id=N about once a
// second, newest on top, filters by MK6, source, method and status, a row opens on its
// bodies. Only the newest 1000 entries are kept, like the fleet does.

import { getJson, write } from './api.js';
import { t } from './i18n.js';
import { fmtHm, h, setText } from './util.js';

const KEPT = 1000;

const els = {};
const rows = []; // {entry, tr, detail}, oldest first
let lastId = 0;
let generation = 0; // bumped by a resync, so a poll in flight does not mix old and new

export function initJournal() {
  for (const id of ['journal', 'journal-rows', 'journal-count', 'jf-mk6', 'jf-source', 'jf-method', 'jf-status', 'jf-pause', 'journal-toggle', 'journal-clear']) {
    els[id] = document.getElementById(id);
  }
  for (const id of ['jf-mk6', 'jf-source', 'jf-method', 'jf-status']) els[id].addEventListener('change', applyFilters);
  els['journal-toggle'].addEventListener('click', () => setOpen(els.journal.dataset.open !== 'true'));
  initResize();
  document.addEventListener('langchange', updateCount);
  els['journal-clear'].addEventListener('click', async () => {
    const res = await write('DELETE', '/api/v1/debug/requests', undefined, t('j.cleared'));
    if (!res.ok) return;
    for (const row of rows) {
      row.tr.remove();
      row.detail?.remove();
    }
    rows.length = 0;
    updateCount();
  });
  els['journal-rows'].addEventListener('click', (ev) => {
    const tr = ev.target.closest('tr.entry');
    if (tr) toggleDetail(rows.find((r) => r.tr === tr));
  });
  els['journal-rows'].addEventListener('keydown', (ev) => {
    const tr = ev.target.closest('tr.entry');
    if (!tr || (ev.key !== 'Enter' && ev.key !== ' ')) return;
    ev.preventDefault();
    toggleDetail(rows.find((r) => r.tr === tr));
  });
}

const HEIGHT_KEY = 'mk6-supervision.journal-h';
const MIN_H = 60;
const KEY_STEP = 40;

/** Docked at the bottom: a few lines by default, the tester's height when opened. */
function setOpen(open) {
  els.journal.dataset.open = String(open);
  setText(els['journal-toggle'], open ? '▾' : '▸');
  els['journal-toggle'].setAttribute('aria-expanded', String(open));
}

function setHeight(px) {
  const max = Math.round(window.innerHeight * 0.85);
  const h = Math.round(Math.min(max, Math.max(MIN_H, px)));
  document.documentElement.style.setProperty('--journal-h', `${h}px`);
  const handle = document.getElementById('journal-resize');
  handle.setAttribute('aria-valuenow', String(Math.round((100 * h) / window.innerHeight)));
  handle.setAttribute('aria-valuetext', `${h} px`);
  try { localStorage.setItem(HEIGHT_KEY, String(h)); } catch { /* not remembered */ }
  setOpen(true);
}

/** The handle on the journal's top edge: drag it, or arrows / Home / End when it has focus. */
function initResize() {
  const handle = document.getElementById('journal-resize');
  const saved = Number(localStorage.getItem(HEIGHT_KEY));
  if (saved >= MIN_H) document.documentElement.style.setProperty('--journal-h', `${saved}px`);
  const current = () => els.journal.getBoundingClientRect().height;
  handle.setAttribute('aria-valuenow', String(Math.round((100 * current()) / window.innerHeight)));
  handle.addEventListener('pointerdown', (ev) => {
    ev.preventDefault();
    handle.setPointerCapture(ev.pointerId);
    const move = (e) => setHeight(window.innerHeight - e.clientY);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  handle.addEventListener('keydown', (ev) => {
    const steps = { ArrowUp: KEY_STEP, ArrowDown: -KEY_STEP, PageUp: 4 * KEY_STEP, PageDown: -4 * KEY_STEP };
    if (ev.key in steps) setHeight(current() + steps[ev.key]);
    else if (ev.key === 'Home') setHeight(MIN_H);
    else if (ev.key === 'End') setHeight(window.innerHeight);
    else return;
    ev.preventDefault();
  });
}

/** Reads the journal again from the start (after the fleet came back: its ids may have restarted). */
export function resyncJournal() {
  for (const row of rows) {
    row.tr.remove();
    row.detail?.remove();
  }
  rows.length = 0;
  lastId = 0;
  generation++;
  updateCount();
}

/** One poll; the caller repeats it. */
export async function pollJournal() {
  if (els['jf-pause'].checked) return;
  const gen = generation;
  const entries = await getJson(`/api/v1/debug/requests?since_id=${lastId}`);
  if (gen !== generation || !Array.isArray(entries) || entries.length === 0) return;
  const fresh = entries.filter((e) => typeof e?.id === 'number' && e.id > lastId).sort((a, b) => a.id - b.id);
  if (fresh.length === 0) return;
  lastId = fresh[fresh.length - 1].id;
  const tbody = els['journal-rows'];
  const frag = document.createDocumentFragment();
  for (const entry of fresh.slice(-KEPT).reverse()) {
    const row = { entry, tr: entryRow(entry), detail: null };
    row.tr.hidden = !matches(entry);
    frag.append(row.tr);
    rows.push(row);
  }
  tbody.prepend(frag);
  while (rows.length > KEPT) {
    const old = rows.shift();
    old.tr.remove();
    old.detail?.remove();
  }
  addMk6Options(fresh.map((e) => e.mk6_id).filter(Boolean));
  updateCount();
}

/** The MK6 filter offers every MK6 of the fleet and any id seen in the journal. */
export function addMk6Options(ids) {
  const select = els['jf-mk6'];
  const have = new Set([...select.options].map((o) => o.value));
  const add = [...new Set(ids)].filter((id) => !have.has(id)).sort();
  if (add.length === 0) return;
  for (const id of add) select.append(h('option', { value: id }, id));
  const sorted = [...select.options].slice(1).sort((a, b) => a.value.localeCompare(b.value));
  select.append(...sorted);
}

function entryRow(e) {
  const status = Number(e.status) || 0;
  const path = e.path + (e.query && Object.keys(e.query).length ? `?${new URLSearchParams(e.query)}` : '');
  return h('tr', {
    class: `entry st${Math.floor(status / 100)}xx`, 'data-testid': 'journal-row', 'data-id': e.id,
    'data-mk6': e.mk6_id ?? '', 'data-source': e.source ?? '', 'data-method': e.method, 'data-status': status,
    'data-endpoint': e.endpoint ?? '', tabindex: 0,
  },
    h('td', { class: 'num' }, e.id),
    h('td', {}, e.ts ? fmtHm(e.ts, true) : ''),
    h('td', { class: 'muted' }, e.sim_time ? e.sim_time.replace('T', ' ').replace('Z', '') : ''),
    h('td', {}, h('span', { class: `src src-${e.source}` }, e.source ?? '')),
    h('td', { class: `method m-${e.method}` }, e.method),
    h('td', { class: 'status' }, status),
    h('td', {}, e.mk6_id ?? ''),
    h('td', { class: 'path', title: path }, path),
    h('td', { class: 'num' }, typeof e.duration_ms === 'number' ? e.duration_ms.toFixed(1) : ''),
  );
}

function toggleDetail(row) {
  if (!row) return;
  if (row.detail) {
    row.detail.remove();
    row.detail = null;
    row.tr.classList.remove('open');
    return;
  }
  const e = row.entry;
  const pre = (label, value, testid) => h('div', { class: 'body' }, h('div', { class: 'label' }, label),
    h('pre', { 'data-testid': testid }, value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value, null, 2)));
  row.detail = h('tr', { class: 'detail', 'data-testid': 'journal-detail', 'data-id': e.id },
    h('td', { colspan: 9 },
      h('div', { class: 'meta muted' }, `${e.ts ?? ''} · endpoint ${e.endpoint ?? '—'} · remote ${e.remote ?? '—'} · ${e.duration_ms ?? '—'} ms`),
      h('div', { class: 'bodies' }, pre('req_body', e.req_body, 'journal-req-body'), pre(`resp_body (${e.status})`, e.resp_body, 'journal-resp-body'))));
  row.detail.hidden = row.tr.hidden;
  row.tr.after(row.detail);
  row.tr.classList.add('open');
}

function matches(e) {
  const mk6 = els['jf-mk6'].value;
  const source = els['jf-source'].value;
  const method = els['jf-method'].value;
  const status = els['jf-status'].value;
  if (mk6 && e.mk6_id !== mk6) return false;
  if (source && e.source !== source) return false;
  if (method && e.method !== method) return false;
  if (status) {
    const s = Number(e.status) || 0;
    if (status === 'err' ? s < 400 : `${Math.floor(s / 100)}xx` !== status) return false;
  }
  return true;
}

function applyFilters() {
  for (const row of rows) {
    const show = matches(row.entry);
    row.tr.hidden = !show;
    if (row.detail) row.detail.hidden = !show;
  }
  updateCount();
}

function updateCount() {
  const shown = rows.filter((r) => !r.tr.hidden).length;
  setText(els['journal-count'], shown === rows.length ? t('j.count', { n: rows.length }) : t('j.countOf', { shown, n: rows.length }));
}
