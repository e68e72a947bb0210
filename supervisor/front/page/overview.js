// The fleet at a glance: one row per MK6 (process, outage, site states, consigne and Pactive
// summed over its sites), filtered by the search box, opened as a card with a click. Only the
// rows in view are in the DOM (fixed row height, spacer rows above and below), so a fleet of
// 250 renders and filters as fast as one of 5. Fed by the inventory and the stream's telemetry.

import { t } from './i18n.js';
import { dotTitle, fmtNumber, h, procLabel, setData, setText } from './util.js';

const ROW_H = 28;
const fmtMw = (kw) => fmtNumber(kw / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const OVERSCAN = 8;

export class Overview {
  /** `onOpen(id)`: the tester opened an MK6's card. */
  constructor({ onOpen }) {
    this.onOpen = onOpen;
    this.entries = [];
    this.shown = [];
    this.query = '';
    this.telemetry = new Map();
    this.openIds = new Set();
    this.scroller = document.getElementById('overview-scroll');
    this.tbody = document.getElementById('overview-rows');
    this.count = document.getElementById('fleet-count');
    this.pending = false;
    this.scroller.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    this.tbody.addEventListener('click', (ev) => {
      const btn = ev.target.closest('button[data-open]');
      if (btn) this.onOpen(btn.dataset.open);
    });
  }

  setEntries(list) {
    this.entries = list;
    this.filter();
  }

  setQuery(query) {
    this.query = query.trim().toLowerCase();
    this.filter();
  }

  setTelemetry(t) {
    this.telemetry.set(t.mk6_id, t);
    this.schedule();
  }

  setOpen(ids) {
    this.openIds = new Set(ids);
    this.schedule();
  }

  filter() {
    const words = this.query.split(/\s+/).filter(Boolean);
    this.shown = words.length === 0 ? this.entries : this.entries.filter((e) => {
      const text = (e._text ??= [e.mk6_id, ...(e.aliases ?? []), e.network?.url ?? '', ...(e.sites ?? []).flatMap((s) => [s.sycode, s.name, s.prm_id ?? ''])].join(' ').toLowerCase());
      return words.every((w) => text.includes(w));
    });
    const n = this.entries.length;
    setText(this.count, this.shown.length === n ? `${n} MK6` : `${this.shown.length} / ${n} MK6`);
    setData(this.tbody, 'shown', this.shown.length);
    this.render();
    // When the fleet first showed, for the record (performance.getEntriesByName in the tests).
    if (n > 0 && !this.marked) this.marked = performance.mark('mk6:overview-rendered');
  }

  /** The language changed: the count and the rows, again. */
  relabel() {
    this.filter();
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  /** Draws the rows in view (and a few around), the rest as two spacer rows. */
  render() {
    const total = this.shown.length;
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / ROW_H) - OVERSCAN);
    const last = Math.min(total, Math.ceil((this.scroller.scrollTop + this.scroller.clientHeight) / ROW_H) + OVERSCAN);
    const rows = [];
    if (first > 0) rows.push(h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: 5, style: `height:${first * ROW_H}px` })));
    for (let i = first; i < last; i++) rows.push(this.row(this.shown[i]));
    if (last < total) rows.push(h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: 5, style: `height:${(total - last) * ROW_H}px` })));
    const focused = document.activeElement?.closest?.('#overview-rows') ? document.activeElement.dataset.open : null;
    this.tbody.replaceChildren(...rows);
    if (focused) this.tbody.querySelector(`button[data-open="${CSS.escape(focused)}"]`)?.focus();
  }

  row(e) {
    const status = e.process?.status ?? 'unknown';
    const outage = e.outage ?? (status === 'stopped' ? 'refused' : null);
    const tel = this.telemetry.get(e.mk6_id);
    let consigne = 0;
    let pactive = 0;
    for (const s of Object.values(tel?.sites ?? {})) {
      consigne += s.consigne;
      pactive += s.pactive;
    }
    const states = (e.sites ?? []).map((s) => {
      const live = tel?.sites?.[s.sycode];
      const state = live?.state ?? s.state;
      return h('span', { class: `dot s${state}${s.fault ? ' fault' : ''}`, title: dotTitle(s, state) }, String(state));
    });
    const badges = [
      h('span', { class: `badge proc proc-${status.replace(/\W+/g, '-')}` }, procLabel(status)),
      outage && outage !== 'refused' ? h('span', { class: 'badge trouble' }, outage) : null,
      e.online === false && status === 'online' ? h('span', { class: 'badge net off' }, t('ov.offline')) : null,
      (e.network_conditions ?? []).length ? h('span', { class: 'badge trouble', title: e.network_conditions.map((c) => `${c.name}: ${c.type}`).join(', ') }, t('ov.network', { n: e.network_conditions.length })) : null,
    ];
    const open = this.openIds.has(e.mk6_id);
    return h('tr', { class: `ov-row${open ? ' open' : ''}`, 'data-testid': 'overview-row', 'data-mk6': e.mk6_id, 'data-status': status, 'data-open': String(open) },
      h('td', {}, h('button', { type: 'button', class: 'ov-open', 'data-open': e.mk6_id, 'data-testid': 'overview-open', 'aria-label': t('ov.openOf', { id: e.mk6_id }), 'aria-pressed': String(open) }, e.mk6_id)),
      h('td', { class: 'ov-status' }, badges),
      h('td', { class: 'ov-states' }, states),
      h('td', { class: 'num', 'data-testid': 'overview-consigne', 'data-value': tel ? consigne : '' }, tel ? fmtMw(consigne) : '—'),
      h('td', { class: 'num', 'data-testid': 'overview-pactive', 'data-value': tel ? pactive : '' }, tel ? fmtMw(pactive) : '—'));
  }
}
