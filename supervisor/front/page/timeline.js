// The fleet's timeline: load a file (or paste it), clear it, see each event pending, fired or
// failed (GET/POST/DELETE /mock/timeline). Refreshed when it opens, after a load, and when the
// event log says something fired or the clock moved; the charts mark each MK6's events.

import { apiHeaders, getJson, write } from './api.js';
import { t } from './i18n.js';
import { onFleetEvent } from './live.js';
import { debounce, h, setText } from './util.js';

const STATUS_LABEL = { pending: 'tl.pending', fired: 'tl.fired', failed: 'tl.failed' };
const els = {};
let view = { count: 0, events: [] };
/** What the summary says: () → text in the page's language (written again after a switch). */
let summary = () => '…';
let readable = false;
let changed = () => {};

/** The timeline's events on one MK6, for its charts: [{t (s), action, status}]. */
export function timelineFor(mk6Id) {
  return view.events.filter((e) => e.mk6 === mk6Id).map((e) => ({ t: Date.parse(e.at) / 1000, action: e.action, status: e.status }));
}

export async function refreshTimeline() {
  try {
    show(await getJson('/mock/timeline'));
  } catch (err) {
    readable = false;
    summary = () => t('tl.unreadable', { why: err.message });
    setText(els.summary, summary());
  }
}

function show(body) {
  if (!body || !Array.isArray(body.events)) return;
  view = body;
  readable = true;
  const pending = body.events.filter((e) => e.status === 'pending').length;
  const fired = body.events.filter((e) => e.status === 'fired').length;
  const failed = body.events.filter((e) => e.status === 'failed').length;
  summary = () => (body.count === 0 ? t('tl.none')
    : t('tl.summary', { n: body.count, pending, fired }) + (failed ? t('tl.failedCount', { n: failed }) : '') + (body.next_at ? t('tl.next', { at: body.next_at.slice(11, 19) }) : ''));
  setText(els.summary, summary());
  els.rows.replaceChildren(...body.events.map((e) => h('tr', { class: `tl ${e.status}`, 'data-testid': 'timeline-event', 'data-index': e.index, 'data-status': e.status, 'data-action': e.action },
    h('td', { class: 'num', text: e.index }),
    h('td', { text: e.at.replace('T', ' ').replace('Z', '') }),
    h('td', { text: e.action }),
    h('td', { text: e.mk6 ?? '' }),
    h('td', { class: 'status', text: STATUS_LABEL[e.status] ? t(STATUS_LABEL[e.status]) : e.status }),
    h('td', { class: 'muted', text: e.error ?? e.result_status ?? '' }))));
  changed();
}

async function load() {
  const text = els.text.value;
  if (!text.trim()) return;
  const res = await fetch('/mock/timeline', { method: 'POST', headers: apiHeaders({ 'content-type': 'text/yaml' }), body: text, signal: AbortSignal.timeout(15_000) }).catch((err) => ({ ok: false, status: 0, json: async () => ({ message: err.message }) }));
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const problems = body?.details?.problems;
    els.error.hidden = false;
    els.error.lang = res.headers?.get('content-language') ?? '';
    setText(els.error, Array.isArray(problems) ? problems.join('\n') : `${res.status} ${body?.error ?? ''} ${body?.message ?? ''}`.trim());
    return;
  }
  els.error.hidden = true;
  show(body);
}

/** `onChange`: after the timeline changed (the charts redraw their markers). */
export function initTimeline(onChange) {
  changed = onChange;
  for (const id of ['timeline', 'timeline-file', 'timeline-text', 'timeline-load', 'timeline-clear', 'timeline-summary', 'timeline-rows', 'timeline-error']) els[id.replace('timeline-', '')] = document.getElementById(id);
  els.file.addEventListener('change', async () => {
    const file = els.file.files?.[0];
    if (!file) return;
    els.text.value = await file.text();
    await load();
  });
  els.load.addEventListener('click', () => void load());
  els.clear.addEventListener('click', async () => {
    const res = await write('DELETE', '/mock/timeline', undefined, t('tl.cleared'));
    if (res.ok) show(res.body);
  });
  els.timeline.addEventListener('toggle', () => { if (els.timeline.open) void refreshTimeline(); });
  // Once for a burst (the event log replayed at load, a clock step firing many events).
  const refreshLater = debounce(() => void refreshTimeline(), 200);
  onFleetEvent((e) => {
    if (['timeline_fired', 'reset', 'clock_set', 'clock_release'].includes(e.kind)) refreshLater();
  });
  document.addEventListener('langchange', () => (readable ? show(view) : setText(els.summary, summary())));
  void refreshTimeline();
}
