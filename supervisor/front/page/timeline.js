// The fleet's timeline: load a file (or paste it), clear it, see each event pending, fired or
// failed (GET/POST/DELETE /mock/timeline). Refreshed when it opens, after a load, and when the
// event log says something fired or the clock moved; the charts mark each MK6's events.

import { getJson, write } from './api.js';
import { onFleetEvent } from './live.js';
import { debounce, h, setText } from './util.js';

const STATUS_LABEL = { pending: 'en attente', fired: 'déclenché', failed: 'échec' };
const els = {};
let view = { count: 0, events: [] };
let changed = () => {};

/** The timeline's events on one MK6, for its charts: [{t (s), action, status}]. */
export function timelineFor(mk6Id) {
  return view.events.filter((e) => e.mk6 === mk6Id).map((e) => ({ t: Date.parse(e.at) / 1000, action: e.action, status: e.status }));
}

export async function refreshTimeline() {
  try {
    show(await getJson('/mock/timeline'));
  } catch (err) {
    setText(els.summary, `timeline illisible (${err.message})`);
  }
}

function show(body) {
  if (!body || !Array.isArray(body.events)) return;
  view = body;
  const pending = body.events.filter((e) => e.status === 'pending').length;
  const fired = body.events.filter((e) => e.status === 'fired').length;
  const failed = body.events.filter((e) => e.status === 'failed').length;
  setText(els.summary, body.count === 0 ? 'aucune (chargez un fichier timelines/*.yaml)'
    : `${body.count} événements : ${pending} en attente, ${fired} déclenchés${failed ? `, ${failed} en échec` : ''}${body.next_at ? ` · prochain ${body.next_at.slice(11, 19)}` : ''}`);
  els.rows.replaceChildren(...body.events.map((e) => h('tr', { class: `tl ${e.status}`, 'data-testid': 'timeline-event', 'data-index': e.index, 'data-status': e.status, 'data-action': e.action },
    h('td', { class: 'num', text: e.index }),
    h('td', { text: e.at.replace('T', ' ').replace('Z', '') }),
    h('td', { text: e.action }),
    h('td', { text: e.mk6 ?? '' }),
    h('td', { class: 'status', text: STATUS_LABEL[e.status] ?? e.status }),
    h('td', { class: 'muted', text: e.error ?? e.result_status ?? '' }))));
  changed();
}

async function load() {
  const text = els.text.value;
  if (!text.trim()) return;
  const res = await fetch('/mock/timeline', { method: 'POST', headers: { 'content-type': 'text/yaml', accept: 'application/json' }, body: text, signal: AbortSignal.timeout(15_000) }).catch((err) => ({ ok: false, status: 0, json: async () => ({ message: err.message }) }));
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const problems = body?.details?.problems;
    els.error.hidden = false;
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
    const res = await write('DELETE', '/mock/timeline', undefined, 'Timeline effacée');
    if (res.ok) show(res.body);
  });
  els.timeline.addEventListener('toggle', () => { if (els.timeline.open) void refreshTimeline(); });
  // Once for a burst (the event log replayed at load, a clock step firing many events).
  const refreshLater = debounce(() => void refreshTimeline(), 200);
  onFleetEvent((e) => {
    if (['timeline_fired', 'reset', 'clock_set', 'clock_release'].includes(e.kind)) refreshLater();
  });
  void refreshTimeline();
}
