// Provision an MK6 (POST /mock/mk6/{id}/provision): its sites from a small form. A new id
// spawns a worker; a known one has its sites replaced (its planning cleared). The fleet checks
// the body with the API's own schema: a refusal shows its message and details here; the form
// adds only the HTML input constraints.

import { enc, write } from './api.js';
import { openDialog, showError } from './dialogs.js';
import { m, t } from './i18n.js';
import { h } from './util.js';

let dialog;
let form;
let rows;
let changed = () => {};
let counter = 0;

export function initProvision(onChange) {
  changed = onChange;
  dialog = document.getElementById('provision-dialog');
  form = document.getElementById('provision-form');
  rows = document.getElementById('provision-sites');
  document.getElementById('provision-open').addEventListener('click', () => openProvision());
  document.getElementById('provision-add-site').addEventListener('click', () => addSite({ role: rows.children.length === 0 ? 'thissite' : 'nearsite' }).querySelector('input').focus());
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void submit();
  });
  rows.addEventListener('click', (ev) => {
    const btn = ev.target.closest('[data-action=site-remove]');
    if (btn) btn.closest('tr').remove();
  });
}

/** Opens the form, empty or for an MK6 of the fleet (`entry`: its inventory entry). */
export function openProvision(entry) {
  form.reset();
  rows.replaceChildren();
  form.elements.mk6_id.value = entry?.mk6_id ?? '';
  const sites = entry?.sites?.length ? entry.sites : [{ role: 'thissite' }];
  for (const s of sites) addSite(s);
  showError(document.getElementById('provision-error'), null);
  openDialog(dialog, form.elements.mk6_id);
}

function addSite(site = {}) {
  const n = ++counter;
  const cell = (label, input) => h('td', {}, h('label', { class: 'sr-only', for: `ps-${input.name}-${n}` }, label), input);
  const input = (name, attrs) => h('input', { id: `ps-${name}-${n}`, name, ...attrs });
  const role = h('select', { id: `ps-role-${n}`, name: 'role' }, h('option', { value: 'thissite' }, 'thissite'), h('option', { value: 'nearsite' }, 'nearsite'));
  role.value = site.role ?? 'nearsite';
  const tr = h('tr', { 'data-testid': 'provision-site' },
    cell('sycode', input('sycode', { required: true, maxlength: 64, pattern: '[A-Za-z0-9._\\-]+', value: site.sycode ?? '', 'data-testid': 'provision-sycode' })),
    cell(m('col.name'), input('name', { required: true, maxlength: 200, value: site.name ?? '', 'data-testid': 'provision-name' })),
    cell(m('prov.role'), role),
    cell(m('prov.pmax'), input('pmax_kw', { type: 'number', required: true, min: 1, step: 'any', value: site.pmax_kw ?? '', 'data-testid': 'provision-pmax' })),
    cell('PRM', input('prm_id', { maxlength: 64, value: site.prm_id ?? '' })),
    h('td', {}, h('button', { type: 'button', 'data-action': 'site-remove', 'aria-label': m('prov.removeSite', { n }) }, '✕')));
  // What the form does not edit (the site's plant) is sent back as it was: provisioning again keeps it.
  tr.extra = Object.fromEntries(['dynamics', 'profile'].filter((k) => site[k] != null).map((k) => [k, site[k]]));
  rows.append(tr);
  return tr;
}

async function submit() {
  const id = form.elements.mk6_id.value.trim();
  const sites = [...rows.querySelectorAll('tr')].map((tr) => {
    const v = (name) => tr.querySelector(`[name=${name}]`).value.trim();
    const site = { sycode: v('sycode'), name: v('name'), role: v('role'), pmax_kw: Number(v('pmax_kw')), ...tr.extra };
    if (v('prm_id')) site.prm_id = v('prm_id');
    return site;
  });
  const res = await write('POST', `/mock/mk6/${enc(id)}/provision`, { sites }, t('act.provisioned', { id }));
  showError(document.getElementById('provision-error'), res);
  if (!res.ok) return;
  dialog.close();
  changed();
}
