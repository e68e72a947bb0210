// An MK6's network conditions in a dialog: the list (with how many requests each matched and
// acted on), remove one or all, add one from a small form. The fleet validates the condition
// (POST /mock/mk6/{id}/network); a refusal is shown with its message and details.

import { enc, getJson, write } from './api.js';
import { openDialog, showError } from './dialogs.js';
import { m, t } from './i18n.js';
import { h, setText } from './util.js';

/** Fields shown for each type (the others are not sent). */
const TYPE_FIELDS = {
  latency: ['latency_ms', 'jitter_ms'],
  timeout: [],
  reset: ['when'],
  error: ['status', 'code'],
  slow: ['rate_bytes_per_s'],
};
const NUMBERS = ['latency_ms', 'jitter_ms', 'status', 'rate_bytes_per_s', 'probability', 'first_n'];

let dialog;
let form;
let mk6Id = null;
let changed = () => {};

export function initNetworkForm(onChange) {
  changed = onChange;
  dialog = document.getElementById('network-dialog');
  form = document.getElementById('network-form');
  form.elements.type.addEventListener('change', showTypeFields);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void add();
  });
  document.getElementById('network-clear').addEventListener('click', () => void remove(null));
  document.getElementById('network-list').addEventListener('click', (ev) => {
    const btn = ev.target.closest('button[data-name]');
    if (btn) void remove(btn.dataset.name);
  });
  showTypeFields();
  document.addEventListener('langchange', () => {
    if (!dialog.open) return;
    setText(document.getElementById('network-title'), t('net.titleOf', { id: mk6Id }));
    void refresh();
  });
}

export async function openNetwork(id) {
  mk6Id = id;
  setText(document.getElementById('network-title'), t('net.titleOf', { id }));
  dialog.dataset.mk6 = id;
  showError(document.getElementById('network-error'), null);
  openDialog(dialog, form.elements.name);
  await refresh();
}

function showTypeFields() {
  const shown = new Set(TYPE_FIELDS[form.elements.type.value] ?? []);
  for (const el of form.querySelectorAll('[data-for]')) el.hidden = !shown.has(el.dataset.for);
}

async function refresh() {
  const list = document.getElementById('network-list');
  try {
    const body = await getJson(`/supervision/api/mk6/${enc(mk6Id)}/network`);
    const rows = body.conditions.map((c) => {
      const params = Object.entries(c).filter(([k]) => !['name', 'type', 'matched', 'applied'].includes(k)).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`).join(' ');
      return h('tr', { 'data-testid': 'network-condition', 'data-name': c.name, 'data-type': c.type },
        h('td', { text: c.name }), h('td', { text: c.type }), h('td', { class: 'muted', text: params }),
        h('td', { class: 'num', text: `${c.matched} / ${c.applied}` }),
        h('td', {}, h('button', { type: 'button', 'data-name': c.name, 'data-write': true, 'aria-label': m('net.removeOf', { name: c.name }) }, m('net.remove'))));
    });
    list.replaceChildren(...(rows.length ? rows : [h('tr', {}, h('td', { colspan: 5, class: 'muted', text: m('net.none') }))]));
  } catch (err) {
    list.replaceChildren(h('tr', {}, h('td', { colspan: 5, text: t('net.readFailed', { why: err.message }) })));
  }
}

function body() {
  const f = form.elements;
  const out = { name: f.name.value.trim(), type: f.type.value };
  const shown = new Set([...(TYPE_FIELDS[out.type] ?? []), 'probability', 'first_n', 'path', 'methods']);
  for (const key of shown) {
    const value = f[key]?.value?.trim();
    if (!value) continue;
    if (key === 'methods') out.methods = value.split(/[\s,]+/).filter(Boolean).map((m) => m.toUpperCase());
    else out[key] = NUMBERS.includes(key) ? Number(value) : value;
  }
  return out;
}

async function add() {
  const condition = body();
  const res = await write('POST', `/mock/mk6/${enc(mk6Id)}/network`, condition, t('act.netAdd', { id: mk6Id, name: condition.name }));
  showError(document.getElementById('network-error'), res);
  if (!res.ok) return;
  form.elements.name.value = '';
  await refresh();
  changed();
}

async function remove(name) {
  const path = name === null ? `/mock/mk6/${enc(mk6Id)}/network` : `/mock/mk6/${enc(mk6Id)}/network/${enc(name)}`;
  const res = await write('DELETE', path, undefined, t('act.netRemove', { id: mk6Id, name: name ?? t('net.all') }));
  showError(document.getElementById('network-error'), res);
  await refresh();
  if (res.ok) changed();
}
