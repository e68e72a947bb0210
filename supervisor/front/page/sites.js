// One site of an MK6: what it reads (state, fault, powers, setpoint, active request,
// external constraint) and what the tester can do to it (state, fault, DEIE/SCADA).

import { enc, toast, write } from './api.js';
import { SiteChart } from './chart.js';
import { dayStart, fmtHm, fmtKw, fmtWindow, h, isoSeconds, parseUtcInput, setData, setText } from './util.js';

const STATE_LABELS = { 0: '0 · inaccessible', 1: '1 · non pilotable', 2: '2 · pilotable' };

const METRICS = [
  ['psetpoint_recu', 'Consigne reçue', 'main'],
  ['pactive', 'Pactive', ''],
  ['pavailable', 'Pdispo', ''],
  ['pmax_wf', 'Pmax', ''],
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
      this.faultBadge = h('span', { class: 'badge fault', 'data-testid': 'site-fault', hidden: true }, 'DÉFAUT'),
      h('strong', { class: 'sycode', 'data-testid': 'site-sycode' }, site.sycode),
      this.nameNode = h('span', { class: 'site-name', 'data-testid': 'site-name' }, site.name),
      this.roleNode = h('span', { class: 'role muted' }, site.role),
      this.prmNode = h('span', { class: 'prm muted' }, site.prm_id ? `PRM ${site.prm_id}` : ''),
    );
    const metrics = h('div', { class: 'metrics' }, METRICS.map(([key, label, cls]) => {
      const value = h('span', { class: 'value', 'data-field': key, 'data-testid': `site-${key}` }, '—');
      this.fields[key] = value;
      return h('div', { class: `metric ${cls}` }, h('span', { class: 'label' }, label), value);
    }), this.stopNode = h('div', { class: 'metric stop', 'data-testid': 'site-stop', hidden: true }, h('span', { class: 'label' }, 'Stop'), h('span', { class: 'value' }, 'STOP actif')));

    this.banner = h('div', { class: 'constraint-banner', 'data-testid': 'constraint-banner', role: 'status', hidden: true });
    this.configured = h('div', { class: 'constraint-configured muted', 'data-testid': 'constraint-configured', hidden: true });
    this.request = h('div', { class: 'active-request', 'data-testid': 'active-request' }, '—');

    const stateButtons = [0, 1, 2].map((v) =>
      h('button', { type: 'button', class: `state-btn s${v}`, 'data-action': 'site-state', 'data-value': v, 'data-write': true, title: `Passer le site en state ${v}`, onclick: () => this.setState(v) }, String(v)));
    this.faultButton = h('button', { type: 'button', 'data-action': 'fault-raise', 'data-write': true, onclick: () => this.toggleFault() }, 'Défaut');

    this.cSource = h('select', { 'aria-label': `Source de la contrainte (${site.sycode})`, 'data-field': 'constraint-source', 'data-testid': 'constraint-source', 'data-write': true }, h('option', {}, 'DEIE'), h('option', {}, 'SCADA'));
    this.cValue = h('input', { type: 'number', min: 0, step: 1, placeholder: 'kW', 'aria-label': `Valeur de la contrainte en kW (${site.sycode})`, 'data-field': 'constraint-value', 'data-testid': 'constraint-value', 'data-write': true });
    this.cStart = h('input', { type: 'text', class: 'when', placeholder: 'AAAA-MM-JJ HH:MM', title: 'Début (UTC), optionnel', 'data-field': 'constraint-start', 'data-testid': 'constraint-start', 'data-write': true });
    this.cEnd = h('input', { type: 'text', class: 'when', placeholder: 'AAAA-MM-JJ HH:MM', title: 'Fin (UTC), optionnelle', 'data-field': 'constraint-end', 'data-testid': 'constraint-end', 'data-write': true });
    const constraintForm = h('form', { class: 'constraint-form', onsubmit: (ev) => { ev.preventDefault(); this.inject(); } },
      this.cSource, this.cValue,
      h('button', { type: 'submit', 'data-action': 'constraint-inject', 'data-write': true }, 'Injecter'),
      this.clearButton = h('button', { type: 'button', 'data-action': 'constraint-clear', 'data-write': true, onclick: () => this.clearConstraint() }, 'Retirer'),
      h('details', { class: 'window', 'data-testid': 'constraint-window' }, h('summary', {}, 'fenêtre…'),
        h('label', {}, 'début ', this.cStart), h('label', {}, 'fin ', this.cEnd), h('span', { class: 'muted' }, 'UTC')),
    );

    const actions = h('div', { class: 'site-actions' },
      h('span', { class: 'group' }, h('span', { class: 'label' }, 'state'), ...stateButtons),
      h('span', { class: 'group' }, this.faultButton),
      h('span', { class: 'group constraint' }, h('span', { class: 'label' }, 'contrainte'), constraintForm),
    );

    this.planningList = h('ul', { class: 'planning-list', 'data-testid': 'planning-list' });
    this.chartBox = h('div', { class: 'chart-box', 'data-testid': 'site-chart' });
    // The day so far as the monitoring answered it, every minute (GET /mock/mk6/{id}/history).
    this.download = h('a', { class: 'history-download', 'data-testid': 'history-download', download: `${this.mk6Id}-${this.sycode}.csv`, title: 'GET /mock/mk6/{id}/history?format=csv : le jour simulé, minute par minute' }, '⬇ CSV du jour');
    this.root.append(
      h('div', { class: 'site-info' }, title, metrics, this.banner, this.configured, this.request, actions),
      h('div', { class: 'site-plot' }, this.chartBox, this.download, this.planningList),
    );
    this.chart = new SiteChart(this.chartBox, this.mk6Id, this.sycode);
    this.showState(site.state, site.fault);
  }

  showState(state, fault) {
    setData(this.root, 'state', state);
    setData(this.root, 'fault', Boolean(fault));
    setText(this.stateBadge, STATE_LABELS[state] ?? String(state));
    this.stateBadge.className = `badge state s${state}`;
    this.faultBadge.hidden = !fault;
    this.faultButton.dataset.action = fault ? 'fault-clear' : 'fault-raise';
    setText(this.faultButton, fault ? 'Lever le défaut' : 'Défaut');
    this.faultButton.title = fault ? 'DELETE /fault : rend au site son state d\'avant' : 'POST /fault : force le state 0';
  }

  /** Takes the site's entry of GET /mock/mk6/{id}/state and the MK6's whole planning. */
  update(view, planning, nowMs) {
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
      setText(this.banner, `⚠ Contrainte ${c.source} active : ${fmtKw(c.value_kw)} — depuis ${fmtHm(c.since, true)}` +
        (c.start_time || c.end_time ? ` · fenêtre ${fmtWindow(c.start_time, c.end_time, dayStart(nowMs))}` : ''));
      setData(this.banner, 'source', c.source);
      setData(this.banner, 'value', c.value_kw);
    }
    const cc = view.configured_constraint;
    this.configured.hidden = !(cc && !c);
    if (cc && !c) setText(this.configured, `Contrainte ${cc.source} ${fmtKw(cc.value_kw)} programmée ${fmtWindow(cc.start_time, cc.end_time, dayStart(nowMs))} — hors fenêtre, inactive`);

    const r = view.active_request;
    setData(this.request, 'req', r ? r.id : '');
    setText(this.request, r
      ? `Requête active ${r.id} (seq ${r.seq}) · ${r.set === 'stop' ? 'STOP' : `Psetpoint ${fmtKw(r.psetpoint)}`} · ${fmtWindow(r.start_time, r.end_time, dayStart(nowMs))}`
      : 'Aucune requête active : consigne = Pmax');

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
    const res = await write(raise ? 'POST' : 'DELETE', this.path(`fault/${enc(this.sycode)}`), undefined, `${this.mk6Id} ${this.sycode} ${raise ? 'défaut' : 'défaut levé'}`);
    if (res.ok) this.onChanged();
  }

  async inject() {
    const value = Number(this.cValue.value);
    if (this.cValue.value === '' || !(value >= 0)) return toast('Valeur de contrainte (kW) manquante ou invalide', 0);
    const body = { source: this.cSource.value, value_kw: value };
    for (const [input, field] of [[this.cStart, 'start_time'], [this.cEnd, 'end_time']]) {
      if (!input.value) continue;
      const ms = parseUtcInput(input.value);
      if (!Number.isFinite(ms)) return toast(`${field} invalide : AAAA-MM-JJ HH:MM[:SS] (UTC)`, 0);
      body[field] = isoSeconds(ms);
    }
    const res = await write('POST', this.path(`sites/${enc(this.sycode)}/inject_external`), body, `${this.mk6Id} ${this.sycode} contrainte ${body.source} ${value} kW`);
    if (res.ok) this.onChanged();
  }

  async clearConstraint() {
    const res = await write('DELETE', this.path(`sites/${enc(this.sycode)}/inject_external`), undefined, `${this.mk6Id} ${this.sycode} contrainte retirée`);
    if (res.ok) this.onChanged();
  }

  destroy() {
    this.chart.destroy();
    this.root.remove();
  }
}
