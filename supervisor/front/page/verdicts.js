// The recette verdict panel: load a recette file (or paste it), POST /mock/verdicts, see
// each check pass / fail / not applicable with its message; a journal id of the evidence
// opens that entry in the journal below.

import { apiHeaders } from './api.js';
import { t } from './i18n.js';
import { h, setText } from './util.js';
import { candidatesList, coverageTable } from './chaos.js';

const els = {};
const LABEL = { pass: 'v.pass', fail: 'v.fail', not_applicable: 'v.na' };
/** What the panel shows, drawn again after a switch: the fleet's messages stay in the language they were answered in (`lang`). */
let shown = { kind: 'none' };

export function initVerdicts() {
  for (const id of ['verdicts', 'verdict-file', 'verdict-text', 'verdict-run', 'verdict-summary', 'verdict-rows']) els[id] = document.getElementById(id);
  els['verdict-file'].addEventListener('change', async () => {
    const file = els['verdict-file'].files?.[0];
    if (!file) return;
    els['verdict-text'].value = await file.text();
    await judge();
  });
  els['verdict-run'].addEventListener('click', () => void judge());
  els['verdict-rows'].addEventListener('click', (ev) => {
    const link = ev.target.closest('[data-journal-id]');
    if (!link) return;
    ev.preventDefault();
    void showJournalEntry(Number(link.dataset.journalId));
  });
  document.addEventListener('langchange', redraw);
  redraw();
}

function redraw() {
  if (shown.kind === 'verdict') render(shown.body, shown.lang);
  else if (shown.kind === 'error') fail(shown.message, shown.lang);
  else setText(els['verdict-summary'], t('v.prompt'));
}

async function judge() {
  const text = els['verdict-text'].value;
  if (!text.trim()) return;
  setText(els['verdict-summary'], '…');
  let res;
  let body;
  try {
    res = await fetch('/mock/verdicts', { method: 'POST', headers: apiHeaders({ 'content-type': 'text/yaml' }), body: text, signal: AbortSignal.timeout(30_000) });
    body = await res.json().catch(() => null);
  } catch (err) {
    return fail(t('v.unreachable', { why: err.message }), '');
  }
  const answered = res.headers.get('content-language') ?? '';
  if (!res.ok) {
    const problems = body?.details?.problems;
    return fail(Array.isArray(problems) ? problems.join('\n') : `${res.status} ${body?.error ?? ''} ${body?.message ?? ''}`, answered);
  }
  render(body, answered);
}

function fail(message, lang) {
  shown = { kind: 'error', message, lang };
  els.verdicts.dataset.status = 'error';
  setText(els['verdict-summary'], t('v.refused'));
  els['verdict-rows'].replaceChildren(h('tr', { class: 'error', 'data-testid': 'verdict-error' }, h('td', { colspan: 4 }, h('pre', { text: message, lang: lang || undefined }))));
}

function render(v, lang) {
  shown = { kind: 'verdict', body: v, lang };
  els.verdicts.dataset.status = v.failed > 0 ? 'fail' : 'pass';
  setText(els['verdict-summary'], t('v.summary', { name: v.name, passed: v.passed, failed: v.failed, na: v.not_applicable }));
  els['verdict-rows'].replaceChildren(
    ...v.checks.map((c) =>
      h('tr', { class: `check ${c.status}`, 'data-testid': 'verdict-check', 'data-check': c.id, 'data-status': c.status },
        h('td', { class: 'status', text: LABEL[c.status] ? t(LABEL[c.status]) : c.status }),
        h('td', { text: c.id }),
        h('td', { class: 'muted', text: c.kind }),
        h('td', {},
          h('div', { text: c.message, lang: lang || undefined }),
          c.evidence.length
            ? h('ul', { class: 'evidence' }, ...c.evidence.map((e) => h('li', {},
                e.journal_id !== undefined ? h('a', { href: '#', 'data-journal-id': e.journal_id, 'data-testid': 'verdict-evidence', text: `journal #${e.journal_id}` }) : null,
                e.event_id !== undefined ? h('span', { class: 'muted', text: t('v.event', { id: e.event_id }) }) : null,
                h('span', { lang: lang || undefined }, ` ${e.sim_time ?? ''} ${e.mk6_id ?? ''} ${e.what}`))))
            : null,
          candidatesList(c))),
    ),
    ...[coverageTable(v.coverage)].filter(Boolean).map((table) => h('tr', { class: 'coverage' }, h('td', { colspan: 4 }, table))),
  );
}

/** Opens the journal, clears its filters and shows the entry (its row flashes, its bodies open). */
async function showJournalEntry(id) {
  const journal = document.getElementById('journal');
  if (journal.dataset.open !== 'true') document.getElementById('journal-toggle').click();
  for (const f of ['jf-mk6', 'jf-source', 'jf-method', 'jf-status']) {
    const select = document.getElementById(f);
    if (select.value !== '') {
      select.value = '';
      select.dispatchEvent(new Event('change'));
    }
  }
  let row = null;
  for (let i = 0; i < 20 && !row; i++) {
    row = document.querySelector(`#journal-rows tr.entry[data-id="${id}"]`);
    if (!row) await new Promise((r) => setTimeout(r, 250)); // the journal's next poll brings it
  }
  if (!row) return;
  row.scrollIntoView({ block: 'center' });
  row.classList.add('flash');
  setTimeout(() => row.classList.remove('flash'), 2000);
  if (!row.nextElementSibling?.classList.contains('detail')) row.click();
}
