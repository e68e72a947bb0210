// One site of an MK6: what it reads (state, fault, powers, setpoint, active request,
// external constraint) and what the tester can do to it (state, fault, DEIE/SCADA).

import { enc, toast, write } from './api.js';
import { SiteChart } from './chart.js';
import { m, t } from './i18n.js';
import { dayStart, fmtHm, fmtKw, fmtWindow, h, isoSeconds, parseUtcInput, setData, setText } from './util.js';

const STATE_LABELS = { 0: 'state.0', 1: 'state.1', 2: 'state.2' };

const METRICS = [
  ['psetpoint_recu', 'site.psetpoint', 'main'],
  ['pactive', 'site.pactive', ''],
  ['pavailable', 'site.pavailable', ''],
  ['pmax_wf', 'site.pmax', ''],
];

export class SiteBlock {
  /** @param site an inventory site {sycode, name, role, pmax_kw, prm_id, state, fault} */
  constructor(mk6Id, site, onChanged) {
    this.mk6Id = mk6Id;
    this.sycode = site.sycode;
    this.onChanged = onChanged;
    this.fields = {};
    this.root = h('article', { class: 'site', 'data-mk6': mk6Id, 'data-sycode': site.sycode, 'data-testid': 'site' });
    this.build(site);
  }

  build(site) {
    const title = h('div', { class: 'site-title' },
      this.stateBadge = h('span', { class: 'badge state', 'data-testid': 'site-state' }),
      this.faultBadge = h('span', { class: 'badge fault', 'data-testid': 'site-fault', hidden: true }, m('site.faultBadge')),
      h('strong', { class: 'sycode', 'data-testid': 'site-sycode' }, site.sycode),
      this.nameNode = h('span', { class: 'site-name', 'data-testid': 'site-name' }, site.name),
      this.roleNode = h('span', { class: 'role muted' }, site.role),
      this.prmNode = h('span', { class: 'prm muted' }, site.prm_id ? `PRM ${site.prm_id}` : ''),
    );
    const metrics = h('div', { class: 'metrics' }, METRICS.map(([key, label, cls]) => {
      const value = h('span', { class: 'value', 'data-field': key, 'data-testid': `site-${key}` }, '—');
      this.fields[key] = value;
      return h('div', { class: `metric ${cls}` }, h('span', { class: 'label' }, m(label)), value);
    }), this.stopNode = h('div', { class: 'metric stop', 'data-testid': 'site-stop', hidden: true }, h('span', { class: 'label' }, m('site.stop')), h('span', { class: 'value' }, m('site.stopActive'))));

    this.banner = h('div', { class: 'constraint-banner', 'data-testid': 'constraint-banner', role: 'status', hidden: true });
    this.configured = h('div', { class: 'constraint-configured muted', 'data-testid': 'constraint-configured', hidden: true });
    this.request = h('div', { class: 'active-request', 'data-testid': 'active-request' }, '—');

    const stateButtons = [0, 1, 2].map((v) =>
      h('button', { type: 'button', class: `state-btn s${v}`, 'data-action': 'site-state', 'data-value': v, 'data-write': true, title: m('site.setStateTitle', { v }), onclick: () => this.setState(v) }, String(v)));
    this.faultButton = h('button', { type: 'button', 'data-action': 'fault-raise', 'data-write': true, onclick: () => this.toggleFault() });

    this.cSource = h('select', { 'aria-label': m('site.cSourceLabel', { sycode: site.sycode }), 'data-field': 'constraint-source', 'data-testid': 'constraint-source', 'data-write': true }, h('option', {}, 'DEIE'), h('option', {}, 'SCADA'));
    this.cValue = h('input', { type: 'number', min: 0, step: 1, placeholder: 'kW', 'aria-label': m('site.cValueLabel', { sycode: site.sycode }), 'data-field': 'constraint-value', 'data-testid': 'constraint-value', 'data-write': true });
    this.cStart = h('input', { type: 'text', class: 'when', placeholder: m('site.datePlaceholder'), title: m('site.cStartTitle'), 'data-field': 'constraint-start', 'data-testid': 'constraint-start', 'data-write': true });
    this.cEnd = h('input', { type: 'text', class: 'when', placeholder: m('site.datePlaceholder'), title: m('site.cEndTitle'), 'data-field': 'constraint-end', 'data-testid': 'constraint-end', 'data-write': true });
    const constraintForm = h('form', { class: 'constraint-form', onsubmit: (ev) => { ev.preventDefault(); this.inject(); } },
      this.cSource, this.cValue,
      h('button', { type: 'submit', 'data-action': 'constraint-inject', 'data-write': true }, m('site.inject')),
      this.clearButton = h('button', { type: 'button', 'data-action': 'constraint-clear', 'data-write': true, onclick: () => this.clearConstraint() }, m('site.remove')),
      h('details', { class: 'window', 'data-testid': 'constraint-window' }, h('summary', {}, m('site.window')),
        h('label', {}, m('site.start'), ' ', this.cStart), h('label', {}, m('site.end'), ' ', this.cEnd), h('span', { class: 'muted' }, 'UTC')),
    );

    const actions = h('div', { class: 'site-actions' },
      h('span', { class: 'group' }, h('span', { class: 'label' }, m('site.stateLabel')), ...stateButtons),
      h('span', { class: 'group' }, this.faultButton),
      h('span', { class: 'group constraint' }, h('span', { class: 'label' }, m('site.constraint')), constraintForm),
    );

    this.planningList = h('ul', { class: 'planning-list', 'data-testid': 'planning-list' });
    this.chartBox = h('div', { class: 'chart-box', 'data-testid': 'site-chart' });
    // The day so far as the monitoring answered it, every minute (GET /mock/mk6/{id}/history).
    this.download = h('a', { class: 'history-download', 'data-testid': 'history-download', download: `${this.mk6Id}-${this.sycode}.csv`, title: m('site.csvTitle') }, m('site.csv'));
    this.root.append(
      h('div', { class: 'site-info' }, title, metrics, this.banner, this.configured, this.request, actions),
      h('div', { class: 'site-plot' }, this.chartBox, this.download, this.planningList),
    );
    this.chart = new SiteChart(this.chartBox, this.mk6Id, this.sycode);
    this.showState(site.state, site.fault);
  }

