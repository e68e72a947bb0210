// A chaos day from the page: a seed, an intensity, start (POST /mock/chaos). The day is drawn
// on the fleet file's MK6s and sites exactly as `mk6-fleet chaos --seed N --intensity I`
// writes it, and loaded as the timeline (the timeline panel shows it). Its form sits in the
// timeline panel. Texts from messages.js (chaos.*), re-rendered on `langchange`.
// Also: the fault coverage of a verdict, as a table, for the verdict panel.

import { write } from './api.js';
import { t } from './i18n.js';
import { refreshTimeline } from './timeline.js';
import { h } from './util.js';

const LEVELS = { low: 'chaos.low', medium: 'chaos.medium', high: 'chaos.high' };
let form = null;

export function initChaos() {
  const host = document.querySelector('#timeline .timeline-body');
  if (!host) return;
  form = h('div', { class: 'verdict-input chaos', 'data-testid': 'chaos' });
  host.prepend(form);
  render();
  document.addEventListener('langchange', render);
}

function render() {
  const seed = form.querySelector('input')?.value ?? String(Math.floor(Date.now() / 1000) % 100000);
  const level = form.querySelector('select')?.value ?? 'low';
  form.replaceChildren(
    h('strong', { text: t('chaos.title') }),
    h('label', {}, `${t('chaos.seed')} `, h('input', { type: 'number', min: 0, max: 4294967295, step: 1, value: seed, 'data-testid': 'chaos-seed', 'aria-label': t('chaos.seed') })),
    h('label', {}, `${t('chaos.intensity')} `, h('select', { 'data-testid': 'chaos-intensity', 'aria-label': t('chaos.intensity') },
      ...Object.entries(LEVELS).map(([l, key]) => h('option', { value: l, selected: l === level, text: t(key) })))),
    h('button', { type: 'button', 'data-write': true, 'data-testid': 'chaos-start', title: t('chaos.hint'), onclick: start, text: t('chaos.start') }),
  );
}

async function start() {
  const seed = Number(form.querySelector('input').value);
  const res = await write('POST', '/mock/chaos', { seed, intensity: form.querySelector('select').value }, t('chaos.started', { seed }));
  if (res.ok) await refreshTimeline();
}

/** The coverage of a verdict (`{mk6: {kind: n}}`) as a table; null without one. */
export function coverageTable(coverage) {
  if (!coverage || typeof coverage !== 'object') return null;
  const ids = Object.keys(coverage);
  const kinds = [...new Set(ids.flatMap((id) => Object.keys(coverage[id])))];
  if (kinds.length === 0) return h('p', { class: 'muted', 'data-testid': 'verdict-coverage', text: t('chaos.noCoverage') });
  return h('table', { class: 'coverage', 'data-testid': 'verdict-coverage' },
    h('caption', { text: t('chaos.coverage') }),
    h('thead', {}, h('tr', {}, h('th', { text: 'MK6' }), ...kinds.map((k) => h('th', { text: k })))),
    h('tbody', {}, ...ids.map((id) => h('tr', { 'data-mk6': id }, h('td', { text: id }), ...kinds.map((k) => h('td', { class: 'num', 'data-kind': k, text: coverage[id][k] ?? '' }))))));
}

/** The faults a failing check names, as a list; null when none. */
export function candidatesList(check) {
  if (check.status !== 'fail' || !check.candidates?.length) return null;
  const list = check.candidates.map((c) => `${c.mk6_id} ${c.fault} ${c.from.slice(11, 19)}–${c.to ? c.to.slice(11, 19) : '…'}`).join(', ');
  return h('div', { class: 'candidates muted', 'data-testid': 'verdict-candidates' }, t('chaos.candidates', { list }));
}