  showState(state, fault) {
    this.shownState = [state, fault];
    setData(this.root, 'state', state);
    setData(this.root, 'fault', Boolean(fault));
    setText(this.stateBadge, STATE_LABELS[state] ? t(STATE_LABELS[state]) : String(state));
    this.stateBadge.className = `badge state s${state}`;
    this.faultBadge.hidden = !fault;
    this.faultButton.dataset.action = fault ? 'fault-clear' : 'fault-raise';
    setText(this.faultButton, t(fault ? 'site.clearFault' : 'site.fault'));
    this.faultButton.title = t(fault ? 'site.clearFaultTitle' : 'site.raiseFaultTitle');
  }

  /** Takes the site's entry of GET /mock/mk6/{id}/state and the MK6's whole planning. */
  update(view, planning, nowMs) {
    this.last = [view, planning, nowMs];
    this.showState(view.state, view.fault);
    for (const [key] of METRICS) {
      setText(this.fields[key], fmtKw(view[key]));
      setData(this.fields[key], 'value', view[key]);
    }
    this.stopNode.hidden = !view.stop_wf_active;
    setData(this.root, 'stop', Boolean(view.stop_wf_active));
    for (const btn of this.root.querySelectorAll('.state-btn')) btn.classList.toggle('current', Number(btn.dataset.value) === view.base_state);

    const c = view.external_constraint;
    this.banner.hidden = !c;
    setData(this.root, 'constraint', c ? c.source : 'none');
    if (c) {
      setText(this.banner, t('site.banner', { source: c.source, value: fmtKw(c.value_kw), since: fmtHm(c.since, true) }) +
        (c.start_time || c.end_time ? t('site.bannerWindow', { window: fmtWindow(c.start_time, c.end_time, dayStart(nowMs)) }) : ''));
      setData(this.banner, 'source', c.source);
      setData(this.banner, 'value', c.value_kw);
    }
    const cc = view.configured_constraint;
    this.configured.hidden = !(cc && !c);
    if (cc && !c) setText(this.configured, t('site.configured', { source: cc.source, value: fmtKw(cc.value_kw), window: fmtWindow(cc.start_time, cc.end_time, dayStart(nowMs)) }));

    const r = view.active_request;
    setData(this.request, 'req', r ? r.id : '');
    setText(this.request, r
      ? t('site.activeRequest', { id: r.id, seq: r.seq, what: r.set === 'stop' ? 'STOP' : `Psetpoint ${fmtKw(r.psetpoint)}`, window: fmtWindow(r.start_time, r.end_time, dayStart(nowMs)) })
      : t('site.noRequest'));

    const mine = planning.filter((req) => Object.keys(req.site ?? {})[0] === this.sycode);
    this.renderPlanning(mine, nowMs);
    this.chart.setPlanning(mine, view.pmax_wf);
    this.chart.moveNow(nowMs);
    const from = new Date(dayStart(nowMs)).toISOString().replace('.000Z', 'Z');
    const to = new Date(Math.floor(nowMs / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
    this.download.href = `/mock/mk6/${encodeURIComponent(this.mk6Id)}/history?from=${from}&to=${to}&step=60s&format=csv&sycode=${encodeURIComponent(this.sycode)}`;
  }

  renderPlanning(requests, nowMs) {
    const d0 = dayStart(nowMs);
    const shown = requests.filter((r) => r.state !== 'deleted' && (r.state !== 'expired' || Date.parse(r.end_time) > d0)).slice(-12);
    const key = shown.map((r) => `${r.id}:${r.state}:${r.psetpoint}:${r.start_time}:${r.end_time}`).join('|');
    if (key === this.planningKey) return;
    this.planningKey = key;
    this.planningList.replaceChildren(...shown.map((r) => h('li', { class: `req ${r.state}`, 'data-testid': 'planning-item', 'data-req': r.id, 'data-state': r.state },
      h('b', {}, r.id), ` ${fmtWindow(r.start_time, r.end_time, d0)} `,
      r.set === 'stop' ? h('span', { class: 'stop' }, 'stop') : fmtKw(r.psetpoint),
      h('span', { class: 'muted' }, ` ${r.state}`))));
  }

  /** The language changed: the texts written from the last values, and the chart. */
  relabel() {
    this.planningKey = null;
    this.chart.relabel();
    if (this.last) this.update(...this.last);
    else this.showState(...this.shownState);
  }

  /** Tick between polls: the chart's "now" line follows the clock. */
  tick(nowMs) {
    this.chart.moveNow(nowMs);
  }

  setUnreachable(unreachable) {
    this.root.classList.toggle('unreachable', unreachable);
    for (const el of this.root.querySelectorAll('[data-write]')) el.toggleAttribute('data-blocked', unreachable);
  }

  path(suffix) {
    return `/mock/mk6/${enc(this.mk6Id)}/${suffix}`;
  }

  async setState(value) {
    const res = await write('POST', this.path(`site-state/${enc(this.sycode)}`), { state: value }, `${this.mk6Id} ${this.sycode} state ${value}`);
    if (res.ok) this.onChanged();
  }

  async toggleFault() {
    const raise = this.faultButton.dataset.action === 'fault-raise';
    const res = await write(raise ? 'POST' : 'DELETE', this.path(`fault/${enc(this.sycode)}`), undefined, t(raise ? 'act.fault' : 'act.faultCleared', { id: this.mk6Id, sycode: this.sycode }));
    if (res.ok) this.onChanged();
  }

  async inject() {
    const value = Number(this.cValue.value);
    if (this.cValue.value === '' || !(value >= 0)) return toast(t('site.badValue'), 0);
    const body = { source: this.cSource.value, value_kw: value };
    for (const [input, field] of [[this.cStart, 'start_time'], [this.cEnd, 'end_time']]) {
      if (!input.value) continue;
      const ms = parseUtcInput(input.value);
      if (!Number.isFinite(ms)) return toast(t('site.badTime', { field }), 0);
      body[field] = isoSeconds(ms);
    }
    const res = await write('POST', this.path(`sites/${enc(this.sycode)}/inject_external`), body, t('act.constraint', { id: this.mk6Id, sycode: this.sycode, source: body.source, value: fmtKw(value) }));
    if (res.ok) this.onChanged();
  }

  async clearConstraint() {
    const res = await write('DELETE', this.path(`sites/${enc(this.sycode)}/inject_external`), undefined, t('act.constraintCleared', { id: this.mk6Id, sycode: this.sycode }));
    if (res.ok) this.onChanged();
  }

  destroy() {
    this.chart.destroy();
    this.root.remove();
  }
}
